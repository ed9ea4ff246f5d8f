import Testing

@testable import DiploImport

/// Which lines of a saved page the layout takes for the article.
@Suite struct LayoutTests {
    func article(_ lines: [String]) -> [String] {
        let page = Layout(text: lines.joined(separator: "\n"))
        return page.article.map { page.lines[$0].text }
    }

    /// Lines end at LF, CR and U+2028 (a CRLF leaves an empty line between); each stands where its
    /// scalars stand in the document, whatever their UTF-8 length.
    @Test func linesAreCutAtEachBreakAndPlacedByScalars() {
        let text = "Hà Nội\r\nngày 5\u{2028}Tô Lâm 😀\nend"
        let lines = Layout(text: text).lines
        #expect(lines.map(\.text) == ["Hà Nội", "", "ngày 5", "Tô Lâm 😀", "end"])
        let scalars = Array(text.unicodeScalars)
        for line in lines {
            #expect(String(String.UnicodeScalarView(scalars[line.start..<line.end])) == line.text)
        }
        #expect(Layout(text: "").lines.map(\.text) == [""])
    }

    /// Lines that each name one person, honorific first, with no bullets, colon or full stop: a list.
    @Test func linesOfPeopleOpenedByHonorificsAreAList() {
        let lead =
            "The Governor General will receive the letters of credence of two new heads of mission at the residence on Monday, 29 January 2018."
        let first = "Her Excellency Tania Ortiz Ambassador-designate of the Republic of El Salvador"
        let second = "His Excellency Omar Haddad Ambassador-designate of the Republic of Lebanon"
        #expect(article(["Letters of credence", lead, first, second]) == [lead, first, second])
        // One such line alone is a heading or a caption, not a list.
        #expect(article(["Letters of credence", lead, first, "More news about the residence"]) == [lead])
    }

    /// A paragraph that trails off ("... có A; B; C...") after one that ends a sentence is the
    /// article's; a teaser's cut summary under its headline is not.
    @Test func aParagraphThatTrailsOffIsReadAndATeasersSummaryIsNot() {
        let lead =
            "Chiều 5/9/2023, tại Nhà Quốc hội, Chủ tịch Quốc hội Trần Văn Hải chủ trì lễ đón Chủ tịch Thượng viện Nhật Bản."
        let list =
            "Cùng dự lễ đón có Tổng Thư ký Quốc hội Lê Văn Bình; Bộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Văn Dũng; Thứ trưởng Bộ Ngoại giao Phạm Văn Minh..."
        let next = "Ngay sau lễ đón, hai bên đã hội đàm tại Nhà Quốc hội và trao đổi về hợp tác giữa hai cơ quan lập pháp."
        #expect(article(["Lễ đón", lead, list, next]) == [lead, list, next])
        // So too after a photo's caption inside the article.
        let caption = "Chủ tịch Quốc hội Trần Văn Hải chủ trì lễ đón Chủ tịch Thượng viện Nhật Bản. Ảnh: Quang Minh"
        let shown = "Chủ tịch Quốc hội Trần Văn Hải chủ trì lễ đón Chủ tịch Thượng viện Nhật Bản."
        #expect(article(["Lễ đón", lead, caption, list]) == [lead, shown, list])
        let headline = "Thủ tướng tiếp Đại sứ Nhật Bản"
        let teaser =
            "Chiều nay, Thủ tướng Trần Văn Hải đã tiếp Đại sứ Nhật Bản tại Việt Nam nhân dịp ông kết thúc nhiệm kỳ công tác..."
        #expect(article(["Lễ đón", lead, headline, teaser]) == [lead])
    }
    /// A photo's caption with no credit ("X và Phu nhân") over a paragraph that restates it is no
    /// teaser when the article said its words above: the article goes on after it.
    @Test func aCaptionRepeatingTheLeadIsNoTeaser() {
        let lead =
            "Theo thông báo của Bộ Ngoại giao, Thủ tướng Lê Văn Nam và Phu nhân sẽ thăm chính thức Chi-lê và Pê-ru từ ngày 3 đến ngày 8/5/2024."
        let caption = "Thủ tướng Lê Văn Nam và Phu nhân"
        let restated =
            "Chuyến thăm chính thức của Thủ tướng Lê Văn Nam và Phu nhân nhằm làm sâu sắc thêm quan hệ hữu nghị với hai nước."
        let itinerary = "Tại Chi-lê, Thủ tướng Lê Văn Nam sẽ hội đàm với Tổng thống Chi-lê và gặp Chủ tịch Thượng viện."
        #expect(article(["Chuyến thăm", lead, caption, restated, itinerary]) == [lead, restated, itinerary])
        // The lead printed again under a photo's caption is no other article's summary.
        let photo = "Thủ tướng Lê Văn Nam. |"
        #expect(article(["Chuyến thăm", lead, photo, lead, itinerary]) == [lead, itinerary])
        // Another article's headline, its words not said above, still ends the article.
        let headline = "Chủ tịch Quốc hội Trần Minh Hà tiếp Đại sứ Ai Cập"
        let summary = "Chiều nay, Chủ tịch Quốc hội Trần Minh Hà đã tiếp Đại sứ Ai Cập tại Việt Nam nhân dịp kết thúc nhiệm kỳ."
        #expect(article(["Chuyến thăm", lead, headline, summary]) == [lead])
    }
}

