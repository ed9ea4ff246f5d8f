import DiploModel
import Foundation

/// Reading facts back as model values: whole (for `show`, queries and exports) or streamed a
/// batch at a time, so that an export of a million events keeps its memory flat. Every reader
/// decodes rows through `Records.swift` and attaches what other tables hold in one query a batch.
extension Store {
    /// How many records a streamed read holds at once.
    static let batchSize = 512

    /// The whole knowledge base as an interchange document.
    public func knowledgeBase(includeText: Bool = true) throws -> KnowledgeBase {
        KnowledgeBase(
            documents: try documents(includeText: includeText), entities: try entities(),
            events: try events(), partnerships: try partnerships(), anniversaries: try anniversaries())
    }

    // MARK: Whole lists

    public func documents(includeText: Bool = true) throws -> [Document] {
        try collect { try forEachDocument(includeText: includeText, $0) }
    }

    /// The entities with these ids (all of them for nil), in the order they were added.
    public func entities(ids: [String]? = nil) throws -> [Entity] { try collect { try forEachEntity(ids: ids, $0) } }

    public func entity(_ id: String) throws -> Entity? { try entities(ids: [id]).first }

    /// `withSources`: false leaves each event's sources out (a listing that does not show them).
    public func events(ids: [String]? = nil, withSources: Bool = true) throws -> [Event] {
        try collect { try forEachEvent(ids: ids, withSources: withSources, $0) }
    }

    public func event(_ id: String) throws -> Event? { try events(ids: [id]).first }

    /// The events that point to `id` as their trip (its stops), oldest first.
    public func stops(of id: String) throws -> [Event] {
        let ids = try db.query("SELECT id FROM events WHERE parent_id = ? ORDER BY ifnull(start, within_from), id", [id]) {
            $0.text(0)
        }
        let events = try self.events(ids: ids)
        let order = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        return events.sorted { order[$0.id, default: 0] < order[$1.id, default: 0] }
    }

    public func partnerships(ids: [String]? = nil) throws -> [Partnership] {
        try collect { try forEachPartnership(ids: ids, $0) }
    }

    public func partnership(_ id: String) throws -> Partnership? { try partnerships(ids: [id]).first }

    public func anniversaries() throws -> [Anniversary] { try collect { try forEachAnniversary($0) } }

    private func collect<T>(_ read: ((T) throws -> Void) throws -> Void) throws -> [T] {
        var all: [T] = []
        try read { all.append($0) }
        return all
    }

    // MARK: Streamed, in the order the interchange format lists them

    public func forEachDocument(includeText: Bool = true, _ body: (Document) throws -> Void) throws {
        try db.forEach("SELECT \(Document.columns), body FROM documents ORDER BY key") { row in
            try body(Document(row: row, text: includeText ? row.string("body") : nil))
        }
    }

    public func forEachEntity(ids: [String]? = nil, _ body: (Entity) throws -> Void) throws {
        try inBatches("SELECT \(Entity.columns) FROM entities", ids: ids, orderBy: "key", decode: Entity.init(row:)) { batch in
            let keys = batch.map(\.id)
            var names: [String: [String: String]] = [:]
            var aliases: [String: [String]] = [:]
            try db.forEach("SELECT entity_id, lang, name FROM entity_names WHERE entity_id IN \(Store.idList)", [keys.json]) {
                names[$0.text("entity_id"), default: [:]][$0.text("lang")] = $0.text("name")
            }
            try db.forEach(
                """
                SELECT entity_id, alias FROM entity_aliases WHERE entity_id IN \(Store.idList) ORDER BY rowid
                """, [keys.json]
            ) { aliases[$0.text("entity_id"), default: []].append($0.text("alias")) }
            let offices = try officesHeld(by: keys)
            let sources = try sources(of: .entity, keys)
            for var entity in batch {
                entity.names = names[entity.id] ?? [:]
                entity.aliases = aliases[entity.id] ?? []
                entity.offices = offices[entity.id] ?? []
                entity.sources = sources[entity.id] ?? []
                try body(entity)
            }
        }
    }

    /// Each person's offices with their sources, in the order they were recorded.
    private func officesHeld(by people: [String]) throws -> [String: [Office]] {
        var offices: [(person: String, id: Int, office: Office)] = []
        try db.forEach(
            """
            SELECT \(Office.columns) FROM offices_held WHERE person_id IN \(Store.idList) ORDER BY id
            """, [people.json]
        ) { offices.append(($0.text("person_id"), $0.int("id"), Office(row: $0))) }
        let sources = try sources(of: .office, offices.map { String($0.id) })
        var result: [String: [Office]] = [:]
        for (person, id, office) in offices {
            var office = office
            office.sources = sources[String(id)] ?? []
            result[person, default: []].append(office)
        }
        return result
    }

