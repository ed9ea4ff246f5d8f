import DiploModel
import Foundation

/// What one import added to the knowledge base and what it found there already.
public struct MergeReport: Equatable, Sendable {
    public var added: [String: Int] = [:]
    public var merged: [String: Int] = [:]
    /// Rows written: a name, a source or a step of history counts as much as a new entity.
    public var changes = 0

    public var changedNothing: Bool { changes == 0 }

    public init() {}

    mutating func count(_ category: String, new: Bool) {
        if new { added[category, default: 0] += 1 } else { merged[category, default: 0] += 1 }
    }
}

extension Store {
    /// Writes an interchange document into the knowledge base in one transaction, merging what
    /// it already holds: all of it lands, or, on any error, none of it. Errors name `file` and
    /// the JSON path at fault.
    /// `fileDigest`: the SHA-256 of the file's bytes, recorded with what it yields, so that the
    /// same file imported again is known at once (`fileImported(sha256:)`).
    /// `source`: an interchange document in memory, or a file read a record at a time.
    @discardableResult
    public func merge(
        _ source: some MergeSource, file: String, fileDigest: String? = nil,
        progress: ((_ events: Int, _ total: Int) -> Void)? = nil
    ) throws -> MergeReport {
        // A bulk load sorts indexes at its end (`dropIndexesForABulkLoad`): its sort spills to
        // temporary files on disk, not to memory as statement journals otherwise do.
        let bulk =
            try !db.isInTransaction && source.eventCount >= bulkLoadEvents
            && db.first("SELECT 1 FROM events LIMIT 1") { _ in true } == nil
        if bulk { try db.execute("PRAGMA temp_store = FILE") }
        defer { if bulk { try? db.execute("PRAGMA temp_store = MEMORY") } }
        return try db.transaction {
            var merger = Merger(store: self, file: file, source: source)
            merger.progress = progress
            try merger.run()
            if let fileDigest {
                try db.run("INSERT OR IGNORE INTO imported_files (sha256, name) VALUES (?, ?)", [fileDigest, file])
            }
            return merger.report
        }
    }
}

/// One merge: maps the file's ids to the knowledge base's and writes each fact once.
struct Merger<Source: MergeSource> {
    let store: Store
    let file: String
    let source: Source
    var db: Database { store.db }
    var report = MergeReport()
    var documentIDs: [String: String] = [:]
    var entityIDs: [String: String] = [:]
    /// The file's events that are known by another id (another report of an event known before):
    /// every other event of the file has its own id in the knowledge base.
    var eventIDs: [String: String] = [:]
    /// Events known before that this merge reported again: their links are merged after every
    /// event of the file is resolved.
    var knownEventsMerged: Set<String> = []
    /// Trips of events created by this merge that come later in the file: linked once every event is resolved.
    var pendingTrips: [(event: String, trip: String, place: String)] = []
    /// Events created by this merge whose rows wait to be written a batch at a time.
    var newEvents = NewEventBatch()
    var partnershipIDs: [String: String] = [:]
    /// Partnerships this merge created or gave a claim (a level, a date): their anniversaries change.
    var partnershipsWithNewClaims: Set<String> = []
    /// Events this merge wrote a stated anniversary of: their listed anniversaries change.
    var eventsWithAnniversaries: [String] = []
    /// Entities known before that this merge gave another name: the listing names them.
    var entitiesRenamed: [String] = []
    /// Entities known before whose country this merge set: their events have new sides.
    var entitiesWithNewCountry: [String] = []
    /// Entities this merge created: no event known before this merge has them.
    var entitiesCreated: Set<String> = []
    /// Each entity's type and country, as `sides(of:)` asks for them again and again.
    var entityFacts: [String: (type: String, country: String)] = [:]
    var touchedEntities: Set<String> = []
    /// The last event key before this merge: only events up to it can be another report of one here.
    var knownEventKeys = 0
    /// Documents known to the knowledge base, by id, as sources name them.
    var knownDocuments: [String: String] = [:]
    /// Told every thousand events, for a progress line.
    var progress: ((Int, Int) -> Void)?

    init(store: Store, file: String, source: Source) {
        self.store = store
        self.file = file
        self.source = source
    }

    func fail(_ place: String, _ reason: String) -> DiploError {
        DiploError.badInput(file: file, place: place, reason: reason)
    }

