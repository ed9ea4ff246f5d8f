import Foundation
import Testing

/// A small interchange file: Vietnam, the US, Cuba, Tô Lâm, a visit that marks an anniversary.
let sampleFile = """
    {"format": "diplo/1",
     "documents": [{"id": "d1", "title": "Briefing note", "lang": "en", "published": "2024-09-19",
                    "text": "General Secretary To Lam will visit the United States. Đặng Hoàng Giang spoke."}],
     "entities": [
      {"id": "vn", "type": "country", "name": "Việt Nam", "names": {"vi": "Việt Nam", "en": "Vietnam"}, "iso": "VN"},
      {"id": "us", "type": "country", "name": "United States", "names": {"vi": "Hoa Kỳ", "en": "United States"}, "aliases": ["Mỹ"], "iso": "US"},
      {"id": "cu", "type": "country", "name": "Cuba", "iso": "CU"},
      {"id": "to-lam", "type": "person", "name": "Tô Lâm", "names": {"en": "To Lam"}, "country": "vn",
       "offices": [{"title": "Tổng Bí thư", "role": "general_secretary", "of": "vn", "start": "2024-08-03"}]}
     ],
     "events": [
      {"id": "e1", "kind": "working_visit", "title": "Working trip to the US", "status": "planned",
       "within": ["2024-09-21", "2024-09-27"], "location": {"country": "us", "city": "New York"},
       "participants": [{"entity": "to-lam", "role": "guest"}],
       "sources": [{"document": "d1", "start": 0, "end": 55, "quote": "General Secretary To Lam will visit the United States."}]},
      {"id": "e2", "kind": "state_visit", "title": "State visit to Cuba", "status": "planned",
       "within": ["2024-09-21", "2024-09-27"], "location": {"country": "cu"}, "participants": [{"entity": "to-lam", "role": "guest"}]}
     ],
     "partnerships": [
      {"id": "p1", "parties": ["vn", "us"], "level": "comprehensive_strategic_partnership", "established": "2023-09-10",
       "history": [{"level": "comprehensive_partnership", "date": "2013-07-25"}]},
      {"id": "p2", "parties": ["vn", "us"], "level": "diplomatic_relations", "established": "1995-07-12"},
      {"id": "p3", "parties": ["vn", "cu"], "level": "special_traditional_friendship"}
     ],
     "anniversaries": [{"event": "e1", "partnership": "p1", "years": 1, "date": "2024-09-10", "stated": true,
       "sources": [{"document": "d1", "quote": "General Secretary To Lam will visit the United States."}]}]
    }
    """

@Suite struct CLITests {
    func imported() throws -> CLI {
        let cli = try CLI()
        let result = try cli.run("import", try cli.write("sample.json", sampleFile))
        #expect(result.status == 0, "\(result.stderr)")
        return cli
    }

    @Test func initCreatesAndThenFindsTheDatabaseUpToDate() throws {
        let cli = try CLI()
        let first = try cli.run("init")
        #expect(first.status == 0)
        #expect(first.stdout.contains("applied 001_knowledge_base.sql"))
        #expect(FileManager.default.fileExists(atPath: cli.path("kb.sqlite")))
        #expect(try cli.run("init").stdout.contains("up to date"))
    }

    @Test func showFindsAPersonWithoutDiacriticsAndInEitherLanguage() throws {
        let cli = try imported()
        for name in ["To Lam", "tô lâm", "TO-LAM"] {
            let result = try cli.run("show", name)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stdout.contains("Tô Lâm"))
            #expect(result.stdout.contains("Tổng Bí thư"))
            #expect(result.stdout.contains("Working trip to the US"))
        }
        let withSources = try cli.run("show", "To Lam", "--sources")
        #expect(withSources.stdout.contains("General Secretary To Lam will visit"))
        let country = try cli.run("show", "Viet Nam")
        #expect(country.stdout.contains("comprehensive strategic partnership"))
        #expect(try cli.run("show", "Hoa Ky").stdout.contains("United States"))
        // A partnership nobody dated is still shown.
        #expect(try cli.run("show", "Cuba").stdout.contains("special traditional friendship"))
    }

    @Test func showSaysClearlyWhenNothingMatches() throws {
        let cli = try imported()
        let result = try cli.run("show", "Nobody Atall")
        #expect(result.status == 1)
        // One sentence, naming what was asked for.
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("\"Nobody Atall\""), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func readCommandsRefuseAMissingDatabase() throws {
        let cli = try CLI()
        let result = try cli.run("list", "persons")
        #expect(result.status == 1)
        #expect(result.stderr.contains("There is no knowledge base at"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("kb.sqlite")))
    }

    @Test func listsInEveryFormat() throws {
        let cli = try imported()
        let table = try cli.run("list", "countries")
        #expect(table.stdout.contains("NAME"))
        #expect(table.stdout.contains("Việt Nam"))
        let json = try cli.run("list", "persons", "--format", "json")
        let persons = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(persons?.first?["name"] as? String == "Tô Lâm")
        let csv = try cli.run("list", "events", "--format", "csv")
        #expect(csv.stdout.hasPrefix("date,kind,status,title,participants,id\r\n"))
        #expect(csv.stdout.contains("state_visit"))
        let cuba = try cli.run("list", "events", "--country", "Cuba", "--format", "csv")
        #expect(cuba.stdout.contains("State visit to Cuba") && !cuba.stdout.contains("Working trip"))
        let partnerships = try cli.run("list", "partnerships", "--kind", "diplomatic_relations", "--format", "csv")
        #expect(partnerships.stdout.contains("1995-07-12"))
        #expect(!partnerships.stdout.contains("2023-09-10"))
    }

    @Test func searchIgnoresCaseAndDiacriticsIncludingD() throws {
        let cli = try imported()
        let person = try cli.run("search", "to lam")
        #expect(person.stdout.contains("Tô Lâm"))
        let document = try cli.run("search", "dang", "--format", "csv")
        #expect(document.stdout.contains("Đặng Hoàng Giang spoke"))
        let none = try cli.run("search", "zzzz", "--format", "json")
        #expect(none.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || none.stdout.contains("[]"))
    }

    @Test func visitsAndTimeline() throws {
        let cli = try imported()
        let visits = try cli.run("query", "visits", "--by", "To Lam", "--to", "Mỹ", "--format", "csv")
        #expect(visits.stdout.contains("Working trip to the US"))
        #expect(!visits.stdout.contains("Cuba"))
        let byCountry = try cli.run("query", "visits", "--by", "Vietnam", "--format", "csv")
        #expect(byCountry.stdout.split(separator: "\r\n").count == 3)
        let timeline = try cli.run("query", "timeline", "to lam", "--format", "csv")
        let lines = timeline.stdout.split(separator: "\r\n")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("2024-08-03,office"))
    }

    @Test func importReadsStandardInputAndFolders() throws {
        let cli = try CLI()
        let stdin = try cli.run(["import", "-"], stdin: sampleFile)
        #expect(stdin.status == 0, "\(stdin.stderr)")
        #expect(stdin.stdout.contains("<stdin>: imported"))
        try FileManager.default.createDirectory(atPath: cli.path("inbox"), withIntermediateDirectories: true)
        _ = try cli.write("inbox/a.json", sampleFile)
        let folder = try cli.run("import", cli.path("inbox"))
        #expect(folder.stdout.contains("a.json: nothing new"))
    }

}

