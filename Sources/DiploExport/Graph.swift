import DiploModel
import DiploQuery
import DiploStore
import Foundation

// The relation graph that `diplo export` writes in every format but json: entities (and, in the
// full view, events) as nodes, relations as edges. GraphExporter reads it from SQLite row by row
// and hands each node and edge to a GraphWriter, which writes it at once: nothing is collected.

/// How events appear in the graph.
public enum GraphView: String, CaseIterable, Sendable {
    /// Events are nodes, linked to their participants, the country they are held in and their trip.
    case full
    /// Each event folds into edges between the entities it links, with its kind and date.
    case entities
}

/// An entity or, in the full view, an event.
public struct GraphNode: Sendable {
    /// The entity's id; an event's id with "event:" in front, so that the two never clash.
    public var id: String
    /// person, country, organization, office, place, or event.
    public var type: String
    public var label: String
    /// The name in each language ("vi", "en").
    public var names: [String: String] = [:]
    public var aliases: [String] = []
    public var iso: String?
    /// The country an entity belongs to (its id).
    public var country: String?
    // Events only.
    public var kind: String?
    public var status: String?
    /// The dates as people read them: "2024-09-21..25", "within 2024-09".
    public var date: String?
    /// Its first and last date (ISO 8601 as stored, maybe partial): its dates, else the range it
    /// is known to fall in. Kept as text: exports write them as they are, and parsing and
    /// formatting each of a million dates would cost more than the rest of the export.
    public var start: String?
    public var end: String?
    public var city: String?

    static let eventPrefix = "event:"

    public static func eventID(_ id: String) -> String { eventPrefix + id }
}

/// One relation.
public struct GraphEdge: Sendable {
    /// "e0", "e1"... in the order written.
    public var id: String = ""
    public var source: String
    public var target: String
    /// participant, held_in, part_of, partnership, belongs_to, office; in the entities view an
    /// event's kind (state_visit, summit...).
    public var relation: GraphRelation
    /// A participant's role (guest, host...); in the entities view both ends' ("guest-host");
    /// an office's key (head_of_state).
    public var role: String?
    /// The event's kind, for edges that come from an event.
    public var kind: String?
    /// An event's title, an office's title, a partnership's level in words, a city.
    public var label: String?
    /// ISO 8601, maybe partial, as stored.
    public var start: String?
    public var end: String?
    /// A partnership's level (strategic_partnership...).
    public var level: String?
    /// The event the edge comes from (its id in the knowledge base).
    public var event: String?
    public var partnership: String?

    /// A short text to draw along the edge.
    public var caption: String {
        var text: String
        switch relation {
        case .participant: text = role ?? "participant"
        case .heldIn: text = "held in" + (label.map { " \($0)" } ?? "")
        case .partOf: text = "part of"
        case .partnership: text = label ?? level ?? "partnership"
        case .belongsTo: text = "country"
        case .office: text = label ?? "office"
        default: text = relation.description.replacingOccurrences(of: "_", with: " ")
        }
        if let start = start.flatMap({ try? PartialDate($0) }), relation != .participant && relation != .heldIn {
            text += " " + PartialDate.range(start, end.flatMap { try? PartialDate($0) })
        }
        return text
    }
}

/// What a writer needs to know before the first node.
public struct GraphHeader: Sendable {
    public var view: GraphView
    /// The languages entity names are given in, so that formats that declare their columns first can.
    public var languages: [String]
    public var description: String
}

/// A format: it writes each node and edge as it comes. Nodes all come before edges.
public protocol GraphWriter: AnyObject {
    func begin(_ header: GraphHeader) throws
    func node(_ node: GraphNode) throws
    func edge(_ edge: GraphEdge) throws
    func end() throws
}

// MARK: Attributes, as the formats with columns (GraphML, GEXF, CSV) list them

extension GraphNode {
    /// An entity's node, with its names in each language and its aliases.
    init(_ entity: Entity) {
        self.init(
            id: entity.id, type: entity.type.rawValue, label: entity.name, names: entity.names, aliases: entity.aliases,
            iso: entity.iso, country: entity.country)
    }

    /// An event's node in the full view.
    init(_ event: Event) {
        self.init(
            id: GraphNode.eventID(event.id), type: "event", label: event.label, kind: event.kind.rawValue,
            status: event.status.rawValue, date: event.dateText, start: event.firstDay, end: event.lastDay,
            city: event.location?.city)
    }

    /// The attribute names, in order: one name column per language.
    public static func attributeNames(languages: [String]) -> [String] {
        ["type", "label"] + languages.map { "name_\($0)" }
            + ["aliases", "iso", "country", "kind", "status", "date", "start", "end", "city"]
    }

    /// The values, in the order of `attributeNames`; nil where there is none.
    public func attributeValues(languages: [String]) -> [String?] {
        [type, label] + languages.map { names[$0] }
            + [
                aliases.isEmpty ? nil : aliases.joined(separator: " | "), iso, country, kind, status, date,
                start, end, city,
            ]
    }
}

extension GraphEdge {
    public static let attributeNames = ["relation", "role", "kind", "label", "start", "end", "level", "event", "partnership"]

    public var attributeValues: [String?] {
        [relation.description, role, kind, label, start, end, level, event, partnership]
    }
}

/// Dates as the knowledge base stores them, ISO 8601 text that may be partial ("2024",
/// "2024-09", "2024-09-21", "--09-21"), handled as text.
enum ISODate {
    /// The first day the date may mean, as YYYY-MM-DD; nil without a year.
    static func firstDay(_ date: String) -> String? {
        switch date.utf8.count {
        case 4 where !date.hasPrefix("-"): return date + "-01-01"
        case 7 where !date.hasPrefix("-"): return date + "-01"
        case 10 where !date.hasPrefix("-"): return date
        default: return nil
        }
    }

    /// The last day the date may mean, as YYYY-MM-DD; nil without a year.
    static func lastDay(_ date: String) -> String? {
        switch date.utf8.count {
        case 4 where !date.hasPrefix("-"): return date + "-12-31"
        case 7 where !date.hasPrefix("-"):
            guard let year = Int(date.prefix(4)), let month = Int(date.suffix(2)), (1...12).contains(month) else { return nil }
            return date + "-" + String(PartialDate.daysIn(month: month, year: year))
        case 10 where !date.hasPrefix("-"): return date
        default: return nil
        }
    }
}
