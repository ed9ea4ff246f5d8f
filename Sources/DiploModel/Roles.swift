import Foundation

/// A participant's part in an event. The interchange format keeps the set open ("host", "guest",
/// "attendee", "speaker", "invited_by", ...), so this is a string with the known roles named,
/// not a closed enum: an unknown role from a file is kept as it is.
public struct ParticipantRole: RawRepresentable, Hashable, Comparable, Codable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (a: ParticipantRole, b: ParticipantRole) -> Bool { a.rawValue < b.rawValue }

    public static let host: ParticipantRole = "host"
    public static let guest: ParticipantRole = "guest"
    public static let visitor: ParticipantRole = "visitor"
    public static let delegation: ParticipantRole = "delegation"
    public static let invitedBy: ParticipantRole = "invited_by"
    public static let attendee: ParticipantRole = "attendee"
    public static let speaker: ParticipantRole = "speaker"
    /// Not stored: the place an event is held, as graph walks add it beside the participants.
    public static let location: ParticipantRole = "location"

    /// Those who come: a visit's visitors, a call's caller.
    public static let guestSide: Set<ParticipantRole> = [.guest, .visitor, .delegation]
    /// Those who receive or invite them.
    public static let hostSide: Set<ParticipantRole> = [.host, .invitedBy]
}

/// Kinds of event that may be the same event reported in two ways (a visit announced as a trip
/// and reported as a state visit; talks reported as a meeting).
public enum EventFamily: String, CaseIterable, Sendable {
    case visit, meeting, multilateral, press, call, signing, other
}

/// The languages press releases are read in.
public enum Language: String, CaseIterable, Codable, Sendable {
    case vi, en
}

/// How two nodes of the relation graph are linked: what `query path`, `query neighbors` and
/// `export` call each link.
public enum GraphRelation: Hashable, Sendable, CustomStringConvertible {
    /// An entity takes part in an event (full view: entity -> event).
    case participant
    /// An event is held in a country (full view).
    case heldIn
    /// An event is a stop of a trip (full view).
    case partOf
    case partnership
    /// An entity belongs to a country; `member` is the same link seen from the country.
    case belongsTo
    case member
    /// A person holds an office of a country or organisation; `officeHolder` seen from there.
    case office
    case officeHolder
    /// Two entities an event links (entities view and graph walks), named by the event's kind.
    case event(EventKind)

    public var description: String {
        switch self {
        case .participant: return "participant"
        case .heldIn: return "held_in"
        case .partOf: return "part_of"
        case .partnership: return "partnership"
        case .belongsTo: return "belongs_to"
        case .member: return "member"
        case .office: return "office"
        case .officeHolder: return "office_holder"
        case .event(let kind): return kind.rawValue
        }
    }
}
