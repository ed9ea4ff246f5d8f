import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation
import Testing

/// The Office of the Historian's XML data sets, read from small excerpts written for these tests
/// in the formats of the real files (the people, dates and texts are made up).
@Suite struct DataSetTests {
    static let presidents = """
        <?xml version="1.0" encoding="UTF-8"?>
        <presidents>
            <president n="1">
                <id>whitfield-harriet</id>
                <name>Harriet Whitfield</name>
                <took-office-date>2017-01-20</took-office-date>
                <left-office-date>2021-01-20</left-office-date>
            </president>
            <president n="2">
                <id>okafor-daniel</id>
                <name>Daniel Okafor</name>
                <took-office-date>2021-01-20</took-office-date>
                <left-office-date>2025-01-20</left-office-date>
            </president>
            <president n="3">
                <id>whitfield-harriet</id>
                <name>Harriet Whitfield</name>
                <took-office-date>2025-01-20</took-office-date>
                <left-office-date still-in-office="true"/>
            </president>
        </presidents>
        """

    /// Visits: kinds from the descriptions, a meeting with the president of the day, one summit
    /// two visitors attended, and odd records (reversed and missing dates, an unknown country id,
    /// a duplicate id, text broken across lines, a visitor labelled with a state that no longer exists).
    static let visits = """
        <?xml version="1.0" encoding="UTF-8"?>
        <visits>
            <visit>
                <id>501</id>
                <start-date>2022-03-14</start-date>
                <end-date>2022-03-15</end-date>
                <visitor>Prime Minister Ingrid Solvang </visitor>
                <from id="norway">Norway</from>
                <description>Official Working Visit.</description>
            </visit>
            <visit>
                <id>502</id>
                <start-date>2022-09-21</start-date>
                <end-date>2022-09-21</end-date>
                <visitor>General Secretary Trần Văn Hòa</visitor>
                <from id="vietnam">Vietnam</from>
                <description>Met with President Okafor at the UN General Assembly in New York
                    City.</description>
            </visit>
            <visit>
                <id>503</id>
                <start-date>2022-06-01</start-date>
                <end-date>2022-06-02</end-date>
                <visitor>President Lucía Ferreyra</visitor>
                <from id="uruguay">Uruguay</from>
                <description>Attended the Summit of the Lakes in Chicago, IL.</description>
            </visit>
            <visit>
                <id>504</id>
                <start-date>2022-06-01</start-date>
                <end-date>2022-06-02</end-date>
                <visitor>King Aldric IV</visitor>
                <from id="belgium">Belgium</from>
                <description>Attended the Summit of the Lakes in Chicago, IL.</description>
            </visit>
            <visit>
                <id>505</id>
                <start-date>2022-11-09</start-date>
                <end-date>2022-11-02</end-date>
                <visitor>President Marek Zielny</visitor>
                <from id="poland">Poland</from>
                <description>State Visit.</description>
            </visit>
            <visit>
                <id>506</id>
                <start-date/>
                <end-date/>
                <visitor>Chancellor Greta Baumann</visitor>
                <from id="atlantis">Atlantis</from>
                <description>Private visit.</description>
            </visit>
            <visit>
                <id>505</id>
                <start-date>2022-12-01</start-date>
                <end-date>2022-12-01</end-date>
                <visitor>President Marek Zielny</visitor>
                <from id="poland">Poland</from>
                <description>Working visit.</description>
            </visit>
            <visit>
                <id>507</id>
                <start-date>1987-12-08</start-date>
                <end-date>1987-12-10</end-date>
                <visitor>General Secretary Pavel Orlov</visitor>
                <from id="russia">U.S.S.R.</from>
                <description>Official visit.</description>
            </visit>
        </visits>
        """

