import Foundation

/// Writes the interchange format (`export --format json`) while it reads: one document, entity,
/// event, partnership or anniversary at a time, each encoded as `InterchangeWriter` encodes the
/// whole, so the bytes are the same and memory stays flat.
///
/// With a filter or a selection it writes that part only, and keeps it importable on its own:
/// the entities that kept facts point to (a person's country, an office's country, the place an
/// event is held) come along, a trip that is left out is no event's parent any more, and only the
/// documents that the kept facts cite are written.
public struct InterchangeStream {
    public var filter: GraphFilter
    public var selection: GraphSelection

    public init(filter: GraphFilter = GraphFilter(), selection: GraphSelection = .everything) {
        self.filter = filter
        self.selection = selection
    }

    public func write(_ store: Store, to out: TextOutput) throws {
        let db = store.db
        let scope = try Scope(store: store, filter: filter, selection: selection)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]

        func date(_ text: String?) -> PartialDate? { text.flatMap { try? PartialDate($0) } }

        func sources(_ column: String, _ owner: SQLBindable) throws -> [SourceRef] {
            try db.query("SELECT document_id, start, end, quote, note FROM sources WHERE \(column) = ? ORDER BY id", [owner]) { row in
                SourceRef(document: row.text(0), start: row.isNull(1) ? nil : row.int(1), end: row.isNull(2) ? nil : row.int(2),
                          quote: row.string(3), note: row.string(4))
            }
        }

        // The top level as JSONEncoder writes it: keys sorted, two spaces a level.
        var firstList = true
        func list(_ key: String, _ body: (_ item: (any Encodable) throws -> Void) throws -> Void) throws {
            try out.write((firstList ? "{\n" : ",\n") + "  \"\(key)\" : [")
            firstList = false
            var count = 0
            try body { item in
                try out.write(count == 0 ? "\n" : ",\n")
                try out.write(InterchangeStream.indented(try encoder.encode(item)))
                count += 1
            }
            try out.write(count == 0 ? "\n\n  ]" : "\n  ]")
        }

