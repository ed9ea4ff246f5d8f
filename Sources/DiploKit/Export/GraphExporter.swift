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
        let db = store.db
        var counts = Counts()
        let languages = try db.query("SELECT DISTINCT lang FROM entity_names ORDER BY lang") { $0.text(0) }
        try writer.begin(GraphHeader(view: view, languages: languages, description: description))

        try db.forEach("""
            SELECT e.id, e.type, e.name, e.iso, e.country_id,
                (SELECT json_group_object(lang, name) FROM entity_names WHERE entity_id = e.id),
                (SELECT json_group_array(alias) FROM (SELECT alias FROM entity_aliases WHERE entity_id = e.id ORDER BY rowid))
            FROM entities e ORDER BY e.key
            """) { row in
            guard selection.hasEntity(row.text(0)) else { return }
            var node = GraphNode(id: row.text(0), type: row.text(1), label: row.text(2), iso: row.string(3), country: row.string(4))
            if let names = row.string(5), names != "{}" { node.names = GraphExporter.decode(names) ?? [:] }
            if let aliases = row.string(6), aliases != "[]" { node.aliases = GraphExporter.decode(aliases) ?? [] }
            try writer.node(node)
            counts.nodes += 1
        }

        var nextEdge = 0
        func emit(_ edge: GraphEdge) throws {
            var edge = edge
            edge.id = "e\(nextEdge)"
            nextEdge += 1
            try writer.edge(edge)
        }

        switch view {
        case .full:
            try db.forEach("""
                SELECT id, kind, title, status, start, end, within_from, within_to, location_city FROM events ORDER BY key
                """) { row in
                let event = EventRow(row)
                guard keeps(event) else { return }
                try writer.node(GraphNode(
                    id: GraphNode.eventID(event.id), type: "event", label: row.text(2).isEmpty ? event.fallbackTitle : row.text(2),
                    kind: event.kind, status: row.text(3), date: event.dateText, start: event.first, end: event.last,
                    city: row.string(8)))
                counts.nodes += 1
            }
            try db.forEach("""
                SELECT e.id, e.kind, e.start, e.end, e.within_from, e.within_to, p.entity_id, p.role
                FROM events e JOIN participants p ON p.event_id = e.id ORDER BY e.key, p.role, p.entity_id
                """) { row in
                let event = EventRow(row, start: 2)
                guard keeps(event), selection.hasEntity(row.text(6)) else { return }
                try emit(GraphEdge(source: row.text(6), target: GraphNode.eventID(event.id), relation: "participant",
                                   role: row.text(7), kind: event.kind, start: event.first, end: event.last, event: event.id))
            }
            try db.forEach("""
                SELECT id, kind, start, end, within_from, within_to, location_country_id, location_city
                FROM events WHERE location_country_id IS NOT NULL ORDER BY key
                """) { row in
                let event = EventRow(row, start: 2)
                guard keeps(event), selection.hasEntity(row.text(6)) else { return }
                try emit(GraphEdge(source: GraphNode.eventID(event.id), target: row.text(6), relation: "held_in",
                                   kind: event.kind, label: row.string(7), start: event.first, end: event.last, event: event.id))
            }
            try db.forEach("""
                SELECT e.id, e.kind, e.start, e.end, e.within_from, e.within_to,
                       t.id, t.kind, t.start, t.end, t.within_from, t.within_to
                FROM events e JOIN events t ON t.id = e.parent_id ORDER BY e.key
                """) { row in
                let event = EventRow(row, start: 2), trip = EventRow(row, id: 6, start: 8)
                guard keeps(event), keeps(trip) else { return }
                try emit(GraphEdge(source: GraphNode.eventID(event.id), target: GraphNode.eventID(trip.id), relation: "part_of",
                                   kind: event.kind, event: event.id))
            }
        case .entities:
            // One event at a time: its rows come together, and are folded when the next begins.
            var current: (event: EventRow, title: String, location: String?)?
            var participants: [EventEndpoint] = []
            func fold() throws {
                guard let (event, title, location) = current else { return }
                let ends = EventEndpoint.arranged(participants, kind: event.kind, location: location)
                guard ends.allSatisfy({ selection.hasEntity($0.entity) }) else { return }
                for (i, a) in ends.enumerated() {
                    for b in ends[(i + 1)...] where EventEndpoint.linked(a, b) {
                        try emit(GraphEdge(source: a.entity, target: b.entity, relation: event.kind, role: "\(a.role)-\(b.role)",
                                           kind: event.kind, label: title.isEmpty ? event.fallbackTitle : title,
                                           start: event.first, end: event.last, event: event.id))
                    }
                }
            }
            try db.forEach("""
                SELECT e.id, e.kind, e.start, e.end, e.within_from, e.within_to, e.title, e.location_country_id, p.entity_id, p.role,
                       n.country_id
                FROM events e LEFT JOIN participants p ON p.event_id = e.id LEFT JOIN entities n ON n.id = p.entity_id
                ORDER BY e.key, p.role, p.entity_id
                """) { row in
                if current?.event.id != row.text(0) {
                    try fold()
                    current = nil
                    participants.removeAll(keepingCapacity: true)
                    let event = EventRow(row, start: 2)
                    guard keeps(event) else { return }
                    current = (event, row.text(6), row.string(7))
                }
                guard current != nil, let entity = row.string(8) else { return }
                participants.append(EventEndpoint(entity: entity, role: row.text(9), country: row.string(10)))
            }
            try fold()
        }

        try db.forEach("""
            SELECT p.id, p.level, p.established, a.entity_id, b.entity_id FROM partnerships p
            JOIN partnership_parties a ON a.partnership_id = p.id
            JOIN partnership_parties b ON b.partnership_id = p.id AND b.entity_id > a.entity_id
            ORDER BY p.id, a.entity_id, b.entity_id
            """) { row in
            guard filter.keepsSpan(start: row.string(2), end: nil), selection.hasEntity(row.text(3)), selection.hasEntity(row.text(4))
            else { return }
            let level = row.text(1)
            try emit(GraphEdge(source: row.text(3), target: row.text(4), relation: "partnership",
                               label: level.replacingOccurrences(of: "_", with: " "), start: row.string(2),
                               level: level, partnership: row.text(0)))
        }
        try db.forEach("SELECT id, country_id FROM entities WHERE country_id IS NOT NULL ORDER BY key") { row in
            guard selection.hasEntity(row.text(0)), selection.hasEntity(row.text(1)) else { return }
            try emit(GraphEdge(source: row.text(0), target: row.text(1), relation: "belongs_to"))
        }
        try db.forEach("SELECT person_id, of_id, title, role, start, end FROM offices_held WHERE of_id IS NOT NULL ORDER BY id") { row in
            guard filter.keepsSpan(start: row.string(4), end: row.string(5)),
                  selection.hasEntity(row.text(0)), selection.hasEntity(row.text(1)) else { return }
            try emit(GraphEdge(source: row.text(0), target: row.text(1), relation: "office", role: row.string(3), label: row.text(2),
                               start: row.string(4), end: row.string(5)))
        }
        counts.edges = nextEdge
        try writer.end()
        return counts
    }

    var description: String {
        var parts = ["Diplo relation graph", view == .full ? "events as nodes" : "events folded into edges between entities"]
        if let from = filter.from { parts.append("from \(from)") }
        if let to = filter.to { parts.append("to \(to)") }
        if let kinds = filter.kinds { parts.append("kinds " + kinds.map(\.rawValue).sorted().joined(separator: ",")) }
        return parts.joined(separator: "; ")
    }

    func keeps(_ event: EventRow) -> Bool {
        selection.hasEvent(event.id)
            && filter.keepsEvent(kind: event.kind, start: event.start, end: event.end, withinFrom: event.withinFrom, withinTo: event.withinTo)
    }

    static func decode<T: Decodable>(_ json: String) -> T? { try? JSONDecoder().decode(T.self, from: Data(json.utf8)) }
}

/// The columns of an event row that filters and edges need: id, kind, then start, end,
/// within_from, within_to from column `start` on.
struct EventRow {
    let id: String
    let kind: String
    let start: String?
    let end: String?
    let withinFrom: String?
    let withinTo: String?

    init(_ row: Row, id: Int = 0, start: Int = 4) {
        self.id = row.text(id)
        self.kind = row.text(id + 1)
        self.start = row.string(start)
        self.end = row.string(start + 1)
        self.withinFrom = row.string(start + 2)
        self.withinTo = row.string(start + 3)
    }

    var first: String? { start ?? withinFrom }
    /// A one-day event ends the day it starts.
    var last: String? { end ?? start ?? withinTo }

    var dateText: String {
        if let start { return ISODate.range(start, end) }
        if let withinFrom, let withinTo { return "within " + ISODate.range(withinFrom, withinTo) }
        return "date unknown"
    }

    /// For an event without a title: "state visit, 2024-09-21".
    var fallbackTitle: String { kind.replacingOccurrences(of: "_", with: " ") + ", " + dateText }
}
