import DiploModel
import DiploQuery
import DiploStore
import Foundation

/// The part of the graph `--around NAME --depth N` asks for: the entity, the entities within N
/// links of it, and the events met on the way. Only ids are kept, never the values.
public struct GraphSelection: Sendable {
    /// nil: every entity.
    public var entities: Set<String>?
    /// nil: every event the filter keeps.
    public var events: Set<String>?

    public static let everything = GraphSelection(entities: nil, events: nil)

    public init(entities: Set<String>?, events: Set<String>?) {
        self.entities = entities
        self.events = events
    }

    /// Breadth first from `center`, `depth` links out. The events of the entities it goes
    /// through are taken, and with them everything they link, so no event loses a participant.
    public init(around center: String, depth: Int, links: GraphLinks) throws {
        var entities: Set<String> = [center]
        var events: Set<String> = []
        var frontier = [center]
        // The walk stops when it reaches nothing new, however deep it was asked to go.
        for _ in 0..<max(0, depth) {
            if frontier.isEmpty { break }
            var next: [String] = []
            for id in frontier {
                for link in try links.links(of: id, onEvent: { events.insert($0) }) {
                    if entities.insert(link.other).inserted { next.append(link.other) }
                }
            }
            frontier = next
        }
        self.init(entities: entities, events: events)
    }

    func hasEntity(_ id: String) -> Bool { entities?.contains(id) ?? true }

    /// An event the selection names, or (without one) any event.
    func hasEvent(_ id: String) -> Bool { events?.contains(id) ?? true }
}
