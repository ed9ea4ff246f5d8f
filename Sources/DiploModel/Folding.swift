import Foundation

extension String {
    /// The string as Diplo compares names: lower case, no diacritics (đ becomes d), punctuation as
    /// spaces, single spaces. "Tổng Bí thư, Tô Lâm" and "tong bi thu to lam" fold alike.
    public var folded: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            guard let base = Folding.base(of: scalar) else { continue }
            if base == " " {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            if base.value < 0x80 { bytes.append(UInt8(base.value)) } else { UTF8.encode(base) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A readable identifier part: "Tô Lâm" -> "to-lam".
    public var slug: String {
        let words = folded.split(separator: " ")
        return words.isEmpty ? "x" : words.joined(separator: "-")
    }
}

public enum Folding {
    /// The folded form of one scalar: its lower-case base letter or digit; a space for
    /// punctuation and white space; nil for a combining mark, which folding drops.
    @inline(__always)
    public static func base(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        // ASCII without the table, which takes milliseconds to build: a command that reads only
        // ASCII names never builds it.
        if value < 0x80 { return slowBase(of: scalar) }
        let folded: UInt32
        if value < UInt32(table.count) {
            folded = table[Int(value)]
        } else if value >= 0x1E00 && value < 0x1E00 + UInt32(extendedTable.count) {
            folded = extendedTable[Int(value - 0x1E00)]
        } else {
            return slowBase(of: scalar)
        }
        return folded == drop ? nil : Unicode.Scalar(folded)
    }

    /// The lower-case form of one scalar, diacritics kept ("Đ" -> "đ"), where it is one scalar.
    @inline(__always)
    public static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        guard value < UInt32(lowerTable.count) else {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first! : scalar
        }
        return Unicode.Scalar(lowerTable[Int(value)])!
    }

    private static let drop = UInt32.max

    /// Folding of the scalars of Latin scripts (below U+0370: letters with diacritics and the
    /// combining marks; U+1E00...U+1EFF: Vietnamese), worked out once: folding is on every path
    /// that reads text. Only these: a table of every scalar below U+2000 took a few milliseconds
    /// of every command that folds a word (`diplo ask`).
    private static let table: [UInt32] = (0..<0x370).map(folding)
    private static let extendedTable: [UInt32] = (0x1E00..<0x1F00).map(folding)

    private static func folding(_ value: Int) -> UInt32 {
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return UInt32(0x20) }
        return slowBase(of: scalar)?.value ?? drop
    }

    private static let lowerTable: [UInt32] = (0..<0x2000).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return UInt32(value) }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : UInt32(value)
    }

    private static func slowBase(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x41...0x5A: return Unicode.Scalar(value + 0x20)
            case 0x61...0x7A, 0x30...0x39: return scalar
            default: return " "
            }
        }
        if value == 0x111 || value == 0x110 { return "d" }  // đ Đ: no decomposition in Unicode
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark
            || properties.generalCategory == .spacingMark
        {
            return nil
        }
        if !(properties.isAlphabetic || properties.numericType != nil) { return " " }
        if (0xC0...0x24F).contains(value) || (0x1E00...0x1EFF).contains(value),
            let first = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first
        {
            let lower = first.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1, let letter = lower.first, letter.value < 0x80 { return letter }
        }
        // Letters outside Latin keep their lower-case form.
        let lower = properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : scalar
    }
}
extension String {
    /// The key names are looked up by: folded, without spaces ("Viet Nam" and "Vietnam" meet).
    public var lookupKey: String { folded.replacingOccurrences(of: " ", with: "") }
}
