import DiploKit
import Foundation

// `diplo-bench export`: exports a synthetic knowledge base of about 100 thousand and about a
// million edges in every format, side by side. Each export runs in a process of its own (this
// binary again), which reports its own time and peak resident memory (VmHWM: getrusage's maxrss
// would start from the parent's, which a spawned child inherits on Linux), so flat memory shows
// as the same peak at both sizes.

extension Benchmark {
    static var export: Benchmark {
        Benchmark(name: "export", about: "export every format from ~100k and ~1M edges; time and peak memory of each, in its own process",
                  run: ExportBenchmark.run)
    }
}

enum ExportBenchmark {
    /// A format, and the view it is exported in.
    /// "json-whole" is the baseline: the interchange document built in memory, then written, as
    /// export did before it streamed.
    static let runs: [(format: String, view: GraphView)] = [
        ("json-whole", .full), ("json", .full), ("dot", .full), ("graphml", .full), ("gexf", .full), ("mermaid", .full), ("csv", .full),
        ("turtle", .full), ("graphml", .entities),
    ]
    /// Set in the child process: "DATABASE|FORMAT|VIEW|OUTPUT|RESULT".
    static let childVariable = "DIPLO_BENCH_EXPORT"

    static func run() throws {
        if let job = ProcessInfo.processInfo.environment[childVariable] {
            try exportOnce(job)
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diplo-bench-export-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var sizes: [(label: String, path: String, edges: Int, entitiesViewEdges: Int)] = []
        for (label, scale) in [("small", 0.1), ("large", 1.0)] {
            let path = folder.appendingPathComponent("\(label).sqlite").path
            var edges = (0, 0)
            let seconds = try timed { edges = try build(path, scale: scale) }
            print(String(format: "   %@ knowledge base: %d edges (full view), %d (entities view); built in %.1f s",
                         label, edges.0, edges.1, seconds))
            sizes.append((label, path, edges.0, edges.1))
        }
        print("")
        print("   format                   edges     time    peak RSS   output   |     edges     time    peak RSS   output")
        for run in runs {
            var line = "   " + "\(run.format)\(run.view == .entities ? " (entities)" : "")".padding(toLength: 20, withPad: " ", startingAt: 0)
            for (index, size) in sizes.enumerated() {
                let output = folder.appendingPathComponent("out.\(run.format)").path
                let result = folder.appendingPathComponent("result.txt").path
                let job = [size.path, run.format, run.view.rawValue, output, result].joined(separator: "|")
                let measured = try child(job, result: result)
                let bytes = outputBytes(output, format: run.format)
                try? FileManager.default.removeItem(atPath: output)
                let csv = CSVGraphWriter.paths(for: output)
                for path in [csv.nodes, csv.edges] { try? FileManager.default.removeItem(atPath: path) }
                let edges = run.view == .entities ? size.entitiesViewEdges : size.edges
                line += String(format: "%@%9d  %6.2f s  %6.1f MiB  %5.0f MB", index == 0 ? "" : "   |", edges, measured.seconds,
                               measured.peakMiB, Double(bytes) / 1e6)
            }
            print(line)
        }
        print("   (time: opening the database and writing the file; peak RSS: the exporting process's own, binary and SQLite cache included)")
    }

    /// The child's part: one export, written to a file.
    static func exportOnce(_ job: String) throws {
        let parts = job.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        let seconds = try timed { try exportOnce(database: parts[0], format: parts[1], view: GraphView(rawValue: parts[2]) ?? .full, output: parts[3]) }
        try "\(seconds) \(peakResidentKiB())\n".write(toFile: parts[4], atomically: true, encoding: .utf8)
    }

    /// This process's own peak resident memory, from /proc/self/status.
    static func peakResidentKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? Int(peakMemoryMiB() * 1024)
    }

    static func exportOnce(database: String, format: String, view: GraphView, output: String) throws {
        let store = try Store.open(path: database, create: false)
        if format == "csv" {
            let (nodesPath, edgesPath) = CSVGraphWriter.paths(for: output)
            let nodes = try OutputFile(path: nodesPath), edges = try OutputFile(path: edgesPath)
            try GraphExporter(view: view).write(store, to: CSVGraphWriter(nodes: nodes.output, edges: edges.output))
            try nodes.commit()
            try edges.commit()
            return
        }
        let file = try OutputFile(path: output)
        switch format {
        case "json": try InterchangeStream().write(store, to: file.output)
        case "json-whole": try file.output.write(try InterchangeWriter.data(try store.knowledgeBase()))
        case "dot": try GraphExporter(view: view).write(store, to: DOTWriter(file.output))
        case "graphml": try GraphExporter(view: view).write(store, to: GraphMLWriter(file.output))
        case "gexf": try GraphExporter(view: view).write(store, to: GEXFWriter(file.output))
        case "mermaid": try GraphExporter(view: view).write(store, to: MermaidWriter(file.output))
        default: try GraphExporter(view: view).write(store, to: TurtleWriter(file.output))
        }
        try file.commit()
    }

    static func outputBytes(_ output: String, format: String) -> Int {
        let paths = format == "csv" ? [CSVGraphWriter.paths(for: output).nodes, CSVGraphWriter.paths(for: output).edges] : [output]
        return paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
    }

