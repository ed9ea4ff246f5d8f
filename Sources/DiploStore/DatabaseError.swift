import DiploModel
import DiploSQLite
import Foundation

/// An SQLite result code, primary or extended, as a value that can be matched:
/// `case .constraint` matches every constraint failure, `case .constraintForeignKey` only that one.
public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The primary code: .constraint for .constraintForeignKey, and so on.
    public var primary: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

    public var description: String { "\(rawValue) (\(String(cString: sqlite3_errstr(rawValue))))" }

    // Primary codes (sqlite3.h).
    public static let ok = ResultCode(rawValue: 0)
    public static let error = ResultCode(rawValue: 1)
    public static let `internal` = ResultCode(rawValue: 2)
    public static let permission = ResultCode(rawValue: 3)
    public static let abort = ResultCode(rawValue: 4)
    public static let busy = ResultCode(rawValue: 5)
    public static let locked = ResultCode(rawValue: 6)
    public static let noMemory = ResultCode(rawValue: 7)
    public static let readOnly = ResultCode(rawValue: 8)
    public static let interrupt = ResultCode(rawValue: 9)
    public static let ioError = ResultCode(rawValue: 10)
    public static let corrupt = ResultCode(rawValue: 11)
    public static let full = ResultCode(rawValue: 13)
    public static let cannotOpen = ResultCode(rawValue: 14)
    public static let schema = ResultCode(rawValue: 17)
    public static let tooBig = ResultCode(rawValue: 18)
    public static let constraint = ResultCode(rawValue: 19)
    public static let mismatch = ResultCode(rawValue: 20)
    public static let misuse = ResultCode(rawValue: 21)
    public static let range = ResultCode(rawValue: 25)
    public static let notADatabase = ResultCode(rawValue: 26)

    // Extended codes that Diplo tells apart.
    public static let constraintForeignKey = ResultCode(rawValue: 19 | (3 << 8))
    public static let constraintPrimaryKey = ResultCode(rawValue: 19 | (6 << 8))
    public static let constraintUnique = ResultCode(rawValue: 19 | (8 << 8))
    public static let constraintCheck = ResultCode(rawValue: 19 | (1 << 8))
    public static let readOnlyDatabaseMoved = ResultCode(rawValue: 8 | (4 << 8))

    /// A primary code matches every extended code under it; an extended code only itself.
    public static func ~= (pattern: ResultCode, code: ResultCode) -> Bool {
        pattern == code || (pattern.rawValue == pattern.primary.rawValue && pattern == code.primary)
    }
}

/// A failed SQLite call: SQLite's result code and message, and the SQL that was running.
public struct DatabaseError: Error, LocalizedError, Equatable {
    /// The extended result code, as SQLite gave it.
    public let code: ResultCode
    public let message: String
    public let sql: String?
    /// The database file, when known.
    public var path: String?

    public init(code: ResultCode, message: String, sql: String? = nil, path: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
        self.path = path
    }

    init(code: Int32, message: String, sql: String? = nil, path: String? = nil) {
        self.init(code: ResultCode(rawValue: code), message: message, sql: sql, path: path)
    }

    /// One sentence a user can act on for what goes wrong with the file itself; SQLite's own
    /// words and the SQL for the rest, which are defects to report.
    public var errorDescription: String? {
        let file = path ?? "the database"
        switch code {
        case .readOnly: return "\(file) cannot be written (the file or its folder is read-only): nothing was changed."
        case .full: return "\(file) cannot grow: the disk is full, and nothing was written. Free some space and try again."
        case .notADatabase: return "\(file) is not a Diplo database (it is not SQLite at all): point --db at another file."
        case .cannotOpen: return "\(file) cannot be opened (\(message)): check that its folder exists and can be read."
        case .busy, .locked: return "\(file) is busy: another diplo is writing to it. Try again when it is done."
        case .ioError: return "\(file) could not be read or written (\(message))."
        default:
            if let sql { return "SQLite error \(code): \(message), in \(sql)" }
            return "SQLite error \(code): \(message)"
        }
    }
}
