import DiploModel
import Foundation

/// A participant of an event with the country it belongs to: what graph walks and exports need
/// to tell the sides of an event apart.
public struct ParticipantRow: Sendable, Equatable {
    public let event: String
    public let entity: String
    public let role: ParticipantRole
    /// The participant's own country (a person's, an organisation's), if known.
    public let country: String?
}

/// What graph walks (`query path`, `query neighbors`, `export --around`) and graph exports read.
extension Store {
    /// The languages entities have names in.
    public func nameLanguages() throws -> [String] {
        try db.query("SELECT DISTINCT lang FROM entity_names ORDER BY lang") { $0.text("lang") }
    }

    /// Every entity's own row (no names, offices or sources), in the order they were added: what
    /// queries need to print and filter rows.
    public func entitySummaries() throws -> [Entity] {
        try db.query("SELECT \(Entity.columns) FROM entities ORDER BY key") { Entity(row: $0) }
    }

    /// Which events a walk reads: all of them, those held in a country, or those that are stops of
    /// a trip (or of a visit).
    public enum EventRows: Sendable {
        case all, located, stops
    }

    /// Events without participants or sources, in the order they were added, for walks over all of
    /// them, or over the ones a walk is about (only their rows are read and decoded).
    public func forEachEventSummary(_ rows: EventRows = .all, _ body: (Event) throws -> Void) throws {
        let condition =
            switch rows {
            case .all: ""
            case .located: " WHERE location_country_id IS NOT NULL"
            case .stops: " WHERE parent_id IS NOT NULL"
            }
        try db.forEach("SELECT \(Event.columns) FROM events\(condition) ORDER BY key") { try body(Event(row: $0)) }
    }

    /// These events without participants or sources, in the order they were added; or
    /// (`inOrderAdded` false) in any order, read in the order of their ids, without a sort: tens
    /// of thousands of them (the anniversaries at a million events) in half the time.
    public func eventSummaries(ids: some Collection<String>, inOrderAdded: Bool = true) throws -> [Event] {
        guard !inOrderAdded else {
            return try db.query(
                "SELECT \(Event.columns) FROM events WHERE id IN \(Store.idList) ORDER BY key", [Array(ids).json]
            ) { Event(row: $0) }
        }
        return try db.query(
            "SELECT \(Event.columns("e")) FROM json_each(?) j JOIN events e ON e.id = j.value", [Set(ids).sorted().json]
        ) { Event(row: $0) }
    }

    /// One event without participants or sources.
    public func eventSummary(_ id: String) throws -> Event? {
        try db.first("SELECT \(Event.columns) FROM events WHERE id = ?", [id]) { Event(row: $0) }
    }

    /// The events an entity takes part in, and those held in it when the place is a side
    /// (`EventKind.isBilateral`), ordered by date: without participants or sources.
    /// `among`: only those of these events.
    public func eventsInvolving(_ id: String, among: [String]? = nil) throws -> [Event] {
        let bilateral = EventKind.allCases.filter(\.isBilateral).map(\.rawValue).json
        guard let among else {
            return try db.query(
                """
                SELECT \(Event.columns) FROM events WHERE id IN (SELECT event_id FROM participants WHERE entity_id = ?1)
                    OR (location_country_id = ?1 AND kind IN (SELECT value FROM json_each(?2)))
                ORDER BY start, id
                """, [id, bilateral]
            ) { Event(row: $0) }
        }
        return try db.query(
            """
            SELECT \(Event.columns) FROM events WHERE id IN (SELECT value FROM json_each(?3))
                AND (id IN (SELECT event_id FROM participants WHERE entity_id = ?1)
                    OR (location_country_id = ?1 AND kind IN (SELECT value FROM json_each(?2))))
            ORDER BY start, id
            """, [id, bilateral, among.json]
        ) { Event(row: $0) }
    }

