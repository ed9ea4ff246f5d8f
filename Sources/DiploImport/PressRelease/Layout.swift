import DiploModel
import DiploStore
import Foundation

/// Which lines of a saved page are the article. A saved page holds more than its article:
/// navigation, links to other articles inside the text, photo captions, teasers (a headline
/// twice, then a summary) and "read more" lists. Only the article's own sentences yield facts.
struct Layout {
    struct Line {
        let start: Int
        let end: Int
        let text: String
    }

    let lines: [Line]
    /// Indexes of the lines that are the article's text.
    let article: [Int]
    let title: String?

    /// The words of a page's layout (Lexicon/layout.json).
    private struct Words: Decodable {
        let end_markers, link_prefixes, caption_marks, caption_endings, caption_openings, abbreviations: [String]
    }
    private static let words = Lexicon.decode(PackageResources.layout_json, as: Words.self)
    /// Lines that end the article: what follows them is about other articles (folded).
    static let endMarkers: Set<String> = Set(words.end_markers.map(\.folded))
    /// Line openings that mark a link to another article inside the text (folded).
    static let linkPrefixes: [String] = words.link_prefixes.map { $0.folded.isEmpty ? $0 : $0.folded }  // ">>" stays
    /// Abbreviations whose full stop does not end a sentence (folded).
    static let abbreviations: Set<String> = Set(words.abbreviations.map(\.folded))

