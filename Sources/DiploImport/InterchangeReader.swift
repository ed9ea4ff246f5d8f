import DiploModel
import DiploStore
import Foundation

/// Reads an interchange file ("format": "diplo/1"), turning every decoding failure into one
/// sentence that names the file and the JSON path or line at fault.
public enum InterchangeReader {
    public static func read(_ data: Data, file: String) throws -> KnowledgeBase {
        let kb: KnowledgeBase
        do {
            kb = try JSONDecoder().decode(KnowledgeBase.self, from: data)
        } catch let error as DecodingError {
            throw describe(error, data: data, file: file)
        }
        try validate(kb, file: file)
        return kb
    }

    /// What JSON allows but a knowledge base cannot hold: control characters (a NUL among them)
    /// in ids and names, and names with nothing to look them up by (only punctuation).
    static func validate(_ kb: KnowledgeBase, file: String) throws {
        func check(_ text: String, _ place: String, isName: Bool = false) throws {
            if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw DiploError.badInput(
                    file: file, place: place, reason: "holds a control character, which no id or name may hold")
            }
            if isName && text.lookupKey.isEmpty {
                throw DiploError.badInput(file: file, place: place, reason: "\"\(text)\" has no letter or digit to find it by")
            }
        }
        for (i, document) in kb.documents.enumerated() { try check(document.id, "documents[\(i)].id") }
        for (i, entity) in kb.entities.enumerated() {
            try check(entity.id, "entities[\(i)].id")
            try check(entity.name, "entities[\(i)].name", isName: true)
            for (lang, name) in entity.names.sorted(by: { $0.key < $1.key }) {
                try check(name, "entities[\(i)].names.\(lang)", isName: true)
            }
            for (j, alias) in entity.aliases.enumerated() { try check(alias, "entities[\(i)].aliases[\(j)]", isName: true) }
        }
        for (i, event) in kb.events.enumerated() {
            try check(event.id, "events[\(i)].id")
            for (j, participant) in event.participants.enumerated() {
                try check(participant.entity, "events[\(i)].participants[\(j)].entity")
            }
        }
        for (i, partnership) in kb.partnerships.enumerated() { try check(partnership.id, "partnerships[\(i)].id") }
    }

    /// Whether the bytes look like an interchange file rather than text: a JSON object. Its
    /// "format" key may come anywhere (an export sorts its keys, and "documents" can fill the first
    /// megabytes), so the opening brace decides; a press release never starts with one.
    public static func looksLikeInterchange(_ data: Data) -> Bool {
        guard let first = data.first(where: { !(" \t\r\n".utf8.contains($0)) }) else { return false }
        return first == UInt8(ascii: "{")
    }

    static func path(_ codingPath: [CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "top level" : text
    }

    static func describe(_ error: DecodingError, data: Data, file: String) -> DiploError {
        switch error {
        case let .keyNotFound(key, context):
            let place = path(context.codingPath)
            return .badInput(file: file, place: place, reason: "\"\(key.stringValue)\" is missing")
        case let .typeMismatch(type, context):
            return .badInput(file: file, place: path(context.codingPath), reason: "expected \(noun(for: type))")
        case let .valueNotFound(type, context):
            return .badInput(file: file, place: path(context.codingPath), reason: "expected \(noun(for: type)), found null")
        case let .dataCorrupted(context) where !context.codingPath.isEmpty:
            return .badInput(file: file, place: path(context.codingPath), reason: context.debugDescription)
        case .dataCorrupted:
            return syntaxError(data: data, file: file)
        @unknown default:
            return .badInput(file: file, place: nil, reason: "\(error)")
        }
    }

    /// Where the first run of 19 or more digits outside a string begins, if any.
    static func firstHugeNumber(in data: Data) -> Int? {
        var inString = false
        var escaped = false
        var digits = 0
        for (offset, byte) in data.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inString = true
                digits = 0
                continue
            }
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
                if digits == 19 { return offset - 18 }
            } else {
                digits = 0
            }
        }
        return nil
    }

    static func noun(for type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }

    /// JSONSerialization says where the syntax breaks ("around character N"): said as a line.
    static func syntaxError(data: Data, file: String) -> DiploError {
        if data.isEmpty || data.allSatisfy({ " \t\r\n".utf8.contains($0) }) {
            return .badInput(file: file, place: nil, reason: "the file is empty, not JSON")
        }
        var reason = "not valid JSON"
        var offset: Int?
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if detail.contains("end of file") || detail.contains("Unexpected end") {
                reason = "the JSON stops before it is complete (a truncated file?)"
                offset = data.count
            } else if let range = detail.range(of: #"character \d+"#, options: .regularExpression) {
                offset = Int(detail[range].dropFirst("character ".count))
                reason = "not valid JSON here"
            }
        }
        if offset == nil, let huge = firstHugeNumber(in: data) {
            // Valid JSON that JSONDecoder refuses as a whole: a number no integer can hold.
            offset = huge
            reason = "this number is too large (at most 18 digits)"
        }
        guard let offset else { return .badInput(file: file, place: nil, reason: reason) }
        let before = data.prefix(offset)
        let line = before.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        // Counted in characters, as an editor shows them, not in bytes.
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? before.startIndex
        let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
        return .badInput(file: file, place: "line \(line), column \(column)", reason: reason)
    }
}
