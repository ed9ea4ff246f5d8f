import DiploExport
import DiploModel
import DiploStore
import Foundation

// `diplo-bench import`: bulk import of generated interchange files (`diplo-bench generate`) at
// 10k and 100k events (and 1M with DIPLO_BENCH_SCALE=full), each a whole `diplo import` process,
// side by side with `sqlite-utils insert` of the same records flattened into tables (where it is
// installed: pip install sqlite-utils) and with the floor, the same rows through bare prepared
// statements into Diplo's own schema (`Store.insertBare`). Then, on the database each import made:
// the same file imported again; the queries a user runs, each a whole process (the median of
// five runs); the export to GraphML; and 1,000 more events (a file of events alone, naming the
// entities the knowledge base holds). Figures go to the tables and to .build/bench.json.

extension Benchmark {
    static var importing: Benchmark {
        Benchmark(
            name: "import",
            about:
                "bulk import at 10k and 100k events (1M: DIPLO_BENCH_SCALE=full) against sqlite-utils and a floor; queries; GraphML export",
            run: ImportBenchmark.run)
    }
}

/// One whole process: its wall time, processor time and peak resident memory, from the kernel's accounting.
struct ProcessFigures {
    let seconds: Double
    /// User and system time.
    let cpu: Double
    let peakMiB: Double
    let status: Int32

    /// GNU time, where installed (the `time` package): a process this benchmark starts inherits
    /// its peak memory (Linux counts the parent's at the child's exec), one GNU time starts does not.
    static let gnuTime = "/usr/bin/time"

    static func measure(_ arguments: [String], environment: [String: String] = [:], quiet: Bool = true) throws -> ProcessFigures {
        guard FileManager.default.isExecutableFile(atPath: gnuTime) else {
            return try spawn(arguments, environment: environment, quiet: quiet)
        }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("diplo-bench-time-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        let outer = try spawn(
            [gnuTime, "-f", "%e %U %S %M", "-o", report, "--"] + arguments, environment: environment, quiet: quiet)
        let fields =
            (try? String(contentsOfFile: report, encoding: .utf8))?.split(separator: "\n").last?
            .split(separator: " ").compactMap { Double($0) } ?? []
        guard fields.count == 4 else { return outer }
        // The processor time from the kernel (GNU time's own is a trifle; it rounds to 10 ms), the peak from GNU time.
        return ProcessFigures(seconds: outer.seconds, cpu: outer.cpu, peakMiB: fields[3] / 1024, status: outer.status)
    }

    private static func spawn(_ arguments: [String], environment: [String: String], quiet: Bool) throws -> ProcessFigures {
        let start = DispatchTime.now().uptimeNanoseconds
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if quiet {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let environ = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0)=\($1)" }
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environ.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let path = arguments[0].contains("/") ? arguments[0] : "/usr/bin/env"
        let spawnArguments = arguments[0].contains("/") ? argv : [strdup("/usr/bin/env")] + argv
        let code = posix_spawn(&pid, path, &actions, nil, spawnArguments, envp)
        guard code == 0 else { throw BenchmarkError("cannot start \(arguments[0]): error \(code)") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        func time(_ value: timeval) -> Double { Double(value.tv_sec) + Double(value.tv_usec) / 1e6 }
        return ProcessFigures(
            seconds: seconds, cpu: time(usage.ru_utime) + time(usage.ru_stime), peakMiB: Double(usage.ru_maxrss) / 1024,
            status: status)
    }

    /// The median run of five (by wall time; of three when one takes over two seconds), after
    /// one that warms the caches.
    static func median(_ arguments: [String]) throws -> ProcessFigures {
        let runs = try measure(arguments).seconds > 2 ? 3 : 5
        let all = try (0..<runs).map { _ in try measure(arguments) }.sorted { $0.seconds < $1.seconds }
        return all[runs / 2]
    }
}

enum ImportBenchmark {
    struct Row: Codable {
        var events: Int
        var diplo: Double
        var diploCPU: Double
        var diploMiB: Double
        var again: Double
        var addThousand: Double
        var floor: Double
        var sqliteUtils: Double?
        var sqliteUtilsMiB: Double?
        /// Each query's median wall time and its processor time, by name.
        var queries: [String: Double] = [:]
        var queriesCPU: [String: Double] = [:]
        var graphml: Double = 0
        var graphmlMiB: Double = 0
    }

    static let queryNames = [
        "query anniversaries", "show PERSON", "search NAME", "query path PERSON PERSON", "query visits --limit 50",
        "query visits --format json",
    ]

