import DiploModel
import DiploStore
import DiploImport
import DiploQuery
import DiploExport
import Foundation
import Testing

/// Keeps what an exporter hands it, in order.
final class CollectingGraphWriter: GraphWriter {
    var header: GraphHeader?
    var nodes: [GraphNode] = []
    var edges: [GraphEdge] = []
    var order: [String] = []

    func begin(_ header: GraphHeader) throws { self.header = header; order.append("begin") }
    func node(_ node: GraphNode) throws { nodes.append(node); order.append("node") }
    func edge(_ edge: GraphEdge) throws { edges.append(edge); order.append("edge") }
    func end() throws { order.append("end") }
}

@Suite struct GraphExportTests {
    func sampleStore(_ folder: TemporaryFolder) throws -> Store {
        let store = try folder.store()
        try store.merge(Fixture.sample(), file: "sample.json")
        return store
    }

    func streamedJSON(_ store: Store, filter: GraphFilter = GraphFilter(), selection: GraphSelection = .everything) throws -> String {
        let folder = try TemporaryFolder()
        let file = try OutputFile(path: folder.path("out.json"))
        try InterchangeStream(filter: filter, selection: selection).write(store, to: file.output)
        try file.commit()
        return try String(contentsOfFile: folder.path("out.json"), encoding: .utf8)
    }

    @Test func streamedJSONIsByteForByteTheInterchangeWriters() throws {
        let folder = try TemporaryFolder()
        for store in [try sampleStore(folder), try folder.store("empty.sqlite")] {
            let streamed = try streamedJSON(store), whole = try InterchangeWriter.string(try store.knowledgeBase())
            let difference = zip(streamed.split(separator: "\n"), whole.split(separator: "\n")).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(streamed == whole, "first difference, line \((difference?.offset ?? -1) + 1): \(String(describing: difference?.element))")
        }
    }

    @Test func fullViewHasEntitiesAndEventsThenEveryRelation() throws {
        let folder = try TemporaryFolder()
        let writer = CollectingGraphWriter()
        let counts = try GraphExporter().write(try sampleStore(folder), to: writer)
        #expect(writer.order.first == "begin" && writer.order.last == "end")
        #expect(writer.order.lastIndex(of: "node")! < writer.order.firstIndex(of: "edge")!)
        #expect(writer.header?.languages == ["en", "vi"])
        #expect(counts == GraphExporter.Counts(nodes: 5, edges: 6))
        #expect(writer.nodes.map(\.id) == ["vn", "us", "cu", "to-lam", "event:e1"])
        // participant, held_in, two partnerships, belongs_to, office.
        #expect(writer.edges.map(\.relation) == [.participant, .heldIn, .partnership, .partnership, .belongsTo, .office])
        let visit = writer.nodes.last!
        #expect(visit.kind == "working_visit" && visit.start?.description == "2024-09-21" && visit.end?.description == "2024-09-25")
        #expect(writer.edges.map(\.id) == ["e0", "e1", "e2", "e3", "e4", "e5"])
    }

    @Test func entitiesViewFoldsEventsIntoEdges() throws {
        let folder = try TemporaryFolder()
        let writer = CollectingGraphWriter()
        try GraphExporter(view: .entities).write(try sampleStore(folder), to: writer)
        #expect(writer.nodes.allSatisfy { $0.type != "event" })
        let visit = try #require(writer.edges.first)
        #expect((visit.source, visit.target, visit.relation.description, visit.role) == ("to-lam", "us", "working_visit", "guest-location"))
        #expect(visit.label == "Working trip to the US" && visit.event == "e1")
    }

    @Test func aroundKeepsOnlyWhatIsWithinTheDepth() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        let links = GraphLinks(store: store)
        let one = try GraphSelection(around: "to-lam", depth: 1, links: links)
        #expect(one.entities == ["to-lam", "us", "vn"] && one.events == ["e1"])
        let writer = CollectingGraphWriter()
        try GraphExporter(selection: try GraphSelection(around: "cu", depth: 1, links: links)).write(store, to: writer)
        #expect(writer.nodes.map(\.id) == ["cu"] && writer.edges.isEmpty)
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
