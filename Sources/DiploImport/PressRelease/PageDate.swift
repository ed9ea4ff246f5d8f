import DiploModel
import Foundation

/// The date of a page: what years left out in its text are read against. It comes from the
/// page's source URL ("/2007/09/20070908-1.html", "/2024-07-06/", "/news/20240706/") or from a
/// date line near its top ("date 2025-10-22", "Thứ Năm, 19/9/2024 08:00", "Updated: Sept 8, 2007").
package enum PageDate {
    private struct File: Decodable {
        struct Example: Decodable {
            let url: String
            let date: String
        }
        struct Rule: Decodable {
            let pattern: String
            let examples: [Example]
        }
        struct RelativeExample: Decodable {
            let text: String
            let page: String
            let planned: Bool
            let start: String
            let end: String?
        }
        let source_url: [Rule]
        let date_line_markers: [String]
        let weekdays: [String: Int]
        let relative_days: [String: Int]
        let relative_months: [String: Int]
        let relative_years: [String: Int]
        let relative_weeks: [String: Int]
        let relative_examples: [RelativeExample]
    }

    private static let file = Lexicon.decode(PackageResources.dates_json, as: File.self)
    private static let urlPatterns: [NSRegularExpression] = file.source_url.compactMap {
        try? NSRegularExpression(pattern: $0.pattern, options: [.caseInsensitive])
    }
    static let markers: Set<String> = Set(file.date_line_markers.map(\.folded))
    /// "Monday" → 1 … "Sunday" → 7, by folded name.
    static let weekdays: [String: Int] = Dictionary(uniqueKeysWithValues: file.weekdays.map { ($0.key.folded, $0.value) })
    /// "today" → 0, "ngày mai" → 1, "hôm qua" → -1, by folded phrase (one or two words).
    static let relativeDays: [String: Int] = Dictionary(
        file.relative_days.map { ($0.key.folded, $0.value) }, uniquingKeysWith: { a, _ in a })
    /// The words for today as the lexicon writes them, in lower case, as UTF-8 ("today", "hôm nay").
    static let todayWords: [[UInt8]] = file.relative_days.filter { $0.value == 0 }.map { Array($0.key.lowercased().utf8) }
    /// "next month" → 1, "năm ngoái" → -1: months and years told from the page's date.
    static let relativeMonths: [String: Int] = Dictionary(
        file.relative_months.map { ($0.key.folded, $0.value) }, uniquingKeysWith: { a, _ in a })
    static let relativeYears: [String: Int] = Dictionary(
        file.relative_years.map { ($0.key.folded, $0.value) }, uniquingKeysWith: { a, _ in a })
    /// "next week" → 1, "tuần trước" → -1: the days of a week told from the page's date.
    static let relativeWeeks: [String: Int] = Dictionary(
        file.relative_weeks.map { ($0.key.folded, $0.value) }, uniquingKeysWith: { a, _ in a })
    /// The first words of those phrases: only a token among them is looked at further.
    static let relativeFirstWords: Set<String> = Set(
        (Array(relativeDays.keys) + relativeMonths.keys + relativeYears.keys + relativeWeeks.keys)
            .compactMap { $0.split(separator: " ").first.map(String.init) })

    /// The lexicon's examples of days told relative to the page's date.
    package static var relativeExamples: [(text: String, page: String, planned: Bool, start: String, end: String?)] {
        file.relative_examples.map { ($0.text, $0.page, $0.planned, $0.start, $0.end) }
    }

    /// The lexicon's examples: each URL with the date its patterns must find in it.
    package static var urlExamples: [(url: String, date: String)] {
        file.source_url.flatMap { $0.examples.map { ($0.url, $0.date) } }
    }

    /// The date a URL gives, written as ISO 8601 ("2024-07-06", "2012-08"), or nil.
    package static func isoDate(ofSource url: String) -> String? {
        fromSource(url).flatMap { try? PartialDate(year: $0.year, month: $0.month, day: $0.day) }?.description
    }

    /// The page's date: the day its text says is today, else a full date from its URL, else its date
    /// line, else the month its URL gives.
    static func of(source: String?, dateLine: WrittenDate?, statedToday: WrittenDate? = nil) -> WrittenDate? {
        if let statedToday { return statedToday }
        let fromURL = source.flatMap(fromSource)
        if let fromURL, fromURL.day != nil { return fromURL }
        guard let dateLine else { return fromURL }
        if let fromURL, fromURL.year != dateLine.year || fromURL.month != dateLine.month { return fromURL }
        return dateLine
    }

    /// The first date a URL's patterns find in it.
    static func fromSource(_ url: String) -> WrittenDate? {
        let range = NSRange(url.startIndex..., in: url)
        for pattern in urlPatterns {
            for match in pattern.matches(in: url, range: range) {
                func group(_ name: String) -> String? {
                    let found = match.range(withName: name)
                    guard found.location != NSNotFound, let r = Range(found, in: url) else { return nil }
                    return String(url[r])
                }
                // "yy": a two-digit year, of this century.
                guard let year = group("y").flatMap({ Int($0) }) ?? group("yy").flatMap({ Int($0).map { 2000 + $0 } })
                else { continue }
                let month = group("m").flatMap { Int($0) } ?? group("mon").flatMap { DateScanner.months[$0.lowercased()] }
                let day = group("d").flatMap { Int($0) }
                guard let month, (try? PartialDate(year: year, month: month, day: day)) != nil else { continue }
                return WrittenDate(day: day, month: month, year: year)
            }
        }
        return nil
    }

    /// A full date near the top of the page, outside the running text or opening its first line
    /// (a dateline: "SEOUL, July 21 (Yonhap) --"); or a marked one ("date 2023-08").
    static func dateLine(_ layout: Layout, tokenizer: Tokenizer) -> WrittenDate? {
        let firstArticle = layout.article.first ?? 0
        let article = Set(layout.article)
        for index in layout.lines.indices.prefix(max(firstArticle + 1, 12)) {
            let line = layout.lines[index]
            guard line.text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { continue }
            let tokens = tokenizer.tokens(of: line)
            if let marked = markedDate(tokens) { return marked }
            let running = article.contains(index)
            if running && index != firstArticle { continue }
            let dates = DateScanner.scan(tokens).filter { $0.from.day != nil && $0.from.year != nil && $0.to == nil }
            if let date = dates.first(where: { !running || $0.first < 12 }) { return date.from }
            if !running, let date = standingDate(tokens) { return date }
        }
        return nil
    }

    /// "in engagements today, Friday 23 March 2018, with ...": a full date set right after "today" in the
    /// article's first lines says which day the text's "today" is (a page reposted days later keeps its
    /// own day, whatever its URL says).
    static func statedToday(_ layout: Layout, tokenizer: Tokenizer) -> WrittenDate? {
        for index in layout.article.prefix(3) {
            // Only a line that writes a word for today is cut into tokens. (Lower case by the folding
            // table's letters: `lowercased()` of a Vietnamese paragraph cost more than reading it.)
            var text: [UInt8] = []
            for scalar in layout.lines[index].text.unicodeScalars { UTF8.encode(Folding.lower(scalar)) { text.append($0) } }
            guard todayWords.contains(where: { writes(text, $0) }) else { continue }
            let tokens = tokenizer.tokens(of: layout.lines[index])
            let todays = tokens.indices.filter { relativeDays[tokens[$0].folded] == 0 }
            guard !todays.isEmpty else { continue }
            for date in DateScanner.scan(tokens) where date.from.day != nil && date.from.year != nil && date.to == nil {
                if todays.contains(where: { date.first > $0 && date.first - $0 <= 3 }) { return date.from }
            }
        }
        return nil
    }

    /// Whether the bytes of `text` hold `word`, byte for byte: Foundation's search converts the text
    /// to UTF-16 for each word it looks for.
    private static func writes(_ text: [UInt8], _ word: [UInt8]) -> Bool {
        guard let first = word.first, text.count >= word.count else { return false }
        for start in 0...(text.count - word.count) where text[start] == first {
            if text[start..<start + word.count].elementsEqual(word) { return true }
        }
        return false
    }

    /// "date 2023-08", "Updated: 2024-07-06": a marker word, then a year, month and perhaps day.
    static func markedDate(_ tokens: [Token]) -> WrittenDate? { markedDateWithEnd(tokens)?.date }

    /// The marked date and the index of the token after it.
    static func markedDateWithEnd(_ tokens: [Token]) -> (date: WrittenDate, end: Int)? {
        guard let first = tokens.firstIndex(where: \.isWord), markers.contains(tokens[first].folded) else { return nil }
        var at = first + 1
        if at < tokens.count, tokens[at].is(":") { at += 1 }
        guard at < tokens.count, let year = DateScanner.year(tokens[at]),
            let date = numbers(tokens, from: at), date.year == year
        else { return nil }
        return (date, at + (date.day == nil ? 3 : 5))
    }

    /// "2022/9/28", "2024-07-06", "2023.11.17", "2022 Nov. 17" standing in a line of its own; or
    /// "10. 1. 2009", the day first with a full stop after it and the month.
    static func standingDate(_ tokens: [Token]) -> WrittenDate? {
        for index in tokens.indices where DateScanner.year(tokens[index]) != nil {
            if let date = numbers(tokens, from: index), date.day != nil { return date }
            if let date = yearThenMonthName(tokens, from: index) { return date }
            if let date = dayFirstWithStops(tokens, year: index) { return date }
        }
        return nil
    }

    /// "10. 1. 2009": a day and a month, each followed by a full stop, then the year at `year`.
    static func dayFirstWithStops(_ tokens: [Token], year: Int) -> WrittenDate? {
        guard year >= 4, let y = DateScanner.year(tokens[year]), tokens[year - 1].is("."), !tokens[year - 1].spaced,
            tokens[year - 3].is("."), !tokens[year - 3].spaced, let month = DateScanner.month(tokens[year - 2]),
            let day = DateScanner.day(tokens[year - 4]), (try? PartialDate(year: y, month: month, day: day)) != nil
        else { return nil }
        return WrittenDate(day: day, month: month, year: y)
    }

    /// "2022 Nov. 17" (a briefing room's date line): a year, a month's name (abbreviated or not),
    /// then the day.
    static func yearThenMonthName(_ tokens: [Token], from index: Int) -> WrittenDate? {
        guard let year = DateScanner.year(tokens[index]), index + 2 < tokens.count,
            let month = DateScanner.monthName(tokens[index + 1])
        else { return nil }
        let at = tokens[index + 2].is(".") ? index + 3 : index + 2
        guard at < tokens.count, let day = DateScanner.day(tokens[at]),
            (try? PartialDate(year: year, month: month, day: day)) != nil
        else { return nil }
        return WrittenDate(day: day, month: month, year: year)
    }

    /// Year, then month and day, joined by "-" or "/".
    static func numbers(_ tokens: [Token], from index: Int) -> WrittenDate? {
        guard let year = DateScanner.year(tokens[index]) else { return nil }
        func joined(_ at: Int) -> Bool {
            at < tokens.count && (tokens[at].isDash || tokens[at].is("/") || tokens[at].is(".")) && !tokens[at].spaced
        }
        guard joined(index + 1), index + 2 < tokens.count, let month = DateScanner.month(tokens[index + 2]) else { return nil }
        var date = WrittenDate(month: month, year: year)
        if joined(index + 3), index + 4 < tokens.count, let day = DateScanner.day(tokens[index + 4]) { date.day = day }
        return (try? PartialDate(year: date.year, month: date.month, day: date.day)) != nil ? date : nil
    }
}
