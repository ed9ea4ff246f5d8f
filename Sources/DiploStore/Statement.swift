import DiploModel
import DiploSQLite
import Foundation

/// A prepared statement, finalized when the last reference goes.
final class Statement {
    let handle: OpaquePointer
    public let sql: String
    private unowned let database: Database

    init(database: Database, sql: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v2(database.handle, sql, -1, &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw database.error(code, sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.database = database
        columnNames = (0..<Int(sqlite3_column_count(handle))).map {
            String(cString: sqlite3_column_name(handle, Int32($0)))
        }
    }

    deinit { sqlite3_finalize(handle) }

    /// Column names, read once when prepared (not lazily: a lazy property is checked at every
    /// column of every row): rows are decoded by column name, not position. A short list
    /// searched in order beats hashing each name for the dozen columns a statement has.
    let columnNames: [String]

    /// The column the last name asked for was found in: a record decodes its columns in the
    /// order it selects them, row after row, so the next name is most often in the next column.
    private var lastColumn = -1

    /// The index of the column `name`, nil when the statement does not select it.
    func column(_ name: String) -> Int? {
        let names = columnNames
        let next = lastColumn + 1
        if next < names.count, names[next] == name {
            lastColumn = next
            return next
        }
        guard let found = names.firstIndex(of: name) else { return nil }
        lastColumn = found
        return found
    }

    /// Binds the values to parameters 1...n for the time of `body`, after clearing what an
    /// earlier use left, and unbinds them after it. Texts and blobs are bound where they lie,
    /// not copied (a document's text may be megabytes): SQLite reads them only while `body` steps.
    func withBindings<T>(_ values: [SQLBindable], _ body: () throws -> T) throws -> T {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == values.count else {
            throw DatabaseError(code: SQLITE_RANGE, message: "expected \(expected) arguments, got \(values.count)", sql: sql)
        }
        return try bind(values[...], body)
    }

    /// Binds the first of `values` (to its parameter, counted from the whole list), then the rest, then runs `body`.
    private func bind<T>(_ values: ArraySlice<SQLBindable>, _ body: () throws -> T) throws -> T {
        guard let value = values.first else {
            defer {
                sqlite3_reset(handle)
                sqlite3_clear_bindings(handle)
            }
            return try body()
        }
        let index = Int32(values.startIndex + 1)
        func check(_ code: Int32) throws {
            guard code == SQLITE_OK else { throw database.error(code, sql: sql) }
        }
        switch value.sqlValue {
        case .null: try check(sqlite3_bind_null(handle, index))
        case .integer(let int): try check(sqlite3_bind_int64(handle, index, int))
        case .real(let double): try check(sqlite3_bind_double(handle, index, double))
        case .text(let text):
            // With its byte length: a NUL inside the text must not cut it short.
            return try text.withCString {
                try check(sqlite3_bind_text(handle, index, $0, Int32(text.utf8.count), nil))
                return try bind(values.dropFirst(), body)
            }
        case .blob(let bytes) where bytes.isEmpty:
            // A NULL pointer would bind NULL, not an empty blob.
            try check(sqlite3_bind_zeroblob(handle, index, 0))
        case .blob(let bytes):
            return try bytes.withUnsafeBytes {
                try check(sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), nil))
                return try bind(values.dropFirst(), body)
            }
        }
        return try bind(values.dropFirst(), body)
    }

    /// Steps once: a row, or nil when the statement is done.
    public func step() throws -> Row? {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return Row(statement: self)
        case SQLITE_DONE:
            sqlite3_reset(handle)
            return nil
        case let code:
            sqlite3_reset(handle)
            throw database.error(code, sql: sql)
        }
    }

    public func reset() { sqlite3_reset(handle) }
}

/// The current row of a statement; valid until the statement steps again.
struct Row {
    let statement: Statement

    public var count: Int { Int(sqlite3_column_count(statement.handle)) }

    public func name(_ index: Int) -> String {
        String(cString: sqlite3_column_name(statement.handle, Int32(index)))
    }

    public func value(_ index: Int) -> SQLValue {
        let handle = statement.handle
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(handle, column)))
        case SQLITE_BLOB:
            // An empty blob comes back as a NULL pointer.
            guard let bytes = sqlite3_column_blob(handle, column) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .blob([UInt8](UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    public func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(statement.handle, Int32(index)) == SQLITE_NULL
    }

    public func int(_ index: Int) -> Int { Int(sqlite3_column_int64(statement.handle, Int32(index))) }

    public func double(_ index: Int) -> Double { sqlite3_column_double(statement.handle, Int32(index)) }

    public func string(_ index: Int) -> String? {
        guard let text = sqlite3_column_text(statement.handle, Int32(index)) else { return nil }
        return String(cString: text)
    }

    public func text(_ index: Int) -> String { string(index) ?? "" }

    public func bool(_ index: Int) -> Bool { int(index) != 0 }

    // By column name: the way records decode their rows.

    /// The index of the column `name`; a name the statement does not select is a programming error.
    func index(_ name: String) -> Int {
        guard let index = statement.column(name) else {
            preconditionFailure("no column \(name) in \(statement.sql)")
        }
        return index
    }

    func isNull(_ name: String) -> Bool { isNull(index(name)) }
    func int(_ name: String) -> Int { int(index(name)) }
    func optionalInt(_ name: String) -> Int? { isNull(name) ? nil : int(name) }
    func string(_ name: String) -> String? { string(index(name)) }
    func text(_ name: String) -> String { text(index(name)) }
    func bool(_ name: String) -> Bool { bool(index(name)) }
    func date(_ name: String) -> PartialDate? { string(name).flatMap { try? PartialDate($0) } }
}
