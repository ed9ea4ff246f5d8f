import DiploExport
import DiploModel
import Foundation
import Testing

@testable import DiploImport
@testable import DiploQuery
@testable import DiploStore

/// A knowledge base of some hundreds of events whose file reads in several batches: events that
/// re-report others under new ids (with a participant more), stops listed before their trips,
/// partnerships, anniversaries stated and computed.
enum ScaleFixture {
    static func knowledgeBase(events count: Int = 700) -> KnowledgeBase {
        let countries = ["vn", "us", "jp", "fr", "cu"].map {
            Entity(id: $0, type: .country, name: $0.uppercased() + " land", iso: $0.uppercased())
        }
        let people = (0..<40).map {
            Entity(id: "p\($0)", type: .person, name: "Person \($0) Lê", country: countries[$0 % countries.count].id)
        }
        var kb = KnowledgeBase(
            documents: [Document(id: "d1", title: "One"), Document(id: "d2", title: "Two")],
            entities: countries + people)
        for i in 0..<count {
            let year = 1996 + i % 30
            let month = 1 + i % 12
            let day = 1 + i % 27
            let start = Fixture.date(String(format: "%04d-%02d-%02d", year, month, day))
            let end: PartialDate? = i % 5 == 0 ? Fixture.date(String(format: "%04d-%02d-%02d", year, month, day + 1)) : nil
            let guest = Participant(entity: "p\(i % 40)", role: "guest")
            let host = Participant(entity: "p\((i * 7 + 3) % 40)", role: "host")
            let kind: EventKind = i % 3 == 0 ? .stateVisit : .talks
            let place = Location(country: countries[(i + 1) % countries.count].id)
            let source = SourceRef(document: i % 2 == 0 ? "d1" : "d2", quote: "Quote \(i)")
            var event = Event(
                id: "s\(i)", kind: kind, title: "Event \(i)", status: .held, start: start, end: end, location: place,
                participants: [guest, host], sources: [source])
            // A stop listed before its trip.
            if i % 10 == 1 { event.parent = "s\(i + 1)" }
            kb.events.append(event)
        }
        for i in 0..<10 {
            let parties: [String] = [countries[i % 5].id, countries[(i + 1 + i / 5) % 5].id]
            let level: PartnershipLevel = i % 2 == 0 ? .diplomaticRelations : Fixture.level("strategic_partnership")
            let established = Fixture.date(String(format: "%04d-%02d-%02d", 1950 + i * 3, 1 + i, 10 + i))
            kb.partnerships.append(Partnership(id: "pa\(i)", parties: parties, level: level, established: established))
        }
        kb.anniversaries = [Anniversary(event: "s3", partnership: "pa0", years: 5, sources: [SourceRef(document: "d1")])]
        return kb
    }

    /// Events of the knowledge base told again by another document under other ids, some with
    /// another participant; and new events among them.
    static func reports(of kb: KnowledgeBase) -> KnowledgeBase {
        var again = KnowledgeBase(documents: [Document(id: "d3", title: "Three")])
        for (i, event) in kb.events.enumerated() where i % 4 == 0 {
            var report = event
            report.id = "r\(i)"
            report.parent = nil
            report.sources = [SourceRef(document: "d3", quote: "Again \(i)")]
            if i % 8 == 0 { report.participants.append(Participant(entity: "p\((i + 11) % 40)", role: "attendee")) }
            again.events.append(report)
        }
        again.events.append(
            Event(
                id: "n1", kind: .meeting, title: "New", start: Fixture.date("2011-03-04"),
                participants: [Participant(entity: "p1", role: "guest"), Participant(entity: "p2", role: "host")],
                sources: [SourceRef(document: "d3")]))
        again.partnerships = [
            Partnership(
                id: "pa-new", parties: ["vn", "cu"], level: .diplomaticRelations, established: Fixture.date("1960-12-02"))
        ]
        return again
    }

