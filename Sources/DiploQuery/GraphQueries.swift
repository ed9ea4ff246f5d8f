import DiploModel
import DiploStore
import Foundation

extension GraphLink {
    /// How the link reads from one side to the other: "state visit", "belongs to".
    public var phrase: String {
        switch relation {
        case .partnership: return level.map { $0.replacingOccurrences(of: "_", with: " ") } ?? "partnership"
        case .belongsTo: return "belongs to"
        case .member: return "home of"
        case .office: return "holds office in"
        case .officeHolder: return "office held by"
        default: return relation.description.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// What the link went through: the event's title, the office's title.
    public var detail: String {
        switch relation {
        case .office, .officeHolder: return role ?? ""
        case .partnership, .belongsTo, .member: return ""
        default: return title ?? ""
        }
    }

    var dateText: String { date.map { PartialDate.range($0, end) } ?? "" }

    /// Of several links between the same two entities, the one to show: the newest, then the first.
    static func newest(_ links: [GraphLink]) -> GraphLink {
        links.enumerated().max { a, b in
            (a.element.date?.description ?? "", -a.offset) < (b.element.date?.description ?? "", -b.offset)
        }!.element
    }
}

/// `diplo query path A B`: the shortest chain of relations from one entity to another (breadth
/// first over GraphLinks), each link shown with its kind and date. Where two entities are linked
/// several times, the newest link is shown.
public struct PathQuery: Sendable {
    public let from: String
    public let to: String
    /// Chains longer than this are not looked for.
    public var maxLinks: Int
    public var filter: GraphFilter

    public init(from: String, to: String, maxLinks: Int = 8, filter: GraphFilter = GraphFilter()) {
        self.from = from
        self.to = to
        self.maxLinks = maxLinks
        self.filter = filter
    }

    /// The links from `from` to `to`, in order; empty when none within maxLinks (or the same entity).
    public func chain(on store: Store) throws -> [(from: String, link: GraphLink)] {
        guard from != to else { return [] }
        let links = GraphLinks(store: store, filter: filter)
        var reachedBy: [String: (from: String, link: GraphLink)] = [:]
        var seen: Set<String> = [from]
        var frontier = [from]
        // Links go both ways: what `to` is linked to is what reaches it in one step, so the first
        // of a level linked to it is found without walking the others (and its links to `to`
        // come from the events of `to`).
        var targetEvents: [String] = []
        let linkedToTarget = Set(try links.links(of: to) { targetEvents.append($0) }.map(\.other))
        for _ in 0..<maxLinks where !frontier.isEmpty {
            if let via = frontier.first(where: linkedToTarget.contains) {
                let found = try links.links(of: via, amongEvents: targetEvents).filter { $0.other == to }
                if !found.isEmpty {
                    reachedBy[to] = (via, GraphLink.newest(found))
                    break
                }
            }
            var next: [String] = []
            for id in frontier {
                let byOther = Dictionary(grouping: try links.links(of: id), by: \.other)
                for other in byOther.keys.sorted() where seen.insert(other).inserted {
                    reachedBy[other] = (id, GraphLink.newest(byOther[other]!))
                    next.append(other)
                }
                if reachedBy[to] != nil { break }
            }
            if reachedBy[to] != nil { break }
            frontier = next
        }
        guard reachedBy[to] != nil else { return [] }
        var chain: [(from: String, link: GraphLink)] = []
        var current = to
        while current != from, let step = reachedBy[current] {
            chain.append(step)
            current = step.from
        }
        return chain.reversed()
    }

    public func run(on store: Store) throws -> Report {
        let directory = try Directory(store: store)
        let chain = try chain(on: store)
        let title = "Path: \(directory.name(from)) → \(directory.name(to))".replacingOccurrences(of: "\n", with: " ")
        var notes: [String] = []
        if chain.isEmpty {
            notes.append(from == to ? "  Both names are the same entity." : "  No chain of at most \(maxLinks) links joins them.")
        } else {
            notes.append(
                "  \(chain.count) link\(chain.count == 1 ? "" : "s"). Where two are linked several times, the newest link is shown."
            )
        }
        return Report(
            title: title,
            columns: ["step", "from", "link", "to", "date", "via", "relation", "from_id", "to_id", "event_id"],
            rows: chain.enumerated().map { index, step in
                [
                    .int(index + 1), .text(directory.name(step.from)), .text(step.link.phrase),
                    .text(directory.name(step.link.other)),
                    .text(step.link.dateText), .text(step.link.detail), .text(step.link.relation.description), .text(step.from),
                    .text(step.link.other), ReportValue(step.link.event),
                ]
            },
            notes: notes,
            tableColumns: ["step", "from", "link", "to", "date", "via"])
    }
}

/// `diplo query neighbors NAME --depth N`: what is linked to an entity, and (with a depth above 1)
/// what is linked to that, each with how it is linked and through whom.
public struct NeighborsQuery: Sendable {
    public let entity: String
    public var depth: Int
    public var filter: GraphFilter

    public init(entity: String, depth: Int = 1, filter: GraphFilter = GraphFilter()) {
        self.entity = entity
        self.depth = depth
        self.filter = filter
    }

    public func run(on store: Store) throws -> Report {
        let directory = try Directory(store: store)
        let links = GraphLinks(store: store, filter: filter)
        var rows: [(depth: Int, name: String, row: [ReportValue])] = []
        var seen: Set<String> = [entity]
        var frontier = [entity]
        // The walk stops when it reaches nothing new, however deep it was asked to go.
        for level in 1...max(1, depth) {
            if frontier.isEmpty { break }
            var next: [String] = []
            for id in frontier {
                let byOther = Dictionary(grouping: try links.links(of: id), by: \.other)
                for other in byOther.keys.sorted() where seen.insert(other).inserted {
                    let found = byOther[other]!
                    let newest = GraphLink.newest(found)
                    let row = directory.rows[other]
                    rows.append(
                        (
                            level, directory.name(other).folded,
                            [
                                .int(level), .text(directory.name(other)), .text(row?.type.rawValue ?? ""),
                                .text(NeighborsQuery.summary(found)),
                                .text(newest.dateText), .text(level == 1 ? "" : directory.name(id)), .int(found.count),
                                .text(other),
                                .text(id),
                            ]
                        ))
                    next.append(other)
                }
            }
            frontier = next
        }
        rows.sort { ($0.depth, $0.name) < ($1.depth, $1.name) }
        return Report(
            title: ("Linked to \(directory.name(entity))" + (depth > 1 ? " (within \(depth) links)" : "")).replacingOccurrences(
                of: "\n", with: " "),
            columns: ["depth", "name", "type", "links", "latest", "via", "count", "id", "via_id"],
            rows: rows.map(\.row),
            tableColumns: depth > 1 ? ["depth", "name", "type", "links", "latest", "via"] : ["name", "type", "links", "latest"])
    }

    /// "state visit ×2, comprehensive strategic partnership": each kind of link once, with its count.
    static func summary(_ links: [GraphLink]) -> String {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for link in links {
            if counts[link.phrase] == nil { order.append(link.phrase) }
            counts[link.phrase, default: 0] += 1
        }
        return order.map { counts[$0]! > 1 ? "\($0) ×\(counts[$0]!)" : $0 }.joined(separator: ", ")
    }
}
