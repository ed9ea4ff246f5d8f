import DiploModel
import DiploStore
import Foundation

/// An entity's dated events and facts, oldest first; undated ones last.
public struct TimelineQuery: Sendable {
    public let entity: String

    public init(entity: String) { self.entity = entity }

    public func run(on store: Store) throws -> Report {
        let directory = try Directory(store: store)
        var items: [(date: PartialDate?, row: [ReportValue])] = []
        for event in try EventFilter(involving: entity).events(in: store, directory: directory) {
            let role = event.participants.first { $0.entity == entity }?.role.rawValue ?? ""
            items.append((event.date, [.text(event.dateText), .text(event.kind.rawValue), .text(event.title), .text(role)]))
        }
        if let person = try store.entity(entity) {
            for office in person.offices {
                // "President, Vietnam", but not "General Secretary of the Communist Party, Communist Party".
                let of = office.of.map(directory.name)
                let title =
                    of.map { office.title.folded.contains($0.folded) ? office.title : "\(office.title), \($0)" } ?? office.title
                if let start = office.start {
                    items.append((start, [.text(start.description), "office", .text("takes office: \(title)"), ""]))
                }
                if let end = office.end {
                    items.append((end, [.text(end.description), "office", .text("leaves office: \(title)"), ""]))
                }
                if office.start == nil && office.end == nil { items.append((nil, ["", "office", .text(title), ""])) }
            }
        }
        for partnership in try store.partnerships() where partnership.parties.contains(entity) {
            let others = partnership.parties.filter { $0 != entity }.map(directory.name).joined(separator: ", ")
            for claim in partnership.claims {
                let what = (claim.inferred ? "(inferred) " : "") + "\(claim.level.readable) with \(others)"
                items.append((claim.date, [ReportValue(claim.date), "partnership", .text(what), ""]))
            }
        }
        items.sort { ($0.date == nil ? 1 : 0, $0.date?.description ?? "") < ($1.date == nil ? 1 : 0, $1.date?.description ?? "") }
        return Report(
            title: "Timeline of \(directory.name(entity))", columns: ["date", "kind", "what", "role"], rows: items.map(\.row))
    }
}
