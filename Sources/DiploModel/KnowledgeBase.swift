import Foundation

// The interchange format "diplo/1" (PRODUCT.md): what `export --format json` writes, `import`
// reads and `import --dry-run` shows. Lists a file leaves out decode as empty.

/// Where a fact comes from: a document, a span of it (Unicode scalar offsets, end exclusive)
/// and the quote, or a note for a reference without the text at hand.
public struct SourceRef: Codable, Hashable, Sendable {
    public var document: String
    public var start: Int?
    public var end: Int?
    public var quote: String?
    public var note: String?

    public init(document: String, start: Int? = nil, end: Int? = nil, quote: String? = nil, note: String? = nil) {
        self.document = document
        self.start = start
        self.end = end
        self.quote = quote
        self.note = note
    }
}

public struct Document: Codable, Equatable, Sendable {
    public var id: String
    public var title: String?
    public var lang: String?
    public var published: PartialDate?
    public var source: String?
    public var sha256: String?
    public var text: String?

    public init(
        id: String, title: String? = nil, lang: String? = nil, published: PartialDate? = nil,
        source: String? = nil, sha256: String? = nil, text: String? = nil
    ) {
        self.id = id
        self.title = title
        self.lang = lang
        self.published = published
        self.source = source
        self.sha256 = sha256
        self.text = text
    }
}

public struct Office: Codable, Hashable, Sendable {
    public var title: String
    /// The title's language-free key (head_of_state), when known.
    public var role: String?
    /// The country or organisation the office belongs to.
    public var of: String?
    public var start: PartialDate?
    public var end: PartialDate?
    public var sources: [SourceRef]

    public init(
        title: String, role: String? = nil, of: String? = nil, start: PartialDate? = nil,
        end: PartialDate? = nil, sources: [SourceRef] = []
    ) {
        self.title = title
        self.role = role
        self.of = of
        self.start = start
        self.end = end
        self.sources = sources
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        of = try c.decodeIfPresent(String.self, forKey: .of)
        start = try c.decodeIfPresent(PartialDate.self, forKey: .start)
        end = try c.decodeIfPresent(PartialDate.self, forKey: .end)
        sources = try c.decodeIfPresent([SourceRef].self, forKey: .sources) ?? []
    }
}

public struct Entity: Codable, Sendable {
    public var id: String
    public var type: EntityType
    public var name: String
    /// The name in each language: "vi", "en".
    public var names: [String: String]
    public var aliases: [String]
    public var iso: String?
    public var country: String?
    public var offices: [Office]
    public var sources: [SourceRef]

    public init(
        id: String, type: EntityType, name: String, names: [String: String] = [:], aliases: [String] = [],
        iso: String? = nil, country: String? = nil, offices: [Office] = [], sources: [SourceRef] = []
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.names = names
        self.aliases = aliases
        self.iso = iso
        self.country = country
        self.offices = offices
        self.sources = sources
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        type = try c.decode(EntityType.self, forKey: .type)
        name = try c.decode(String.self, forKey: .name)
        names = try c.decodeIfPresent([String: String].self, forKey: .names) ?? [:]
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        iso = try c.decodeIfPresent(String.self, forKey: .iso)
        country = try c.decodeIfPresent(String.self, forKey: .country)
        offices = try c.decodeIfPresent([Office].self, forKey: .offices) ?? []
        sources = try c.decodeIfPresent([SourceRef].self, forKey: .sources) ?? []
    }

    /// Every name the entity goes by: its name, its names in each language, its aliases.
    public var allNames: [String] {
        ([name] + names.keys.sorted().compactMap { names[$0] } + aliases).uniqued()
    }
}

public struct Location: Codable, Hashable, Sendable {
    public var country: String?
    public var city: String?

    public init(country: String? = nil, city: String? = nil) {
        self.country = country
        self.city = city
    }
}

public struct Participant: Codable, Hashable, Sendable {
    public var entity: String
    public var role: ParticipantRole

    public init(entity: String, role: ParticipantRole) {
        self.entity = entity
        self.role = role
    }
}

