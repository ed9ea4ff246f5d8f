import DiploModel
import DiploStore
import Foundation

/// A value in a report: text, a number, a flag, or nothing.
public enum ReportValue: Equatable, Sendable, ExpressibleByStringLiteral {
    case text(String)
    case int(Int)
    case bool(Bool)
    case null

    public init(stringLiteral value: String) { self = .text(value) }

    public init(_ text: String?) { self = text.map { .text($0) } ?? .null }

    public init(_ date: PartialDate?) { self = date.map { .text($0.description) } ?? .null }

    public var text: String {
        switch self {
        case .text(let text): text
        case .int(let number): String(number)
        case .bool(let flag): flag ? "yes" : "no"
        case .null: ""
        }
    }

    var jsonValue: Any {
        switch self {
        case .text(let text): text
        case .int(let number): number
        case .bool(let flag): flag
        case .null: NSNull()
        }
    }
}

/// Records as every command prints them: a table for people, JSON or CSV for programs.
public struct Report: Sendable {
    public var title: String?
    public var columns: [String]
    public var rows: [[ReportValue]]
    /// Lines for people under the table (not part of JSON or CSV).
    public var notes: [String]
    /// The columns a table shows, when not all of them fit a terminal; JSON and CSV keep all.
    public var tableColumns: [String]?
    /// A column a table prints under each row, on lines of its own (a source's quote), rather
    /// than squeezed into a column.
    public var detailColumn: String?

    public init(
        title: String? = nil, columns: [String], rows: [[ReportValue]] = [], notes: [String] = [],
        tableColumns: [String]? = nil, detailColumn: String? = nil
    ) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.tableColumns = tableColumns
        self.detailColumn = detailColumn
    }
}

public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv
}

extension Report {
    public func render(_ format: OutputFormat, width: Int = 80) -> String {
        switch format {
        case .table: return table(width: width)
        case .json: return Report.json(jsonObjects())
        case .csv: return csv()
        }
    }

    public func jsonObjects() -> [[String: Any]] {
        rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(columns, row).map { ($0.0, $0.1.jsonValue) })
        }
    }

    public static func json(_ object: Any) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public func csv() -> String {
        var lines = [columns.map(CSV.field).joined(separator: ",")]
        for row in rows { lines.append(row.map { CSV.field($0.text) }.joined(separator: ",")) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Aligned columns that fit `width`: the widest columns give way first, their cells wrapped
    /// at spaces onto more lines.
    public func table(width: Int = 80) -> String {
        var out = ""
        if let title { out += title + "\n" }
        guard !rows.isEmpty else {
            out += "  (none)\n"
            for note in notes { out += note + "\n" }
            return out
        }
        let shown = (tableColumns ?? columns).filter { $0 != detailColumn }.compactMap { columns.firstIndex(of: $0) }
        let detail = detailColumn.flatMap { columns.firstIndex(of: $0) }
        let headers = shown.map { columns[$0].uppercased().replacingOccurrences(of: "_", with: " ") }
        let cells = rows.map { row in shown.map { row[$0].text.replacingOccurrences(of: "\n", with: " ") } }
        var widths = headers.indices.map { column in
            max(headers[column].displayWidth, cells.map { $0[column].displayWidth }.max() ?? 0)
        }
        // Columns shrink down to their longest word (12 at most), the one with most to give first.
        let floors = headers.indices.map { column in
            min(
                widths[column],
                max(
                    6,
                    min(
                        12,
                        ([headers[column]] + cells.map { $0[column] })
                            .flatMap { $0.split(separator: " ") }.map { String($0).displayWidth }.max() ?? 0)))
        }
        let gap = 2
        let indent = 2
        let available = width - indent - gap * (widths.count - 1)
        while widths.reduce(0, +) > available {
            guard let column = widths.indices.max(by: { widths[$0] - floors[$0] < widths[$1] - floors[$1] }),
                widths[column] > floors[column]
            else { break }
            widths[column] -= 1
        }
        func line(_ texts: [String]) -> String {
            let wrapped = texts.enumerated().map { $0.element.wrapped(to: widths[$0.offset]) }
            let height = wrapped.map(\.count).max() ?? 1
            var lines: [String] = []
            for row in 0..<height {
                var text = String(repeating: " ", count: indent)
                for (column, parts) in wrapped.enumerated() {
                    let part = row < parts.count ? parts[row] : ""
                    text += part
                    if column < wrapped.count - 1 {
                        text += String(repeating: " ", count: widths[column] - part.displayWidth + gap)
                    }
                }
                while text.last == " " { text.removeLast() }
                lines.append(text)
            }
            return lines.joined(separator: "\n")
        }
        out += line(headers) + "\n"
        for (row, values) in zip(cells, rows) {
            out += line(row) + "\n"
            if let detail, !values[detail].text.isEmpty {
                for (n, part) in values[detail].text.wrapped(to: width - 6).enumerated() {
                    out += (n == 0 ? "    ↳ " : "      ") + part + "\n"
                }
            }
        }
        for note in notes { out += note + "\n" }
        return out
    }
}

extension String {
    /// Columns the text takes in a terminal: wide (East Asian, emoji) characters take two,
    /// combining marks none.
    public var displayWidth: Int {
        var width = 0
        for character in self {
            guard let scalar = character.unicodeScalars.first else { continue }
            let value = scalar.value
            if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value) || (0x20000...0x3FFFD).contains(value)
            {
                width += 2
            } else if scalar.properties.generalCategory == .control {
                continue
            } else {
                width += 1
            }
        }
        return width
    }

    /// The text cut into lines of at most `width` columns, at spaces where it can.
    public func wrapped(to width: Int) -> [String] {
        guard displayWidth > width, width > 0 else { return [self] }
        var lines: [String] = []
        var current = ""
        for word in split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            while word.displayWidth > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                var head = ""
                for character in word {
                    if (head + String(character)).displayWidth > width { break }
                    head.append(character)
                }
                lines.append(head)
                word.removeFirst(head.count)
            }
            if current.isEmpty {
                current = word
            } else if (current + " " + word).displayWidth <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// RFC 4180 fields, as reports (`--format csv`) and the CSV graph export write them.
public enum CSV {
    /// A field quoted when it holds a comma, a quote or a line break (read from the bytes: fast).
    public static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
