import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation
import Testing

@Suite struct AnniversaryTests {
    /// Vietnam and the US, relations established on `established`, and one visit to the US.
    func store(
        established: String, visit start: String?, end: String? = nil, within: [String]? = nil,
        in folder: TemporaryFolder
    ) throws -> Store {
        let store = try folder.store()
        try store.merge(
            KnowledgeBase(
                entities: [Fixture.vietnam, Fixture.unitedStates, Fixture.toLam],
                events: [
                    Event(
                        id: "v", kind: .stateVisit, title: "Visit", status: .held, start: start.map(Fixture.date),
                        end: end.map(Fixture.date), within: within?.map(Fixture.date), location: Location(country: "us"),
                        participants: [Participant(entity: "to-lam", role: "guest")])
                ],
                partnerships: [
                    Partnership(
                        id: "rel", parties: ["vn", "us"], level: .diplomaticRelations, established: Fixture.date(established))
                ]),
            file: "t.json")
        return store
    }

    @Test func statedAnniversariesAreListedAsStated() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        try store.merge(Fixture.sample(), file: "a.json")
        let matches = try AnniversaryQuery().run(on: store)
        let stated = try #require(matches.first { $0.stated })
        #expect(stated.years == 1)
        #expect(stated.level.key == "comprehensive_strategic_partnership")
        #expect(stated.anniversaryDate == Fixture.date("2024-09-10"))
        // The stated one is not listed again as computed.
        #expect(matches.filter { $0.years == 1 }.count == 1)
    }

    @Test func computedWhenTheVisitFallsOnARoundAnniversary() throws {
        let folder = try TemporaryFolder()
        let store = try store(established: "1995-07-12", visit: "2025-07-12", in: folder)
        let match = try #require(try AnniversaryQuery().run(on: store).first)
        #expect(match.years == 30)
        #expect(!match.stated)
        #expect(!match.approximate)
        #expect(match.anniversaryDate == Fixture.date("2025-07-12"))
    }

    @Test func theWindowEdgesAreInclusive() throws {
        let folder = try TemporaryFolder()
        // 30 days after the 30th anniversary: in; 31 days: out.
        let store = try store(established: "1995-07-12", visit: "2025-08-11", in: folder)
        #expect(try AnniversaryQuery(window: 30).run(on: store).count == 1)
        #expect(try AnniversaryQuery(window: 29).run(on: store).isEmpty)
        let before = try TemporaryFolder()
        let early = try self.store(established: "1995-07-12", visit: "2025-06-12", in: before)
        #expect(try AnniversaryQuery(window: 30).run(on: early).count == 1)
        #expect(try AnniversaryQuery(window: 29).run(on: early).isEmpty)
    }

    @Test func aMultiDayVisitCountsFromItsNearestDay() throws {
        let folder = try TemporaryFolder()
        let store = try store(established: "1995-07-12", visit: "2025-06-01", end: "2025-07-10", in: folder)
        let match = try #require(try AnniversaryQuery(window: 2).run(on: store).first)
        #expect(match.years == 30)
    }

    @Test func anInferredYearDoesNotDisplaceTheExactDate() throws {
        let folder = try TemporaryFolder()
        let store = try store(established: "1995-07-12", visit: "2000-11-17", in: folder)
        try store.merge(
            KnowledgeBase(
                entities: [Fixture.vietnam, Fixture.unitedStates],
                partnerships: [
                    Partnership(
                        id: "rel", parties: ["vn", "us"], level: .diplomaticRelations,
                        history: [Milestone(level: .diplomaticRelations, date: Fixture.date("1995"), inferred: true)])
                ]), file: "inferred.json")
        // The 5th anniversary was 2000-07-12, months away: the year-only claim must not make it one.
        #expect(try AnniversaryQuery().run(on: store).isEmpty)
    }

    @Test func aStatedAnniversaryOfAnEarlierLevelCountsFromThatLevel() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        var sample = Fixture.sample()
        sample.events[0].start = Fixture.date("2023-09-10")
        sample.events[0].end = Fixture.date("2023-09-11")
        sample.anniversaries = [Anniversary(event: "e1", partnership: "p-csp", years: 10, stated: true)]
        try store.merge(sample, file: "a.json")
        let match = try #require(try AnniversaryQuery().run(on: store).first { $0.stated })
        #expect(match.level.key == "comprehensive_partnership")
        #expect(match.established == Fixture.date("2013-07-25"))
    }

    @Test func yearsOffTheListAreNotAnniversaries() throws {
        let folder = try TemporaryFolder()
        let store = try store(established: "1995-07-12", visit: "2026-07-12", in: folder)
        #expect(try AnniversaryQuery().run(on: store).isEmpty)
    }

    @Test func partialDatesAndRangesAreApproximateNotDropped() throws {
        let folder = try TemporaryFolder()
        let monthOnly = try store(established: "1995-07-12", visit: "2025-07", in: folder)
        let match = try #require(try AnniversaryQuery(window: 0).run(on: monthOnly).first)
        #expect(match.approximate)
        #expect(match.years == 30)

        let other = try TemporaryFolder()
        let range = try store(established: "1995", visit: nil, within: ["2025-09-21", "2025-09-27"], in: other)
        let ranged = try #require(try AnniversaryQuery(window: 0).run(on: range).first)
        #expect(ranged.approximate)
        #expect(ranged.anniversaryDate == Fixture.date("2025"))
    }

    @Test func aLeapDayAnniversaryFallsOnThe28thInACommonYear() throws {
        let folder = try TemporaryFolder()
        let store = try store(established: "2000-02-29", visit: "2005-02-28", in: folder)
        let match = try #require(try AnniversaryQuery(window: 0).run(on: store).first)
        #expect(match.years == 5)
        #expect(match.anniversaryDate == Fixture.date("2005-02-28"))
        let leap = try TemporaryFolder()
        let inLeapYear = try self.store(established: "2000-02-29", visit: "2020-02-29", in: leap)
        #expect(try AnniversaryQuery(window: 0).run(on: inLeapYear).first?.anniversaryDate == Fixture.date("2020-02-29"))
    }

    @Test func aVisitBetweenOtherCountriesMarksNothing() throws {
        let folder = try TemporaryFolder()
        let store = try store(established: "1995-07-12", visit: "2025-07-12", in: folder)
        try store.merge(
            KnowledgeBase(
                entities: [Fixture.cuba, Fixture.toLam],
                events: [
                    Event(
                        id: "c", kind: .stateVisit, title: "To Cuba", start: Fixture.date("2025-07-12"),
                        location: Location(country: "cu"),
                        participants: [Participant(entity: "to-lam", role: "guest")])
                ]), file: "c.json")
        #expect(try AnniversaryQuery().run(on: store).map(\.event.id) == ["v"])
    }

    @Test func fromAndToSelectEvents() throws {
        let folder = try TemporaryFolder()
        let store = try store(established: "1995-07-12", visit: "2025-07-12", in: folder)
        #expect(try AnniversaryQuery(from: Fixture.date("2025-08")).run(on: store).isEmpty)
        #expect(try AnniversaryQuery(from: Fixture.date("2025"), to: Fixture.date("2025-07-12")).run(on: store).count == 1)
    }
}

