import DiploModel
import DiploStore
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

    /// An event of a kind asked for, overlapping the dates (as `Event.dayRange` reads them).
    /// With dates asked for, an event without a year is left out.
    public func keeps(_ event: Event) -> Bool {
        if let kinds, !kinds.contains(event.kind) { return false }
        guard from != nil || to != nil else { return true }
        return overlaps(event.dayRange, ifUnknown: false)
    }

    /// A relation that holds from `start` to `end` (an office, a partnership): kept when it
    /// overlaps the dates; one with no dates is always kept.
    public func keepsSpan(start: PartialDate?, end: PartialDate?) -> Bool {
        if let lastDay, let begins = start?.dayRange, begins.lowerBound > lastDay { return false }
        if let firstDay, let ends = end?.dayRange, ends.upperBound < firstDay { return false }
        return true
    }

    /// Whether these days meet the dates asked for; `ifUnknown` when there are no days.
    func overlaps(_ days: ClosedRange<Int>?, ifUnknown: Bool) -> Bool {
        guard firstDay != nil || lastDay != nil else { return true }
        guard let days else { return ifUnknown }
        if let firstDay, days.upperBound < firstDay { return false }
        if let lastDay, days.lowerBound > lastDay { return false }
        return true
    }
}

/// One relation between an entity and another, as `query path`, `query neighbors` and
/// `export --around` follow them.
public struct GraphLink: Sendable {
    public var other: String
    public var relation: GraphRelation
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
    let store: Store
    public let filter: GraphFilter

    public init(store: Store, filter: GraphFilter = GraphFilter()) {
        self.store = store
        self.filter = filter
    }

    /// Everything linked to `id`, each relation once (an entity met twice is two links).
    /// `onEvent` hears of every event of the entity the filter keeps, those that link it to no one too.
    /// `amongEvents`: only the links events among these give (and the others, which no event gives).
    public func links(of id: String, amongEvents: [String]? = nil, onEvent: (String) -> Void = { _ in }) throws -> [GraphLink] {
        var links: [GraphLink] = []
        let events = try store.eventsInvolving(id, among: amongEvents).filter(filter.keeps)
        let participants = Dictionary(grouping: try store.participantRows(ofEvents: events.map(\.id)), by: \.event)
        for event in events {
            onEvent(event.id)
            let ends = EventEndpoint.arranged(
                (participants[event.id] ?? []).map { EventEndpoint(entity: $0.entity, role: $0.role, country: $0.country) },
                kind: event.kind.rawValue, location: event.location?.country)
            guard let me = ends.first(where: { $0.entity == id }) else { continue }
            for endpoint in ends where endpoint.entity != id && EventEndpoint.linked(me, endpoint) {
                links.append(
                    GraphLink(
                        other: endpoint.entity, relation: .event(event.kind), role: endpoint.role.rawValue,
                        date: event.start ?? event.within.flatMap(\.first), end: event.end ?? event.within.flatMap(\.last),
                        event: event.id, title: event.title))
            }
        }
        for partnership in try store.partnerships(of: id) where filter.keepsSpan(start: partnership.established, end: nil) {
            for other in partnership.parties where other != id {
                links.append(
                    GraphLink(
                        other: other, relation: .partnership, date: partnership.established,
                        level: partnership.level.key, title: partnership.id))
            }
        }
        if let country = try store.entity(id)?.country {
            links.append(GraphLink(other: country, relation: .belongsTo))
        }
        for member in try store.memberIDs(of: id) {
            links.append(GraphLink(other: member, relation: .member))
        }
        for office in try store.offices(heldBy: id)
        where office.of != nil && filter.keepsSpan(start: office.start, end: office.end) {
            links.append(GraphLink(other: office.of!, relation: .office, role: office.title, date: office.start, end: office.end))
        }
        for (person, office) in try store.officeHolders(of: id) where filter.keepsSpan(start: office.start, end: office.end) {
            links.append(
                GraphLink(other: person, relation: .officeHolder, role: office.title, date: office.start, end: office.end))
        }
        return links.filter { $0.other != id }
    }
}

/// An entity an event links, and its part in it.
package struct EventEndpoint: Equatable {
    package let entity: String
    package let role: ParticipantRole
    /// The participant's own country.
    package var country: String? = nil

    package init(entity: String, role: ParticipantRole, country: String? = nil) {
        self.entity = entity
        self.role = role
        self.country = country
    }

    /// Guests first, hosts after, the place last: the order edges point in.
    var rank: Int {
        if ParticipantRole.guestSide.contains(role) { return 0 }
        if ParticipantRole.hostSide.contains(role) { return 2 }
        return role == .location ? 3 : 1
    }

    /// Participants in edge order, each entity once, with the place added for bilateral kinds.
    package static func arranged(_ participants: [EventEndpoint], kind: String, location: String?) -> [EventEndpoint] {
        var all = participants
        if let location, EventKind(rawValue: kind)?.isBilateral ?? true {
            all.append(EventEndpoint(entity: location, role: .location))
        }
        all.sort { ($0.rank, $0.role, $0.entity) < ($1.rank, $1.role, $1.entity) }
        var seen = Set<String>()
        return all.filter { seen.insert($0.entity).inserted }
    }

    /// Whether an event links these two: the place it is held links only those who came from
    /// elsewhere (a visit to the US links the guest to the US, not the host).
    package static func linked(_ a: EventEndpoint, _ b: EventEndpoint) -> Bool {
        !(a.role == .location && b.country == a.entity) && !(b.role == .location && a.country == b.entity)
    }
}