    /// The queries timed on each database, by `queryNames`: the arguments after `diplo`. A person
    /// is named as generated ("Marta Dupont 7": a number makes each name one person's); a search
    /// is for a name as people type one, without the number.
    static func queries(_ kb: KnowledgeBase) -> [[String]] {
        let people = kb.entities.filter { $0.type == .person }
        let first = people[7].name
        let second = people[people.count * 4 / 5].name
        let name = first.split(separator: " ").dropLast().joined(separator: " ")
        return [
            ["query", "anniversaries"], ["show", first], ["search", name], ["query", "path", first, second],
            ["query", "visits", "--limit", "50"], ["query", "visits", "--format", "json"],
        ]
    }

    static func run() throws {
        let sizes =
            ProcessInfo.processInfo.environment["DIPLO_BENCH_SCALE"] == "full"
            ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diplo-bench-import-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let diplo = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("diplo")
            .path
        guard FileManager.default.isExecutableFile(atPath: diplo) else {
            throw BenchmarkError("build diplo first (swift build -c release)")
        }
        let hasSQLiteUtils = (try? ProcessFigures.measure(["sqlite-utils", "--version"]))?.status == 0
        if !hasSQLiteUtils { print("   sqlite-utils is not installed (pip install sqlite-utils): its column stays empty") }
        print(
            "   events    diplo import (cpu)     peak      again   +1,000 events   floor    sqlite-utils   diplo/floor  sqlite-utils/diplo"
        )
        var rows: [Row] = []
        for events in sizes {
            let file = folder.appendingPathComponent("kb-\(events).json").path
            let kb = Generator.knowledgeBase(events: events, seed: 7)
            try InterchangeWriter.data(kb).write(to: URL(fileURLWithPath: file))
            let more = folder.appendingPathComponent("more-\(events).json").path
            try InterchangeWriter.data(Generator.knowledgeBase(events: 1_000, seed: 8, prefix: "more", eventsOnly: true))
                .write(to: URL(fileURLWithPath: more))
            let database = folder.appendingPathComponent("diplo-\(events).sqlite").path
            let first = try ProcessFigures.measure([diplo, "import", file, "--db", database])
            guard first.status == 0 else { throw BenchmarkError("diplo import of \(events) events failed") }
            let again = try ProcessFigures.measure([diplo, "import", file, "--db", database])
            var timings: [String: Double] = [:]
            var processor: [String: Double] = [:]
            for (name, arguments) in zip(queryNames, queries(kb)) {
                let figures = try ProcessFigures.median([diplo] + arguments + ["--db", database])
                guard figures.status == 0 else { throw BenchmarkError("diplo \(arguments.joined(separator: " ")) failed") }
                timings[name] = figures.seconds
                processor[name] = figures.cpu
            }
            let graphmlFile = folder.appendingPathComponent("kb-\(events).graphml").path
            let graphml = try ProcessFigures.measure([
                diplo, "export", "--format", "graphml", "-o", graphmlFile, "--db", database,
            ])
            try? FileManager.default.removeItem(atPath: graphmlFile)
            let added = try ProcessFigures.measure([diplo, "import", more, "--db", database])
            guard added.status == 0 else { throw BenchmarkError("diplo import of 1,000 more events failed") }
            let floorDatabase = folder.appendingPathComponent("floor-\(events).sqlite").path
            let floor = try timed { try Store.open(path: floorDatabase).insertBare(kb) }
            var row = Row(
                events: events, diplo: first.seconds, diploCPU: first.cpu, diploMiB: first.peakMiB, again: again.seconds,
                addThousand: added.seconds, floor: floor, queries: timings, queriesCPU: processor, graphml: graphml.seconds,
                graphmlMiB: graphml.peakMiB)
            if hasSQLiteUtils {
                let tables = try flatten(kb, into: folder, events: events)
                let utilsDatabase = folder.appendingPathComponent("utils-\(events).sqlite").path
                var seconds = 0.0
                var peak = 0.0
                for (table, path) in tables {
                    // --alter: a column first seen after the first rows (a person's country) is added, not refused.
                    let figures = try ProcessFigures.measure([
                        "sqlite-utils", "insert", utilsDatabase, table, path, "--nl", "--alter",
                    ])
                    guard figures.status == 0 else { throw BenchmarkError("sqlite-utils insert \(table) failed") }
                    seconds += figures.seconds
                    peak = max(peak, figures.peakMiB)
                }
                row.sqliteUtils = seconds
                row.sqliteUtilsMiB = peak
            }
            rows.append(row)
            print(
                String(
                    format: "   %-9d %7.2f s (%6.2f s) %6.0f MiB  %6.2f s  %8.2f s     %6.2f s  %@   %9.2f×   %@", events,
                    row.diplo, row.diploCPU, row.diploMiB, row.again, row.addThousand, row.floor,
                    row.sqliteUtils.map { String(format: "%8.2f s   ", $0) } ?? "       –      ",
                    row.diplo / row.floor, row.sqliteUtils.map { String(format: "%9.2f×", $0 / row.diplo) } ?? "      –"))
            for suffix in ["", "-wal", "-shm"] {
                for name in ["diplo-\(events).sqlite", "floor-\(events).sqlite", "utils-\(events).sqlite"] {
                    try? FileManager.default.removeItem(at: folder.appendingPathComponent(name + suffix))
                }
            }
            for name in ["kb-\(events).json", "more-\(events).json"] {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
        if rows.count >= 2 {
            let last = rows[rows.count - 1]
            let before = rows[rows.count - 2]
            print(
                String(
                    format: "   growth from %d to %d events: diplo %.1f× (processor time %.1f×), floor %.1f×", before.events,
                    last.events, last.diplo / before.diplo, last.diploCPU / before.diploCPU, last.floor / before.floor))
        }
        print("")
        print(
            "   each a whole process, median of 5 runs (processor time)"
                + rows.map { String(format: "%21d", $0.events) }.joined())
        for name in queryNames {
            print(
                "   " + name.padding(toLength: 40, withPad: " ", startingAt: 0)
                    + rows.map { String(format: "%9.3f s (%6.3f s)", $0.queries[name] ?? 0, $0.queriesCPU[name] ?? 0) }.joined())
        }
        print(
            "   " + "export --format graphml".padding(toLength: 40, withPad: " ", startingAt: 0)
                + rows.map { String(format: "%9.2f s            ", $0.graphml) }.joined())
        print(
            "   " + "  its peak memory".padding(toLength: 40, withPad: " ", startingAt: 0)
                + rows.map { String(format: "%7.0f MiB            ", $0.graphmlMiB) }.joined())
        try BenchReport.record("import", rows)
    }

    /// The records as sqlite-utils takes them: one newline-delimited JSON file a table.
    static func flatten(_ kb: KnowledgeBase, into folder: URL, events: Int) throws -> [(String, String)] {
        func write(_ name: String, _ records: [[String: Any?]]) throws -> (String, String) {
            let path = folder.appendingPathComponent("\(name)-\(events).jsonl").path
            var text = ""
            for record in records {
                let object = record.compactMapValues { $0 }
                text += String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self) + "\n"
            }
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            return (name, path)
        }
        return [
            try write(
                "documents",
                kb.documents.map {
                    [
                        "id": $0.id, "title": $0.title, "lang": $0.lang, "published": $0.published?.description,
                        "source": $0.source, "body": $0.text,
                    ]
                }),
            try write(
                "entities",
                kb.entities.map {
                    ["id": $0.id, "type": $0.type.rawValue, "name": $0.name, "iso": $0.iso, "country": $0.country]
                }),
            try write(
                "offices",
                kb.entities.flatMap { entity in
                    entity.offices.map {
                        ["person": entity.id, "title": $0.title, "role": $0.role, "of": $0.of, "start": $0.start?.description]
                    }
                }),
            try write(
                "events",
                kb.events.map {
                    [
                        "id": $0.id, "kind": $0.kind.rawValue, "title": $0.title, "status": $0.status.rawValue,
                        "start": $0.start?.description, "country": $0.location?.country, "city": $0.location?.city,
                        "parent": $0.parent,
                    ]
                }),
            try write(
                "participants",
                kb.events.flatMap { event in
                    event.participants.map {
                        ["event": event.id, "entity": $0.entity, "role": $0.role.rawValue]
                    }
                }),
            try write(
                "sources",
                kb.events.flatMap { event in
                    event.sources.map {
                        ["event": event.id, "document": $0.document, "start": $0.start, "end": $0.end, "quote": $0.quote]
                    }
                }),
            try write(
                "partnerships",
                kb.partnerships.map {
                    [
                        "id": $0.id, "level": $0.level.key, "established": $0.established?.description,
                        "parties": $0.parties.joined(separator: ","),
                    ]
                }),
        ]
    }
}

/// `.build/bench.json`: each benchmark's figures under its name, the last run of each kept.
enum BenchReport {
    static func record<T: Encodable>(_ name: String, _ figures: T) throws {
        let path = URL(fileURLWithPath: ".build/bench.json")
        var all = (try? JSONSerialization.jsonObject(with: Data(contentsOf: path))) as? [String: Any] ?? [:]
        all[name] = try JSONSerialization.jsonObject(with: JSONEncoder().encode(figures))
        try JSONSerialization.data(withJSONObject: all, options: [.prettyPrinted, .sortedKeys]).write(to: path)
    }
}
