import Foundation

/// An ISO 8601 date that may be partial: "2024", "2024-09", "2024-09-21", or "--09-21" when a
/// source gives the day but no year.
public struct PartialDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int?
    public let month: Int?
    public let day: Int?

    public init(year: Int?, month: Int? = nil, day: Int? = nil) throws {
        func written() -> String {
            [
                year.map { String(format: "%04d", $0) } ?? "-", month.map { String(format: "%02d", $0) },
                day.map { String(format: "%02d", $0) },
            ].compactMap { $0 }.joined(separator: "-")
        }
        if let month, !(1...12).contains(month) { throw PartialDateError.impossible(written()) }
        if let day {
            guard let month, (1...PartialDate.daysIn(month: month, year: year ?? 2000)).contains(day) else {
                throw PartialDateError.impossible(written())
            }
        }
        if year == nil && day == nil { throw PartialDateError.impossible(written()) }
        if let year, !(1...9999).contains(year) { throw PartialDateError.impossible(written()) }
        self.year = year
        self.month = month
        self.day = day
    }

    public init(_ text: String) throws {
        // Read from the bytes, without allocating: a million dates are parsed in an export.
        var fields = (0, 0, 0)
        var widths = (0, 0, 0)
        var count = 0
        var leadingDashes = 0
        var digits = 0
        var value = 0
        func close() throws {
            guard digits > 0, count < 3 else { throw PartialDateError.malformed(text) }
            switch count {
            case 0: (fields.0, widths.0) = (value, digits)
            case 1: (fields.1, widths.1) = (value, digits)
            default: (fields.2, widths.2) = (value, digits)
            }
            count += 1
            (value, digits) = (0, 0)
        }
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                guard digits <= 4 else { throw PartialDateError.malformed(text) }
            } else if byte == UInt8(ascii: "-") {
                if count == 0 && digits == 0 {
                    leadingDashes += 1
                    guard leadingDashes <= 2 else { throw PartialDateError.malformed(text) }
                } else {
                    try close()
                }
            } else {
                throw PartialDateError.malformed(text)
            }
        }
        try close()
        switch (leadingDashes, count, widths.0, widths.1, widths.2) {
        case (2, 2, 2, 2, _): try self.init(year: nil, month: fields.0, day: fields.1)  // "--09-21"
        case (0, 1, 4, _, _): try self.init(year: fields.0)
        case (0, 2, 4, 2, _): try self.init(year: fields.0, month: fields.1)
        case (0, 3, 4, 2, 2): try self.init(year: fields.0, month: fields.1, day: fields.2)
        default: throw PartialDateError.malformed(text)
        }
    }

    public var description: String {
        // Written into ten bytes by hand (a string that needs no allocation): String(format:) and
        // joined pieces cost more than the rest of an export of a million dates.
        guard let year, (0...9999).contains(year), (1...12).contains(month ?? 1), (1...31).contains(day ?? 1),
            month != nil || day == nil
        else { return written }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func digit(_ value: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(value % 10) }
            (buffer[0], buffer[1], buffer[2], buffer[3]) = (digit(year / 1000), digit(year / 100), digit(year / 10), digit(year))
            guard let month else { return 4 }
            (buffer[4], buffer[5], buffer[6]) = (UInt8(ascii: "-"), digit(month / 10), digit(month))
            guard let day else { return 7 }
            (buffer[7], buffer[8], buffer[9]) = (UInt8(ascii: "-"), digit(day / 10), digit(day))
            return 10
        }
    }

    /// `description` piece by piece: for a date without a year, or out of the usual ranges.
    private var written: String {
        let mm = month.map { PartialDate.padded($0, to: 2) }
        let dd = day.map { PartialDate.padded($0, to: 2) }
        guard let year else { return "--\(mm ?? "")-\(dd ?? "")" }
        var text = PartialDate.padded(year, to: 4)
        if let mm { text += "-" + mm }
        if let dd { text += "-" + dd }
        return text
    }

    static func padded(_ value: Int, to width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// "2024-09-21..25", "2024-09-28..10-02", "2023..2024": a range, its shared start written once.
    public static func range(_ start: PartialDate, _ end: PartialDate?) -> String {
        guard let end, end != start else { return start.description }
        let first = start.description
        let last = end.description
        if start.year == end.year, start.month == end.month, start.month != nil, first.count == 10, last.count == 10 {
            return "\(first)..\(last.suffix(2))"
        }
        if start.year == end.year, start.year != nil, first.count == last.count, first.count > 4 {
            return "\(first)..\(last.dropFirst(5))"
        }
        return "\(first)..\(last)"
    }

    /// A number that sorts as `description` does: no year (a text that starts "--") before any
    /// year, a year before its months, a month before its days.
    public var sortKey: Int {
        guard let year else { return -10_000 + (month ?? 0) * 100 + (day ?? 0) }
        return year * 10_000 + (month ?? 0) * 100 + (day ?? 0)
    }

    /// A full date, to the day.
    public var isExact: Bool { year != nil && day != nil }

    /// The first and last day this date may mean, as day numbers; nil when the year is unknown.
    public var dayRange: ClosedRange<Int>? {
        guard let year else { return nil }
        let firstMonth = month ?? 1
        let lastMonth = month ?? 12
        let first = PartialDate.dayNumber(year: year, month: firstMonth, day: day ?? 1)
        let last = PartialDate.dayNumber(
            year: year, month: lastMonth,
            day: day ?? PartialDate.daysIn(month: lastMonth, year: year))
        return first...last
    }

    /// The same day `years` later. 29 February falls on 28 February in a common year.
    public func adding(years: Int) -> PartialDate? {
        guard let year else { return nil }
        var day = self.day
        if let d = day, let month, d > PartialDate.daysIn(month: month, year: year + years) {
            day = PartialDate.daysIn(month: month, year: year + years)
        }
        return try? PartialDate(year: year + years, month: month, day: day)
    }

    /// Today, or any day number, as an exact date.
    /// The year a day number falls in; nil for nil.
    public static func yearOf(day: Int?) -> Int? { day.map { PartialDate(dayNumber: $0).year ?? 0 } }

    public init(dayNumber: Int) {
        let (y, m, d) = PartialDate.civil(fromDayNumber: dayNumber)
        self.year = y
        self.month = m
        self.day = d
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year ?? 0, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year ?? 0, rhs.month ?? 0, rhs.day ?? 0)
    }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDayNumber number: Int) -> (Int, Int, Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension PartialDate: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

public enum PartialDateError: Error, CustomStringConvertible, Equatable {
    case malformed(String)
    case impossible(String)

    public var description: String {
        switch self {
        case .malformed(let text): return "\"\(text)\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        case .impossible(let text): return "\(text) is not a real date"
        }
    }
}
