import DiploModel
import DiploStore
import Foundation

/// A date as a text writes it: a day, month and year, any of which may be missing.
struct WrittenDate: Equatable {
    var day: Int?
    var month: Int?
    var year: Int?
    /// A day named by its weekday ("on Monday": 1 … 7), or by its distance from the page's date
    /// ("tomorrow": 1, "hôm qua": -1): read against the page's date.
    var weekday: Int? = nil
    var offset: Int? = nil
    /// A month or a year told from the page's date ("next month": 1, "năm ngoái": -1).
    var monthOffset: Int? = nil
    var yearOffset: Int? = nil
    /// Years after the last year the text named ("Ba năm sau": 3, "of that same year": 0): the
    /// reader fills the year in from the sentences before (`DateScanner.fillTextYears`).
    var yearsAfterLast: Int? = nil
    /// A week told from the page's date ("next week": 1): its days, Monday to Sunday.
    var weekOffset: Int? = nil

    init(
        day: Int? = nil, month: Int? = nil, year: Int? = nil, weekday: Int? = nil, offset: Int? = nil,
        monthOffset: Int? = nil, yearOffset: Int? = nil, yearsAfterLast: Int? = nil, weekOffset: Int? = nil
    ) {
        self.day = day
        self.month = month
        self.year = year
        self.weekday = weekday
        self.offset = offset
        self.monthOffset = monthOffset
        self.yearOffset = yearOffset
        self.yearsAfterLast = yearsAfterLast
        self.weekOffset = weekOffset
    }

    var isRelative: Bool {
        weekday != nil || offset != nil || monthOffset != nil || yearOffset != nil || yearsAfterLast != nil
            || weekOffset != nil
    }
}

/// A date or a range of dates in a sentence: "19/9", "21-27/9", "từ ngày 10 đến ngày 13/8",
/// "ngày 19 tháng 9 năm 2024", "September 10-11, 2023", "Nov 27", "tháng 9/2024", "năm 1995".
struct DateMention {
    var first: Int
    var end: Int
    var from: WrittenDate
    var to: WrittenDate?
    /// Opened by "từ"/"from"/"since": a range that starts here.
    var opened = false
    /// Opened by "since"/"kể từ": when a state of things began.
    var since = false

    var isRange: Bool { to != nil }
    var hasDay: Bool { from.day != nil }
}

enum DateScanner {
    /// The words of dates (Lexicon/dates.json).
    private struct Words: Decodable {
        let months: [String: Int]
        let day_openers, ordinal_suffixes, range_words, weekday_joiners, open_words: [String]
        let text_years: TextYears
    }
    private struct TextYears: Decodable {
        let later, same_year: [String]
        let counts: [String: Int]
    }
    private static let words = Lexicon.decode(PackageResources.dates_json, as: Words.self)
    /// Months by their folded name or short form.
    static let months: [String: Int] = Dictionary(words.months.map { ($0.key.folded, $0.value) }, uniquingKeysWith: { a, _ in a })
    /// Words for a day or a part of it, before a date ("ngày", "tối"): "tối 9-11" is the 9th of November.
    static let dayOpeners: Set<String> = Set(words.day_openers.map(\.folded))
    /// "st", "nd", "rd", "th" after a number: "8th January", "the 50th anniversary", "79th session".
    static let ordinalSuffixes: Set<String> = Set(words.ordinal_suffixes.map(\.folded))
    /// Words joining two dates into a range ("đến", "to").
    static let rangeWords: Set<String> = Set(words.range_words.map(\.folded))
    /// "on Friday and Saturday": two weekdays joined by one of these are the days between them.
    static let weekdayJoiners: Set<String> = Set(words.weekday_joiners.map(\.folded))
    /// Words opening a range ("từ", "from", "since").
    static let openWords: Set<String> = Set(words.open_words.map(\.folded))
    /// "năm sau", "years later" after a count; "cùng năm", "of that same year": folded, in words.
    static let laterPhrases: [[String]] = words.text_years.later.map { $0.folded.split(separator: " ").map(String.init) }
    static let sameYearPhrases: [[String]] = words.text_years.same_year.map { $0.folded.split(separator: " ").map(String.init) }
        .sorted { $0.count > $1.count }
    /// "ba" → 3, "three" → 3.
    static let counts: [String: Int] = Dictionary(
        words.text_years.counts.map { ($0.key.folded, $0.value) }, uniquingKeysWith: { a, _ in a })
    /// Every word a date may start with, folded: "tháng", a month's name, a count ("Ba năm sau"),
    /// the first word of "that same year", a weekday, the first word of "next month" or "hôm qua".
    /// (Any other date starts with a number.) The scan passes over other words at once: asking the
    /// readings' tables at every word was a tenth of the reader's work.
    static let wordsThatStartDates: Set<String> = Set(
        ["thang"] + months.keys + counts.keys + sameYearPhrases.compactMap(\.first) + PageDate.weekdays.keys
            + PageDate.relativeFirstWords)