    static let trips = """
        <?xml version="1.0" encoding="UTF-8"?>
        <trips>
            <trip role="secretary" who="marsh-eleanor">
                <id>9001</id>
                <role>secretary</role>
                <name>Eleanor Marsh</name>
                <start-date>2023-04-03</start-date>
                <end-date>2023-04-05</end-date>
                <country id="norway">Norway</country>
                <locale>Oslo, Tromsø</locale>
                <remarks>Met with King Aksel and Prime Minister Ingrid Solvang. Attended the Arctic
                    Ministerial Summit.</remarks>
            </trip>
            <trip role="secretary" who="marsh-eleanor">
                <id>9002</id>
                <role>secretary</role>
                <name>Eleanor Marsh</name>
                <start-date>2023-04-05</start-date>
                <end-date>2023-04-06</end-date>
                <country id="vietnam">Vietnam</country>
                <locale>Hanoi</locale>
                <remarks>Met with General Secretary Tran Van Hoa and attended a dinner with President Okafor.</remarks>
            </trip>
        </trips>
        """

    static let relations = """
        <TEI xmlns="http://www.tei-c.org/ns/1.0">
            <teiHeader><fileDesc><titleStmt>
                <title type="complete">A Guide to the United States’ History of Recognition, Diplomatic, and Consular Relations, by Country, since 1776: Norway</title>
                <title type="short">Norway</title>
            </titleStmt></fileDesc></teiHeader>
            <text><body>
                <div type="section" xml:id="recognition">
                    <head>Recognition</head>
                    <div type="timeline">
                        <head>U.S. Recognition of Norwegian Independence, <date when="1905">1905</date>.</head>
                        <p>The United States recognized Norway on October 30, 1905, when the Secretary of State wrote so.</p>
                    </div>
                </div>
                <div type="section" xml:id="diplomatic_relations">
                    <head>Diplomatic Relations</head>
                    <div type="timeline">
                        <head>Establishment of Diplomatic Relations, <date when="1905">1905</date>.</head>
                        <p>Relations began on November 14, 1905, when Minister H. Peirce presented his credentials in
                            Kristiania.<figure><head>A flag</head></figure></p>
                    </div>
                    <div type="timeline">
                        <head>Relations Interrupted, <date when="1940">1940</date>.</head>
                        <p>The Legation closed on July 15, 1940, during the occupation.</p>
                    </div>
                    <div type="timeline">
                        <head>Relations Resumed, <date when="1945">1945</date>.</head>
                        <p>The Legation reopened in Oslo on June 1, 1945.</p>
                    </div>
                    <div type="timeline">
                        <head>Treaty of Friendship, <date when="1928">1928</date>.</head>
                        <p>A treaty was signed on June 5, 1928.</p>
                    </div>
                </div>
            </body></text>
        </TEI>
        """

    func read(_ text: String, name: String, store: Store) throws -> KnowledgeBase {
        try Importer(store: store, options: ImportOptions()).yield(of: Data(text.utf8), name: name)
    }

    @Test func eachFormatIsToldByItsRootElementNotItsName() {
        #expect(DataSetFormat.detect(Data(DataSetTests.visits.utf8)) == .visits)
        #expect(DataSetFormat.detect(Data(DataSetTests.trips.utf8)) == .trips)
        #expect(DataSetFormat.detect(Data(DataSetTests.presidents.utf8)) == .presidents)
        #expect(DataSetFormat.detect(Data(DataSetTests.relations.utf8)) == .relations)
        #expect(DataSetFormat.detect(Data("<?xml version=\"1.0\"?><!-- a note --><code-table/>".utf8)) == .codeTable)
        #expect(DataSetFormat.detect(Data("<?xml version=\"1.0\"?><catalog><visit/></catalog>".utf8)) == nil)
        #expect(DataSetFormat.detect(Data("Visits of the week: <visits> were many.".utf8)) == nil)
    }

    @Test func aVisitorFieldMayNameSeveralPeople() {
        let names = TitledName.all(in: "President Amadou Keita, Prime Minister Sira Traore and Foreign Minister Ousmane Ba")
        #expect(names.map(\.name) == ["Amadou Keita", "Sira Traore", "Ousmane Ba"])
        #expect(names.map { $0.title ?? "" } == ["President", "Prime Minister", "Foreign Minister"])
        // Commas and "and" inside a name stay in it.
        #expect(TitledName.all(in: "King Harald and Queen Sonja").count == 2)
        #expect(TitledName.all(in: "President Tommy Ngiraked, Jr").map(\.name) == ["Tommy Ngiraked, Jr"])
    }

