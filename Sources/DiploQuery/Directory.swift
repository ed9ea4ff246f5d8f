import DiploModel
import DiploStore
import Foundation

/// What queries need to know of every entity to print and filter rows: its name, type and country.
public struct Directory {
    public struct Row: Sendable {
        public let id: String
        public let type: EntityType
        public let name: String
        public let iso: String?
        public let country: String?
    }

    public let rows: [String: Row]

    public init(store: Store) throws {
        try self.init(try store.entitySummaries())
    }

    /// Only these entities and their countries: enough for a listing of a few events or
    /// partnerships, read by the index instead of every entity.
    public init(store: Store, ids: some Sequence<String>) throws {
        try self.init(try store.entitySummaries(ids: ids))
    }

    init(_ entities: [Entity]) throws {
        var rows: [String: Row] = [:]
        for entity in entities {
            rows[entity.id] = Row(id: entity.id, type: entity.type, name: entity.name, iso: entity.iso, country: entity.country)
        }
        self.rows = rows
    }

    public func name(_ id: String?) -> String {
        guard let id else { return "" }
        return rows[id]?.name ?? id
    }

    /// The country an entity stands for: itself, or the country it belongs to.
    public func country(of id: String) -> String? {
        guard let row = rows[id] else { return nil }
        return row.type == .country ? id : row.country
    }

    /// The countries on each side of an event (see `Event.sides`).
    public func sides(of event: Event) -> Set<String> { event.sides(countryOf: country(of:)) }

    /// "Tô Lâm, Miguel Díaz-Canel" for the participants with one of these roles.
    public func names(of event: Event, roles: Set<ParticipantRole>) -> String {
        event.participants.filter { roles.contains($0.role) }.map { name($0.entity) }.joined(separator: ", ")
    }
}

/// Which events a listing shows: those overlapping the dates, of these kinds, with an entity
/// taking part (directly or through its country), newest first.
public struct EventFilter: Sendable {
    public var dates: GraphFilter
    public var involving: String?

    public init(from: PartialDate? = nil, to: PartialDate? = nil, kinds: Set<EventKind>? = nil, involving: String? = nil) {
        self.dates = GraphFilter(from: from, to: to, kinds: kinds)
        self.involving = involving
    }

    /// Events that take part, or whose people take part, or that are held in this entity: read
    /// first by the index, before the other filters (nil: all events).
    public var within: String?

    /// At most this many (the newest).
    public var limit: Int?

    /// Whether the events come with their sources (only a listing that shows them needs them).
    public var withSources = true

    /// The events, with a directory of the entities they name (and the filter's entity): when the
    /// filter names an entity, only those entities are read, not every one.
    public func eventsAndDirectory(in store: Store) throws -> ([Event], Directory) {
        if let limit, within == nil, involving == nil {
            // The newest few, read in order through the date index, a page at a time.
            var kept: [Event] = []
            var offset = 0
            let page = max(limit, 64)
            while kept.count < limit {
                let candidates = try store.eventCandidates(
                    fromYear: fromYear, toYear: toYear, kinds: dates.kinds.map { Array($0) }, involving: nil,
                    newestFirst: (offset, page))
                kept += candidates.filter(dates.keeps).prefix(limit - kept.count)
                offset += page
                if candidates.count < page { break }
            }
            let events = try store.withLinks(kept, withSources: withSources)
            let directory = try Directory(
                store: store, ids: events.flatMap { $0.participants.map(\.entity) + [$0.location?.country].compactMap { $0 } })
            return (events, directory)
        }
        guard within != nil || involving != nil else {
            let directory = try Directory(store: store)
            return (try events(in: store, directory: directory), directory)
        }
        let preselected = try candidates(in: store)
        var ids = Set(preselected.flatMap { $0.participants.map(\.entity) + [$0.location?.country].compactMap { $0 } })
        if let within { ids.insert(within) }
        if let involving { ids.insert(involving) }
        let directory = try Directory(store: store, ids: ids)
        return (filtered(preselected, directory: directory), directory)
    }

    public func events(in store: Store, directory: Directory) throws -> [Event] {
        filtered(try candidates(in: store), directory: directory)
    }

    /// SQL narrows (by year, kind and who takes part), the model decides exactly.
    func candidates(in store: Store) throws -> [Event] {
        let candidates = try store.eventCandidates(
            fromYear: fromYear, toYear: toYear, kinds: dates.kinds.map { Array($0) }, involving: within ?? involving)
        return try store.withLinks(candidates.filter(dates.keeps), withSources: withSources)
    }

    var fromYear: Int? { dates.from.flatMap { PartialDate.yearOf(day: $0.dayRange?.lowerBound) } }
    var toYear: Int? { dates.to.flatMap { PartialDate.yearOf(day: $0.dayRange?.upperBound) } }

    func filtered(_ events: [Event], directory: Directory) -> [Event] {
        let kept = events.filter { event in
            guard let entity = involving else { return true }
            return event.participants.contains { $0.entity == entity || directory.country(of: $0.entity) == entity }
                || event.location?.country == entity
        }
        // Newest first; each date a number that sorts as its text does (`PartialDate.sortKey`),
        // worked out once, and the events themselves moved once.
        let keys = kept.map { ($0.date?.sortKey ?? Int.min, $0.id) }
        let sorted = kept.indices.sorted { keys[$0] > keys[$1] }.map { kept[$0] }
        return limit.map { Array(sorted.prefix($0)) } ?? sorted
    }
}
