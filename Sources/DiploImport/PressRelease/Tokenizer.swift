import DiploModel
import DiploStore
import Foundation

/// A word, number or punctuation mark of a document, with where it stands (Unicode scalar
/// offsets, end exclusive) and the forms it is matched by. A small value: the forms (its text,
/// key and folded form) are shared by every token written alike, so that the millions of tokens
/// of a long page hold one reference each, not three strings.
struct Token {
    enum Kind { case word, number, punctuation }

    /// What every token written alike has: made once a document (see `Tokenizer`).
    final class Forms {
        let kind: Kind
        let text: String
        /// Lower case; diacritics kept or folded away, as the document's matching mode says.
        let key: String
        /// The key, hashed once for the tries that look it up; and less an English possessive
        /// ("Zimbabwe's": `MentionFinder.possessiveKey`).
        let hashedKey: HashedKey
        let possessiveKey: HashedKey
        let folded: String
        let isCapitalized: Bool
        /// An English possessive ("Zimbabwe's").
        let isPossessive: Bool
        let number: Int?

        init(kind: Kind, text: String, key: String, folded: String) {
            self.kind = kind
            self.text = text
            self.key = key
            self.hashedKey = HashedKey(key)
            self.isPossessive = MentionFinder.isPossessive(text)
            let possessive = MentionFinder.possessiveKey(text: text, key: key)
            self.possessiveKey = possessive == key ? hashedKey : HashedKey(possessive)
            self.folded = folded
            self.isCapitalized = kind == .word && (text.unicodeScalars.first.map { Folding.lower($0) != $0 } ?? false)
            self.number = kind == .number ? Int(text) : nil
        }
    }

    let forms: Forms
    /// The start, and in its top bit whether white space comes before: sixteen bytes a token in all.
    private let first: UInt32
    private let last: UInt32

    init(forms: Forms, start: Int, end: Int, spaced: Bool) {
        precondition(start >= 0 && end < 1 << 31, "a text of more than 2^31 scalars")
        self.forms = forms
        self.first = UInt32(start) | (spaced ? 1 << 31 : 0)
        self.last = UInt32(end)
    }

    var kind: Kind { forms.kind }
    var start: Int { Int(first & ~(1 << 31)) }
    var end: Int { Int(last) }
    /// White space (or the start of a line) before it.
    var spaced: Bool { first & 1 << 31 != 0 }
    var text: String { forms.text }
    var key: String { forms.key }
    var folded: String { forms.folded }
    var isWord: Bool { forms.kind == .word }
    var isCapitalized: Bool { forms.isCapitalized }
    var isPossessive: Bool { forms.isPossessive }
    var number: Int? { forms.number }
    func `is`(_ punctuation: String) -> Bool { forms.kind == .punctuation && forms.text == punctuation }
    var isDash: Bool { forms.kind == .punctuation && (forms.text == "-" || forms.text == "–" || forms.text == "—") }
}

extension Array where Element == Token {
    /// The folded words of tokens first..<end joined by single spaces, as the lexicon's phrases are
    /// kept ("the capital city of", "da dien ra").
    func folded(_ first: Int, _ end: Int) -> String { self[first..<end].map(\.folded).joined(separator: " ") }

    /// The words of tokens first..<end as written, spaced as they were.
    func text(_ first: Int, _ end: Int) -> String {
        var result = ""
        for index in first..<end {
            if index > first && self[index].spaced { result += " " }
            result += self[index].text
        }
        return result
    }
}

/// A sentence of the article: its tokens and its place in the document.
///
/// A reading that is done with its tokens may let them go (`withoutTokens()`): asked for again,
/// they are cut again from its text, the same ones (a long page's would not all be kept).
struct Sentence {
    let index: Int
    let start: Int
    let end: Int
    let text: String
    private let kept: [Token]?
    /// What cut its tokens, and whether white space stood before the first in its line.
    private let tokenizer: Tokenizer
    private let spacedFirst: Bool

    init(index: Int, start: Int, end: Int, text: String, tokens: [Token], tokenizer: Tokenizer) {
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.kept = tokens
        self.tokenizer = tokenizer
        self.spacedFirst = tokens.first?.spaced ?? true
    }

