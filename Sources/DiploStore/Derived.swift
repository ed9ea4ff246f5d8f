import DiploModel
import Foundation

/// What the store derives from the facts to answer at scale (Schema/004_derived.sql), kept in
/// step as facts change: the month each event begins in, on its participants' rows, and the
/// partnerships whose anniversaries each event may mark (and, from these, the listing of
/// anniversaries: AnniversaryListing.swift).
extension Store {
    /// Anniversaries further from an event than this many days are not kept as its candidates: a
    /// wider `--window` is computed from every event.
    public static let anniversaryCandidateDays = 92

    /// The month bucket of an event whose days run over more than two months.
    static let longEventMonth = -1

    /// The month the days begin in (year * 12 + month - 1) when they end in it or the next,
    /// `longEventMonth` when they run longer, nil without days.
    static func month(of days: ClosedRange<Int>?) -> Int? {
        guard let days else { return nil }
        let first = PartialDate(dayNumber: days.lowerBound)
        let last = PartialDate(dayNumber: days.upperBound)
        let start = first.year! * 12 + first.month! - 1
        return last.year! * 12 + last.month! - 1 <= start + 1 ? start : longEventMonth
    }

    /// The months to look in for events that may overlap these days: those that begin in them or
    /// the month before (`month(of:)`), and the long ones.
    static func monthsOverlapping(_ days: ClosedRange<Int>) -> (first: Int, last: Int) {
        let first = PartialDate(dayNumber: days.lowerBound)
        let last = PartialDate(dayNumber: days.upperBound)
        return (first.year! * 12 + first.month! - 2, last.year! * 12 + last.month! - 1)
    }

    /// Whether this knowledge base keeps anniversary candidates (one an older Diplo wrote, read
    /// without migrating it, does not).
    public func keepsAnniversaryCandidates() throws -> Bool {
        // By their event's key (005_candidates_by_key.sql): those kept by id are not read.
        try db.first("SELECT 1 FROM pragma_table_info('anniversary_candidates') WHERE name = 'event_key'") { _ in true }
            ?? false
    }

    /// Everything derived, worked out again from the facts: after the migration that adds it, and
    /// after facts written straight through SQL.
    func refreshDerived() throws {
        try refreshMonths()
        try refreshAnniversaryCandidates(events: .all, partnerships: [])
        try refreshAnniversaryListing(events: .all, partnerships: [])
    }

    /// The month each event begins in, on its participants' rows, worked out again.
    func refreshMonths() throws {
        var months: [(String, Int?)] = []
        try db.forEach("SELECT \(Event.columns) FROM events ORDER BY key") { row in
            let event = Event(row: row)
            months.append((event.id, Store.month(of: event.dayRange)))
        }
        for (id, month) in months { try db.run("UPDATE participants SET month = ? WHERE event_id = ?", [month, id]) }
    }

    // MARK: Bulk loads

    /// The indexes on events and what hangs off them that no statement of an events pass into a
    /// knowledge base without events reads (another report of an event is looked for only among
    /// events known before): built once the rows are in, by sorting, they cost a fraction of
    /// keeping them row by row.
    static let indexesBuiltAfterABulkLoad = [
        "participants_entity", "events_date", "events_kind", "events_location", "events_parent", "sources_document",
        "event_reports_document",
    ]

    /// Drops those indexes (inside the merge's transaction); returns what builds them again.
    func dropIndexesForABulkLoad() throws -> [String] {
        let sql = try db.query(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name IN \(Store.idList) ORDER BY name",
            [Store.indexesBuiltAfterABulkLoad.json]
        ) { $0.text(0) }
        for name in Store.indexesBuiltAfterABulkLoad { try db.execute("DROP INDEX IF EXISTS \(name)") }
        return sql
    }

    /// Builds indexes dropped for a bulk load (their sort spills to temporary files: `merge`).
    func buildIndexes(_ statements: [String]) throws {
        for statement in statements { try db.execute(statement) }
    }

    // MARK: Anniversary candidates

    /// Which events to work out the candidates of again.
    enum EventSelection {
        case all
        /// Those added after the event of this key, and these.
        case after(key: Int, and: [String])
    }

