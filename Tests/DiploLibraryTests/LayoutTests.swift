import Testing

@testable import DiploImport

/// Which lines of a saved page the layout takes for the article.
@Suite struct LayoutTests {
    func article(_ lines: [String]) -> [String] {
        let page = Layout(text: lines.joined(separator: "\n"))
        return page.article.map { page.lines[$0].text }
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
}
