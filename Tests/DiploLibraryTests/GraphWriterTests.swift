import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import DiploTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every graph format, checked with no outside tool: the XML formats by Foundation's own parser,
/// DOT, Turtle, Mermaid and CSV by their grammar's basic shape; counts derived from the data, and
/// names that hold quotes, ampersands, angle brackets, backslashes and line breaks read back as written.
@Suite struct GraphWriterTests {
    static let tricky = "He said \"hi\" <b>&amp; & \\ back\\slash\nnew line 😀 'x' `t` #y; %% |p| {[(z)]}, ok"
    static let trickyID = "odd \"id\" <&> x"

    /// Vietnam, the US, Tô Lâm, Biden, an organisation and an event with the tricky name, a trip
    /// with a stop, partnerships of two and three parties, offices.
    static var knowledgeBase: KnowledgeBase {
        let date = Fixture.date
        return KnowledgeBase(
            entities: [
                Fixture.vietnam, Fixture.unitedStates, Fixture.cuba, Fixture.toLam,
                Entity(
                    id: "biden", type: .person, name: "Joe Biden", country: "us",
                    offices: [
                        Office(
                            title: "President", role: "head_of_state", of: "us", start: date("2021-01-20"),
                            end: date("2025-01-20"))
                    ]),
                Entity(
                    id: trickyID, type: .organization, name: tricky, names: ["en": tricky, "vi": "Tổ chức <&>"],
                    aliases: ["a|b", "c;d\"e"],
                    country: "vn"),
            ],
            events: [
                Event(
                    id: "trip", kind: .trip, title: "Trip", status: .held, start: date("2024-09-21"), end: date("2024-09-27"),
                    participants: [Participant(entity: "to-lam", role: "guest")]),
                Event(
                    id: "visit", kind: .stateVisit, title: tricky, status: .held, start: date("2024-09-24"),
                    location: Location(country: "us", city: "Washington \"D.C.\" & <co>"),
                    participants: [
                        Participant(entity: "to-lam", role: "guest"), Participant(entity: "biden", role: "host"),
                        Participant(entity: trickyID, role: "attendee"),
                    ], parent: "trip"),
                Event(
                    id: "call", kind: .phoneCall, title: "Call", start: date("2023-03"),
                    participants: [
                        Participant(entity: "to-lam", role: "attendee"), Participant(entity: "biden", role: "attendee"),
                    ]),
            ],
            partnerships: [
                Partnership(
                    id: "vn-us", parties: ["vn", "us"], level: Fixture.level("comprehensive_strategic_partnership"),
                    established: date("2023-09-10")),
                Partnership(id: "three", parties: ["vn", "us", "cu"], level: .diplomaticRelations, established: date("1995")),
            ])
    }

    /// Nodes and edges of the full view, counted from the knowledge base itself.
    static var expected: (nodes: Set<String>, edges: Int) {
        let kb = knowledgeBase
        let nodes = Set(kb.entities.map(\.id) + kb.events.map { "event:" + $0.id })
        let edges =
            kb.events.reduce(0) {
                $0 + $1.participants.count + ($1.location?.country == nil ? 0 : 1) + ($1.parent == nil ? 0 : 1)
            }
            + kb.partnerships.reduce(0) { $0 + $1.parties.count * ($1.parties.count - 1) / 2 }
            + kb.entities.filter { $0.country != nil }.count
            + kb.entities.reduce(0) { $0 + $1.offices.filter { $0.of != nil }.count }
        return (nodes, edges)
    }

    /// The export of the fixture by `make`, as text.
    func export(_ view: GraphView = .full, _ make: (TextOutput) -> GraphWriter) throws -> (
        text: String, counts: GraphExporter.Counts
    ) {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        try store.merge(GraphWriterTests.knowledgeBase, file: "fixture.json")
        let file = try OutputFile(path: folder.path("graph"))
        let counts = try GraphExporter(view: view).write(store, to: make(file.output))
        try file.commit()
        return (try String(contentsOfFile: folder.path("graph"), encoding: .utf8), counts)
    }

    @Test func theExporterCountsWhatTheDataHolds() throws {
        let (_, counts) = try export { GraphMLWriter($0) }
        #expect(counts.nodes == GraphWriterTests.expected.nodes.count)
        #expect(counts.edges == GraphWriterTests.expected.edges)
    }

    // MARK: XML, read by Foundation's parser

    /// The elements of an XML document, with their attributes and text, as XMLParser reads them.
    final class Elements: NSObject, XMLParserDelegate {
        struct Element {
            var name: String
            var attributes: [String: String]
            var text = ""
            var parent: Int?
        }
        var all: [Element] = []
        var stack: [Int] = []
        var error: Error?

