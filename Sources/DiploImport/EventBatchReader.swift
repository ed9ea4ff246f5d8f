import DiploModel
import Foundation

/// Reads a batch of events (a JSON array whose syntax was checked) straight from its bytes. Events
/// are the list that runs to millions, and `JSONDecoder` spent a fifth of a bulk import on them.
/// It reads what a well-made file holds, the way `Event`'s decoder reads it, and gives up (nil) on
/// anything else: a key it does not know or finds twice, a value of another type, a kind, status
/// or date the model refuses, a number that is not a plain integer. `JSONDecoder` then reads that
/// batch, so that what it says of a bad record stays the one sentence a user sees.
struct EventBatchReader {
    private let bytes: UnsafeRawBufferPointer
    private var at = 0

    private struct GiveUp: Error {}

    private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The events of `json`, or nil when `JSONDecoder` must read them.
    static func events(in json: Data) -> [Event]? {
        json.withUnsafeBytes { bytes in
            var reader = EventBatchReader(bytes)
            return try? reader.list { reader in try reader.event() }
        }
    }

    // MARK: The records

    private static let eventKeys: [StaticString] = [
        "id", "kind", "title", "status", "start", "end", "within", "location", "participants", "parent", "sources",
    ]

    private mutating func event() throws -> Event {
        var id: String?
        var kind: EventKind?
        var event = Event(id: "", kind: .other, title: "")
        try object(EventBatchReader.eventKeys) { reader, key in
            switch key {
            case 0: id = try reader.string()
            case 1: kind = try reader.known(EventKind.init(rawValue:))
            case 2: event.title = try reader.optional { try $0.string() } ?? ""
            case 3: event.status = try reader.optional { try $0.known(EventStatus.init(rawValue:)) } ?? .unknown
            case 4: event.start = try reader.optional { try $0.date() }
            case 5: event.end = try reader.optional { try $0.date() }
            case 6:
                event.within = try reader.optional { try $0.list { try $0.date() } }
                if let within = event.within, within.count != 2 { throw GiveUp() }
            case 7: event.location = try reader.optional { try $0.location() }
            case 8: event.participants = try reader.optional { try $0.list { try $0.participant() } } ?? []
            case 9: event.parent = try reader.optional { try $0.string() }
            default: event.sources = try reader.optional { try $0.list { try $0.source() } } ?? []
            }
        }
        guard let id, let kind else { throw GiveUp() }
        event.id = id
        event.kind = kind
        return event
    }

    private mutating func location() throws -> Location {
        var location = Location()
        try object(["country", "city"]) { reader, key in
            if key == 0 {
                location.country = try reader.optional { try $0.string() }
            } else {
                location.city = try reader.optional { try $0.string() }
            }
        }
        return location
    }

    private mutating func participant() throws -> Participant {
        var entity: String?
        var role: String?
        try object(["entity", "role"]) { reader, key in
            if key == 0 { entity = try reader.string() } else { role = try reader.string() }
        }
        guard let entity, let role else { throw GiveUp() }
        return Participant(entity: entity, role: ParticipantRole(role))
    }

    private mutating func source() throws -> SourceRef {
        var source = SourceRef(document: "")
        var document: String?
        try object(["document", "start", "end", "quote", "note"]) { reader, key in
            switch key {
            case 0: document = try reader.string()
            case 1: source.start = try reader.optional { try $0.integer() }
            case 2: source.end = try reader.optional { try $0.integer() }
            case 3: source.quote = try reader.optional { try $0.string() }
            default: source.note = try reader.optional { try $0.string() }
            }
        }
        guard let document else { throw GiveUp() }
        source.document = document
        return source
    }

    // MARK: JSON values

    private var byte: UInt8 { at < bytes.count ? bytes[at] : 0 }

    private mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    /// Passes over `expected` after any space, or gives up.
    private mutating func take(_ expected: UInt8) throws {
        skipSpace()
        guard byte == expected else { throw GiveUp() }
        at += 1
    }

    /// nil for a null, else the value `read` reads.
    private mutating func optional<T>(_ read: (inout EventBatchReader) throws -> T) throws -> T? {
        skipSpace()
        guard byte == UInt8(ascii: "n") else { return try read(&self) }
        guard at + 4 <= bytes.count, bytes[at + 1] == UInt8(ascii: "u") else { throw GiveUp() }
        at += 4
        return nil
    }

    /// The elements of a list, each read by `read`.
    private mutating func list<T>(_ read: (inout EventBatchReader) throws -> T) throws -> [T] {
        try take(UInt8(ascii: "["))
        var elements: [T] = []
        skipSpace()
        if byte == UInt8(ascii: "]") {
            at += 1
            return elements
        }
        while true {
            elements.append(try read(&self))
            skipSpace()
            guard byte == UInt8(ascii: ",") else { break }
            at += 1
        }
        try take(UInt8(ascii: "]"))
        return elements
    }

    /// The members of an object, each read by `member` given its key's place in `keys`; a key
    /// not there, or there twice, gives up.
    private mutating func object(_ keys: [StaticString], _ member: (inout EventBatchReader, Int) throws -> Void)
        throws
    {
        try take(UInt8(ascii: "{"))
        skipSpace()
        if byte == UInt8(ascii: "}") {
            at += 1
            return
        }
        var seen = 0
        while true {
            try take(UInt8(ascii: "\""))
            let start = at
            while at < bytes.count, bytes[at] != UInt8(ascii: "\"") { at += 1 }
            let name = UnsafeRawBufferPointer(rebasing: bytes[start..<min(at, bytes.count)])
            at += 1
            // An escaped key is not among these (JSONDecoder would read its escapes).
            let key = keys.firstIndex { known in
                name.elementsEqual(UnsafeBufferPointer(start: known.utf8Start, count: known.utf8CodeUnitCount))
            }
            guard let key, seen & (1 << key) == 0 else { throw GiveUp() }
            seen |= 1 << key
            try take(UInt8(ascii: ":"))
            try member(&self, key)
            skipSpace()
            guard byte == UInt8(ascii: ",") else { break }
            at += 1
        }
        try take(UInt8(ascii: "}"))
    }

    private mutating func string() throws -> String {
        try take(UInt8(ascii: "\""))
        let start = at
        var escaped = false
        while at < bytes.count, bytes[at] != UInt8(ascii: "\"") {
            if bytes[at] == UInt8(ascii: "\\") {
                escaped = true
                at += 1
            }
            at += 1
        }
        guard at < bytes.count else { throw GiveUp() }
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<at])
        at += 1
        guard escaped else { return String(decoding: raw, as: UTF8.self) }
        guard let text = try? InterchangeFile.string(raw) else { throw GiveUp() }
        return text
    }

    /// A plain integer of at most 18 digits (what `Int` decodes for certain).
    private mutating func integer() throws -> Int {
        skipSpace()
        let negative = byte == UInt8(ascii: "-")
        if negative { at += 1 }
        var value = 0
        var digits = 0
        while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") {
            guard digits < 18 else { throw GiveUp() }
            value = value * 10 + Int(bytes[at] - UInt8(ascii: "0"))
            digits += 1
            at += 1
        }
        guard digits > 0, byte != UInt8(ascii: "."), byte | 0x20 != UInt8(ascii: "e") else { throw GiveUp() }
        return negative ? -value : value
    }

    private mutating func date() throws -> PartialDate {
        try known { try? PartialDate($0) }
    }

    /// A string the model takes (`make` not nil).
    private mutating func known<T>(_ make: (String) -> T?) throws -> T {
        guard let value = make(try string()) else { throw GiveUp() }
        return value
    }
}
