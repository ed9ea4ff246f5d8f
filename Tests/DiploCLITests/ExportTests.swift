import DiploTestSupport
import Foundation
import Testing

// `diplo export` in every format, read back by the real readers: Graphviz's dot, networkx (GraphML,
// GEXF), rdflib (Turtle), Mermaid's own flowchart parser (run by node), Python's csv module. Tests
// that need a reader this machine lacks are skipped, saying which; under CI=true (.ci/run installs
// them all) a missing reader fails the test. The library's GraphWriterTests check every format with
// no outside tool.

/// Helpers of these tests, named apart from the other CLI tests' own.
enum ExportTestSupport {
    /// A name no format may break: quotes, angle brackets, ampersands (and an entity), backslashes,
    /// a newline, emoji, Arabic and Hebrew, and the characters Mermaid, DOT and CSV care about.
    static let trickyName = "He said \"hi\" <b>&amp; & \\ back\\slash\nnew line 😀 مرحبا עברית `tick` #x; %% |pipe| {[(x)]}, ok"
    /// Names hold no control characters (they are refused), so the entity's name is the tricky
    /// text on one line; the event's title keeps the line break.
    static let trickyEntityName = trickyName.replacingOccurrences(of: "\n", with: " ")
    static let trickyEnglish = "Quote \" < > & \\ 😀 \u{200F}rtl"
    static let trickyArabic = "منظمة \"اختبار\""