    /// Where one of `phrases` written at `index` ends.
    static func phraseEnd(_ phrases: [[String]], _ tokens: [Token], at index: Int) -> Int? {
        for phrase in phrases
        where index + phrase.count <= tokens.count && phrase.indices.allSatisfy({ tokens[index + $0].folded == phrase[$0] }) {
            return index + phrase.count
        }
        return nil
    }

    /// A year told from the last one the text named: "Ba năm sau", "three years later", "that same year".
    static func textYear(_ tokens: [Token], at index: Int) -> DateMention? {
        let token = tokens[index]
        if let count = token.number.flatMap({ $0 <= 50 ? $0 : nil }) ?? counts[token.folded],
            let end = phraseEnd(laterPhrases, tokens, at: index + 1)
        {
            return DateMention(first: index, end: end, from: WrittenDate(yearsAfterLast: count))
        }
        if let end = phraseEnd(sameYearPhrases, tokens, at: index) {
            return DateMention(first: index, end: end, from: WrittenDate(yearsAfterLast: 0))
        }
        return nil
    }

    /// Fills in the years told from the last year the text named, sentence after sentence: "Năm
    /// 2006, ... Ba năm sau, ..." is 2009. One that no earlier year explains stays unread.
    static func fillTextYears(_ dates: inout [[DateMention]]) {
        var last: Int?
        for sentence in dates.indices {
            for index in dates[sentence].indices {
                var date = dates[sentence][index]
                if let after = date.from.yearsAfterLast {
                    guard let year = last else { continue }
                    date.from.year = year + after
                    date.from.yearsAfterLast = nil
                    dates[sentence][index] = date
                }
                if let year = date.to?.year ?? date.from.year, !date.from.isRelative { last = year }
            }
        }
    }

    /// "26-8-2010": day, month and year joined by hyphens with no space.
    static func hyphenated(_ tokens: [Token], at index: Int) -> WrittenDate? {
        guard index + 4 < tokens.count, let d = day(tokens[index]), tokens[index + 1].isDash, !tokens[index + 1].spaced,
            let m = month(tokens[index + 2]), !tokens[index + 2].spaced, tokens[index + 3].isDash, !tokens[index + 3].spaced,
            let y = year(tokens[index + 4]), !tokens[index + 4].spaced
        else { return nil }
        return WrittenDate(day: d, month: m, year: y)
    }