    /// Runs this binary again on `job`; the time and peak memory it reports in `result`.
    static func child(_ job: String, result: String) throws -> (seconds: Double, peakMiB: Double) {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let arguments = [executable, "export"]
        var environment = ProcessInfo.processInfo.environment
        environment[childVariable] = job
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard code == 0 else { throw BenchmarkError("cannot start \(executable): error \(code)") }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        guard status == 0 else { throw BenchmarkError("the export \(job) failed (status \(status))") }
        let figures = (try String(contentsOfFile: result, encoding: .utf8)).split(separator: " ")
        guard figures.count == 2, let seconds = Double(figures[0]), let kib = Double(figures[1].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchmarkError("the export \(job) reported nothing")
        }
        return (seconds, kib / 1024)
    }

    /// A synthetic knowledge base, written through SQL: 200 countries, persons and organisations
    /// with names, aliases and offices, events with three participants and a place (one in ten
    /// the stop of another), and partnerships between countries. Returns the edges of both views.
    static func build(_ path: String, scale: Double) throws -> (Int, Int) {
        let events = Int(240_000 * scale), persons = Int(50_000 * scale), organizations = max(200, Int(2_000 * scale))
        let store = try Store.open(path: path)
        let db = store.db
        try db.execute("PRAGMA foreign_keys = OFF")
        try db.transaction {
            func numbers(_ count: Int) -> String {
                "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < \(count - 1))"
            }
            try db.run("""
                \(numbers(200)) INSERT INTO entities (id, type, name, folded, iso)
                SELECT 'c' || i, 'country', 'Country ' || i, 'country ' || i, char(65 + i / 26, 65 + i % 26) FROM n
                """)
            try db.run("INSERT INTO entity_names SELECT id, 'en', name, folded FROM entities")
            try db.run("INSERT INTO entity_names SELECT id, 'vi', 'Quốc gia ' || substr(id, 2), 'quoc gia ' || substr(id, 2) FROM entities")
            try db.run("""
                \(numbers(persons)) INSERT INTO entities (id, type, name, folded, country_id)
                SELECT 'p' || i, 'person', 'Person ' || i || ' Nguyễn', 'person ' || i || ' nguyen', 'c' || (i % 200) FROM n
                """)
            try db.run("""
                \(numbers(organizations)) INSERT INTO entities (id, type, name, folded, country_id)
                SELECT 'o' || i, 'organization', 'Organisation "' || i || '" & <Co>', 'organisation ' || i || ' co', 'c' || (i % 200) FROM n
                """)
            try db.run("INSERT INTO entity_aliases SELECT id, 'Alias of ' || name, 'alias of ' || folded FROM entities WHERE type = 'person' AND key % 5 = 0")
            try db.run("""
                INSERT INTO offices_held (person_id, title, role, of_id, start)
                SELECT id, 'Minister', 'minister', country_id, '20' || printf('%02d', key % 25) FROM entities WHERE type = 'person' AND key % 10 = 0
                """)
            try db.run("""
                \(numbers(events)) INSERT INTO events (id, kind, title, status, start, location_country_id, location_city, parent_id)
                SELECT 'ev' || i, CASE i % 5 WHEN 0 THEN 'state_visit' WHEN 1 THEN 'talks' WHEN 2 THEN 'summit' WHEN 3 THEN 'meeting'
                       ELSE 'official_visit' END,
                       'Event ' || i, 'held', date('2000-01-01', '+' || (i % 9000) || ' days'), 'c' || ((i * 7) % 200), 'City ' || (i % 50),
                       CASE WHEN i % 10 = 1 THEN 'ev' || (i - 1) END
                FROM n
                """)
            try db.run("""
                INSERT INTO participants (event_id, entity_id, role)
                SELECT id, 'p' || ((key * 3) % \(persons)), 'guest' FROM events
                UNION ALL SELECT id, 'p' || ((key * 3 + 1) % \(persons)), 'host' FROM events
                UNION ALL SELECT id, 'o' || (key % \(organizations)), 'attendee' FROM events
                """)
            try db.run("""
                \(numbers(2000)) INSERT INTO partnerships (id, level, established)
                SELECT 'ps' || i, CASE i % 3 WHEN 0 THEN 'diplomatic_relations' WHEN 1 THEN 'strategic_partnership'
                       ELSE 'comprehensive_strategic_partnership' END, date('1950-01-01', '+' || (i * 9) || ' days') FROM n
                """)
            try db.run("""
                INSERT INTO partnership_parties SELECT id, 'c' || (CAST(substr(id, 3) AS INTEGER) % 200) FROM partnerships
                UNION ALL SELECT id, 'c' || ((CAST(substr(id, 3) AS INTEGER) % 200 + 1 + CAST(substr(id, 3) AS INTEGER) / 200) % 200) FROM partnerships
                """)
        }
        try db.execute("PRAGMA foreign_keys = ON; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)")
        final class Counter: GraphWriter {
            var edges = 0
            func begin(_ header: GraphHeader) throws {}
            func node(_ node: GraphNode) throws {}
            func edge(_ edge: GraphEdge) throws { edges += 1 }
            func end() throws {}
        }
        let full = try GraphExporter(view: .full).write(store, to: Counter()).edges
        let entities = try GraphExporter(view: .entities).write(store, to: Counter()).edges
        return (full, entities)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