    /// The knowledge base the tests export: two visits, a summit, a trip with stops, a phone call,
    /// two partnerships, offices, and an organisation with the tricky name.
    static var fixture: String {
        func json(_ text: String) -> String {
            String(
                decoding: try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes]), as: UTF8.self
            )
            .dropFirst().dropLast().description
        }
        return """
            { "format": "diplo/1",
              "documents": [ {"id": "doc1", "title": "Press release", "lang": "en", "published": "2024-09-25", "text": "To Lam visited the United States."} ],
              "entities": [
                {"id": "vn", "type": "country", "name": "Việt Nam", "names": {"vi": "Việt Nam", "en": "Vietnam"}, "aliases": ["Viet Nam"], "iso": "VN"},
                {"id": "us", "type": "country", "name": "United States", "names": {"vi": "Hoa Kỳ", "en": "United States"}, "aliases": ["Mỹ", "U.S."], "iso": "US"},
                {"id": "cu", "type": "country", "name": "Cuba", "iso": "CU"},
                {"id": "un", "type": "organization", "name": "United Nations", "names": {"en": "United Nations", "vi": "Liên Hợp Quốc"}},
                {"id": "to-lam", "type": "person", "name": "Tô Lâm", "names": {"vi": "Tô Lâm", "en": "To Lam"}, "country": "vn",
                 "offices": [{"title": "Tổng Bí thư", "role": "party_leader", "of": "vn", "start": "2024-08-03"}],
                 "sources": [{"document": "doc1", "start": 0, "end": 6, "quote": "To Lam"}]},
                {"id": "biden", "type": "person", "name": "Joe Biden", "country": "us",
                 "offices": [{"title": "President", "role": "head_of_state", "of": "us", "start": "2021-01-20", "end": "2025-01-20"}]},
                {"id": "diaz-canel", "type": "person", "name": "Miguel Díaz-Canel", "country": "cu"},
                {"id": "odd \\"id\\" <&>", "type": "organization", "name": \(json(trickyEntityName)), "country": "vn",
                 "names": {"en": \(json(trickyEnglish)), "ar": \(json(trickyArabic))}, "aliases": ["a|b", "c;d"]}
              ],
              "events": [
                {"id": "trip-2024", "kind": "trip", "title": "Tô Lâm's trip to the UN and the US", "status": "held", "start": "2024-09-21", "end": "2024-09-27",
                 "participants": [{"entity": "to-lam", "role": "guest"}]},
                {"id": "sv-2024", "kind": "state_visit", "title": "State visit of Tô Lâm to the United States", "status": "held", "start": "2024-09-24",
                 "location": {"country": "us", "city": "Washington"}, "parent": "trip-2024",
                 "participants": [{"entity": "to-lam", "role": "guest"}, {"entity": "biden", "role": "host"}],
                 "sources": [{"document": "doc1", "start": 0, "end": 33, "quote": "To Lam visited the United States."}]},
                {"id": "unga-79", "kind": "summit", "title": "79th UN General Assembly", "status": "held", "within": ["2024-09-22", "2024-09-27"],
                 "location": {"country": "us", "city": "New York"}, "parent": "trip-2024",
                 "participants": [{"entity": "to-lam", "role": "attendee"}, {"entity": "biden", "role": "speaker"},
                                  {"entity": "un", "role": "host"}, {"entity": "diaz-canel", "role": "attendee"}]},
                {"id": "call-2023", "kind": "phone_call", "title": \(json(trickyName)), "start": "2023-03",
                 "location": {"city": \(json(trickyArabic))},
                 "participants": [{"entity": "odd \\"id\\" <&>", "role": "attendee"}, {"entity": "diaz-canel", "role": "attendee"}]},
                {"id": "cu-1995", "kind": "official_visit", "title": "Visit to Cuba", "status": "held", "start": "1995-10",
                 "location": {"country": "cu"}, "participants": [{"entity": "vn", "role": "guest"}]}
              ],
              "partnerships": [
                {"id": "vn-us", "parties": ["vn", "us"], "level": "comprehensive_strategic_partnership", "established": "2023-09-10",
                 "history": [{"level": "diplomatic_relations", "date": "1995-07-12"}, {"level": "comprehensive_partnership", "date": "2013-07-25"}]},
                {"id": "vn-cu", "parties": ["vn", "cu"], "level": "diplomatic_relations", "established": "1960-12-02"}
              ],
              "anniversaries": [ {"event": "sv-2024", "partnership": "vn-us", "years": 1, "date": "2024-09-10", "stated": true,
                 "sources": [{"document": "doc1", "quote": "marks one year"}]} ]
            }
            """
    }

    typealias Result = CLI.Result

    /// A folder of the test's own holding a knowledge base made from the fixture.
    final class Workspace {
        let folder: URL
        var database: String { path("kb.sqlite") }

        init(importing content: String? = ExportTestSupport.fixture) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("diplo-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if let content {
                try content.write(toFile: path("fixture.json"), atomically: true, encoding: .utf8)
                let imported = try diplo("import", path("fixture.json"))
                #expect(imported.status == 0, "\(imported.stderr)")
            }
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

        /// `diplo ARGUMENTS --db kb.sqlite`, run in the workspace.
        func diplo(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
            try ExportTestSupport.run(CLI.binary, arguments + ["--db", database], in: folder, environment: environment)
        }

        func diplo(_ arguments: String..., environment: [String: String] = [:]) throws -> Result {
            try diplo(arguments, environment: environment)
        }

        /// A Python script, given the workspace's paths as arguments; what it prints.
        func python(_ script: String, _ arguments: String...) throws -> Result { try python(script, arguments) }

        func python(_ script: String, _ arguments: [String]) throws -> Result {
            try ExportTestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments, in: folder)
        }

        /// What a Python script printed as one JSON object, the script expected to succeed (its
        /// error, after `context`, said where it does not).
        func pythonObject(_ script: String, _ arguments: String..., context: String = "") throws -> [String: Any] {
            let read = try python(script, arguments)
            #expect(read.status == 0, "\(context)\(read.stderr)")
            return try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any] ?? [:]
        }

        /// How many nodes and edges the full view must have, counted in the database by Python's
        /// own sqlite3 module, not by Diplo.
        func expectedCounts() throws -> (nodes: Int, edges: Int) {
            let counted = try python(
                """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                one = lambda sql: db.execute(sql).fetchone()[0]
                nodes = one("SELECT count(*) FROM entities") + one("SELECT count(*) FROM events")
                edges = (one("SELECT count(*) FROM participants")
                    + one("SELECT count(*) FROM events WHERE location_country_id IS NOT NULL")
                    + one("SELECT count(*) FROM events WHERE parent_id IS NOT NULL")
                    + one("SELECT count(*) FROM partnership_parties a JOIN partnership_parties b ON a.partnership_id = b.partnership_id AND b.entity_id > a.entity_id")
                    + one("SELECT count(*) FROM entities WHERE country_id IS NOT NULL")
                    + one("SELECT count(*) FROM offices_held WHERE of_id IS NOT NULL"))
                print(nodes, edges)
                """, database)
            let numbers = counted.stdout.split(separator: " ").compactMap {
                Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            #expect(numbers.count == 2, "\(counted.stderr)")
            return (numbers.first ?? -1, numbers.last ?? -1)
        }
    }

    static func run(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws
        -> Result
    {
        try CLI.launch(executable, arguments, in: folder, environment: environment)
    }

    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func pythonHas(_ modules: String) -> Bool {
        guard which("python3") != nil,
            let result = try? run(
                URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import \(modules)"],
                in: FileManager.default.temporaryDirectory)
        else { return false }
        return result.status == 0
    }

    static let hasDot = which("dot") != nil
    static let hasPython = pythonHas("sqlite3, csv, json")
    static let hasNetworkx = pythonHas("networkx")
    static let hasRdflib = pythonHas("rdflib")

    /// Mermaid's flowchart grammar, as the pip package mermaid-syntax-parser ships it, run by node.
    static let mermaidParser: String? = {
        guard which("node") != nil, pythonHas("sqlite3"),
            let found = try? run(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "python3", "-c",
                    """
                    import importlib.util, os
                    spec = importlib.util.find_spec('mermaid_parser')
                    print(os.path.join(list(spec.submodule_search_locations)[0], 'lib', 'mermaid_syntax_parser.cjs'))
                    """,
                ], in: FileManager.default.temporaryDirectory), found.status == 0
        else { return nil }
        let path = found.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()
}

