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
        case .json: return jsonText()
        case .csv: return csv()
        }
    }

    public func jsonObjects() -> [[String: Any]] {
        rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(columns, row).map { ($0.0, $0.1.jsonValue) })
        }
    }

    /// The rows as `Report.json(jsonObjects())` writes them, byte for byte, written here directly:
    /// JSONSerialization takes seconds over tens of thousands of rows.
    func jsonText() -> String { String(decoding: jsonBytes(), as: UTF8.self) }

    /// `jsonText()` as UTF-8 bytes, written into one buffer (a million rows at most seconds).
    func jsonBytes() -> [UInt8] {
        guard !rows.isEmpty else { return Array("[\n\n]\n".utf8) }
        // The keys in the order JSONSerialization sorts them, asked of it once.
        let probe = Report.json(Dictionary(columns.map { ($0, NSNull()) }, uniquingKeysWith: { a, _ in a }))
        let sorted = columns.indices.sorted {
            (probe.range(of: "\"\(JSONText.escaped(columns[$0]))\" :")?.lowerBound ?? probe.endIndex)
                < (probe.range(of: "\"\(JSONText.escaped(columns[$1]))\" :")?.lowerBound ?? probe.endIndex)
        }
        let keys = sorted.map { Array("    \"\(JSONText.escaped(columns[$0]))\" : ".utf8) }
        var out: [UInt8] = Array("[\n".utf8)
        for (n, row) in rows.enumerated() {
            let present = sorted.indices.filter { sorted[$0] < row.count }
            out += present.isEmpty ? "  {\n\n  }".utf8 : "  {\n".utf8
            for (i, k) in present.enumerated() {
                out += keys[k]
                switch row[sorted[k]] {
                case .text(let text):
                    out.append(0x22)
                    out += JSONText.escaped(text).utf8
                    out.append(0x22)
                case .int(let number): out += String(number).utf8
                case .bool(let flag): out += (flag ? "true" : "false").utf8
                case .null: out += "null".utf8
                }
                out += i < present.count - 1 ? ",\n".utf8 : "\n  }".utf8
            }
            out += n < rows.count - 1 ? ",\n".utf8 : "\n".utf8
        }
        out += "]\n".utf8
        return out
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
    public func table(width: Int = 80) -> String { String(decoding: tableBytes(width: width), as: UTF8.self) }

    /// `table(width:)` as UTF-8 bytes.
    public func tableBytes(width: Int = 80) -> [UInt8] {
        var all: [UInt8] = []
        writeTable(width: width) { all += $0 }
        return all
    }

    /// `table(width:)` as UTF-8 bytes, handed to `write` a megabyte at a time, each part written
    /// straight into one buffer: tens of thousands of rows (`query anniversaries` at a million
    /// events) print in milliseconds, not seconds, and never all in memory at once.
    public func writeTable(width: Int = 80, _ write: ([UInt8]) -> Void) {
        let partSize = 1 << 20
        var out: [UInt8] = []
        // Four lines a row (a listing's wrapped cells take three or four), up to a part and a
        // row: the buffer is not copied as it grows.
        out.reserveCapacity(min(rows.count * 4 * (width + 1), partSize + 64 * (width + 1)))
        defer { write(out) }
        if let title { out += title.utf8 + [0x0A] }
        guard !rows.isEmpty else {
            out += "  (none)\n".utf8
            for note in notes { out += note.utf8 + [0x0A] }
            return
        }
        let shown = (tableColumns ?? columns).filter { $0 != detailColumn }.compactMap { columns.firstIndex(of: $0) }
        let detail = detailColumn.flatMap { columns.firstIndex(of: $0) }
        let headers = shown.map { columns[$0].uppercased().replacingOccurrences(of: "_", with: " ") }
        // The cells row after row in one array (a row: `shown.count` of them), each measured once.
        let columnCount = shown.count
        var cells: [String] = []
        var measures: [TextMeasure] = []
        cells.reserveCapacity(rows.count * columnCount)
        measures.reserveCapacity(rows.count * columnCount)
        for row in rows {
            for column in shown {
                // Each text read once; one with a line break measured again, the break a space.
                var text = row[column].text
                var measure = TextMeasure(text)
                if measure.lineBreak {
                    text = text.replacingOccurrences(of: "\n", with: " ")
                    measure = TextMeasure(text)
                }
                cells.append(text)
                measures.append(measure)
            }
        }
        let headerMeasures = headers.map(TextMeasure.init)
        func column(_ index: Int) -> some Sequence<TextMeasure> {
            stride(from: index, to: measures.count, by: columnCount).lazy.map { measures[$0] }
        }
        var widths = headers.indices.map { index in
            max(headerMeasures[index].width, column(index).map(\.width).max() ?? 0)
        }
        // Columns shrink down to their longest word (12 at most), the one with most to give first.
        let floors = headers.indices.map { index in
            min(
                widths[index],
                max(6, min(12, max(headerMeasures[index].longestWord, column(index).map(\.longestWord).max() ?? 0))))
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
        let spaces = String(repeating: " ", count: (widths.max() ?? 0) + gap + indent)
        func line(_ texts: [String], _ textWidths: [Int]) -> String {
            // A cell that fits is one line of its own width; only the others are wrapped.
            let wrapped = texts.enumerated().map { column, text in
                textWidths[column] <= widths[column]
                    ? [(text, textWidths[column])] : text.wrapped(to: widths[column]).map { ($0, $0.displayWidth) }
            }
            let height = wrapped.map(\.count).max() ?? 1
            var lines: [String] = []
            for row in 0..<height {
                var text = String(spaces.prefix(indent))
                for (column, parts) in wrapped.enumerated() {
                    let (part, partWidth) = row < parts.count ? parts[row] : ("", 0)
                    text += part
                    if column < wrapped.count - 1 { text += spaces.prefix(widths[column] - partWidth + gap) }
                }
                while text.last == " " { text.removeLast() }
                lines.append(text)
            }
            return lines.joined(separator: "\n")
        }
        out += line(headers, headerMeasures.map(\.width)).utf8 + [0x0A]
        var scratch = TextMeasure.Scratch()
        for (index, values) in rows.enumerated() {
            let cellRange = index * columnCount..<(index + 1) * columnCount
            if measures[cellRange].allSatisfy(\.simple) {
                TextMeasure.writeLine(
                    cells[cellRange], measures[cellRange], widths: widths, indent: indent, gap: gap, scratch: &scratch,
                    into: &out)
            } else {
                out += line(Array(cells[cellRange]), measures[cellRange].map(\.width)).utf8 + [0x0A]
            }
            if let detail, !values[detail].text.isEmpty {
                for (n, part) in values[detail].text.wrapped(to: width - 6).enumerated() {
                    out += ((n == 0 ? "    ↳ " : "      ") + part).utf8 + [0x0A]
                }
            }
            if out.count >= partSize {
                write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        for note in notes { out += note.utf8 + [0x0A] }
    }

    /// The rows as the command line prints them, as UTF-8 bytes.
    public func bytes(_ format: OutputFormat, width: Int = 80) -> [UInt8] {
        switch format {
        case .table: tableBytes(width: width)
        case .json: jsonBytes()
        case .csv: Array(csv().utf8)
        }
    }
}

/// A cell's width in columns and the width of its longest word, read from its bytes in one pass
/// when every character in it is a single scalar a column wide or none (Latin scripts with
/// precomposed letters, Greek, dashes: `simple`); else read as `String` does, by characters.
struct TextMeasure {
    let width: Int
    let longestWord: Int
    let simple: Bool
    /// Whether the text holds a line break (which a table cell shows as a space).
    let lineBreak: Bool

    init(_ text: String) {
        if let (width, longest, lineBreak) = text.utf8.withContiguousStorageIfAvailable(TextMeasure.measure) ?? nil {
            (self.width, self.longestWord, self.simple, self.lineBreak) = (width, longest, true, lineBreak)
        } else {
            (self.width, self.longestWord, self.simple) = (text.displayWidth, text.longestWordWidth, false)
            lineBreak = text.utf8.contains(0x0A)
        }
    }

    /// Width, longest word and whether there is a line break, of a simple text; nil for any other.
    static func measure(_ bytes: UnsafeBufferPointer<UInt8>) -> (width: Int, longestWord: Int, lineBreak: Bool)? {
        var width = 0
        var longest = 0
        var run = 0
        var lineBreak = false
        var offset = 0
        while offset < bytes.count {
            let lead = bytes[offset]
            // ASCII, most of every cell, a byte at a time: a column but for control characters,
            // which take none (and neither end a word nor lengthen it).
            if lead < 0x80 {
                if lead == 0x20 {
                    width += 1
                    run = 0
                } else if lead < 0x20 || lead == 0x7F {
                    lineBreak = lineBreak || lead == 0x0A
                } else {
                    width += 1
                    run += 1
                    longest = max(longest, run)
                }
                offset += 1
                continue
            }
            let (value, length) = scalar(at: offset, of: bytes)
            guard let w = simpleWidth(value) else { return nil }
            width += w
            run += w
            longest = max(longest, run)
            offset += length
        }
        return (width, longest, lineBreak)
    }

    /// The scalar whose first byte is at `offset`, and its length in bytes: the one UTF-8 decoding
    /// of the table writer (`measure`, `simpleWidth(of:)`, `forEachScalar`).
    static func scalar(at offset: Int, of bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        let lead = bytes[offset]
        guard lead >= 0xC0 else { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (lead >= 0xF0 ? 0x07 : lead >= 0xE0 ? 0x0F : 0x1F)
        for next in 1..<length { value = value << 6 | UInt32(bytes[offset + next] & 0x3F) }
        return (value, length)
    }

    /// The width of a simple text's bytes (as `measure` gives it), ASCII a byte at a time.
    static func simpleWidth(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var width = 0
        var offset = 0
        while offset < bytes.count {
            let lead = bytes[offset]
            if lead < 0x80 {
                width += lead < 0x20 || lead == 0x7F ? 0 : 1
                offset += 1
                continue
            }
            let (value, length) = scalar(at: offset, of: bytes)
            width += simpleWidth(value)!
            offset += length
        }
        return width
    }

    /// The columns a scalar takes when it is always a character of its own (no scalar joins it,
    /// and it joins none: no combining marks, joiners, Hangul or emoji), as `String.width(of:)`
    /// gives them; nil for any other.
    static func simpleWidth(_ value: UInt32) -> Int? {
        if value < 0x300 { return value < 0x20 || (0x7F...0x9F).contains(value) ? 0 : 1 }
        if (0x1E00...0x200B).contains(value) || (0x200E...0x20CF).contains(value) { return 1 }
        return nil
    }

    /// Calls `body` with each scalar's byte offsets and value until it returns false.
    static func forEachScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, UInt32) -> Bool) {
        var offset = 0
        while offset < bytes.count {
            let (value, length) = scalar(at: offset, of: bytes)
            guard body(offset, offset + length, value) else { return }
            offset += length
        }
    }

    /// What writing rows keeps from one to the next: the wrapped cells' bytes and lines, and
    /// which of the lines are each column's.
    struct Scratch {
        var bytes: [UInt8] = []
        var lines: [(start: Int, end: Int, width: Int)] = []
        /// The lines of each wrapped column, in order (the columns that fit have none).
        var columns: [Range<Int>] = []
    }

    /// One row of simple cells, each wrapped as `String.wrapped(to:)` wraps it, written as the
    /// table writes its lines: no character is looked at as more than a byte or a scalar.
    static func writeLine(
        _ texts: ArraySlice<String>, _ measures: ArraySlice<TextMeasure>, widths: [Int], indent: Int, gap: Int,
        scratch: inout Scratch, into out: inout [UInt8]
    ) {
        // A cell that fits is itself; the others, lines of the scratch buffer.
        scratch.bytes.removeAll(keepingCapacity: true)
        scratch.lines.removeAll(keepingCapacity: true)
        scratch.columns.removeAll(keepingCapacity: true)
        var height = 1
        // By index: each cell's text is touched only where it is written, not once a line.
        let (firstText, firstMeasure) = (texts.startIndex, measures.startIndex)
        for column in 0..<texts.count where measures[firstMeasure + column].width > widths[column] {
            let text = texts[firstText + column]
            let first = scratch.lines.count
            if text.utf8.withContiguousStorageIfAvailable({ wrap($0, to: widths[column], into: &scratch) }) == nil {
                Array(text.utf8).withUnsafeBufferPointer { wrap($0, to: widths[column], into: &scratch) }
            }
            scratch.columns.append(first..<scratch.lines.count)
            height = max(height, scratch.lines.count - first)
        }
        // The wrapped lines copied from the scratch bytes where they lie, not through a slice
        // (a retain and a release of the buffer each).
        scratch.bytes.withUnsafeBufferPointer { bytes in
            for row in 0..<height {
                let start = out.count
                appendSpaces(indent, to: &out)
                var wrapped = 0
                for column in 0..<texts.count {
                    var partWidth = 0
                    let measure = measures[firstMeasure + column]
                    if measure.width > widths[column] {
                        let lines = scratch.columns[wrapped]
                        wrapped += 1
                        if row < lines.count {
                            let part = scratch.lines[lines.lowerBound + row]
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[part.start..<part.end]))
                            partWidth = part.width
                        }
                    } else if row == 0 {
                        out += texts[firstText + column].utf8
                        partWidth = measure.width
                    }
                    if column < texts.count - 1 { appendSpaces(widths[column] - partWidth + gap, to: &out) }
                }
                while out.count > start, out.last == 0x20 { out.removeLast() }
                out.append(0x0A)
            }
        }
    }

    /// Spaces appended by copying from a line of them, not one by one as `repeatElement` is.
    private static let spaces = [UInt8](repeating: 0x20, count: 256)
    private static func appendSpaces(_ count: Int, to out: inout [UInt8]) {
        var left = count
        spaces.withUnsafeBufferPointer { spaces in
            while left > 0 {
                let n = min(left, spaces.count)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: spaces[0..<n]))
                left -= n
            }
        }
    }

    /// `String.wrapped(to:)` of a simple text's bytes: its lines added to the scratch buffer, with their widths.
    static func wrap(_ text: UnsafeBufferPointer<UInt8>, to width: Int, into scratch: inout Scratch) {
        let firstLine = scratch.lines.count
        var lineStart = scratch.bytes.count
        var lineWidth = 0
        func endLine() {
            scratch.lines.append((lineStart, scratch.bytes.count, lineWidth))
            lineStart = scratch.bytes.count
            lineWidth = 0
        }
        var position = 0
        while position < text.count {
            // The next word: the bytes up to a space.
            guard text[position] != 0x20 else {
                position += 1
                continue
            }
            var end = position
            while end < text.count, text[end] != 0x20 { end += 1 }
            var word = UnsafeBufferPointer(rebasing: text[position..<end])
            position = end
            var wordWidth = simpleWidth(of: word)
            // A word wider than a line: cut into lines of their own.
            while wordWidth > width {
                if scratch.bytes.count > lineStart { endLine() }
                var cut = 0
                var headWidth = 0
                forEachScalar(word) { _, end, value in
                    let w = simpleWidth(value)!
                    guard headWidth + w <= width else { return false }
                    headWidth += w
                    cut = end
                    return true
                }
                scratch.bytes += word[..<cut]
                lineWidth = headWidth
                endLine()
                word = UnsafeBufferPointer(rebasing: word[cut...])
                wordWidth -= headWidth
            }
            if scratch.bytes.count == lineStart {
                scratch.bytes += word
                lineWidth = wordWidth
            } else if lineWidth + 1 + wordWidth <= width {
                scratch.bytes.append(0x20)
                scratch.bytes += word
                lineWidth += 1 + wordWidth
            } else {
                endLine()
                scratch.bytes += word
                lineWidth = wordWidth
            }
        }
        if scratch.bytes.count > lineStart { endLine() }
        if scratch.lines.count == firstLine { scratch.lines.append((lineStart, lineStart, 0)) }
    }
}