    /// Events that may match a listing's filter, narrowed in SQL (through the date and kind
    /// indexes) to a superset that the caller checks exactly: of these kinds; starting before the
    /// year after `toYear` and ending in or after `fromYear` (years as four digits); with
    /// `involving` taking part, directly or through an entity of its country, or held in it.
    /// `newestFirst`: in the order listings show them (newest first, then by id, descending),
    /// `count` of them after skipping `offset`, read through the date index.
    public func eventCandidates(
        fromYear: Int?, toYear: Int?, kinds: [EventKind]?, involving: String?, newestFirst: (offset: Int, count: Int)? = nil
    ) throws -> [Event] {
        // Only the conditions asked for, so that SQLite can pick the index each one offers (a
        // condition made optional inside the SQL would hide it): at most sixteen fixed texts.
        var conditions: [String] = []
        var arguments: [SQLBindable] = []
        if let toYear {
            conditions.append("ifnull(start, within_from) < ?")
            arguments.append(String(format: "%04d", toYear + 1))
        }
        if let fromYear {
            conditions.append("substr(ifnull(end, ifnull(start, within_to)), 1, 4) >= ?")
            arguments.append(String(format: "%04d", fromYear))
        }
        if let kinds {
            // Newest first, the date index leads; the kind is checked on the rows it gives.
            conditions.append("\(newestFirst == nil ? "" : "+")kind IN (SELECT value FROM json_each(?))")
            arguments.append(kinds.map(\.rawValue).json)
        }
        if let involving {
            conditions.append("id IN (\(Store.eventsInvolving(parameter: arguments.count + 1)))")
            arguments.append(involving)
        }
        var filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        if let (offset, count) = newestFirst {
            filter += " ORDER BY ifnull(start, within_from) DESC, id DESC LIMIT ? OFFSET ?"
            arguments += [count, offset]
        }
        return try db.query("SELECT \(Event.columns) FROM events" + filter, arguments) { Event(row: $0) }
    }

    /// The participants of these events with their countries, in the order edges are drawn.
    public func participantRows(ofEvents events: [String]) throws -> [ParticipantRow] {
        try db.query(
            """
            SELECT p.event_id, p.entity_id, p.role, e.country_id FROM participants p LEFT JOIN entities e ON e.id = p.entity_id
            WHERE p.event_id IN \(Store.idList) ORDER BY p.event_id, p.role, p.entity_id
            """, [events.json]
        ) { participantRow($0) }
    }

    /// Every participant of every event with its country, event by event in the order events
    /// were added (an event without participants gives one row with no entity).
    public func forEachParticipantRow(_ body: (_ event: Event, _ participant: ParticipantRow?) throws -> Void) throws {
        var current: Event?
        try db.forEach(
            """
            SELECT e.id, e.kind, e.title, e.status, e.start, e.end, e.within_from, e.within_to, e.location_country_id,
                   e.location_city, e.parent_id, p.event_id, p.entity_id, p.role, n.country_id
            FROM events e LEFT JOIN participants p ON p.event_id = e.id LEFT JOIN entities n ON n.id = p.entity_id
            ORDER BY e.key, p.role, p.entity_id
            """
        ) { row in
            // An event's rows come together: decode it once, not once a participant.
            if current?.id != row.text("id") { current = Event(row: row) }
            try body(current!, row.isNull("entity_id") ? nil : participantRow(row))
        }
    }

    private func participantRow(_ row: Row) -> ParticipantRow {
        ParticipantRow(
            event: row.text("event_id"), entity: row.text("entity_id"), role: ParticipantRole(row.text("role")),
            country: row.string("country_id"))
    }

    /// The partnerships an entity is a party to, with their parties, by id.
    public func partnerships(of entity: String) throws -> [Partnership] {
        let ids = try db.query(
            "SELECT partnership_id FROM partnership_parties WHERE entity_id = ? ORDER BY partnership_id",
            [entity]
        ) { $0.text("partnership_id") }
        return ids.isEmpty ? [] : try partnerships(ids: ids)
    }

    /// The entities that belong to a country, in the order they were added.
    public func memberIDs(of country: String) throws -> [String] {
        try db.query("SELECT id FROM entities WHERE country_id = ? ORDER BY key", [country]) { $0.text("id") }
    }

    /// The offices a person holds (with `of`), and the people who hold an office of `id`, without sources.
    public func offices(heldBy person: String) throws -> [Office] {
        try db.query("SELECT \(Office.columns) FROM offices_held WHERE person_id = ? ORDER BY id", [person]) { Office(row: $0) }
    }