    mutating func run() throws {
        try source.checkUniqueIDs(file: file)
        knownEventKeys = try db.first("SELECT ifnull(max(key), 0) AS last FROM events") { $0.int("last") } ?? 0
        try source.eachDocument { i, document in try mergeDocument(document, at: "documents[\(i)]") }
        // Entities in two passes: who they are first (so that references between them resolve
        // whatever their order), then what points elsewhere.
        try source.eachEntity { i, entity in try resolveEntity(entity, at: "entities[\(i)]") }
        try source.eachEntity { i, entity in try mergeEntityLinks(entity, at: "entities[\(i)]") }
        // Events in one pass: an event new to the knowledge base is written whole at once (only a
        // trip later in the file waits); one known before is resolved now and merged once all are
        // resolved, so that no report of this file changes what another is compared with.
        var reportsOfKnown: [Int] = []
        let total = source.eventCount
        // Many events into a knowledge base without any: the indexes the events pass does not
        // read are built after it, all at once.
        let indexes = knownEventKeys == 0 && total >= store.bulkLoadEvents ? try store.dropIndexesForABulkLoad() : []
        try source.eachEvent(only: nil) { i, event in
            if try resolveEvent(event, at: "events[\(i)]") {
                try linkNewEvent(event, at: "events[\(i)]")
            } else {
                reportsOfKnown.append(i)
            }
            if newEvents.ids.count >= store.newEventBatchSize { try writeNewEvents() }
            if i % 1_000 == 999 { progress?(i + 1, total) }
        }
        try writeNewEvents()
        try linkPendingTrips()
        try store.buildIndexes(indexes)
        if !reportsOfKnown.isEmpty {
            try source.eachEvent(only: reportsOfKnown) { i, event in try mergeEventLinks(event, at: "events[\(i)]") }
        }
        try source.eachPartnership { i, partnership in try mergePartnership(partnership, at: "partnerships[\(i)]") }
        try source.eachAnniversary { i, anniversary in try mergeAnniversary(anniversary, at: "anniversaries[\(i)]") }
        try linkToTrips()
        if report.changes > 0 {
            for id in touchedEntities { try store.reindexEntity(id) }
            try refreshAnniversaryCandidates()
        }
    }

    /// The anniversary candidates of what this merge added or changed: its events, the events of
    /// entities that gained a country, the partnerships that gained a claim (all of them again when
    /// many did).
    /// Then the listing of anniversaries: of those events, the events of stated anniversaries this
    /// merge wrote, and those of every partnership it wrote (a source may have come first) or
    /// whose party it renamed.
    func refreshAnniversaryCandidates() throws {
        if partnershipsWithNewClaims.count > 64 {
            try store.refreshAnniversaryCandidates(events: .all, partnerships: [])
            try store.refreshAnniversaryListing(events: .all, partnerships: [])
            return
        }
        var events = Array(knownEventsMerged)
        for entity in entitiesWithNewCountry {
            events += try db.query("SELECT event_id FROM participants WHERE entity_id = ?", [entity]) { $0.text(0) }
        }
        let selection = Store.EventSelection.after(key: knownEventKeys, and: events.uniqued())
        try store.refreshAnniversaryCandidates(events: selection, partnerships: partnershipsWithNewClaims)
        var partnerships = Set(partnershipIDs.values)
        if !entitiesRenamed.isEmpty {
            partnerships.formUnion(
                try db.query(
                    "SELECT partnership_id FROM partnership_parties WHERE entity_id IN \(Store.idList)", [entitiesRenamed.json]
                ) { $0.text(0) })
        }
        try store.refreshAnniversaryListing(
            events: .after(key: knownEventKeys, and: (events + eventsWithAnniversaries).uniqued()), partnerships: partnerships)
    }

    // MARK: Trips

    /// An event that one source records inside a trip another source announced is a stop of that
    /// trip: an event without a trip, not itself a trip, whose dates lie within a trip's dates and
    /// in which a traveller of the trip (a guest of it) takes part other than as host. Runs both
    /// ways, for the events and the trips of this merge.
    mutating func linkToTrips() throws {
        guard try db.first("SELECT 1 FROM events WHERE kind = 'trip' LIMIT 1", [], { _ in true }) != nil else { return }
        let guestRoles = ParticipantRole.guestSide.map(\.rawValue).json
        let hostRoles = ParticipantRole.hostSide.map(\.rawValue).json
        var links: [String: String] = [:]
        let created = try db.query("SELECT id FROM events WHERE key > ?", [knownEventKeys]) { $0.text(0) }
        for id in (created + knownEventsMerged).sorted() {
            guard let event = try store.eventSummary(id) else { continue }
            if event.kind == .trip {
                guard let tripDays = event.dayRange else { continue }
                let candidates = try db.query(
                    """
                    SELECT DISTINCT e.id FROM events e JOIN participants p ON p.event_id = e.id
                    WHERE e.parent_id IS NULL AND e.kind != 'trip' AND e.id != ?1
                    AND p.role NOT IN (SELECT value FROM json_each(?3))
                    AND p.entity_id IN (SELECT entity_id FROM participants q JOIN entities n ON n.id = q.entity_id
                        WHERE q.event_id = ?1 AND n.type = 'person' AND q.role IN (SELECT value FROM json_each(?2)))
                    """, [id, guestRoles, hostRoles]
                ) { $0.text(0) }
                for candidate in candidates {
                    guard let days = try store.eventSummary(candidate)?.dayRange, tripDays.lowerBound <= days.lowerBound,
                        days.upperBound <= tripDays.upperBound
                    else { continue }
                    links[candidate] = try tightestTrip(for: candidate, days: days) ?? id
                }
            } else if event.parent == nil, let days = event.dayRange, let trip = try tightestTrip(for: id, days: days) {
                links[id] = trip
            }
        }
        for (event, trip) in links.sorted(by: { $0.key < $1.key }) {
            try write("UPDATE events SET parent_id = ? WHERE id = ? AND parent_id IS NULL", [trip, event])
        }
    }

