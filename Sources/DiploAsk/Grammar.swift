import DiploModel
import Foundation

/// The question shapes `diplo ask` knows, read from Shapes.json: for each shape the command it maps
/// to and its patterns, each pattern with an example question beside it. A new paraphrase or a new
/// shape is data, not code.
///
/// A pattern is a list of elements that must appear in the question in that order, other words
/// between them allowed:
/// - `visit*|thăm|came_to`: one of these words; `_` joins the words of a phrase, `*` ends a prefix;
/// - `<country:to>`: a name the question holds, of that kind (country, person, org, entity for any,
///   actor for a person or a country, level, office), giving the option `--to`; `<office:_>` is
///   read but gives nothing; a positional argument is named in the shape's `positional` list;
/// - a trailing `?` makes an element optional.
/// Every name in the question must be used by the pattern, or the pattern does not fit.
struct Grammar: Sendable {
    struct Shape: Sendable {
        let id: String
        let command: [String]
        let positional: [String]
        let period: PeriodUse
        let patterns: [Pattern]
    }

    struct Pattern: Sendable {
        let source: String
        let elements: [Element]
        let example: String
        let defaults: [String: String]
        /// The pattern fits only a question whose every other word is a stop word ("President of
        /// Cuba in 2020"): for a pattern of names alone, that a longer question must not fall into.
        let whole: Bool
        /// Words that keep the pattern from fitting a question that holds one of them: a broad
        /// pattern ("quan_hệ <a> <b>") that a question of another shape must not fall into.
        let unless: [[Word]]
    }

    enum PeriodUse: String, Decodable, Sendable {
        case none, range, visits, at, upcoming
        case asOf = "as_of"
    }

    struct PeriodPattern: Sendable {
        let elements: [Element]
        let kind: PeriodKind
        /// Which half or quarter, or how many months, where the pattern's words say it ("nửa đầu").
        let part: Int?
    }

    /// What a period pattern's numbers make: `dates` a day, month or year, or a range of them
    /// (`<day>`, `<month>`, `<year>` the first, `<day:to>`... the last; a part left out is the
    /// other end's); `since` and `until` open at one end; `months` the next N months; `half` and
    /// `quarter` a part of a year; `first_months` and `last_months` the first or last N of a year.
    enum PeriodKind: String, Decodable, Sendable {
        case dates, since, until, months, half, quarter
        case firstMonths = "first_months"
        case lastMonths = "last_months"
        case nextYear = "next_year"
        case thisYear = "this_year"
    }

    /// Names a pattern takes (country ... office), and the numbers a period pattern takes: a year
    /// (1800-2200), a count (1-1200), a day (1-31), a month (1-12 or its name), a month by name only.
    enum SlotKind: String, Sendable {
        case country, person, org, entity, actor, level, office
        case year, number, day, month, monthname

        var isNumber: Bool { [.year, .number, .day, .month, .monthname].contains(self) }
    }

    struct Word: Sendable, Hashable {
        let text: String
        let prefix: Bool
    }

    enum Element: Sendable {
        /// Alternatives, each a run of adjacent words.
        case words([[Word]], optional: Bool)
        case slot(SlotKind, name: String, optional: Bool)

        var optional: Bool {
            switch self {
            case .words(_, let optional), .slot(_, _, let optional): optional
            }
        }
    }

    let shapes: [Shape]
    let periods: [PeriodPattern]
    /// Words a question may hold that name nothing: never taken for a name, never corrected.
    let stopwords: Set<String>
    /// Country names beyond the reader's lexicon, by ISO code ("Korea").
    let countryAliases: [String: [String]]
    /// Lexicon country words that are also everyday words ("Anh", "Nga", "Ý"): they name a country
    /// only when the knowledge base holds it.
    let weakCountryWords: Set<String>
    /// Level phrases beyond levels.json ("strategic partners").
    let levelAliases: [String: [String]]
    /// Office roles that are one office to a question (state_president -> president).
    let roleAliases: [String: String]
    /// Titles beyond the reader's, by the role key offices are stored with ("head of state").
    let officeAliases: [String: [String]]
    /// Every word the patterns hold, folded (prefixes with their `*`).
    let words: Set<Word>
    /// The same in alphabetical order (prefixes first), to correct a misspelt word the same way every time.
    let sortedWords: [Word]
    /// Numbers written as words ("six", "second", "III"), read as numbers by the period patterns only.
    let numberWords: [String: Int]

    static let shared: Grammar = {
        do {
            return try Grammar(json: Data(PackageResources.Shapes_json))
        } catch {
            fatalError("Sources/DiploAsk/Shapes.json does not parse: \(error)")  // a build defect, caught by the tests
        }
    }()

