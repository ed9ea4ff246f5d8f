import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation
import Testing

@Suite struct MergeTests {
    @Test func aFileThatOnlyAddsHistoryIsNotNothingNew() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        try store.merge(Fixture.sample(), file: "a.json")
        var more = Fixture.sample()
        more.partnerships[1].history = [Milestone(level: .diplomaticRelations, date: Fixture.date("1995-08-05"))]
        let report = try store.merge(more, file: "b.json")
        #expect(!report.changedNothing)
        #expect(report.changes == 1)
    }

    @Test func entitiesMergeByISOCodeAndByFoldedName() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        try store.merge(Fixture.sample(), file: "a.json")
        // Other ids; the same country by ISO code, the same person by a name without diacritics.
        let other = KnowledgeBase(entities: [
            Entity(id: "country-vietnam", type: .country, name: "Vietnam", iso: "vn"),
            Entity(id: "person-x", type: .person, name: "To Lam", aliases: ["Tổng Bí thư Tô Lâm"], country: "country-vietnam"),
            Entity(id: "usa", type: .country, name: "Mỹ"),
        ])
        let report = try store.merge(other, file: "b.json")
        #expect(report.added["entities"] == nil)
        #expect(report.merged["entities"] == 3)
        #expect(try store.entityIDs(named: "tong bi thu to lam") == ["to-lam"])
        #expect(try store.entities().count == 4)
    }

    @Test func namesInAnotherLanguageAndAliasesAreAddedNotOverwritten() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        try store.merge(Fixture.sample(), file: "a.json")
        try store.merge(
            KnowledgeBase(entities: [
                Entity(
                    id: "vn", type: .country, name: "Viet Nam", names: ["vi": "Nước Việt Nam", "fr": "Viêt Nam"], aliases: ["SRV"]
                )
            ]), file: "b.json")
        let vietnam = try #require(try store.entity("vn"))
        #expect(vietnam.name == "Việt Nam")
        #expect(vietnam.names == ["vi": "Việt Nam", "en": "Vietnam", "fr": "Viêt Nam"])
        #expect(Set(vietnam.aliases) == ["Nước Việt Nam", "SRV", "Viet Nam"])
    }

    @Test func theSameEventFromTwoDocumentsBecomesOneWithTwoSources() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        try store.merge(Fixture.sample(), file: "a.json")
        let again = KnowledgeBase(
            documents: [Document(id: "d2", title: "Another report")],
            entities: [Fixture.toLam, Fixture.vietnam, Fixture.unitedStates],
            events: [
                Event(
                    id: "other-id", kind: .visit, title: "To Lam in New York", status: .held,
                    start: Fixture.date("2024-09-23"), participants: [Participant(entity: "to-lam", role: "guest")],
                    sources: [SourceRef(document: "d2", quote: "He met leaders.")])
            ])
        let report = try store.merge(again, file: "b.json")
        #expect(report.merged["events"] == 1)
        let events = try store.events()
        #expect(events.count == 1)
        #expect(Set(events[0].sources.map(\.document)) == ["d1", "d2"])
        #expect(events[0].title == "Working trip to the US")
    }

    @Test func anAnnouncedEventBecomesHeldWhenAReportSaysSo() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        var planned = Fixture.sample()
        planned.events[0].status = .planned
        try store.merge(planned, file: "a.json")
        try store.merge(Fixture.sample(), file: "b.json")
        #expect(try store.event("e1")?.status == .held)
    }

    /// An announcement (a planned visit to the US, in a range of days) and a later report that it
    /// was held, naming a host the announcement did not: one event, held, both sources, and what
    /// each document said. A report of another side's event on the same days stays another event.
    @Test func anAnnouncementMeetsItsOutcome() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        let biden = Entity(id: "biden", type: .person, name: "Joe Biden", country: "us")
        let announcement = KnowledgeBase(
            documents: [Document(id: "a", title: "Briefing", published: Fixture.date("2024-09-19"))],
            entities: [Fixture.vietnam, Fixture.unitedStates, Fixture.toLam],
            events: [
                Event(
                    id: "plan", kind: .workingVisit, title: "To Lam will visit the US", status: .planned,
                    within: [Fixture.date("2024-09-21"), Fixture.date("2024-09-27")],
                    participants: [Participant(entity: "to-lam", role: "guest"), Participant(entity: "us", role: "host")],
                    sources: [SourceRef(document: "a", quote: "To Lam will visit the US.")])
            ])
        try store.merge(announcement, file: "a.json")
        let outcome = KnowledgeBase(
            documents: [Document(id: "b", title: "Report", published: Fixture.date("2024-09-26"))],
            entities: [Fixture.vietnam, Fixture.unitedStates, Fixture.toLam, biden],
            events: [
                Event(
                    id: "held", kind: .officialVisit, title: "To Lam in Washington", status: .held,
                    start: Fixture.date("2024-09-24"), end: Fixture.date("2024-09-25"), location: Location(country: "us"),
                    participants: [Participant(entity: "to-lam", role: "guest"), Participant(entity: "biden", role: "host")],
                    sources: [SourceRef(document: "b", quote: "To Lam was received by Biden.")])
            ])
        let report = try store.merge(outcome, file: "b.json")
        #expect(report.merged["events"] == 1)
        let events = try store.events()
        #expect(events.count == 1)
        #expect(events.first?.status == .held)
        #expect(Set(events.first?.sources.map(\.document) ?? []) == ["a", "b"])
        #expect(try store.reports(ofEvent: "plan").map { "\($0.document) \($0.status.rawValue)" } == ["a planned", "b held"])
        // Another pair's visit on the same days: no one in common, other sides.
        let cuba = KnowledgeBase(
            entities: [Fixture.cuba, biden],
            events: [
                Event(
                    id: "other", kind: .visit, title: "Biden in Havana", status: .held, start: Fixture.date("2024-09-24"),
                    location: Location(country: "cu"), participants: [Participant(entity: "biden", role: "guest")])
            ])
        try store.merge(cuba, file: "c.json")
        #expect(try store.events().count == 2)
    }

    @Test func anUpgradeKeepsTheEarlierLevelInHistory() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        let strategic = KnowledgeBase(
            entities: [Fixture.vietnam, Fixture.unitedStates],
            partnerships: [
                Partnership(
                    id: "x", parties: ["vn", "us"], level: Fixture.level("comprehensive_partnership"),
                    established: Fixture.date("2013-07-25"))
            ])
        try store.merge(strategic, file: "a.json")
        try store.merge(
            KnowledgeBase(
                entities: [Fixture.vietnam, Fixture.unitedStates],
                partnerships: [
                    Partnership(
                        id: "y", parties: ["us", "vn"], level: Fixture.level("comprehensive_strategic_partnership"),
                        established: Fixture.date("2023-09-10"))
                ]), file: "b.json")
        let all = try store.partnerships()
        #expect(all.count == 1)
        #expect(all[0].level.key == "comprehensive_strategic_partnership")
        #expect(all[0].established == Fixture.date("2023-09-10"))
        #expect(all[0].history.map(\.level.key) == ["comprehensive_partnership", "comprehensive_strategic_partnership"])
    }

    @Test func disagreeingClaimsAreBothKeptWithTheirSources() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        func relations(_ date: String, _ document: String) -> KnowledgeBase {
            KnowledgeBase(
                documents: [Document(id: document)], entities: [Fixture.vietnam, Fixture.unitedStates],
                partnerships: [
                    Partnership(
                        id: "rel-\(document)", parties: ["vn", "us"], level: .diplomaticRelations,
                        history: [
                            Milestone(
                                level: .diplomaticRelations, date: Fixture.date(date),
                                sources: [SourceRef(document: document, note: "says \(date)")])
                        ])
                ])
        }
        try store.merge(relations("1995-07-12", "vietnam-mofa"), file: "a.json")
        try store.merge(relations("1995-08-05", "state-department"), file: "b.json")
        let all = try store.partnerships()
        #expect(all.count == 1)
        #expect(all[0].history.map(\.date) == [Fixture.date("1995-07-12"), Fixture.date("1995-08-05")])
        #expect(all[0].history.map { $0.sources.map(\.document) } == [["vietnam-mofa"], ["state-department"]])
    }

    @Test func aFailedMergeLeavesTheDatabaseAsItWas() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        try store.merge(Fixture.sample(), file: "a.json")
        let before = try InterchangeWriter.string(try store.knowledgeBase())
        var broken = Fixture.sample()
        broken.entities.append(Entity(id: "new-person", type: .person, name: "Someone New"))
        broken.events.append(
            Event(id: "e9", kind: .meeting, title: "x", participants: [Participant(entity: "nobody", role: "guest")]))
        let error = #expect(throws: DiploError.self) { try store.merge(broken, file: "broken.json") }
        // One sentence naming the file, the JSON path and the id at fault.
        let message = error?.errorDescription ?? ""
        #expect(
            message.hasPrefix("broken.json") && message.contains("events[1].participants[0].entity")
                && message.contains("\"nobody\""))
        #expect(!message.contains("\n"))
        #expect(try InterchangeWriter.string(try store.knowledgeBase()) == before)
    }
}
