import Foundation

/// An event that marks an anniversary of a partnership (or of diplomatic relations) between its
/// sides: stated by a source, or computed from the dates. A class: tens of thousands of matches
/// are sorted, filtered and listed by reference, not copied with every string of their event.
public final class AnniversaryMatch: Sendable {
    public let event: Event
    public var partnership: Partnership { shared.value }
    /// The partnership, one value shared by all its matches: not copied, history and all, once a match.
    public let shared: SharedPartnership
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
public final class SharedPartnership: Sendable {
    public let value: Partnership

    public init(_ value: Partnership) { self.value = value }
}

/// A match as it is listed: what `query anniversaries` prints of it, its event's strings and
/// the dates as text. The store keeps these ready for the listing asked with no options.
public struct ListedAnniversary: Equatable, Sendable {
    /// The event's date as a number that sorts as its text does (`PartialDate.sortKey`): the
    /// listing's first key.
    public var dateKey: Int
    public var date: String
    public var title: String
    public var event: String
    public var partnership: String
    public var years: Int
    public var level: PartnershipLevel
    public var anniversary: String?
    public var established: String?
    public var stated: Bool
    public var approximate: Bool
    /// The quote (or note, or document) of the first source.
    public var source: String
    /// The partnership's parties by name, "A – B".
    public var parties: String
    /// "20 yr of diplomatic relations, A – B (2015-07-12; from 1995-07-12)": what a table shows.
    public var marks: String

    public init(
        dateKey: Int, date: String, title: String, event: String, partnership: String, years: Int,
        level: PartnershipLevel, anniversary: String?, established: String?, stated: Bool, approximate: Bool,
        source: String, parties: String, marks: String
    ) {
        self.dateKey = dateKey
        self.date = date
        self.title = title
        self.event = event
        self.partnership = partnership
        self.years = years
        self.level = level
        self.anniversary = anniversary
        self.established = established
        self.stated = stated
        self.approximate = approximate
        self.source = source
        self.parties = parties
        self.marks = marks
    }

    /// `parties`: the names of the match's partnership's parties, "A – B".
    public init(_ match: AnniversaryMatch, parties: String) {
        let anniversary = match.anniversaryDate?.description
        let established = match.established?.description
        self.init(
            dateKey: match.event.date?.sortKey ?? Int.min, date: match.event.dateText, title: match.event.title,
            event: match.event.id, partnership: match.shared.value.id, years: match.years, level: match.level,
            anniversary: anniversary, established: established, stated: match.stated, approximate: match.approximate,
            source: match.sources.first.map { $0.quote ?? $0.note ?? $0.document } ?? "", parties: parties,
            marks: ListedAnniversary.marks(
                years: match.years, level: match.level, parties: parties, anniversary: anniversary, established: established))
    }

    /// "20 yr of diplomatic relations, A – B (2015-07-12; from 1995-07-12)": which claim it counts
    /// from, as sources may date the level differently.
    static func marks(
        years: Int, level: PartnershipLevel, parties: String, anniversary: String?, established: String?
    ) -> String {
        "\(years) yr of \(level.readable), \(parties) (\(anniversary ?? "?")\(established.map { "; from " + $0 } ?? ""))"
    }

    /// A partnership's parties as a listing names them, "A – B".
    public static func parties(_ names: [String]) -> String { names.joined(separator: " – ") }

    /// What a table of them shows under "how".
    public var how: String { stated ? "stated" : approximate ? "computed ~" : "computed" }
}

extension AnniversaryRules {
    /// Days between an event and the anniversary date that still count: a month either side,
    /// the way visits are scheduled "on the occasion of" an anniversary.
    public static let defaultWindow = 30

    /// The anniversaries some events mark: each one a source states (of a partnership among
    /// `partnerships`), and each one the dates give, within `window` days, of an event's
    /// `candidates` (partnership ids; those not among `partnerships` are passed over) that no
    /// source states; the best claim of each number of years. `partnerships` in id order, `claims`
    /// their `datedClaims(of:)`. In the order worked out: `listingOrder` sorts them.
    public static func matches(
        stated: [(anniversary: Anniversary, event: Event)], events: [(event: Event, candidates: [String])],
        partnerships shared: [SharedPartnership], claims claimsByPartnership: [[(claim: Milestone, year: Int)]],
        window: Int
    ) -> [AnniversaryMatch] {
        let indexByID = Dictionary(uniqueKeysWithValues: shared.enumerated().map { ($1.value.id, $0) })
        // Room for a match a stated anniversary and a candidate (the most there usually are):
        // the array of large values is not copied again and again as it grows.
        var matches: [AnniversaryMatch] = []
        matches.reserveCapacity(stated.count + events.reduce(0) { $0 + $1.candidates.count })
        // The stated anniversaries of each event, looked up once an event, not once a candidate.
        // (Each partnership by its index.)
        var statedOf: [String: [(partnership: Int, years: Int)]] = [:]
        // Each partnership's most precise claims, worked out once, not once a stated anniversary.
        // (By the partnership's index: no id hashed twice a stated anniversary.)
        var preciseClaims: [[Milestone]?] = Array(repeating: nil, count: shared.count)
        for (anniversary, event) in stated {
            guard let index = indexByID[anniversary.partnership] else { continue }
            let partnership = shared[index].value
            statedOf[event.id, default: []].append((index, anniversary.years))
            let claims = preciseClaims[index] ?? mostPrecise(partnership.claims)
            preciseClaims[index] = claims
            let claim = statedClaim(
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
            for id in candidates {
                guard let index = indexByID[id] else { continue }
                let partnership = shared[index]
                best.removeAll(keepingCapacity: true)
                anniversaries(near: days, of: claimsByPartnership[index]) { claim, years, date, distance in
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
        return matches
    }

    /// The order anniversaries are listed in: by their event's date, then the event, the years,
    /// what a source states before what the dates give, and the partnership. (The store's listing
    /// is kept in the same order: `anniversary_listing`'s primary key.)
    public static func listingOrder(_ matches: [AnniversaryMatch]) -> [AnniversaryMatch] {
        // Sorted by keys worked out once each, not once a comparison.
        let keys = matches.map { ($0.event.date?.sortKey ?? Int.min, $0.event.id, $0.years, $0.stated ? 0 : 1) }
        return matches.indices.sorted {
            (keys[$0].0, keys[$0].1, keys[$0].2, keys[$0].3, matches[$0].shared.value.id)
                < (keys[$1].0, keys[$1].1, keys[$1].2, keys[$1].3, matches[$1].shared.value.id)
        }.map { matches[$0] }
    }

    /// The claim a stated anniversary counts from: the one whose anniversary is the stated date,
    /// else the one whose anniversary falls nearest the event; exact claims first.
    /// `claims`: the partnership's most precise (`mostPrecise`), when known.
    public static func statedClaim(
        of partnership: Partnership, years: Int, event: Event, date: PartialDate?, claims: [Milestone]? = nil
    ) -> Milestone? {
        let claims = claims ?? mostPrecise(partnership.claims)
        if let date, let exact = claims.first(where: { $0.date?.adding(years: years) == date }) { return exact }
        guard let days = date?.dayRange ?? event.dayRange else {
            return claims.first { $0.level == partnership.level } ?? claims.first
        }
        return claims.min { a, b in
            let da = a.date?.adding(years: years)?.dayRange.map { gap(days, $0) } ?? Int.max
            let db = b.date?.adding(years: years)?.dayRange.map { gap(days, $0) } ?? Int.max
            return (da, a.date?.isExact == true ? 0 : 1) < (db, b.date?.isExact == true ? 0 : 1)
        }
    }
}
