import DiploImport
import DiploModel
import DiploStore
import Foundation

/// A question read: its pieces (words, numbers, names found), the names, the period it names,
/// and the words that look like names the knowledge base does not know.
struct Reading {
    /// A period as a period pattern read it: its kind, the numbers it took, the part its words name.
    struct Period {
        let kind: Grammar.PeriodKind
        let numbers: [Fit.Number]
        let part: Int?
    }
    var pieces: [Piece] = []
    var mentions: [Mention] = []
    var period: Period?
    var unknown: [String] = []
}

/// What the lexicon (the press-release reader's, plus Shapes.json's additions) calls a phrase.
enum LexiconHit: Sendable {
    case country(String)
    case level(String)
    case office(String)
}

/// The phrases of the lexicon by their folded words, and every word they hold.
struct PhraseBook: Sendable {
    let phrases: [String: [LexiconHit]]
    let longest: Int
    let words: Set<String>
    /// Titles by folded phrase, to find the role of an office's title.
    let titles: [String: String]
    /// Month names ("july", "jul") by folded word, as the press-release reader knows them.
    let months: [String: Int]
    /// What corrects a misspelt word, built on first need: most questions are typed right.
    var spelling: Spelling { Spelling.shared }

    /// The phrase book's words arranged to find one typed with a letter wrong.
    struct Spelling: Sendable {
        /// The words of phrases of two words or more by the phrase with one word starred ("nhat *" ->
        /// ["ban"]): to find a word of a phrase typed with one letter wrong.
        let masked: [String: [String]]
        /// The words of the lexicon, then the stop words, of four letters or more, in alphabetical order.
        let vocabulary: [String]

        static let shared: Spelling = {
            let book = PhraseBook.shared
            var masked: [String: [String]] = [:]
            for key in book.phrases.keys.sorted() {
                let parts = key.split(separator: " ").map(String.init)
                guard parts.count >= 2 else { continue }
                for j in parts.indices {
                    var mask = parts
                    mask[j] = "*"
                    masked[mask.joined(separator: " "), default: []].append(parts[j])
                }
            }
            let vocabulary = book.words.sorted() + Grammar.shared.stopwords.subtracting(book.words).sorted()
            return Spelling(masked: masked, vocabulary: vocabulary.filter { $0.count >= 4 })
        }()
    }

    static let shared: PhraseBook = {
        let grammar = Grammar.shared
        var phrases: [String: [LexiconHit]] = [:]
        var titles: [String: String] = [:]
        func add(_ text: String, _ hit: LexiconHit) {
            let key = text.folded
            guard !key.isEmpty else { return }
            phrases[key, default: []].append(hit)
        }
        for phrase in AskLexicon.countries + AskLexicon.demonyms { add(phrase.text, .country(phrase.value)) }
        for (code, names) in grammar.countryAliases.sorted(by: { $0.key < $1.key }) {
            for name in names { add(name, .country(code)) }
        }
        for level in PartnershipLevel.entries { for text in level.en + level.vi { add(text, .level(level.key)) } }
        for (key, names) in grammar.levelAliases.sorted(by: { $0.key < $1.key }) { for name in names { add(name, .level(key)) } }
        let extraTitles = grammar.officeAliases.sorted { $0.key < $1.key }.flatMap { role, names in
            names.map { AskLexicon.Phrase(text: $0, value: role) }
        }
        for title in AskLexicon.titles + extraTitles {
            let role = grammar.roleAliases[title.value] ?? title.value
            add(title.text, .office(role))
            titles[title.text.folded] = role
        }
        var longest = 1
        var words = Set<String>()
        for key in phrases.keys {
            let parts = key.split(separator: " ")
            longest = max(longest, parts.count)
            for part in parts { words.insert(String(part)) }
        }
        return PhraseBook(phrases: phrases, longest: longest, words: words, titles: titles, months: AskLexicon.months)
    }()

    /// The word a misspelt word of a question stands for, where it is one letter from a word of a
    /// phrase of the lexicon whose other words stand beside it ("nhat bna" -> "ban"); the first in
    /// alphabetical order where several are.
    func correction(of index: Int, in words: [String]) -> String? {
        var found: [String] = []
        for length in 2...max(2, min(4, longest)) {
            for start in max(0, index - length + 1)...index where start + length <= words.count {
                var mask = Array(words[start..<(start + length)])
                mask[index - start] = "*"
                for word in spelling.masked[mask.joined(separator: " ")] ?? [] where Matcher.nearlyEqual(words[index], word) {
                    found.append(word)
                }
            }
        }
        return found.min()
    }