extension LayoutTests {
    /// "X gặp Y |": a caption whose credit the saved page lost, between the lead and a paragraph
    /// that tells it again, is no other article's headline: the article goes on.
    @Test func aCaptionEndingInABarIsNoHeadline() {
        let lead =
            "(VOV) - Thủ tướng Trần Văn Hải và Thủ tướng Thái Lan Somchai Dee nhất trí thúc đẩy hợp tác thương mại và đầu tư giữa hai nước."
        let caption = "Thủ tướng Trần Văn Hải gặp song phương Thủ tướng Thái Lan Somchai Dee |"
        let body =
            "Chiều 28/4, tại Manila, Thủ tướng Trần Văn Hải đã có cuộc gặp song phương với Thủ tướng Thái Lan Somchai Dee."
        #expect(Layout.isCaption(caption))
        #expect(article([lead, caption, body]) == [lead, body])
    }
}

extension LayoutTests {
    /// A page wrapped at a fixed width, a blank line after each piece: the pieces of a paragraph are
    /// one line of the article (its breaks read as spaces, its offsets the document's); a page whose
    /// lines end their sentences is left as it is.
    @Test func aPageWrappedAtAFixedWidthIsReadAsParagraphs() {
        let pieces = [
            "Ministers meet in Colombo",
            "Foreign Minister Anna Berg of Sweden paid a courtesy call on Minister",
            "of Foreign Affairs Kenji Sato of Japan on 30 March 2022, on the sidelines of the",
            "regional summit in Colombo. During the call, the two ministers discussed",
            "trade and tourism between the two countries.",
            "Minister Sato also thanked Sweden for its support and invited",
            "the Swedish side to the next session of the joint commission.",
        ]
        let text = pieces.joined(separator: "\n\n")
        let page = Layout(text: text)
        let article = page.article.map { page.lines[$0] }
        #expect(article.count == 2)
        #expect(article.first?.text.hasPrefix("Foreign Minister Anna Berg") == true)
        #expect(article.first?.text.hasSuffix("between the two countries.") == true)
        // The joined line's offsets are the document's own.
        if let first = article.first {
            let scalars = Array(text.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[first.start..<first.end])).hasPrefix("Foreign Minister"))
            #expect(first.end - first.start == first.text.unicodeScalars.count)
        }
        let plain = [
            "Ministers meet", "Anna Berg met Kenji Sato in Colombo on 30 March 2022 to discuss trade ties.", "they agreed",
        ]
        #expect(Layout.unwrapped(Layout(text: plain.joined(separator: "\n\n")).lines).count == 5)
    }
}

extension LayoutTests {
    /// A photo's caption given twice (the image's text, then the caption) that says mostly what the
    /// headline says is this article's photo, not another article's headline: the article goes on.
    /// A line given twice that the headline does not say still ends it.
    @Test func aCaptionGivenTwiceThatTheHeadlineSaysIsNoTeaser() {
        let headline = "Chủ tịch nước Trần Văn Hải đã đến Bắc Kinh tham dự APEC"
        let lead =
            "Trưa 9/11, chuyên cơ chở Chủ tịch nước Trần Văn Hải và Đoàn đại biểu cấp cao Việt Nam đã đến Sân bay quốc tế Bắc Kinh."
        let caption = "Chủ tịch nước Trần Văn Hải tới Bắc Kinh (Trung Quốc) tham dự APEC 22"
        let next = "Ngay sau khi đến Bắc Kinh, Chủ tịch nước Trần Văn Hải đã tiếp Chủ tịch Hội hữu nghị Trung Quốc Lý Minh."
        #expect(article([headline, lead, caption, caption, next]) == [lead, next])
        let other = "Thủ tướng Lê Văn An tiếp Đại sứ Nhật Bản tại Hà Nội"
        #expect(article([headline, lead, other, other, next]) == [lead])
    }
}