    /// A weekday ("Monday", capitalised) or a day told from today ("tomorrow", "hôm qua"): the date and the index after it.
    static func relativeDay(_ tokens: [Token], at index: Int) -> (WrittenDate, Int)? {
        let token = tokens[index]
        guard token.isWord else { return nil }
        if token.isCapitalized, let weekday = PageDate.weekdays[token.folded] {
            return (WrittenDate(weekday: weekday), index + 1)
        }
        guard PageDate.relativeFirstWords.contains(token.folded) else { return nil }
        if index + 1 < tokens.count {
            // "next month's": the possessive does not change the month.
            let next =
                tokens[index + 1].isPossessive
                ? String(tokens[index + 1].folded.dropLast(tokens[index + 1].folded.hasSuffix("'s") ? 2 : 1))
                : tokens[index + 1].folded
            let phrase = token.folded + " " + next
            if let offset = PageDate.relativeDays[phrase] { return (WrittenDate(offset: offset), index + 2) }
            if let offset = PageDate.relativeMonths[phrase] { return (WrittenDate(monthOffset: offset), index + 2) }
            if let offset = PageDate.relativeYears[phrase] { return (WrittenDate(yearOffset: offset), index + 2) }
            if let offset = PageDate.relativeWeeks[phrase] { return (WrittenDate(weekOffset: offset), index + 2) }
        }
        if let offset = PageDate.relativeDays[token.folded] { return (WrittenDate(offset: offset), index + 1) }
        return nil
    }

    // A number's text is ASCII digits: its bytes are its characters, counted without grapheme breaking.
    static func day(_ token: Token?) -> Int? {
        token?.number.flatMap { (1...31).contains($0) && token!.text.utf8.count <= 2 ? $0 : nil }
    }
    static func month(_ token: Token?) -> Int? {
        token?.number.flatMap { (1...12).contains($0) && token!.text.utf8.count <= 2 ? $0 : nil }
    }
    static func year(_ token: Token?) -> Int? {
        token?.number.flatMap { $0 >= 1800 && $0 <= 2200 && token!.text.utf8.count == 4 ? $0 : nil }
    }
    static func monthName(_ token: Token?) -> Int? { token.flatMap { $0.isWord ? months[$0.folded] : nil } }

    /// The tokens of a sentence read for dates; `numeric` and `worded` read one date at an index.
    struct Reading {
        let tokens: [Token]
        func at(_ index: Int) -> Token? { index < tokens.count && index >= 0 ? tokens[index] : nil }
        func dash(_ index: Int) -> Bool { at(index)?.isDash == true }
        func slash(_ index: Int) -> Bool {
            // "19.9.2024"; not the full stop that ends "... ngày 19/9."
            at(index)?.is("/") == true
                || (at(index)?.is(".") == true && at(index)?.spaced == false && at(index + 1)?.kind == .number
                    && at(index + 1)?.spaced == false)
        }
        func word(_ index: Int, _ folded: String) -> Bool { at(index)?.folded == folded }
        /// "/2024" or "năm 2024" or ", 2024" after `index`: the year and the index after it.
        func trailingYear(_ index: Int) -> (Int, Int)? {
            if slash(index), let y = year(at(index + 1)) { return (y, index + 2) }
            if word(index, "nam"), let y = year(at(index + 1)) { return (y, index + 2) }
            if at(index)?.is(",") == true, let y = year(at(index + 1)) { return (y, index + 2) }
            if let y = year(at(index)), at(index)?.spaced == true { return (y, index + 1) }
            return nil
        }
        func day(_ token: Token?) -> Int? { DateScanner.day(token) }
        func month(_ token: Token?) -> Int? { DateScanner.month(token) }
        func year(_ token: Token?) -> Int? { DateScanner.year(token) }
        func monthName(_ token: Token?) -> Int? { DateScanner.monthName(token) }
        func hyphenated(_ tokens: [Token], at index: Int) -> WrittenDate? { DateScanner.hyphenated(tokens, at: index) }

        /// Days `d` to `d2` of month `m`, written from `i` up to `end`; "/2024" after them is the year of both.
        func dayRange(_ d: Int, _ d2: Int, _ m: Int, from i: Int, end: Int) -> DateMention {
            var date = DateMention(
                first: i, end: end, from: WrittenDate(day: d, month: m), to: WrittenDate(day: d2, month: m))
            if slash(end), let y = year(at(end + 1)) {
                date.from.year = y
                date.to?.year = y
                date.end = end + 2
            }
            return date
        }