    static func write(_ kb: KnowledgeBase, to path: String) throws {
        try InterchangeWriter.data(kb).write(to: URL(fileURLWithPath: path))
    }

}

/// Interchange files read in a stream: what lands is what the whole document would have landed,
/// and every failure is still one sentence naming the record at fault.
@Suite struct StreamingImportTests {
    @Test func aFileReadInAStreamMergesAsTheWholeDocumentDoes() throws {
        let folder = try TemporaryFolder()
        let kb = ScaleFixture.knowledgeBase()
        let again = ScaleFixture.reports(of: kb)
        let whole = try folder.store("whole.sqlite")
        try whole.merge(kb, file: "kb.json")
        try whole.merge(again, file: "again.json")
        let streamed = try folder.store("streamed.sqlite")
        try ScaleFixture.write(kb, to: folder.path("kb.json"))
        try ScaleFixture.write(again, to: folder.path("again.json"))
        let first = try Fixture.importFile(folder.path("kb.json"), into: streamed)
        let second = try Fixture.importFile(folder.path("again.json"), into: streamed)
        #expect(first.report.added["events"] == kb.events.count)
        #expect(second.report.merged["events"] == again.events.count - 1 && second.report.added["events"] == 1)
        #expect(try InterchangeWriter.data(streamed.knowledgeBase()) == InterchangeWriter.data(whole.knowledgeBase()))
        // Stops listed before their trips are linked to them.
        #expect(try streamed.event("s1")?.parent == "s2")
    }