    /// The word of the grammar (a prefix too: "anniversery" -> "anniversar"), the lexicon or the
    /// stop words that a word nothing knows stands for, one letter off: of several, a word that is
    /// a phrase of its own comes first ("Chnia" is "china", not "chia"), then one of the same
    /// length. A word that looks like a name (`nameLike`: capitalised within the question) is
    /// only a name of the lexicon here ("Chnia"); the names of the knowledge base come before the
    /// other words for it ("Viden" is Biden, not "viện").
    func correction(of word: String, nameLike: Bool, grammar: Grammar) -> String? {
        let fromLexicon = spelling.vocabulary.filter { Matcher.nearlyEqual(word, $0) }.min { a, b in
            func rank(_ w: String) -> (Int, Int, String) { (phrases[w] == nil ? 1 : 0, w.count == word.count ? 0 : 1, w) }
            return rank(a) < rank(b)
        }
        if nameLike { return fromLexicon.flatMap { phrases[$0] == nil ? nil : $0 } }
        return grammar.sortedWords.first { Matcher.matches(word, known: false, $0) }?.text ?? fromLexicon
    }

    /// The role of an office's title ("Prime Minister of Japan" -> prime_minister): its longest
    /// phrase the titles know, the first of those.
    func role(ofTitle title: String) -> String? {
        let words = title.folded.split(separator: " ").map(String.init)
        var best: (length: Int, role: String)?
        for start in words.indices {
            for length in stride(from: min(8, words.count - start), through: 1, by: -1) {
                if let role = titles[words[start..<(start + length)].joined(separator: " ")], length > (best?.length ?? 0) {
                    best = (length, role)
                    break
                }
            }
        }
        return best?.role
    }
}

/// Reads a question into pieces, finding names the way the press-release reader does (its
/// lexicon) and resolving them against the knowledge base.
struct QuestionReader {
    let store: Store
    let grammar = Grammar.shared
    let book = PhraseBook.shared

    struct Token {
        var text: String
        let original: String
        let capitalized: Bool
        let first: Bool
        var number: Int? { text.allSatisfy(\.isNumber) ? Int(text) : nil }
    }

    /// Whether the grammar, the stop words or the lexicon hold this word.
    func known(_ word: String) -> Bool {
        if grammar.stopwords.contains(word) || book.words.contains(word) { return true }
        if grammar.words.contains(Grammar.Word(text: word, prefix: false)) { return true }
        return grammar.words.contains { $0.prefix && word.hasPrefix($0.text) }
    }

    func tokens(of question: String) -> [Token] {
        question.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).enumerated().flatMap { index, word -> [Token] in
            let folded = String(word).folded
            let capitalized = word.first?.isUppercase ?? false
            // "2015-2020" splits already; "Díaz-Canel" too; folding may still leave spaces ("ǆ").
            return folded.split(separator: " ").map {
                Token(text: String($0), original: String(word), capitalized: capitalized, first: index == 0)
            }
        }
    }

    /// A question read into its pieces, in six steps: the period taken out, the names found, the
    /// surnames, misspelt words corrected (and the names found again), capitalised words still
    /// unknown resolved, then the pieces.
    func read(_ question: String, nameWords: (String) throws -> [String: Set<String>]) throws -> Reading {
        var state = QuestionReading(reader: self, tokens: tokens(of: question))
        state.takePeriod()
        try state.findNames()
        if state.correctMisspellings() { try state.findNamesAgain() }
        try state.resolveCapitalisedWords(nameWords: nameWords)
        state.assemblePieces()
        return state.reading
    }

    /// What a phrase names, if anything: an entity of the knowledge base (by a name or alias), a
    /// country of the lexicon that the knowledge base holds, a partnership level, an office.
    func mention(for phrase: String, original: String, words: [String], capitalized: Bool, reading: inout Reading) throws
        -> Mention?
    {
        let hits = book.phrases[phrase] ?? []
        // A word of the grammar's own is not looked up as a name alone ("who", "nam"); within a
        // longer phrase it is ("Tô Lâm" holds "to" and "làm").
        let allKnown =
            words.count == 1
            && words.allSatisfy {
                grammar.stopwords.contains($0) || grammar.words.contains(Grammar.Word(text: $0, prefix: false))
            }
        if !allKnown, phrase.count >= 2 {
            var entities = try store.namedEntities(phrase)
            if entities.count > 1 {
                // Several: a country first, then an organisation, as `resolveEntity` does.
                for type in [EntityType.country, .organization] where entities.filter({ $0.type == type }).count == 1 {
                    entities = entities.filter { $0.type == type }
                    break
                }
            }
            if !entities.isEmpty { return Mention(kind: .entity, text: phrase, entities: entities) }
        }
        for hit in hits {
            switch hit {
            case .country(let code):
                if let country = try store.country(iso: code) { return Mention(kind: .entity, text: phrase, entities: [country]) }
                if capitalized && !grammar.weakCountryWords.contains(phrase) {
                    reading.unknown.append(original)
                    return Mention(kind: .entity, text: phrase, entities: [])
                }
            case .level(let key): return Mention(kind: .level, text: phrase, value: key)
            case .office(let role): return Mention(kind: .office, text: phrase, value: role)
            }
        }
        return nil
    }
}

