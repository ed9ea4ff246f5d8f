import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation
import Testing

/// Keeps what an exporter hands it, in order.
final class CollectingGraphWriter: GraphWriter {
    var header: GraphHeader?
    var nodes: [GraphNode] = []
    var edges: [GraphEdge] = []
    var order: [String] = []

    func begin(_ header: GraphHeader) throws {
        self.header = header
        order.append("begin")
    }
    func node(_ node: GraphNode) throws {
        nodes.append(node)
        order.append("node")
    }
    func edge(_ edge: GraphEdge) throws {
        edges.append(edge)
        order.append("edge")
    }
    func end() throws { order.append("end") }
}

@Suite struct GraphExportTests {
    func sampleStore(_ folder: TemporaryFolder) throws -> Store {
        let store = try folder.store()
        try store.merge(Fixture.sample(), file: "sample.json")
        return store
    }

    func streamedJSON(_ store: Store, filter: GraphFilter = GraphFilter(), selection: GraphSelection = .everything) throws
        -> String
    {
        let folder = try TemporaryFolder()
        let file = try OutputFile(path: folder.path("out.json"))
        try InterchangeStream(filter: filter, selection: selection).write(store, to: file.output)
        try file.commit()
        return try String(contentsOfFile: folder.path("out.json"), encoding: .utf8)
    }

    @Test func streamedJSONIsByteForByteTheInterchangeWriters() throws {
        let folder = try TemporaryFolder()
        for store in [try sampleStore(folder), try folder.store("empty.sqlite")] {
            let streamed = try streamedJSON(store)
            let whole = try InterchangeWriter.string(try store.knowledgeBase())
            let difference = zip(streamed.split(separator: "\n"), whole.split(separator: "\n")).enumerated().first {
                $0.element.0 != $0.element.1
            }
            #expect(
                streamed == whole,
                "first difference, line \((difference?.offset ?? -1) + 1): \(String(describing: difference?.element))")
        }
    }

    @Test func fullViewHasEntitiesAndEventsThenEveryRelation() throws {
        let folder = try TemporaryFolder()
        let writer = CollectingGraphWriter()
        let counts = try GraphExporter().write(try sampleStore(folder), to: writer)
        let kb = Fixture.sample()
        #expect(writer.order.first == "begin" && writer.order.last == "end")
        // Nodes, all of them, before any edge.
        #expect(writer.order.lastIndex(of: "node")! < writer.order.firstIndex(of: "edge")!)
        #expect(Set(writer.header?.languages ?? []) == Set(kb.entities.flatMap(\.names.keys)))
        // A node for each entity and each event, an edge for each relation the data holds.
        #expect(Set(writer.nodes.map(\.id)) == Set(kb.entities.map(\.id) + kb.events.map { "event:" + $0.id }))
        #expect(writer.nodes.count == kb.entities.count + kb.events.count)
        func count(_ relation: String) -> Int { writer.edges.filter { $0.relation.description == relation }.count }
        #expect(count("participant") == kb.events.reduce(0) { $0 + $1.participants.count })
        #expect(count("held_in") == kb.events.filter { $0.location?.country != nil }.count)
        #expect(count("partnership") == kb.partnerships.count)
        #expect(count("belongs_to") == kb.entities.filter { $0.country != nil }.count)
        #expect(count("office") == kb.entities.reduce(0) { $0 + $1.offices.filter { $0.of != nil }.count })
        #expect(
            Set(writer.edges.map(\.relation.description)).isSubset(of: [
                "participant", "held_in", "part_of", "partnership", "belongs_to", "office",
            ]))
        #expect(counts == GraphExporter.Counts(nodes: writer.nodes.count, edges: writer.edges.count))
        // Every edge joins two nodes written, under an id of its own.
        let ids = Set(writer.nodes.map(\.id))
        #expect(writer.edges.allSatisfy { ids.contains($0.source) && ids.contains($0.target) })
        #expect(Set(writer.edges.map(\.id)).count == writer.edges.count && !writer.edges.contains { $0.id.isEmpty })
        let visit = try #require(writer.nodes.first { $0.id == "event:e1" })
        #expect(
            visit.kind == "working_visit" && visit.start == kb.events[0].start?.description
                && visit.end == kb.events[0].end?.description)
    }

    @Test func entitiesViewFoldsEventsIntoEdges() throws {
        let folder = try TemporaryFolder()
        let writer = CollectingGraphWriter()
        try GraphExporter(view: .entities).write(try sampleStore(folder), to: writer)
        #expect(writer.nodes.allSatisfy { $0.type != "event" })
        // The visit becomes one edge, guest to the country visited, that names its event.
        let folded = writer.edges.filter { $0.event == "e1" }
        #expect(folded.count == 1)
        let visit = try #require(folded.first)
        #expect((visit.source, visit.target, visit.relation) == ("to-lam", "us", .event(.workingVisit)))
        #expect(visit.role?.hasPrefix("guest") == true)
        #expect(visit.label == "Working trip to the US" && visit.event == "e1")
    }

    @Test func aroundKeepsOnlyWhatIsWithinTheDepth() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        // A chain that leads on: Tô Lâm - the US (his visit) - Cuba (relations) - Laos (relations) - Laos's leader.
        let laos = Entity(id: "la", type: .country, name: "Laos", iso: "LA")
        try store.merge(
            KnowledgeBase(
                entities: [
                    Fixture.unitedStates, Fixture.cuba, laos,
                    Entity(id: "sonexay", type: .person, name: "Sonexay Siphandone", country: "la"),
                ],
                partnerships: [
                    Partnership(
                        id: "us-cu", parties: ["us", "cu"], level: .diplomaticRelations, established: Fixture.date("2015-07-20")),
                    Partnership(
                        id: "cu-la", parties: ["cu", "la"], level: .diplomaticRelations, established: Fixture.date("1974")),
                ]),
            file: "chain.json")
        let links = GraphLinks(store: store)
        let expected: [Set<String>] = [
            ["to-lam"], ["to-lam", "us", "vn"], ["to-lam", "us", "vn", "cu"], ["to-lam", "us", "vn", "cu", "la"],
            ["to-lam", "us", "vn", "cu", "la", "sonexay"],
        ]
        for (depth, entities) in expected.enumerated() {
            let selection = try GraphSelection(around: "to-lam", depth: depth, links: links)
            #expect(selection.entities == entities, "depth \(depth)")
            #expect(selection.events == (depth == 0 ? [] : ["e1"]), "depth \(depth)")
        }
        // The far end, from the other side: one link from Laos is Cuba and its leader, nothing more.
        let writer = CollectingGraphWriter()
        try GraphExporter(selection: try GraphSelection(around: "la", depth: 1, links: links)).write(store, to: writer)
        #expect(Set(writer.nodes.map(\.id)) == ["la", "cu", "sonexay"])
        #expect(Set(writer.edges.map { [$0.source, $0.target].sorted() }) == [["cu", "la"], ["la", "sonexay"]])
    }

    @Test func filteredJSONKeepsWhatTheKeptFactsPointTo() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        let part = try streamedJSON(store, filter: GraphFilter(from: Fixture.date("2025")))
        let kb = try InterchangeReader.read(Data(part.utf8), file: "part.json")
        #expect(kb.events.isEmpty && kb.anniversaries.isEmpty)
        #expect(kb.entities.count == 4 && kb.partnerships.count == 2)
        // The document is cited by the event alone, which is left out.
        #expect(kb.documents.isEmpty)
    }
}