    public func officeHolders(of id: String) throws -> [(person: String, office: Office)] {
        try db.query("SELECT \(Office.columns) FROM offices_held WHERE of_id = ? ORDER BY id", [id]) {
            ($0.text("person_id"), Office(row: $0))
        }
    }

    /// Every office held of a country or organisation, in the order they were recorded, without sources.
    public func forEachOffice(_ body: (_ person: String, _ office: Office) throws -> Void) throws {
        try db.forEach("SELECT \(Office.columns) FROM offices_held WHERE of_id IS NOT NULL ORDER BY id") { row in
            try body(row.text("person_id"), Office(row: row))
        }
    }

    /// Every role key stored with an office (head_of_state, party_leader...).
    public func officeRoles() throws -> Set<String> {
        Set(try db.query("SELECT DISTINCT role FROM offices_held WHERE role IS NOT NULL") { $0.text(0) })
    }
}

/// What a full-text search finds, best first in each list.
public struct SearchHits: Sendable {
    public var entities: [Entity] = []
    public var events: [Event] = []
    public var documents: [Document] = []
}

extension Store {
    /// The FTS5 query for what a user typed: each word folded and quoted, as a prefix.
    static func matchExpression(_ text: String) -> String? {
        let words = text.folded.split(separator: " ")
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }

    /// Names, event titles and documents (with their text) that hold every word, at most `limit` of each.
    public func search(_ text: String, limit: Int) throws -> SearchHits {
        SearchHits(
            entities: try searchEntities(text, limit: limit), events: try searchEvents(text, limit: limit),
            documents: try searchDocuments(text, limit: limit))
    }

    /// Entities whose names hold every word, best first.
    public func searchEntities(_ text: String, limit: Int) throws -> [Entity] {
        guard let match = Store.matchExpression(text) else { return [] }
        return try db.query(
            """
            SELECT \(Entity.columns) FROM (
                SELECT rowid, bm25(entity_search) AS rank FROM entity_search WHERE entity_search MATCH ? ORDER BY rank LIMIT ?
            ) AS found JOIN entities ON entities.key = found.rowid ORDER BY found.rank
            """, [match, limit]
        ) { Entity(row: $0) }
    }

    /// Events whose titles hold every word, best first, without participants or sources.
    public func searchEvents(_ text: String, limit: Int) throws -> [Event] {
        guard let match = Store.matchExpression(text) else { return [] }
        return try db.query(
            """
            SELECT \(Event.columns) FROM (
                SELECT rowid, bm25(event_search) AS rank FROM event_search WHERE event_search MATCH ? ORDER BY rank LIMIT ?
            ) AS found JOIN events ON events.key = found.rowid ORDER BY found.rank
            """, [match, limit]
        ) { Event(row: $0) }
    }

    /// Documents whose title or text hold every word, best first, with their text.
    public func searchDocuments(_ text: String, limit: Int) throws -> [Document] {
        guard let match = Store.matchExpression(text) else { return [] }
        return try db.query(
            """
            SELECT \(Document.columns), body FROM (
                SELECT rowid, bm25(document_search) AS rank FROM document_search WHERE document_search MATCH ? ORDER BY rank LIMIT ?
            ) AS found JOIN documents ON documents.key = found.rowid ORDER BY found.rank
            """, [match, limit]
        ) { Document(row: $0, text: $0.string("body")) }
    }

    /// Entity ids found by full-text search, best first.
    func searchEntityIDs(_ text: String, limit: Int) throws -> [String] { try searchEntities(text, limit: limit).map(\.id) }

    /// Names of the people the knowledge base knows, in every form it knows them: what the
    /// press-release reader recognises as names.
    public func personNames() throws -> [String] {
        try db.query(
            """
            SELECT name FROM entities WHERE type = 'person'
            UNION SELECT n.name FROM entity_names n JOIN entities e ON e.id = n.entity_id WHERE e.type = 'person'
            UNION SELECT a.alias FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE e.type = 'person'
            """
        ) { $0.text("name") }
    }
}