/// A question being read: its tokens, the names found so far (a span of tokens at each place
/// where one starts) and the reading, built step by step by `QuestionReader.read`.
private struct QuestionReading {
    let reader: QuestionReader
    var tokens: [QuestionReader.Token]
    var reading = Reading()
    var spans: [Int: (length: Int, mention: Mention)] = [:]
    var covered = Set<Int>()

    var grammar: Grammar { reader.grammar }
    var book: PhraseBook { reader.book }

    init(reader: QuestionReader, tokens: [QuestionReader.Token]) {
        self.reader = reader
        self.tokens = tokens
    }

    /// 1. The period: the longest period pattern found, its words taken out (numbers written as
    /// words count as numbers here only: "the next six months", "quý III").
    mutating func takePeriod() {
        let plain: [Piece] = tokens.map {
            ($0.number ?? grammar.numberWords[$0.text]).map { .number($0) } ?? .word($0.text, known: true)
        }
        for start in plain.indices {
            for pattern in grammar.periods {
                if let (fit, end) = Matcher.fit(pattern.elements, plain, mentions: [], contiguous: true, start: start) {
                    reading.period = Reading.Period(kind: pattern.kind, numbers: fit.numbers, part: pattern.part)
                    tokens.removeSubrange(start..<end)
                    return
                }
            }
        }
    }

    /// 2 and 3. The names, then the surnames among the words left.
    mutating func findNames() throws {
        try spotNames()
        try spotSurnames()
    }

    /// After a correction: the names found again from nothing (the corrected word may end a
    /// longer phrase), and the unknown words with them.
    mutating func findNamesAgain() throws {
        spans = [:]
        covered = []
        reading.unknown = []
        try findNames()
    }

    /// 2. Names: the longest phrase at each place that the lexicon or the knowledge base knows.
    mutating func spotNames() throws {
        var i = 0
        while i < tokens.count {
            guard !covered.contains(i), tokens[i].number == nil else {
                i += 1
                continue
            }
            if let (length, mention) = try longestName(at: i) {
                spans[i] = (length, mention)
                covered.formUnion(i..<(i + length))
                i += length
            } else {
                i += 1
            }
        }
    }

    /// The longest phrase starting at `i` that names something, with its length.
    mutating func longestName(at i: Int) throws -> (length: Int, mention: Mention)? {
        for length in stride(from: min(max(book.longest, 6), tokens.count - i), through: 1, by: -1) {
            let range = i..<(i + length)
            guard !range.contains(where: { covered.contains($0) || tokens[$0].number != nil }) else { continue }
            let words = range.map { tokens[$0].text }
            let phrase = words.joined(separator: " ")
            let original = range.map { tokens[$0].original }.uniqued().joined(separator: " ")
            guard
                let mention = try reader.mention(
                    for: phrase, original: original, words: words,
                    capitalized: range.contains { tokens[$0].capitalized }, reading: &reading)
            else { continue }
            // A title that runs into a name gives the name its words: "Tổng Bí thư Đảng | Cộng
            // sản Việt Nam" is "Tổng Bí thư | Đảng Cộng sản Việt Nam".
            if mention.kind == .office, try (i + 1..<(i + length)).contains(where: { try nameRuns(from: $0, past: i + length) }) {
                continue
            }
            return (length, mention)
        }
        return nil
    }