@Suite struct ExportFormatTests {
    typealias Support = ExportTestSupport

    @Test(
        .enabled(
            if: OutsideTools.runs(ExportTestSupport.hasDot && ExportTestSupport.hasPython),
            "needs Graphviz's dot and python3 (apt-get install graphviz python3)"))
    func graphvizDrawsTheDOTOfBothViews() throws {
        try OutsideTools.require(Support.hasDot, "Graphviz's dot")
        try OutsideTools.require(Support.hasPython, "python3")
        let space = try Support.Workspace()
        for view in ["full", "entities"] {
            let export = try space.diplo("export", "--format", "dot", "--view", view, "-o", space.path("graph.dot"))
            #expect(export.status == 0, "\(export.stderr)")
            let drawn = try Support.run(
                URL(fileURLWithPath: Support.which("dot")!), ["-Tsvg", space.path("graph.dot"), "-o", space.path("graph.svg")],
                in: space.folder)
            #expect(drawn.status == 0, "dot: \(drawn.stderr)")
            #expect(!drawn.stderr.lowercased().contains("syntax error"))
            // The SVG's text, read by an XML parser: the tricky name is drawn as written, line by line.
            let texts = try space.python(
                """
                import sys, json, xml.etree.ElementTree as ET
                root = ET.parse(sys.argv[1]).getroot()
                print(json.dumps([t.text for t in root.iter('{http://www.w3.org/2000/svg}text')]))
                """, space.path("graph.svg"))
            let drawnTexts = try JSONDecoder().decode([String?].self, from: Data(texts.stdout.utf8)).compactMap { $0 }
            for line in Support.trickyName.split(separator: "\n") {
                #expect(drawnTexts.contains { $0.contains(line) }, "\(view): \(line) not drawn; drawn: \(drawnTexts)")
            }
        }
    }

    @Test(.enabled(if: OutsideTools.runs(ExportTestSupport.hasNetworkx), "needs python3 with networkx (pip install networkx)"))
    func networkxReadsTheGraphMLWithTheDatabasesCounts() throws {
        try OutsideTools.require(Support.hasNetworkx, "python3's networkx")
        let space = try Support.Workspace()
        #expect(try space.diplo("export", "--format", "graphml", "-o", space.path("graph.graphml")).status == 0)
        let graph = try space.pythonObject(
            """
            import sys, json, networkx as nx
            g = nx.read_graphml(sys.argv[1])
            node = g.nodes['odd "id" <&>']
            event = g.nodes['event:call-2023']
            edge = next(d for a, b, d in g.edges(data=True) if d['relation'] == 'office' and a == 'biden')
            print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "label": node['label'],
                "en": node['name_en'], "ar": node['name_ar'], "title": event['label'], "city": event.get('city'),
                "office": [edge['label'], edge['start'], edge['end'], edge['role']]}))
            """, space.path("graph.graphml"))
        let expected = try space.expectedCounts()
        #expect(graph["nodes"] as? Int == expected.nodes)
        #expect(graph["edges"] as? Int == expected.edges)
        #expect(graph["label"] as? String == Support.trickyEntityName)
        #expect(graph["en"] as? String == Support.trickyEnglish)
        #expect(graph["ar"] as? String == Support.trickyArabic)
        #expect(graph["title"] as? String == Support.trickyName)
        #expect(graph["city"] as? String == Support.trickyArabic)
        #expect(graph["office"] as? [String] == ["President", "2021-01-20", "2025-01-20", "head_of_state"])
    }

