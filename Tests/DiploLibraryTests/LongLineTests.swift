import DiploModel
import Foundation
import Testing

@testable import DiploImport

/// A page that arrives as one single line (issue 11 item 11): the line is cut into sentences on
/// its own scalars, each piece the text at its place, and it reads as its paragraphs do. (How
/// fast and how lean: `diplo-bench longline`.)
@Suite struct LongLineTests {
    @Test func aLongLineIsCutAfterItsSentencesAndCaptions() {
        let text =
            "Ông Nguyễn gặp Mr. Smith và ông A. Lee tại Hà Nội. (Ảnh: TTXVN) Tại cuộc họp báo, U.S. President Biden nói: "
            + "\"Xin chào.\" Ngày 19/9 là ngày tốt! 2024 là năm hay? “Hay” lắm. vậy thôi. Hết (Photo: AP) Rồi (không phải ảnh) Xong."
        let pieces = Layout.split(Layout.Line(start: 100, end: 100 + text.unicodeScalars.count, text: text))
        #expect(
            pieces.map(\.text) == [
                "Ông Nguyễn gặp Mr. Smith và ông A. Lee tại Hà Nội.", "(Ảnh: TTXVN)",
                "Tại cuộc họp báo, U.S. President Biden nói: \"Xin chào.\" Ngày 19/9 là ngày tốt!", "2024 là năm hay?",
                "“Hay” lắm. vậy thôi.", "Hết (Photo: AP)", "Rồi (không phải ảnh) Xong.",
            ])
        #expect(pieces.map(\.start) == [100, 151, 164, 243, 260, 281, 297])
        #expect(pieces.map(\.end) == [150, 163, 242, 259, 280, 296, 323])
    }

    /// A sentence that let its tokens go cuts the same ones again from its text, white space
    /// before the first included (none after "Nội." here).
    @Test(arguments: [false, true])
    func tokensCutAgainAreTheSame(_ keepDiacritics: Bool) {
        let line =
            "Ông Nguyễn đến Hà Nội.Ngày mai ông về TP. Hồ Chí Minh… \"Xin chào,\" ông nói. Côte d'Ivoire's G20 ... 1.5 tỷ!Hết"
        let tokenizer = Tokenizer(keepDiacritics: keepDiacritics)
        let sentences = tokenizer.sentences(of: Array(line.unicodeScalars)[...], text: line, offset: 40, firstIndex: 0)
        #expect(sentences.count >= 3)
        #expect(sentences.contains { !$0.tokens[0].spaced })
        for sentence in sentences {
            let again = sentence.withoutTokens().tokens
            #expect(again.map(\.text) == sentence.tokens.map(\.text))
            #expect(again.map(\.key) == sentence.tokens.map(\.key) && again.map(\.folded) == sentence.tokens.map(\.folded))
            #expect(again.map(\.start) == sentence.tokens.map(\.start) && again.map(\.end) == sentence.tokens.map(\.end))
            #expect(again.map(\.spaced) == sentence.tokens.map(\.spaced))
            #expect(again.map(\.kind) == sentence.tokens.map(\.kind))
        }
    }

    static let paragraphs = [
        "Prime Minister Pham Minh Chinh held talks with Japanese Prime Minister Kishida Fumio in Tokyo on 12 March 2024. "
            + "The two leaders agreed to deepen the Comprehensive Strategic Partnership between Viet Nam and Japan.",
        "On the same day, Prime Minister Pham Minh Chinh met with Speaker of the House of Representatives Nukaga Fukushiro. "
            + "He thanked Japan for its support and invited the Speaker to visit Viet Nam.",
        "President Vo Van Thuong will pay a state visit to Cuba from 20 to 22 March 2024 at the invitation of President "
            + "Miguel Diaz-Canel. During the visit, he is to hold talks with President Miguel Diaz-Canel.",
    ]

    func read(_ text: String) throws -> KnowledgeBase {
        try PressReleaseReader(options: ImportOptions(published: try PartialDate("2024-03-11"))).read(text, file: "test.txt")
    }

    /// What the reader finds, without where it stands in the text.
    func facts(_ kb: KnowledgeBase) -> [String] {
        let names = Dictionary(kb.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return kb.events.map { event in
            let people = event.participants.map { "\($0.role.rawValue) \(names[$0.entity] ?? $0.entity)" }.sorted()
            return "\(event.kind.rawValue) \(event.status.rawValue) \(event.start?.description ?? "-") \(people)"
        } + kb.entities.map { "\($0.type.rawValue) \($0.name)" }.sorted()
    }

    @Test func aPageOnOneLineReadsAsItsParagraphs() throws {
        let chosen = (0..<12).map { LongLineTests.paragraphs[$0 % LongLineTests.paragraphs.count] }
        let oneLine = chosen.joined(separator: " ")
        #expect(oneLine.utf8.count > Layout.longLine)
        let single = try read(oneLine)
        let paragraphs = try read(chosen.joined(separator: "\n"))
        #expect(!single.events.isEmpty)
        #expect(facts(single) == facts(paragraphs))
        // Every quote is the text at the place its source gives.
        let scalars = Array(oneLine.unicodeScalars)
        let sources = single.events.flatMap(\.sources) + single.entities.flatMap(\.sources)
        #expect(!sources.isEmpty)
        for source in sources {
            let start = try #require(source.start)
            let end = try #require(source.end)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == source.quote)
        }
    }
}

extension LongLineTests {
    /// A page that gives one paragraph twice in a row goes on after it: a long sentence repeated is
    /// read once; a short line repeated (a teaser's headline) still ends the article.
    @Test func aParagraphGivenTwiceIsReadOnceAndTheArticleGoesOn() {
        let repeated =
            "Tại buổi hội đàm, hai bên nhất trí tăng cường hợp tác trên nhiều lĩnh vực, trong đó có thương mại, "
            + "đầu tư, giáo dục, văn hóa và du lịch, vì lợi ích của nhân dân hai nước."
        let lead = "Sáng 4/3/2025, Chủ tịch nước Trần Văn Hải hội đàm với Tổng thống Chile Pedro Rojas tại Phủ Chủ tịch."
        let last = "Tối cùng ngày, Chủ tịch nước Trần Văn Hải chủ trì tiệc chiêu đãi Tổng thống Chile Pedro Rojas và đoàn."
        let page = Layout(text: ["Hội đàm Việt Nam - Chile", lead, repeated, repeated, last].joined(separator: "\n"))
        let read = page.article.map { page.lines[$0].text }
        #expect(read == [lead, repeated, last])
        let teased = Layout(
            text: ["Hội đàm Việt Nam - Chile", lead, "Xem thêm tin khác", "Xem thêm tin khác", last].joined(separator: "\n"))
        #expect(teased.article.map { teased.lines[$0].text } == [lead])
    }
}
