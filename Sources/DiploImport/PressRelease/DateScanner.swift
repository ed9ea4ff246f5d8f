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

    init(
        day: Int? = nil, month: Int? = nil, year: Int? = nil, weekday: Int? = nil, offset: Int? = nil,
        monthOffset: Int? = nil, yearOffset: Int? = nil
    ) {
        self.day = day
        self.month = month
        self.year = year
        self.weekday = weekday
        self.offset = offset
        self.monthOffset = monthOffset
        self.yearOffset = yearOffset
    }

    var isRelative: Bool { weekday != nil || offset != nil || monthOffset != nil || yearOffset != nil }
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
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let rangeWords: Set<String> = ["den", "to", "until", "through", "till", "toi"]
    static let openWords: Set<String> = ["tu", "from", "since", "between"]

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
                tokens[index + 1].text.hasSuffix("'s") || tokens[index + 1].text.hasSuffix("’s")
                ? String(tokens[index + 1].folded.dropLast(tokens[index + 1].folded.hasSuffix("'s") ? 2 : 1))
                : tokens[index + 1].folded
            let phrase = token.folded + " " + next
            if let offset = PageDate.relativeDays[phrase] { return (WrittenDate(offset: offset), index + 2) }
            if let offset = PageDate.relativeMonths[phrase] { return (WrittenDate(monthOffset: offset), index + 2) }
            if let offset = PageDate.relativeYears[phrase] { return (WrittenDate(yearOffset: offset), index + 2) }
        }
        if let offset = PageDate.relativeDays[token.folded] { return (WrittenDate(offset: offset), index + 1) }
        return nil
    }

    static func day(_ token: Token?) -> Int? {
        token?.number.flatMap { (1...31).contains($0) && token!.text.count <= 2 ? $0 : nil }
    }
    static func month(_ token: Token?) -> Int? {
        token?.number.flatMap { (1...12).contains($0) && token!.text.count <= 2 ? $0 : nil }
    }
    static func year(_ token: Token?) -> Int? {
        token?.number.flatMap { $0 >= 1800 && $0 <= 2200 && token!.text.count == 4 ? $0 : nil }
    }
    static func monthName(_ token: Token?) -> Int? { token.flatMap { $0.isWord ? months[$0.folded] : nil } }

    /// Every date in the tokens, left to right, none overlapping.
    static func scan(_ tokens: [Token]) -> [DateMention] {
        var found: [DateMention] = []
        var i = 0
        var weekdayStart: Int?
        func at(_ index: Int) -> Token? { index < tokens.count && index >= 0 ? tokens[index] : nil }
        func dash(_ index: Int) -> Bool { at(index)?.isDash == true }
        func slash(_ index: Int) -> Bool {
            at(index)?.is("/") == true || (at(index)?.is(".") == true && at(index)?.spaced == false)
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
        /// Days `d` to `d2` of month `m`, written from `i` up to `end`; "/2024" after them is the year of both.
        func dayRange(_ d: Int, _ d2: Int, _ m: Int, end: Int) -> DateMention {
            var date = DateMention(
                first: i, end: end, from: WrittenDate(day: d, month: m), to: WrittenDate(day: d2, month: m))
            if slash(end), let y = year(at(end + 1)) {
                date.from.year = y
                date.to?.year = y
                date.end = end + 2
            }
            return date
        }
        while i < tokens.count {
            var mention: DateMention?
            // D-M-YYYY, written with unspaced hyphens ("26-8-2010"), and "24 đến ngày 26-8-2010"
            guard tokens[i].kind != .punctuation else {
                i += 1
                continue
            }
            if tokens[i].kind == .number, let written = hyphenated(tokens, at: i) {
                mention = DateMention(first: i, end: i + 5, from: written)
            } else if tokens[i].kind == .number, let d = day(at(i)), word(i + 1, "den"), word(i + 2, "ngay"),
                let last = hyphenated(tokens, at: i + 3), d < last.day!
            {
                mention = DateMention(
                    first: i, end: i + 8, from: WrittenDate(day: d, month: last.month, year: last.year), to: last)
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
                mention = date
            } else if let d = day(at(i)), dash(i + 1) || word(i + 1, "den"), let d2 = day(at(i + 2)), d2 >= d,
                slash(i + 3), let m = month(at(i + 4))
            {
                mention = dayRange(d, d2, m, end: i + 5)
            } else if let d = day(at(i)), word(i + 1, "va"), let d2 = day(at(i + 2)), d2 > d, slash(i + 3),
                let m = month(at(i + 4))
            {
                // "trong hai ngày 13 và 14/1"
                mention = dayRange(d, d2, m, end: i + 5)
            } else if let d = day(at(i)), word(i + 1, "den"), word(i + 2, "ngay"), let d2 = day(at(i + 3)), slash(i + 4),
                let m = month(at(i + 5))
            {
                // "từ ngày 10 đến ngày 13/8"
                mention = dayRange(d, d2, m, end: i + 6)
            } else if let d = day(at(i)), word(i + 1, "thang"), let m = month(at(i + 2)) {
                // "19 tháng 9 [năm 2024]"
                var date = DateMention(first: i, end: i + 3, from: WrittenDate(day: d, month: m))
                if word(i + 3, "nam"), let y = year(at(i + 4)) {
                    date.from.year = y
                    date.end = i + 5
                }
                mention = date
            } else if word(i, "thang"), let m = month(at(i + 1)) {
                // "tháng 9/2024", "tháng 9 năm 2024", "tháng 9"
                var date = DateMention(first: i, end: i + 2, from: WrittenDate(month: m))
                if let (y, after) = trailingYear(i + 2), !(at(i + 2)?.is(",") ?? false) {
                    date.from.year = y
                    date.end = after
                }
                mention = date
            } else if let m = monthName(at(i)) {
                // "September 10-11, 2023", "Nov 27", "Sept. 10", "September 2024"
                var next = i + 1
                if at(next)?.is(".") == true { next += 1 }
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
                    mention = date
                } else if let y = year(at(next)) {
                    mention = DateMention(first: i, end: next + 1, from: WrittenDate(month: m, year: y))
                } else if at(i)?.isCapitalized == true,
                    ["may", "march"].contains(at(i)!.folded) == false || at(i - 1)?.folded == "in"
                {
                    mention = DateMention(first: i, end: next, from: WrittenDate(month: m))
                }
            } else if let d = day(at(i)), let m = monthName(at(i + 1)) {
                // "10 September 2024"
                var date = DateMention(first: i, end: i + 2, from: WrittenDate(day: d, month: m))
                if let y = year(at(i + 2)) {
                    date.from.year = y
                    date.end = i + 3
                }
                mention = date
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
                }
                mention = date
            } else if let y = year(at(i)), dash(i + 1), let m = month(at(i + 2)), dash(i + 3), let d = day(at(i + 4)) {
                mention = DateMention(first: i, end: i + 5, from: WrittenDate(day: d, month: m, year: y))
            } else if let y = year(at(i)), let before = at(i - 1), ["nam", "in", "since", "tu"].contains(before.folded) {
                mention = DateMention(first: i, end: i + 1, from: WrittenDate(year: y))
            } else if let (written, end) = relativeDay(tokens, at: i) {
                // "on Monday", "tomorrow", "chiều nay"; not when a written date follows ("Monday, December 19", "Sáng nay (21/11)").
                var next = end
                while let token = at(next),
                    token.is(",") || token.is("(") || ["morning", "afternoon", "evening", "night"].contains(token.folded)
                { next += 1 }
                let dated =
                    monthName(at(next)) != nil
                    || (day(at(next)) != nil
                        && (monthName(at(next + 1)) != nil
                            || (slash(next + 1) && month(at(next + 2)) != nil)))
                if !dated {
                    // "Monday (11/14)": a date written month first is not read; the weekday and the page's date tell the day.
                    var close = end
                    if at(close)?.is("(") == true,
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
            while let token = at(opener),
                ["ngay", "hom", "sang", "chieu", "toi", "trua", "dem", "on", "the"].contains(token.folded)
            { opener -= 1 }
            if let token = at(opener), openWords.contains(token.folded) {
                date.opened = true
                date.since = token.folded == "since" || (token.folded == "tu" && at(opener - 1)?.folded == "ke")
                date.first = opener
            }
            if let last = found.last, last.to == nil,
                last.end + 1 == date.first || (last.end + 2 == date.first && at(last.end + 1)?.folded == "ngay"),
                let joiner = at(last.end), rangeWords.contains(joiner.folded) || joiner.isDash
            {
                var joined = last
                joined.to = date.from
                if joined.from.year == nil { joined.from.year = date.from.year }
                if joined.from.month == nil { joined.from.month = date.from.month }
                joined.end = date.end
                found[found.count - 1] = joined
            } else {
                // "September 21 to 27": a bare day after a date and a range word.
                if date.to == nil, let joiner = at(date.end), rangeWords.contains(joiner.folded), let d2 = day(at(date.end + 1)),
                    date.from.day != nil, monthName(at(date.end + 2)) == nil, !slash(date.end + 2)
                {
                    date.to = WrittenDate(day: d2, month: date.from.month, year: date.from.year)
                    date.end += 2
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
        if let offset = written.yearOffset, let year = reference?.year { return try? PartialDate(year: year + offset) }
        if let offset = written.monthOffset, let year = reference?.year, let month = reference?.month {
            let index = year * 12 + (month - 1) + offset
            return try? PartialDate(year: index / 12, month: index % 12 + 1)
        }
        guard let reference, let year = reference.year, let month = reference.month, let day = reference.day else { return nil }
        let today = PartialDate.dayNumber(year: year, month: month, day: day)
        if let offset = written.offset { return PartialDate(dayNumber: today + offset) }
        guard let weekday = written.weekday else { return nil }
        let todayWeekday = ((today + 3) % 7 + 7) % 7 + 1
        let delta = ahead ? (weekday - todayWeekday + 7) % 7 : -((todayWeekday - weekday + 7) % 7)
        return PartialDate(dayNumber: today + delta)
    }

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
        if from.isRelative {
            // "from Wednesday to Thursday": the end is the first such day from the start.
            guard let first = resolveRelative(from, ahead: ahead), let start = first.dayRange?.lowerBound else {
                return (nil, nil)
            }
            guard let to = mention.to else { return (first, nil) }
            if let weekday = to.weekday {
                let startWeekday = ((start + 3) % 7 + 7) % 7 + 1
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