    @Test(.enabled(if: OutsideTools.runs(ExportTestSupport.hasNetworkx), "needs python3 with networkx (pip install networkx)"))
    func networkxReadsTheGEXFWithTheDatabasesCountsAndDates() throws {
        try OutsideTools.require(Support.hasNetworkx, "python3's networkx")
        let space = try Support.Workspace()
        #expect(try space.diplo("export", "--format", "gexf", "-o", space.path("graph.gexf")).status == 0)
        let graph = try space.pythonObject(
            """
            import sys, json, networkx as nx
            g = nx.read_gexf(sys.argv[1])
            node = g.nodes['odd "id" <&>']
            summit = g.nodes['event:unga-79']
            call = g.nodes['event:call-2023']
            partnership = next(d for a, b, d in g.edges(data=True) if d.get('partnership') == 'vn-us')
            print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "mode": g.graph.get('mode'),
                "label": node['label'], "en": node['name_en'], "summit": [summit['start'], summit['end']],
                "call": [call['start'], call['end'], call['label']], "partnership": [partnership['start'], partnership.get('end')]}))
            """, space.path("graph.gexf"))
        let expected = try space.expectedCounts()
        #expect(graph["nodes"] as? Int == expected.nodes)
        #expect(graph["edges"] as? Int == expected.edges)
        #expect(graph["mode"] as? String == "dynamic")
        #expect(graph["label"] as? String == Support.trickyEntityName)
        #expect(graph["en"] as? String == Support.trickyEnglish)
        // Gephi's timeline: whole days, a partial date spanning the days it may mean.
        #expect(graph["summit"] as? [String] == ["2024-09-22", "2024-09-27"])
        #expect(graph["call"] as? [String] == ["2023-03-01", "2023-03-31", Support.trickyName])
        // A partnership lasts on from the day it was established.
        #expect((graph["partnership"] as? [Any])?.first as? String == "2023-09-10")
        #expect((graph["partnership"] as? [Any])?.last is NSNull)
    }

