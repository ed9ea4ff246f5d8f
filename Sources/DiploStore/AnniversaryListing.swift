import DiploModel
import Foundation

/// The anniversaries `query anniversaries` lists when asked nothing more
/// (Schema/006_anniversary_listing.sql), worked out ahead by the rules of `AnniversaryRules` and
/// kept in step on every write: at a million events, reading 47,000 ready rows in their order
/// rather than working the matches out of 80,000 candidates and 20,000 stated anniversaries.
extension Store {
    /// The kept listing, in the order it is listed, a row at a time; false (and nothing read)
    /// when the knowledge base keeps none (one an older Diplo wrote, read without migrating it).
    public func forEachListedAnniversary(_ body: (ListedAnniversary) throws -> Void) throws -> Bool {
        let kept = try db.first("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'anniversary_listing'", []) { _ in
            true
        }
        guard kept != nil else { return false }
        // The primary key's order: one pass along the table.
        try db.forEach(
            """
            SELECT \(ListedAnniversary.columns) FROM anniversary_listing
            ORDER BY date_key, event_id, years, computed, partnership_id
            """
        ) { try body(try ListedAnniversary(row: $0)) }
        return true
    }

    /// The kept listing, in order; nil when the knowledge base keeps none.
    public func anniversaryListing() throws -> [ListedAnniversary]? {
        var listed: [ListedAnniversary] = []
        return try forEachListedAnniversary { listed.append($0) } ? listed : nil
    }

    /// The matches as they are listed, in their order, each partnership's parties named as the
    /// knowledge base names them now.
    public func listedAnniversaries(_ matches: [AnniversaryMatch]) throws -> [ListedAnniversary] {
        let ids = Set(matches.map(\.shared.value.id)).sorted()
        var names: [String: [String]] = [:]
        // Each partnership's parties in the order the partnership lists them.
        try db.forEach(
            """
            SELECT pp.partnership_id, e.name FROM partnership_parties pp JOIN entities e ON e.id = pp.entity_id
            WHERE pp.partnership_id IN \(Store.idList) ORDER BY pp.partnership_id, pp.entity_id
            """, [ids.json]
        ) { names[$0.text("partnership_id"), default: []].append($0.text("name")) }
        let parties = names.mapValues(ListedAnniversary.parties)
        return matches.map { ListedAnniversary($0, parties: parties[$0.shared.value.id] ?? "") }
    }

    /// Works out again the listed anniversaries of these events: those added after the key and
    /// those named (`EventSelection`), and every event with an anniversary, a candidate or a
    /// listed row of one of `partnerships` (the partnerships a write touched: a claim, a level, a
    /// source or a party's name may have changed). After the candidates: the computed
    /// anniversaries come from them.
    func refreshAnniversaryListing(events: EventSelection, partnerships: Set<String>) throws {
        var ids: [String]?
        if case .after(let key, let named) = events, key > 0 {
            var dirty = Set(named)
            dirty.formUnion(try db.query("SELECT id FROM events WHERE key > ?", [key]) { $0.text(0) })
            if !partnerships.isEmpty {
                let json = partnerships.sorted().json
                for select in [
                    "SELECT e.id FROM anniversary_candidates c JOIN events e ON e.key = c.event_key WHERE c.partnership_id IN",
                    "SELECT event_id FROM anniversaries WHERE partnership_id IN",
                    "SELECT event_id FROM anniversary_listing WHERE partnership_id IN",
                ] {
                    dirty.formUnion(try db.query(select + " " + Store.idList, [json]) { $0.text(0) })
                }
            }
            if dirty.isEmpty { return }
            ids = dirty.sorted()
        }
        let stated = try anniversariesWithEvents(events: ids)
        let candidates = try anniversaryCandidates(within: AnniversaryRules.defaultWindow, events: ids) ?? []
        // Only the partnerships these name, with their claims and sources, in id order.
        var named = Set(stated.map(\.anniversary.partnership))
        for (_, partnerships) in candidates { named.formUnion(partnerships) }
        let ordered = try self.partnerships(ids: named.sorted()).sorted { $0.id < $1.id }
        let matches = AnniversaryRules.matches(
            stated: stated, events: candidates.map { ($0.event, $0.partnerships) },
            partnerships: ordered.map(SharedPartnership.init), claims: ordered.map(AnniversaryRules.datedClaims(of:)),
            window: AnniversaryRules.defaultWindow)
        if let ids {
            try db.run("DELETE FROM anniversary_listing WHERE event_id IN \(Store.idList)", [ids.json])
        } else {
            try db.run("DELETE FROM anniversary_listing")
        }
        let insert = "INSERT INTO anniversary_listing (\(ListedAnniversary.columns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        for listed in try listedAnniversaries(matches) { try db.run(insert, listed.values) }
    }
}
