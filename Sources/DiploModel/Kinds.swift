import Foundation

public enum EntityType: String, Codable, CaseIterable, Sendable {
    case person, country, organization, office, place
}

public enum EventStatus: String, Codable, CaseIterable, Sendable {
    case planned, held, cancelled, unknown
}

public enum EventKind: String, Codable, CaseIterable, Sendable {
    case trip
    case stateVisit = "state_visit"
    case officialVisit = "official_visit"
    case workingVisit = "working_visit"
    case visit, summit, conference, talks, meeting
    case courtesyCall = "courtesy_call"
    case phoneCall = "phone_call"
    case pressConference = "press_conference"
    case signing, ceremony, other

    /// Kinds that are one side going to the other.
    public var isVisit: Bool { [.trip, .stateVisit, .officialVisit, .workingVisit, .visit].contains(self) }

    /// Kinds whose sides are the people in the room, so the place they are held counts as a side;
    /// a summit held in New York does not make the United States a side.
    public var isBilateral: Bool { !(self == .summit || self == .conference || self == .pressConference) }

    /// Events of one family may be the same event reported in two ways.
    public var family: EventFamily {
        switch self {
        case .trip, .stateVisit, .officialVisit, .workingVisit, .visit: return .visit
        case .talks, .meeting, .courtesyCall: return .meeting
        case .summit, .conference: return .multilateral
        case .pressConference: return .press
        case .phoneCall: return .call
        case .signing: return .signing
        case .ceremony, .other: return .other
        }
    }
}

/// A partnership level such as "comprehensive_strategic_partnership"; the known ones and their
/// phrases are in Lexicon/levels.json.
public struct PartnershipLevel: Hashable, Codable, Sendable, CustomStringConvertible {
    public let key: String

    public init(_ key: String) throws {
        guard PartnershipLevel.known[key] != nil else {
            throw PartnershipLevelError(key: key)
        }
        self.key = key
    }

    public static let diplomaticRelations = try! PartnershipLevel("diplomatic_relations")

    public var description: String { key }

    /// The level's place on the partnership ladder; nil for levels that stand on their own.
    public var rank: Int? { PartnershipLevel.known[key]?.rank }

    /// Whether anniversaries count from the level's dates (not from an interruption of relations, say).
    public var countsAnniversaries: Bool { PartnershipLevel.known[key]?.counted ?? true }

    /// "comprehensive_strategic_partnership" -> "comprehensive strategic partnership"
    public var readable: String { key.replacingOccurrences(of: "_", with: " ") }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            try self.init(try container.decode(String.self))
        } catch let error as PartnershipLevelError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }

    public struct Entry: Decodable, Sendable {
        public let key: String
        public let rank: Int?
        public let counted: Bool?
        public let en: [String]
        public let vi: [String]
    }

    public static let entries: [Entry] = Lexicon.decode(PackageResources.levels_json, as: LevelsFile.self).levels
    static let known: [String: Entry] = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0) })
    private struct LevelsFile: Decodable { let levels: [Entry] }
}

public struct PartnershipLevelError: Error, CustomStringConvertible {
    public let key: String
    public var description: String {
        "unknown partnership level \"\(key)\" (known: \(PartnershipLevel.entries.map(\.key).joined(separator: ", ")))"
    }
}

/// Enums decoded from interchange files say what they accept when a value is wrong.
protocol DescribedEnum: RawRepresentable, CaseIterable, Decodable where RawValue == String {
    static var noun: String { get }
}

extension DescribedEnum {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Self(rawValue: raw) else {
            let known = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown \(Self.noun) \"\(raw)\" (known: \(known))")
        }
        self = value
    }
}

extension EntityType: DescribedEnum { static let noun = "entity type" }
extension EventStatus: DescribedEnum { static let noun = "event status" }
extension EventKind: DescribedEnum { static let noun = "event kind" }

/// The data files under Lexicon/, which ship inside the binary.
package enum Lexicon {
    package static func decode<T: Decodable>(_ bytes: [UInt8], as type: T.Type) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch {
            fatalError("a Lexicon file does not parse as \(type): \(error)")  // a build defect, caught by tests
        }
    }
}

extension PartnershipLevelError: LocalizedError {
    public var errorDescription: String? { description.prefix(1).uppercased() + description.dropFirst() + "." }
}