    @Test(.enabled(if: OutsideTools.runs(ExportTestSupport.hasRdflib), "needs python3 with rdflib (pip install rdflib)"))
    func rdflibParsesTheTurtle() throws {
        try OutsideTools.require(Support.hasRdflib, "python3's rdflib")
        let space = try Support.Workspace()
        for view in ["full", "entities"] {
            let export = try space.diplo("export", "--format", "turtle", "--view", view, "-o", space.path("graph.ttl"))
            #expect(export.status == 0, "\(export.stderr)")
            let graph = try space.pythonObject(
                """
                import sys, json, rdflib
                from rdflib.namespace import RDF, RDFS
                SDO = rdflib.Namespace('https://schema.org/')
                WDT = rdflib.Namespace('http://www.wikidata.org/prop/direct/')
                DV = rdflib.Namespace('urn:diplo:vocab:')
                g = rdflib.Graph()
                g.parse(sys.argv[1], format='turtle')
                odd = rdflib.URIRef('urn:diplo:entity:odd%20%22id%22%20%3C%26%3E')
                names = sorted([str(o), o.language or ''] for o in g.objects(odd, SDO.name))
                vn = rdflib.URIRef('urn:diplo:entity:vn')
                print(json.dumps({
                    "persons": len(set(g.subjects(RDF.type, SDO.Person))),
                    "countries": len(set(g.subjects(RDF.type, SDO.Country))),
                    "events": len(set(g.subjects(RDF.type, SDO.Event))),
                    "label": str(g.value(odd, RDFS.label)), "names": names,
                    "iso": str(g.value(vn, WDT.P297)),
                    "country": str(g.value(rdflib.URIRef('urn:diplo:entity:to-lam'), WDT.P27)),
                    "partners": sorted(str(s) for s in g.subjects(DV.partner, vn)),
                    "visits": [str(s) for s, o in g.subject_objects(DV.state_visit)],
                    "start": [str(d) for d in g.objects(rdflib.URIRef('urn:diplo:event:sv-2024'), SDO.startDate)],
                    "start_type": [str(d.datatype) for d in g.objects(rdflib.URIRef('urn:diplo:event:sv-2024'), SDO.startDate)],
                }))
                """, space.path("graph.ttl"), context: "\(view): ")
            #expect(graph["persons"] as? Int == 3)
            #expect(graph["countries"] as? Int == 3)
            #expect(graph["label"] as? String == Support.trickyEntityName)
            #expect(
                graph["names"] as? [[String]]
                    == [[Support.trickyEnglish, "en"], [Support.trickyEntityName, ""], [Support.trickyArabic, "ar"]]
                    .sorted { $0[0] < $1[0] })
            #expect(graph["iso"] as? String == "VN")
            #expect(graph["country"] as? String == "urn:diplo:entity:vn")
            if view == "full" {
                #expect(graph["events"] as? Int == 5)
                #expect(graph["start"] as? [String] == ["2024-09-24"])
                #expect(graph["start_type"] as? [String] == ["http://www.w3.org/2001/XMLSchema#date"])
            } else {
                #expect(graph["events"] as? Int == 0)
                #expect(graph["visits"] as? [String] == ["urn:diplo:entity:to-lam", "urn:diplo:entity:to-lam"])
            }
            #expect(graph["partners"] as? [String] == ["urn:diplo:entity:cu", "urn:diplo:entity:us"])
        }
    }

    @Test func mermaidOutputKeepsToTheFlowchartSyntax() throws {
        let space = try Support.Workspace()
        for view in ["full", "entities"] {
            let export = try space.diplo("export", "--format", "mermaid", "--view", view)
            #expect(export.status == 0, "\(export.stderr)")
            // Every other line: a class, a node, or an edge, with plain ids and one quoted label.
            let chart = try Flowchart(export.stdout)
            #expect(chart.opens)
            #expect(chart.strays.isEmpty, "\(view): not flowchart syntax: \(chart.strays)")
            let lines = export.stdout.split(separator: "\n")
            // Labels carry Mermaid's entity codes, never the raw characters that end or open syntax.
            #expect(export.stdout.contains("#quot;hi#quot; #lt;b#gt;#amp;amp; #amp; #92; back#92;slash new line 😀 مرحبا עברית"))
            if view == "full" {  // the event's title, a node here, keeps its line break
                #expect(
                    export.stdout.contains("#quot;hi#quot; #lt;b#gt;#amp;amp; #amp; #92; back#92;slash<br>new line 😀 مرحبا עברית")
                )
            }
            #expect(!lines.contains { $0.contains("\\") || $0.contains("`") })
        }
    }

    @Test(
        .enabled(
            if: OutsideTools.runs(ExportTestSupport.mermaidParser != nil),
            "needs node and python3 with mermaid-syntax-parser (pip install mermaid-syntax-parser)"))
    func mermaidsOwnParserAcceptsTheFlowchart() throws {
        try OutsideTools.require(Support.mermaidParser != nil, "node, or python3's mermaid_parser")
        let space = try Support.Workspace()
        for view in ["full", "entities"] {
            #expect(try space.diplo("export", "--format", "mermaid", "--view", view, "-o", space.path("graph.mmd")).status == 0)
            let check = """
                const parser = require(process.argv[1]);
                const text = require('fs').readFileSync(process.argv[2], 'utf8');
                const broken = text.replace('#quot;hi#quot;', '"hi"');
                console.log(JSON.stringify([parser.ValidateMermaid(text), parser.ValidateMermaid(broken)]));
                """
            let result = try Support.run(
                URL(fileURLWithPath: Support.which("node")!),
                ["-e", check, Support.mermaidParser!, space.path("graph.mmd")], in: space.folder)
            // Valid as written; and the parser does fail a label with a raw quote, so it checks something.
            #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[true,false]", "\(view): \(result.stderr)")
        }
    }

    @Test func csvIsANodesFileAndAnEdgesFileThatLoadBack() throws {
        let space = try Support.Workspace()
        let export = try space.diplo("export", "--format", "csv", "-o", space.path("graph.csv"))
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("graph.nodes.csv") && export.stderr.contains("graph.edges.csv"))
        let nodes = CSVText.rows(try space.read("graph.nodes.csv"))
        let edges = CSVText.rows(try space.read("graph.edges.csv"))
        #expect(nodes.first?.prefix(3) == ["id", "type", "label"])
        #expect(edges.first?.prefix(4) == ["id", "source", "target", "relation"])
        #expect(Set(nodes.map(\.count)).count == 1 && Set(edges.map(\.count)).count == 1)
        let ids = Set(nodes.dropFirst().map { $0[0] })
        #expect(edges.dropFirst().allSatisfy { ids.contains($0[1]) && ids.contains($0[2]) })
        #expect(nodes.contains { $0[0] == "odd \"id\" <&>" && $0[2] == Support.trickyEntityName })
        // Without -o: graph.nodes.csv and graph.edges.csv in the current folder.
        try FileManager.default.removeItem(atPath: space.path("graph.nodes.csv"))
        #expect(try space.diplo("export", "--format", "csv").status == 0)
        #expect(FileManager.default.fileExists(atPath: space.path("graph.nodes.csv")))
        // -o without .csv names the pair the same way.
        #expect(try space.diplo("export", "--format", "csv", "-o", space.path("part")).status == 0)
        #expect(FileManager.default.fileExists(atPath: space.path("part.edges.csv")))
    }

    @Test(.enabled(if: OutsideTools.runs(ExportTestSupport.hasPython), "needs python3 (its sqlite3 and csv modules)"))
    func pythonsCSVModuleReadsTheTablesWithTheDatabasesCounts() throws {
        try OutsideTools.require(Support.hasPython, "python3")
        let space = try Support.Workspace()
        #expect(try space.diplo("export", "--format", "csv", "-o", space.path("graph.csv")).status == 0)
        let expected = try space.expectedCounts()
        let read = try space.python(
            """
            import csv, sys, json
            nodes = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
            edges = list(csv.DictReader(open(sys.argv[2], newline='', encoding='utf-8')))
            odd = next(n for n in nodes if n['id'] == 'odd "id" <&>')
            print(json.dumps([len(nodes), len(edges), odd['label'], odd['name_ar']]))
            """, space.path("graph.nodes.csv"), space.path("graph.edges.csv"))
        #expect(read.status == 0, "\(read.stderr)")
        let values = try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [Any] ?? []
        #expect(values.first as? Int == expected.nodes)
        #expect(values.dropFirst().first as? Int == expected.edges)
        #expect(values.dropFirst(2).first as? String == Support.trickyEntityName)
        #expect(values.last as? String == Support.trickyArabic)
    }

    @Test(.enabled(if: OutsideTools.runs(ExportTestSupport.hasDot), "needs Graphviz's dot (apt-get install graphviz)"))
    func svgAndPNGAreDrawnByGraphviz() throws {
        try OutsideTools.require(Support.hasDot, "Graphviz's dot")
        let space = try Support.Workspace()
        let svg = try space.diplo("export", "--format", "svg", "--around", "To Lam")
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stdout.contains("<svg") && svg.stdout.contains("Tô Lâm"))
        #expect(try space.diplo("export", "--format", "png", "-o", space.path("graph.png")).status == 0)
        let png = FileManager.default.contents(atPath: space.path("graph.png")) ?? Data()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func svgWithoutGraphvizSaysHowToInstallIt() throws {
        let space = try Support.Workspace()
        let result = try space.diplo(
            "export", "--format", "svg", "-o", space.path("graph.svg"), environment: ["PATH": space.folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("apt-get install graphviz"))
        #expect(!FileManager.default.fileExists(atPath: space.path("graph.svg")))
    }
}

