import DiploModel
import DiploStore
import Foundation

/// Visits, newest first: who went where, when, at what level.
public struct VisitQuery: Sendable {
    /// A person (their visits) or a country (visits by its people).
    public var by: String?
    /// The country visited.
    public var to: String?
    public var from: PartialDate?
    public var until: PartialDate?
    /// At most this many, the newest.
    public var limit: Int?

    public init(by: String? = nil, to: String? = nil, from: PartialDate? = nil, until: PartialDate? = nil, limit: Int? = nil) {
        self.by = by
        self.to = to
        self.from = from
        self.until = until
        self.limit = limit
    }

    public func run(on store: Store) throws -> Report {
        let kinds = Set(EventKind.allCases.filter(\.isVisit))
        var filter = EventFilter(from: from, to: until, kinds: kinds)
        // A visit to a country involves it (held there, or hosted by its people); one by a person
        // or a country involves them: the index finds those first.
        filter.within = to ?? by
        filter.withSources = false
        // Without a person or country to narrow them, the newest are read first.
        if by == nil && to == nil { filter.limit = limit }
        let (events, directory) = try filter.eventsAndDirectory(in: store)
        var visits = events.filter { event in
            let guests = event.participants.filter { ParticipantRole.guestSide.contains($0.role) }.map(\.entity)
            if let by, !guests.contains(where: { $0 == by || directory.country(of: $0) == by }) { return false }
            if let to, destination(of: event, directory) != to { return false }
            return true
        }
        if let limit { visits = Array(visits.prefix(limit)) }
        return Report(
            columns: ["date", "kind", "visitor", "to", "status", "title"],
            rows: visits.map { event in
                [
                    .text(event.dateText), .text(event.kind.rawValue),
                    .text(directory.names(of: event, roles: ParticipantRole.guestSide)),
                    .text(directory.name(destination(of: event, directory))), .text(event.status.rawValue), .text(event.title),
                ]
            })
    }

    /// Where a visit goes: the country it is held in, else the hosts' country.
    func destination(of event: Event, _ directory: Directory) -> String? {
        event.location?.country
            ?? event.participants.first { ParticipantRole.hostSide.contains($0.role) }.flatMap {
                directory.country(of: $0.entity)
            }
    }
}
