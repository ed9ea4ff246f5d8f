import Foundation

/// An ISO 8601 date that may be partial: "2024", "2024-09", "2024-09-21", or "--09-21" when a
/// source gives the day but no year.
public struct PartialDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int?
    public let month: Int?
    public let day: Int?

    public init(year: Int?, month: Int? = nil, day: Int? = nil) throws {
        func written() -> String {
            [year.map { String(format: "%04d", $0) } ?? "-", month.map { String(format: "%02d", $0) },
             day.map { String(format: "%02d", $0) }].compactMap { $0 }.joined(separator: "-")
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
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func number(_ part: Substring, digits: Int) throws -> Int {
            guard part.count == digits, part.allSatisfy(\.isASCII), let value = Int(part) else {
                throw PartialDateError.malformed(text)
            }
            return value
        }
        if text.hasPrefix("--") {
            guard parts.count == 4 else { throw PartialDateError.malformed(text) }
            try self.init(year: nil, month: number(parts[2], digits: 2), day: number(parts[3], digits: 2))
            return
        }
        switch parts.count {
        case 1: try self.init(year: number(parts[0], digits: 4))
        case 2: try self.init(year: number(parts[0], digits: 4), month: number(parts[1], digits: 2))
        case 3:
            try self.init(year: number(parts[0], digits: 4), month: number(parts[1], digits: 2),
                          day: number(parts[2], digits: 2))
        default: throw PartialDateError.malformed(text)
        }
    }

    public var description: String {
        let mm = month.map { String(format: "%02d", $0) }
        let dd = day.map { String(format: "%02d", $0) }
        guard let year else { return "--\(mm ?? "")-\(dd ?? "")" }
        var text = String(format: "%04d", year)
        if let mm { text += "-\(mm)" }
        if let dd { text += "-\(dd)" }
        return text
    }

    /// "2024-09-21..25", "2024-09-28..10-02", "2023..2024": a range, its shared start written once.
    public static func range(_ start: PartialDate, _ end: PartialDate?) -> String {
        guard let end, end != start else { return start.description }
        let first = start.description, last = end.description
        if start.year == end.year, start.month == end.month, start.month != nil, first.count == 10, last.count == 10 {
            return "\(first)..\(last.suffix(2))"
        }
        if start.year == end.year, start.year != nil, first.count == last.count, first.count > 4 {
            return "\(first)..\(last.dropFirst(5))"
        }
        return "\(first)..\(last)"
    }

    /// A full date, to the day.
    public var isExact: Bool { year != nil && day != nil }

    /// The first and last day this date may mean, as day numbers; nil when the year is unknown.
    public var dayRange: ClosedRange<Int>? {
        guard let year else { return nil }
        let firstMonth = month ?? 1, lastMonth = month ?? 12
        let first = PartialDate.dayNumber(year: year, month: firstMonth, day: day ?? 1)
        let last = PartialDate.dayNumber(year: year, month: lastMonth,
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