    private init(_ sentence: Sentence, tokens: [Token]?) {
        self.index = sentence.index
        self.start = sentence.start
        self.end = sentence.end
        self.text = sentence.text
        self.kept = tokens
        self.tokenizer = sentence.tokenizer
        self.spacedFirst = sentence.spacedFirst
    }

    var tokens: [Token] {
        if let kept { return kept }
        var tokens = tokenizer.tokens(of: Array(text.unicodeScalars)[...], offset: start)
        if let first = tokens.first, first.spaced != spacedFirst {
            tokens[0] = Token(forms: first.forms, start: first.start, end: first.end, spaced: spacedFirst)
        }
        return tokens
    }

    /// The sentence without its tokens: they are cut again when asked for.
    func withoutTokens() -> Sentence { Sentence(self, tokens: nil) }

    /// The sentence with its tokens at hand, for a reading that asks for them again and again.
    func withTokens() -> Sentence { kept == nil ? Sentence(self, tokens: tokens) : self }
}

/// Cuts text into tokens and sentences. `keepDiacritics` chooses the matching key: Vietnamese
/// written with its diacritics is matched with them ("thăm" is not "tham"); text written
/// without them is matched folded.
struct Tokenizer {
    let keepDiacritics: Bool

    /// The forms met so far, by text: a token's forms are worked out once for each way it is written.
    let forms = FormsTable()

    final class FormsTable {
        /// By the token's bytes (`Spelling`): two spellings of one word (composed, decomposed) are
        /// two entries with the same forms.
        var byText: [Spelling: Token.Forms] = [:]
    }

    /// The tokens of a line of the document, where it stands.
    func tokens(of line: Layout.Line) -> [Token] { tokens(of: Array(line.text.unicodeScalars)[...], offset: line.start) }

