import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploSQLite
import Foundation
import Testing

@testable import DiploStore

@Suite struct DatabaseTests {
    @Test func bindsAndReadsEveryType() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("t.sqlite"))
        try db.execute("CREATE TABLE t (i INTEGER, d REAL, s TEXT, b BLOB, n)")
        try db.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)", [Int64.max, 2.5, "Tô Lâm ✓", [UInt8]([0, 1, 255]), SQLValue.null])
        try db.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)", [-1, -0.0, "", [UInt8](), Optional<String>.none])
        let rows = try db.query("SELECT i, d, s, b, n FROM t ORDER BY rowid") { row in (0..<5).map { row.value($0) } }
        #expect(rows[0] == [.integer(Int64.max), .real(2.5), .text("Tô Lâm ✓"), .blob([0, 1, 255]), .null])
        // An empty blob stays an empty blob (SQLite hands back a NULL pointer for it).
        #expect(rows[1] == [.integer(-1), .real(-0.0), .text(""), .blob([]), .null])
    }

    @Test func errorsCarryCodeMessageAndSQL() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)")
        try db.run("INSERT INTO t VALUES (1)")
        let error = #expect(throws: DatabaseError.self) { try db.run("INSERT INTO t VALUES (?)", [1]) }
        #expect(error?.code == .constraintPrimaryKey)
        #expect(error?.code.primary == .constraint)
        switch error?.code {
        case .constraintForeignKey?: Issue.record("an extended code matched another extended code")
        case .constraint?: break
        default: Issue.record("the primary code did not match its extended code")
        }
        #expect(error?.message.contains("UNIQUE constraint failed") == true)
        #expect(error?.sql == "INSERT INTO t VALUES (?)")

        let syntax = #expect(throws: DatabaseError.self) { try db.query("SELEC nothing") { _ in 0 } }
        #expect(syntax?.code.primary == .error)
        #expect(syntax?.sql == "SELEC nothing")
        #expect(syntax?.errorDescription?.contains("SELEC nothing") == true)

        let arity = #expect(throws: DatabaseError.self) { try db.run("INSERT INTO t VALUES (?)", []) }
        #expect(arity?.code == .range)
    }

    @Test func opensInWALWithForeignKeysAndABusyTimeout() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("t.sqlite"))
        #expect(try db.first("PRAGMA journal_mode") { $0.text(0) } == "wal")
        #expect(try db.first("PRAGMA foreign_keys") { $0.int(0) } == 1)
        try db.execute("CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (a INTEGER REFERENCES a(id))")
        let error = #expect(throws: DatabaseError.self) { try db.run("INSERT INTO b VALUES (42)") }
        #expect(error?.code == .constraintForeignKey)
    }

    @Test func transactionsRollBackOnAnyThrownError() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (x)")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try db.first("SELECT count(*) FROM t") { $0.int(0) } == 0)
        #expect(!db.isInTransaction)

        // A nested transaction is a savepoint: its failure undoes only itself.
        try db.transaction {
            try db.run("INSERT INTO t VALUES (1)")
            _ = try? db.transaction {
                try db.run("INSERT INTO t VALUES (2)")
                throw Boom()
            }
        }
        #expect(try db.query("SELECT x FROM t") { $0.int(0) } == [1])
    }

    @Test func rehearsalChangesNothing() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (x)")
        let count = try db.rehearse {
            try db.run("INSERT INTO t VALUES (1)")
            return try db.first("SELECT count(*) FROM t") { $0.int(0) }
        }
        #expect(count == 1)
        #expect(try db.first("SELECT count(*) FROM t") { $0.int(0) } == 0)
    }

    @Test func cachedStatementsSurviveNestedUse() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3)")
        // The same SQL run again inside its own row loop gets a statement of its own.
        let pairs = try db.query("SELECT x FROM t ORDER BY x") { row in
            (row.int(0), try db.query("SELECT x FROM t ORDER BY x") { $0.int(0) }.count)
        }
        #expect(pairs.map(\.0) == [1, 2, 3])
        #expect(pairs.map(\.1) == [3, 3, 3])
    }
}

@Suite struct MigrationTests {
    @Test func appliesEachMigrationOnceAndRecordsIt() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("m.sqlite"))
        let first = try Migrations.migrate(db)
        #expect(first.map(\.version) == Migrations.all.map(\.version))
        #expect(try Migrations.migrate(db).isEmpty)
        #expect(try Migrations.applied(in: db) == Migrations.all.map(\.version))
        #expect(try db.first("SELECT count(*) FROM sqlite_master WHERE name = 'entities'") { $0.int(0) } == 1)
    }

    @Test func aFailingMigrationLeavesNothingBehind() throws {
        let db = try Database(path: ":memory:")
        let broken = [Migration(version: 1, name: "001_broken.sql", sql: "CREATE TABLE x (a); CREATE TABLE x (a);")]
        #expect(throws: DatabaseError.self) { try Migrations.migrate(db, upTo: broken) }
        #expect(try Migrations.applied(in: db).isEmpty)
        #expect(try db.first("SELECT count(*) FROM sqlite_master WHERE name = 'x'") { $0.int(0) } == 0)
    }

    @Test func refusesADatabaseFromANewerDiplo() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("new.sqlite"))
        try Migrations.migrate(db)
        try db.run("INSERT INTO schema_migrations (version, name) VALUES (999, '999_future.sql')")
        let error = #expect(throws: DiploError.self) { try Migrations.migrate(db) }
        #expect(error?.errorDescription?.contains("newer Diplo") == true)
        #expect(error?.errorDescription?.contains("999") == true)
    }

    @Test func everySchemaFileIsAMigration() throws {
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Schema")
        let files = try FileManager.default.contentsOfDirectory(atPath: schema.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files == Migrations.all.map(\.name))
        for migration in Migrations.all {
            let text = try String(contentsOf: schema.appendingPathComponent(migration.name), encoding: .utf8)
            #expect(text == migration.sql)
        }
    }
}