        /// Dates written with numbers: "19/9", "21-27/9/2024", "26-8-2010", "tối 9-11", "từ ngày 11 đến ngày 13 tháng 3".
        func numeric(at i: Int) -> DateMention? {
            if tokens[i].kind == .number, let written = hyphenated(tokens, at: i) {
                return DateMention(first: i, end: i + 5, from: written)
            } else if tokens[i].kind == .number, let d = day(at(i)), word(i + 1, "den"), word(i + 2, "ngay"),
                let last = hyphenated(tokens, at: i + 3), d < last.day!
            {
                return DateMention(
                    first: i, end: i + 8, from: WrittenDate(day: d, month: last.month, year: last.year), to: last)
            } else if let m = month(at(i)), slash(i + 1), let d = day(at(i + 2)), d > 12, at(i + 3)?.is("/") == true,
                let y = year(at(i + 4))
            {
                // "2/27/2024", as pages of the United States write it: month first, where the day cannot be a month.
                return DateMention(first: i, end: i + 5, from: WrittenDate(day: d, month: m, year: y))
            } else if let d = day(at(i)), slash(i + 1), let m = month(at(i + 2)), !slash(i + 3) || year(at(i + 4)) != nil {
                var date = DateMention(first: i, end: i + 3, from: WrittenDate(day: d, month: m))
                if let (y, after) = trailingYear(i + 3), slash(i + 3) {
                    date.from.year = y
                    date.end = after
                }
                if dash(date.end), let d2 = day(at(date.end + 1)), slash(date.end + 2), let m2 = month(at(date.end + 3)) {
                    date.to = WrittenDate(day: d2, month: m2)
                    date.end += 4
                    if slash(date.end), let y = year(at(date.end + 1)) {
                        date.to?.year = y
                        date.from.year = date.from.year ?? y
                        date.end += 2
                    }
                }
                return date
            } else if let d = day(at(i)), dash(i + 1) || word(i + 1, "den"), let d2 = day(at(i + 2)), d2 >= d,
                slash(i + 3), let m = month(at(i + 4))
            {
                return dayRange(d, d2, m, from: i, end: i + 5)
            } else if let d = day(at(i)), word(i + 1, "va"), let d2 = day(at(i + 2)), d2 > d, slash(i + 3),
                let m = month(at(i + 4))
            {
                // "trong hai ngày 13 và 14/1"
                return dayRange(d, d2, m, from: i, end: i + 5)
            } else if let d = day(at(i)), word(i + 1, "den"), word(i + 2, "ngay"), let d2 = day(at(i + 3)), slash(i + 4),
                let m = month(at(i + 5))
            {
                // "từ ngày 10 đến ngày 13/8"
                return dayRange(d, d2, m, from: i, end: i + 6)
            } else if let d = day(at(i)), word(i + 1, "den"), case let second = word(i + 2, "ngay") ? i + 3 : i + 2,
                let d2 = day(at(second)), d2 > d, dash(second + 1), at(second + 1)?.spaced == false,
                let m = month(at(second + 2)), at(second + 2)?.spaced == false, !dash(second + 3)
            {
                // "từ ngày 11 đến 15-10": the month joined by a hyphen to the last day only.
                return dayRange(d, d2, m, from: i, end: second + 3)
            } else if let d = day(at(i)), let opener = at(i - 1), DateScanner.dayOpeners.contains(opener.folded),
                dash(i + 1), at(i + 1)?.spaced == false, let m = month(at(i + 2)), at(i + 2)?.spaced == false,
                !slash(i + 3), !dash(i + 3), !word(i + 3, "thang")
            {
                // "tối 9-11", "ngày 21-9": a day and its month joined by a hyphen, after a word for the day.
                return DateMention(first: i, end: i + 3, from: WrittenDate(day: d, month: m))
            } else if let d = day(at(i)), dash(i + 1) || word(i + 1, "den") || word(i + 1, "va"),
                case let second = word(i + 2, "ngay") ? i + 3 : i + 2, let d2 = day(at(second)), d2 > d,
                word(second + 1, "thang"), let m = month(at(second + 2))
            {
                // "từ ngày 11 đến ngày 13 tháng 3 năm 2025", "11-13 tháng 3"
                var date = DateMention(
                    first: i, end: second + 3, from: WrittenDate(day: d, month: m), to: WrittenDate(day: d2, month: m))
                if word(second + 3, "nam"), let y = year(at(second + 4)) {
                    date.from.year = y
                    date.to?.year = y
                    date.end = second + 5
                }
                return date
            }
            return nil
        }