@Suite struct ExportSelectionTests {
    typealias Support = ExportTestSupport

    /// The CSV export's node ids and edges (source, relation, target).
    func graph(_ space: Support.Workspace, _ arguments: String...) throws -> (nodes: Set<String>, edges: [[String]]) {
        let export = try space.diplo(["export", "--format", "csv", "-o", space.path("part.csv")] + arguments)
        #expect(export.status == 0, "\(export.stderr)")
        let nodes = CSVText.rows(try space.read("part.nodes.csv")).dropFirst().map { $0[0] }
        let edges = CSVText.rows(try space.read("part.edges.csv")).dropFirst().map { [$0[1], $0[3], $0[2]] }
        return (Set(nodes), edges)
    }

    @Test func aroundAnEntityToADepth() throws {
        let space = try Support.Workspace()
        let none = try graph(space, "--around", "Miguel Diaz-Canel", "--depth", "0")
        #expect(none.nodes == ["diaz-canel"] && none.edges.isEmpty)
        let near = try graph(space, "--around", "Miguel Diaz-Canel", "--view", "entities")
        #expect(near.nodes == ["diaz-canel", "cu", "to-lam", "biden", "un", "odd \"id\" <&>"])
        // The summit and the call fold into edges among them; nothing leads outside.
        #expect(near.edges.contains(["diaz-canel", "summit", "to-lam"]))
        #expect(near.edges.contains(["diaz-canel", "phone_call", "odd \"id\" <&>"]))
        #expect(near.edges.contains(["diaz-canel", "belongs_to", "cu"]))
        #expect(near.edges.allSatisfy { near.nodes.contains($0[0]) && near.nodes.contains($0[2]) })
        // In the full view the events met are nodes too.
        let full = try graph(space, "--around", "diaz-canel")
        #expect(full.nodes == near.nodes.union(["event:unga-79", "event:call-2023"]))
    }

