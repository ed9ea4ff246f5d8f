import DiploModel
import DiploSQLite
import Foundation

/// One SQLite connection: WAL journal, foreign keys on, a writer that waits its turn, and cached statements.
/// Not Sendable: a connection belongs to one task at a time.
final class Database {
    let handle: OpaquePointer
    public let path: String
    private var statements: [SQLText: Statement] = [:]
    private var statementsInUse: Set<ObjectIdentifier> = []
    private var savepointDepth = 0
    static let statementCacheLimit = 100
    /// The page cache of a connection that only reads, at most (allocated as it fills).
    static let readerCacheKiB = 32 << 10
    /// How much of the file a `mapped` connection that only reads maps into memory (SQLite caps it
    /// at its own limit, 2 GiB by default).
    static let readerMapBytes = 2 << 30
    /// The page cache of a connection that writes, at most (allocated as it fills).
    static let writerCacheKiB = 96 << 10
    /// About a second of short waits before a writer says it is waiting.
    static let attemptsBeforeSaying: Int32 = 500

    /// Opens `path`; `readOnly` never writes to the file (nor makes its journal files), and
    /// `immutable` also takes no locks, for a file in a folder that cannot be written; `mapped`
    /// (with `readOnly`) reads the file's pages through a memory map.
    public init(path: String, readOnly: Bool = false, immutable: Bool = false, mapped: Bool = false) throws {
        var handle: OpaquePointer?
        var flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        var name = path
        if immutable {
            flags |= SQLITE_OPEN_URI
            let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["?", "#"])) ?? path
            name = "file:\(escaped)?immutable=1"
        }
        let code = sqlite3_open_v2(name, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(handle)
            throw DatabaseError(code: code, message: message, path: path)
        }
        self.handle = handle
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        // Another import holds the write lock: wait as long as it takes, saying so once.
        sqlite3_busy_handler(
            handle,
            { context, attempt in
                guard let context else { return 0 }
                let database = Unmanaged<Database>.fromOpaque(context).takeUnretainedValue()
                if attempt == Database.attemptsBeforeSaying {
                    FileHandle.standardError.write(
                        Data("Waiting for another diplo to finish writing to \(database.path)...\n".utf8))
                }
                usleep(attempt < Database.attemptsBeforeSaying ? 2_000 : 20_000)
                return 1
            }, Unmanaged.passUnretained(self).toOpaque())
        var enabled: Int32 = 0
        _ = diplo_sqlite3_db_config_int(handle, SQLITE_DBCONFIG_ENABLE_FKEY, 1, &enabled)
        try execute("PRAGMA foreign_keys = ON")
        // Foreign keys make SQLite keep a statement journal for each write: in memory, not in a temporary file.
        try execute("PRAGMA temp_store = MEMORY")
        // A query reads the same pages more than once (an event's row, then its participants'):
        // more than SQLite's 2 MiB of them stay at hand.
        // (In a folder that cannot be written a WAL database cannot be read this way: the reader
        // that says so comes next, and then the file is opened again as immutable.)
        if readOnly { try? execute("PRAGMA cache_size = -\(Database.readerCacheKiB)") }
        // A query that reads pages all over a large file reads them where they lie in the
        // operating system's cache, mapped, rather than copied one call at a time into SQLite's
        // (query anniversaries at 1M: 0.59 -> 0.51 s, of it in the kernel 127 -> 73 ms). The
        // pages it touches then count in its resident memory, though they are the cache's.
        if readOnly && mapped { try? execute("PRAGMA mmap_size = \(Database.readerMapBytes)") }
        if !readOnly && path != ":memory:" && !path.isEmpty {
            try execute("PRAGMA journal_mode = WAL")
            // An import of a million events writes all over indexes of hundreds of megabytes: a
            // larger page cache than SQLite's 2 MiB saves reading and writing the same pages again.
            try execute("PRAGMA cache_size = -\(Database.writerCacheKiB)")
        }
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    func error(_ code: Int32, sql: String?) -> DatabaseError {
        DatabaseError(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql, path: path)
    }

    /// Runs one or more statements that take no arguments (schema scripts, pragmas).
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw DatabaseError(code: code, message: text, sql: sql, path: path)
        }
    }

    /// Runs a statement with arguments; returns how many rows it changed.
    @discardableResult
    public func run(_ sql: String, _ arguments: [SQLBindable] = []) throws -> Int {
        try withStatement(sql, arguments) { statement in
            while try statement.step() != nil {}
        }
        return Int(sqlite3_changes(handle))
    }

    /// Every row of a query, each turned into a value by `map`.
    public func query<T>(_ sql: String, _ arguments: [SQLBindable] = [], _ map: (Row) throws -> T) throws -> [T] {
        try withStatement(sql, arguments) { statement in
            var results: [T] = []
            while let row = try statement.step() { results.append(try map(row)) }
            return results
        }
    }

    /// The first row of a query, if any.
    public func first<T>(_ sql: String, _ arguments: [SQLBindable] = [], _ map: (Row) throws -> T) throws -> T? {
        try withStatement(sql, arguments) { statement in
            guard let row = try statement.step() else { return nil }
            let value = try map(row)
            statement.reset()
            return value
        }
    }

    /// Iterates rows without collecting them, for exports that stream.
    public func forEach(_ sql: String, _ arguments: [SQLBindable] = [], _ body: (Row) throws -> Void) throws {
        try withStatement(sql, arguments) { statement in
            while let row = try statement.step() { try body(row) }
        }
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` in a transaction (a savepoint when one is already open): all of it, or, on any
    /// thrown error, none of it.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let name = "diplo_\(savepointDepth)"
        let outermost = !isInTransaction
        try execute(outermost ? "BEGIN IMMEDIATE" : "SAVEPOINT \(name)")
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        do {
            let result = try body()
            try execute(outermost ? "COMMIT" : "RELEASE \(name)")
            return result
        } catch {
            if outermost {
                try? execute("ROLLBACK")
            } else {
                try? execute("ROLLBACK TO \(name); RELEASE \(name)")
            }
            throw error
        }
    }

    /// A cached statement, bound to the arguments; a fresh one when the cached one is busy
    /// (a query run from inside another query's row loop).
    /// When set, the plan SQLite chooses for each query is recorded here (tests check that the
    /// queries that must stay fast use indexes).
    var queryPlans: [(sql: String, plan: [String])]?

    private func recordPlan(_ sql: String, _ arguments: [SQLBindable]) throws {
        guard queryPlans != nil, sql.drop(while: \.isWhitespace).uppercased().hasPrefix("SELECT") else { return }
        let explain = try Statement(database: self, sql: "EXPLAIN QUERY PLAN " + sql)
        let plan = try explain.withBindings(arguments) {
            var plan: [String] = []
            while let row = try explain.step() { plan.append(row.text("detail")) }
            return plan
        }
        queryPlans?.append((sql, plan))
    }

    private func withStatement<T>(_ sql: String, _ arguments: [SQLBindable], _ body: (Statement) throws -> T) throws -> T {
        try recordPlan(sql, arguments)
        let statement: Statement
        let key = SQLText(sql)
        if let cached = statements[key], !statementsInUse.contains(ObjectIdentifier(cached)) {
            statement = cached
        } else {
            statement = try Statement(database: self, sql: sql)
            // Every statement Diplo runs is fixed text, so the cache stays small; the bound keeps
            // it so if a statement with variable text ever appears.
            if statements[key] == nil && statements.count < Database.statementCacheLimit { statements[key] = statement }
        }
        let id = ObjectIdentifier(statement)
        statementsInUse.insert(id)
        defer {
            statement.reset()
            statementsInUse.remove(id)
        }
        return try statement.withBindings(arguments) { try body(statement) }
    }
}

extension Database {
    /// Runs `body` in a transaction and then rolls it back whatever happens: what it would do,
    /// without doing it (`import --dry-run`).
    public func rehearse<T>(_ body: () throws -> T) throws -> T {
        var result: Result<T, Error>?
        do {
            try transaction {
                result = Result { try body() }
                throw Rehearsal()
            }
        } catch is Rehearsal {}
        return try result!.get()
    }
}

private struct Rehearsal: Error {}

/// A statement's text as the key of the statement cache: hashed by its length and a few of its
/// bytes, not all of them (a million statements an import, each hundreds of bytes), compared whole.
private struct SQLText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { bytes in
            hasher.combine(bytes.count)
            for offset in [0, bytes.count / 3, bytes.count / 2, bytes.count * 2 / 3] where offset + 8 <= bytes.count {
                hasher.combine(UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            }
            if bytes.count >= 8 {
                hasher.combine(UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
            }
        }
    }
}
