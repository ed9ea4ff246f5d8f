import Foundation

// Reading JSON a piece at a time, so that a file of any size is read in the memory of one record:
// `ByteSource` (a file, read with pread, or bytes in memory), `ByteReader` (a buffer over it that
// keeps what a record needs whole), `JSONSyntax` (one pass that checks the syntax and tells what it
// finds to a listener) and `JSONElements` (the elements of one array, found again quickly once
// the syntax is known to be right).

/// Where the bytes are: a regular file, read where asked, or bytes in memory.
final class ByteSource {
    private let descriptor: Int32?
    private let data: Data?
    let count: Int
    /// Told how far into the source each read ends (a pass over a large file shows its progress).
    var onRead: ((Int) -> Void)?

    /// A regular file, opened to read; closed when the source goes.
    init(descriptor: Int32, count: Int) {
        self.descriptor = descriptor
        self.data = nil
        self.count = count
    }

    init(data: Data) {
        self.descriptor = nil
        self.data = data
        self.count = data.count
    }

    deinit { if let descriptor { close(descriptor) } }

    /// Reads up to `buffer.count` bytes at `offset`; 0 at the end.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let wanted = min(buffer.count, count - offset)
        guard wanted > 0 else { return 0 }
        if let data {
            data.withUnsafeBytes { bytes in
                buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: wanted)
            }
            onRead?(offset + wanted)
            return wanted
        }
        while true {
            let read = pread(descriptor!, buffer.baseAddress, wanted, off_t(offset))
            if read >= 0 {
                onRead?(offset + read)
                return read
            }
            if errno != EINTR { throw ByteSourceError(code: errno) }
        }
    }

    /// The bytes in `range`, read now.
    func bytes(_ range: Range<Int>) throws -> Data {
        if let data { return data.subdata(in: range) }
        var result = Data(count: range.count)
        var done = 0
        try result.withUnsafeMutableBytes { buffer in
            while done < range.count {
                let read = try self.read(
                    at: range.lowerBound + done, into: UnsafeMutableRawBufferPointer(rebasing: buffer[done...]))
                guard read > 0 else { break }
                done += read
            }
        }
        return result.prefix(done)
    }

    /// The first byte that is not a space, a tab or a line break; nil when there is none.
    func firstByteAfterSpaces() throws -> UInt8? { try ByteReader(self, capacity: 1 << 16).skipSpace() }

    /// Every byte, read a buffer at a time.
    func forEachPiece(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let size = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while true {
            let read = try self.read(at: offset, into: buffer)
            guard read > 0 else { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[..<read]))
            offset += read
        }
    }
}

struct ByteSourceError: Error {
    let code: Int32
    var localizedDescription: String { String(cString: strerror(code)) }
}

/// A window on a source, read forward. Bytes from `mark` on are kept in the window (it grows to
/// hold them), so that what starts at the mark can be taken whole when it ends.
final class ByteReader {
    let source: ByteSource
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The offset in the source of storage[0].
    private(set) var base = 0
    /// Bytes of storage that hold data.
    private(set) var count = 0
    /// The next byte to read, as an index into storage.
    var index = 0
    /// Keep bytes from this offset in the source on (nil: keep nothing read).
    var mark: Int?

    init(_ source: ByteSource, at offset: Int = 0, capacity: Int = 1 << 20) {
        self.source = source
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
        base = offset
    }

    deinit { storage.deallocate() }

    /// The offset in the source of the next byte.
    var offset: Int { base + index }

    /// The next byte, without taking it; nil at the end of the source.
    @inline(__always) func peek() throws -> UInt8? {
        if index < count { return storage[index] }
        return try refill() ? storage[index] : nil
    }

    /// Reads more: keeps what is marked, moves it to the front, grows when all of it is marked.
    func refill() throws -> Bool {
        let keepFrom = mark.map { max(0, $0 - base) } ?? index
        if keepFrom > 0 {
            storage.update(from: storage + keepFrom, count: count - keepFrom)
            base += keepFrom
            count -= keepFrom
            index -= keepFrom
        }
        if count == capacity {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.update(from: storage, count: count)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        let read = try source.read(
            at: base + count, into: UnsafeMutableRawBufferPointer(start: storage + count, count: capacity - count))
        count += read
        return read > 0
    }

    /// The bytes from offset `from` (which must be marked or after the mark) to the next byte.
    func bytes(from: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage + (from - base), count: offset - from)
    }