    @Test func aroundStopsAtItsDepth() throws {
        let space = try Support.Workspace()
        // A chain that leads on: Laos is three links from Díaz-Canel (through Cuba and Vietnam),
        // and its prime minister four.
        let chain = try space.diplo(
            "import",
            try {
                let file = space.path("chain.json")
                try """
                {"format": "diplo/1", "entities": [
                  {"id": "vn", "type": "country", "name": "Việt Nam", "iso": "VN"},
                  {"id": "la", "type": "country", "name": "Laos", "iso": "LA"},
                  {"id": "sonexay", "type": "person", "name": "Sonexay Siphandone", "country": "la"}],
                 "partnerships": [{"id": "vn-la", "parties": ["vn", "la"], "level": "special_traditional_friendship"}]}
                """.write(toFile: file, atomically: true, encoding: .utf8)
                return file
            }())
        #expect(chain.status == 0, "\(chain.stderr)")
        let all = try graph(space)
        let entities = all.nodes.filter { !$0.hasPrefix("event:") }
        #expect(entities.isSuperset(of: ["la", "sonexay"]))
        // Two links: every entity of the fixture and every event met, but not Laos or its people.
        let two = try graph(space, "--around", "diaz-canel", "--depth", "2")
        #expect(two.nodes == all.nodes.subtracting(["la", "sonexay"]))
        let three = try graph(space, "--around", "diaz-canel", "--depth", "3")
        #expect(three.nodes == all.nodes.subtracting(["sonexay"]))
        #expect(try graph(space, "--around", "diaz-canel", "--depth", "4").nodes == all.nodes)
        for part in [two, three] {
            #expect(part.edges.allSatisfy { part.nodes.contains($0[0]) && part.nodes.contains($0[2]) })
        }
    }

