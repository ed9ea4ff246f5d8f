import Foundation

/// Which events and dated relations a graph keeps: `--from`, `--to` and `--kinds`.
public struct GraphFilter: Sendable {
    public var from: PartialDate?
    public var to: PartialDate?
    /// Only events of these kinds; nil for all.
    public var kinds: Set<EventKind>?

    public init(from: PartialDate? = nil, to: PartialDate? = nil, kinds: Set<EventKind>? = nil) {
        self.from = from
        self.to = to
        self.kinds = kinds
    }

    public var isEmpty: Bool { from == nil && to == nil && kinds == nil }

    var firstDay: Int? { from?.dayRange?.lowerBound }
    var lastDay: Int? { to?.dayRange?.upperBound }

    /// An event, from its row: of a kind asked for, and overlapping the dates (the way
    /// `Event.dayRange` reads them). With dates asked for, an event without a year is left out.
    func keepsEvent(kind: String, start: String?, end: String?, withinFrom: String?, withinTo: String?) -> Bool {
        if let kinds, !kinds.contains(where: { $0.rawValue == kind }) { return false }
        guard from != nil || to != nil else { return true }
        func day(_ text: String?) -> ClosedRange<Int>? { text.flatMap { try? PartialDate($0) }?.dayRange }
        let days: ClosedRange<Int>
        if let first = day(start ?? end) {
            let last = day(end ?? start) ?? first
            days = first.lowerBound...max(first.upperBound, last.upperBound)
        } else if let first = day(withinFrom), let last = day(withinTo) {
            days = first.lowerBound...max(first.upperBound, last.upperBound)
        } else {
            return false
        }
        if let firstDay, days.upperBound < firstDay { return false }
        if let lastDay, days.lowerBound > lastDay { return false }
        return true
    }

    /// A relation that holds from `start` to `end` (an office, a partnership): kept when it
    /// overlaps the dates; one with no dates is always kept.
    func keepsSpan(start: String?, end: String?) -> Bool {
        if let lastDay, let begins = start.flatMap({ try? PartialDate($0) })?.dayRange, begins.lowerBound > lastDay { return false }
        if let firstDay, let ends = end.flatMap({ try? PartialDate($0) })?.dayRange, ends.upperBound < firstDay { return false }
        return true
    }
}

/// One relation between an entity and another, as `query path`, `query neighbors` and
/// `export --around` follow them.
public struct GraphLink: Sendable {
    public var other: String
    /// An event's kind (state_visit...), partnership, belongs_to, member (the other belongs to this
    /// one), office, office_holder.
    public var relation: String
    /// The other's role in the event, or the office's title.
    public var role: String?
    public var date: PartialDate?
    public var end: PartialDate?
    public var level: String?
    /// The event the link comes from.
    public var event: String?
    public var title: String?
}

/// The entity-level graph, read from SQLite one entity at a time: what `export --view entities`
/// draws as edges. Two entities are linked by an event both take part in (for visits, talks and
/// other bilateral kinds the country it is held in takes part too, linked to those who came from
/// elsewhere), a partnership, an entity's country, or an office.
public final class GraphLinks {
    let db: Database
    public let filter: GraphFilter

    public init(store: Store, filter: GraphFilter = GraphFilter()) {
        self.db = store.db
        self.filter = filter
    }

    /// Kinds whose place is not a side (a summit in New York does not make the US a side); SQL list.
    static let placeIsNoSide = EventKind.allCases.filter { !$0.isBilateral }.map { "'\($0.rawValue)'" }.joined(separator: ", ")