        static func parse(_ text: String) -> Elements {
            let elements = Elements()
            let parser = XMLParser(data: Data(text.utf8))
            parser.delegate = elements
            if !parser.parse() { elements.error = parser.parserError ?? CocoaError(.fileReadCorruptFile) }
            return elements
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            all.append(Element(name: name, attributes: attributes, parent: stack.last))
            stack.append(all.count - 1)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = stack.last { all[last].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

        func named(_ name: String) -> [Element] { all.filter { $0.name == name } }
        func children(of index: Int, named name: String) -> [Element] { all.filter { $0.parent == index && $0.name == name } }
    }

    /// An XML export (GraphML, GEXF) of the fixture parsed, and checked: well-formed, as many
    /// `<node>` and `<edge>` elements as the exporter counted, every edge between nodes it holds.
    func exportedXML(_ view: GraphView, _ make: (TextOutput) -> GraphWriter) throws -> (
        xml: Elements, nodes: [Elements.Element], edges: [Elements.Element], ids: Set<String>
    ) {
        let (text, counts) = try export(view, make)
        let xml = Elements.parse(text)
        #expect(xml.error == nil, "\(String(describing: xml.error))")
        let nodes = xml.named("node")
        let edges = xml.named("edge")
        #expect(nodes.count == counts.nodes && edges.count == counts.edges)
        let ids = Set(nodes.compactMap { $0.attributes["id"] })
        #expect(edges.allSatisfy { ids.contains($0.attributes["source"] ?? "") && ids.contains($0.attributes["target"] ?? "") })
        return (xml, nodes, edges, ids)
    }

    @Test(arguments: GraphView.allCases)
    func graphMLIsWellFormedWithTheDataCounts(_ view: GraphView) throws {
        let (xml, nodes, edges, ids) = try exportedXML(view) { GraphMLWriter($0) }
        #expect(ids.count == nodes.count)
        #expect(Set(edges.compactMap { $0.attributes["id"] }).count == edges.count, "edge ids are unique")
        if view == .full {
            #expect(ids == GraphWriterTests.expected.nodes)
            #expect(edges.count == GraphWriterTests.expected.edges)
        } else {
            #expect(ids == Set(GraphWriterTests.knowledgeBase.entities.map(\.id)))
        }
        // Every data key is declared, and the tricky names come back as written.
        let keys = Set(xml.named("key").compactMap { $0.attributes["id"] })
        #expect(xml.named("data").allSatisfy { keys.contains($0.attributes["key"] ?? "") })
        let odd = try #require(
            xml.all.indices.first { xml.all[$0].name == "node" && xml.all[$0].attributes["id"] == GraphWriterTests.trickyID })
        let data = Dictionary(xml.children(of: odd, named: "data").map { ($0.attributes["key"] ?? "", $0.text) }) { a, _ in a }
        #expect(data["n_label"] == GraphWriterTests.tricky)
        #expect(data["n_name_vi"] == "Tổ chức <&>")
        #expect(data["n_aliases"]?.contains("c;d\"e") == true)
    }

    @Test(arguments: GraphView.allCases)
    func gexfIsWellFormedWithTheDataCountsAndDays(_ view: GraphView) throws {
        let (xml, nodes, edges, ids) = try exportedXML(view) { GEXFWriter($0) }
        // Nodes, then edges, each in their own list.
        #expect(xml.named("nodes").count == 1 && xml.named("edges").count == 1)
        let odd = try #require(nodes.first { $0.attributes["id"] == GraphWriterTests.trickyID })
        #expect(odd.attributes["label"] == GraphWriterTests.tricky)
        let declared = Set(xml.named("attribute").compactMap { $0.attributes["id"] })
        #expect(xml.named("attvalue").allSatisfy { declared.contains($0.attributes["for"] ?? "") })
        // Whole days, in the XML Schema date form Gephi reads.
        let days = (nodes + edges).flatMap { [$0.attributes["start"], $0.attributes["end"]] }.compactMap { $0 }
        #expect(
            !days.isEmpty && days.allSatisfy { $0.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil },
            "\(days)")
        if view == .full {
            #expect(ids == GraphWriterTests.expected.nodes && edges.count == GraphWriterTests.expected.edges)
            let call = try #require(nodes.first { $0.attributes["id"] == "event:call" })
            #expect(call.attributes["start"] == "2023-03-01" && call.attributes["end"] == "2023-03-31")
        }
    }

    // MARK: DOT

