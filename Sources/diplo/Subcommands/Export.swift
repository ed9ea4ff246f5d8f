import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the knowledge base, or a part of it: the interchange format, or the relation graph.",
        discussion: """
            json is the interchange format, which `diplo import` reads back. The graph formats: dot \
            (Graphviz), graphml (yEd, Cytoscape, networkx), gexf (Gephi; dated, for its timeline), \
            mermaid (a flowchart for notes), csv (a nodes table and an edges table), turtle (RDF); svg \
            and png are drawn by Graphviz's dot when it is installed.

            csv writes two files: -o graph.csv (or -o graph) gives graph.nodes.csv and graph.edges.csv; \
            without -o they are graph.nodes.csv and graph.edges.csv in the current folder.

            A part: --around NAME --depth N keeps the entity, what is within N links of it, and the \
            events met on the way; --from/--to keep the events of those dates (and the partnerships and \
            offices that hold then); --kinds keeps events of those kinds. --view entities folds each \
            event into edges between the entities it links (guest -> host, kind and date on the edge); \
            --view full (the default) keeps events as nodes linked to their participants, place and trip.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "json, dot, graphml, gexf, mermaid, csv, turtle, svg or png.")
    var format: ExportFormat = .json

    @Option(
        name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Only the part of the graph around this entity (a name or an id).", valueName: "name"))
    var around: String?

    @Option(help: "How many links out from --around.")
    var depth: Int = 1

    @OptionGroup var dates: DateRangeOptions

    @Option(help: ArgumentHelp("Only events of these kinds, separated by commas (state_visit,summit).", valueName: "kinds"))
    var kinds: String?

    @Option(help: "full: events are nodes; entities: events fold into edges between the entities they link.")
    var view: GraphView = .full

    func validate() throws {
        guard depth >= 0 else { throw ValidationError("--depth is a number of links, 0 or more.") }
        if around == nil, depth != 1 { throw ValidationError("--depth goes with --around NAME: the links out from that entity.") }
        _ = try eventKinds()
        if format == .json, view != .full {
            throw ValidationError("--view is for the graph formats; json is the interchange format, whole or filtered.")
        }
    }

    func eventKinds() throws -> Set<EventKind>? {
        guard let kinds else { return nil }
        let names = kinds.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return Set(
            try names.map { name in
                guard let kind = EventKind(rawValue: name) else {
                    throw ValidationError(
                        "\"\(name)\" is not an event kind (known: \(EventKind.allCases.map(\.rawValue).joined(separator: ", ")))."
                    )
                }
                return kind
            })
    }

    func run() throws {
        // Every page read once, in order: not mapped, so that its resident memory stays flat.
        let store = try global.store(mapped: false)
        let filter = GraphFilter(from: dates.from, to: dates.to, kinds: try eventKinds())
        let selection =
            try around.map {
                try GraphSelection(
                    around: try store.resolveEntity($0), depth: depth, links: GraphLinks(store: store, filter: filter))
            } ?? .everything
        let graph = GraphExporter(view: view, filter: filter, selection: selection)

        switch format {
        case .json:
            try write { try InterchangeStream(filter: filter, selection: selection).write(store, to: $0) }
        case .csv:
            let (nodesPath, edgesPath) = CSVGraphWriter.paths(for: output ?? "graph.csv")
            let nodes = try OutputFile(path: nodesPath)
            let edges = try OutputFile(path: edgesPath)
            let progress = ProgressLine()
            defer { progress.finish() }
            let tell: (Int) -> Void = { [unowned nodes = nodes.output, unowned edges = edges.output] _ in
                progress.update("MB", done: (nodes.written + edges.written) >> 20)
            }
            (nodes.output.onWrite, edges.output.onWrite) = (tell, tell)
            do {
                let counts = try graph.write(store, to: CSVGraphWriter(nodes: nodes.output, edges: edges.output))
                try nodes.commit()
                try edges.commit()
                note("Wrote \(counts.nodes) nodes to \(nodesPath) and \(counts.edges) edges to \(edgesPath).")
            } catch {
                nodes.discard()
                edges.discard()
                throw error
            }
        case .svg, .png:
            try draw(graph, store: store)
        case .dot, .graphml, .gexf, .mermaid, .turtle:
            try write { out in
                let writer: GraphWriter
                switch format {
                case .dot: writer = DOTWriter(out)
                case .graphml: writer = GraphMLWriter(out)
                case .gexf: writer = GEXFWriter(out)
                case .mermaid: writer = MermaidWriter(out)
                default: writer = TurtleWriter(out)
                }
                let counts = try graph.write(store, to: writer)
                if format == .mermaid, counts.edges > MermaidWriter.renderLimit {
                    note(
                        "note: \(counts.edges) edges; Mermaid draws at most \(MermaidWriter.renderLimit) unless its maxEdges is raised. "
                            + "Export a part with --around NAME --depth N, or --from/--to.")
                }
            }
        }
    }

    /// To -o FILE (put in place only when complete), or to standard output.
    func write(_ body: (TextOutput) throws -> Void) throws {
        let progress = ProgressLine()
        defer { progress.finish() }
        func reporting(_ out: TextOutput) -> TextOutput {
            out.onWrite = { progress.update("MB", done: $0 >> 20) }
            return out
        }
        guard let output else {
            try body(reporting(.standardOutput))
            return
        }
        let file = try OutputFile(path: output)
        do {
            try body(reporting(file.output))
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// SVG or PNG: the DOT is piped into Graphviz's dot as it is written.
    func draw(_ graph: GraphExporter, store: Store) throws {
        guard let dot = Export.findExecutable("dot") else {
            throw DiploError.missingTool(
                tool: "Graphviz's `dot`", purpose: "Drawing \(format.rawValue)",
                install: "install Graphviz (Debian or Ubuntu: `apt-get install graphviz`; macOS: `brew install graphviz`), "
                    + "or export --format dot and draw it elsewhere")
        }
        if output == nil, format == .png, isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("A PNG is binary: write it to a file with -o FILE.png.")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-T\(format.rawValue)"] + (output.map { ["-o", $0] } ?? [])
        let pipe = Pipe()
        process.standardInput = pipe
        try process.run()
        // dot reads the whole graph before it draws; if it stops early, writing fails with EPIPE.
        signal(SIGPIPE, SIG_IGN)
        var failure: Error?
        let progress = ProgressLine()
        defer { progress.finish() }
        let out = TextOutput(pipe.fileHandleForWriting)
        out.onWrite = { progress.update("MB", done: $0 >> 20) }
        do {
            try graph.write(store, to: DOTWriter(out))
        } catch {
            failure = error
        }
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DiploError.toolFailed(tool: "Graphviz's dot, drawing the graph,", status: process.terminationStatus)
        }
        if let failure { throw failure }
    }

    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case json, dot, graphml, gexf, mermaid, csv, turtle, svg, png
}

extension GraphView: ExpressibleByArgument {}
