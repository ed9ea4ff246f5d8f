import DiploModel
import Foundation

/// The knowledge base in one SQLite file: opens it, brings its schema up to date, finds entities
/// by name, and keeps the full-text index in step with what it writes.
public final class Store {
    let db: Database

    init(database: Database) {
        self.db = database
    }

    /// Runs `body` as a transaction and rolls it back: what it would do, without doing it.
    public func rehearse<T>(_ body: () throws -> T) throws -> T { try db.rehearse(body) }

    /// Opens the database at `path` to write to it, creating it unless `create` is false, and
    /// applies the migrations it lacks. Only `init` and `import` open a database this way; a
    /// SQLite file that is not a Diplo database is refused, left as it was.
    public static func open(path: String, create: Bool = true) throws -> Store {
        if !create && path != ":memory:" && !FileManager.default.fileExists(atPath: path) {
            throw DiploError.noKnowledgeBase(path: path)
        }
        if path != ":memory:", FileManager.default.fileExists(atPath: path) {
            // Look before touching: a read-only connection writes nothing, not even WAL mode.
            let reader = Store(database: try Database(path: path, readOnly: true))
            let tables = try reader.tableNames()
            if !tables.isEmpty && !tables.contains("schema_migrations") { throw DiploError.notADiploDatabase(path: path) }
        }
        let store = Store(database: try Database(path: path))
        store.migrationsApplied = try Migrations.migrate(store.db)
        return store
    }

    /// How many events a file brings at least for its merge into a knowledge base without events
    /// to build some indexes after the events rather than row by row (`indexesBuiltAfterABulkLoad`).
    var bulkLoadEvents = 20_000

    /// How many new events a merge holds back to write in one go (`NewEventBatch`).
    var newEventBatchSize = 1_000

    /// The migrations that opening this database applied (`diplo init` says which).
    public private(set) var migrationsApplied: [Migration] = []

    /// Opens the database at `path` for reading only: nothing is written to it, its folder may be
    /// read-only, and a file that is not a Diplo database of a schema this diplo knows is refused.
    /// `mapped`: its pages read through a memory map (queries that read here and there in a large
    /// file), not copied in one read each (an export, which reads every page once, in order, and
    /// keeps its resident memory flat).
    public static func openForReading(path: String, mapped: Bool = true) throws -> Store {
        guard path == ":memory:" || FileManager.default.fileExists(atPath: path) else {
            throw DiploError.noKnowledgeBase(path: path)
        }
        var store = Store(database: try Database(path: path, readOnly: true, mapped: mapped))
        var tables: [String]
        do {
            tables = try store.tableNames()
        } catch let error as DatabaseError where .cannotOpen ~= error.code || .readOnly ~= error.code {
            // A WAL database in a folder that cannot be written: read it as it stands, without locks.
            store = Store(database: try Database(path: path, readOnly: true, immutable: true, mapped: mapped))
            tables = try store.tableNames()
        }
        guard tables.contains("schema_migrations") else {
            throw tables.isEmpty ? DiploError.noKnowledgeBase(path: path) : DiploError.notADiploDatabase(path: path)
        }
        let applied = try store.db.query("SELECT version FROM schema_migrations ORDER BY version") { $0.int("version") }
        if let newest = applied.last, newest > Migrations.latestVersion {
            throw DiploError.schemaTooNew(path: path, found: newest, known: Migrations.latestVersion)
        }
        // An older schema is read as it is: later migrations only add what reading does not need.
        return store
    }

    /// Whether a file with these bytes (their SHA-256) was imported whole before.
    public func fileImported(sha256: String) throws -> Bool {
        try db.first("SELECT 1 AS known FROM imported_files WHERE sha256 = ?", [sha256]) { $0.bool("known") } ?? false
    }

    func tableNames() throws -> [String] {
        try db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") { $0.text("name") }
    }

    // MARK: Finding entities

    /// Entities one of whose names or aliases is `name`, ignoring case, diacritics and spaces.
    public func entityIDs(named name: String, type: EntityType? = nil) throws -> [String] {
        let key = name.lookupKey
        guard !key.isEmpty else { return [] }
        let ids = try db.query(
            """
            SELECT id FROM entities WHERE replace(folded, ' ', '') = ?1
            UNION SELECT entity_id FROM entity_names WHERE replace(folded, ' ', '') = ?1
            UNION SELECT entity_id FROM entity_aliases WHERE replace(folded, ' ', '') = ?1
            """, [key]
        ) { $0.text(0) }
        guard let type else { return ids.sorted() }
        return try ids.filter { try entityType(of: $0) == type }.sorted()
    }