    func tokens(of scalars: ArraySlice<Unicode.Scalar>, offset: Int) -> [Token] {
        var tokens: [Token] = []
        var index = scalars.startIndex
        var spaced = true
        var textBytes: [UInt8] = []
        var keyBytes: [UInt8] = []
        var foldedBytes: [UInt8] = []
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if Tokenizer.isSpace(scalar) {
                spaced = true
                index += 1
                continue
            }
            let begin = index
            let kind: Token.Kind
            if Tokenizer.isDigit(scalar) {
                while index < scalars.endIndex, scalars[index].value >= 0x30, scalars[index].value <= 0x39 { index += 1 }
                kind = .number
            } else if Tokenizer.isLetter(scalar) {
                while index < scalars.endIndex {
                    let next = scalars[index]
                    if Tokenizer.isLetter(next) || Tokenizer.isDigit(next) {
                        index += 1
                    } else if next == "'" || next == "’", index + 1 < scalars.endIndex, Tokenizer.isLetter(scalars[index + 1]) {
                        index += 1  // People's, Côte d'Ivoire
                    } else {
                        break
                    }
                }
                kind = .word
            } else {
                index += 1
                // "..." and "…" are one mark.
                if scalar == ".", index + 1 < scalars.endIndex, scalars[index] == ".", scalars[index + 1] == "." { index += 2 }
                kind = .punctuation
            }
            textBytes.removeAll(keepingCapacity: true)
            for scalar in scalars[begin..<index] { UTF8.encode(scalar) { textBytes.append($0) } }
            // The token's key and folded form, the first time it is written so: in one pass over its scalars, as UTF-8.
            // (Its kind goes with its text: a number is digits, a word starts with a letter.)
            var found = forms.byText[Spelling(bytes: textBytes)]
            if found == nil {
                let string = String(decoding: textBytes, as: UTF8.self)
                keyBytes.removeAll(keepingCapacity: true)
                foldedBytes.removeAll(keepingCapacity: true)
                for scalar in scalars[begin..<index] where kind != .punctuation {
                    if keepDiacritics { UTF8.encode(Folding.lower(scalar)) { keyBytes.append($0) } }
                    if let base = Folding.base(of: scalar), base != " " { UTF8.encode(base) { foldedBytes.append($0) } }
                }
                let foldedString = kind == .punctuation ? string : String(decoding: foldedBytes, as: UTF8.self)
                let keyString =
                    kind == .punctuation ? string : (keepDiacritics ? String(decoding: keyBytes, as: UTF8.self) : foldedString)
                found = Token.Forms(kind: kind, text: string, key: keyString, folded: foldedString)
                forms.byText[Spelling(bytes: textBytes)] = found
            }
            tokens.append(
                Token(
                    forms: found!, start: offset + begin - scalars.startIndex, end: offset + index - scalars.startIndex,
                    spaced: spaced))
            spaced = false
        }
        return tokens
    }

    /// White space (Unicode's), ASCII told without looking its properties up.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// An ASCII digit: the numbers of a text (other numerals are punctuation to it).
    @inline(__always)
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        // Latin letters with diacritics and Vietnamese are looked up rather than asked of Unicode's properties.
        if value < 0x370 { return latinLetters[Int(value)] }
        if value >= 0x1E00 && value < 0x1F00 { return vietnameseLetters[Int(value - 0x1E00)] }
        return hasLetterProperties(scalar)
    }

    private static let latinLetters = (0..<0x370).map { Unicode.Scalar($0).map(hasLetterProperties) ?? false }
    private static let vietnameseLetters = (0x1E00..<0x1F00).map { Unicode.Scalar($0).map(hasLetterProperties) ?? false }

    private static func hasLetterProperties(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark
    }

    /// The sentences of one line (a paragraph): cut after . ! ? unless the full stop ends an
    /// abbreviation or an initial ("U.S.", "Mr.").
    func sentences(of line: ArraySlice<Unicode.Scalar>, text lineText: String, offset: Int, firstIndex: Int) -> [Sentence] {
        let all = tokens(of: line, offset: offset)
        var sentences: [Sentence] = []
        var begin = 0
        // Sentences are sliced from the line's text, walking its scalars once.
        let lineScalars = lineText.unicodeScalars
        var cursor = lineScalars.startIndex
        var cursorOffset = offset
        func index(at target: Int) -> String.UnicodeScalarView.Index {
            while cursorOffset < target, cursor < lineScalars.endIndex {
                cursor = lineScalars.index(after: cursor)
                cursorOffset += 1
            }
            return cursor
        }
        func close(_ end: Int) {
            guard end > begin else { return }
            // A copy of its own (of the size it needs), even of all the line's tokens.
            let slice = [Token](unsafeUninitializedCapacity: end - begin) { buffer, count in
                count = buffer.initialize(fromContentsOf: all[begin..<end])
            }
            let start = slice.first!.start
            let stop = slice.last!.end
            let from = index(at: start)
            let to = index(at: stop)
            sentences.append(
                Sentence(
                    index: firstIndex + sentences.count, start: start, end: stop,
                    text: String(Substring(lineScalars[from..<to])), tokens: slice, tokenizer: self))
            begin = end
        }
        var i = 0
        while i < all.count {
            let token = all[i]
            if token.kind == .punctuation, [".", "!", "?", "…", "..."].contains(token.text) {
                var end = i + 1
                // Closing quotes and brackets stay with the sentence they close.
                while end < all.count, ["\"", "”", "’", "'", ")", "»"].contains(all[end].text), !all[end].spaced { end += 1 }
                let previous = i > 0 ? all[i - 1] : nil
                let next = end < all.count ? all[end] : nil
                // "Kh.Battulga": an initial of a letter or two run into the name, no space either side.
                let runInInitial =
                    next.map { $0.isWord && !$0.spaced } == true
                    && previous.map { $0.isWord && $0.isCapitalized && $0.text.count <= 2 } == true
                let isAbbreviation =
                    token.text == "." && !token.spaced
                    && (runInInitial
                        || previous.map {
                            $0.isWord && (Layout.abbreviations.contains($0.folded) || ($0.text.count == 1 && $0.isCapitalized))
                        } == true)
                // "6.8", "12.10.2024": a full stop between numbers with no space is inside a date or a number.
                if token.text == ".", previous?.kind == .number, next?.kind == .number, next?.spaced == false {
                    i += 1
                    continue
                }
                let startsAnother =
                    next.map { $0.isCapitalized || $0.kind == .number || ["\"", "“", "(", "-", "–"].contains($0.text) } ?? true
                if !isAbbreviation && startsAnother {
                    close(end)
                    i = end
                    continue
                }
            }
            i += 1
        }
        close(all.count)
        return sentences
    }
}