    @Test func presidentsAreOnePersonWithATermPerRecord() throws {
        let folder = try TemporaryFolder()
        let kb = try read(DataSetTests.presidents, name: "list.txt", store: try folder.store())
        let whitfield = try #require(kb.entities.first { $0.name == "Harriet Whitfield" })
        #expect(whitfield.offices.map(\.start) == [Fixture.date("2017-01-20"), Fixture.date("2025-01-20")])
        #expect(whitfield.offices.allSatisfy { $0.title == "President of the United States" && $0.of == "country:us" })
        #expect(whitfield.offices.last?.end == nil)
        #expect(kb.entities.filter { $0.type == .person }.count == 2)
    }

    @Test func visitsGiveKindHostPlaceAndOneSummitForAllWhoAttended() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store(importing: [(DataSetTests.presidents, "presidents.xml")])
        let kb = try read(DataSetTests.visits, name: "visits/2020.xml", store: store)
        func event(_ record: String) -> Event? {
            kb.events.first { $0.sources.contains { $0.note?.hasPrefix(record + ",") == true } }
        }

        let working = try #require(event("visit 501"))
        #expect(working.kind == .workingVisit)
        #expect(working.title == "Ingrid Solvang's official working visit to the United States")
        // An official working visit is received by the president of the day.
        #expect(working.participants.contains(Participant(entity: "person:daniel-okafor", role: .host)))
        let solvang = try #require(kb.entities.first { $0.id == "person:ingrid-solvang" })
        #expect(solvang.offices.map(\.title) == ["Prime Minister"] && solvang.offices[0].of == "country:no")

        let meeting = try #require(event("visit 502"))
        #expect(meeting.kind == .meeting)
        #expect(meeting.location?.city == "New York City")
        #expect(Set(meeting.participants.map(\.entity)) == ["person:tran-van-hoa", "person:daniel-okafor", "country:us"])
        #expect(meeting.sources[0].quote == "Met with President Okafor at the UN General Assembly in New York City.")