        /// Dates with words: "19 tháng 9 năm 2024", "tháng 9/2024", "September 10-11, 2023", "10 September", "năm 2024".
        func worded(at i: Int) -> DateMention? {
            if let d = day(at(i)), word(i + 1, "thang"), let m = month(at(i + 2)) {
                // "19 tháng 9 [năm 2024]"
                var date = DateMention(first: i, end: i + 3, from: WrittenDate(day: d, month: m))
                if word(i + 3, "nam"), let y = year(at(i + 4)) {
                    date.from.year = y
                    date.end = i + 5
                }
                return date
            } else if word(i, "thang"), let m = month(at(i + 1)) {
                // "tháng 9/2024", "tháng 9 năm 2024", "tháng 9"
                var date = DateMention(first: i, end: i + 2, from: WrittenDate(month: m))
                if let (y, after) = trailingYear(i + 2), !(at(i + 2)?.is(",") ?? false) {
                    date.from.year = y
                    date.end = after
                }
                return date
            } else if let m = monthName(at(i)) {
                // "September 10-11, 2023", "Nov 27", "Sept. 10", "September 2024"
                var next = i + 1
                // "Sept. 10"; not the full stop after "in May."
                if at(next)?.is(".") == true, day(at(next + 1)) != nil { next += 1 }
                if let d = day(at(next)), year(at(next)) == nil {
                    var date = DateMention(first: i, end: next + 1, from: WrittenDate(day: d, month: m))
                    if dash(next + 1), let d2 = day(at(next + 2)), d2 >= d {
                        date.to = WrittenDate(day: d2, month: m)
                        date.end = next + 3
                    }
                    if at(date.end)?.is(",") == true, let y = year(at(date.end + 1)) {
                        date.from.year = y
                        date.to?.year = y
                        date.end += 2
                    } else if let y = year(at(date.end)) {
                        date.from.year = y
                        date.to?.year = y
                        date.end += 1
                    }
                    return date
                } else if let y = year(at(next)) {
                    return DateMention(first: i, end: next + 1, from: WrittenDate(month: m, year: y))
                } else if at(i)?.isCapitalized == true,
                    ["may", "march"].contains(at(i)!.folded) == false || at(i - 1)?.folded == "in"
                {
                    return DateMention(first: i, end: next, from: WrittenDate(month: m))
                }
            } else if let d = day(at(i)), let m = monthName(at(i + 1)) {
                // "10 September 2024", "5 May, 2005"
                var date = DateMention(first: i, end: i + 2, from: WrittenDate(day: d, month: m))
                if let y = year(at(i + 2)) {
                    date.from.year = y
                    date.end = i + 3
                } else if at(i + 2)?.is(",") == true, let y = year(at(i + 3)) {
                    date.from.year = y
                    date.end = i + 4
                }
                return date
            } else if let d = day(at(i)), dash(i + 1) || ["to", "and", "until"].contains(at(i + 1)?.folded ?? ""),
                let d2 = day(at(i + 2)), d2 > d, let m = monthName(at(i + 3))
            {
                // "21-27 September 2024", "from 2 to 4 October 2023"
                var date = DateMention(
                    first: i, end: i + 4, from: WrittenDate(day: d, month: m), to: WrittenDate(day: d2, month: m))
                if let y = year(at(i + 4)) {
                    date.from.year = y
                    date.to?.year = y
                    date.end = i + 5
                } else if at(i + 4)?.is(",") == true, let y = year(at(i + 5)) {
                    // "the 8th and 9th of January, 2022"
                    date.from.year = y
                    date.to?.year = y
                    date.end = i + 6
                }
                return date
            } else if let y = year(at(i)), dash(i + 1), let m = month(at(i + 2)), dash(i + 3), let d = day(at(i + 4)) {
                return DateMention(first: i, end: i + 5, from: WrittenDate(day: d, month: m, year: y))
            } else if let y = year(at(i)), let before = at(i - 1), ["nam", "in", "since", "tu"].contains(before.folded) {
                return DateMention(first: i, end: i + 1, from: WrittenDate(year: y))
            }
            return nil
        }
    }

