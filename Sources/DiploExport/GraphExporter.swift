import DiploModel
import DiploQuery
import DiploStore
import Foundation

/// Reads the relation graph from SQLite and hands it to a writer node by node and edge by edge,
/// so that memory stays flat however large the graph is.
///
/// Nodes: every entity (or those selected), and in the full view every event the filter keeps.
/// Edges: participant (entity -> event, with the role), held_in (event -> country), part_of
/// (event -> its trip), or in the entities view one edge per pair of entities an event links
/// (guest -> host, its kind as the relation); then partnership (between each pair of parties),
/// belongs_to (entity -> its country) and office (person -> the country or organisation).
public struct GraphExporter {
    public var view: GraphView
    public var filter: GraphFilter
    public var selection: GraphSelection

    public init(view: GraphView = .full, filter: GraphFilter = GraphFilter(), selection: GraphSelection = .everything) {
        self.view = view
        self.filter = filter
        self.selection = selection
    }

    /// How many nodes and edges were written.
    public struct Counts: Equatable, Sendable {
        public var nodes = 0
        public var edges = 0

        public init(nodes: Int = 0, edges: Int = 0) {
            self.nodes = nodes
            self.edges = edges
        }
    }

    @discardableResult
    public func write(_ store: Store, to writer: GraphWriter) throws -> Counts {
        try writer.begin(GraphHeader(view: view, languages: try store.nameLanguages(), description: description))
        var edges = EdgeNumbering(writer: writer)
        var nodes = 0
        try store.forEachEntity { entity in
            guard selection.hasEntity(entity.id) else { return }
            try writer.node(GraphNode(entity))
            nodes += 1
        }
        switch view {
        case .full: nodes += try writeEvents(store, to: writer, edges: &edges)
        case .entities: try writeEventLinks(store, edges: &edges)
        }
        try store.forEachPartnership { partnership in
            guard filter.keepsSpan(start: partnership.established, end: nil) else { return }
            for (i, a) in partnership.parties.enumerated() {
                for b in partnership.parties[(i + 1)...] where selection.hasEntity(a) && selection.hasEntity(b) {
                    try edges.emit(
                        GraphEdge(
                            source: a, target: b, relation: .partnership, label: partnership.level.readable,
                            start: partnership.established?.description, level: partnership.level.key,
                            partnership: partnership.id))
                }
            }
        }
        for entity in try store.entitySummaries() {
            guard let country = entity.country, selection.hasEntity(entity.id), selection.hasEntity(country) else { continue }
            try edges.emit(GraphEdge(source: entity.id, target: country, relation: .belongsTo))
        }
        try store.forEachOffice { person, office in
            guard let of = office.of, filter.keepsSpan(start: office.start, end: office.end),
                selection.hasEntity(person), selection.hasEntity(of)
            else { return }
            try edges.emit(
                GraphEdge(
                    source: person, target: of, relation: .office, role: office.role, label: office.title,
                    start: office.start?.description, end: office.end?.description))
        }
        try writer.end()
        return Counts(nodes: nodes, edges: edges.count)
    }