    /// Skips spaces, tabs and line breaks; the byte after them, or nil at the end.
    @inline(__always) func skipSpace() throws -> UInt8? {
        while true {
            while index < count {
                let byte = storage[index]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
                index += 1
            }
            guard try refill() else { return nil }
        }
    }

    /// Skips a string whose opening quote was taken, up to and with its closing quote, checking
    /// its escapes, that no control character stands in it, and that it is UTF-8.
    func skipString() throws {
        while true {
            while index < count {
                let byte = storage[index]
                if byte == 0x22 {
                    index += 1
                    return
                }
                if byte == 0x5C {
                    try skipEscape()
                } else if byte < 0x20 {
                    throw JSONSyntaxError(offset: offset, reason: .invalid)
                } else if byte >= 0x80 {
                    try skipUTF8()
                } else {
                    index += 1
                }
            }
            guard try refill() else { throw JSONSyntaxError(offset: offset, reason: .truncated) }
        }
    }

    private func next() throws -> UInt8 {
        guard let byte = try peek() else { throw JSONSyntaxError(offset: offset, reason: .truncated) }
        index += 1
        return byte
    }

    private func skipEscape() throws {
        let start = offset
        index += 1
        switch try next() {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: return
        case 0x75:
            for _ in 0..<4 {
                let digit = try next()
                guard digit.isHexDigit else { throw JSONSyntaxError(offset: offset - 1, reason: .invalid) }
            }
        default: throw JSONSyntaxError(offset: start, reason: .invalid)
        }
    }