    /// Every date in the tokens, left to right, none overlapping. Days written as ordinals ("8th January
    /// 2022", "the 8th and 9th of January", "January 8th") are read as days: their suffix, and an "of"
    /// before the month, are passed over and the dates placed back over them.
    static func scan(_ tokens: [Token]) -> [DateMention] {
        func isOrdinalSuffix(_ index: Int) -> Bool {
            index > 0 && tokens[index].isWord && !tokens[index].spaced && ordinalSuffixes.contains(tokens[index].folded)
                && day(tokens[index - 1]) != nil
        }
        guard tokens.indices.contains(where: isOrdinalSuffix) else { return scanWritten(tokens) }
        var kept: [Int] = []
        for index in tokens.indices {
            if isOrdinalSuffix(index) { continue }
            // "the 8th of January": the "of" between an ordinal day and its month.
            if tokens[index].folded == "of", index >= 2, isOrdinalSuffix(index - 1), index + 1 < tokens.count,
                months[tokens[index + 1].folded] != nil
            {
                continue
            }
            kept.append(index)
        }
        return scanWritten(kept.map { tokens[$0] }).map { date in
            var date = date
            date.first = kept[date.first]
            date.end = date.end < kept.count ? kept[date.end] : tokens.count
            return date
        }
    }

    private static func scanWritten(_ tokens: [Token]) -> [DateMention] {
        var found: [DateMention] = []
        var i = 0
        var weekdayStart: Int?
        let reading = Reading(tokens: tokens)
        while i < tokens.count {
            var mention: DateMention?
            // "16:19 July 21, 2022": a clock's minutes are no day; "21" begins the date.
            let minutes =
                i >= 2 && tokens[i].kind == .number && !tokens[i].spaced && tokens[i - 1].is(":") && !tokens[i - 1].spaced
                && tokens[i - 2].kind == .number
            guard tokens[i].kind != .punctuation, !minutes,
                tokens[i].kind == .number || wordsThatStartDates.contains(tokens[i].folded)
            else {
                i += 1
                continue
            }
            if var written = reading.numeric(at: i) ?? reading.worded(at: i) {
                // "in August of that same year", "tháng 8 cùng năm": the month of the year told before.
                if written.from.year == nil, written.to == nil, written.from.month != nil,
                    let end = phraseEnd(sameYearPhrases, tokens, at: written.end)
                {
                    written.from.yearsAfterLast = 0
                    written.end = end
                }
                // "in June last year", "tháng 6 năm ngoái": the month of a year told from the page's.
                if written.from.year == nil, written.to == nil, written.from.month != nil, written.end + 1 < tokens.count,
                    let offset = PageDate.relativeYears[tokens[written.end].folded + " " + tokens[written.end + 1].folded]
                {
                    written.from.yearOffset = offset
                    written.end += 2
                }
                mention = written
            } else if let told = textYear(tokens, at: i) {
                mention = told
            } else if let (written, end) = relativeDay(tokens, at: i) {
                // "on Monday", "tomorrow", "chiều nay"; not when a written date follows ("Monday, December 19", "Sáng nay (21/11)").
                var next = end
                while let token = reading.at(next),
                    token.is(",") || token.is("(") || ["morning", "afternoon", "evening", "night"].contains(token.folded)
                { next += 1 }
                // "Tuesday (5/9)": day and month could be either way round; the weekday and the page's date tell the day.
                let eitherWay =
                    written.weekday != nil && reading.at(end)?.is("(") == true && reading.slash(end + 2)
                    && reading.at(end + 4)?.is(")") == true && month(reading.at(end + 1)) != nil
                    && month(reading.at(end + 3)) != nil
                let dated =
                    !eitherWay
                    && (monthName(reading.at(next)) != nil
                        || (day(reading.at(next)) != nil
                            && (monthName(reading.at(next + 1)) != nil
                                || (reading.slash(next + 1) && month(reading.at(next + 2)) != nil))))
                if !dated {
                    // "Monday (11/14)": a date written month first is not read; the weekday and the page's date tell the day.
                    var close = end
                    if reading.at(close)?.is("(") == true,
                        let shut = (close..<min(close + 6, tokens.count)).first(where: { tokens[$0].is(")") })
                    {
                        close = shut + 1
                    }
                    mention = DateMention(first: i, end: close, from: written)
                } else {
                    weekdayStart = i
                    i = next
                    continue
                }
            }
            guard var date = mention else {
                i += 1
                continue
            }
            // "on Friday, 21 May 2021": the weekday belongs to the date it names.
            if let start = weekdayStart, date.first - start <= 4 { date.first = start }
            weekdayStart = nil
            // "ngày" / "on" / "từ" before it; "từ ... đến ..." and "from ... to ..." join two dates.
            var opener = date.first - 1
            while let token = reading.at(opener),
                dayOpeners.contains(token.folded) || ["on", "the", "nam"].contains(token.folded)
            { opener -= 1 }
            if let token = reading.at(opener), openWords.contains(token.folded) {
                date.opened = true
                date.since = token.folded == "since" || (token.folded == "tu" && reading.at(opener - 1)?.folded == "ke")
                date.first = opener
            }
            // ("CANADA, June 28 - Yesterday, ...": a dash before a day told from today ends a dateline; no range.)
            if let last = found.last, last.to == nil,
                last.end + 1 == date.first
                    || (last.end + 2 == date.first && ["ngay", "nam"].contains(reading.at(last.end + 1)?.folded ?? "")),
                let joiner = reading.at(last.end),
                rangeWords.contains(joiner.folded) || (joiner.isDash && date.from.offset == nil && last.from.offset == nil)
                    || (weekdayJoiners.contains(joiner.folded) && last.from.weekday != nil && date.from.weekday != nil)
            {
                var joined = last
                joined.to = date.from
                if joined.from.year == nil { joined.from.year = date.from.year }
                if joined.from.month == nil { joined.from.month = date.from.month }
                joined.end = date.end
                found[found.count - 1] = joined
            } else {
                // "September 21 to 27": a bare day after a date and a range word.
                if date.to == nil, let joiner = reading.at(date.end), rangeWords.contains(joiner.folded),
                    let d2 = day(reading.at(date.end + 1)),
                    date.from.day != nil, monthName(reading.at(date.end + 2)) == nil,
                    // "to 27/9" is a date of its own; "to 27." ends the sentence.
                    !(reading.slash(date.end + 2) && reading.at(date.end + 3)?.number != nil)
                {
                    date.to = WrittenDate(day: d2, month: date.from.month, year: date.from.year)
                    date.end += 2
                    // "September 21 to 27, 2024": the year after the last day is both days'.
                    if date.from.year == nil, reading.at(date.end)?.is(",") == true, let y = year(reading.at(date.end + 1)) {
                        date.from.year = y
                        date.to?.year = y
                        date.end += 2
                    }
                }
                found.append(date)
            }
            i = date.end
        }
        return found
    }
}

