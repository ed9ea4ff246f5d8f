import DiploModel
import DiploStore
import Foundation

/// An interchange file read in a stream: `check()` reads it once (its syntax, where each list
/// stands, ids that stand twice), then a merge reads each list a batch of records at a time, so
/// that a file of a million events imports in the memory of a few hundred. Every failure is one
/// sentence naming the file and the JSON path, or the line and column, at fault.
public final class InterchangeFile {
    public let name: String
    let source: ByteSource
    /// Where each member of the top-level object stands, and the first byte of its value.
    private(set) var members: [String: (range: Range<Int>, kind: UInt8)] = [:]
    /// How many elements each list holds.
    private(set) var counts: [String: Int] = [:]
    /// The first id that stands twice in each list: (index, id).
    private var duplicates: [String: (index: Int, id: String)] = [:]
    /// What the file says to its reader (`notes`); not stored.
    public private(set) var notes: [String]?
    private var checked = false
    /// Told how many bytes of the file each whole pass (its digest, its syntax) has read, of how
    /// many: for a progress line, as a file of a million events takes seconds to read.
    public var reading: ((_ bytes: Int, _ total: Int) -> Void)?

    /// The lists of the format, in the order a merge reads them.
    static let lists = ["documents", "entities", "events", "partnerships", "anniversaries"]
    /// The lists whose ids must be unique in a file.
    static let listsWithIDs: Set<String> = ["documents", "entities", "events", "partnerships"]

    init(name: String, source: ByteSource) {
        self.name = name
        self.source = source
    }

    /// The file's bytes in memory.
    public convenience init(data: Data, name: String) {
        self.init(name: name, source: ByteSource(data: data))
    }

    /// The SHA-256 of the bytes, read a buffer at a time.
    public func sha256() throws -> String {
        telling(reading)
        defer { telling(nil) }
        var digest = SHA256.Accumulator()
        try source.forEachPiece { digest.update($0) }
        return digest.finalize()
    }

    /// Has the source tell `reading` how far it has read (nil: nothing).
    private func telling(_ reading: ((Int, Int) -> Void)?) {
        let total = source.count
        source.onRead = reading.map { reading in { reading($0, total) } }
    }

    // MARK: Checking the whole

    /// Reads the whole file once: its syntax, its top level (an object of the format "diplo/1"
    /// whose lists are lists), where each list stands and how long it is, ids that stand twice.
    /// Nothing of the records is kept.
    public func check() throws {
        guard !checked else { return }
        telling(reading)
        defer { telling(nil) }
        var index = Index()
        do {
            try JSONSyntax.check(source, listener: &index)
        } catch let error as JSONSyntaxError {
            throw try syntaxError(error)
        } catch let error as ByteSourceError {
            throw DiploError.badInput(file: name, place: nil, reason: "cannot be read (\(error.localizedDescription))")
        }
        guard index.topKind == UInt8(ascii: "{") else {
            throw DiploError.badInput(file: name, place: "top level", reason: "expected an object")
        }
        members = index.members
        counts = index.counts
        duplicates = index.duplicates
        guard members["format"] != nil else {
            throw DiploError.badInput(file: name, place: "top level", reason: "\"format\" is missing")
        }
        let format = try decodeMember("format", as: String.self)
        guard format == KnowledgeBase.formatName else {
            throw DiploError.badInput(
                file: name, place: "format", reason: "format \"\(format)\" is not \"\(KnowledgeBase.formatName)\"")
        }
        for list in InterchangeFile.lists {
            guard let member = members[list], member.kind != UInt8(ascii: "[") else { continue }
            // null is an empty list, as a list left out is.
            guard member.kind == UInt8(ascii: "n") else {
                throw DiploError.badInput(file: name, place: list, reason: "expected a list")
            }
            members[list] = nil
        }
        if members["notes"]?.kind == UInt8(ascii: "n") { members["notes"] = nil }
        notes = members["notes"] == nil ? nil : try decodeMember("notes", as: [String].self)
        checked = true
    }