    /// The document whose SHA-256 is `sha256`, if the knowledge base holds it.
    public func documentID(sha256: String) throws -> String? {
        try db.first("SELECT id FROM documents WHERE sha256 = ?", [sha256]) { $0.text(0) }
    }

    /// People whose name ends with `surname` (folded), of `country` when given: "Churchill" for
    /// "Winston Churchill", where a record names a leader by the last name alone.
    public func personIDs(surname: String, country: String?) throws -> [String] {
        let key = surname.folded
        guard !key.isEmpty else { return [] }
        if let country {
            return try db.query(
                """
                SELECT id FROM entities WHERE country_id = ?1 AND type = 'person' AND folded LIKE '% ' || ?2 ORDER BY id
                """, [country, key]
            ) { $0.text(0) }
        }
        return try db.query("SELECT id FROM entities WHERE type = 'person' AND folded LIKE '% ' || ? ORDER BY id", [key]) {
            $0.text(0)
        }
    }

    public func entityExists(_ id: String) throws -> Bool {
        try db.first("SELECT 1 FROM entities WHERE id = ?", [id]) { _ in true } ?? false
    }

    public func entityType(of id: String) throws -> EntityType? {
        try db.first("SELECT type FROM entities WHERE id = ?", [id]) { EntityType(rawValue: $0.text(0)) } ?? nil
    }

    public func entityID(iso: String) throws -> String? {
        try db.first("SELECT id FROM entities WHERE iso = ?", [iso.uppercased()]) { $0.text(0) }
    }

    /// The one entity a user means by `name`: an id, a name or alias in any language with or
    /// without diacritics, else the entities whose names hold all its words.
    public func resolveEntity(_ name: String) throws -> String {
        if try entityExists(name) { return name }
        var matches = try entityIDs(named: name)
        if matches.isEmpty { matches = try searchEntityIDs(name, limit: 10) }
        if matches.isEmpty, let iso = try entityID(iso: name), name.count == 2 { return iso }
        guard let first = matches.first else { throw DiploError.notFound(name) }
        if matches.count == 1 { return first }
        // Several: prefer a country, then an organisation, when they share a name with a person.
        let types = try matches.map { try entityType(of: $0) }
        for preferred in [EntityType.country, .organization] where types.filter({ $0 == preferred }).count == 1 {
            return matches[types.firstIndex(of: preferred)!]
        }
        throw DiploError.ambiguous(name, candidates: try matches.map { try displayName(of: $0) + " (\($0))" })
    }

    public func displayName(of id: String) throws -> String {
        try db.first("SELECT name FROM entities WHERE id = ?", [id]) { $0.text(0) } ?? id
    }

    // MARK: Full-text index

    func reindexEntity(_ id: String) throws {
        guard let key = try db.first("SELECT key FROM entities WHERE id = ?", [id], { $0.int(0) }) else { return }
        let names = try db.query(
            """
            SELECT name FROM entities WHERE id = ?1 UNION SELECT name FROM entity_names WHERE entity_id = ?1
            UNION SELECT alias FROM entity_aliases WHERE entity_id = ?1
            """, [id]
        ) { $0.text(0) }
        try db.run("DELETE FROM entity_search WHERE rowid = ?", [key])
        try db.run("INSERT INTO entity_search (rowid, text) VALUES (?, ?)", [key, names.map(\.folded).joined(separator: " | ")])
    }

    func reindexEvent(_ id: String) throws {
        guard let (key, title) = try db.first("SELECT key, title FROM events WHERE id = ?", [id], { ($0.int(0), $0.text(1)) })
        else { return }
        try db.run("DELETE FROM event_search WHERE rowid = ?", [key])
        try db.run("INSERT INTO event_search (rowid, text) VALUES (?, ?)", [key, title.folded])
    }

    /// The full-text row of a document; `text`, its body when the caller has it (a long page is not read back).
    func reindexDocument(_ id: String, text: String? = nil) throws {
        guard let (key, title) = try db.first("SELECT key, title FROM documents WHERE id = ?", [id], { ($0.int(0), $0.text(1)) })
        else { return }
        let body = try text ?? db.first("SELECT body FROM documents WHERE id = ?", [id]) { $0.text(0) } ?? ""
        try db.run("DELETE FROM document_search WHERE rowid = ?", [key])
        try db.run("INSERT INTO document_search (rowid, title, body) VALUES (?, ?, ?)", [key, title.folded, body.folded])
    }
}
