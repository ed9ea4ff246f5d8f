import DiploModel
import DiploStore
import Foundation

public struct AnniversaryQuery: Sendable {
    /// Round numbers of years people celebrate.
    public static let milestoneYears = AnniversaryRules.milestoneYears
    /// Days either side of an anniversary that still count.
    public static let defaultWindow = AnniversaryRules.defaultWindow

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
        let claimsByPartnership = ordered.map(AnniversaryRules.datedClaims(of:))
        let events = try eventsAndCandidates(store, ordered, claimsByPartnership, kept: candidates, involved: involved)
        let matches = AnniversaryRules.matches(
            stated: stated, events: events, partnerships: ordered.map(SharedPartnership.init), claims: claimsByPartnership,
            window: window)
        return AnniversaryRules.listingOrder(country == nil && with == nil && level == nil ? matches : matches.filter(keeps))
    }

    /// The events in range (those `involved`, when a country is asked for) that may mark some
    /// anniversary, in any order (the matches are sorted in the end), each with the partnerships (their
    /// ids, in order) between its sides that it may mark an anniversary of: those `kept` by the store
    /// (in scope already), else worked out from every event.
    private func eventsAndCandidates(
        _ store: Store, _ ordered: [Partnership], _ claims: [[(claim: Milestone, year: Int)]],
        kept: [(event: Event, partnerships: [String])]?, involved: Set<String>?
    ) throws -> [(event: Event, candidates: [String])] {
        if let kept { return kept.map { ($0.event, $0.partnerships) } }
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
            return (event, Set(candidates).sorted().map { ordered[$0].id })
        }
    }

    /// What `query anniversaries` lists, in order, a row at a time: the listing the store keeps
    /// ready when no more than the default is asked for (and the knowledge base keeps one), else
    /// every match worked out here.
    public func forEachListed(on store: Store, _ body: (ListedAnniversary) throws -> Void) throws {
        if from == nil, to == nil, country == nil, with == nil, level == nil, window == AnniversaryRules.defaultWindow,
            !fromEveryEvent, try store.forEachListedAnniversary(body)
        {
            return
        }
        for listed in try store.listedAnniversaries(try run(on: store)) { try body(listed) }
    }

    /// `forEachListed(on:)`, all of it.
    public func listing(on store: Store) throws -> [ListedAnniversary] {
        var listed: [ListedAnniversary] = []
        try forEachListed(on: store) { listed.append($0) }
        return listed
    }

    /// What the query lists, as rows: a table of what people read first, JSON and CSV with every
    /// field. (For a table, only the columns it shows: tens of thousands of rows at a million
    /// events, each made as it is read.)
    public func report(on store: Store, format: OutputFormat) throws -> Report {
        let table = format == .table
        var rows: [[ReportValue]] = []
        try forEachListed(on: store) { row in
            if table {
                rows.append([.text(row.date), .text(row.title), .text(row.marks), .text(row.how)])
            } else {
                rows.append([
                    .text(row.date), .text(row.title), .text(row.parties), .text(row.level.key), .int(row.years),
                    ReportValue(row.anniversary), ReportValue(row.established), .text(row.how), .bool(row.approximate),
                    .text(row.source), .text(row.marks), .text(row.event), .text(row.partnership),
                ])
            }
        }
        return Report(
            columns: table
                ? ["date", "event", "marks", "how"]
                : [
                    "date", "event", "parties", "level", "years", "anniversary", "established", "how", "approximate",
                    "source", "marks", "event_id", "partnership_id",
                ],
            rows: rows,
            notes: rows.isEmpty
                ? []
                : [
                    "  stated: a source says so. computed: the dates fall within \(window) days of it",
                    "  (~: approximately, from a partial date or a range).",
                ])
    }

    private func inRange(_ event: Event) -> Bool {
        guard from != nil || to != nil else { return true }
        guard let days = event.dayRange else { return false }
        if let from, let start = from.dayRange?.lowerBound, days.upperBound < start { return false }
        if let to, let end = to.dayRange?.upperBound, days.lowerBound > end { return false }
        return true
    }
}
