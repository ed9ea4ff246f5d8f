import Foundation
import Testing

/// `diplo ask`, `query upcoming` (with its iCalendar file read back by python's icalendar),
/// `query unconfirmed` and announcements meeting their outcomes, end to end on the demo data.
@Suite("ask, upcoming, unconfirmed (CLI)")
struct AskCLITests {
    /// A folder with the demo database (SampleData/) as kb.sqlite.
    static func demo() throws -> CLI {
        let cli = try CLI()
        let result = try cli.run("import", CLI.projectRoot.appendingPathComponent("SampleData").path)
        #expect(result.status == 0, "\(result.stderr)")
        return cli
    }

    @Test("ask prints the command it maps to, then that command's own output")
    func askAnswersLikeTheCommand() throws {
        let cli = try AskCLITests.demo()
        let asked = try cli.run("ask", "Ai đã thăm Việt Nam năm 2023?")
        #expect(asked.status == 0, "\(asked.stderr)")
        let direct = try cli.run("query", "visits", "--to", "country:vn", "--from", "2023", "--until", "2023")
        #expect(asked.stdout == "→ diplo query visits --to country:vn --from 2023 --until 2023\n\n" + direct.stdout)
        expectFitsEightyColumns(asked, "ask")
        // JSON: the output stays JSON; the command line goes to standard error.
        let json = try cli.run("ask", "--format", "json", "Who visited Vietnam in 2023?")
        #expect(json.status == 0)
        #expect(json.stderr.contains("→ diplo query visits"))
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 2)
        let csv = try cli.run("ask", "--format", "csv", "Who visited Vietnam in 2023?")
        #expect(
            csv.stdout
                == (try cli.run("query", "visits", "--to", "Vietnam", "--from", "2023", "--until", "2023", "--format", "csv"))
                .stdout)
    }

    @Test("--explain prints only the mapping")
    func explain() throws {
        let cli = try AskCLITests.demo()
        let result = try cli.run("ask", "--explain", "Which countries have a comprehensive strategic partnership with Vietnam?")
        #expect(result.status == 0)
        #expect(
            result.stdout.hasPrefix("→ diplo list partnerships --country country:vn --kind comprehensive_strategic_partnership\n")
        )
        #expect(!result.stdout.contains("PARTIES"))
    }

    @Test("a question it cannot read: exit 1, the closest examples; an ambiguous name: exit 1, the candidates")
    func refusals() throws {
        let cli = try AskCLITests.demo()
        let weather = try cli.run("ask", "Thời tiết Hà Nội hôm nay thế nào?")
        #expect(weather.status == 1)
        #expect(weather.stdout.isEmpty)
        #expect(weather.stderr.split(separator: "\n").count >= 3, "\(weather.stderr)")
        let castro = try cli.run("ask", "Where did Castro go?")
        #expect(castro.status == 1)
        #expect(castro.stderr.contains("person:fidel-castro") && castro.stderr.contains("person:raul-castro"))
    }

    @Test("holders of an office at a date")
    func holders() throws {
        let cli = try AskCLITests.demo()
        let result = try cli.run("query", "holders", "Thủ tướng", "--of", "Japan", "--at", "2022", "--format", "csv")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Fumio Kishida"))
        let asked = try cli.run("ask", "Who was US president in 2019?")
        #expect(asked.stdout.contains("Donald Trump") && !asked.stdout.contains("Joe Biden"))
    }

    @Test("a country's party office is found by the country; the role keys stored with offices are offices")
    func holdersByCountryAndStoredRole() throws {
        let cli = try AskCLITests.demo()
        // The general secretary is the party's office: asked of the country, the party's is found.
        let byCountry = try cli.run(
            "query", "holders", "general_secretary", "--of", "country:vn", "--at", "2020", "--format", "csv")
        #expect(byCountry.status == 0, "\(byCountry.stderr)")
        #expect(byCountry.stdout.contains("Nguyễn Phú Trọng") && byCountry.stdout.contains(",Communist Party of Vietnam,"))
        let byParty = try cli.run("query", "holders", "general_secretary", "--of", "org:cpv", "--at", "2020", "--format", "csv")
        #expect(byParty.stdout == byCountry.stdout)
        // The country's own office comes first: the president of Vietnam is no organisation's.
        let president = try cli.run("query", "holders", "president", "--of", "Vietnam", "--at", "2017", "--format", "csv")
        #expect(president.stdout.contains("Trần Đại Quang") && !president.stdout.contains("Party"))
        // head_of_state and head_of_government are the keys offices are stored with.
        let state = try cli.run("query", "holders", "head_of_state", "--of", "Vietnam", "--at", "2020", "--format", "csv")
        #expect(state.status == 0, "\(state.stderr)")
        #expect(state.stdout.contains("Nguyễn Phú Trọng") && !state.stdout.contains("Nguyễn Xuân Phúc"))
        let government = try cli.run("query", "holders", "head_of_government", "--of", "Vietnam", "--at", "2020")
        #expect(government.status == 0 && government.stdout.contains("Nguyễn Xuân Phúc"), "\(government.stderr)")
        #expect(try cli.run("query", "holders", "head_of_everything").status == 64)
        let asked = try cli.run("ask", "--explain", "Who was head of state of Vietnam in 2020?")
        #expect(asked.stdout.hasPrefix("→ diplo query holders head_of_state --of country:vn --at 2020\n"))
    }

    @Test("relations between two people: the events both took part in, not every event of their countries")
    func relationsBetweenPeople() throws {
        let cli = try AskCLITests.demo()
        func what(_ arguments: String...) throws -> [String] {
            let result = try cli.run(["query", "relations"] + arguments + ["--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
            return rows.map { "\($0["kind"] ?? ""): \($0["what"] ?? "")" }
        }
        #expect(try what("Tô Lâm", "Joe Biden") == ["meeting: Tô Lâm meets Biden in New York"])
        // A person and a country: what the person did with that country.
        let withUS = try what("Tô Lâm", "United States")
        #expect(
            withUS.contains("meeting: Tô Lâm meets Biden in New York") && withUS.contains("visit: Secretary Blinken in Hanoi"))
        #expect(!withUS.contains { $0.contains("Clinton") || $0.hasPrefix("partnership") }, "\(withUS)")
        // Two countries: their partnerships and every event of their people, as before.
        let countries = try what("Vietnam", "United States")
        #expect(countries.contains { $0.hasPrefix("partnership") } && countries.contains { $0.contains("Clinton") })
        let asked = try cli.run("ask", "--explain", "When did Tô Lâm meet Joe Biden?")
        #expect(asked.stdout.hasPrefix("→ diplo query relations person:to-lam person:joe-biden\n"))
    }

    @Test("partnerships of one level show the date that level was reached, the order they come in")
    func partnershipsOfOneLevelShowWhenItWasReached() throws {
        let cli = try AskCLITests.demo()
        let csv = try cli.run(
            "list", "partnerships", "--country", "country:vn", "--kind", "strategic_partnership", "--format", "csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "parties,level,reached,established,history,id")
        let reached = lines.dropFirst().map { $0.split(separator: ",").map(String.init)[2] }
        // Russia was a strategic partner from 2001, a comprehensive strategic one from 2012: 2001 shows.
        #expect(reached == ["2001-03", "2007-07", "2013-09", "2018-03"], "\(reached)")
        #expect(reached == reached.sorted())
        let table = try cli.run("list", "partnerships", "--country", "country:vn", "--kind", "strategic_partnership")
        #expect(table.stdout.hasPrefix("  PARTIES") && table.stdout.contains("REACHED") && !table.stdout.contains("ESTABLISHED"))
        #expect(table.stdout.contains("2001-03") && table.stdout.contains("the order of the list"))
        expectFitsEightyColumns(table, "list partnerships --kind")
        // Without --kind, the partnership's own date.
        let all = try cli.run("list", "partnerships", "--country", "country:vn", "--format", "csv")
        #expect(all.stdout.hasPrefix("parties,level,established,history,id\r\n"))
    }

    @Test("upcoming anniversaries: both claims of a start date, each with its source; rows in the period only")
    func upcoming() throws {
        let cli = try AskCLITests.demo()
        let result = try cli.run("query", "upcoming", "--from", "2025-01-01", "--months", "12", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let dates = rows.compactMap { $0["date"] as? String }
        #expect(dates.allSatisfy { $0.hasPrefix("2025") }, "\(dates)")
        // US–Vietnam relations: 30 years from 1995-07-12 (Vietnam's count) and from 1995-08-05 (the State Department's).
        #expect(dates.contains("2025-07-12") && dates.contains("2025-08-05"))
        #expect(
            rows.allSatisfy {
                [1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 90, 100].contains($0["years"] as? Int ?? 0)
            })
        let japan = try cli.run("query", "upcoming", "--from", "2028-01-01", "--country", "Japan", "--format", "csv")
        #expect(japan.stdout.contains("2028-11-27") && japan.stdout.contains("comprehensive strategic partnership"))
        #expect(!japan.stdout.contains("Cuba"))
    }

    static let hasICalendar: Bool = {
        func has() -> Bool {
            (try? CLI.launch(
                URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import icalendar"],
                in: FileManager.default.temporaryDirectory
            ).status) == 0
        }
        if has() { return true }
        // The test's setup: python's icalendar, installed with pip when it is missing.
        _ = try? CLI.launch(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-m", "pip", "install", "--quiet", "icalendar"],
            in: FileManager.default.temporaryDirectory)
        return has()
    }()

    @Test(
        "--format ics: a real iCalendar parser reads one all-day event each, with the partnership, N and the source",
        .enabled(if: OutsideTools.runs(AskCLITests.hasICalendar), "needs python3 with icalendar (pip install icalendar)"))
    func icsReadBack() throws {
        try OutsideTools.require(AskCLITests.hasICalendar, "python3's icalendar")
        let cli = try AskCLITests.demo()
        let ics = try cli.run("query", "upcoming", "--from", "2025-01-01", "--months", "24", "--format", "ics")
        #expect(ics.status == 0, "\(ics.stderr)")
        #expect(ics.stdout.contains("\r\n"))
        let json = try cli.run("query", "upcoming", "--from", "2025-01-01", "--months", "24", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let file = try cli.write("upcoming.ics", ics.stdout)
        let script = """
            import sys, json, datetime, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            out = []
            for ev in cal.walk('VEVENT'):
                start = ev.decoded('DTSTART'); end = ev.decoded('DTEND')
                assert type(start) is datetime.date and type(end) is datetime.date, (start, end)
                assert (end - start).days == 1
                out.append({'date': start.isoformat(), 'summary': str(ev.get('SUMMARY')), 'description': str(ev.get('DESCRIPTION')), 'uid': str(ev.get('UID'))})
            print(json.dumps(out))
            """
        let parsed = try CLI.launch(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, file], in: cli.folder)
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let events = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String: String]])
        #expect(events.count == rows.count && !events.isEmpty)
        #expect(Set(events.map { $0["uid"]! }).count == events.count)
        for (event, row) in zip(events, rows) {
            let years = row["years"] as! Int
            #expect(event["summary"]!.hasPrefix("\(years) year"))
            #expect(event["description"]!.contains(row["partnership_id"] as! String))
            #expect(event["description"]!.contains("N = \(years)"))
            #expect(event["description"]!.contains("Source: "))
            if let date = row["date"] as? String, date.count == 10 { #expect(event["date"] == date) }
        }
    }

    @Test("an announcement meets its outcome: one event, held, both sources; show says when it was announced and reported held")
    func announcementMeetsOutcome() throws {
        let cli = try AskCLITests.demo()
        let before = try cli.run("query", "unconfirmed", "--as-of", "2024-12-31", "--format", "csv")
        #expect(before.stdout.contains("ev:2024-09-to-lam-state-visit-cuba"))
        let report = try cli.write(
            "held.json",
            """
            {"format": "diplo/1",
             "documents": [{"id": "doc:havana", "title": "To Lam concludes his state visit to Cuba", "published": "2024-09-28"}],
             "entities": [{"id": "person:to-lam", "type": "person", "name": "To Lam"},
                          {"id": "person:diaz-canel", "type": "person", "name": "Miguel Díaz-Canel"},
                          {"id": "country:cu", "type": "country", "name": "Cuba", "iso": "CU"}],
             "events": [{"id": "ev:havana", "kind": "official_visit", "title": "To Lam in Havana", "status": "held",
                         "start": "2024-09-25", "end": "2024-09-27", "location": {"country": "country:cu", "city": "Havana"},
                         "participants": [{"entity": "person:to-lam", "role": "guest"}, {"entity": "person:diaz-canel", "role": "host"}],
                         "sources": [{"document": "doc:havana", "quote": "To Lam concluded his visit to Cuba."}]}]}
            """)
        let imported = try cli.run("import", report)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(summaryCount(imported.stdout, "events") == 0, "\(imported.stdout)")
        let shown = try cli.run("show", "ev:2024-09-to-lam-state-visit-cuba", "--format", "json")
        #expect(shown.status == 0, "\(shown.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let about = try #require(object["event"] as? [[String: Any]])
        #expect(about.contains { $0["field"] as? String == "status" && $0["value"] as? String == "held" })
        let reported = try #require(object["reported"] as? [[String: Any]])
        #expect(reported.contains { $0["said"] as? String == "announced" && $0["when"] as? String == "2024-09-19" })
        #expect(
            reported.contains {
                $0["said"] as? String == "reported held" && $0["when"] as? String == "2024-09-28"
                    && $0["document"] as? String == "doc:havana"
            })
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(Set(sources.compactMap { $0["document"] as? String }).count == 2)
        let after = try cli.run("query", "unconfirmed", "--as-of", "2024-12-31", "--format", "csv")
        #expect(!after.stdout.contains("ev:2024-09-to-lam-state-visit-cuba"))
        #expect(after.stdout.contains("ev:2024-09-to-lam-working-visit-us"), "the US leg stays planned: nothing reported it held")
        // Another country's visit on the same days is another event.
        let other = try cli.write(
            "other.json",
            """
            {"format": "diplo/1", "documents": [{"id": "doc:other", "title": "Other", "published": "2024-09-28"}],
             "entities": [{"id": "person:to-lam", "type": "person", "name": "To Lam"}, {"id": "country:us", "type": "country", "name": "United States", "iso": "US"},
                          {"id": "person:joe-biden", "type": "person", "name": "Joe Biden"}],
             "events": [{"id": "ev:dc", "kind": "state_visit", "title": "To Lam in Washington", "status": "held", "start": "2024-09-24",
                         "location": {"country": "country:cu"},
                         "participants": [{"entity": "person:joe-biden", "role": "guest"}], "sources": [{"document": "doc:other"}]}]}
            """)
        #expect(summaryCount(try cli.run("import", other).stdout, "events") == 1)
    }
}
