import DiploModel
import DiploQuery
import DiploStore
import Foundation

/// A command a question maps to: `query visits --to country:vn --from 2023 --until 2023`.
public struct MappedCommand: Equatable, Sendable {
    public struct Option: Equatable, Sendable {
        public let name: String
        public let value: String
    }
    /// The shape of question it came from (Shapes.json).
    public let shape: String
    public let pattern: String
    public let words: [String]
    public let arguments: [String]
    public let options: [Option]

    public func option(_ name: String) -> String? { options.first { $0.name == name }?.value }

    /// As typed on a command line, after `diplo`.
    public var commandLine: String {
        func quoted(_ text: String) -> String {
            text.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : text
        }
        return (words + arguments.map(quoted) + options.flatMap { ["--" + $0.name, quoted($0.value)] }).joined(separator: " ")
    }
}

/// What a question comes to.
public enum Interpretation: Sendable {
    case mapped(MappedCommand, read: [String])
    /// A name that stands for several entities: which one is meant?
    case ambiguous(name: String, candidates: [NamedEntity])
    /// A question Diplo cannot read, with why and the closest examples it can.
    case refused(reason: String, examples: [String])
}

/// `diplo ask`: a question in plain Vietnamese or English, with or without diacritics, mapped onto
/// one of the queries Diplo has, without a language model or the network. The shapes it knows are
/// data (Shapes.json); names, countries, levels and titles come from the press-release reader's
/// lexicon and the knowledge base.
public struct Asker {
    public let store: Store
    public let today: Date
    private let grammar = Grammar.shared

    public init(store: Store, today: Date = Date()) {
        self.store = store
        self.today = today
    }

    /// Every example question of the grammar, shape by shape.
    public static var examples: [(shape: String, example: String)] {
        Grammar.shared.shapes.flatMap { shape in shape.patterns.map { (shape.id, $0.example) } }
    }

    /// The role an office's title stands for, as the reader's titles say ("Thủ tướng Nhật Bản" -> prime_minister).
    public static func role(ofTitle title: String) -> String? { PhraseBook.shared.role(ofTitle: title) }

    /// A role as a question or a user names it ("Prime Minister", "thu tuong", "prime_minister").
    public static func role(named text: String) -> String? {
        let aliases = Grammar.shared.roleAliases
        if PhraseBook.shared.titles.values.contains(text) || aliases[text] != nil { return aliases[text] ?? text }
        return role(ofTitle: text)
    }

    public func interpret(_ question: String) throws -> Interpretation {
        let reader = QuestionReader(store: store)
        let reading = try reader.read(question) { word in
            try store.nameWords(near: word) { Matcher.nearlyEqual(word, $0) }
        }
        if !reading.unknown.isEmpty {
            let names = reading.unknown.map { "\"\($0)\"" }.joined(separator: ", ")
            return .refused(reason: "The knowledge base knows no \(names).", examples: closestExamples(to: question))
        }
        // Every pattern that fits, the one matching most words first (the earlier shape on a tie).
        var fits: [(score: (Int, Int), order: Int, shape: Grammar.Shape, pattern: Grammar.Pattern, fit: Fit)] = []
        var order = 0
        for shape in grammar.shapes {
            for pattern in shape.patterns {
                order += 1
                guard !Matcher.holds(pattern.unless, reading.pieces),
                    let (fit, _) = Matcher.fit(pattern.elements, reading.pieces, mentions: reading.mentions)
                else { continue }
                // A pattern of the whole question: every word it leaves is a stop word.
                if pattern.whole,
                    reading.pieces.indices.contains(where: { !fit.used.contains($0) && !isStopword(reading.pieces[$0]) })
                {
                    continue
                }
                fits.append(((fit.words, fit.bindings.count), order, shape, pattern, fit))
            }
        }
        fits.sort { ($0.score.0, $0.score.1, -$0.order) > ($1.score.0, $1.score.1, -$1.order) }
        for candidate in fits {
            guard let (command, read) = build(candidate.shape, candidate.pattern, candidate.fit, reading) else { continue }
            // A name that stands for several entities: ask which.
            for binding in candidate.fit.bindings where binding.name != "_" {
                guard case .mention(let m) = reading.pieces[binding.piece] else { continue }
                let mention = reading.mentions[m]
                if mention.kind == .entity, mention.entities.count > 1 {
                    return .ambiguous(name: mention.text, candidates: mention.entities)
                }
            }
            return .mapped(command, read: read)
        }
        return .refused(reason: "Diplo cannot read this question.", examples: closestExamples(to: question))
    }

