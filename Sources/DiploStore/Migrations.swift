import DiploModel
import Foundation

/// One step of the schema: a file of Schema/, applied once, in its own transaction.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String
    /// Fills what the file's SQL made, in the same transaction: what the store derives in Swift.
    let backfill: (@Sendable (Database) throws -> Void)?

    public init(version: Int, name: String, sql: String) {
        self.init(version: version, name: name, sql: sql, backfill: nil)
    }

    init(version: Int, name: String, sql: String, backfill: (@Sendable (Database) throws -> Void)?) {
        self.version = version
        self.name = name
        self.sql = sql
        self.backfill = backfill
    }

    init(version: Int, name: String, bytes: [UInt8], backfill: (@Sendable (Database) throws -> Void)? = nil) {
        self.init(version: version, name: name, sql: String(decoding: bytes, as: UTF8.self), backfill: backfill)
    }
}

public enum Migrations {
    /// Every file of Schema/, in order. A new file is added here too (a test checks the two agree).
    public static let all: [Migration] = [
        Migration(version: 1, name: "001_knowledge_base.sql", bytes: PackageResources._01_knowledge_base_sql),
        Migration(version: 2, name: "002_imported_files.sql", bytes: PackageResources._02_imported_files_sql),
        Migration(version: 3, name: "003_event_reports.sql", bytes: PackageResources._03_event_reports_sql),
        Migration(
            version: 4, name: "004_derived.sql", bytes: PackageResources._04_derived_sql,
            backfill: { try Store(database: $0).refreshMonths() }),
        Migration(
            version: 5, name: "005_candidates_by_key.sql", bytes: PackageResources._05_candidates_by_key_sql,
            backfill: { try Store(database: $0).refreshAnniversaryCandidates(events: .all, partnerships: []) }),
        Migration(
            version: 6, name: "006_anniversary_listing.sql", bytes: PackageResources._06_anniversary_listing_sql,
            backfill: { try Store(database: $0).refreshAnniversaryListing(events: .all, partnerships: []) }),
    ]

    public static var latestVersion: Int { all.last?.version ?? 0 }

    /// The versions applied to this database, oldest first.
    static func applied(in db: Database) throws -> [Int] {
        try db.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
            """)
        return try db.query("SELECT version FROM schema_migrations ORDER BY version") { $0.int(0) }
    }

    /// Applies what is missing, each migration once and in its own transaction. Refuses a
    /// database that a newer Diplo wrote.
    @discardableResult
    static func migrate(_ db: Database, upTo migrations: [Migration] = all) throws -> [Migration] {
        let done = Set(try applied(in: db))
        let known = migrations.last?.version ?? 0
        if let newest = done.max(), newest > known {
            throw DiploError.schemaTooNew(path: db.path, found: newest, known: known)
        }
        let pending = migrations.filter { !done.contains($0.version) }
        for migration in pending {
            try db.transaction {
                try db.execute(migration.sql)
                try migration.backfill?(db)
                try db.run(
                    "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                    [migration.version, migration.name])
            }
        }
        return pending
    }
}
