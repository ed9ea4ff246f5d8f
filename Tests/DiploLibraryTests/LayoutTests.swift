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
}