    /// Whether a piece of a question is a stop word (a name or a number is not).
    func isStopword(_ piece: Piece) -> Bool {
        guard case .word(let word, _) = piece else { return false }
        return grammar.stopwords.contains(word)
    }

    /// The command a fit gives, or nil when the question holds what the command cannot take
    /// (a period where the command has none).
    func build(_ shape: Grammar.Shape, _ pattern: Grammar.Pattern, _ fit: Fit, _ reading: Reading) -> (MappedCommand, [String])? {
        var values: [String: String] = [:]
        var read: [String] = []
        for binding in fit.bindings where binding.name != "_" {
            guard case .mention(let m) = reading.pieces[binding.piece], values[binding.name] == nil else { return nil }
            let mention = reading.mentions[m]
            switch mention.kind {
            case .entity:
                values[binding.name] = mention.entities[0].id
                read.append("\"\(mention.text)\" = \(mention.entities.map { "\($0.id) (\($0.name))" }.joined(separator: " or "))")
            case .level, .office:
                values[binding.name] = mention.value
                read.append("\"\(mention.text)\" = \(mention.value)")
            }
        }
        for (name, value) in pattern.defaults where values[name] == nil { values[name] = value }
        if let period = reading.period {
            guard let (options, span) = periodOptions(period, use: shape.period) else { return nil }
            for (name, value) in options { values[name] = value }
            read.append("period: \(span)")
        }
        let arguments = shape.positional.compactMap { values.removeValue(forKey: $0) }
        guard arguments.count == shape.positional.count else { return nil }
        // Names first (by, to, country, with, of), then kinds and levels, then dates.
        let names = ["by", "to", "country", "with", "of", "kind", "level"]
        let dates = ["from", "to", "until", "at", "as-of", "months"]
        func rank(_ option: (key: String, value: String)) -> (Int, Int, String) {
            let isDate = option.value.first?.isNumber ?? false
            return (isDate ? 1 : 0, (isDate ? dates : names).firstIndex(of: option.key) ?? 99, option.key)
        }
        let options = values.sorted { rank(($0.key, $0.value)) < rank(($1.key, $1.value)) }
            .map { MappedCommand.Option(name: $0.key, value: $0.value) }
        let command = MappedCommand(
            shape: shape.id, pattern: pattern.source, words: shape.command, arguments: arguments, options: options)
        // A question about one side's own relations names it once ("Vietnam and Vietnam" is no pair).
        if let a = arguments.first, arguments.count == 2, arguments[1] == a { return nil }
        if let country = command.option("country"), command.option("with") == country { return nil }
        if let by = command.option("by"), command.option("to") == by { return nil }
        return (command, read)
    }