    /// The full view: each event a node, with edges to its participants, the country it is held
    /// in and its trip. Returns how many nodes it wrote.
    private func writeEvents(_ store: Store, to writer: GraphWriter, edges: inout EdgeNumbering) throws -> Int {
        var nodes = 0
        try store.forEachEventSummary { event in
            guard keeps(event) else { return }
            try writer.node(GraphNode(event))
            nodes += 1
        }
        // An event's days, written once for all its participants.
        var days: (event: String, first: String?, last: String?) = ("", nil, nil)
        try store.forEachParticipantRow { event, participant in
            guard let participant, keeps(event), selection.hasEntity(participant.entity) else { return }
            if days.event != event.id { days = (event.id, event.firstDay, event.lastDay) }
            try edges.emit(
                GraphEdge(
                    source: participant.entity, target: GraphNode.eventID(event.id), relation: .participant,
                    role: participant.role.rawValue, kind: event.kind.rawValue, start: days.first,
                    end: days.last, event: event.id))
        }
        // Each of these walks reads only the events it draws edges from.
        try store.forEachEventSummary(.located) { event in
            guard let country = event.location?.country, keeps(event), selection.hasEntity(country) else { return }
            try edges.emit(
                GraphEdge(
                    source: GraphNode.eventID(event.id), target: country, relation: .heldIn,
                    kind: event.kind.rawValue, label: event.location?.city, start: event.firstDay,
                    end: event.lastDay, event: event.id))
        }
        try store.forEachEventSummary(.stops) { event in
            guard let parent = event.parent, keeps(event), let trip = try store.eventSummary(parent), keeps(trip) else { return }
            try edges.emit(
                GraphEdge(
                    source: GraphNode.eventID(event.id), target: GraphNode.eventID(trip.id), relation: .partOf,
                    kind: event.kind.rawValue, event: event.id))
        }
        return nodes
    }

    /// The entities view: each event folded into edges between the entities it links (guest ->
    /// host, its kind as the relation), one event at a time.
    private func writeEventLinks(_ store: Store, edges: inout EdgeNumbering) throws {
        var current: Event?
        var participants: [EventEndpoint] = []
        func fold() throws {
            guard let event = current else { return }
            let ends = EventEndpoint.arranged(participants, kind: event.kind.rawValue, location: event.location?.country)
            guard ends.allSatisfy({ selection.hasEntity($0.entity) }) else { return }
            for (i, a) in ends.enumerated() {
                for b in ends[(i + 1)...] where EventEndpoint.linked(a, b) {
                    try edges.emit(
                        GraphEdge(
                            source: a.entity, target: b.entity, relation: .event(event.kind),
                            role: "\(a.role)-\(b.role)", kind: event.kind.rawValue, label: event.label,
                            start: event.firstDay, end: event.lastDay, event: event.id))
                }
            }
        }
        try store.forEachParticipantRow { event, participant in
            if current?.id != event.id {
                try fold()
                current = keeps(event) ? event : nil
                participants.removeAll(keepingCapacity: true)
            }
            guard current != nil, let participant else { return }
            participants.append(EventEndpoint(entity: participant.entity, role: participant.role, country: participant.country))
        }
        try fold()
    }

    var description: String {
        var parts = ["Diplo relation graph", view == .full ? "events as nodes" : "events folded into edges between entities"]
        if let from = filter.from { parts.append("from \(from)") }
        if let to = filter.to { parts.append("to \(to)") }
        if let kinds = filter.kinds { parts.append("kinds " + kinds.map(\.rawValue).sorted().joined(separator: ",")) }
        return parts.joined(separator: "; ")
    }

    func keeps(_ event: Event) -> Bool { selection.hasEvent(event.id) && filter.keeps(event) }

    static func decode<T: Decodable>(_ json: String) -> T? { try? JSONDecoder().decode(T.self, from: Data(json.utf8)) }
}

/// Numbers edges e0, e1, ... in the order they are written.
struct EdgeNumbering {
    let writer: GraphWriter
    private(set) var count = 0

    init(writer: GraphWriter) { self.writer = writer }

    mutating func emit(_ edge: GraphEdge) throws {
        var edge = edge
        edge.id = "e\(count)"
        count += 1
        try writer.edge(edge)
    }
}

extension Event {
    /// The first and last day as ISO text, for edges: a one-day event ends the day it starts.
    var firstDay: String? { (start ?? within?.first)?.description }
    var lastDay: String? { (end ?? start ?? within?.last)?.description }

    /// The title, or for an event without one "state visit, 2024-09-21".
    var label: String { title.isEmpty ? kind.rawValue.replacingOccurrences(of: "_", with: " ") + ", " + dateText : title }
}
