import DiploModel
import DiploStore
import Foundation

/// An event that marks an anniversary of a partnership (or of diplomatic relations) between its
/// sides: stated by a source, or computed from the dates. A class: tens of thousands of matches
/// are sorted, filtered and listed by reference, not copied with every string of their event.
public final class AnniversaryMatch: Sendable {
    public let event: Event
    public var partnership: Partnership { shared.value }
    /// The partnership, one value shared by all its matches: not copied, history and all, once a match.
    let shared: SharedPartnership
    /// The level whose anniversary it is (a partnership's history may hold several).
    public let level: PartnershipLevel
    public let years: Int
    /// When the level was established, by the claim this anniversary counts from.
    public let established: PartialDate?
    public let anniversaryDate: PartialDate?
    public let stated: Bool
    /// Partial dates or ranges were involved: the match holds for some day they allow.
    public let approximate: Bool
    public let sources: [SourceRef]

    init(
        event: Event, partnership: SharedPartnership, level: PartnershipLevel, years: Int, established: PartialDate?,
        anniversaryDate: PartialDate?, stated: Bool, approximate: Bool, sources: [SourceRef]
    ) {
        self.event = event
        self.shared = partnership
        self.level = level
        self.years = years
        self.established = established
        self.anniversaryDate = anniversaryDate
        self.stated = stated
        self.approximate = approximate
        self.sources = sources
    }
}

/// A partnership its matches refer to.
final class SharedPartnership: Sendable {
    let value: Partnership

    init(_ value: Partnership) { self.value = value }
}

public struct AnniversaryQuery: Sendable {
    /// Round numbers of years people celebrate.
    public static let milestoneYears = AnniversaryRules.milestoneYears
    /// Days between an event and the anniversary date that still count: a month either side,
    /// the way visits are scheduled "on the occasion of" an anniversary.
    public static let defaultWindow = 30

    public var from: PartialDate?
    public var to: PartialDate?
    public var window: Int
    /// Only anniversaries of partnerships this entity (a country) is a party to.
    public var country: String?
    /// ...and this other one too.
    public var with: String?
    /// Only anniversaries of this level (`diplomatic_relations`, `comprehensive_strategic_partnership`...).
    public var level: String?
    /// Work every event's candidates out here, not read those the store keeps (tests compare the two).
    var fromEveryEvent = false

    public init(
        from: PartialDate? = nil, to: PartialDate? = nil, window: Int = AnniversaryQuery.defaultWindow,
        country: String? = nil, with: String? = nil, level: String? = nil
    ) {
        self.from = from
        self.to = to
        self.window = window
        self.country = country
        self.with = with
        self.level = level
    }

    /// Whether a match passes the party and level filters.
    func keeps(_ match: AnniversaryMatch) -> Bool {
        if let country, !match.shared.value.parties.contains(country) { return false }
        if let with, !match.shared.value.parties.contains(with) { return false }
        if let level, match.level.key != level { return false }
        return true
    }

