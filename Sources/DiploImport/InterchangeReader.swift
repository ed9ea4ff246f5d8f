import DiploModel
import DiploStore
import Foundation

/// Reads an interchange file ("format": "diplo/1") held in memory, turning every decoding failure
/// into one sentence that names the file and the JSON path or line at fault. A file on disk is read
/// in a stream instead (`InterchangeFile`), through the same checks.
public enum InterchangeReader {
    public static func read(_ data: Data, file: String) throws -> KnowledgeBase {
        try InterchangeFile(data: data, name: file).knowledgeBase()
    }

    /// What JSON allows but a knowledge base cannot hold: control characters (a NUL among them)
    /// in ids and names, and names with nothing to look them up by (only punctuation).
    static func validate(_ record: some Decodable, at place: String, file: String) throws {
        func check(_ text: String, _ field: String, isName: Bool = false) throws {
            if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw DiploError.badInput(
                    file: file, place: "\(place).\(field)", reason: "holds a control character, which no id or name may hold")
            }
            if isName && text.lookupKey.isEmpty {
                throw DiploError.badInput(
                    file: file, place: "\(place).\(field)", reason: "\"\(text)\" has no letter or digit to find it by")
            }
        }
        switch record {
        case let document as Document: try check(document.id, "id")
        case let entity as Entity:
            try check(entity.id, "id")
            try check(entity.name, "name", isName: true)
            for (lang, name) in entity.names.sorted(by: { $0.key < $1.key }) { try check(name, "names.\(lang)", isName: true) }
            for (j, alias) in entity.aliases.enumerated() { try check(alias, "aliases[\(j)]", isName: true) }
        case let event as Event:
            try check(event.id, "id")
            for (j, participant) in event.participants.enumerated() { try check(participant.entity, "participants[\(j)].entity") }
        case let partnership as Partnership: try check(partnership.id, "id")
        default: break
        }
    }

    /// Whether the bytes look like an interchange file rather than text: a JSON object. Its
    /// "format" key may come anywhere (an export sorts its keys, and "documents" can fill the first
    /// megabytes), so the opening brace decides; a press release never starts with one.
    public static func looksLikeInterchange(_ data: Data) -> Bool {
        guard let first = data.first(where: { !(" \t\r\n".utf8.contains($0)) }) else { return false }
        return first == UInt8(ascii: "{")
    }

    /// A JSON path: `prefix` (the record's place in the file), then the decoder's coding path
    /// less its first `droppingFirst` keys.
    static func path(_ codingPath: [CodingKey], prefix: String = "") -> String {
        var text = prefix
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "top level" : text
    }

    static func context(of error: DecodingError) -> DecodingError.Context? {
        switch error {
        case .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
            .dataCorrupted(let context):
            context
        @unknown default: nil
        }
    }

    /// A decoding failure of the record at `prefix` as one sentence.
    static func describe(_ error: DecodingError, file: String, at prefix: String, droppingFirst: Int = 0) -> DiploError {
        let place = path(Array((context(of: error)?.codingPath ?? []).dropFirst(droppingFirst)), prefix: prefix)
        switch error {
        case let .keyNotFound(key, _):
            return .badInput(file: file, place: place, reason: "\"\(key.stringValue)\" is missing")
        case let .typeMismatch(type, _):
            return .badInput(file: file, place: place, reason: "expected \(noun(for: type))")
        case let .valueNotFound(type, _):
            return .badInput(file: file, place: place, reason: "expected \(noun(for: type)), found null")
        case let .dataCorrupted(context):
            return .badInput(file: file, place: place, reason: context.debugDescription)
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
}
