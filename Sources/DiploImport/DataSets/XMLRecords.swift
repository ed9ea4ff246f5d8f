import DiploModel
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One record of a flat XML data set (`<visit>`, `<trip>`, `<president>`): the text of each
/// child element (the text of its descendants too, as in `<description>` with `<em>`), the
/// attributes of the record and of its children, and the line it starts on.
struct XMLRecord {
    var fields: [String: String] = [:]
    var attributes: [String: [String: String]] = [:]
    var line = 0
    /// Fields whose text ran across lines or held runs of spaces before it was tidied.
    var untidy: [String] = []

    /// The field's text with white space tidied, nil when absent or empty.
    subscript(_ name: String) -> String? {
        guard let text = fields[name], !text.isEmpty else { return nil }
        return text
    }

    func attribute(_ name: String, of element: String) -> String? {
        guard let value = attributes[element]?[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
        else { return nil }
        return value
    }
}

/// Reads an XML file with Foundation's streaming parser: its root element, and every
/// `recordElement` under it as an `XMLRecord`.
final class XMLRecordReader: NSObject, XMLParserDelegate {
    let recordElement: String
    private(set) var root: String?
    private(set) var records: [XMLRecord] = []
    private var current: XMLRecord?
    private var depth = 0
    private var recordDepth = 0
    private var field: String?
    private var text = ""
    private weak var parser: XMLParser?

    init(recordElement: String) {
        self.recordElement = recordElement
    }

    /// Parses `data`; a file that is not well-formed XML is refused with its line and column.
    static func read(_ data: Data, record: String, file: String) throws -> XMLRecordReader {
        let reader = XMLRecordReader(recordElement: record)
        let parser = XMLParser(data: data)
        reader.parser = parser
        parser.delegate = reader
        if !parser.parse() {
            throw XMLRecordReader.failure(parser, file: file)
        }
        return reader
    }

    static func failure(_ parser: XMLParser, file: String) -> Error {
        let reason = (parser.parserError as NSError?)?.localizedDescription ?? "unknown error"
        return DiploError.badInput(
            file: file, place: "line \(parser.lineNumber), column \(parser.columnNumber)",
            reason: "the XML is not well-formed (\(reason))")
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        if root == nil { root = name }
        if current == nil {
            if name == recordElement {
                current = XMLRecord(attributes: attributes.isEmpty ? [:] : [name: attributes], line: parser.lineNumber)
                recordDepth = depth
            }
            return
        }
        if depth == recordDepth + 1 {
            field = name
            text = ""
            if !attributes.isEmpty { current!.attributes[name] = attributes }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if field != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { depth -= 1 }
        guard current != nil else { return }
        if depth == recordDepth + 1, let field {
            let (tidy, wasUntidy) = XMLText.tidy(text)
            current!.fields[field] = tidy
            if wasUntidy { current!.untidy.append(field) }
            self.field = nil
        } else if depth == recordDepth {
            records.append(current!)
            current = nil
        }
    }
}

enum XMLText {
    /// The text with white space runs (line breaks and indentation inside a sentence) made one
    /// space and the ends trimmed; and whether there was such a run inside it.
    static func tidy(_ text: String) -> (String, Bool) {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pending = false
        var untidy = false
        var runLength = 0
        var sawNewline = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{A0}" {
                runLength += 1
                if scalar == "\n" || scalar == "\r" { sawNewline = true }
                pending = !out.isEmpty
                continue
            }
            if pending {
                if runLength > 1 || sawNewline { untidy = true }
                out.unicodeScalars.append(" ")
            }
            pending = false
            runLength = 0
            sawNewline = false
            out.unicodeScalars.append(scalar)
        }
        return (out, untidy)
    }
}

extension Substring {
    /// The first place `needle` occurs, by bytes: a plain search, much cheaper than Foundation's
    /// locale-aware `range(of:)` over thousands of records.
    func find(_ needle: String) -> Range<String.Index>? {
        let bytes = Array(needle.utf8)
        guard let first = bytes.first else { return nil }
        let view = utf8
        var index = view.startIndex
        while let start = view[index...].firstIndex(of: first) {
            var i = start
            var j = 0
            while j < bytes.count, i < view.endIndex, view[i] == bytes[j] {
                i = view.index(after: i)
                j += 1
            }
            if j == bytes.count { return start..<i }
            index = view.index(after: start)
        }
        return nil
    }
}

extension String {
    func find(_ needle: String) -> Range<String.Index>? { self[...].find(needle) }
    func holds(_ needle: String) -> Bool { find(needle) != nil }
}
