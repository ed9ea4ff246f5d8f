import Foundation

/// Reading facts back as interchange values, in bulk (for exports) or one at a time.
extension Store {
    /// The whole knowledge base as an interchange document.
    public func knowledgeBase(includeText: Bool = true) throws -> KnowledgeBase {
        KnowledgeBase(documents: try documents(includeText: includeText), entities: try entities(),
                      events: try events(), partnerships: try partnerships(), anniversaries: try anniversaries())
    }

    public func documents(includeText: Bool = true) throws -> [Document] {
        try db.query("SELECT id, title, lang, published, source, sha256, body FROM documents ORDER BY key") { row in
            Document(id: row.text(0), title: row.string(1), lang: row.string(2),
                     published: row.string(3).flatMap { try? PartialDate($0) }, source: row.string(4),
                     sha256: row.string(5), text: includeText ? row.string(6) : nil)
        }
    }

    /// Sources grouped by the fact they belong to (the value of `column`).
    func sources<Key: Hashable>(by column: String, _ key: (Row, Int) -> Key, where filter: String = "",
                                _ arguments: [SQLBindable] = []) throws -> [Key: [SourceRef]] {
        var result: [Key: [SourceRef]] = [:]
        try db.forEach("""
            SELECT document_id, start, end, quote, note, \(column) FROM sources WHERE \(column) IS NOT NULL \(filter) ORDER BY id
            """, arguments) { row in
            let source = SourceRef(document: row.text(0), start: row.isNull(1) ? nil : row.int(1),
                                   end: row.isNull(2) ? nil : row.int(2), quote: row.string(3), note: row.string(4))
            result[key(row, 5), default: []].append(source)
        }
        return result
    }

    public func entities(ids: [String]? = nil) throws -> [Entity] {
        let filter = ids.map { "WHERE id IN (\($0.map { _ in "?" }.joined(separator: ",")))" } ?? ""
        let arguments: [SQLBindable] = ids ?? []
        var names: [String: [String: String]] = [:], aliases: [String: [String]] = [:], offices: [String: [Office]] = [:]
        let nameFilter = ids.map { "WHERE entity_id IN (\($0.map { _ in "?" }.joined(separator: ",")))" } ?? ""
        try db.forEach("SELECT entity_id, lang, name FROM entity_names \(nameFilter)", arguments) {
            names[$0.text(0), default: [:]][$0.text(1)] = $0.text(2)
        }
        try db.forEach("SELECT entity_id, alias FROM entity_aliases \(nameFilter) ORDER BY rowid", arguments) {
            aliases[$0.text(0), default: []].append($0.text(1))
        }
        let officeSources = try sources(by: "office_id", { $0.int($1) })
        let personFilter = ids.map { "WHERE person_id IN (\($0.map { _ in "?" }.joined(separator: ",")))" } ?? ""
        try db.forEach("SELECT person_id, title, role, of_id, start, end, id FROM offices_held \(personFilter) ORDER BY id",
                       arguments) { row in
            offices[row.text(0), default: []].append(Office(
                title: row.text(1), role: row.string(2), of: row.string(3),
                start: row.string(4).flatMap { try? PartialDate($0) }, end: row.string(5).flatMap { try? PartialDate($0) },
                sources: officeSources[row.int(6)] ?? []))
        }
        let entitySources = try sources(by: "entity_id", { $0.text($1) })
        return try db.query("SELECT id, type, name, iso, country_id FROM entities \(filter) ORDER BY key", arguments) { row in
            let id = row.text(0)
            return Entity(id: id, type: EntityType(rawValue: row.text(1)) ?? .organization, name: row.text(2),
                          names: names[id] ?? [:], aliases: aliases[id] ?? [], iso: row.string(3), country: row.string(4),
                          offices: offices[id] ?? [], sources: entitySources[id] ?? [])
        }
    }

    public func entity(_ id: String) throws -> Entity? { try entities(ids: [id]).first }