    public func forEachEvent(ids: [String]? = nil, withSources: Bool = true, _ body: (Event) throws -> Void) throws {
        try inBatches("SELECT \(Event.columns) FROM events", ids: ids, orderBy: "key", decode: Event.init(row:)) { batch in
            var batch = batch
            try link(&batch, batch.indices, withSources: withSources)
            for event in batch { try body(event) }
        }
    }

    /// Events read without their links (`eventCandidates`, summaries), with their participants
    /// and (`withSources`) their sources: each row is read once, each event filled in where it
    /// lies (hundreds of thousands of visits are not copied batch by batch).
    public func withLinks(_ events: consuming [Event], withSources: Bool = true) throws -> [Event] {
        var events = events
        for start in stride(from: 0, to: events.count, by: Store.batchSize) {
            try link(&events, start..<min(start + Store.batchSize, events.count), withSources: withSources)
        }
        return events
    }

    private func link(_ events: inout [Event], _ range: Range<Int>, withSources: Bool) throws {
        let keys = events[range].map(\.id)
        var participants: [String: [Participant]] = [:]
        try db.forEach("SELECT event_id, entity_id, role FROM participants WHERE event_id IN \(Store.idList)", [keys.json]) {
            participants[$0.text("event_id"), default: []].append(Participant(row: $0))
        }
        let sources = withSources ? try sources(of: .event, keys) : [:]
        for index in range {
            let id = events[index].id
            events[index].participants = (participants[id] ?? []).sorted(by: Participant.listed)
            events[index].sources = sources[id] ?? []
        }
    }

    /// `withSources`: false leaves out the sources of each partnership and step (what computing
    /// anniversaries does not need).
    public func forEachPartnership(
        ids: [String]? = nil, withSources: Bool = true, _ body: (Partnership) throws -> Void
    ) throws {
        try inBatches(
            "SELECT \(Partnership.columns) FROM partnerships", ids: ids, orderBy: "id",
            decode: Partnership.init(row:)
        ) { batch in
            let keys = batch.map(\.id)
            var parties: [String: [String]] = [:]
            try db.forEach(
                """
                SELECT partnership_id, entity_id FROM partnership_parties WHERE partnership_id IN \(Store.idList)
                ORDER BY entity_id
                """, [keys.json]
            ) { parties[$0.text("partnership_id"), default: []].append($0.text("entity_id")) }
            var steps: [(partnership: String, id: Int, milestone: Milestone)] = []
            try db.forEach(
                """
                SELECT \(Milestone.columns) FROM partnership_history WHERE partnership_id IN \(Store.idList)
                ORDER BY ifnull(date, '9999'), id
                """, [keys.json]
            ) { row in
                if let milestone = Milestone(row: row) { steps.append((row.text("partnership_id"), row.int("id"), milestone)) }
            }
            let stepSources = withSources ? try sources(of: .history, steps.map { String($0.id) }) : [:]
            var history: [String: [Milestone]] = [:]
            for (partnership, id, milestone) in steps {
                var milestone = milestone
                milestone.sources = stepSources[String(id)] ?? []
                history[partnership, default: []].append(milestone)
            }
            let sources = withSources ? try sources(of: .partnership, keys) : [:]
            for var partnership in batch {
                partnership.parties = parties[partnership.id] ?? []
                partnership.history = history[partnership.id] ?? []
                partnership.sources = sources[partnership.id] ?? []
                try body(partnership)
            }
        }
    }

    public func forEachAnniversary(_ body: (Anniversary) throws -> Void) throws {
        try forEachAnniversary(
            "SELECT \(Anniversary.columns) FROM anniversaries", key: "id", orderBy: "id", with: { _ in () }
        ) { anniversary, _ in try body(anniversary) }
    }

    /// Every stated anniversary with its event's row (without participants or sources), in the
    /// order they were added: what the listing of anniversaries reads, each event joined in the
    /// same statement rather than read again by a list of ids (the anniversaries first, always:
    /// `CROSS JOIN`, so that SQLite never walks every event instead).
    /// `events`: of these events (by id) alone.
    public func anniversariesWithEvents(events ids: [String]? = nil) throws -> [(anniversary: Anniversary, event: Event)] {
        var all: [(anniversary: Anniversary, event: Event)] = []
        // Counted first: the array of large values is not copied again and again as it grows.
        if ids == nil { all.reserveCapacity(try db.first("SELECT count(*) FROM anniversaries") { $0.int(0) } ?? 0) }
        try forEachAnniversary(
            """
            SELECT a.id AS anniversary_key, a.event_id, a.partnership_id, a.years, a.date, a.stated, \(Event.columns("e"))
            FROM anniversaries a CROSS JOIN events e ON e.id = a.event_id\(ids == nil ? "" : " WHERE a.event_id IN \(Store.idList)")
            """, arguments: ids.map { [$0.json] } ?? [], key: "anniversary_key", orderBy: "a.id", with: Event.init(row:)
        ) { all.append(($0, $1)) }
        return all
    }