    /// One character of two to four bytes, as UTF-8 allows them.
    private func skipUTF8() throws {
        let start = offset
        let lead = try next()
        let (length, low, high): (Int, UInt8, UInt8)
        switch lead {
        case 0xC2...0xDF: (length, low, high) = (1, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xED: (length, low, high) = (2, 0x80, 0x9F)
        case 0xF0: (length, low, high) = (3, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (3, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (3, 0x80, 0x8F)
        default: throw JSONSyntaxError(offset: start, reason: .notUTF8)
        }
        for i in 0..<length {
            let byte = try next()
            let range: ClosedRange<UInt8> = i == 0 ? low...high : 0x80...0xBF
            guard range.contains(byte) else { throw JSONSyntaxError(offset: start, reason: .notUTF8) }
        }
    }

    /// Skips a number as JSON writes them (-0.5e3; no leading zeros, no lone point).
    func skipNumber() throws {
        let start = offset
        func digits() throws -> Int {
            var n = 0
            while let byte = try peek(), byte >= 0x30 && byte <= 0x39 {
                index += 1
                n += 1
            }
            return n
        }
        if try peek() == 0x2D { index += 1 }
        let first = try peek()
        let integer = try digits()
        guard integer > 0, first != 0x30 || integer == 1 else { throw JSONSyntaxError(offset: start, reason: .invalid) }
        if try peek() == 0x2E {
            index += 1
            guard try digits() > 0 else { throw JSONSyntaxError(offset: offset, reason: .invalid) }
        }
        if let e = try peek(), e == 0x65 || e == 0x45 {
            index += 1
            if let sign = try peek(), sign == 0x2B || sign == 0x2D { index += 1 }
            guard try digits() > 0 else { throw JSONSyntaxError(offset: offset, reason: .invalid) }
        }
    }

    /// Skips `true`, `false` or `null`, its first letter not yet taken.
    func skipLiteral() throws {
        let start = offset
        let word: [UInt8]
        switch try peek() {
        case 0x74: word = Array("true".utf8)
        case 0x66: word = Array("false".utf8)
        default: word = Array("null".utf8)
        }
        for expected in word {
            guard let byte = try peek() else { throw JSONSyntaxError(offset: offset, reason: .truncated) }
            guard byte == expected else { throw JSONSyntaxError(offset: start, reason: .invalid) }
            index += 1
        }
    }

    /// Skips one value known to be well formed (checked before): a fast walk over brackets and strings.
    func skipValue() throws {
        var depth = 0
        repeat {
            guard let byte = try skipSpace() else { return }
            switch byte {
            case 0x7B, 0x5B:
                depth += 1
                index += 1
            case 0x7D, 0x5D:
                depth -= 1
                index += 1
            case 0x22:
                index += 1
                try skipStringFast()
            case 0x2C, 0x3A: index += 1
            default:
                // A number or a literal: up to the next delimiter.
                while let byte = try peek(), !(byte == 0x2C || byte == 0x5D || byte == 0x7D || byte <= 0x20) { index += 1 }
            }
        } while depth > 0
    }

    /// Skips the rest of a string known to be well formed.
    private func skipStringFast() throws {
        while true {
            while index < count {
                let byte = storage[index]
                index += 1
                if byte == 0x22 { return }
                if byte == 0x5C { index += 1 }
            }
            // An escape may have stepped past the end of what was read.
            let over = index - count
            index = count
            guard try refill() else { return }
            index += over
        }
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}

/// Where the syntax breaks, and how.
struct JSONSyntaxError: Error {
    enum Reason { case invalid, truncated, notUTF8, empty }
    let offset: Int
    let reason: Reason
}

/// What the syntax check tells its listener as it goes. Depth 0 is the top level: the key of the
/// top-level object's members is said at depth 1.
protocol JSONListener {
    /// A value begins at `offset`: `kind` is its first byte (`{`, `[`, `"`, a digit, `t`...).
    mutating func valueBegins(depth: Int, kind: UInt8, offset: Int, reader: ByteReader) throws
    /// The value that began at depth `depth` ends before `offset`.
    mutating func valueEnds(depth: Int, offset: Int) throws
    /// A key of an object at `depth`, when `wantsKeys(depth:)`; `bytes` are its raw bytes, quotes left out.
    mutating func key(depth: Int, bytes: UnsafeRawBufferPointer) throws
    /// A string value at `depth`, raw, when `wantsString(depth:)`.
    mutating func string(depth: Int, bytes: UnsafeRawBufferPointer) throws
    func wantsKeys(depth: Int) -> Bool
    func wantsString(depth: Int) -> Bool
}

/// The one pass that checks the syntax of a whole JSON text (RFC 8259, UTF-8) and tells a listener
/// where values begin and end, holding at most a buffer and the longest string it was asked for.
enum JSONSyntax {
    /// What may come next.
    enum Expect { case value, valueOrClose, key, keyOrClose, colon, commaOrClose, end }

    static func check(_ source: ByteSource, listener: inout some JSONListener) throws {
        var pass = Pass(reader: ByteReader(source))
        while let byte = try pass.reader.skipSpace() {
            try pass.take(byte, listener: &listener)
        }
        guard pass.expect == .end else {
            // Nothing but spaces, or a value begun and not ended.
            let empty = pass.expect == .value && pass.objects.isEmpty
            throw JSONSyntaxError(offset: pass.reader.offset, reason: empty ? .empty : .truncated)
        }
    }

    /// Where the check stands: the reader, the open containers and what may come next.
    private struct Pass {
        let reader: ByteReader
        /// The open containers, innermost last: true for an object.
        var objects: [Bool] = []
        var expect = Expect.value

        var invalid: JSONSyntaxError { JSONSyntaxError(offset: reader.offset, reason: .invalid) }

        /// Reads what starts with `byte`, the next byte that is not a space.
        mutating func take(_ byte: UInt8, listener: inout some JSONListener) throws {
            switch expect {
            case .end:
                throw invalid
            case .colon:
                guard byte == 0x3A else { throw invalid }
                reader.index += 1
                expect = .value
            case .commaOrClose:
                let isObject = objects.last!
                if byte == 0x2C {
                    reader.index += 1
                    expect = isObject ? .key : .value
                } else if byte == (isObject ? 0x7D : 0x5D) {
                    try close(listener: &listener)
                } else {
                    throw invalid
                }
            case .key, .keyOrClose:
                if byte == 0x7D && expect == .keyOrClose { return try close(listener: &listener) }
                guard byte == 0x22 else { throw invalid }
                let depth = objects.count
                try string(listener.wantsKeys(depth: depth)) { try listener.key(depth: depth, bytes: $0) }
                expect = .colon
            case .value, .valueOrClose:
                if byte == 0x5D && expect == .valueOrClose { return try close(listener: &listener) }
                try value(byte, listener: &listener)
            }
        }

        /// Reads a value that starts with `byte`: opens a container, or reads a string, number or
        /// literal whole.
        mutating func value(_ byte: UInt8, listener: inout some JSONListener) throws {
            let depth = objects.count
            try listener.valueBegins(depth: depth, kind: byte, offset: reader.offset, reader: reader)
            switch byte {
            case 0x7B, 0x5B:
                reader.index += 1
                objects.append(byte == 0x7B)
                expect = byte == 0x7B ? .keyOrClose : .valueOrClose
                return
            case 0x22: try string(listener.wantsString(depth: depth)) { try listener.string(depth: depth, bytes: $0) }
            case 0x2D, 0x30...0x39: try reader.skipNumber()
            case 0x74, 0x66, 0x6E: try reader.skipLiteral()
            default: throw invalid
            }
            try listener.valueEnds(depth: depth, offset: reader.offset)
            expect = objects.isEmpty ? .end : .commaOrClose
        }

        /// Closes the innermost container, whose closing byte is next.
        mutating func close(listener: inout some JSONListener) throws {
            reader.index += 1
            objects.removeLast()
            try listener.valueEnds(depth: objects.count, offset: reader.offset)
            expect = objects.isEmpty ? .end : .commaOrClose
        }

        /// Reads a string whose opening quote is next; hands on its raw bytes when `wanted`.
        func string(_ wanted: Bool, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
            let start = reader.offset + 1
            if wanted { reader.mark = start }
            reader.index += 1
            try reader.skipString()
            guard wanted else { return }
            try body(UnsafeRawBufferPointer(rebasing: reader.bytes(from: start).dropLast()))
            reader.mark = nil
        }
    }
}

/// The elements of one array in a source whose syntax was checked, a batch at a time: each
/// batch's bytes are a JSON array of those elements, ready for a decoder.
struct JSONElements {
    let source: ByteSource
    /// Where the array's `[` stands.
    let start: Int
    /// How many elements (and at most how many bytes, unless one element is larger) a batch holds.
    var batchCount = 256
    var batchBytes = 1 << 20

    /// One batch: for each element its index in the array, the offset in the source where it
    /// begins and its bytes in `json`, the batch as a JSON array.
    struct Batch {
        var indexes: [Int] = []
        var offsets: [Int] = []
        var ranges: [Range<Int>] = []
        var json = Data("[".utf8)
    }

    /// Calls `body` with each batch. `wanted`, when given, keeps only the elements of those indexes (ascending).
    func forEachBatch(only wanted: [Int]? = nil, _ body: (Batch) throws -> Void) throws {
        let reader = ByteReader(source, at: start + 1)
        var batch = Batch()
        var index = 0
        var nextWanted = wanted.map { $0[...] }
        func flush() throws {
            guard !batch.indexes.isEmpty else { return }
            batch.json.append(UInt8(ascii: "]"))
            try body(batch)
            batch = Batch()
        }
        while let byte = try reader.skipSpace(), byte != 0x5D {
            if byte == 0x2C {
                reader.index += 1
                continue
            }
            let begins = reader.offset
            let keep = nextWanted.map { $0.first == index } ?? true
            if keep {
                reader.mark = begins
                try reader.skipValue()
                if !batch.indexes.isEmpty { batch.json.append(UInt8(ascii: ",")) }
                let bytes = reader.bytes(from: begins)
                let from = batch.json.count
                batch.json.append(bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: bytes.count)
                reader.mark = nil
                batch.indexes.append(index)
                batch.offsets.append(begins)
                batch.ranges.append(from..<batch.json.count)
                nextWanted = nextWanted?.dropFirst()
                if batch.indexes.count >= batchCount || batch.json.count >= batchBytes { try flush() }
            } else {
                try reader.skipValue()
            }
            index += 1
            if nextWanted?.isEmpty == true { break }
        }
        try flush()
    }
}
