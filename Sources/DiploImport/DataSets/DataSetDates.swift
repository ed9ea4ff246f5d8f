import DiploModel
import Foundation

/// Dates as the data sets write them, with the policy for odd ones.
enum DataSetDates {
    /// A date field: a full ISO date, or a partial one ("1874-12"); nil when absent or unreadable.
    static func parse(_ text: String?) -> PartialDate? {
        guard let text, !text.isEmpty else { return nil }
        return try? PartialDate(String(text.prefix(10)))
    }

    /// A record's dates. Missing start: the end stands for both. Missing end: the start. An end
    /// before the start: the end is dropped. Each is noted.
    static func range(
        start startText: String?, end endText: String?, record: String, line: Int,
        builder: inout DataSetBuilder
    ) -> (PartialDate?, PartialDate?) {
        var start = parse(startText)
        var end = parse(endText)
        if let startText, !startText.isEmpty, start == nil {
            builder.note(record, line: line, "start date \"\(startText)\" is not a date: left out")
        }
        if let endText, !endText.isEmpty, end == nil {
            builder.note(record, line: line, "end date \"\(endText)\" is not a date: left out")
        }
        switch (start, end) {
        case (nil, nil):
            builder.note(record, line: line, "no dates: imported without a date")
        case (nil, let end?):
            builder.note(record, line: line, "no start date: the end date \(end) taken as its date")
            start = end
        case (let start?, let e?) where e < start:
            builder.note(record, line: line, "end date \(e) is before the start date \(start): the end date is left out")
            end = nil
        default:
            break
        }
        return (start, end)
    }
}

/// Full dates in prose: "on February 17, 1950", "17 February 1950".
enum ProseDates {
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]

    /// Every full date in the text with the span of characters it takes, in order.
    static func find(in text: String) -> [(date: PartialDate, range: Range<String.Index>)] {
        var found: [(PartialDate, Range<String.Index>)] = []
        let words = tokens(text)
        var i = 0
        while i < words.count {
            let word = words[i].text.lowercased()
            if let month = months.firstIndex(of: word).map({ $0 + 1 }) {
                // Month D, YYYY
                if i + 2 < words.count, let day = Int(words[i + 1].text), let year = Int(words[i + 2].text),
                    words[i + 2].text.count == 4, let date = try? PartialDate(year: year, month: month, day: day)
                {
                    found.append((date, words[i].range.lowerBound..<words[i + 2].range.upperBound))
                    i += 3
                    continue
                }
                // D Month YYYY
                if i >= 1, i + 1 < words.count, let day = Int(words[i - 1].text), let year = Int(words[i + 1].text),
                    words[i + 1].text.count == 4, let date = try? PartialDate(year: year, month: month, day: day)
                {
                    found.append((date, words[i - 1].range.lowerBound..<words[i + 1].range.upperBound))
                    i += 2
                    continue
                }
            }
            i += 1
        }
        return found
    }

    private static func tokens(_ text: String) -> [(text: Substring, range: Range<String.Index>)] {
        var result: [(Substring, Range<String.Index>)] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c.isLetter || c.isNumber {
                if start == nil { start = index }
            } else if let s = start {
                result.append((text[s..<index], s..<index))
                start = nil
            }
            index = text.index(after: index)
        }
        if let s = start { result.append((text[s..<text.endIndex], s..<text.endIndex)) }
        return result
    }

    /// The sentence of `text` around `range`.
    static func sentence(in text: String, around range: Range<String.Index>) -> String {
        var start = range.lowerBound
        while start > text.startIndex {
            let before = text.index(before: start)
            if text[before] == ".", isSentenceEnd(text, at: before) { break }
            start = before
        }
        var end = range.upperBound
        while end < text.endIndex {
            if text[end] == ".", isSentenceEnd(text, at: end) {
                end = text.index(after: end)
                break
            }
            end = text.index(after: end)
        }
        return text[start..<end].trimmingCharacters(in: .whitespaces)
    }

    /// A full stop that ends a sentence: at the end, or before a space and a capital, after a word
    /// that is no initial or abbreviation ("Edmund A. Gullion", "the U.S. Department").
    static func isSentenceEnd(_ text: String, at index: String.Index) -> Bool {
        let after = text.index(after: index)
        if after == text.endIndex { return true }
        guard text[after] == " " else { return false }
        var wordStart = index
        while wordStart > text.startIndex, !text[text.index(before: wordStart)].isWhitespace {
            wordStart = text.index(before: wordStart)
        }
        let word = text[wordStart..<index]
        if word.count <= 2 || word.contains(".")
            || ["Mr", "Mrs", "Dr", "St", "Jr", "Sr", "Gen", "Lt", "Col", "No"].contains(String(word))
        {
            return false
        }
        return true
    }
}