    init(text: String) {
        // Lines with their place in scalars; their text sliced from the document, not rebuilt.
        // Read as UTF-8 bytes: a scalar begins at each byte that does not continue one.
        var lines: [Line] = []
        var text = text
        text.makeContiguousUTF8()  // so that its bytes are always available below
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var begin = 0
            var beginOffset = 0
            var offset = 0
            var at = 0
            func line(to end: Int) -> Line {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<end]), as: UTF8.self)
                return Line(start: beginOffset, end: offset, text: text)
            }
            while at < bytes.count {
                let byte = bytes[at]
                // \n, \r, and U+2028 (LINE SEPARATOR: E2 80 A8).
                let breakWidth =
                    byte == 0x0A || byte == 0x0D
                    ? 1 : byte == 0xE2 && at + 2 < bytes.count && bytes[at + 1] == 0x80 && bytes[at + 2] == 0xA8 ? 3 : 0
                if breakWidth > 0 {
                    lines.append(line(to: at))
                    begin = at + breakWidth
                    beginOffset = offset + 1
                }
                if byte & 0xC0 != 0x80 { offset += 1 }
                at += max(breakWidth, 1)
            }
            lines.append(line(to: bytes.count))
        }
        // A page run into one line (or a few huge ones): its sentences are its lines.
        lines = lines.flatMap { $0.text.utf8.count > Layout.longLine ? Layout.split($0) : [$0] }
        lines = Layout.unwrapped(lines)

        let trimmed = lines.map { Layout.trimmed($0.text) }
        let nonBlank = trimmed.indices.filter { !trimmed[$0].isEmpty }
        title = nonBlank.first.map { trimmed[$0] }
        // The article ends at the first end marker, or at the first teaser after it began: a
        // line repeated at once (a page may also repeat its own headline above the article).
        var end = lines.count
        var begun = false
        var markersBefore = Set<Int>()
        for (position, index) in nonBlank.enumerated() {
            let line = trimmed[index]
            // A marker above the article ("Chia sẻ:", "Share" buttons under the headline) is navigation.
            // (Bytes first: counting the characters of every long line would be slow.)
            if line.utf8.count <= 160, line.count <= 40, Layout.endMarkers.contains(line.folded) {
                // A related-links box inside the text: the marker, links written as lower-case URL slugs
                // ("dai su ... trinh quoc thu ..."), then the article goes on.
                let links = nonBlank[(position + 1)...].prefix(4).prefix { trimmed[$0].first?.isLowercase == true }
                if begun, !links.isEmpty, let resumed = nonBlank[(position + 1)...].dropFirst(links.count).first,
                    Layout.endsSentence(trimmed[resumed]), Layout.words(trimmed[resumed]) >= 12
                {
                    markersBefore.insert(index)
                    for link in links { markersBefore.insert(link) }
                    continue
                }
                if begun {
                    end = index
                    break
                }
                markersBefore.insert(index)
                continue
            }
            // A photo's caption, often given twice (the image's text, then the caption under it), is no teaser.
            if Layout.isCaption(line) { continue }
            let givenTwice = position + 1 < nonBlank.count && trimmed[nonBlank[position + 1]] == line
            // A photo's caption given twice that says mostly what the headline says is this article's photo.
            if givenTwice, title.map({ Layout.share(of: line, saidIn: $0) >= 0.7 }) ?? false { continue }
            // (A long sentence given twice is a paragraph the page repeats, read once below, not a teaser.)
            if begun, givenTwice, !(Layout.endsSentence(line) && Layout.words(line) >= 25) {
                end = index
                break
            }
            // A teaser: a headline, then a summary that says it again ("X lên đường thăm Đức" / "X đã lên đường sang thăm Đức ...").
            if begun, !Layout.endsSentence(line),
                let summary = nonBlank[(position + 1)...].first(where: {
                    trimmed[$0].unicodeScalars.contains { $0.properties.isAlphabetic }
                }),
                Layout.restates(trimmed[summary], headline: line),
                // A photo's caption without a credit ("X và Phu nhân") repeats words the article
                // said above; another article's headline does not. Nor is the lead printed again
                // under a photo's caption another article's summary.
                !nonBlank[..<position].contains(where: {
                    trimmed[$0].folded.contains(line.folded) || trimmed[$0] == trimmed[summary]
                })
            {
                end = index
                break
            }
            if Layout.endsSentence(line) && Layout.words(line) >= 12 { begun = true }
        }
        var article: [Int] = []
        var previousEndedWithColon = false
        let people = Layout.listedPeople(nonBlank.filter { $0 < end }.map { ($0, trimmed[$0]) })
        // Long paragraphs already read: the lead printed again under a photo is read once.
        var read = Set<Spelling>()
        for (position, index) in nonBlank.enumerated() where index < end {
            if position > 0, trimmed[nonBlank[position - 1]] == trimmed[index] { continue }
            let spelling = Spelling(trimmed[index])
            if read.contains(spelling) { continue }
            if Layout.endsSentence(trimmed[index]), Layout.words(trimmed[index]) >= 12 { read.insert(spelling) }
            // The first line is the headline: article text when it reads as a sentence (six words or more, in sentence
            // case: title case would turn every word into a name).
            if index == nonBlank.first {
                let line = trimmed[index]
                if Layout.endsSentence(line) && Layout.words(line) >= 12 || (Layout.words(line) >= 6 && Layout.sentenceCase(line))
                {
                    article.append(index)
                }
                continue
            }
            let line = trimmed[index]
            defer { previousEndedWithColon = line.hasSuffix(":") }
            let opening = String(line.prefix(16)).folded
            if Layout.linkPrefixes.contains(where: { opening.hasPrefix($0) }) { continue }
            if Layout.isCaption(line) {
                // What a photo inside the article shows is the article's: its words before the credit.
                // (One above the lead shows what the lead tells, and would come before it.)
                if article.contains(where: { $0 != nonBlank.first }), !markersBefore.contains(index),
                    let shown = Layout.beforeCredit(lines[index])
                {
                    lines[index] = shown
                    article.append(index)
                }
                continue
            }
            // A teaser's cut summary, under its headline; not a paragraph of the article that trails off
            // ("... có A; B; C..."), after a line of the article (a paragraph, a photo's caption).
            if line.hasSuffix("...") || line.hasSuffix("…") {
                if position > 0, article.last == nonBlank[position - 1], Layout.words(line) >= 12,
                    !markersBefore.contains(index)
                {
                    article.append(index)
                }
                continue
            }
            let isListItem =
                ["-", "•", "+", "*", "–"].contains(where: { line.hasPrefix($0) }) || previousEndedWithColon
                || people.contains(index)
            if markersBefore.contains(index) { continue }
            // The page was cut mid-sentence: its last line, running text, is still the article's.
            let cut =
                index == nonBlank.last && end == lines.count && Layout.words(line) >= 15
                && (Layout.sentenceEnds(line) >= 1 || line.contains(", "))
            if Layout.endsSentence(line) || (isListItem && Layout.words(line) >= 3) || cut {
                article.append(index)
            }
        }
        self.lines = lines
        self.article = article
    }

    /// Lines that each name one person, honorific first and no full stop ("Her Excellency A
    /// Ambassador-designate of X" under "... will receive the letters of credence of six new heads of
    /// mission"): a list with no bullets and no colon before it, two such lines or more in a row.
    static func listedPeople(_ lines: [(index: Int, text: String)]) -> Set<Int> {
        let opens = lines.map { line in
            !endsSentence(line.text) && (3...30).contains(words(line.text))
                && Vocabulary.shared.honorificOpenings.contains { line.text.hasPrefix($0) }
        }
        return Set(
            lines.indices.filter { position in
                opens[position] && (position > 0 && opens[position - 1] || position + 1 < lines.count && opens[position + 1])
            }.map { lines[$0].index })
    }

    /// Words run together ("Thủ tướng AnhRishi Sunak"): an image's text saved without its spaces.
    static func runTogether(_ text: String) -> Bool {
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if previous.properties.isLowercase && scalar.properties.isUppercase { return true }
            previous = scalar
        }
        return false
    }

    /// A caption's words before its credit ("X và Y phát biểu với báo chí. (Ảnh: TTXVN)"), when
    /// they are a sentence of six words or more.
    static func beforeCredit(_ line: Line) -> Line? {
        let bytes = Array(line.text.utf8)
        let credit = captionMarks.compactMap { mark -> Int? in
            guard bytes.count >= mark.count else { return nil }
            return (0...(bytes.count - mark.count)).first { bytes[$0..<($0 + mark.count)].elementsEqual(mark) }
        }.min()
        guard let credit, credit > 0 else { return nil }
        var text = String(decoding: bytes[..<credit], as: UTF8.self)
        while let last = text.unicodeScalars.last, last.properties.isWhitespace || last == "-" || last == "–" {
            text.unicodeScalars.removeLast()
        }
        guard Layout.words(text) >= 6, !Layout.runTogether(text) else { return nil }
        return Line(start: line.start, end: line.start + text.unicodeScalars.count, text: text)
    }

    /// A page saved with its text wrapped at a fixed width, a blank line after each piece ("Prime Minister
    /// Shahid" / "Abbasi on Wednesday said ..."): its sentences run over several lines, none of which ends
    /// like one, and would all be left out. When several lines go on in lower case after a line that ends
    /// no sentence, the page is wrapped: the pieces of each paragraph (after the headline) are joined into one
    /// line, the breaks between them read as spaces (the offsets stay those of the document).
    static func unwrapped(_ lines: [Line]) -> [Line] {
        let pieces = lines.indices.filter { !trimmed(lines[$0].text).isEmpty }
        guard pieces.count >= 4 else { return lines }
        // Each piece trimmed once, and whether it ends no sentence: asked of each piece more than once.
        let texts = pieces.map { trimmed(lines[$0].text) }
        let goesOn = texts.map { !endsSentence($0) && words($0) >= 4 }
        let continued = (1..<pieces.count - 1).filter { position in
            goesOn[position] && texts[position + 1].first?.isLowercase == true
        }
        guard continued.count >= 3 else { return lines }
        var joined: [Line] = Array(lines[...pieces[0]])
        var position = 1
        while position < pieces.count {
            var line = lines[pieces[position]]
            while goesOn[position], position + 1 < pieces.count {
                let next = lines[pieces[position + 1]]
                let gap = String(repeating: " ", count: next.start - line.end)
                line = Line(start: line.start, end: next.end, text: line.text + gap + next.text)
                position += 1
            }
            joined.append(line)
            position += 1
        }
        return joined
    }

    /// A line longer than this (in bytes) is a page run into one line rather than a paragraph.
    static let longLine = 1_200

    /// A long line cut after each ". ", "? ", "! " that a capital, a digit or a quote follows,
    /// unless the full stop ends an abbreviation or an initial ("U.S. President", "Mr. Khai").
    /// Walked on the line's own scalars, not a copy of them: a page run into one line may be
    /// megabytes long.
    static func split(_ line: Line) -> [Line] {
        let scalars = line.text.unicodeScalars
        var pieces: [Line] = []
        var begin = scalars.startIndex
        var beginOffset = 0
        var index = scalars.startIndex
        var offset = 0
        func cut() {
            pieces.append(
                Line(
                    start: line.start + beginOffset, end: line.start + offset + 1,
                    text: String(Substring(scalars[begin...index]))))
        }
        // While two scalars follow the one at `index`.
        while index < scalars.endIndex {
            let second = scalars.index(after: index)
            guard second < scalars.endIndex else { break }
            let third = scalars.index(after: second)
            guard third < scalars.endIndex else { break }
            defer {
                index = second
                offset += 1
            }
            let mark = scalars[index]
            // "... (Ảnh: TTXVN) Tại cuộc họp báo...": a caption run in ends where its bracket closes.
            if mark == ")", scalars[second] == " ", Layout.closesCaption(scalars, at: index) {
                cut()
                begin = third
                beginOffset = offset + 2
                continue
            }
            guard mark == "." || mark == "?" || mark == "!", scalars[second] == " " else { continue }
            let next = scalars[third]
            let opens = next.properties.isUppercase || ("0"..."9").contains(next) || ["\"", "“", "(", "-", "–"].contains(next)
            if opens, mark != "." || !Layout.endsAbbreviation(scalars, at: index) {
                cut()
                begin = third
                beginOffset = offset + 2
            }
        }
        pieces.append(Line(start: line.start + beginOffset, end: line.end, text: String(Substring(scalars[begin...]))))
        return pieces
    }

    /// The bracket closed at `index` opened a caption's credit ("(Ảnh: ...)", "(Photo: ...)").
    static func closesCaption(_ scalars: String.UnicodeScalarView, at index: String.Index) -> Bool {
        var open = index
        var distance = 0
        while open > scalars.startIndex, distance < 80, scalars[open] != "(" {
            open = scalars.index(before: open)
            distance += 1
        }
        guard scalars[open] == "(" else { return false }
        let inside = String(Substring(scalars[open..<index]))
        return Layout.captionMarks.contains { mark in inside.utf8.starts(with: mark) }
    }

    /// The word before a full stop is an abbreviation or a one-letter initial.
    static func endsAbbreviation(_ scalars: String.UnicodeScalarView, at index: String.Index) -> Bool {
        var start = index
        while start > scalars.startIndex, scalars[scalars.index(before: start)].properties.isAlphabetic {
            start = scalars.index(before: start)
        }
        let word = String(Substring(scalars[start..<index]))
        return word.count == 1 || Layout.abbreviations.contains(word.folded)
    }

    /// Words in a line, counted by its spaces.
    static func words(_ line: String) -> Int { line.utf8.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) } }

    /// Most words after the first in lower case: a headline written as a sentence, not in title case.
    static func sentenceCase(_ line: String) -> Bool {
        let words = line.split(separator: " ").dropFirst()
        let lower = words.filter { $0.first?.isLowercase == true }.count
        return lower * 2 > words.count
    }

    /// A summary that restates a headline: most of the headline's words (four or more) are in it.
    /// The share of a line's words (of two letters or more, folded) that another line says too.
    static func share(of line: String, saidIn other: String) -> Double {
        func wordSet(_ text: String) -> Set<String> {
            Set(text.folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0.count >= 2 }.map(String.init))
        }
        let own = wordSet(line)
        return own.isEmpty ? 0 : Double(own.intersection(wordSet(other)).count) / Double(own.count)
    }

    static func restates(_ summary: String, headline: String) -> Bool {
        let words = Set(headline.folded.split(separator: " ").filter { $0.count >= 2 }.map(String.init))
        // A headline names someone or somewhere; a subheading inside an article rarely does.
        let names = headline.split(separator: " ").dropFirst().filter { $0.first?.isUppercase == true }.count
        guard words.count >= 4, names >= 2 else { return false }
        let said = Set(summary.folded.split(separator: " ").map(String.init))
        return Double(words.intersection(said).count) >= 0.9 * Double(words.count)
    }

    /// Full stops, question and exclamation marks followed by a space: sentences ended inside a line.
    static func sentenceEnds(_ line: String) -> Int {
        var count = 0
        var previous: UInt8 = 0
        for byte in line.utf8 {
            if byte == 0x20, previous == 0x2E || previous == 0x3F || previous == 0x21 { count += 1 }
            previous = byte
        }
        return count
    }

    static func trimmed(_ line: String) -> String {
        // On scalars, not characters: most lines have nothing to trim and are returned as they are.
        let scalars = line.unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\u{A0}" }
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return line }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// A line of running text ends like a sentence; headlines, menus and links do not.
    static func endsSentence(_ line: String) -> Bool {
        guard let last = line.last else { return false }
        return ".!?\"”;:)»".contains(last) && !line.hasSuffix("...") && !line.hasSuffix("…")
    }

    static let captionMarks = words.caption_marks.map { Array($0.utf8) }

    static func isCaption(_ line: String) -> Bool {
        // "X gặp Y |": a caption whose credit the saved page lost.
        if words.caption_endings.contains(where: { line.hasSuffix($0) }) { return true }
        // Every line is asked: look further only where a caption's "(" or ":" is.
        let bytes = Array(line.utf8)
        guard bytes.contains(0x28) || bytes.contains(0x3A) else { return false }
        return Layout.captionMarks.contains { mark in
            bytes.count >= mark.count
                && (0...(bytes.count - mark.count)).contains { bytes[$0..<($0 + mark.count)].elementsEqual(mark) }
        } || words.caption_openings.contains { line.hasPrefix($0) }
    }
}
