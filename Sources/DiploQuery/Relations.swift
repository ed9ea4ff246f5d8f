import DiploModel
import DiploStore
import Foundation

/// The history of relations between two entities: the partnerships they share, every step of
/// them, and the events that bring both sides together, oldest first. A country is a side with its
/// people (an event of its president is the country's); a person or an organisation is itself
/// alone, so between two people it is the events both took part in.
public struct RelationsQuery: Sendable {
    public let first: String
    public let second: String
    /// Only what ends on or after / starts on or before these dates.
    public var from: PartialDate?
    public var to: PartialDate?

    public init(first: String, second: String, from: PartialDate? = nil, to: PartialDate? = nil) {
        self.first = first
        self.second = second
        self.from = from
        self.to = to
    }

    /// Whether a date or range of days lies within --from and --to (an undated item only when neither is set).
    func inRange(_ days: ClosedRange<Int>?) -> Bool {
        guard from != nil || to != nil else { return true }
        guard let days else { return false }
        if let start = from?.dayRange?.lowerBound, days.upperBound < start { return false }
        if let end = to?.dayRange?.upperBound, days.lowerBound > end { return false }
        return true
    }

    public func run(on store: Store) throws -> Report {
        let (a, b) = (first, second)
        // Events that bring both sides together involve the first: the index finds those.
        let events = try store.events(ids: store.eventIDs(involving: a))
        let partnerships = try store.partnerships(of: a).filter { $0.parties.contains(b) }
        let directory = try Directory(
            store: store,
            ids: [a, b] + events.flatMap { $0.participants.map(\.entity) + [$0.location?.country].compactMap { $0 } })
        /// Whether an event brings in this side: a participant, or a country one of whose sides it is.
        func involves(_ event: Event, _ side: String, sides: Set<String>) -> Bool {
            event.participants.contains { $0.entity == side } || (directory.country(of: side) == side && sides.contains(side))
        }
        var items: [(date: String, row: [ReportValue])] = []
        for partnership in partnerships {
            for claim in partnership.claims where inRange(claim.date?.dayRange) {
                let what = claim.level.readable + (claim.inferred ? " (inferred from an anniversary)" : "")
                let said = claim.sources.first.map { $0.quote ?? $0.note ?? $0.document } ?? ""
                items.append((claim.date?.description ?? "", [ReportValue(claim.date), "partnership", .text(what), .text(said)]))
            }
        }
        for event in events {
            let sides = directory.sides(of: event)
            guard involves(event, a, sides: sides), involves(event, b, sides: sides), inRange(event.dayRange) else { continue }
            let who = event.participants.map { directory.name($0.entity) }.joined(separator: ", ")
            items.append(
                (
                    event.date?.description ?? "",
                    [
                        .text(event.dateText), .text(event.kind.rawValue),
                        .text(event.title), .text(who),
                    ]
                ))
        }
        items.sort { $0.date < $1.date }
        return Report(
            title: "Relations: \(directory.name(a)) – \(directory.name(b))",
            columns: ["date", "kind", "what", "detail"], rows: items.map(\.row))
    }
}