/// Fills in the years a text leaves out, from a reference date (the publication date, a date
/// line, or evidence in the text).
struct YearResolver {
    /// The reference: a year, and a month and day when known.
    let reference: WrittenDate?

    /// A weekday or a day told from today, read against the reference day: the next such day for
    /// what is planned, the last one (today included) for what was done.
    func resolveRelative(_ written: WrittenDate, ahead: Bool) -> PartialDate? {
        if let offset = written.yearOffset, let year = reference?.year {
            return try? PartialDate(year: year + offset, month: written.month, day: written.month == nil ? nil : written.day)
        }
        if let offset = written.monthOffset, let year = reference?.year, let month = reference?.month {
            let index = year * 12 + (month - 1) + offset
            return try? PartialDate(year: index / 12, month: index % 12 + 1)
        }
        guard let reference, let year = reference.year else { return nil }
        guard let month = reference.month, let day = reference.day else {
            // A page dated by its month (or year) alone: "on Thursday", "tomorrow" is a day of it.
            guard written.weekday != nil || written.offset.map({ abs($0) <= 7 }) == true else { return nil }
            return try? PartialDate(year: year, month: reference.month)
        }
        let today = PartialDate.dayNumber(year: year, month: month, day: day)
        if let offset = written.offset { return PartialDate(dayNumber: today + offset) }
        guard let weekday = written.weekday else { return nil }
        let todayWeekday = YearResolver.weekday(ofDay: today)
        let delta = ahead ? (weekday - todayWeekday + 7) % 7 : -((todayWeekday - weekday + 7) % 7)
        return PartialDate(dayNumber: today + delta)
    }