    /// What the syntax check notes of the file: the top level's members, the lists' lengths, the
    /// ids of their records.
    private struct Index: JSONListener {
        var topKind: UInt8?
        var members: [String: (range: Range<Int>, kind: UInt8)] = [:]
        var counts: [String: Int] = [:]
        var duplicates: [String: (index: Int, id: String)] = [:]
        /// The member being read, and where its value began.
        var member: String?
        var memberStart = 0
        var memberKind: UInt8 = 0
        /// Inside a list whose records have ids: the ids seen, and whether the key just read is "id".
        var ids: Set<String>?
        var keyIsID = false

        mutating func valueBegins(depth: Int, kind: UInt8, offset: Int, reader: ByteReader) throws {
            switch depth {
            case 0: topKind = kind
            case 1:
                // Only the members of a top-level object count (a list at the top level is refused after).
                guard let member else { return }
                memberStart = offset
                memberKind = kind
                // A member written twice: the last one counts.
                counts[member] = nil
                duplicates[member] = nil
                ids = InterchangeFile.listsWithIDs.contains(member) && kind == UInt8(ascii: "[") ? [] : nil
            case 2 where memberKind == UInt8(ascii: "["):
                guard let member else { return }
                counts[member, default: 0] += 1
                keyIsID = false
            default: break
            }
        }

        mutating func valueEnds(depth: Int, offset: Int) throws {
            guard depth == 1, let member else { return }
            members[member] = (memberStart..<offset, memberKind)
            ids = nil
        }

        mutating func key(depth: Int, bytes: UnsafeRawBufferPointer) throws {
            if depth == 1 {
                member = try InterchangeFile.string(bytes)
            } else {
                keyIsID = bytes.elementsEqual("id".utf8)
            }
        }

        mutating func string(depth: Int, bytes: UnsafeRawBufferPointer) throws {
            keyIsID = false
            let id = try InterchangeFile.string(bytes)
            guard let list = member, !ids!.insert(id).inserted, duplicates[list] == nil else { return }
            duplicates[list] = (counts[list, default: 1] - 1, id)
        }

        func wantsKeys(depth: Int) -> Bool { depth == 1 || (depth == 3 && ids != nil) }
        func wantsString(depth: Int) -> Bool { depth == 3 && keyIsID && ids != nil }
    }

    /// The text of a JSON string's raw bytes (quotes left out), its escapes read.
    static func string(_ bytes: UnsafeRawBufferPointer) throws -> String {
        guard bytes.contains(UInt8(ascii: "\\")) else { return String(decoding: bytes, as: UTF8.self) }
        var quoted = Data("\"".utf8)
        quoted.append(contentsOf: bytes)
        quoted.append(UInt8(ascii: "\""))
        return try JSONDecoder().decode(String.self, from: quoted)
    }

    /// One member of the top level, decoded; a failure placed by its key.
    private func decodeMember<T: Decodable>(_ key: String, as type: T.Type) throws -> T {
        let bytes = try source.bytes(members[key]!.range)
        do {
            return try JSONDecoder().decode(T.self, from: bytes)
        } catch let error as DecodingError {
            throw InterchangeReader.describe(error, file: name, at: key)
        }
    }

    // MARK: Reading the lists

    /// The elements of a list, decoded a batch at a time, each with its index; `only` keeps those
    /// indexes alone (ascending). Each record is checked as `InterchangeReader.validate` checks it.
    func each<T: Decodable>(_ list: String, as type: T.Type, only: [Int]? = nil, _ body: (Int, T) throws -> Void) throws {
        try check()
        guard let member = members[list], only?.isEmpty != true else { return }
        let decoder = JSONDecoder()
        try JSONElements(source: source, start: member.range.lowerBound).forEachBatch(only: only) { batch in
            let records: [T]
            do {
                // Events, the list that runs to millions, are read straight from the bytes where they can be.
                let events = T.self == Event.self ? EventBatchReader.events(in: batch.json) : nil
                records = try events as? [T] ?? decoder.decode([T].self, from: batch.json)
            } catch let error as DecodingError {
                throw try placed(error, as: T.self, list: list, batch: batch)
            }
            for (record, index) in zip(records, batch.indexes) {
                try InterchangeReader.validate(record, at: "\(list)[\(index)]", file: name)
                try body(index, record)
            }
        }
    }