@Suite struct PartialDateTests {
    @Test func parsesAndPrintsPartialDates() throws {
        for text in ["2024", "2024-09", "2024-09-21", "--09-21", "2024-02-29"] {
            #expect(try PartialDate(text).description == text)
        }
    }

    @Test(arguments: ["2024-02-30", "2023-02-29", "2024-13", "2024-00-10", "2024-9-1", "24", "2024-09-21T10:00", "", "abcd"])
    func refusesImpossibleOrMalformedDates(_ text: String) {
        #expect(throws: PartialDateError.self) { try PartialDate(text) }
    }

    @Test func saysWhichDateIsImpossible() {
        let error = #expect(throws: PartialDateError.self) { try PartialDate("2024-02-31") }
        #expect(error?.description.contains("2024-02-31") == true)
    }

    @Test func dayRangesCoverWhatAPartialDateMeans() throws {
        let september = try #require(try PartialDate("2024-09").dayRange)
        #expect(september.count == 30)
        #expect(try PartialDate("2024").dayRange?.count == 366)
        #expect(PartialDate(dayNumber: 0).description == "1970-01-01")
        #expect(PartialDate(dayNumber: try PartialDate("2024-09-21").dayRange!.lowerBound).description == "2024-09-21")
    }
}

@Suite struct FoldingTests {
    @Test func foldsCaseDiacriticsAndTheVietnameseD() {
        #expect("Tổng Bí thư, Chủ tịch nước Tô Lâm".folded == "tong bi thu chu tich nuoc to lam")
        #expect("Đặng Hoàng Giang".folded == "dang hoang giang")
        #expect("Díaz-Canel".folded == "diaz canel")
        #expect("Việt Nam".lookupKey == "Vietnam".lookupKey)
        // Decomposed input folds like composed input.
        #expect("To\u{302} La\u{302}m".folded == "to lam")
    }

    /// The tables in FoldingTables.swift are the rules' own: a change to the rules (or to the
    /// Unicode data of a new Swift) writes a fresh copy to .build/FoldingTables.swift to put in place.
    @Test func tablesAreTheRulesOwn() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = root.appendingPathComponent("Sources/DiploModel/FoldingTables.swift")
        let expected = Folding.tablesSource()
        let onDisk = try String(contentsOf: file, encoding: .utf8)
        if onDisk != expected {
            try? expected.write(to: root.appendingPathComponent(".build/FoldingTables.swift"), atomically: true, encoding: .utf8)
        }
        #expect(onDisk == expected, "FoldingTables.swift is out of date: copy .build/FoldingTables.swift over it")
        #expect(Folding.computedTables() == [Folding.table, Folding.extendedTable, Folding.lowerTable])
        #expect("Ỷ".folded == "y" && "\u{301}".folded == "" && Folding.lower("Ð") == "ð")
    }
}