    /// The anniversaries `select` gives (its row key in the column `key`) with their sources, and
    /// what `with` reads of the rest of each row, a batch at a time.
    private func forEachAnniversary<Extra>(
        _ select: String, arguments: [SQLBindable] = [], key: String, orderBy: String, with extra: (Row) -> Extra,
        _ body: (Anniversary, Extra) throws -> Void
    ) throws {
        try inBatches(
            select, ids: nil, arguments: arguments, orderBy: orderBy,
            decode: { (String($0.int(key)), Anniversary(row: $0), extra($0)) }
        ) { batch in
            let sources = try sources(of: .anniversary, batch.map(\.0))
            for (id, var anniversary, extra) in batch {
                anniversary.sources = sources[id] ?? []
                try body(anniversary, extra)
            }
        }
    }

    // MARK: Sources

    /// The tables a source row can belong to, by the column that points to its owner.
    enum SourceOwner: String {
        case entity = "entity_id"
        case office = "office_id"
        case event = "event_id"
        case partnership = "partnership_id"
        case history = "history_id"
        case anniversary = "anniversary_id"

        /// Owners with integer keys are compared as integers.
        var integerKeys: Bool { self == .office || self == .history || self == .anniversary }
    }

    /// The sources of these owners, keyed by the owner's id as text, in the order they were added.
    func sources(of owner: SourceOwner, _ keys: [String]) throws -> [String: [SourceRef]] {
        guard !keys.isEmpty else { return [:] }
        var result: [String: [SourceRef]] = [:]
        let list = owner.integerKeys ? keys.compactMap { Int($0) }.json : keys.json
        try db.forEach(
            """
            SELECT \(SourceRef.columns), \(owner.rawValue) AS owner FROM sources
            WHERE \(owner.rawValue) IS NOT NULL AND \(owner.rawValue) IN \(Store.idList) ORDER BY id
            """, [list]
        ) { row in
            result[row.text("owner"), default: []].append(SourceRef(row: row))
        }
        return result
    }

    // MARK: Batches

    /// The SQL for "one of the ids in the JSON array bound here": one statement whatever the count.
    static let idList = "(SELECT value FROM json_each(?))"

    /// Runs `select` (all rows, or those whose id is in `ids`), decodes each row and hands them
    /// on `batchSize` at a time.
    /// `arguments`: of `select`'s own parameters, when no `ids` are asked for.
    func inBatches<T>(
        _ select: String, ids: [String]?, arguments: [SQLBindable] = [], orderBy: String, decode: (Row) throws -> T,
        _ handle: ([T]) throws -> Void
    ) throws {
        var batch: [T] = []
        batch.reserveCapacity(Store.batchSize)
        let sql = select + (ids == nil ? "" : " WHERE id IN \(Store.idList)") + " ORDER BY \(orderBy)"
        try db.forEach(sql, ids.map { [$0.json] } ?? arguments) { row in
            batch.append(try decode(row))
            if batch.count == Store.batchSize {
                try handle(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try handle(batch) }
    }

    // MARK: Lookups

    /// The partnership between exactly these parties at this level, or on the same ladder.
    public func partnershipID(parties: [String], level: PartnershipLevel) throws -> String? {
        let wanted = Set(parties)
        guard let first = parties.first else { return nil }
        let candidates = try db.query(
            """
            SELECT p.id, p.level FROM partnerships p JOIN partnership_parties pp ON pp.partnership_id = p.id
            WHERE pp.entity_id = ? ORDER BY p.id
            """, [first]
        ) { ($0.text("id"), $0.text("level")) }
        for (id, key) in candidates {
            guard let other = try? PartnershipLevel(key), other == level || (other.rank != nil && level.rank != nil) else {
                continue
            }
            let theirs = Set(
                try db.query("SELECT entity_id FROM partnership_parties WHERE partnership_id = ?", [id]) {
                    $0.text("entity_id")
                })
            if theirs == wanted { return id }
        }
        return nil
    }
}

extension Array where Element: Encodable {
    /// The values as one JSON array, bound to a single parameter and read back with `json_each`.
    var json: String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data("[]".utf8), as: UTF8.self) }
}

extension Array where Element == String {
    /// Strings as one JSON array, bound to a single parameter and read back with `json_each`.
    var json: String {
        // Written by hand: JSONEncoder costs more than the query it feeds, thousands of times an import.
        "[" + map { "\"" + JSONText.escaped($0) + "\"" }.joined(separator: ",") + "]"
    }
}

extension Array where Element == Int {
    /// Integers as one JSON array (row keys of anniversaries, offices, steps), written by hand as strings are.
    var json: String { "[" + map(String.init).joined(separator: ",") + "]" }
}