public struct Event: Codable, Sendable {
    public var id: String
    public var kind: EventKind
    public var title: String
    public var status: EventStatus
    public var start: PartialDate?
    public var end: PartialDate?
    /// The range the event falls in, when only that is known.
    public var within: [PartialDate]?
    public var location: Location?
    public var participants: [Participant]
    public var parent: String?
    public var sources: [SourceRef]

    public init(
        id: String, kind: EventKind, title: String, status: EventStatus = .unknown,
        start: PartialDate? = nil, end: PartialDate? = nil, within: [PartialDate]? = nil,
        location: Location? = nil, participants: [Participant] = [], parent: String? = nil,
        sources: [SourceRef] = []
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.status = status
        self.start = start
        self.end = end
        self.within = within
        self.location = location
        self.participants = participants
        self.parent = parent
        self.sources = sources
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(EventKind.self, forKey: .kind)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        status = try c.decodeIfPresent(EventStatus.self, forKey: .status) ?? .unknown
        start = try c.decodeIfPresent(PartialDate.self, forKey: .start)
        end = try c.decodeIfPresent(PartialDate.self, forKey: .end)
        within = try c.decodeIfPresent([PartialDate].self, forKey: .within)
        if let within, within.count != 2 {
            throw DecodingError.dataCorruptedError(
                forKey: .within, in: c,
                debugDescription: "a range is two dates, [from, to]; this one has \(within.count)")
        }
        location = try c.decodeIfPresent(Location.self, forKey: .location)
        participants = try c.decodeIfPresent([Participant].self, forKey: .participants) ?? []
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
        sources = try c.decodeIfPresent([SourceRef].self, forKey: .sources) ?? []
    }

    /// The days the event may fall on: its dates, else its range.
    public var dayRange: ClosedRange<Int>? { Event.dayRange(start: start, end: end, within: within) }

    /// The days an event of these dates may fall on (`dayRange`), for a reader that has only its dates.
    public static func dayRange(start: PartialDate?, end: PartialDate?, within: [PartialDate]?) -> ClosedRange<Int>? {
        if let first = (start ?? end)?.dayRange {
            let last = (end ?? start)?.dayRange ?? first
            return first.lowerBound...max(first.upperBound, last.upperBound)
        }
        if let within, let first = within[0].dayRange, let last = within[1].dayRange {
            return first.lowerBound...max(first.upperBound, last.upperBound)
        }
        return nil
    }

    /// The date to sort and show it by.
    public var date: PartialDate? { start ?? within?.first }

    /// The countries on each side: its participants' countries, and for bilateral kinds the place
    /// it is held (a summit in New York does not make the US a side). `countryOf` gives the
    /// country an entity stands for (itself for a country).
    public func sides(countryOf: (String) -> String?) -> Set<String> {
        var result = Set(participants.compactMap { countryOf($0.entity) })
        if kind.isBilateral, let place = location?.country { result.insert(place) }
        return result
    }

    /// "2024-09-21", "2024-09-21..25" or "within 2024-09-21..27": how every listing shows it.
    public var dateText: String {
        if let start { return PartialDate.range(start, end) }
        if let within { return "within " + PartialDate.range(within[0], within[1]) }
        return "date unknown"
    }
}

public struct Milestone: Codable, Hashable, Sendable {
    public var level: PartnershipLevel
    public var date: PartialDate?
    /// Implied (by a stated anniversary, say), not stated.
    public var inferred: Bool
    public var sources: [SourceRef]

    public init(level: PartnershipLevel, date: PartialDate?, inferred: Bool = false, sources: [SourceRef] = []) {
        self.level = level
        self.date = date
        self.inferred = inferred
        self.sources = sources
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        level = try c.decode(PartnershipLevel.self, forKey: .level)
        date = try c.decodeIfPresent(PartialDate.self, forKey: .date)
        inferred = try c.decodeIfPresent(Bool.self, forKey: .inferred) ?? false
        sources = try c.decodeIfPresent([SourceRef].self, forKey: .sources) ?? []
    }
}

public struct Partnership: Codable, Sendable {
    public var id: String
    public var parties: [String]
    public var level: PartnershipLevel
    public var established: PartialDate?
    /// Every step and every dated claim, oldest first; disagreeing claims are all kept.
    public var history: [Milestone]
    public var sources: [SourceRef]