    /// The passes over a file before its merge (its digest, its syntax) tell how far they have
    /// read, up to the whole file each, for the progress line of a large import.
    @Test func thePassesBeforeTheMergeTellHowFarTheyHaveRead() throws {
        let folder = try TemporaryFolder()
        try ScaleFixture.write(ScaleFixture.knowledgeBase(), to: folder.path("kb.json"))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: folder.path("kb.json"))[.size] as? Int)
        var importer = Importer(store: try folder.store(), options: ImportOptions())
        var told: [(bytes: Int, total: Int)] = []
        importer.reading = { told.append(($0, $1)) }
        _ = try importer.run(Importer.inputs(for: [folder.path("kb.json")]).inputs[0])
        #expect(told.allSatisfy { $0.total == size && $0.bytes <= size })
        // Both passes reach the end; the merge that follows is told apart (`progress`).
        #expect(told.filter { $0.bytes == size }.count == 2, "\(told.map(\.bytes))")
    }

    /// Many events into a knowledge base without events: some indexes are built after the events,
    /// the same indexes, and what lands is the same.
    @Test func aBulkLoadBuildsTheSameIndexesAfterTheEvents() throws {
        let folder = try TemporaryFolder()
        let kb = ScaleFixture.knowledgeBase()
        try ScaleFixture.write(kb, to: folder.path("kb.json"))
        let rowByRow = try folder.store("rows.sqlite")
        _ = try Fixture.importFile(folder.path("kb.json"), into: rowByRow)
        let bulk = try folder.store("bulk.sqlite")
        bulk.bulkLoadEvents = 100
        let plans = try QueryPlanTests.plans(bulk) { _ = try Fixture.importFile(folder.path("kb.json"), into: bulk) }
        #expect(plans.contains { $0.sql.contains("FROM sqlite_master WHERE type = 'index'") }, "the bulk path was taken")
        func schema(_ store: Store) throws -> [String] {
            try store.db.query("SELECT type, name, sql FROM sqlite_master ORDER BY name") {
                "\($0.text(0)) \($0.text(1)) \($0.text(2))"
            }
        }
        #expect(try schema(bulk) == schema(rowByRow))
        #expect(try InterchangeWriter.data(bulk.knowledgeBase()) == InterchangeWriter.data(rowByRow.knowledgeBase()))
        #expect(try DerivedDataTests.derived(bulk) == DerivedDataTests.derived(rowByRow))
        // A failed bulk load leaves the indexes as they were.
        let failing = try folder.store("failing.sqlite")
        failing.bulkLoadEvents = 100
        var broken = kb
        broken.anniversaries.append(Anniversary(event: "nowhere", partnership: "pa0", years: 5))
        try ScaleFixture.write(broken, to: folder.path("broken.json"))
        #expect(throws: DiploError.self) { try Fixture.importFile(folder.path("broken.json"), into: failing) }
        #expect(try schema(failing) == schema(try folder.store("empty.sqlite")))
    }

    /// New events are written a batch at a time: whatever the batch's size, and wherever a trip
    /// and its stops fall (in one batch, across two, the trip first or last), what lands is what
    /// lands one event at a time, full-text rows included.
    @Test func newEventsLandTheSameWhateverTheBatchSize() throws {
        let folder = try TemporaryFolder()
        var kb = ScaleFixture.knowledgeBase()
        // Trips listed before their stops as well as after.
        for i in kb.events.indices where i % 10 == 5 { kb.events[i].parent = "s\(i - 1)" }
        try ScaleFixture.write(kb, to: folder.path("kb.json"))
        func imported(batch: Int) throws -> Store {
            let store = try folder.store("batch-\(batch).sqlite")
            store.newEventBatchSize = batch
            _ = try Fixture.importFile(folder.path("kb.json"), into: store)
            return store
        }
        func fullText(_ store: Store) throws -> [String] {
            try store.db.query("SELECT e.id, s.text FROM event_search s JOIN events e ON e.key = s.rowid ORDER BY s.rowid") {
                "\($0.text(0)) \($0.text(1))"
            }
        }
        let oneByOne = try imported(batch: 1)
        #expect(try fullText(oneByOne).count == kb.events.count)
        for size in [7, 1_000] {
            let store = try imported(batch: size)
            #expect(try InterchangeWriter.data(store.knowledgeBase()) == InterchangeWriter.data(oneByOne.knowledgeBase()))
            #expect(try DerivedDataTests.derived(store) == DerivedDataTests.derived(oneByOne))
            #expect(try fullText(store) == fullText(oneByOne))
            // s34 and s35 lie in two batches of seven; s1's trip comes after it.
            #expect(try store.event("s35")?.parent == "s34")
            #expect(try store.event("s1")?.parent == "s2")
        }
    }

    /// A batch's rows travel to SQLite as JSON text: what must be escaped in it (quotes,
    /// backslashes, control characters) lands as it was written, and so does everything else.
    @Test func textsThatJSONEscapesLandAsWritten() throws {
        let folder = try TemporaryFolder()
        var kb = ScaleFixture.knowledgeBase(events: 30)
        let texts = ["say \"hi\"", "a\\b\\", "two\nlines\tand\r", "bell \u{7} and \u{1F}", "Hà Nội 😀 “x”", "/slash/"]
        for (i, text) in texts.enumerated() {
            kb.events[i].title = text
            kb.events[i].location?.city = text
            kb.events[i].sources[0].quote = text
            kb.events[i].sources[0].note = text
        }
        try ScaleFixture.write(kb, to: folder.path("kb.json"))
        let store = try folder.store()
        _ = try Fixture.importFile(folder.path("kb.json"), into: store)
        for (i, text) in texts.enumerated() {
            let event = try #require(try store.event(kb.events[i].id))
            #expect(event.title == text)
            #expect(event.location?.city == text)
            #expect(event.sources.map(\.quote) == [text])
            #expect(event.sources.map(\.note) == [text])
        }
    }

    @Test func aRecordThatCannotBeReadInALaterBatchIsNamedAndNothingLands() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        let path = folder.path("bad.json")
        var text = String(decoding: try InterchangeWriter.data(ScaleFixture.knowledgeBase()), as: UTF8.self)
        let title = try #require(text.range(of: "\"title\" : \"Event 517\""))
        let kind = try #require(
            text.range(of: "\"kind\" : \"talks\"", options: .backwards, range: text.startIndex..<title.lowerBound))
        text.replaceSubrange(kind, with: "\"kind\" : \"picnic\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: DiploError.self) { try Fixture.importFile(path, into: store) }
        #expect(error?.errorDescription?.contains("events[517].kind") == true, "\(String(describing: error))")
        #expect(error?.errorDescription?.contains("picnic") == true)
        #expect(try store.entities().isEmpty && store.events().isEmpty)
    }

    @Test func anIDTwiceIsNamedEvenWrittenWithAnEscape() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("twice.json")
        try
            #"{"format": "diplo/1", "entities": [{"id": "A", "type": "country", "name": "A"}, {"id": "\u0041", "type": "country", "name": "B"}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: DiploError.self) { try Fixture.importFile(path, into: try folder.store()) }
        #expect(error?.errorDescription?.contains("entities[1].id") == true, "\(String(describing: error))")
    }

    @Test(arguments: [
        (#"[1, 2]"#, "top level", "expected an object"),
        (#"{"events": []}"#, "top level", "\"format\" is missing"),
        (#"{"format": "diplo/2"}"#, "format", "is not \"diplo/1\""),
        (#"{"format": "diplo/1", "events": {}}"#, "events", "expected a list"),
        (#"{"format": "diplo/1", "events": [3]}"#, "events[0]", "expected an object"),
        ("{\"format\": \"diplo/1\",\n \"notes\": [\"a\" \"b\"]}", "line 2, column 16", "not valid JSON"),
        ("{\"format\": \"diplo/1\", \"notes\": [\"a\u{1}\"]}", "line 1, column 35", "not valid JSON"),
        ("{\"format\": \"diplo/1\", \"notes\": [01]}", "line 1, column 33", "not valid JSON"),
        ("{\"format\": \"diplo/1\"} x", "line 1, column 23", "not valid JSON"),
        ("{\"format\": \"diplo/1\", \"events\": [", "line 1, column 34", "truncated"),
        ("  \n ", "f.json", "the file is empty"),
    ])
    func theTopLevelAndTheSyntaxAreCheckedAndPlaced(_ json: String, _ place: String, _ reason: String) throws {
        let error = #expect(throws: DiploError.self) { try InterchangeReader.read(Data(json.utf8), file: "f.json") }
        let text = error?.errorDescription ?? ""
        #expect(text.contains(place) && text.contains(reason), "\(text)")
    }

    @Test func listsGivenAsNullAreEmptyAndNotesAreTold() throws {
        let kb = try InterchangeReader.read(
            Data(#"{"format": "diplo/1", "events": null, "notes": ["kept \"here\""], "other": {"x": [1, {}]}}"#.utf8),
            file: "n.json")
        #expect(kb.events.isEmpty && kb.notes == ["kept \"here\""])
    }

    @Test func invalidUTF8IsPlaced() throws {
        var data = Data("{\"format\": \"diplo/1\",\n \"notes\": [\"ab".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(Data("\"]}".utf8))
        let error = #expect(throws: DiploError.self) { try InterchangeReader.read(data, file: "u.json") }
        #expect(error?.errorDescription?.contains("line 2, column 15") == true, "\(String(describing: error))")
    }
}

/// What the store derives (Schema/004_derived.sql) stays what working it out again from the facts
/// gives, whatever order the facts came in.
@Suite struct DerivedDataTests {
    static func derived(_ store: Store) throws -> [String] {
        let months = try store.db.query("SELECT event_id, entity_id, role, month FROM participants ORDER BY 1, 2, 3") {
            "\($0.text(0)) \($0.text(1)) \($0.text(2)) \($0.string(3) ?? "-")"
        }
        let pairs = try store.db.query(
            """
            SELECT e.id, c.partnership_id, c.distance FROM anniversary_candidates c JOIN events e ON e.key = c.event_key
            ORDER BY 1, 2
            """
        ) { "\($0.text(0)) \($0.text(1)) \($0.int(2))" }
        return months + pairs
    }

    @Test func mergesKeepTheDerivedRowsAsARebuildMakesThem() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        let kb = ScaleFixture.knowledgeBase(events: 300)
        try store.merge(kb, file: "kb.json")
        try store.merge(ScaleFixture.reports(of: kb), file: "again.json")
        // A person gains a country; a partnership gains a claim; an event gains dates.
        try store.merge(
            KnowledgeBase(
                entities: [Entity(id: "stateless", type: .person, name: "Nobody Yet")],
                events: [
                    Event(
                        id: "x", kind: .talks, title: "Talks", within: [Fixture.date("1998-01"), Fixture.date("1998-05")],
                        participants: [Participant(entity: "stateless", role: "guest"), Participant(entity: "p3", role: "host")])
                ]), file: "x.json")
        try store.merge(
            KnowledgeBase(
                entities: [Entity(id: "stateless", type: .person, name: "Nobody Yet", country: "jp")],
                events: [
                    Event(
                        id: "x", kind: .talks, title: "Talks", start: Fixture.date("1998-03-02"),
                        participants: [Participant(entity: "stateless", role: "guest")])
                ],
                partnerships: [
                    Partnership(
                        id: "pa1", parties: ["us", "jp"], level: .diplomaticRelations,
                        history: [Milestone(level: .diplomaticRelations, date: Fixture.date("1948-03-01"))])
                ]), file: "y.json")
        let kept = try DerivedDataTests.derived(store)
        #expect(kept.contains { $0.hasPrefix("x p3 host ") && !$0.hasSuffix(" -") })
        try store.db.transaction { try store.refreshDerived() }
        #expect(try DerivedDataTests.derived(store) == kept)
    }

    @Test func theAnniversariesKeptAreThoseWorkedOutFromEveryEvent() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        try store.merge(Fixture.sample(), file: "a.json")
        try store.merge(ScaleFixture.knowledgeBase(events: 400), file: "kb.json")
        for window in [0, 7, 30, 92] {
            for country in [nil, "vn"] {
                var query = AnniversaryQuery(window: window, country: country)
                let kept = try query.run(on: store)
                query.fromEveryEvent = true
                let computed = try query.run(on: store)
                #expect(!computed.isEmpty)
                #expect(
                    kept.map { "\($0.event.id) \($0.partnership.id) \($0.years) \($0.stated)" }
                        == computed.map { "\($0.event.id) \($0.partnership.id) \($0.years) \($0.stated)" })
            }
        }
    }

    /// The listing the store keeps is, after each merge, the one worked out from every event.
    @Test func theListingKeptIsTheOneWorkedOutAfterEveryMerge() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        func expectInStep(_ step: String) throws {
            var query = AnniversaryQuery()
            query.fromEveryEvent = true
            let computed = try query.listing(on: store)
            #expect(!computed.isEmpty, "\(step)")
            #expect(try store.anniversaryListing() == computed, "\(step)")
            #expect(try AnniversaryQuery().listing(on: store) == computed, "\(step)")
        }
        let kb = ScaleFixture.knowledgeBase(events: 300)
        try store.merge(kb, file: "kb.json")
        try expectInStep("the first file")
        try store.merge(ScaleFixture.reports(of: kb), file: "again.json")
        try expectInStep("events reported again, a new partnership")
        let document = Document(id: "d9", title: "Nine")
        // A source states an anniversary of an event known before; a partnership gains a claim,
        // another a higher level, another a first source.
        try store.merge(
            KnowledgeBase(
                documents: [document],
                partnerships: [
                    Partnership(
                        id: "pa2", parties: ["jp", "fr"], level: .diplomaticRelations,
                        history: [Milestone(level: .diplomaticRelations, date: Fixture.date("1961-02-14"))]),
                    Partnership(
                        id: "pa3", parties: ["fr", "cu"], level: Fixture.level("comprehensive_strategic_partnership"),
                        established: Fixture.date("2001-05-20")),
                    Partnership(
                        id: "pa4", parties: ["cu", "vn"], level: .diplomaticRelations, established: Fixture.date("1962-05-14"),
                        sources: [SourceRef(document: "d9", quote: "Relations since 1962")]),
                ],
                anniversaries: [
                    Anniversary(
                        event: "s7", partnership: "pa1", years: 10, sources: [SourceRef(document: "d9", quote: "ten years")])
                ]), file: "claims.json")
        try expectInStep("claims, a level, a source and a stated anniversary")
        // A person gains a country: the sides of their events change.
        try store.merge(
            KnowledgeBase(entities: [Entity(id: "stateless", type: .person, name: "Nobody Yet")]), file: "x.json")
        try store.merge(
            KnowledgeBase(
                entities: [Entity(id: "vip", type: .person, name: "Some One")],
                events: [
                    Event(
                        id: "x", kind: .talks, title: "Talks", start: Fixture.date("2010-03-02"),
                        participants: [Participant(entity: "vip", role: "guest"), Participant(entity: "p3", role: "host")])
                ]), file: "y.json")
        try store.merge(
            KnowledgeBase(entities: [Entity(id: "vip", type: .person, name: "Some One", country: "vn")]), file: "z.json")
        try expectInStep("a person gains a country")
        // A country's name gains its diacritics: the listing names the parties anew.
        try store.merge(
            KnowledgeBase(entities: [Entity(id: "vn", type: .country, name: "VN länd", iso: "VN")]), file: "name.json")
        #expect(try store.anniversaryListing()?.contains { $0.marks.contains("VN länd") } == true)
        try expectInStep("a party renamed")
        // Worked out again whole, it is the same.
        let kept = try store.anniversaryListing()
        try store.db.transaction { try store.refreshDerived() }
        #expect(try store.anniversaryListing() == kept)
    }

    /// Of schema 3 (nothing derived) or 4 (candidates kept by the event's id): no listing kept.
    @Test(arguments: [3, 4]) func anOlderKnowledgeBaseIsMigratedAndBackfilled(schema: Int) throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.sqlite")
        do {
            let db = try Database(path: path)
            try Migrations.migrate(db, upTo: Array(Migrations.all.prefix(3)))
            try db.execute(
                """
                INSERT INTO entities (id, type, name, folded, iso) VALUES ('vn', 'country', 'VN', 'vn', 'VN'), ('us', 'country', 'US', 'us', 'US');
                INSERT INTO entities (id, type, name, folded, country_id) VALUES ('p', 'person', 'P', 'p', 'vn');
                INSERT INTO events (id, kind, title, start, location_country_id) VALUES ('v', 'state_visit', 'Visit', '2025-07-20', 'us');
                INSERT INTO participants (event_id, entity_id, role) VALUES ('v', 'p', 'guest');
                INSERT INTO partnerships (id, level, established) VALUES ('r', 'diplomatic_relations', '1995-07-12');
                INSERT INTO partnership_parties VALUES ('r', 'vn'), ('r', 'us');
                """)
            if schema == 4 {
                try Migrations.migrate(db, upTo: Array(Migrations.all.prefix(4)))
                try db.execute("INSERT INTO anniversary_candidates VALUES ('v', 'r', 8)")
            }
        }
        // Read as it is, without the kept candidates; migrated by a writer, with them.
        let old = try Store.openForReading(path: path)
        #expect(try old.anniversaryCandidates(within: 30) == nil)
        #expect(try old.anniversaryListing() == nil)
        #expect(try AnniversaryQuery().listing(on: old).map(\.years) == [30])
        let store = try Store.open(path: path)
        #expect(try store.anniversaryCandidates(within: 30)?.map(\.event.id) == ["v"])
        #expect(try store.anniversaryListing()?.map(\.years) == [30])
        #expect(try AnniversaryQuery().run(on: store).map(\.years) == [30])
        #expect(try store.db.first("SELECT month FROM participants") { $0.int(0) } == 2025 * 12 + 6)
    }
}