    /// Every match, oldest event first: the stated ones, and the computed ones that no source states.
    public func run(on store: Store) throws -> [AnniversaryMatch] {
        // Of one country: the events it may be in, found by the index.
        let involved = try country.map { Set(try store.eventIDs(involving: $0)) }
        func inScope(_ event: Event) -> Bool { inRange(event) && involved?.contains(event.id) ?? true }
        // Filtered only when something is asked for: a filter copies every event it keeps.
        let scoped = from != nil || to != nil || involved != nil
        let allStated = try store.anniversariesWithEvents()
        let stated = scoped ? allStated.filter { inScope($0.event) } : allStated
        // The candidates the store keeps for this window, when it keeps them.
        let stored = try fromEveryEvent ? nil : store.anniversaryCandidates(within: window)
        let candidates = scoped ? stored?.filter { inScope($0.event) } : stored
        // Of one country: its partnerships only, found by the index. Else, with candidates kept,
        // only the partnerships they and the stated anniversaries name (a few hundred of 2,000 at
        // 100k events), not every one with its claims and sources.
        let partnerships =
            try country.map { try store.partnerships(of: $0) }
            ?? candidates.map { candidates in
                let named = Set(stated.map(\.anniversary.partnership)).union(candidates.lazy.flatMap(\.partnerships))
                return try store.partnerships(ids: named.sorted())
            } ?? store.partnerships()
        // Partnerships by index, in id order, each with its dated claims: worked out once, not once an event.
        let ordered = partnerships.sorted { $0.id < $1.id }
        let shared = ordered.map(SharedPartnership.init)
        let indexByID = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.id, $0) })
        let claimsByPartnership = ordered.map(AnniversaryRules.datedClaims(of:))
        let events = try eventsAndCandidates(store, ordered, claimsByPartnership, kept: candidates, involved: involved)
        // Room for a match a stated anniversary and a candidate (the most there usually are):
        // the array of large values is not copied again and again as it grows.
        var matches: [AnniversaryMatch] = []
        matches.reserveCapacity(stated.count + events.reduce(0) { $0 + $1.candidates.count })
        // The stated anniversaries of each event, looked up once an event, not once a candidate.
        // (Each partnership by its index.)
        var statedOf: [String: [(partnership: Int, years: Int)]] = [:]
        // Each partnership's most precise claims, worked out once, not once a stated anniversary.
        // (By the partnership's index: no id hashed twice a stated anniversary.)
        var preciseClaims: [[Milestone]?] = Array(repeating: nil, count: ordered.count)
        for (anniversary, event) in stated {
            guard let index = indexByID[anniversary.partnership] else { continue }
            let partnership = shared[index].value
            statedOf[event.id, default: []].append((index, anniversary.years))
            let claims = preciseClaims[index] ?? AnniversaryRules.mostPrecise(partnership.claims)
            preciseClaims[index] = claims
            let claim = AnniversaryQuery.claim(
                of: partnership, years: anniversary.years, event: event, date: anniversary.date, claims: claims)
            let date = anniversary.date ?? claim?.date?.adding(years: anniversary.years)
            matches.append(
                AnniversaryMatch(
                    event: event, partnership: shared[index], level: claim?.level ?? partnership.level, years: anniversary.years,
                    established: claim?.date, anniversaryDate: date, stated: true,
                    approximate: !(event.start?.isExact ?? false) || !(date?.isExact ?? false), sources: anniversary.sources))
        }
        // The best anniversary of each number of years, as (years, rank, claim, date); a match is
        // made only for the one kept.
        var best: [(years: Int, rank: (Int, Int), claim: Milestone, date: PartialDate)] = []
        for (event, candidates) in events {
            guard let days = event.dayRange else { continue }
            let statedHere = statedOf[event.id] ?? []
            let startsExact = event.start?.isExact ?? false
            for index in candidates {
                let partnership = shared[index]
                best.removeAll(keepingCapacity: true)
                AnniversaryRules.anniversaries(near: days, of: claimsByPartnership[index]) { claim, years, date, distance in
                    guard let established = claim.date, distance <= window,
                        !statedHere.contains(where: { $0.years == years && $0.partnership == index })
                    else { return }
                    let rank = (!startsExact || !established.isExact ? 1 : 0, distance)
                    if let i = best.firstIndex(where: { $0.years == years }) {
                        if rank < best[i].rank { best[i] = (years, rank, claim, date) }
                    } else {
                        best.append((years, rank, claim, date))
                    }
                }
                for (years, rank, claim, date) in best.sorted(by: { $0.years < $1.years }) {
                    matches.append(
                        AnniversaryMatch(
                            event: event, partnership: partnership, level: claim.level, years: years, established: claim.date,
                            anniversaryDate: date, stated: false, approximate: rank.0 == 1, sources: claim.sources))
                }
            }
        }
        // Sorted by keys worked out once each, not once a comparison (the date as a number that
        // sorts as its text does); ties keep their order.
        let kept = country == nil && with == nil && level == nil ? matches : matches.filter(keeps)
        let keys = kept.map { ($0.event.date?.sortKey ?? Int.min, $0.event.id, $0.years) }
        return kept.indices.sorted { (keys[$0].0, keys[$0].1, keys[$0].2, $0) < (keys[$1].0, keys[$1].1, keys[$1].2, $1) }
            .map { kept[$0] }
    }

    /// The events in range (those `involved`, when a country is asked for) that may mark some
    /// anniversary, in any order (the matches are sorted in the end), each with the partnerships (indexes into `ordered`, in
    /// order) between its sides that it may mark an anniversary of: those `kept` by the store (in
    /// scope already), else worked out from every event.
    private func eventsAndCandidates(
        _ store: Store, _ ordered: [Partnership], _ claims: [[(claim: Milestone, year: Int)]],
        kept: [(event: Event, partnerships: [String])]?, involved: Set<String>?
    ) throws -> [(event: Event, candidates: [Int])] {
        if let kept {
            let indexes = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.id, $0) })
            var events: [(event: Event, candidates: [Int])] = []
            events.reserveCapacity(kept.count)
            for (event, partnerships) in kept {
                // In order: the partnerships come by id, as `ordered` has them.
                let candidates = partnerships.compactMap { indexes[$0] }
                if !candidates.isEmpty { events.append((event, candidates)) }
            }
            return events
        }
        let events = try (involved.map { try store.events(ids: Array($0)) } ?? store.events()).filter { inRange($0) }
        let directory = try Directory(store: store)
        var byParty: [String: [Int]] = [:]
        for (index, p) in ordered.enumerated() { for party in Set(p.parties) { byParty[party, default: []].append(index) } }
        let milestones = Set(AnniversaryRules.milestoneYears)
        return events.map { event in
            guard let days = event.dayRange else { return (event, []) }
            let eventSides = directory.sides(of: event)
            guard eventSides.count >= 2 else { return (event, []) }
            let firstEventYear = PartialDate(dayNumber: days.lowerBound).year!
            let lastEventYear = PartialDate(dayNumber: days.upperBound).year!
            var candidates: [Int] = []
            for side in eventSides {
                for index in byParty[side] ?? [] where ordered[index].parties.allSatisfy(eventSides.contains) {
                    // Only where some claim is a round number of years (give or take one) before the event.
                    guard
                        claims[index].contains(where: { _, base in
                            (firstEventYear - base - 1...lastEventYear - base + 1).contains(where: milestones.contains)
                        })
                    else { continue }
                    candidates.append(index)
                }
            }
            return (event, Set(candidates).sorted())
        }
    }

    /// The claim a stated anniversary counts from: the one whose anniversary is the stated date,
    /// else the one whose anniversary falls nearest the event; exact claims first.
    /// `claims`: the partnership's most precise (`AnniversaryRules.mostPrecise`), when known.
    static func claim(
        of partnership: Partnership, years: Int, event: Event, date: PartialDate?, claims: [Milestone]? = nil
    ) -> Milestone? {
        let claims = claims ?? AnniversaryRules.mostPrecise(partnership.claims)
        if let date, let exact = claims.first(where: { $0.date?.adding(years: years) == date }) { return exact }
        guard let days = date?.dayRange ?? event.dayRange else {
            return claims.first { $0.level == partnership.level } ?? claims.first
        }
        return claims.min { a, b in
            let da = a.date?.adding(years: years)?.dayRange.map { AnniversaryRules.gap(days, $0) } ?? Int.max
            let db = b.date?.adding(years: years)?.dayRange.map { AnniversaryRules.gap(days, $0) } ?? Int.max
            return (da, a.date?.isExact == true ? 0 : 1) < (db, b.date?.isExact == true ? 0 : 1)
        }
    }

    /// The names `report` prints: the parties of the matches' partnerships alone, not every entity.
    public static func directory(of matches: [AnniversaryMatch], _ store: Store) throws -> Directory {
        // Each partnership's parties once: tens of thousands of matches name a few hundred partnerships.
        // (Told apart by their shared value: no id hashed once a match.)
        var partnerships = Set<ObjectIdentifier>()
        var parties = Set<String>()
        for match in matches where partnerships.insert(ObjectIdentifier(match.shared)).inserted {
            parties.formUnion(match.shared.value.parties)
        }
        return try Directory(store: store, ids: parties)
    }

    /// The matches as rows: a table of what people read first, JSON and CSV with every field.
    public static func report(_ matches: [AnniversaryMatch], directory: Directory, window: Int) -> Report {
        // Each partnership's parties (by its shared value: no id hashed once a row) and each level
        // (a handful: looked for in a list) written once, not once a row.
        var partiesOf: [ObjectIdentifier: String] = [:]
        var readable: [(key: String, text: String)] = []
        return Report(
            columns: [
                "date", "event", "parties", "level", "years", "anniversary", "established", "how", "approximate",
                "source", "marks", "event_id", "partnership_id",
            ],
            rows: matches.map { match in
                let parties =
                    partiesOf[ObjectIdentifier(match.shared)]
                    ?? {
                        let names = match.shared.value.parties.map(directory.name).joined(separator: " – ")
                        partiesOf[ObjectIdentifier(match.shared)] = names
                        return names
                    }()
                let level =
                    readable.first { $0.key == match.level.key }?.text
                    ?? {
                        readable.append((match.level.key, match.level.readable))
                        return match.level.readable
                    }()
                // Each date written once, for its column and for "marks".
                let anniversary = match.anniversaryDate?.description
                let established = match.established?.description
                // "20 yr of diplomatic relations, A – B (2015-07-12; from 1995-07-12)": which claim
                // it counts from, as sources may date the level differently. Written into room
                // made for it at once, not grown piece by piece.
                let years = String(match.years)
                var marks = ""
                marks.reserveCapacity(
                    years.utf8.count + level.utf8.count + parties.utf8.count + (anniversary?.utf8.count ?? 1)
                        + (established.map { $0.utf8.count + 7 } ?? 0) + 12)
                marks += years
                marks += " yr of "
                marks += level
                marks += ", "
                marks += parties
                marks += " ("
                marks += anniversary ?? "?"
                if let established {
                    marks += "; from "
                    marks += established
                }
                marks += ")"
                return [
                    .text(match.event.dateText), .text(match.event.title), .text(parties), .text(match.level.key),
                    .int(match.years), ReportValue(anniversary), ReportValue(established),
                    .text(match.stated ? "stated" : match.approximate ? "computed ~" : "computed"), .bool(match.approximate),
                    .text(match.sources.first.map { $0.quote ?? $0.note ?? $0.document } ?? ""), .text(marks),
                    .text(match.event.id), .text(match.shared.value.id),
                ]
            },
            notes: matches.isEmpty
                ? []
                : [
                    "  stated: a source says so. computed: the dates fall within \(window) days of it",
                    "  (~: approximately, from a partial date or a range).",
                ],
            tableColumns: ["date", "event", "marks", "how"])
    }

    private func inRange(_ event: Event) -> Bool {
        guard from != nil || to != nil else { return true }
        guard let days = event.dayRange else { return false }
        if let from, let start = from.dayRange?.lowerBound, days.upperBound < start { return false }
        if let to, let end = to.dayRange?.upperBound, days.lowerBound > end { return false }
        return true
    }
}
