import DiploModel
import Foundation
import Testing

@testable import DiploQuery

/// Tables are written from the bytes of cells whose every character is one scalar; what they
/// print is what reading them character by character prints.
@Suite struct TableTests {
    static let texts = [
        "", "a", "talks 41018", "30 yr of diplomatic relations, Barbados – Germany (1990-01-11; from 1960-01-11)",
        "Tổng Bí thư Tô Lâm thăm chính thức Cộng hòa Pháp", "  two  spaces   between words  ",
        "averyveryverylongwordthatmustbecutintopieces and more", "tab\there and\u{7}bell", "Côte d’Ivoire – Đà Nẵng",
        "Ελλάδα – Κύπρος", "e\u{301} combining", "中华人民共和国 – Việt Nam", "emoji 🇻🇳 flag", "x",
    ]

    @Test func theBytesOfASimpleCellMeasureAsItsCharactersDo() {
        for text in TableTests.texts {
            let measure = TextMeasure(text)
            #expect(measure.width == text.displayWidth, "\(text)")
            #expect(measure.longestWord == text.longestWordWidth, "\(text)")
        }
        #expect(TextMeasure("Barbados – Germany").simple && TextMeasure("Tô Lâm").simple)
        #expect(!TextMeasure("e\u{301}").simple && !TextMeasure("中华").simple && !TextMeasure("🇻🇳").simple)
    }

    @Test func aSimpleCellWrapsAsItsCharactersDo() {
        for text in TableTests.texts where TextMeasure(text).simple {
            for width in 1...30 {
                var scratch = TextMeasure.Scratch()
                Array(text.utf8).withUnsafeBufferPointer { TextMeasure.wrap($0, to: width, into: &scratch) }
                let lines = scratch.lines.map { String(decoding: scratch.bytes[$0.start..<$0.end], as: UTF8.self) }
                let expected = text.wrapped(to: width)
                // `wrapped` leaves a text that fits as it is; a table wraps only the others.
                guard text.displayWidth > width else { continue }
                #expect(lines == (expected.isEmpty ? [""] : expected), "\(text) at \(width)")
                #expect(scratch.lines.map(\.width) == lines.map(\.displayWidth), "\(text) at \(width)")
            }
        }
    }

    /// A table of simple rows, and the same with each Latin "a" a Cyrillic "а" (as wide, but read
    /// character by character): the same lines.
    @Test func aTableOfSimpleRowsPrintsAsOneReadByCharacters() {
        let rows: [[ReportValue]] = TableTests.texts.enumerated().map { [.int($0), .text($1), .text(String($1.reversed()))] }
        let report = Report(title: "Texts", columns: ["n", "text", "reversed"], rows: rows, notes: ["  a note"])
        let cyrillic = Report(
            title: report.title, columns: report.columns,
            rows: rows.map { row in row.map { .text($0.text.replacingOccurrences(of: "a", with: "а")) } }, notes: report.notes)
        #expect(!TextMeasure("а").simple)
        for width in [30, 40, 60, 80, 120] {
            let simple = report.table(width: width)
            let slow = cyrillic.table(width: width).replacingOccurrences(of: "а", with: "a")
            #expect(simple == slow, "width \(width)")
        }
    }

    @Test func datesSortAsTheirTextAndAreWrittenAsBefore() throws {
        let texts = [
            "--01-05", "--12-01", "0999", "1990", "1990-01", "1990-01-01", "1990-01-31", "1990-12", "2024-09-21", "9999-12-31",
        ]
        let dates = try texts.map { try PartialDate($0) }
        #expect(dates.map(\.description) == texts)
        #expect(dates.map(\.sortKey) == dates.map(\.sortKey).sorted())
        #expect(Set(dates.map(\.sortKey)).count == dates.count)
        #expect(PartialDate(dayNumber: 0).description == "1970-01-01")
    }
}