    public func events(ids: [String]? = nil) throws -> [Event] {
        let marks = ids.map { $0.map { _ in "?" }.joined(separator: ",") }
        let arguments: [SQLBindable] = ids ?? []
        var participants: [String: [Participant]] = [:]
        try db.forEach("SELECT event_id, entity_id, role FROM participants \(marks.map { "WHERE event_id IN (\($0))" } ?? "")",
                       arguments) {
            participants[$0.text(0), default: []].append(Participant(entity: $0.text(1), role: $0.text(2)))
        }
        let eventSources = try sources(by: "event_id", { $0.text($1) },
                                       where: marks.map { "AND event_id IN (\($0))" } ?? "", arguments)
        return try db.query("""
            SELECT id, kind, title, status, start, end, within_from, within_to, location_country_id, location_city, parent_id
            FROM events \(marks.map { "WHERE id IN (\($0))" } ?? "") ORDER BY key
            """, arguments) { row in
            let id = row.text(0)
            func date(_ i: Int) -> PartialDate? { row.string(i).flatMap { try? PartialDate($0) } }
            var within: [PartialDate]?
            if let from = date(6), let to = date(7) { within = [from, to] }
            let location: Location? = row.isNull(8) && row.isNull(9) ? nil : Location(country: row.string(8), city: row.string(9))
            return Event(id: id, kind: EventKind(rawValue: row.text(1)) ?? .other, title: row.text(2),
                         status: EventStatus(rawValue: row.text(3)) ?? .unknown, start: date(4), end: date(5),
                         within: within, location: location,
                         participants: (participants[id] ?? []).sorted { ($0.role, $0.entity) < ($1.role, $1.entity) },
                         parent: row.string(10), sources: eventSources[id] ?? [])
        }
    }

    public func event(_ id: String) throws -> Event? { try events(ids: [id]).first }

    public func partnerships(ids: [String]? = nil) throws -> [Partnership] {
        let marks = ids.map { $0.map { _ in "?" }.joined(separator: ",") }
        let arguments: [SQLBindable] = ids ?? []
        var parties: [String: [String]] = [:], history: [String: [Milestone]] = [:]
        try db.forEach("""
            SELECT partnership_id, entity_id FROM partnership_parties \(marks.map { "WHERE partnership_id IN (\($0))" } ?? "")
            ORDER BY entity_id
            """, arguments) { parties[$0.text(0), default: []].append($0.text(1)) }
        let historySources = try sources(by: "history_id", { $0.int($1) })
        try db.forEach("""
            SELECT partnership_id, level, date, inferred, id FROM partnership_history
            \(marks.map { "WHERE partnership_id IN (\($0))" } ?? "") ORDER BY ifnull(date, '9999'), id
            """, arguments) { row in
            guard let level = try? PartnershipLevel(row.text(1)) else { return }
            history[row.text(0), default: []].append(Milestone(
                level: level, date: row.string(2).flatMap { try? PartialDate($0) }, inferred: row.bool(3),
                sources: historySources[row.int(4)] ?? []))
        }
        let partnershipSources = try sources(by: "partnership_id", { $0.text($1) })
        return try db.query("SELECT id, level, established FROM partnerships \(marks.map { "WHERE id IN (\($0))" } ?? "") ORDER BY id",
                            arguments) { row in
            let id = row.text(0)
            return Partnership(id: id, parties: parties[id] ?? [], level: try PartnershipLevel(row.text(1)),
                               established: row.string(2).flatMap { try? PartialDate($0) }, history: history[id] ?? [],
                               sources: partnershipSources[id] ?? [])
        }
    }

    public func partnership(_ id: String) throws -> Partnership? { try partnerships(ids: [id]).first }

    /// The partnership between exactly these parties at this level, or on the same ladder.
    public func partnershipID(parties: [String], level: PartnershipLevel) throws -> String? {
        let wanted = Set(parties)
        guard let first = parties.first else { return nil }
        let candidates = try db.query("""
            SELECT p.id, p.level FROM partnerships p JOIN partnership_parties pp ON pp.partnership_id = p.id
            WHERE pp.entity_id = ? ORDER BY p.id
            """, [first]) { ($0.text(0), $0.text(1)) }
        for (id, key) in candidates {
            guard let other = try? PartnershipLevel(key), other == level || (other.rank != nil && level.rank != nil) else { continue }
            let theirs = Set(try db.query("SELECT entity_id FROM partnership_parties WHERE partnership_id = ?", [id]) { $0.text(0) })
            if theirs == wanted { return id }
        }
        return nil
    }

    public func anniversaries() throws -> [Anniversary] {
        let anniversarySources = try sources(by: "anniversary_id", { $0.int($1) })
        return try db.query("SELECT event_id, partnership_id, years, date, stated, id FROM anniversaries ORDER BY id") { row in
            Anniversary(event: row.text(0), partnership: row.text(1), years: row.int(2),
                        date: row.string(3).flatMap { try? PartialDate($0) }, stated: row.bool(4),
                        sources: anniversarySources[row.int(5)] ?? [])
        }
    }
}