    /// The shortest trip whose dates hold `days` and whose traveller takes part in the event
    /// other than as host.
    func tightestTrip(for id: String, days: ClosedRange<Int>) throws -> String? {
        let trips = try db.query(
            """
            SELECT DISTINCT t.id FROM events t JOIN participants tp ON tp.event_id = t.id
            JOIN participants ep ON ep.entity_id = tp.entity_id JOIN entities n ON n.id = tp.entity_id
            WHERE t.kind = 'trip' AND t.id != ?1 AND ep.event_id = ?1 AND n.type = 'person'
            AND tp.role IN (SELECT value FROM json_each(?2)) AND ep.role NOT IN (SELECT value FROM json_each(?3))
            """, [id, ParticipantRole.guestSide.map(\.rawValue).json, ParticipantRole.hostSide.map(\.rawValue).json]
        ) { $0.text(0) }
        var best: (length: Int, id: String)?
        for trip in trips {
            guard let tripDays = try store.eventSummary(trip)?.dayRange, tripDays.lowerBound <= days.lowerBound,
                days.upperBound <= tripDays.upperBound
            else { continue }
            let length = tripDays.count
            if best.map({ (length, trip) < ($0.length, $0.id) }) ?? true { best = (length, trip) }
        }
        return best?.id
    }

    /// Runs a statement that writes, counting the rows it changed; returns how many.
    @discardableResult
    mutating func write(_ sql: String, _ arguments: [SQLBindable]) throws -> Int {
        let changed = try db.run(sql, arguments)
        report.changes += changed
        return changed
    }

    // MARK: References

    func entity(_ id: String, at place: String) throws -> String {
        if let mapped = entityIDs[id] { return mapped }
        if try store.entityExists(id) { return id }
        throw fail(place, "no entity \"\(id)\" in this file or the knowledge base")
    }

    func event(_ id: String, at place: String) throws -> String {
        guard let found = try knownEvent(id) else { throw fail(place, "no event \"\(id)\" in this file or the knowledge base") }
        return found
    }

    /// The knowledge base's id of an event of the file resolved so far, or of one known before.
    func knownEvent(_ id: String) throws -> String? {
        if let mapped = eventIDs[id] { return mapped }
        return try db.first("SELECT 1 FROM events WHERE id = ?", [id], { _ in true }) != nil ? id : nil
    }

    func partnership(_ id: String, at place: String) throws -> String {
        if let mapped = partnershipIDs[id] { return mapped }
        if try db.first("SELECT 1 FROM partnerships WHERE id = ?", [id], { _ in true }) != nil { return id }
        throw fail(place, "no partnership \"\(id)\" in this file or the knowledge base")
    }

    enum SourceOwner {
        case entity(String)
        case office(Int)
        case event(String)
        case partnership(String)
        case history(Int)
        case anniversary(Int)

        var column: String {
            switch self {
            case .entity: "entity_id"
            case .office: "office_id"
            case .event: "event_id"
            case .partnership: "partnership_id"
            case .history: "history_id"
            case .anniversary: "anniversary_id"
            }
        }

        var value: SQLBindable {
            switch self {
            case .entity(let id), .event(let id), .partnership(let id): id
            case .office(let id), .history(let id), .anniversary(let id): id
            }
        }
    }

    /// The knowledge base's id of the document a source names, its span checked.
    mutating func checkedDocument(of source: SourceRef, at place: String) throws -> String {
        guard let document = try documentID(source.document) else {
            throw fail("\(place).document", "no document \"\(source.document)\" in this file or the knowledge base")
        }
        if let start = source.start, let end = source.end, start > end || start < 0 {
            throw fail(place, "the span \(start)-\(end) runs backwards")
        }
        return document
    }

    /// Adds the sources a fact lacks.
    mutating func addSources(_ sources: [SourceRef], to owner: SourceOwner, at place: String) throws {
        for (i, source) in sources.enumerated() {
            let document = try checkedDocument(of: source, at: "\(place).sources[\(i)]")
            let column = owner.column
            try write(
                """
                INSERT INTO sources (document_id, start, end, quote, note, \(column))
                SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (
                    SELECT 1 FROM sources WHERE \(column) = ?6 AND document_id = ?1 AND start IS ?2
                    AND end IS ?3 AND quote IS ?4 AND note IS ?5)
                """, [document, source.start, source.end, source.quote, source.note, owner.value])
        }
    }

    /// The knowledge base's id of a document a source names: this file's, or one it knows.
    mutating func documentID(_ id: String) throws -> String? {
        if let mapped = documentIDs[id] ?? knownDocuments[id] { return mapped }
        let known = try db.first("SELECT id FROM documents WHERE id = ?", [id]) { $0.text("id") }
        if let known { knownDocuments[id] = known }
        return known
    }

    // MARK: Documents