    private struct File: Decodable {
        struct ShapeEntry: Decodable {
            let id: String
            let command: String
            let positional: [String]?
            let period: PeriodUse
            let patterns: [PatternEntry]
        }
        struct PatternEntry: Decodable {
            let p: String
            let example: String
            let set: [String: String]?
            let whole: Bool?
            let unless: String?
        }
        struct PeriodEntry: Decodable {
            let p: String
            let kind: PeriodKind
            let part: Int?
        }
        let stopwords: [String]
        let classes: [String: String]
        let country_aliases: [String: [String]]
        let weak_country_words: [String]
        let level_aliases: [String: [String]]
        let role_aliases: [String: String]
        let office_aliases: [String: [String]]
        let number_words: [String: Int]
        let periods: [PeriodEntry]
        let shapes: [ShapeEntry]
    }

    init(json: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: json)
        var words = Set<Word>()
        var known: [Substring: Element] = [:]
        shapes = try file.shapes.map { shape in
            Shape(
                id: shape.id, command: shape.command.split(separator: " ").map(String.init), positional: shape.positional ?? [],
                period: shape.period,
                patterns: try shape.patterns.map { entry in
                    let elements = try Grammar.parse(entry.p, classes: file.classes, known: &known)
                    for case .words(let alternatives, _) in elements { for run in alternatives { words.formUnion(run) } }
                    var unless: [[Word]] = []
                    if let text = entry.unless,
                        case .words(let alternatives, _)? = try Grammar.parse(text, classes: file.classes, known: &known).first
                    {
                        unless = alternatives
                    }
                    return Pattern(
                        source: entry.p, elements: elements, example: entry.example, defaults: entry.set ?? [:],
                        whole: entry.whole ?? false, unless: unless)
                })
        }
        periods = try file.periods.map { entry in
            let elements = try Grammar.parse(entry.p, classes: file.classes, known: &known)
            for case .words(let alternatives, _) in elements { for run in alternatives { words.formUnion(run) } }
            return PeriodPattern(elements: elements, kind: entry.kind, part: entry.part)
        }.sorted { $0.elements.count > $1.elements.count }
        self.words = words
        sortedWords = words.sorted { ($0.text, $0.prefix ? 0 : 1) < ($1.text, $1.prefix ? 0 : 1) }
        stopwords = Set(file.stopwords.flatMap { $0.folded.split(separator: " ").map(String.init) })
        countryAliases = file.country_aliases
        weakCountryWords = Set(file.weak_country_words.map(\.folded))
        levelAliases = file.level_aliases
        roleAliases = file.role_aliases
        officeAliases = file.office_aliases
        numberWords = Dictionary(file.number_words.map { ($0.key.folded, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    struct SyntaxError: Error, CustomStringConvertible {
        let pattern: String
        let reason: String
        var description: String { "pattern \"\(pattern)\": \(reason)" }
    }

    /// A pattern's elements; `@name` among the alternatives stands for the words of a class of the
    /// grammar (`@visit`: visit*|trip*|chuyến_thăm...).
    static func parse(_ pattern: String, classes: [String: String] = [:]) throws -> [Element] {
        var known: [Substring: Element] = [:]
        return try parse(pattern, classes: classes, known: &known)
    }

    /// `known`: the elements of words met before, in this or another pattern (the classes make
    /// the same long lists of words again and again): each is read and folded once.
    static func parse(_ pattern: String, classes: [String: String], known: inout [Substring: Element]) throws -> [Element] {
        try pattern.split(separator: " ").map { raw in
            if let element = known[raw] { return element }
            let element = try parseElement(raw, of: pattern, classes: classes)
            known[raw] = element
            return element
        }
    }

    private static func parseElement(_ raw: Substring, of pattern: String, classes: [String: String]) throws -> Element {
        var text = String(raw)
        let optional = text.hasSuffix("?")
        if optional { text.removeLast() }
        text = try text.split(separator: "|").map { alternative in
            guard alternative.hasPrefix("@") else { return String(alternative) }
            guard let words = classes[String(alternative.dropFirst())] else {
                throw SyntaxError(pattern: pattern, reason: "no class of words \(alternative)")
            }
            return words
        }.joined(separator: "|")
        if text.hasPrefix("<") {
            guard text.hasSuffix(">") else { throw SyntaxError(pattern: pattern, reason: "\(raw) does not close its <") }
            let inner = text.dropFirst().dropLast().split(separator: ":", maxSplits: 1).map(String.init)
            guard let kind = SlotKind(rawValue: inner[0]) else {
                throw SyntaxError(pattern: pattern, reason: "no kind of name \(inner[0])")
            }
            return .slot(kind, name: inner.count > 1 ? inner[1] : "_", optional: optional)
        }
        let alternatives = text.split(separator: "|").map { alternative in
            alternative.split(separator: "_").flatMap { part -> [Word] in
                let prefix = part.hasSuffix("*")
                let folded = (prefix ? String(part.dropLast()) : String(part)).folded.split(separator: " ").map(String.init)
                return folded.enumerated().map { Word(text: $0.element, prefix: prefix && $0.offset == folded.count - 1) }
            }
        }
        guard !alternatives.isEmpty, alternatives.allSatisfy({ !$0.isEmpty }) else {
            throw SyntaxError(pattern: pattern, reason: "an empty word in \(raw)")
        }
        return .words(alternatives, optional: optional)
    }
}