    /// Whether a name of the knowledge base starts at `start` and runs past `end`.
    func nameRuns(from start: Int, past end: Int) throws -> Bool {
        for length in stride(from: min(6, tokens.count - start), through: end - start + 1, by: -1) {
            let range = start..<(start + length)
            guard !range.contains(where: { tokens[$0].number != nil }) else { continue }
            if try !reader.store.namedEntities(range.map { tokens[$0].text }.joined(separator: " ")).isEmpty { return true }
        }
        return false
    }

    /// 3. A capitalised word left over may be a surname ("Obama", "Castro").
    mutating func spotSurnames() throws {
        for i in tokens.indices
        where !covered.contains(i) && tokens[i].capitalized && tokens[i].number == nil
            && !reader.known(tokens[i].text) && tokens[i].text.count >= 3
        {
            let people = try reader.store.entitiesWithWord(tokens[i].text, limit: 12).filter {
                $0.type == .person || $0.type == .organization
            }
            if !people.isEmpty {
                spans[i] = (1, Mention(kind: .entity, text: tokens[i].original, entities: people))
                covered.insert(i)
            }
        }
    }

    /// Whether a word looks like a name: capitalised within the question.
    func nameLike(_ i: Int) -> Bool { tokens[i].capitalized && !tokens[i].first }

    /// 4. A word nothing knows, one letter from a word known, is that word: first the word of a
    /// lexicon phrase whose other words stand beside it ("Nhật Bna", "Viet Nma", "Han Qouc"), then a
    /// word of the grammar, the lexicon or the stop words ("anniversery", "Chnia"). Whether any
    /// word was corrected.
    mutating func correctMisspellings() -> Bool {
        var corrected = false
        for i in tokens.indices where !covered.contains(i) && tokens[i].number == nil && !reader.known(tokens[i].text) {
            let token = tokens[i].text
            if let word = book.correction(of: i, in: tokens.map(\.text))
                ?? (token.count >= 5 ? book.correction(of: token, nameLike: nameLike(i), grammar: grammar) : nil)
            {
                tokens[i].text = word
                corrected = true
            }
        }
        return corrected
    }

    /// 5. A capitalised word still unknown: a name with a letter wrong, else (within the question)
    /// another word with a letter wrong, else a name the knowledge base lacks.
    mutating func resolveCapitalisedWords(nameWords: (String) throws -> [String: Set<String>]) throws {
        for i in tokens.indices
        where !covered.contains(i) && tokens[i].capitalized && tokens[i].number == nil && !reader.known(tokens[i].text) {
            let token = tokens[i].text
            if token.count >= 4 {
                let ids = try nameWords(token).flatMap(\.value)
                if !ids.isEmpty {
                    let entities = try Set(ids).sorted().compactMap { try reader.store.namedEntity(id: $0) }
                    spans[i] = (1, Mention(kind: .entity, text: tokens[i].original, entities: entities))
                    covered.insert(i)
                    continue
                }
            }
            if nameLike(i), token.count >= 5, let word = book.correction(of: token, nameLike: false, grammar: grammar) {
                tokens[i].text = word
            } else if !tokens[i].first {
                reading.unknown.append(tokens[i].original)
            }
        }
    }

    /// 6. The pieces, adjacent names that stand for the same entity made one ("Joe" "Bidden").
    mutating func assemblePieces() {
        var i = 0
        while i < tokens.count {
            guard let (length, mention) = spans[i] else {
                let token = tokens[i]
                reading.pieces.append(token.number.map { .number($0) } ?? .word(token.text, known: reader.known(token.text)))
                i += 1
                continue
            }
            if !joinsPreviousName(mention) {
                reading.mentions.append(mention)
                reading.pieces.append(.mention(reading.mentions.count - 1))
            }
            i += length
        }
    }

    /// Whether a name stands for an entity the name just before may stand for: the two made one,
    /// the earlier keeping only the entities both may be.
    mutating func joinsPreviousName(_ mention: Mention) -> Bool {
        guard case .mention(let last)? = reading.pieces.last, mention.kind == .entity, reading.mentions[last].kind == .entity
        else { return false }
        let common = Set(reading.mentions[last].entities).intersection(mention.entities)
        guard !common.isEmpty else { return false }
        reading.mentions[last].entities = reading.mentions[last].entities.filter { common.contains($0) }
        return true
    }
}
