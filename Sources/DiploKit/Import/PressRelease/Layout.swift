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

    /// Lines that end the article: what follows them is about other articles.
    static let endMarkers: Set<String> = [
        "doc them", "bai viet cung chu de", "tin lien quan", "xem them", "tin cung chuyen muc", "tin khac", "tin moi",
        "doc nhieu", "doc nhieu nhat", "tin doc nhieu", "co the ban quan tam", "phien ban di dong", "binh luan",
        "y kien ban doc", "tu khoa", "tags", "tag", "read more", "related news", "related articles", "related", "more news",
        "see also", "you may also like", "most read", "latest news", "more stories", "recommended", "other news",
        "cung chuyen muc", "bai lien quan", "nhieu nguoi doc", "tin noi bat", "chia se", "share",
    ]

    /// Line openings that mark a link to another article inside the text.
    static let linkPrefixes = ["xem them", "doc them", "tin lien quan", "read more", "related", "see also", "video", ">>"]

    init(text: [Unicode.Scalar]) {
        var lines: [Line] = []
        var begin = 0
        for (index, scalar) in text.enumerated() where scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" {
            lines.append(Layout.line(text, begin, index))
            begin = index + 1
        }
        lines.append(Layout.line(text, begin, text.count))
        self.lines = lines

        let trimmed = lines.map { $0.text.trimmingCharacters(in: .whitespaces) }
        let nonBlank = trimmed.indices.filter { !trimmed[$0].isEmpty }
        title = nonBlank.first.map { trimmed[$0] }
        // The article ends at the first end marker, or at the first teaser after it began: a
        // line repeated at once (a page may also repeat its own headline above the article).
        var end = lines.count
        var begun = false
        for (position, index) in nonBlank.enumerated() {
            let line = trimmed[index]
            if Layout.endMarkers.contains(line.folded) { end = index; break }
            if begun, position + 1 < nonBlank.count, trimmed[nonBlank[position + 1]] == line {
                end = index
                break
            }
            if Layout.endsSentence(line) && line.split(separator: " ").count >= 12 { begun = true }
        }
        var article: [Int] = []
        var previousEndedWithColon = false
        for index in nonBlank where index < end {
            // The first line is the title, unless it is running text itself.
            if index == nonBlank.first, !(Layout.endsSentence(trimmed[index]) && trimmed[index].split(separator: " ").count >= 12) { continue }
            let line = trimmed[index]
            defer { previousEndedWithColon = line.hasSuffix(":") }
            let folded = line.folded
            if Layout.linkPrefixes.contains(where: { folded.hasPrefix($0) }) { continue }
            if Layout.isCaption(line) { continue }
            if line.hasSuffix("...") || line.hasSuffix("…") { continue }  // a teaser's cut summary
            let isListItem = ["-", "•", "+", "*", "–"].contains(where: { line.hasPrefix($0) }) || previousEndedWithColon
            if Layout.endsSentence(line) || (isListItem && line.split(separator: " ").count >= 3) {
                article.append(index)
            }
        }
        self.article = article
    }

    static func line(_ text: [Unicode.Scalar], _ start: Int, _ end: Int) -> Line {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text[start..<end])
        return Line(start: start, end: end, text: String(view))
    }

    /// A line of running text ends like a sentence; headlines, menus and links do not.
    static func endsSentence(_ line: String) -> Bool {
        guard let last = line.last else { return false }
        return ".!?\"”;:)»".contains(last) && !line.hasSuffix("...") && !line.hasSuffix("…")
    }

    static func isCaption(_ line: String) -> Bool {
        let folded = line.folded
        return folded.contains("anh ") && (line.contains("(Ảnh") || line.contains("Ảnh:") || line.contains("(ảnh"))
            || line.contains("(Photo") || line.hasPrefix("Photo:") || line.contains("(Nguồn:") || line.hasPrefix("Nguồn ảnh")
    }
}