    mutating func mergeDocument(_ document: Document, at place: String) throws {
        if let existing = try db.first(
            "SELECT id FROM documents WHERE id = ? OR (sha256 IS NOT NULL AND sha256 = ?)",
            [document.id, document.sha256], { $0.text(0) })
        {
            documentIDs[document.id] = existing
            // A document first known by reference gains its text when the text arrives.
            if let text = document.text {
                try write("UPDATE documents SET body = ? WHERE id = ? AND body IS NULL", [text, existing])
                try store.reindexDocument(existing)
            }
            report.count("documents", new: false)
            return
        }
        try write(
            """
            INSERT INTO documents (id, title, lang, published, source, sha256, body) VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                document.id, document.title, document.lang, document.published?.description, document.source,
                document.sha256, document.text,
            ])
        documentIDs[document.id] = document.id
        try store.reindexDocument(document.id, text: document.text)
        report.count("documents", new: true)
    }

    // MARK: Entities

    /// Finds the entity in the knowledge base (same id; same ISO code; same type and a name or
    /// alias that folds alike), or creates it; then adds its names.
    mutating func resolveEntity(_ entity: Entity, at place: String) throws {
        var iso: String?
        if let code = entity.iso {
            guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw fail("\(place).iso", "\"\(code)\" is not an ISO 3166-1 alpha-2 code")
            }
            iso = code.uppercased()
        }
        var target: String?
        if let type = try store.entityType(of: entity.id) {
            guard type == entity.type else {
                throw fail(
                    "\(place).type", "\"\(entity.id)\" is a \(type.rawValue) in the knowledge base, not a \(entity.type.rawValue)"
                )
            }
            target = entity.id
        } else if let iso, let existing = try store.entityID(iso: iso) {
            target = existing
        } else {
            for name in entity.allNames {
                if let existing = try store.entityIDs(named: name, type: entity.type).first {
                    target = existing
                    break
                }
            }
        }
        let id: String
        if let target {
            id = target
            // A name without diacritics gives way to the same name with them ("To Lam", "Tô Lâm"),
            // and stays as an alias.
            if let current = try db.first("SELECT name FROM entities WHERE id = ?", [id], { $0.text(0) }),
                current != entity.name, current.allSatisfy(\.isASCII), !entity.name.allSatisfy(\.isASCII),
                current.folded == entity.name.folded
            {
                try write("UPDATE entities SET name = ? WHERE id = ?", [entity.name, id])
                entitiesRenamed.append(id)
                try write(
                    "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, folded) VALUES (?, ?, ?)",
                    [id, current, current.folded])
            }
            if let iso {
                let current = try db.first("SELECT iso FROM entities WHERE id = ?", [id]) { $0.string(0) } ?? nil
                if current == nil {
                    try write("UPDATE entities SET iso = ? WHERE id = ?", [iso, id])
                } else if current != iso {
                    throw fail("\(place).iso", "\(entity.name) is \(current!) in the knowledge base, not \(iso)")
                }
            }
        } else {
            id = entity.id
            try write(
                "INSERT INTO entities (id, type, name, folded, iso) VALUES (?, ?, ?, ?, ?)",
                [id, entity.type.rawValue, entity.name, entity.name.folded, iso])
            entitiesCreated.insert(id)
        }
        report.count("entities", new: target == nil)
        entityIDs[entity.id] = id
        touchedEntities.insert(id)
        try addNames(of: entity, to: id)
    }

    /// Adds the languages the entity lacks; a name that differs from the one it has becomes an alias.
    mutating func addNames(of entity: Entity, to id: String) throws {
        var aliases = entity.aliases
        for (lang, name) in entity.names.sorted(by: { $0.key < $1.key }) {
            let current = try db.first("SELECT name FROM entity_names WHERE entity_id = ? AND lang = ?", [id, lang]) {
                $0.text(0)
            }
            if current == nil {
                try write(
                    "INSERT INTO entity_names (entity_id, lang, name, folded) VALUES (?, ?, ?, ?)",
                    [id, lang, name, name.folded])
            } else if current != name {
                aliases.append(name)
            }
        }
        let current = try db.first("SELECT name FROM entities WHERE id = ?", [id]) { $0.text(0) }
        if current != entity.name && !entity.names.values.contains(entity.name) { aliases.append(entity.name) }
        for alias in aliases where alias != current {
            try write(
                "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, folded) VALUES (?, ?, ?)",
                [id, alias, alias.folded])
        }
    }

    mutating func mergeEntityLinks(_ entity: Entity, at place: String) throws {
        let id = entityIDs[entity.id]!
        if let country = entity.country {
            let countryID = try self.entity(country, at: "\(place).country")
            if countryID != id,
                try write("UPDATE entities SET country_id = ? WHERE id = ? AND country_id IS NULL", [countryID, id]) > 0,
                !entitiesCreated.contains(id)
            {
                entitiesWithNewCountry.append(id)
            }
        }
        for (i, office) in entity.offices.enumerated() {
            let officePlace = "\(place).offices[\(i)]"
            let of = try office.of.map { try self.entity($0, at: "\(officePlace).of") }
            // The same office named in another language is the same row, found by its role.
            let existingID = try db.first(
                """
                SELECT id FROM offices_held WHERE person_id = ?1 AND ifnull(of_id, '') = ifnull(?2, '')
                AND (title = ?3 OR (role IS NOT NULL AND role = ?4))
                AND (start IS ?5 OR start IS NULL OR ?5 IS NULL) ORDER BY title = ?3 DESC LIMIT 1
                """, [id, of, office.title, office.role, office.start?.description]
            ) { $0.int(0) }
            let officeID: Int
            if let existing = existingID {
                officeID = existing
                try write(
                    """
                    UPDATE offices_held SET start = ifnull(start, ?1), end = ifnull(end, ?2), role = ifnull(role, ?3)
                    WHERE id = ?4 AND ((start IS NULL AND ?1 IS NOT NULL) OR (end IS NULL AND ?2 IS NOT NULL)
                        OR (role IS NULL AND ?3 IS NOT NULL))
                    """, [office.start?.description, office.end?.description, office.role, existing])
            } else {
                try write(
                    "INSERT INTO offices_held (person_id, title, role, of_id, start, end) VALUES (?, ?, ?, ?, ?, ?)",
                    [id, office.title, office.role, of, office.start?.description, office.end?.description])
                officeID = Int(db.lastInsertRowID)
            }
            report.count("offices", new: existingID == nil)
            try addSources(office.sources, to: .office(officeID), at: officePlace)
        }
        try addSources(entity.sources, to: .entity(id), at: place)
    }

    // MARK: Events

    /// Finds the event in the knowledge base (same id; another report of it), or creates it
    /// without its links. True when it was created.
    mutating func resolveEvent(_ event: Event, at place: String) throws -> Bool {
        var target: String?
        if let kind = try db.first("SELECT kind FROM events WHERE id = ?", [event.id], { $0.text(0) }) {
            guard EventKind(rawValue: kind)?.family == event.kind.family else {
                throw fail("\(place).kind", "\"\(event.id)\" is a \(kind) in the knowledge base, not a \(event.kind.rawValue)")
            }
            target = event.id
        } else {
            target = try sameEvent(as: event, at: place)
        }
        let id = target ?? event.id
        if target == nil {
            // Written whole with its links (`linkNewEvent`, a batch at a time): only a trip that
            // comes later in the file is set afterwards.
            if let start = event.start, let end = event.end, end < start {
                throw fail("\(place).end", "the event ends (\(end)) before it starts (\(start))")
            }
        } else {
            knownEventsMerged.insert(id)
        }
        report.count("events", new: target == nil)
        if id != event.id { eventIDs[event.id] = id }
        return target == nil
    }

    /// An event already known that this one reports again: the same family of kind, dates that
    /// overlap, and the same people (or, without people, the same sides).
    mutating func sameEvent(as event: Event, at place: String) throws -> String? {
        guard let days = event.dayRange else { return nil }
        var mine: [String] = []
        for (i, participant) in event.participants.enumerated() {
            mine.append(try entity(participant.entity, at: "\(place).participants[\(i)].entity"))
        }
        guard !mine.isEmpty, knownEventKeys > 0 else { return nil }
        let myPeople = try sides(of: mine, people: true)
        let mySides = try sides(of: mine, people: false)
        // A person new to the knowledge base is in no event it knew before.
        if !myPeople.isEmpty, myPeople.allSatisfy({ entitiesCreated.contains($0) }) { return nil }
        if myPeople.isEmpty, mine.allSatisfy({ entitiesCreated.contains($0) }) { return nil }
        let myPlace = try event.location?.country.map { try entity($0, at: "\(place).location.country") }
        // Candidates share a participant (a person of mine, when I have people), are of the same
        // family, and have a date in the years mine spans.
        let anchor = myPeople.isEmpty ? mine : myPeople.sorted()
        let kinds = EventKind.allCases.filter { $0.family == event.kind.family }.map(\.rawValue)
        // ISO dates compare as text; a partial end ("2024-09") is padded so that it reaches to
        // the end of its month or year.
        let firstDay = PartialDate(dayNumber: days.lowerBound).description
        let lastDay = PartialDate(dayNumber: days.upperBound).description
        // Found by the month each participant's row holds: those of the months the days run over
        // (and the month before), and the long events.
        let months = Store.monthsOverlapping(days)
        let candidates = try db.query(
            """
            SELECT e.id FROM events e WHERE e.id IN (
                SELECT event_id FROM participants WHERE entity_id IN (SELECT value FROM json_each(?1)) AND month BETWEEN ?6 AND ?7
                UNION SELECT event_id FROM participants WHERE entity_id IN (SELECT value FROM json_each(?1))
                    AND month = \(Store.longEventMonth))
            AND e.kind IN (SELECT value FROM json_each(?2))
            AND ifnull(e.start, e.within_from) <= ?4
            AND ifnull(e.end, ifnull(e.within_to, e.start)) || '-99' >= ?3
            AND e.key <= ?5
            """, [anchor.json, kinds.json, firstDay, lastDay, knownEventKeys, months.first, months.last]
        ) { $0.text("id") }
        // Events this merge created come after knownEventKeys: two events of one file are never the same event.
        for candidate in candidates.sorted() {
            guard let known = try store.event(candidate), known.kind.family == event.kind.family,
                let knownDays = known.dayRange, knownDays.overlaps(days)
            else { continue }
            // Two reports that both name the country it was held in, and name two, are two events
            // (a traveller's stops in two countries on overlapping days).
            if let mine = myPlace, let theirs = known.location?.country, mine != theirs { continue }
            let theirs = known.participants.map(\.entity)
            let theirPeople = try sides(of: theirs, people: true)
            let theirSides = try sides(of: theirs, people: false)
            // One traveller cannot make two visits to one country on overlapping days: a visit
            // that names the same traveller and the same country is the same visit, whoever else
            // each report says they met.
            if event.kind.family == .visit, myPlace != nil, myPlace == known.location?.country {
                let myTravellers = Set(
                    try zip(event.participants, mine).filter { ParticipantRole.guestSide.contains($0.0.role) }
                        .map(\.1).filter { try sides(of: [$0], people: true).isEmpty == false })
                let theirTravellers = Set(known.participants.filter { ParticipantRole.guestSide.contains($0.role) }.map(\.entity))
                if !myTravellers.isDisjoint(with: theirTravellers) { return candidate }
            }
            if !myPeople.isEmpty || !theirPeople.isEmpty {
                // The same people; or, both naming people, the people one report names are among
                // those the other names (a data set lists everyone met, a press release the visitor).
                if myPeople == theirPeople { return candidate }
                if !myPeople.isEmpty, !theirPeople.isEmpty,
                    myPeople.isSubset(of: theirPeople) || theirPeople.isSubset(of: myPeople)
                {
                    return candidate
                }
                // An announcement meets its outcome: a later report that it was held (or cancelled)
                // names more or fewer people ("talks with Díaz-Canel" for "a state visit to Cuba"),
                // but the same sides, someone of the announcement, and overlapping dates.
                if Merger.announcementMeetsOutcome(event.status, known.status), !mySides.isEmpty, mySides == theirSides,
                    myPeople.isEmpty || theirPeople.isEmpty || !myPeople.isDisjoint(with: theirPeople)
                {
                    return candidate
                }
            } else if mySides == theirSides {
                return candidate
            }
        }
        return nil
    }

    /// The persons among `ids`, or the countries they stand for.
    /// The people among these participants (`people`), or else the countries they stand for:
    /// what two reports of one event share. The place is left out: one report may not name it.
    mutating func sides(of ids: [String], people: Bool) throws -> Set<String> {
        var result = Set<String>()
        for id in ids {
            var facts = entityFacts[id]
            if facts == nil {
                facts = try db.first("SELECT type, ifnull(country_id, '') FROM entities WHERE id = ?", [id]) {
                    (type: $0.text(0), country: $0.text(1))
                }
                // Countries are set in the entity pass, before any event: what is read now holds.
                entityFacts[id] = facts
            }
            guard let (type, country) = facts else { continue }
            if people {
                if type == "person" { result.insert(id) }
            } else if type == "country" {
                result.insert(id)
            } else if !country.isEmpty {
                result.insert(country)
            }
        }
        return result
    }

    /// What an event this merge created links to. Its trip, when it is an event of the file not
    /// yet resolved, is linked once all are (`linkPendingTrips`).
    mutating func linkNewEvent(_ event: Event, at place: String) throws {
        let country = try event.location?.country.map { try entity($0, at: "\(place).location.country") }
        var parent: String?
        if let trip = event.parent {
            // A trip waiting in the batch is written in the same statement as its stop.
            parent = newEvents.ids.contains(trip) ? trip : try knownEvent(trip)
            if parent == nil { pendingTrips.append((event.id, trip, "\(place).parent")) }
        }
        if parent == event.id { throw fail("\(place).parent", "an event cannot be its own trip") }
        try addNewEvent(event, id: event.id, parent: parent, country: country, at: place)
    }

    /// Writes the batch of new events waiting (`NewEventBatch`).
    mutating func writeNewEvents() throws {
        report.changes += try store.write(newEvents)
        newEvents = NewEventBatch()
    }

    /// The trips that came later in the file than their stops, now that every event is resolved.
    mutating func linkPendingTrips() throws {
        for (id, trip, place) in pendingTrips {
            let parent = try event(trip, at: place)
            if parent == id { throw fail(place, "an event cannot be its own trip") }
            try write("UPDATE events SET parent_id = ? WHERE id = ?", [parent, id])
        }
        pendingTrips = []
    }

    /// Merges another report of an event known before into it.
    mutating func mergeEventLinks(_ event: Event, at place: String) throws {
        let id = eventIDs[event.id] ?? event.id
        let country = try event.location?.country.map { try entity($0, at: "\(place).location.country") }
        let parent = try event.parent.map { try self.event($0, at: "\(place).parent") }
        if parent == id { throw fail("\(place).parent", "an event cannot be its own trip") }
        if let start = event.start, let end = event.end, end < start {
            throw fail("\(place).end", "the event ends (\(end)) before it starts (\(start))")
        }
        // What is known already stays; what was missing is filled; a report that it was held or
        // cancelled outranks an announcement; exact dates make a range redundant.
        let known = try store.event(id)!
        var merged = known
        if merged.title.isEmpty { merged.title = event.title }
        if event.status == .held || event.status == .cancelled, known.status == .unknown || known.status == .planned {
            merged.status = event.status
        } else if known.status == .unknown {
            merged.status = event.status
        }
        merged.start = known.start ?? event.start
        merged.end = known.end ?? event.end
        merged.within = merged.start == nil ? known.within ?? event.within : nil
        merged.location = Location(
            country: known.location?.country ?? country, city: known.location?.city ?? event.location?.city)
        merged.parent = known.parent ?? parent
        try write(
            """
            UPDATE events SET title = ?2, status = ?3, start = ?4, end = ?5, within_from = ?6, within_to = ?7,
                location_country_id = ?8, location_city = ?9, parent_id = ?10
            WHERE id = ?1 AND (title IS NOT ?2 OR status IS NOT ?3 OR start IS NOT ?4 OR end IS NOT ?5
                OR within_from IS NOT ?6 OR within_to IS NOT ?7 OR location_country_id IS NOT ?8
                OR location_city IS NOT ?9 OR parent_id IS NOT ?10)
            """,
            [
                id, merged.title, merged.status.rawValue, merged.start?.description, merged.end?.description,
                merged.within?[0].description, merged.within?[1].description, merged.location?.country,
                merged.location?.city, merged.parent,
            ])
        let month = Store.month(of: merged.dayRange)
        if month != Store.month(of: known.dayRange) {
            try db.run("UPDATE participants SET month = ? WHERE event_id = ?", [month, id])
        }
        for (i, participant) in event.participants.enumerated() {
            let entityID = try entity(participant.entity, at: "\(place).participants[\(i)].entity")
            guard !participant.role.rawValue.isEmpty else {
                throw fail("\(place).participants[\(i)].role", "a participant needs a role")
            }
            // "attendee" says least: it gives way to any other role the same entity has.
            if participant.role == .attendee {
                try write(
                    """
                    INSERT INTO participants (event_id, entity_id, role, month) SELECT ?1, ?2, 'attendee', ?3
                    WHERE NOT EXISTS (SELECT 1 FROM participants WHERE event_id = ?1 AND entity_id = ?2)
                    """, [id, entityID, month])
            } else {
                try write("DELETE FROM participants WHERE event_id = ? AND entity_id = ? AND role = 'attendee'", [id, entityID])
                try write(
                    "INSERT OR IGNORE INTO participants (event_id, entity_id, role, month) VALUES (?, ?, ?, ?)",
                    [id, entityID, participant.role.rawValue, month])
            }
        }
        try addSources(event.sources, to: .event(id), at: place)
        try addReports(event, id: id)
        if merged.title != known.title { try store.reindexEvent(id) }
    }

    /// What each document said of an event: announced, held, cancelled.
    mutating func addReports(_ event: Event, id: String) throws {
        for document in event.sources.map({ documentIDs[$0.document] ?? $0.document }).uniqued() {
            try write(
                "INSERT OR IGNORE INTO event_reports (event_id, document_id, status) VALUES (?, ?, ?)",
                [id, document, event.status.rawValue])
        }
    }

    /// An event this merge created, into the batch waiting: its row, with its trip; its
    /// participants (each once, in the role that says most); its sources; its reports; its full-text row.
    mutating func addNewEvent(_ event: Event, id: String, parent: String?, country: String?, at place: String) throws {
        var roles: [(entity: String, role: String)] = []
        for (i, participant) in event.participants.enumerated() {
            let entityID = try entity(participant.entity, at: "\(place).participants[\(i)].entity")
            guard !participant.role.rawValue.isEmpty else {
                throw fail("\(place).participants[\(i)].role", "a participant needs a role")
            }
            if participant.role == .attendee {
                if !roles.contains(where: { $0.entity == entityID }) { roles.append((entityID, participant.role.rawValue)) }
            } else {
                roles.removeAll { $0.entity == entityID && $0.role == ParticipantRole.attendee.rawValue }
                if !roles.contains(where: { $0 == (entityID, participant.role.rawValue) }) {
                    roles.append((entityID, participant.role.rawValue))
                }
            }
        }
        // A new event's sources are those added here: a repeat among them is told apart without
        // asking the table, byte for byte as SQLite compares.
        var written = Set<WrittenSource>()
        var sources: [(document: String, source: SourceRef)] = []
        for (i, source) in event.sources.enumerated() {
            let document = try checkedDocument(of: source, at: "\(place).sources[\(i)]")
            let key = WrittenSource(
                document: Array(document.utf8), start: source.start, end: source.end, quote: source.quote.map { Array($0.utf8) },
                note: source.note.map { Array($0.utf8) })
            if written.insert(key).inserted { sources.append((document, source)) }
        }
        let within = event.start == nil ? event.within : nil
        newEvents.events.append([
            id, event.kind.rawValue, event.title, event.status.rawValue, event.start?.description, event.end?.description,
            within?[0].description, within?[1].description, country, event.location?.city, parent,
        ])
        let month = Store.month(of: event.dayRange)
        for (entity, role) in roles { newEvents.participants.append([id, entity, role, month]) }
        for (document, source) in sources {
            newEvents.sources.append([document, source.start, source.end, source.quote, source.note, id])
        }
        for document in sources.map(\.document).uniqued() { newEvents.reports.append([id, document, event.status.rawValue]) }
        newEvents.titles.append([id, event.title.folded])
        newEvents.ids.insert(id)
    }

    // MARK: Partnerships

    mutating func mergePartnership(_ partnership: Partnership, at place: String) throws {
        var parties: [String] = []
        for (i, party) in partnership.parties.enumerated() {
            parties.append(try entity(party, at: "\(place).parties[\(i)]"))
        }
        guard Set(parties).count >= 2 else { throw fail("\(place).parties", "a partnership needs two or more different parties") }
        var target: String?
        if try db.first("SELECT 1 FROM partnerships WHERE id = ?", [partnership.id], { _ in true }) != nil {
            target = partnership.id
        } else {
            target = try store.partnershipID(parties: parties, level: partnership.level)
        }
        let id = target ?? partnership.id
        if let target {
            let current = try db.first("SELECT level, established FROM partnerships WHERE id = ?", [target]) {
                (try PartnershipLevel($0.text(0)), $0.string(1))
            }!
            if (partnership.level.rank ?? 0) > (current.0.rank ?? 0) {
                try write(
                    "UPDATE partnerships SET level = ?, established = ? WHERE id = ?",
                    [partnership.level.key, partnership.established?.description, target])
                partnershipsWithNewClaims.insert(target)
            } else if partnership.level == current.0, current.1 == nil, partnership.established != nil {
                try write(
                    "UPDATE partnerships SET established = ? WHERE id = ? AND established IS NULL",
                    [partnership.established?.description, target])
                partnershipsWithNewClaims.insert(target)
            }
        } else {
            try write(
                "INSERT INTO partnerships (id, level, established) VALUES (?, ?, ?)",
                [id, partnership.level.key, partnership.established?.description])
            partnershipsWithNewClaims.insert(id)
            for party in parties {
                try write("INSERT OR IGNORE INTO partnership_parties (partnership_id, entity_id) VALUES (?, ?)", [id, party])
            }
        }
        report.count("partnerships", new: target == nil)
        partnershipIDs[partnership.id] = id
        var history = partnership.history
        if let established = partnership.established,
            !history.contains(where: { $0.level == partnership.level && $0.date == established })
        {
            history.append(Milestone(level: partnership.level, date: established))
        }
        for (i, milestone) in history.enumerated() {
            // A stated date outranks the same date inferred.
            if try write(
                "INSERT OR IGNORE INTO partnership_history (partnership_id, level, date, inferred) VALUES (?, ?, ?, ?)",
                [id, milestone.level.key, milestone.date?.description, milestone.inferred]) > 0
            {
                partnershipsWithNewClaims.insert(id)
            }
            if !milestone.inferred {
                try write(
                    "UPDATE partnership_history SET inferred = 0 WHERE partnership_id = ? AND level = ? AND date IS ? AND inferred = 1",
                    [id, milestone.level.key, milestone.date?.description])
            }
            let historyID = try db.first(
                """
                SELECT id FROM partnership_history WHERE partnership_id = ? AND level = ? AND date IS ?
                """, [id, milestone.level.key, milestone.date?.description]
            ) { $0.int(0) }!
            try addSources(milestone.sources, to: .history(historyID), at: "\(place).history[\(i)]")
        }
        try addSources(partnership.sources, to: .partnership(id), at: place)
    }

    // MARK: Anniversaries

    mutating func mergeAnniversary(_ anniversary: Anniversary, at place: String) throws {
        let event = try self.event(anniversary.event, at: "\(place).event")
        let partnership = try self.partnership(anniversary.partnership, at: "\(place).partnership")
        let existing = try db.first(
            """
            SELECT id FROM anniversaries WHERE event_id = ? AND partnership_id = ? AND years = ?
            """, [event, partnership, anniversary.years]
        ) { $0.int(0) }
        let id: Int
        if let existing {
            id = existing
            try write(
                """
                UPDATE anniversaries SET date = ifnull(date, ?1), stated = max(stated, ?2)
                WHERE id = ?3 AND ((date IS NULL AND ?1 IS NOT NULL) OR stated < ?2)
                """, [anniversary.date?.description, anniversary.stated, id])
        } else {
            try write(
                "INSERT INTO anniversaries (event_id, partnership_id, years, date, stated) VALUES (?, ?, ?, ?, ?)",
                [event, partnership, anniversary.years, anniversary.date?.description, anniversary.stated])
            id = Int(db.lastInsertRowID)
        }
        eventsWithAnniversaries.append(event)
        report.count("anniversaries", new: existing == nil)
        try addSources(anniversary.sources, to: .anniversary(id), at: place)
    }
}

extension Merger {
    /// One report announces the event (planned) and the other says it was held or cancelled.
    static func announcementMeetsOutcome(_ a: EventStatus, _ b: EventStatus) -> Bool {
        let outcomes: Set<EventStatus> = [.held, .cancelled]
        return (a == .planned && outcomes.contains(b)) || (b == .planned && outcomes.contains(a))
    }
}

/// A source as written, byte for byte as SQLite compares it: a new fact's repeated sources are told apart by it.
private struct WrittenSource: Hashable {
    let document: [UInt8]
    let start: Int?
    let end: Int?
    let quote: [UInt8]?
    let note: [UInt8]?
}