    /// Everything linked to `id`, each relation once (an entity met twice is two links).
    /// `onEvent` hears of every event of the entity the filter keeps, those that link it to no one too.
    public func links(of id: String, onEvent: (String) -> Void = { _ in }) throws -> [GraphLink] {
        var links: [GraphLink] = []
        try db.forEach("""
            SELECT e.id, e.kind, e.title, e.start, e.end, e.within_from, e.within_to, e.location_country_id
            FROM participants p JOIN events e ON e.id = p.event_id WHERE p.entity_id = ?1
            UNION
            SELECT e.id, e.kind, e.title, e.start, e.end, e.within_from, e.within_to, e.location_country_id
            FROM events e WHERE e.location_country_id = ?1 AND e.kind NOT IN (\(GraphLinks.placeIsNoSide))
            ORDER BY 4, 1
            """, [id]) { row in
            let kind = row.text(1)
            guard filter.keepsEvent(kind: kind, start: row.string(3), end: row.string(4),
                                    withinFrom: row.string(5), withinTo: row.string(6)) else { return }
            onEvent(row.text(0))
            let date = (row.string(3) ?? row.string(5)).flatMap { try? PartialDate($0) }
            let end = (row.string(4) ?? row.string(6)).flatMap { try? PartialDate($0) }
            let ends = try endpoints(ofEvent: row.text(0), kind: kind, location: row.string(7))
            guard let me = ends.first(where: { $0.entity == id }) else { return }
            for endpoint in ends where endpoint.entity != id && EventEndpoint.linked(me, endpoint) {
                links.append(GraphLink(other: endpoint.entity, relation: kind, role: endpoint.role, date: date, end: end,
                                       event: row.text(0), title: row.text(2)))
            }
        }
        try db.forEach("""
            SELECT b.entity_id, p.level, p.established, p.id FROM partnership_parties a
            JOIN partnerships p ON p.id = a.partnership_id
            JOIN partnership_parties b ON b.partnership_id = p.id AND b.entity_id <> a.entity_id
            WHERE a.entity_id = ? ORDER BY p.id, b.entity_id
            """, [id]) { row in
            guard filter.keepsSpan(start: row.string(2), end: nil) else { return }
            links.append(GraphLink(other: row.text(0), relation: "partnership", date: row.string(2).flatMap { try? PartialDate($0) },
                                   level: row.text(1), title: row.text(3)))
        }
        try db.forEach("SELECT country_id FROM entities WHERE id = ? AND country_id IS NOT NULL", [id]) { row in
            links.append(GraphLink(other: row.text(0), relation: "belongs_to"))
        }
        try db.forEach("SELECT id FROM entities WHERE country_id = ? ORDER BY key", [id]) { row in
            links.append(GraphLink(other: row.text(0), relation: "member"))
        }
        try db.forEach("""
            SELECT of_id, title, start, end, 'office' FROM offices_held WHERE person_id = ?1 AND of_id IS NOT NULL
            UNION ALL
            SELECT person_id, title, start, end, 'office_holder' FROM offices_held WHERE of_id = ?1
            """, [id]) { row in
            guard filter.keepsSpan(start: row.string(2), end: row.string(3)) else { return }
            links.append(GraphLink(other: row.text(0), relation: row.text(4), role: row.text(1),
                                   date: row.string(2).flatMap { try? PartialDate($0) }, end: row.string(3).flatMap { try? PartialDate($0) }))
        }
        return links.filter { $0.other != id }
    }

    /// The entities an event links: its participants (each once, in their first role) and, for
    /// kinds whose place is a side, the country it is held in.
    func endpoints(ofEvent event: String, kind: String, location: String?) throws -> [EventEndpoint] {
        var endpoints: [EventEndpoint] = []
        try db.forEach("""
            SELECT p.entity_id, p.role, e.country_id FROM participants p LEFT JOIN entities e ON e.id = p.entity_id WHERE p.event_id = ?
            """, [event]) { row in
            endpoints.append(EventEndpoint(entity: row.text(0), role: row.text(1), country: row.string(2)))
        }
        return EventEndpoint.arranged(endpoints, kind: kind, location: location)
    }
}

/// An entity an event links, and its part in it.
struct EventEndpoint: Equatable {
    let entity: String
    let role: String
    /// The participant's own country.
    var country: String? = nil

    static let guestRoles: Set<String> = ["guest", "visitor", "delegation"]
    static let hostRoles: Set<String> = ["host", "invited_by"]

    /// Guests first, hosts after, the place last: the order edges point in.
    var rank: Int {
        if EventEndpoint.guestRoles.contains(role) { return 0 }
        if EventEndpoint.hostRoles.contains(role) { return 2 }
        return role == "location" ? 3 : 1
    }

    /// Participants in edge order, each entity once, with the place added for bilateral kinds.
    static func arranged(_ participants: [EventEndpoint], kind: String, location: String?) -> [EventEndpoint] {
        var all = participants
        if let location, EventKind(rawValue: kind)?.isBilateral ?? true {
            all.append(EventEndpoint(entity: location, role: "location"))
        }
        all.sort { ($0.rank, $0.role, $0.entity) < ($1.rank, $1.role, $1.entity) }
        var seen = Set<String>()
        return all.filter { seen.insert($0.entity).inserted }
    }

    /// Whether an event links these two: the place it is held links only those who came from
    /// elsewhere (a visit to the US links the guest to the US, not the host).
    static func linked(_ a: EventEndpoint, _ b: EventEndpoint) -> Bool {
        !(a.role == "location" && b.country == a.entity) && !(b.role == "location" && a.country == b.entity)
    }
}