        let summit = try #require(event("visit 503"))
        #expect(summit.kind == .summit && summit.title == "Summit of the Lakes" && summit.location?.city == "Chicago")
        #expect(
            summit.participants.filter { $0.role == .attendee }.map(\.entity) == ["person:lucia-ferreyra", "person:aldric-iv"])
        #expect(summit.sources.count == 2)
        #expect(event("visit 504")?.id == summit.id)

        // A state that no longer exists: its own country, without an ISO code.
        let soviet = try #require(kb.entities.first { $0.id == "country:soviet-union" })
        #expect(soviet.iso == nil && soviet.name == "Soviet Union")
        #expect(kb.entities.first { $0.id == "person:pavel-orlov" }?.country == "country:soviet-union")
    }

    /// The policy for odd records: each is noted with its record id and line, imported as far as it
    /// can be, and the rest of the file lands.
    @Test func oddRecordsAreNotedOneByOneAndTheRestImported() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        let outcome = try folder.importing(DataSetTests.visits, as: "2020.xml", into: store)
        let notes = outcome.yield.notes ?? []
        #expect(
            notes.contains {
                $0.hasPrefix("visit 505 (line ") && $0.contains("end date 2022-11-02 is before the start date 2022-11-09")
            })
        #expect(notes.contains { $0.hasPrefix("visit 506 (line ") && $0.contains("no dates") })
        #expect(notes.contains { $0.hasPrefix("visit 506 (line ") && $0.contains("unknown country id \"atlantis\"") })
        #expect(notes.contains { $0.hasPrefix("visit 505 (line ") && $0.contains("duplicate id): imported as visit 505-2") })
        #expect(notes.contains { $0.contains("runs of spaces in 1 records") && $0.hasSuffix("502") })
        #expect(outcome.report.added["events"] == 7)
        let reversed = try #require(try store.event("hs:visit:505"))
        #expect(reversed.start == Fixture.date("2022-11-09") && reversed.end == Fixture.date("2022-11-09"))
        let atlantis = try #require(try store.entity("country:atlantis"))
        #expect(atlantis.iso == nil)
        #expect(try store.event("hs:visit:505-2")?.kind == .workingVisit)

        // Importing the file again changes nothing.
        let again = try folder.importing(DataSetTests.visits, as: "2020.xml", into: store)
        #expect(again.report.changedNothing)
    }

    @Test func tripsGiveTheTravellerTheLeadersMetAndTheSummitsAttended() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store(importing: [(DataSetTests.presidents, "presidents.xml")])
        let kb = try read(DataSetTests.trips, name: "marsh-eleanor.xml", store: store)
        let oslo = try #require(kb.events.first { $0.id == "hs:trip:9001" })
        #expect(oslo.kind == .visit && oslo.location == Location(country: "country:no", city: "Oslo, Tromsø"))
        #expect(
            oslo.participants.map(\.entity) == ["person:eleanor-marsh", "country:no", "person:aksel", "person:ingrid-solvang"])
        let marsh = try #require(kb.entities.first { $0.id == "person:eleanor-marsh" })
        #expect(marsh.offices.map(\.title) == ["Secretary of State"] && marsh.offices[0].of == "country:us")
        // Leaders met where a summit was attended may come from anywhere: no country is assumed.
        let king = try #require(kb.entities.first { $0.id == "person:aksel" })
        #expect(king.offices.first?.title == "King" && king.offices.first?.of == nil)
        // On a visit without one, the leaders met hold offices of the country visited.
        let hoa = try #require(kb.entities.first { $0.id == "person:tran-van-hoa" })
        #expect(
            hoa.offices.first?.title == "General Secretary" && hoa.offices.first?.of == "country:vn"
                && hoa.country == "country:vn")
        let summit = try #require(kb.events.first { $0.kind == .summit })
        #expect(summit.title == "Arctic Ministerial Summit" && summit.parent == "hs:trip:9001")
        #expect(summit.within == [Fixture.date("2023-04-03"), Fixture.date("2023-04-05")])
        // "President Okafor": the president of the day, not a new person of Vietnam.
        let hanoi = try #require(kb.events.first { $0.id == "hs:trip:9002" })
        #expect(hanoi.participants.contains { $0.entity == "person:daniel-okafor" })
        #expect(!kb.entities.contains { $0.id == "person:okafor" })
    }

    @Test func relationsKeepEveryDatedStepWithItsSentence() throws {
        let folder = try TemporaryFolder()
        let kb = try read(DataSetTests.relations, name: "norway.xml", store: try folder.store())
        let partnership = try #require(kb.partnerships.first)
        #expect(Set(partnership.parties) == ["country:us", "country:no"])
        #expect(partnership.level == .diplomaticRelations)
        #expect(partnership.established == Fixture.date("1945-06-01"))
        #expect(
            partnership.history.map { "\($0.level.key) \($0.date!)" } == [
                "recognition 1905-10-30", "diplomatic_relations 1905-11-14", "relations_interrupted 1940-07-15",
                "diplomatic_relations 1945-06-01",
            ])
        let established = partnership.history[1].sources[0]
        #expect(
            established.quote
                == "Relations began on November 14, 1905, when Minister H. Peirce presented his credentials in Kristiania.")
        #expect(established.note?.hasPrefix("establishment: Establishment of Diplomatic Relations, 1905.") == true)
        #expect(!Fixture.level("relations_interrupted").countsAnniversaries)
    }

    /// One world: the same leader across data sets and press, the same event from two sources,
    /// and an event recorded inside a trip that another source announced, linked to the trip.
    @Test func theDataSetsAndTheInterchangeMakeOneWorld() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store(importing: [(DataSetTests.presidents, "presidents.xml"), (DataSetTests.visits, "2020.xml")])
        let press = KnowledgeBase(
            documents: [Document(id: "note", title: "A briefing", lang: "en")],
            entities: [
                Entity(id: "hoa", type: .person, name: "Tran Van Hoa", aliases: ["General Secretary Tran Van Hoa"]),
                Entity(id: "okafor", type: .person, name: "Daniel Okafor"),
            ],
            events: [
                Event(
                    id: "trip", kind: .trip, title: "Trần Văn Hòa's trip to New York", status: .planned,
                    within: [Fixture.date("2022-09-18"), Fixture.date("2022-09-24")],
                    participants: [Participant(entity: "hoa", role: .guest)],
                    sources: [SourceRef(document: "note", note: "the trip")]),
                Event(
                    id: "talks", kind: .talks, title: "Hòa and Okafor meet", status: .held, start: Fixture.date("2022-09-21"),
                    participants: [Participant(entity: "hoa", role: .guest), Participant(entity: "okafor", role: .host)],
                    sources: [SourceRef(document: "note", note: "they met")]),
            ])
        let report = try store.merge(press, file: "press.json")
        #expect(report.merged["entities"] == 2)
        #expect(try store.entityIDs(named: "Tran Van Hoa", type: .person) == ["person:tran-van-hoa"])
        #expect(try store.entity("person:tran-van-hoa")?.name == "Trần Văn Hòa")
        // The visits' meeting and the briefing's talks: one event, both sources.
        let meeting = try #require(try store.event("hs:visit:502"))
        #expect(Set(meeting.sources.map(\.document)) == ["hs:visits:2020", "note"])
        #expect(try store.event("talks") == nil)
        // ...inside the trip the briefing announced.
        #expect(meeting.parent == "trip")
        #expect(try store.stops(of: "trip").map(\.id) == ["hs:visit:502"])
    }

    /// Sources that disagree on a date are both kept, and each anniversary says which it counts from.
    @Test func disagreeingClaimsAreBothKeptAndAnniversariesSayWhichTheyFollow() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store(importing: [(DataSetTests.relations, "norway.xml")])
        let other = KnowledgeBase(
            documents: [Document(id: "oslo-ministry", title: "Norwegian ministry", lang: "en")],
            entities: [
                Entity(id: "no", type: .country, name: "Norway", iso: "NO"),
                Entity(id: "us", type: .country, name: "United States", iso: "US"),
            ],
            events: [
                Event(
                    id: "v", kind: .officialVisit, title: "A visit", status: .held, start: Fixture.date("2005-11-01"),
                    location: Location(country: "us"), participants: [Participant(entity: "no", role: .guest)])
            ],
            partnerships: [
                Partnership(
                    id: "p", parties: ["no", "us"], level: .diplomaticRelations,
                    history: [
                        Milestone(
                            level: .diplomaticRelations, date: Fixture.date("1905-10-30"),
                            sources: [SourceRef(document: "oslo-ministry", note: "counted from recognition")])
                    ])
            ])
        try store.merge(other, file: "ministry.json")
        let partnership = try #require(try store.partnerships().first)
        let claims = partnership.history.filter { $0.level == .diplomaticRelations }.map {
            "\($0.date!) \($0.sources.map(\.document))"
        }
        #expect(
            claims == ["1905-10-30 [\"oslo-ministry\"]", "1905-11-14 [\"hs:rdcr:norway\"]", "1945-06-01 [\"hs:rdcr:norway\"]"])
        let matches = try AnniversaryQuery().run(on: store).filter { $0.event.id == "v" }
        // The nearest claim wins: the ministry's date, and the row says so.
        #expect(matches.map { "\($0.years) \($0.established!)" } == ["100 1905-10-30"])
        // The interruption is a step of the history, not a date anniversaries count from.
        #expect(!matches.contains { $0.level.key == "relations_interrupted" })
    }

    /// What the data sets put in the knowledge base exports and imports back with nothing lost.
    @Test func theDataSetsExportAndImportBackUnchanged() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store(importing: [
            (DataSetTests.presidents, "presidents.xml"), (DataSetTests.visits, "2020.xml"),
            (DataSetTests.trips, "marsh-eleanor.xml"), (DataSetTests.relations, "norway.xml"),
        ])
        let first = try InterchangeWriter.string(try store.knowledgeBase())
        let copy = try folder.store("copy.sqlite")
        try copy.merge(try JSONDecoder().decode(KnowledgeBase.self, from: Data(first.utf8)), file: "export.json")
        #expect(try InterchangeWriter.string(try copy.knowledgeBase()) == first)
    }

    /// A leader only the data sets know is a name the press-release reader recognises.
    @Test func aLeaderTheDataSetsKnowIsFoundInAnEnglishPressRelease() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store(importing: [(DataSetTests.visits, "2020.xml")])
        let text = "Hanoi, March 12, 2025 - Prime Minister Pham Minh Chinh held talks with Ingrid Solvang in Hanoi on March 12.\n"
        try folder.importing(text, as: "release.txt", into: store)
        #expect(try store.entityIDs(named: "Ingrid Solvang", type: .person) == ["person:ingrid-solvang"])
        let talks = try #require(try store.events().first { $0.kind == .talks })
        #expect(talks.participants.contains { $0.entity == "person:ingrid-solvang" })
    }
}

