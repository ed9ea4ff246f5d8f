import Foundation

extension String {
    /// The string as Diplo compares names: lower case, no diacritics (đ becomes d), punctuation as
    /// spaces, single spaces. "Tổng Bí thư, Tô Lâm" and "tong bi thu to lam" fold alike.
    public var folded: String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in self.unicodeScalars {
            guard let base = Folding.base(of: scalar) else { continue }
            if base == " " {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(base)
        }
        return String(out)
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
    public static func base(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
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
            || properties.generalCategory == .spacingMark {
            return nil
        }
        if !(properties.isAlphabetic || properties.numericType != nil) { return " " }
        if let cached = latinTable[scalar] { return cached }
        // Letters outside the table (other scripts) keep their lower-case form.
        let lower = properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : scalar
    }

    /// Latin letters with diacritics -> base letter, built once from Unicode's decompositions.
    private static let latinTable: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x1E00...0x1EFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                guard let first = decomposed.first else { continue }
                let lower = first.properties.lowercaseMapping.unicodeScalars
                if lower.count == 1, let letter = lower.first, letter.value < 0x80 {
                    table[scalar] = letter
                }
            }
        }
        return table
    }()
}

extension String {
    /// The key names are looked up by: folded, without spaces ("Viet Nam" and "Vietnam" meet).
    public var lookupKey: String { folded.replacingOccurrences(of: " ", with: "") }
}
