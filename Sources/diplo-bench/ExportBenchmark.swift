import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation

// `diplo-bench export`: exports a synthetic knowledge base of about 100 thousand and about a
// million edges in every format, side by side. Each export runs in a process of its own (this
// binary again), which reports its own time and peak resident memory (VmHWM: getrusage's maxrss
// would start from the parent's, which a spawned child inherits on Linux), so flat memory shows
// as the same peak at both sizes.

extension Benchmark {
    static var export: Benchmark {
        Benchmark(
            name: "export",
            about: "export every format from ~100k and ~1M edges; time and peak memory of each, in its own process",
            run: ExportBenchmark.run)
    }
}

enum ExportBenchmark {
    /// A format, and the view it is exported in.
    /// "json-whole" is the baseline: the interchange document built in memory, then written, as
    /// export did before it streamed.
    static let runs: [(format: String, view: GraphView)] = [
        ("json-whole", .full), ("json", .full), ("dot", .full), ("graphml", .full), ("gexf", .full), ("mermaid", .full),
        ("csv", .full),
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
            print(
                String(
                    format: "   %@ knowledge base: %d edges (full view), %d (entities view); built in %.1f s",
                    label, edges.0, edges.1, seconds))
            sizes.append((label, path, edges.0, edges.1))
        }
        print("")
        print("   format                   edges     time    peak RSS   output   |     edges     time    peak RSS   output")
        for run in runs {
            var line =
                "   "
                + "\(run.format)\(run.view == .entities ? " (entities)" : "")".padding(toLength: 20, withPad: " ", startingAt: 0)
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
                line += String(
                    format: "%@%9d  %6.2f s  %6.1f MiB  %5.0f MB", index == 0 ? "" : "   |", edges, measured.seconds,
                    measured.peakMiB, Double(bytes) / 1e6)
            }
            print(line)
        }
        print(
            "   (time: opening the database and writing the file; peak RSS: the exporting process's own, binary and SQLite cache included)"
        )
    }

    /// The child's part: one export, written to a file.
    static func exportOnce(_ job: String) throws {
        let parts = job.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        let seconds = try timed {
            try exportOnce(database: parts[0], format: parts[1], view: GraphView(rawValue: parts[2]) ?? .full, output: parts[3])
        }
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
            let nodes = try OutputFile(path: nodesPath)
            let edges = try OutputFile(path: edgesPath)
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
        let paths =
            format == "csv" ? [CSVGraphWriter.paths(for: output).nodes, CSVGraphWriter.paths(for: output).edges] : [output]
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
        guard figures.count == 2, let seconds = Double(figures[0]),
            let kib = Double(figures[1].trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            throw BenchmarkError("the export \(job) reported nothing")
        }
        return (seconds, kib / 1024)
    }

    /// A synthetic knowledge base, written through SQL: 200 countries, persons and organisations
    /// with names, aliases and offices, events with three participants and a place (one in ten
    /// the stop of another), and partnerships between countries. Returns the edges of both views.
    static func build(_ path: String, scale: Double) throws -> (Int, Int) {
        let events = Int(240_000 * scale)
        let persons = Int(50_000 * scale)
        let organizations = max(200, Int(2_000 * scale))
        let store = try Store.open(path: path)
        try store.fillSynthetic(events: events, persons: persons, organizations: organizations)
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