    /// The days a period stands for: its first and last (either may be open), or a number of
    /// months from today; nil where its numbers make no date ("31 February", a fifth quarter).
    func span(of period: Reading.Period) -> (first: PartialDate?, last: PartialDate?, months: Int?)? {
        let thisYear = partialDate(of: today).year!
        func number(_ slot: Grammar.SlotKind, end: String? = nil) -> Int? {
            period.numbers.first { $0.slot == slot && (end == nil || ($0.name == "to") == (end == "to")) }?.value
        }
        func date(_ year: Int?, _ month: Int? = nil, _ day: Int? = nil) -> PartialDate? {
            guard let year else { return nil }
            return try? PartialDate(year: year, month: month, day: day)
        }
        /// A part of a year: months `first` to `last`.
        func months(_ first: Int, _ last: Int) -> (PartialDate?, PartialDate?, Int?)? {
            guard let year = number(.year), (1...12).contains(first), (first...12).contains(last) else { return nil }
            return (date(year, first), date(year, last), nil)
        }
        let count = period.part ?? number(.number)
        switch period.kind {
        case .dates, .since, .until:
            // The ends as written; a part one end leaves out is the other's ("1 to 15 July 2015").
            let (fromDay, toDay) = (number(.day, end: "from"), number(.day, end: "to"))
            let (fromMonth, toMonth) = (number(.month, end: "from"), number(.month, end: "to"))
            let (fromYear, toYear) = (number(.year, end: "from"), number(.year, end: "to"))
            let single = toDay == nil && toMonth == nil && toYear == nil
            let first = date(fromYear ?? toYear, fromMonth ?? (fromDay != nil ? toMonth : nil), fromDay)
            let last = single ? first : date(toYear ?? fromYear, toMonth ?? (toDay != nil ? fromMonth : nil), toDay)
            guard let first, let last, let a = first.dayRange, let b = last.dayRange, a.lowerBound <= b.upperBound else {
                return nil
            }
            switch period.kind {
            case .since: return (first, nil, nil)
            case .until: return (nil, last, nil)
            default: return (first, last, nil)
            }
        case .months:
            guard let count else { return nil }
            return (nil, nil, count)
        case .half:
            guard let count, (1...2).contains(count) else { return nil }
            return months(6 * count - 5, 6 * count)
        case .quarter:
            guard let count, (1...4).contains(count) else { return nil }
            return months(3 * count - 2, 3 * count)
        case .firstMonths:
            guard let count else { return nil }
            return months(1, count)
        case .lastMonths:
            guard let count else { return nil }
            return months(13 - count, 12)
        case .nextYear: return (date(thisYear + 1), date(thisYear + 1), nil)
        case .thisYear: return (date(thisYear), date(thisYear), nil)
        }
    }

    /// The options a period gives a command, by how the command takes dates, and the period as
    /// read; nil when the command takes no such period.
    func periodOptions(_ period: Reading.Period, use: Grammar.PeriodUse) -> ([String: String], String)? {
        guard let (first, last, months) = span(of: period) else { return nil }
        let read: String
        if let months {
            read = "the next \(months) months"
        } else if let first, first == last {
            read = first.description
        } else {
            read = "\(first?.description ?? "…")–\(last?.description ?? "…")"
        }
        func day(_ number: Int) -> String { PartialDate(dayNumber: number).description }
        switch use {
        case .none: return nil
        case .range, .visits:
            guard months == nil else { return nil }
            var options: [String: String] = [:]
            if let first { options["from"] = first.description }
            if let last { options[use == .visits ? "until" : "to"] = last.description }
            return (options, read)
        case .at:
            guard let first, first == last else { return nil }
            return (["at": first.description], read)
        case .asOf:
            guard let end = (last ?? first)?.dayRange?.upperBound, months == nil else { return nil }
            return (["as-of": day(end)], read)
        case .upcoming:
            if let months { return (["months": String(months)], read) }
            guard let first, let start = first.dayRange?.lowerBound, let year = first.year else { return nil }
            // Whole months from the first one to the last one (a year from the first where it is open).
            let end = last ?? first
            let span = ((end.year ?? year) - year) * 12 + (end.month ?? 12) - (first.month ?? 1) + 1
            return (["from": day(start), "months": String(last == nil ? max(span, 12) : span)], read)
        }
    }

    /// The examples of the patterns closest to a question (words in common, folded), one a shape.
    func closestExamples(to question: String, count: Int = 3) -> [String] {
        let words = Set(question.folded.split(separator: " ").map(String.init))
        var seen = Set<String>()
        let ranked = grammar.shapes.flatMap { shape in
            shape.patterns.map { pattern -> (Double, String, String) in
                let example = Set(pattern.example.folded.split(separator: " ").map(String.init))
                let common = Double(words.intersection(example).count)
                return (common / Double(max(1, words.union(example).count)), shape.id, pattern.example)
            }
        }.sorted { $0.0 > $1.0 }
        var result: [String] = []
        for (_, shape, example) in ranked where !seen.contains(shape) {
            seen.insert(shape)
            result.append(example)
            if result.count == count { break }
        }
        return result
    }
}