    /// The weekday of a day number (`PartialDate.dayNumber`): Monday 1 … Sunday 7.
    static func weekday(ofDay day: Int) -> Int { ((day + 3) % 7 + 7) % 7 + 1 }

    /// The full date, or one without a year ("--09-19") when nothing tells the year.
    func resolve(_ written: WrittenDate, ahead: Bool = false) -> PartialDate? {
        if written.isRelative { return resolveRelative(written, ahead: ahead) }
        var written = written
        if written.year == nil, let reference, let year = reference.year {
            written.year = year
            // "5/1" read in late December means next January; "28/12" in early January, last December.
            if let month = written.month, let referenceMonth = reference.month {
                if month - referenceMonth > 6 { written.year = year - 1 }
                if referenceMonth - month > 6 { written.year = year + 1 }
            }
        }
        return try? PartialDate(
            year: written.year, month: written.month, day: written.year == nil ? (written.day ?? nil) : written.day)
    }

    /// A range's two ends: the first takes what the second gives it ("21-27/9/2024").
    func resolve(_ mention: DateMention, ahead: Bool = false) -> (PartialDate?, PartialDate?) {
        var from = mention.from
        // "next week": its Monday to its Sunday.
        if let weeks = from.weekOffset {
            guard let reference, let year = reference.year, let month = reference.month, let day = reference.day else {
                return (nil, nil)
            }
            let today = PartialDate.dayNumber(year: year, month: month, day: day)
            let monday = today - (YearResolver.weekday(ofDay: today) - 1) + 7 * weeks
            return (PartialDate(dayNumber: monday), PartialDate(dayNumber: monday + 6))
        }
        if from.isRelative {
            // "from Wednesday to Thursday": the end is the first such day from the start.
            guard let first = resolveRelative(from, ahead: ahead), let start = first.dayRange?.lowerBound else {
                return (nil, nil)
            }
            guard let to = mention.to else { return (first, nil) }
            if let weekday = to.weekday {
                let startWeekday = YearResolver.weekday(ofDay: start)
                return (first, PartialDate(dayNumber: start + (weekday - startWeekday + 7) % 7))
            }
            return (first, resolve(to, ahead: ahead))
        }
        if let to = mention.to {
            if from.month == nil { from.month = to.month }
            if from.year == nil { from.year = to.year }
            var end = to
            if end.year == nil { end.year = from.year }
            if end.month == nil { end.month = from.month }
            let first = resolve(from)
            let last = resolve(end)
            // "28/12 - 3/1": the range crosses a new year.
            if let a = first, let b = last, b < a, let year = b.year {
                return (a, try? PartialDate(year: year + 1, month: b.month, day: b.day))
            }
            return (first, last)
        }
        return (resolve(from), nil)
    }
}
