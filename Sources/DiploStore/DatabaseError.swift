import DiploSQLite
import Foundation
import DiploModel

/// A failed SQLite call: SQLite's result code and message, and the SQL that was running.
public struct DatabaseError: Error, LocalizedError, Equatable {
    public let code: Int32
    public let message: String
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (SQLITE_CONSTRAINT for SQLITE_CONSTRAINT_FOREIGNKEY, and so on).
    public var primaryCode: Int32 { code & 0xFF }

    public var errorDescription: String? {
        let name = String(cString: sqlite3_errstr(code))
        if let sql { return "SQLite error \(code) (\(name)): \(message), in \(sql)" }
        return "SQLite error \(code) (\(name)): \(message)"
    }
}