/// The whole of ../shared/data/history-state, imported as a user would, counted against python's
/// xml.etree and checked for a few known facts.
@Suite struct HistoryStateTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/history-state")
    static var present: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("visits").path) }

    /// Records per data set, counted by python's xml.etree (another parser than diplo's).
    static func pythonCounts() throws -> [String: Int] {
        let script = """
            import glob, json, sys, xml.etree.ElementTree as ET
            root = sys.argv[1]
            def count(pattern, tag): return sum(len(ET.parse(f).getroot().findall(tag)) for f in glob.glob(root + pattern))
            print(json.dumps({"visits": count("/visits/*.xml", "visit"), "trips": count("/travels/*-travels/*.xml", "trip"),
                              "presidents": count("/travels/presidents/*.xml", "president"),
                              "articles": len(glob.glob(root + "/rdcr/articles/*.xml"))}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, folder.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([String: Int].self, from: data)
    }

    @Test(.enabled(if: present, "needs ../shared/data/history-state beside the project"))
    func theWholeDataSetImportsWithEveryRecordCounted() throws {
        let expected = try HistoryStateTests.pythonCounts()
        let temporary = try TemporaryFolder()
        let store = try temporary.store()
        let importer = Importer(store: store, options: ImportOptions())
        let inputs = Importer.ordered(
            Importer.inputs(for: [HistoryStateTests.folder.path]).inputs.filter {
                $0.name.hasSuffix(".xml") || $0.name.hasSuffix(".rnc")
            })
        // Every record is an event's source (a summit several visitors attended has a source each),
        // a term of office, or an article: counted by the record ids in the sources' notes.
        var records: [String: Set<String>] = [:]
        var articles = 0
        var terms = 0
        var skipped: [String] = []
        for input in inputs {
            let outcome = try importer.run(input)
            for event in outcome.yield.events {
                for source in event.sources {
                    guard let label = source.note?.split(separator: ",").first, let kind = label.split(separator: " ").first
                    else { continue }
                    records[String(kind), default: []].insert(input.name + "#" + label)
                }
            }
            terms +=
                outcome.yield.entities.flatMap(\.offices).filter {
                    $0.title == "President of the United States" && $0.start != nil
                }.count
            if outcome.yield.documents.first?.id.hasPrefix("hs:rdcr:") == true { articles += 1 }
            skipped += (outcome.yield.notes ?? []).filter { $0.contains("skipped") }
        }
        #expect(skipped.filter { $0.hasPrefix("visit ") || $0.hasPrefix("trip ") }.isEmpty, "\(skipped)")
        #expect(records["visit"]?.count == expected["visits"])
        #expect(records["trip"]?.count == expected["trips"])
        #expect(terms == expected["presidents"])
        #expect(articles == expected["articles"])

        // Known facts.
        let toLamMeeting = try #require(try store.event("hs:visit:3234"))
        #expect(toLamMeeting.start == Fixture.date("2024-09-25") && toLamMeeting.kind == .meeting)
        #expect(toLamMeeting.participants.contains(Participant(entity: "person:joseph-r-biden", role: .host)))
        #expect(try store.entity("person:to-lam")?.name == "Tô Lâm")
        let vietnam = try #require(try store.partnerships().first { Set($0.parties) == ["country:us", "country:vn"] })
        #expect(vietnam.history.contains { $0.level == .diplomaticRelations && $0.date == Fixture.date("1995-08-05") })
        #expect(vietnam.history.contains { $0.level.key == "relations_interrupted" && $0.date == Fixture.date("1975-04-29") })
        #expect(try store.entity("country:soviet-union")?.iso == nil)
        #expect(try store.entity("person:joseph-r-biden")?.offices.contains { $0.start == Fixture.date("2021-01-20") } == true)

        // Again: nothing changes.
        for input in inputs { #expect(try importer.run(input).report.changedNothing, "\(input.name)") }
    }
}