extension String {
    /// Columns the text takes in a terminal: wide (East Asian, emoji) characters take two,
    /// combining marks none.
    public var displayWidth: Int {
        // Printable ASCII, the most of what tables hold: a column a byte.
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
        return reduce(0) { $0 + String.width(of: $1) }
    }

    /// The columns one character takes.
    static func width(of character: Character) -> Int {
        guard let value = character.unicodeScalars.first?.value else { return 0 }
        if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value) || (0x20000...0x3FFFD).contains(value)
        {
            return 2
        }
        // A control character (general category Cc) takes none.
        return value < 0x20 || (0x7F...0x9F).contains(value) ? 0 : 1
    }

    /// The width of the longest run of characters without a space.
    var longestWordWidth: Int {
        var longest = 0
        var run = 0
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in utf8 {
                run = byte == 0x20 ? 0 : run + 1
                longest = max(longest, run)
            }
        } else {
            for character in self {
                run = character == " " ? 0 : run + String.width(of: character)
                longest = max(longest, run)
            }
        }
        return longest
    }

    /// The text cut into lines of at most `width` columns, at spaces where it can.
    public func wrapped(to width: Int) -> [String] {
        guard displayWidth > width, width > 0 else { return [self] }
        var lines: [String] = []
        var current = ""
        // Widths add up: a space ends whatever character comes before it.
        var currentWidth = 0
        for word in split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            var wordWidth = word.displayWidth
            while wordWidth > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                    currentWidth = 0
                }
                var head = ""
                for character in word {
                    if (head + String(character)).displayWidth > width { break }
                    head.append(character)
                }
                lines.append(head)
                word.removeFirst(head.count)
                wordWidth = word.displayWidth
            }
            if current.isEmpty {
                current = word
                currentWidth = wordWidth
            } else if currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
            } else {
                lines.append(current)
                current = word
                currentWidth = wordWidth
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
        guard text.utf8.contains(0x22) else { return "\"" + text + "\"" }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