    @Test func datesAndKindsKeepThoseEvents() throws {
        let space = try Support.Workspace()
        let in2024 = try graph(space, "--from", "2024", "--to", "2024-12-31")
        #expect(in2024.nodes.filter { $0.hasPrefix("event:") } == Set(["event:trip-2024", "event:sv-2024", "event:unga-79"]))
        // Offices and partnerships that began later are left out; those that held then stay.
        let in1996 = try graph(space, "--from", "1995", "--to", "1996")
        #expect(in1996.nodes.filter { $0.hasPrefix("event:") } == Set(["event:cu-1995"]))
        #expect(in1996.edges.contains(["cu", "partnership", "vn"]))
        #expect(!in1996.edges.contains(["us", "partnership", "vn"]))
        #expect(!in1996.edges.contains { $0[1] == "office" })
        let visits = try graph(space, "--kinds", "state_visit,official_visit", "--view", "entities")
        #expect(
            Set(visits.edges.filter { !["partnership", "belongs_to", "office"].contains($0[1]) }.map { $0[1] }) == [
                "state_visit", "official_visit",
            ])
        // A visit links the guest to the host and to the country visited; the host's own country is no side of it.
        #expect(
            visits.edges.contains(["to-lam", "state_visit", "biden"]) && visits.edges.contains(["to-lam", "state_visit", "us"]))
        #expect(!visits.edges.contains(["biden", "state_visit", "us"]))
    }

    @Test func jsonOfAPartImportsIntoAnEmptyDatabase() throws {
        let space = try Support.Workspace()
        let export = try space.diplo("export", "--around", "Biden", "-o", space.path("part.json"))
        #expect(export.status == 0, "\(export.stderr)")
        let part = try JSONSerialization.jsonObject(with: Data(try space.read("part.json").utf8)) as? [String: Any] ?? [:]
        let entities = Set((part["entities"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        let events = Set((part["events"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        #expect(events == ["sv-2024", "unga-79"])
        #expect(entities.isSuperset(of: ["biden", "to-lam", "us", "vn", "un", "diaz-canel", "cu"]))
        #expect(!entities.contains("odd \"id\" <&>"))
        // The trip they belong to is left out, so they point to no parent.
        #expect((part["events"] as? [[String: Any]] ?? []).allSatisfy { $0["parent"] == nil })
        let empty = try Support.Workspace(importing: nil)
        let imported = try empty.diplo("import", space.path("part.json"))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(summaryCount(imported.stdout, "events") == 2, "\(imported.stdout)")
        let copied = try empty.diplo("list", "events", "--format", "json")
        let titles = (try JSONSerialization.jsonObject(with: Data(copied.stdout.utf8)) as? [[String: Any]] ?? []).compactMap {
            $0["id"] as? String
        }
        #expect(Set(titles) == events)
    }

    /// The interchange promise, end to end: export, import into an empty database, export again
    /// gives the same bytes, for a knowledge base with every kind of fact and names that break formats.
    @Test func jsonExportImportExportGivesTheSameBytes() throws {
        let space = try Support.Workspace()
        #expect(try space.diplo("export", "--format", "json", "-o", space.path("one.json")).status == 0)
        let one = try space.read("one.json")
        // Not an empty document that round-trips trivially: everything the fixture holds is in it.
        let object = try JSONSerialization.jsonObject(with: Data(one.utf8)) as? [String: Any] ?? [:]
        let fixture = try JSONSerialization.jsonObject(with: Data(Support.fixture.utf8)) as? [String: Any] ?? [:]
        for key in ["documents", "entities", "events", "partnerships", "anniversaries"] {
            #expect((object[key] as? [Any])?.count == (fixture[key] as? [Any])?.count, "\(key)")
        }
        #expect(object["format"] as? String == "diplo/1")
        let odd = (object["entities"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "odd \"id\" <&>" }
        #expect(odd?["name"] as? String == Support.trickyEntityName)
        // Into an empty database, from a file and from standard input.
        let copy = try Support.Workspace(importing: one)
        #expect(try copy.diplo("export", "-o", copy.path("two.json")).status == 0)
        #expect(try copy.read("two.json") == one)
        let piped = try Support.Workspace(importing: nil)
        let fromStdin = try CLI.launch(CLI.binary, ["import", "-", "--db", piped.database], in: piped.folder, stdin: one)
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(try piped.diplo("export").stdout == one)
    }

    @Test func badOptionsAreUsageErrors() throws {
        let space = try Support.Workspace()
        let kind = try space.diplo("export", "--format", "dot", "--kinds", "state_visit,picnic")
        #expect(kind.status == 64 && kind.stderr.contains("picnic") && kind.stderr.contains("state_visit"))
        #expect(try space.diplo("export", "--format", "dot", "--depth", "2").status == 64)
        #expect(try space.diplo("export", "--format", "pdf").status == 64)
        let unknown = try space.diplo("export", "--format", "dot", "--around", "Nobody At All")
        #expect(unknown.status == 1 && unknown.stderr.contains("Nobody At All"))
    }
}

@Suite struct GraphQueryCLITests {
    typealias Support = ExportTestSupport

    @Test func pathGivesEachLinkWithItsKindAndDate() throws {
        let space = try Support.Workspace()
        let table = try space.diplo("query", "path", "Miguel Díaz-Canel", "Hoa Ky")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Path: Miguel Díaz-Canel → United States"))
        let json = try space.diplo("query", "path", "diaz-canel", "us", "--format", "json")
        let steps = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(steps.count == 2)
        #expect(steps.first?["from_id"] as? String == "diaz-canel")
        #expect(steps.last?["to_id"] as? String == "us")
        #expect(steps.first?["relation"] as? String == "summit")
        #expect(steps.first?["date"] as? String == "2024-09-22..27")
        let csv = CSVText.rows(try space.diplo("query", "path", "cu", "us", "--format", "csv").stdout)
        #expect(csv.first?.prefix(6) == ["step", "from", "link", "to", "date", "via"])
        // Cuba and Vietnam are linked twice; the newer link (a visit) is the one shown.
        #expect(csv.dropFirst().map { $0[4] } == ["1995-10", "2023-09-10"])
        #expect(csv.dropFirst().first?[2].contains("visit") == true)
    }

    @Test func pathSaysSoWhenNothingLinksThem() throws {
        let space = try Support.Workspace()
        let result = try space.diplo("query", "path", "Cuba", "United States", "--max-links", "1")
        #expect(result.status == 0)
        #expect(result.stdout.contains("1"), "\(result.stdout)")
        let json = try space.diplo("query", "path", "Cuba", "United States", "--max-links", "1", "--format", "json")
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.isEmpty == true)
        // With room for two links, there is a chain.
        let two = try space.diplo("query", "path", "Cuba", "United States", "--max-links", "2", "--format", "json")
        #expect((try JSONSerialization.jsonObject(with: Data(two.stdout.utf8)) as? [Any])?.count == 2)
    }

    @Test func neighborsListWhatIsLinkedAndThroughWhom() throws {
        let space = try Support.Workspace()
        let near = try space.diplo("query", "neighbors", "To Lam", "--format", "json")
        #expect(near.status == 0, "\(near.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(near.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(Set(rows.compactMap { $0["id"] as? String }) == ["biden", "diaz-canel", "un", "us", "vn"])
        let biden = rows.first { $0["id"] as? String == "biden" }
        // Linked twice, through the summit and the state visit.
        let links = (biden?["links"] as? String ?? "").lowercased()
        #expect(links.contains("summit") && links.contains("state visit"), "\(links)")
        #expect(biden?["latest"] as? String == "2024-09-24")
        let far = try space.diplo("query", "neighbors", "To Lam", "--depth", "2")
        #expect(far.stdout.contains("Linked to Tô Lâm (within 2 links)"))
        #expect(far.stdout.contains("Cuba"))
        let csv = CSVText.rows(try space.diplo("query", "neighbors", "to-lam", "--depth", "2", "--format", "csv").stdout)
        let cuba = csv.first { $0.contains("cu") }
        #expect(cuba?.first == "2")
    }
}