    public init(
        id: String, parties: [String], level: PartnershipLevel, established: PartialDate? = nil,
        history: [Milestone] = [], sources: [SourceRef] = []
    ) {
        self.id = id
        self.parties = parties
        self.level = level
        self.established = established
        self.history = history
        self.sources = sources
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        parties = try c.decode([String].self, forKey: .parties)
        level = try c.decode(PartnershipLevel.self, forKey: .level)
        established = try c.decodeIfPresent(PartialDate.self, forKey: .established)
        history = try c.decodeIfPresent([Milestone].self, forKey: .history) ?? []
        sources = try c.decodeIfPresent([SourceRef].self, forKey: .sources) ?? []
    }
}

public struct Anniversary: Codable, Sendable {
    public var event: String
    public var partnership: String
    public var years: Int
    public var date: PartialDate?
    public var stated: Bool
    public var sources: [SourceRef]

    public init(
        event: String, partnership: String, years: Int, date: PartialDate? = nil, stated: Bool = true,
        sources: [SourceRef] = []
    ) {
        self.event = event
        self.partnership = partnership
        self.years = years
        self.date = date
        self.stated = stated
        self.sources = sources
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        event = try c.decode(String.self, forKey: .event)
        partnership = try c.decode(String.self, forKey: .partnership)
        years = try c.decode(Int.self, forKey: .years)
        guard years > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .years, in: c, debugDescription: "years must be 1 or more")
        }
        date = try c.decodeIfPresent(PartialDate.self, forKey: .date)
        stated = try c.decodeIfPresent(Bool.self, forKey: .stated) ?? true
        sources = try c.decodeIfPresent([SourceRef].self, forKey: .sources) ?? []
    }
}

/// A whole interchange document.
public struct KnowledgeBase: Codable, Sendable {
    public static let formatName = "diplo/1"

    public var format: String
    public var documents: [Document]
    public var entities: [Entity]
    public var events: [Event]
    public var partnerships: [Partnership]
    public var anniversaries: [Anniversary]
    /// What an import wants the reader to know (a year it could not find, say); not stored.
    public var notes: [String]?

    public init(
        documents: [Document] = [], entities: [Entity] = [], events: [Event] = [],
        partnerships: [Partnership] = [], anniversaries: [Anniversary] = [], notes: [String]? = nil
    ) {
        self.format = KnowledgeBase.formatName
        self.documents = documents
        self.entities = entities
        self.events = events
        self.partnerships = partnerships
        self.anniversaries = anniversaries
        self.notes = notes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        guard format == KnowledgeBase.formatName else {
            throw DecodingError.dataCorruptedError(
                forKey: .format, in: c,
                debugDescription: "format \"\(format)\" is not \"\(KnowledgeBase.formatName)\"")
        }
        documents = try c.decodeIfPresent([Document].self, forKey: .documents) ?? []
        entities = try c.decodeIfPresent([Entity].self, forKey: .entities) ?? []
        events = try c.decodeIfPresent([Event].self, forKey: .events) ?? []
        partnerships = try c.decodeIfPresent([Partnership].self, forKey: .partnerships) ?? []
        anniversaries = try c.decodeIfPresent([Anniversary].self, forKey: .anniversaries) ?? []
        notes = try c.decodeIfPresent([String].self, forKey: .notes)
    }
}

extension Partnership {
    /// Every claim of when a level began: the history, and the established date; at least the
    /// current level, undated, when nothing says when.
    public var claims: [Milestone] {
        var all = history
        if let established, !all.contains(where: { $0.level == level && $0.date == established }) {
            all.append(Milestone(level: level, date: established, sources: sources))
        }
        if !all.contains(where: { $0.level == level }) { all.append(Milestone(level: level, date: nil, sources: sources)) }
        return all
    }
}

extension KnowledgeBase {
    /// Several documents' yields as one interchange document.
    public static func combining(_ parts: [KnowledgeBase]) -> KnowledgeBase {
        guard parts.count != 1 else { return parts[0] }
        var all = KnowledgeBase()
        for part in parts {
            all.documents += part.documents
            all.entities += part.entities
            all.events += part.events
            all.partnerships += part.partnerships
            all.anniversaries += part.anniversaries
            if let notes = part.notes { all.notes = (all.notes ?? []) + notes }
        }
        return all
    }
}