        try list("anniversaries") { item in
            try db.forEach("SELECT event_id, partnership_id, years, date, stated, id FROM anniversaries ORDER BY id") { row in
                guard scope.hasEvent(row.text(0)), scope.hasPartnership(row.text(1)) else { return }
                try item(Anniversary(event: row.text(0), partnership: row.text(1), years: row.int(2), date: date(row.string(3)),
                                     stated: row.bool(4), sources: try sources("anniversary_id", row.int(5))))
            }
        }
        try list("documents") { item in
            try db.forEach("SELECT id, title, lang, published, source, sha256, body FROM documents ORDER BY key") { row in
                guard scope.hasDocument(row.text(0)) else { return }
                try item(Document(id: row.text(0), title: row.string(1), lang: row.string(2), published: date(row.string(3)),
                                  source: row.string(4), sha256: row.string(5), text: row.string(6)))
            }
        }
        try list("entities") { item in
            try db.forEach("SELECT id, type, name, iso, country_id FROM entities ORDER BY key") { row in
                let id = row.text(0)
                guard scope.hasEntity(id) else { return }
                var names: [String: String] = [:]
                try db.forEach("SELECT lang, name FROM entity_names WHERE entity_id = ?", [id]) { names[$0.text(0)] = $0.text(1) }
                let aliases = try db.query("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY rowid", [id]) { $0.text(0) }
                var offices: [Office] = []
                try db.forEach("SELECT title, role, of_id, start, end, id FROM offices_held WHERE person_id = ? ORDER BY id", [id]) { row in
                    offices.append(Office(title: row.text(0), role: row.string(1), of: row.string(2), start: date(row.string(3)),
                                          end: date(row.string(4)), sources: try sources("office_id", row.int(5))))
                }
                try item(Entity(id: id, type: EntityType(rawValue: row.text(1)) ?? .organization, name: row.text(2), names: names,
                                aliases: aliases, iso: row.string(3), country: row.string(4), offices: offices,
                                sources: try sources("entity_id", id)))
            }
        }
        try list("events") { item in
            try db.forEach("""
                SELECT id, kind, title, status, start, end, within_from, within_to, location_country_id, location_city, parent_id
                FROM events ORDER BY key
                """) { row in
                let id = row.text(0)
                guard scope.hasEvent(id) else { return }
                var within: [PartialDate]?
                if let from = date(row.string(6)), let to = date(row.string(7)) { within = [from, to] }
                let location: Location? = row.isNull(8) && row.isNull(9) ? nil : Location(country: row.string(8), city: row.string(9))
                let participants = try db.query("SELECT entity_id, role FROM participants WHERE event_id = ?", [id]) {
                    Participant(entity: $0.text(0), role: $0.text(1))
                }.sorted { ($0.role, $0.entity) < ($1.role, $1.entity) }
                try item(Event(id: id, kind: EventKind(rawValue: row.text(1)) ?? .other, title: row.text(2),
                               status: EventStatus(rawValue: row.text(3)) ?? .unknown, start: date(row.string(4)), end: date(row.string(5)),
                               within: within, location: location, participants: participants,
                               parent: row.string(10).flatMap { scope.hasEvent($0) ? $0 : nil }, sources: try sources("event_id", id)))
            }
        }
        try out.write(",\n  \"format\" : \"\(KnowledgeBase.formatName)\"")
        firstList = false
        try list("partnerships") { item in
            try db.forEach("SELECT id, level, established FROM partnerships ORDER BY id") { row in
                let id = row.text(0)
                guard scope.hasPartnership(id) else { return }
                let parties = try db.query("SELECT entity_id FROM partnership_parties WHERE partnership_id = ? ORDER BY entity_id", [id]) { $0.text(0) }
                var history: [Milestone] = []
                try db.forEach("""
                    SELECT level, date, inferred, id FROM partnership_history WHERE partnership_id = ? ORDER BY ifnull(date, '9999'), id
                    """, [id]) { row in
                    guard let level = try? PartnershipLevel(row.text(0)) else { return }
                    history.append(Milestone(level: level, date: date(row.string(1)), inferred: row.bool(2),
                                             sources: try sources("history_id", row.int(3))))
                }
                try item(Partnership(id: id, parties: parties, level: try PartnershipLevel(row.text(1)), established: date(row.string(2)),
                                     history: history, sources: try sources("partnership_id", id)))
            }
        }
        try out.write("\n}\n")
        try out.flush()
    }

    /// Encoded JSON two levels in, as the whole document would have it: four spaces before each
    /// line but the blank line JSONEncoder leaves inside an empty list. Byte by byte, for speed.
    static func indented(_ json: Data) -> [UInt8] {
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 4)
        json.withUnsafeBytes { bytes in
            var lineStart = true
            for byte in bytes {
                if lineStart && byte != newline { out.append(space); out.append(space); out.append(space); out.append(space) }
                out.append(byte)
                lineStart = byte == newline
            }
        }
        return out
    }

    /// Which facts a filtered export keeps, as sets of ids; nil sets keep everything.
    struct Scope {
        var entities: Set<String>?
        var events: Set<String>?
        var partnerships: Set<String>?
        var documents: Set<String>?

        init(store: Store, filter: GraphFilter, selection: GraphSelection) throws {
            guard !filter.isEmpty || selection.entities != nil || selection.events != nil else { return }
            let db = store.db
            var events = Set<String>()
            try db.forEach("SELECT id, kind, start, end, within_from, within_to, location_country_id FROM events") { row in
                let event = EventRow(row, start: 2)
                if selection.hasEvent(event.id),
                   filter.keepsEvent(kind: event.kind, start: event.start, end: event.end, withinFrom: event.withinFrom, withinTo: event.withinTo) {
                    events.insert(event.id)
                }
            }
            if var entities = selection.entities {
                // What the kept facts point to comes along, until nothing new is pointed to.
                var pending = Array(entities)
                for event in events {
                    pending += try db.query("""
                        SELECT location_country_id FROM events WHERE id = ?1 AND location_country_id IS NOT NULL
                        UNION SELECT entity_id FROM participants WHERE event_id = ?1
                        """, [event]) { $0.text(0) }
                }
                while let id = pending.popLast() {
                    entities.insert(id)
                    let pointed = try db.query("""
                        SELECT country_id FROM entities WHERE id = ?1 AND country_id IS NOT NULL
                        UNION SELECT of_id FROM offices_held WHERE person_id = ?1 AND of_id IS NOT NULL
                        """, [id]) { $0.text(0) }
                    pending += pointed.filter { !entities.contains($0) }
                }
                self.entities = entities
            }
            let entities = self.entities
            var partnerships = Set<String>()
            var current: (id: String, kept: Bool)?
            try db.forEach("""
                SELECT p.id, p.established, pp.entity_id FROM partnerships p JOIN partnership_parties pp ON pp.partnership_id = p.id
                ORDER BY p.id
                """) { row in
                if current?.id != row.text(0) {
                    if let current, current.kept { partnerships.insert(current.id) }
                    current = (row.text(0), filter.keepsSpan(start: row.string(1), end: nil))
                }
                if !(entities?.contains(row.text(2)) ?? true) { current?.kept = false }
            }
            if let current, current.kept { partnerships.insert(current.id) }
            var documents = Set<String>()
            try db.forEach("""
                SELECT s.document_id, s.entity_id, o.person_id, s.event_id, ifnull(s.partnership_id, h.partnership_id),
                       a.event_id, a.partnership_id
                FROM sources s LEFT JOIN offices_held o ON o.id = s.office_id
                LEFT JOIN partnership_history h ON h.id = s.history_id LEFT JOIN anniversaries a ON a.id = s.anniversary_id
                """) { row in
                func entity(_ id: String) -> Bool { entities?.contains(id) ?? true }
                let cited = row.string(1).map(entity) ?? row.string(2).map(entity) ?? row.string(3).map(events.contains)
                    ?? row.string(4).map(partnerships.contains) ?? (events.contains(row.text(5)) && partnerships.contains(row.text(6)))
                if cited { documents.insert(row.text(0)) }
            }
            self.events = events
            self.partnerships = partnerships
            self.documents = documents
        }

        func hasEntity(_ id: String) -> Bool { entities?.contains(id) ?? true }
        func hasEvent(_ id: String) -> Bool { events?.contains(id) ?? true }
        func hasPartnership(_ id: String) -> Bool { partnerships?.contains(id) ?? true }
        func hasDocument(_ id: String) -> Bool { documents?.contains(id) ?? true }
    }
}