/// Bad input: exit 1, one sentence naming the file and the place, and the database as it was.
@Suite struct BadInputTests {
    func expectRefused(_ name: String, _ content: String, mentions place: String, because reason: String) throws {
        try expectImportRefused(name, Data(content.utf8), saying: [place, reason], oneLine: true)
    }

    /// The sample with one more entity (so a half-done import would show) and `change` applied.
    func broken(_ change: (inout [String: Any]) -> Void) throws -> String {
        var object = try JSONSerialization.jsonObject(with: Data(sampleFile.utf8)) as! [String: Any]
        var entities = object["entities"] as! [[String: Any]]
        entities.append(["id": "new", "type": "person", "name": "Someone New"])
        object["entities"] = entities
        change(&object)
        return String(
            decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
    }

    /// The sample (with one more entity) with `change` applied to the element `index` of the list `list`.
    func broken(_ list: String, _ index: Int, _ change: (inout [String: Any]) -> Void) throws -> String {
        try broken { object in
            var elements = object[list] as! [[String: Any]]
            change(&elements[index])
            object[list] = elements
        }
    }

    @Test func malformedJSON() throws {
        try expectRefused(
            "bad.json", "{\"format\": \"diplo/1\",\n \"entities\": [\n  {\"id\": \"x\" \"type\": \"person\"}]}",
            mentions: "line 3, column 14", because: "not valid JSON")
    }

    @Test func truncatedJSONNamesTheLineAndColumnWhereItStops() throws {
        // Cut inside a line that holds Vietnamese before the cut: the column counts characters.
        let cutAfter = "\"name\": \"Việt Nam\", \"na"
        let end = try #require(sampleFile.range(of: cutAfter)).upperBound
        let text = String(sampleFile[..<end])
        let line = text.filter { $0 == "\n" }.count + 1
        let column = text.split(separator: "\n", omittingEmptySubsequences: false).last!.count + 1
        try expectRefused("cut.json", text, mentions: "line \(line), column \(column)", because: "truncated")
    }

    @Test func aParticipantThatDoesNotExist() throws {
        try expectRefused(
            "ghost.json",
            try broken("events", 1) { $0["participants"] = [["entity": "ghost", "role": "guest"]] },
            mentions: "events[1].participants[0].entity", because: "no entity \"ghost\"")
    }

    @Test func anImpossibleDate() throws {
        try expectRefused(
            "date.json",
            try broken("events", 0) { $0["start"] = "2024-02-31" }, mentions: "events[0].start",
            because: "2024-02-31 is not a real date")
    }

    @Test func anUnknownEventKind() throws {
        try expectRefused(
            "kind.json",
            try broken("events", 1) { $0["kind"] = "picnic" }, mentions: "events[1].kind",
            because: "unknown event kind \"picnic\"")
    }

    @Test func anUnknownPartnershipLevel() throws {
        try expectRefused(
            "level.json",
            try broken("partnerships", 0) { $0["level"] = "best_friends_forever" }, mentions: "partnerships[0].level",
            because: "unknown partnership level \"best_friends_forever\"")
    }

    @Test func aMissingField() throws {
        try expectRefused(
            "missing.json",
            try broken("entities", 2) { $0.removeValue(forKey: "type") }, mentions: "entities[2]", because: "\"type\" is missing")
    }

    @Test func badUsageExitsWith64() throws {
        let cli = try CLI()
        #expect(try cli.run("list", "unicorns").status == 64)
        #expect(try cli.run("import", "x.txt", "--lang", "fr").status == 64)
        #expect(try cli.run("list", "events", "--from", "2024-02-31").status == 64)
    }
}