    /// A decoding failure of a batch, as one sentence: by the JSON path where the decoder says
    /// which record and field, else (a number too large, say) by the line and column.
    private func placed<T: Decodable>(_ error: DecodingError, as type: T.Type, list: String, batch: JSONElements.Batch) throws
        -> DiploError
    {
        if let first = InterchangeReader.context(of: error)?.codingPath.first?.intValue, first < batch.indexes.count {
            return InterchangeReader.describe(error, file: name, at: "\(list)[\(batch.indexes[first])]", droppingFirst: 1)
        }
        // The decoder could not say which record: each on its own, to find the one.
        for (i, range) in batch.ranges.enumerated() {
            let record = Data(batch.json[range])
            do {
                _ = try JSONDecoder().decode(T.self, from: record)
            } catch let error as DecodingError {
                if InterchangeReader.context(of: error)?.codingPath.isEmpty == false {
                    return InterchangeReader.describe(error, file: name, at: "\(list)[\(batch.indexes[i])]")
                }
                return try unreadable(at: batch.offsets[i], bytes: record)
            }
        }
        return try unreadable(at: batch.offsets[0], bytes: Data())
    }

    /// A record the decoder refused as a whole: a number too large for it, placed by line and column.
    private func unreadable(at offset: Int, bytes: Data) throws -> DiploError {
        if let huge = InterchangeReader.firstHugeNumber(in: bytes) {
            return try DiploError.badInput(
                file: name, place: position(of: offset + huge), reason: "this number is too large (at most 18 digits)")
        }
        return try DiploError.badInput(file: name, place: position(of: offset), reason: "not valid JSON here")
    }

    // MARK: Places

    /// "line L, column C" of a byte offset, the column counted in characters as an editor shows them.
    func position(of offset: Int) throws -> String {
        var line = 1
        var lineStart = 0
        var at = 0
        try source.forEachPiece { piece in
            guard at < offset else { return }
            for (i, byte) in piece.prefix(offset - at).enumerated() where byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = at + i + 1
            }
            at += piece.count
        }
        let column = String(decoding: try source.bytes(lineStart..<offset), as: UTF8.self).count + 1
        return "line \(line), column \(column)"
    }

    /// A syntax error as one sentence.
    private func syntaxError(_ error: JSONSyntaxError) throws -> DiploError {
        let reason: String
        switch error.reason {
        case .empty: return .badInput(file: name, place: nil, reason: "the file is empty, not JSON")
        case .truncated: reason = "the JSON stops before it is complete (a truncated file?)"
        case .notUTF8: reason = "the text is not valid UTF-8 (save it as UTF-8 and import it again)"
        case .invalid: reason = "not valid JSON here"
        }
        return .badInput(file: name, place: try position(of: min(error.offset, source.count)), reason: reason)
    }

    // MARK: Whole

    /// Every record at once, as one interchange document: for a dry run, which shows them all.
    public func knowledgeBase() throws -> KnowledgeBase {
        try check()
        var kb = KnowledgeBase(notes: notes)
        try each("documents", as: Document.self) { kb.documents.append($1) }
        try each("entities", as: Entity.self) { kb.entities.append($1) }
        try each("events", as: Event.self) { kb.events.append($1) }
        try each("partnerships", as: Partnership.self) { kb.partnerships.append($1) }
        try each("anniversaries", as: Anniversary.self) { kb.anniversaries.append($1) }
        return kb
    }
}

extension InterchangeFile: MergeSource {
    public var eventCount: Int { counts["events"] ?? 0 }

    public func checkUniqueIDs(file: String) throws {
        try check()
        for list in InterchangeFile.lists {
            if let (index, id) = duplicates[list] { throw DiploError.duplicateID(file: file, list: list, index: index, id: id) }
        }
    }

    public func eachDocument(_ body: (Int, Document) throws -> Void) throws { try each("documents", as: Document.self, body) }
    public func eachEntity(_ body: (Int, Entity) throws -> Void) throws { try each("entities", as: Entity.self, body) }
    public func eachEvent(only indexes: [Int]?, _ body: (Int, Event) throws -> Void) throws {
        try each("events", as: Event.self, only: indexes, body)
    }
    public func eachPartnership(_ body: (Int, Partnership) throws -> Void) throws {
        try each("partnerships", as: Partnership.self, body)
    }
    public func eachAnniversary(_ body: (Int, Anniversary) throws -> Void) throws {
        try each("anniversaries", as: Anniversary.self, body)
    }
}
