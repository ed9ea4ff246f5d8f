import Foundation
import DiploModel
import DiploStore

/// The history of relations between two entities: the partnerships they share, every step of
/// them, and the events that bring both sides together, oldest first.
public struct RelationsQuery: Sendable {
    public let first: String
    public let second: String

    public init(first: String, second: String) {
        self.first = first
        self.second = second
    }

    public func run(on store: Store) throws -> Report {
        let directory = try Directory(store: store)
        func side(_ id: String) -> String { directory.country(of: id) ?? id }
        let a = side(first), b = side(second)
        var items: [(date: String, row: [ReportValue])] = []
        for partnership in try store.partnerships() where partnership.parties.contains(a) && partnership.parties.contains(b) {
            for claim in partnership.claims {
                let what = claim.level.readable + (claim.inferred ? " (inferred from an anniversary)" : "")
                let said = claim.sources.first.map { $0.quote ?? $0.note ?? $0.document } ?? ""
                items.append((claim.date?.description ?? "", [ReportValue(claim.date), "partnership", .text(what), .text(said)]))
            }
        }
        for event in try store.events() {
            let involved = directory.sides(of: event).union(event.participants.map(\.entity))
            guard involved.contains(a) && involved.contains(b) else { continue }
            let who = event.participants.map { directory.name($0.entity) }.joined(separator: ", ")
            items.append((event.date?.description ?? "", [.text(event.dateText), .text(event.kind.rawValue),
                                                          .text(event.title), .text(who)]))
        }
        items.sort { $0.date < $1.date }
        return Report(title: "Relations: \(directory.name(a)) – \(directory.name(b))",
                      columns: ["date", "kind", "what", "detail"], rows: items.map(\.row))
    }
}