    /// Works out again the candidates of these events, against every partnership, and those of
    /// these partnerships (new ones, or ones that gained a claim), against every event that may
    /// have their parties on its sides.
    func refreshAnniversaryCandidates(events: EventSelection, partnerships changed: Set<String>) throws {
        if case .after(let key, let ids) = events, ids.isEmpty, changed.isEmpty,
            try db.first("SELECT 1 FROM events WHERE key > ? LIMIT 1", [key], { _ in true }) == nil
        {
            return
        }
        var all: [Partnership] = []
        try forEachPartnership(withSources: false) { all.append($0) }
        // Each partnership's anniversaries, worked out when an event between its parties first needs them.
        var tables: [AnniversaryRules.Table?] = Array(repeating: nil, count: all.count)
        func table(_ index: Int) -> AnniversaryRules.Table {
            if let table = tables[index] { return table }
            let table = AnniversaryRules.Table(AnniversaryRules.datedClaims(of: all[index]))
            tables[index] = table
            return table
        }
        // Parties by a number of their own: an event's sides and a partnership's parties are
        // compared as a handful of integers, not hashed strings, for each of a million events.
        var partyNumbers: [String: Int] = [:]
        let partiesOf = all.map { partnership in
            Set(partnership.parties).map { party in
                partyNumbers[party]
                    ?? {
                        partyNumbers[party] = partyNumbers.count
                        return partyNumbers.count - 1
                    }()
            }
        }
        var byParty: [[Int]] = Array(repeating: [], count: partyNumbers.count)
        for (index, parties) in partiesOf.enumerated() { for party in parties { byParty[party].append(index) } }
        // The last call each partnership was looked at in: each once an event.
        var lastLookedAt = Array(repeating: -1, count: all.count)
        var call = 0
        func add(event: Int, days: ClosedRange<Int>, sides: Set<String>, only: Int? = nil) throws {
            guard sides.count >= 2 else { return }
            call += 1
            let numbered = sides.compactMap { partyNumbers[$0] }
            let firstYear = PartialDate(dayNumber: days.lowerBound).year!
            let lastYear = PartialDate(dayNumber: days.upperBound).year!
            for side in numbered {
                for index in byParty[side] where (only == nil || only == index) && lastLookedAt[index] != call {
                    lastLookedAt[index] = call
                    guard partiesOf[index].allSatisfy(numbered.contains),
                        let distance = table(index).nearest(to: days, firstYear: firstYear, lastYear: lastYear),
                        distance <= Store.anniversaryCandidateDays
                    else { continue }
                    try db.run(
                        "INSERT OR REPLACE INTO anniversary_candidates (event_key, partnership_id, distance) VALUES (?, ?, ?)",
                        [event, all[index].id, distance])
                }
            }
        }
        switch events {
        case .all:
            try db.run("DELETE FROM anniversary_candidates")
            try forEachEventSides(where: nil, []) { try add(event: $0, days: $1, sides: $2) }
            return
        case .after(let key, let ids):
            try forEachEventSides(where: "e.key > ?", [key]) { try add(event: $0, days: $1, sides: $2) }
            for batch in stride(from: 0, to: ids.count, by: Store.batchSize).map({
                Array(ids[$0..<min($0 + Store.batchSize, ids.count)])
            }) {
                try db.run(
                    "DELETE FROM anniversary_candidates WHERE event_key IN (SELECT key FROM events WHERE id IN \(Store.idList))",
                    [batch.json])
                try forEachEventSides(where: "e.id IN \(Store.idList)", [batch.json]) { try add(event: $0, days: $1, sides: $2) }
            }
        }
        // A partnership's events involve each of its parties: those of the party with fewest.
        for (index, partnership) in all.enumerated() where changed.contains(partnership.id) {
            let sizes = try partnership.parties.map { party in
                try db.first("SELECT count(*) FROM (\(Store.eventsInvolving(parameter: 1)))", [party]) { $0.int(0) } ?? 0
            }
            guard let fewest = sizes.indices.min(by: { sizes[$0] < sizes[$1] }) else { continue }
            try forEachEventSides(where: "e.id IN (\(Store.eventsInvolving(parameter: 1)))", [partnership.parties[fewest]]) {
                try add(event: $0, days: $1, sides: $2, only: index)
            }
        }
    }

    /// Events (all, or those `condition` on `e` keeps) by their row key, with their days and the
    /// countries on their sides (`Event.sides`), in the order they were added; events without days
    /// are left out.
    private func forEachEventSides(
        where condition: String?, _ arguments: [SQLBindable], _ body: (Int, ClosedRange<Int>, Set<String>) throws -> Void
    ) throws {
        // Only what the days and the sides need: not every column of a million events.
        var current: (key: Int, days: ClosedRange<Int>?, place: String?, sides: Set<String>)?
        func flush() throws {
            guard let (key, days, place, sides) = current, let days else { return }
            var all = sides
            if let place { all.insert(place) }
            try body(key, days, all)
        }
        try db.forEach(
            """
            SELECT e.key, e.kind, e.start, e.end, e.within_from, e.within_to, e.location_country_id,
                CASE WHEN n.type = 'country' THEN n.id ELSE n.country_id END AS side
            FROM events e LEFT JOIN participants p ON p.event_id = e.id LEFT JOIN entities n ON n.id = p.entity_id
            \(condition.map { "WHERE " + $0 } ?? "") ORDER BY e.key
            """, arguments
        ) { row in
            let key = row.int("key")
            if current?.key != key {
                try flush()
                let within = row.date("within_from").flatMap { from in row.date("within_to").map { [from, $0] } }
                let bilateral = (EventKind(rawValue: row.text("kind")) ?? .other).isBilateral
                current = (
                    key, Event.dayRange(start: row.date("start"), end: row.date("end"), within: within),
                    bilateral ? row.string("location_country_id") : nil, []
                )
            }
            if let side = row.string("side") { current!.sides.insert(side) }
        }
        try flush()
    }

    /// The events with a partnership whose nearest anniversary lies within `days` days of them,
    /// each with those partnerships (by id), in the order the events were added: each event's
    /// row joined by its key, in the order of the keys, in one statement. Nil when the knowledge
    /// base keeps no candidates (or `days` is more than it keeps). `events`: of these events (by
    /// id) alone.
    public func anniversaryCandidates(
        within days: Int, events ids: [String]? = nil
    ) throws -> [(event: Event, partnerships: [String])]? {
        guard days <= Store.anniversaryCandidateDays, try keepsAnniversaryCandidates() else { return nil }
        var candidates: [(event: Event, partnerships: [String])] = []
        var lastKey: Int?
        try db.forEach(
            """
            SELECT c.event_key, c.partnership_id, \(Event.columns("e")) FROM anniversary_candidates c
            JOIN events e ON e.key = c.event_key WHERE c.distance <= ?\(ids == nil ? "" : " AND e.id IN \(Store.idList)")
            ORDER BY c.event_key, c.partnership_id
            """, [days] + (ids.map { [$0.json] } ?? [])
        ) { row in
            let key = row.int("event_key")
            if key != lastKey {
                candidates.append((Event(row: row), []))
                lastKey = key
            }
            candidates[candidates.count - 1].partnerships.append(row.text("partnership_id"))
        }
        return candidates
    }
}