    /// A DOT double-quoted string's content, with the writer's escapes undone (and &amp; in labels).
    static func unquoteDOT(_ quoted: Substring, label: Bool) -> String {
        var out = ""
        var escaped = false
        for character in quoted.dropFirst().dropLast() {
            if escaped {
                out.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return label ? out.replacingOccurrences(of: "&amp;", with: "&") : out
    }

    @Test(arguments: GraphView.allCases)
    func dotIsADigraphOfOneStatementALine(_ view: GraphView) throws {
        let (text, counts) = try export(view) { DOTWriter($0) }
        #expect(text.hasPrefix("digraph diplo {\n") && text.hasSuffix("}\n"))
        let quoted = #""(?:[^"\\\n]|\\.)*""#
        let nodeLine = try Regex("^  (\(quoted)) \\[label=(\(quoted)), .*\\];$")
        let edgeLine = try Regex("^  (\(quoted)) -> (\(quoted)) \\[label=\(quoted), .*\\];$")
        var nodes: [String: String] = [:]
        var edges: [(String, String)] = []
        let lines = text.split(separator: "\n")
        for line in lines.dropFirst().dropLast() where line.hasPrefix("  \"") {
            if let match = line.wholeMatch(of: edgeLine) {
                edges.append(
                    (
                        GraphWriterTests.unquoteDOT(match.output[1].substring!, label: false),
                        GraphWriterTests.unquoteDOT(match.output[2].substring!, label: false)
                    ))
            } else if let match = line.wholeMatch(of: nodeLine) {
                nodes[GraphWriterTests.unquoteDOT(match.output[1].substring!, label: false)] =
                    GraphWriterTests.unquoteDOT(match.output[2].substring!, label: true)
            } else {
                Issue.record("neither a node nor an edge: \(line)")
            }
        }
        #expect(nodes.count == counts.nodes && edges.count == counts.edges)
        #expect(edges.allSatisfy { nodes[$0.0] != nil && nodes[$0.1] != nil })
        if view == .full { #expect(Set(nodes.keys) == GraphWriterTests.expected.nodes) }
        #expect(nodes[GraphWriterTests.trickyID] == GraphWriterTests.tricky)
        // Braces balance outside strings: nothing in a name closes the graph early.
        var depth = 0
        var inString = false
        var escaped = false
        for character in text {
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
            } else if character == "\"" {
                inString = true
            } else if character == "{" {
                depth += 1
            } else if character == "}" {
                depth -= 1
            }
        }
        #expect(depth == 0 && !inString)
    }

    // MARK: Turtle

    /// A Turtle text scanned by hand: its string literals read (only Turtle's escapes, no raw line
    /// break in one), its IRIs checked (no spaces or quotes), and what stands outside them, with
    /// each literal as `""` and each IRI as `<>`; comments left out.
    struct TurtleScan {
        var literals: [String] = []
        var outside = ""

        init(_ text: String) {
            var characters = Array(text.unicodeScalars)[...]
            while let c = characters.popFirst() {
                switch c {
                case "#" where outside.last == "\n" || outside.isEmpty:
                    while let next = characters.first, next != "\n" { characters.removeFirst() }
                case "\"":
                    literals.append(TurtleScan.literal(&characters))
                    outside += "\"\""
                case "<":
                    var iri = ""
                    while let next = characters.popFirst(), next != ">" { iri.unicodeScalars.append(next) }
                    #expect(!iri.contains { " \"<{}|^`\\\n".contains($0) }, "IRI: \(iri)")
                    outside += "<>"
                default:
                    outside.unicodeScalars.append(c)
                }
            }
        }

        /// A string literal whose opening quote was read, up to its closing quote, its escapes undone.
        static func literal(_ characters: inout ArraySlice<Unicode.Scalar>) -> String {
            var literal = ""
            while let next = characters.popFirst() {
                if next == "\"" { break }
                #expect(next != "\n" && next != "\r", "a raw line break in a string")
                guard next == "\\" else {
                    literal.unicodeScalars.append(next)
                    continue
                }
                let escape = characters.popFirst()
                switch escape {
                case "n": literal += "\n"
                case "r": literal += "\r"
                case "t": literal += "\t"
                case "\"": literal += "\""
                case "\\": literal += "\\"
                case "u":
                    let hex = String(String.UnicodeScalarView(characters.prefix(4)))
                    characters.removeFirst(4)
                    literal.unicodeScalars.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
                default: Issue.record("not a Turtle escape: \\\(String(describing: escape))")
                }
            }
            return literal
        }

        /// The prefixes the `@prefix` lines declare, each line checked for its shape.
        static func declaredPrefixes(in text: String) -> Set<String> {
            var declared: Set<String> = []
            for line in text.split(separator: "\n") where line.hasPrefix("@prefix ") {
                let parts = line.split(separator: " ")
                #expect(
                    parts.count == 4 && parts[1].hasSuffix(":") && parts[2].hasPrefix("<") && parts[2].hasSuffix(">")
                        && parts[3] == ".", "\(line)")
                declared.insert(String(parts[1].dropLast()))
            }
            return declared
        }
    }

    /// Turtle's basic shape, scanned by hand: strings closed on their line with only Turtle's
    /// escapes, IRIs without spaces or quotes, every prefix used declared, every statement ended.
    @Test(arguments: GraphView.allCases)
    func turtleKeepsToTheGrammarsShape(_ view: GraphView) throws {
        let (text, counts) = try export(view) { TurtleWriter($0) }
        let declared = TurtleScan.declaredPrefixes(in: text)
        let scan = TurtleScan(text)
        let (literals, outside) = (scan.literals, scan.outside)
        // Prefixed names used outside strings and IRIs are all declared.
        let used = Set(outside.matches(of: #/(?:^|[\s\[;,])([a-z]+):[A-Za-z_]/#).map { String($0.output.1) })
        #expect(used.isSubset(of: declared), "undeclared: \(used.subtracting(declared))")
        // Every statement ends with " ." (blank nodes and lists closed on the way).
        let statements = outside.components(separatedBy: " .\n").dropLast()
        #expect(outside.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("."))
        #expect(outside.filter { $0 == "[" }.count == outside.filter { $0 == "]" }.count)
        #expect(statements.count >= counts.nodes)
        // One subject block a node, typed; the tricky name as written.
        let subjects = text.split(separator: "\n").filter { $0.hasPrefix("<urn:diplo:") && !$0.contains(" ") }
        #expect(subjects.count == counts.nodes)
        #expect(literals.contains(GraphWriterTests.tricky))
        #expect(literals.contains("Tổ chức <&>"))
        if view == .full {
            let attendees = text.components(separatedBy: " schema:attendee ").count - 1
            #expect(attendees == GraphWriterTests.knowledgeBase.events.reduce(0) { $0 + $1.participants.count })
        }
    }

    // MARK: Mermaid

    @Test(arguments: GraphView.allCases)
    func mermaidHasOneNodeOrEdgeALineWithItsCodes(_ view: GraphView) throws {
        let (text, counts) = try export(view) { MermaidWriter($0) }
        let chart = try Flowchart(text)
        #expect(chart.opens)
        #expect(chart.strays.isEmpty, "not flowchart syntax: \(chart.strays)")
        #expect(chart.nodes.count == counts.nodes && chart.edges.count == counts.edges)
        // The codes, undone, give the name back.
        let decoded = chart.nodes.values.map(Flowchart.decoded).sorted()
        #expect(decoded.contains(GraphWriterTests.tricky), "\(decoded)")
    }

    // MARK: CSV

    @Test func csvIsTwoRectangularTablesThatReadBack() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        try store.merge(GraphWriterTests.knowledgeBase, file: "fixture.json")
        let nodesFile = try OutputFile(path: folder.path("n.csv"))
        let edgesFile = try OutputFile(path: folder.path("e.csv"))
        let counts = try GraphExporter().write(store, to: CSVGraphWriter(nodes: nodesFile.output, edges: edgesFile.output))
        try nodesFile.commit()
        try edgesFile.commit()
        let nodes = CSVText.rows(try String(contentsOfFile: folder.path("n.csv"), encoding: .utf8))
        let edges = CSVText.rows(try String(contentsOfFile: folder.path("e.csv"), encoding: .utf8))
        #expect(nodes.first?.prefix(3) == ["id", "type", "label"] && edges.first?.prefix(3) == ["id", "source", "target"])
        #expect(Set(nodes.map(\.count)).count == 1 && Set(edges.map(\.count)).count == 1)
        #expect(nodes.count - 1 == counts.nodes && edges.count - 1 == counts.edges)
        #expect(Set(nodes.dropFirst().map { $0[0] }) == GraphWriterTests.expected.nodes)
        #expect(edges.count - 1 == GraphWriterTests.expected.edges)
        let ids = Set(nodes.dropFirst().map { $0[0] })
        #expect(edges.dropFirst().allSatisfy { ids.contains($0[1]) && ids.contains($0[2]) })
        #expect(nodes.contains { $0[0] == GraphWriterTests.trickyID && $0[2] == GraphWriterTests.tricky })
    }
}
