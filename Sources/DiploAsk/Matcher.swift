import DiploModel
import DiploStore
import Foundation

/// One piece of a question as patterns see it: a word, a number, or a name found in it.
enum Piece: Sendable {
    case word(String, known: Bool)
    case number(Int)
    case mention(Int)
}

/// A name found in a question: the entities it may stand for, or a level or an office.
struct Mention: Sendable {
    enum Kind: Sendable { case entity, level, office }
    let kind: Kind
    let text: String
    var entities: [NamedEntity] = []
    var value: String = ""

    /// Whether a slot of this kind takes this mention.
    func fits(_ slot: Grammar.SlotKind) -> Bool {
        switch (slot, kind) {
        case (.level, .level), (.office, .office): return true
        case (_, .entity):
            let types = Set(entities.map(\.type))
            switch slot {
            case .entity: return true
            case .country: return types == [.country]
            case .person: return types == [.person]
            case .org: return types == [.organization]
            case .actor: return types == [.person] || types == [.country]
            default: return false
            }
        default: return false
        }
    }
}

/// How a pattern fits a question's pieces: which piece each named slot took, how many of its
/// words it matched (the better fit has more), and which pieces it used.
struct Fit {
    /// A number a period pattern took: which slot (`<day:to>` is a day named "to") and its value.
    struct Number: Sendable {
        let slot: Grammar.SlotKind
        let name: String
        let value: Int
    }
    var bindings: [(name: String, piece: Int)] = []
    var words = 0
    var used = Set<Int>()
    var numbers: [Number] = []
}

enum Matcher {
    /// Edit distance at most one (a letter wrong, missing, extra, or two swapped).
    static func nearlyEqual(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > 1 { return false }
        var i = 0
        while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
        if x.count == y.count {
            if x[(i + 1)...] == y[(i + 1)...] { return true }
            return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
        }
        return x.count > y.count ? x[(i + 1)...] == y[i...] : x[i...] == y[(i + 1)...]
    }

    /// Whether a question's word is this pattern word: equal, or starting with it for a prefix;
    /// an unknown word of five letters or more may be one letter off.
    static func matches(_ token: String, known: Bool, _ word: Grammar.Word) -> Bool {
        if word.prefix ? token.hasPrefix(word.text) : token == word.text { return true }
        guard !known, token.count >= 5, word.text.count >= 4 else { return false }
        if !word.prefix { return nearlyEqual(token, word.text) }
        let scalars = Array(token.unicodeScalars)
        let shortest = max(1, word.text.count - 1)
        let longest = min(scalars.count, word.text.count + 1)
        guard shortest <= longest else { return false }
        for length in shortest...longest {
            if nearlyEqual(String(String.UnicodeScalarView(scalars[0..<length])), word.text) { return true }
        }
        return false
    }

    /// Whether a run of pattern words stands in the pieces at this position.
    static func matches(_ run: [Grammar.Word], _ pieces: [Piece], at position: Int) -> Bool {
        guard position + run.count <= pieces.count else { return false }
        for (k, word) in run.enumerated() {
            guard case .word(let token, let known) = pieces[position + k], matches(token, known: known, word) else {
                return false
            }
        }
        return true
    }

    /// Whether one of these runs of words stands anywhere in the pieces.
    static func holds(_ alternatives: [[Grammar.Word]], _ pieces: [Piece]) -> Bool {
        pieces.indices.contains { position in alternatives.contains { matches($0, pieces, at: position) } }
    }

    /// The best fit of a pattern to the pieces: elements in order with anything between them
    /// (`contiguous`: nothing between them, starting at `start`), optional elements taken when
    /// they can be. Without `contiguous`, every mention must be taken.
    static func fit(
        _ elements: [Grammar.Element], _ pieces: [Piece], mentions: [Mention], contiguous: Bool = false, start: Int = 0
    ) -> (Fit, end: Int)? {
        var search = FitSearch(elements: elements, pieces: pieces, mentions: mentions, contiguous: contiguous)
        search.step(0, start, Fit())
        return search.best
    }
}

/// The search behind `Matcher.fit`: every way of fitting the elements from the first, the best
/// kept.
private struct FitSearch {
    let elements: [Grammar.Element]
    let pieces: [Piece]
    let mentions: [Mention]
    let contiguous: Bool
    /// What a pattern must use: every name and every number the question holds.
    let mentionPieces: Set<Int>
    var best: (Fit, end: Int)?

    init(elements: [Grammar.Element], pieces: [Piece], mentions: [Mention], contiguous: Bool) {
        self.elements = elements
        self.pieces = pieces
        self.mentions = mentions
        self.contiguous = contiguous
        mentionPieces = Set(
            pieces.indices.filter {
                switch pieces[$0] {
                case .mention(let m): return mentions[m].kind != .office  // a title may only describe ("US presidents")
                case .number: return true
                case .word: return false
                }
            })
    }

    static func better(_ a: Fit, than b: Fit) -> Bool {
        (a.words, a.bindings.count, a.numbers.count) > (b.words, b.bindings.count, b.numbers.count)
    }

    /// Fits element `e` onwards from piece `p`, `fit` holding what the elements before it took.
    mutating func step(_ e: Int, _ p: Int, _ fit: Fit) {
        guard e < elements.count else { return finish(fit, end: p) }
        let element = elements[e]
        // An optional element is taken where it can be, else left out.
        defer { if element.optional { step(e + 1, p, fit) } }
        let positions = p >= pieces.count ? [] : contiguous ? [p] : Array(p..<pieces.count)
        for position in positions {
            switch element {
            case .words(let alternatives, _):
                for run in alternatives where Matcher.matches(run, pieces, at: position) {
                    var next = fit
                    next.words += run.count
                    next.used.formUnion(position..<(position + run.count))
                    step(e + 1, position + run.count, next)
                }
            case .slot(let kind, let name, _):
                if let next = taking(kind, name: name, at: position, fit) { step(e + 1, position + 1, next) }
            }
        }
    }

    /// All elements fitted: the fit is the best so far when it uses every mention (unless
    /// `contiguous`) and is better than the best.
    mutating func finish(_ fit: Fit, end p: Int) {
        if !contiguous {
            let taken = Set(fit.used.filter { mentionPieces.contains($0) })
            guard taken == mentionPieces else { return }
        }
        if best == nil || FitSearch.better(fit, than: best!.0) { best = (fit, p) }
    }

    /// The fit with a slot of this kind taking the piece at `position`, nil when the slot does not
    /// take it.
    func taking(_ kind: Grammar.SlotKind, name: String, at position: Int, _ fit: Fit) -> Fit? {
        var next = fit
        switch (kind, pieces[position]) {
        case (.year, .number(let n)) where (1800...2200).contains(n),
            (.number, .number(let n)) where (1...1200).contains(n),
            (.day, .number(let n)) where (1...31).contains(n),
            (.month, .number(let n)) where (1...12).contains(n):
            next.numbers.append(Fit.Number(slot: kind, name: name, value: n))
        case (.month, .word(let word, _)), (.monthname, .word(let word, _)):
            guard let n = PhraseBook.shared.months[word] else { return nil }
            next.numbers.append(Fit.Number(slot: .month, name: name, value: n))
        case (_, .mention(let m)) where !kind.isNumber && mentions[m].fits(kind):
            next.bindings.append((name, position))
        default:
            return nil
        }
        next.used.insert(position)
        return next
    }
}
