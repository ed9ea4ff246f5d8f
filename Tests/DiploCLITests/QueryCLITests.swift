import DiploTestSupport
import Foundation
import Testing

/// Vietnam and the US with the two dates each side gives their relations (each with its source),
/// an upgrade history, a stated anniversary, visits near each date, a visit to Cuba, an organisation.
let relationsFile = """
    {"format": "diplo/1",
     "documents": [{"id": "mofa", "title": "Vietnam's account"}, {"id": "state", "title": "The State Department's account"},
                   {"id": "press", "title": "A press release", "text": "The visit marks ten years of the comprehensive partnership."}],
     "entities": [
      {"id": "vn", "type": "country", "name": "Việt Nam", "names": {"en": "Vietnam"}, "iso": "VN"},
      {"id": "us", "type": "country", "name": "United States", "iso": "US"},
      {"id": "cu", "type": "country", "name": "Cuba", "iso": "CU"},
      {"id": "asean", "type": "organization", "name": "ASEAN", "names": {"vi": "Hiệp hội các quốc gia Đông Nam Á"}},
      {"id": "un", "type": "organization", "name": "United Nations"},
      {"id": "trong", "type": "person", "name": "Nguyễn Phú Trọng", "country": "vn"},
      {"id": "kerry", "type": "person", "name": "John Kerry", "country": "us"},
      {"id": "biden", "type": "person", "name": "Joe Biden", "country": "us"}
     ],
     "events": [
      {"id": "trong-2015", "kind": "official_visit", "title": "Trong in Washington", "status": "held", "start": "2015-07-01", "end": "2015-07-03",
       "location": {"country": "us"}, "participants": [{"entity": "trong", "role": "guest"}]},
      {"id": "kerry-2015", "kind": "official_visit", "title": "Kerry in Hanoi", "status": "held", "start": "2015-08-20",
       "location": {"country": "vn"}, "participants": [{"entity": "kerry", "role": "guest"}]},
      {"id": "biden-2023", "kind": "state_visit", "title": "Biden in Hanoi", "status": "held", "start": "2023-09-10", "end": "2023-09-11",
       "location": {"country": "vn"}, "participants": [{"entity": "biden", "role": "guest"}],
       "sources": [{"document": "press", "quote": "The visit marks ten years of the comprehensive partnership."}]},
      {"id": "trong-cuba", "kind": "state_visit", "title": "Trong in Havana", "status": "held", "start": "2012-04-09",
       "location": {"country": "cu"}, "participants": [{"entity": "trong", "role": "guest"}]}
     ],
     "partnerships": [
      {"id": "rel", "parties": ["vn", "us"], "level": "diplomatic_relations",
       "history": [{"level": "diplomatic_relations", "date": "1995-07-12", "sources": [{"document": "mofa", "note": "Vietnam counts from 12 July"}]},
                   {"level": "diplomatic_relations", "date": "1995-08-05", "sources": [{"document": "state", "note": "the US counts from 5 August"}]}]},
      {"id": "csp", "parties": ["vn", "us"], "level": "comprehensive_strategic_partnership", "established": "2023-09-10",
       "history": [{"level": "comprehensive_partnership", "date": "2013-07-25"}]}
     ],
     "anniversaries": [{"event": "biden-2023", "partnership": "csp", "years": 10, "stated": true,
       "sources": [{"document": "press", "quote": "The visit marks ten years of the comprehensive partnership."}]}]
    }
    """

/// The questions people ask: anniversaries, relations, visits, lists, and the demo that asks them.
@Suite struct QueryCLITests {
    func imported(_ file: String = relationsFile) throws -> CLI {
        let cli = try CLI()
        let result = try cli.run("import", try cli.write("relations.json", file))
        #expect(result.status == 0, "\(result.stderr)")
        return cli
    }

    func rows(_ result: CLI.Result) throws -> [[String: Any]] {
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    @Test func anniversariesStatedAndComputedOneForEachClaim() throws {
        let cli = try imported()
        let all = try rows(try cli.run("query", "anniversaries", "--format", "json"))
        let byEvent = Dictionary(grouping: all) { $0["event_id"] as? String ?? "" }
        // Each side's date of the relations gives its own row, with its own source.
        let trong = try #require(byEvent["trong-2015"]?.first)
        #expect(byEvent["trong-2015"]?.count == 1)
        #expect(trong["how"] as? String == "computed" && trong["years"] as? Int == 20)
        #expect(trong["anniversary"] as? String == "2015-07-12" && trong["established"] as? String == "1995-07-12")
        #expect(trong["source"] as? String == "Vietnam counts from 12 July")
        let kerry = try #require(byEvent["kerry-2015"]?.first)
        #expect(kerry["how"] as? String == "computed" && kerry["anniversary"] as? String == "2015-08-05")
        #expect(kerry["source"] as? String == "the US counts from 5 August")
        // The stated one counts from the level it names, and is not listed again as computed.
        let biden = try #require(byEvent["biden-2023"])
        #expect(biden.count == 1)
        #expect(biden.first?["how"] as? String == "stated" && biden.first?["years"] as? Int == 10)
        #expect(biden.first?["level"] as? String == "comprehensive_partnership")
        #expect(biden.first?["anniversary"] as? String == "2023-07-25")
        #expect(byEvent["trong-cuba"] == nil)
        #expect(all.count == 3)

        // --from and --to select by the event's dates.
        let upTo = try rows(try cli.run("query", "anniversaries", "--to", "2015-07-31", "--format", "json"))
        #expect(upTo.compactMap { $0["event_id"] as? String } == ["trong-2015"])
        let from = try rows(try cli.run("query", "anniversaries", "--from", "2015-08", "--to", "2015-12", "--format", "json"))
        #expect(from.compactMap { $0["event_id"] as? String } == ["kerry-2015"])
        // A narrower window drops the computed rows, never the stated one.
        let narrow = try rows(try cli.run("query", "anniversaries", "--window", "5", "--format", "json"))
        #expect(Set(narrow.compactMap { $0["event_id"] as? String }) == ["biden-2023"])
        #expect(try cli.run("query", "anniversaries", "--window", "-3").status == 64)

        // CSV carries every field JSON does, under the same names.
        let csv = CSVText.rows(try cli.run("query", "anniversaries", "--format", "csv").stdout)
        let header = try #require(csv.first)
        #expect(Set(header) == Set(all.first?.keys.map { $0 } ?? []))
        for field in [
            "event", "parties", "level", "years", "anniversary", "established", "how", "source", "event_id", "partnership_id",
        ] {
            #expect(header.contains(field), "\(field) missing from \(header)")
        }
        let row = try #require(csv.dropFirst().first { $0[header.firstIndex(of: "event_id")!] == "kerry-2015" })
        func value(_ name: String) -> String { row[header.firstIndex(of: name)!] }
        #expect(value("partnership_id") == "rel" && value("years") == "20" && value("how") == "computed")
        #expect(value("anniversary") == "2015-08-05" && value("source") == "the US counts from 5 August")
        #expect(csv.count == all.count + 1)
    }

    @Test func relationsGiveEveryStepAndTheEventsOfBothSidesInOrder() throws {
        let cli = try imported()
        let result = try cli.run("query", "relations", "Viet Nam", "United States", "--format", "json")
        let items = try rows(result)
        let dates = items.compactMap { $0["date"] as? String }
        #expect(dates.count == items.count)
        // Oldest first.
        #expect(dates == dates.sorted(), "\(dates)")
        // Both claims of the relations, every level, and the visits between the two sides; Cuba's visit is none of them.
        let partnershipDates = items.filter { $0["kind"] as? String == "partnership" }.compactMap { $0["date"] as? String }
        #expect(partnershipDates == ["1995-07-12", "1995-08-05", "2013-07-25", "2023-09-10"])
        let events = items.filter { $0["kind"] as? String != "partnership" }.compactMap { $0["what"] as? String }
        #expect(events == ["Trong in Washington", "Kerry in Hanoi", "Biden in Hanoi"])
        #expect(items.first?["detail"] as? String == "Vietnam counts from 12 July")
        // A person stands for themselves: what John Kerry did with Vietnam, not every event of the US.
        let byPerson = try rows(try cli.run("query", "relations", "John Kerry", "Vietnam", "--format", "json"))
        #expect(byPerson.compactMap { $0["what"] as? String } == ["Kerry in Hanoi"], "\(byPerson)")
        let table = try cli.run("query", "relations", "vn", "us")
        #expect(table.status == 0 && table.stdout.contains("Việt Nam") && table.stdout.contains("United States"))
        #expect(try cli.run("query", "relations", "Vietnam", "Nobody At All").status == 1)
        #expect(try cli.run("query", "relations", "Vietnam").status == 64)
    }

    @Test func visitsNewestFirstBetweenTheirDates() throws {
        let cli = try imported()
        func ids(_ arguments: String...) throws -> [String] {
            let titles = try rows(try cli.run(["query", "visits", "--format", "json"] + arguments)).compactMap {
                $0["title"] as? String
            }
            return titles
        }
        #expect(try ids() == ["Biden in Hanoi", "Kerry in Hanoi", "Trong in Washington", "Trong in Havana"])
        // --from keeps visits that end on or after it, --until those that start on or before it.
        #expect(try ids("--from", "2015-07-03") == ["Biden in Hanoi", "Kerry in Hanoi", "Trong in Washington"])
        #expect(try ids("--from", "2015-07-04") == ["Biden in Hanoi", "Kerry in Hanoi"])
        #expect(try ids("--until", "2015-08-20") == ["Kerry in Hanoi", "Trong in Washington", "Trong in Havana"])
        #expect(try ids("--from", "2015", "--until", "2015-12") == ["Kerry in Hanoi", "Trong in Washington"])
        #expect(try ids("--by", "Vietnam", "--from", "2013") == ["Trong in Washington"])
        #expect(try ids("--to", "Vietnam") == ["Biden in Hanoi", "Kerry in Hanoi"])
        #expect(try cli.run("query", "visits", "--from", "2015-13").status == 64)
    }

    @Test func listOrganizationsAndDates() throws {
        let cli = try imported()
        let organizations = try rows(try cli.run("list", "organizations", "--format", "json"))
        #expect(Set(organizations.compactMap { $0["name"] as? String }) == ["ASEAN", "United Nations"])
        #expect(try cli.run("list", "organizations").stdout.contains("ASEAN"))
        func events(_ arguments: String...) throws -> Set<String> {
            Set(try rows(try cli.run(["list", "events", "--format", "json"] + arguments)).compactMap { $0["id"] as? String })
        }
        #expect(try events("--from", "2015", "--to", "2015-07-31") == ["trong-2015"])
        // An event that spans the bound is kept: Biden's visit ends on the 11th.
        #expect(try events("--from", "2023-09-11") == ["biden-2023"])
        #expect(try events("--to", "2015-07-01") == ["trong-2015", "trong-cuba"])
        #expect(try events("--from", "2030").isEmpty)
        let partnerships = try rows(try cli.run("list", "partnerships", "--from", "2020", "--format", "json"))
        #expect(partnerships.count <= 2)
    }

    /// Every table fits an 80-column terminal, counted as a terminal counts: wide characters take
    /// two columns, combining marks none. The fixture has long CJK names and decomposed diacritics.
    @Test func everyTableFitsEightyColumns() throws {
        let cli = try imported()
        let wide = """
            {"format": "diplo/1", "documents": [{"id": "xinhua", "title": "新华社"}],
             "entities": [
              {"id": "cn", "type": "country", "name": "中华人民共和国", "names": {"en": "China"}, "iso": "CN"},
              {"id": "xi", "type": "person", "name": "习近平", "names": {"vi": "Tập Cận Bình"}, "country": "cn",
               "offices": [{"title": "中华人民共和国主席、中国共产党中央委员会总书记、中央军事委员会主席", "of": "cn", "start": "2013-03-14"}]},
              {"id": "lam", "type": "person", "name": "To\u{0302} La\u{0302}m Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam", "country": "vn"}
             ],
             "events": [{"id": "xi-2023", "kind": "state_visit", "title": "习近平对越南进行国事访问并同越共中央总书记举行会谈，双方宣布构建具有战略意义的命运共同体",
               "status": "held", "start": "2023-12-12", "end": "2023-12-13", "location": {"country": "vn", "city": "河内"},
               "participants": [{"entity": "xi", "role": "guest"}, {"entity": "lam", "role": "host"}],
               "sources": [{"document": "xinhua", "quote": "习近平抵达河内，开始对越南进行国事访问。这是他第三次以中共中央总书记身份访问越南，也是时隔六年再次访问越南。"}]}],
             "partnerships": [{"id": "cn-vn", "parties": ["cn", "vn"], "level": "comprehensive_strategic_partnership", "established": "2008-05"}]}
            """
        #expect(try cli.run("import", try cli.write("wide.json", wide)).status == 0)
        let note = try cli.write("note.txt", meetingNote)
        for arguments in [
            ["list", "events"], ["list", "persons"], ["list", "partnerships"], ["list", "countries"],
            ["list", "organizations"], ["query", "anniversaries"], ["query", "visits"], ["query", "timeline", "xi"],
            ["query", "relations", "cn", "vn"], ["query", "relations", "vn", "us"], ["show", "xi", "--sources"],
            ["show", "lam", "--sources"], ["search", "hanoi"], ["query", "neighbors", "xi", "--depth", "2"],
            ["import", note, "--dry-run"],
        ] {
            expectFitsEightyColumns(try cli.run(arguments), arguments.joined(separator: " "))
        }
    }

    @Test func theColumnCounterCountsAsATerminalDoes() {
        #expect(terminalColumns("Tô Lâm") == 6)
        #expect(terminalColumns("To\u{0302} La\u{0302}m") == 6)
        #expect(terminalColumns("习近平") == 6)
        #expect(terminalColumns("ｈｉ") == 4)
        #expect(terminalColumns("a\u{200F}b") == 2)
        #expect(terminalColumns("😀") == 2)
    }
}

/// `diplo demo`: a fresh database from SampleData, and the answers of the commands it names.
@Suite struct DemoTests {
    static let sampleData = CLI.projectRoot.appendingPathComponent("SampleData").path

    /// The demo's output cut at its headings ("== ..."): the text under each.
    func sections(_ output: String) -> [String: String] {
        var result: [String: String] = [:]
        var current: String?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("== ") {
                current = String(line.dropFirst(3))
                result[current!] = ""
            } else if let current {
                result[current]! += line + "\n"
            }
        }
        return result
    }

    @Test func demoAnswersWithWhatItsCommandsAnswerEvenOverAnExistingDatabase() throws {
        let cli = try CLI()
        // An existing database with other facts: the demo makes it anew.
        #expect(try cli.run(["import", try cli.write("other.json", relationsFile)], database: "demo.sqlite").status == 0)
        let result = try cli.run("demo", "--db", cli.path("demo.sqlite"), "--sample-data", DemoTests.sampleData)
        #expect(result.status == 0, "\(result.stderr)")
        func diplo(_ arguments: String...) throws -> CLI.Result { try cli.run(arguments, database: "demo.sqlite") }
        #expect(try diplo("show", "Kerry in Hanoi").status == 1, "the demo kept the database's old facts")
        let fresh = try CLI()
        #expect(try fresh.run("demo", "--db", fresh.path("demo.sqlite"), "--sample-data", DemoTests.sampleData).status == 0)
        #expect(try diplo("export").stdout == (try fresh.run(["export"], database: "demo.sqlite").stdout))

        let parts = sections(result.stdout)
        #expect(parts.count == 4, "\(parts.keys)")
        // The question in plain words: what `diplo ask` prints for it.
        let question = try #require(parts.first { $0.key.contains("plain words") }?.value)
        let asked = try diplo("ask", "Ai đã thăm Việt Nam năm 2023?")
        #expect(asked.status == 0 && question.contains(asked.stdout), "the demo's question is not `diplo ask`")
        #expect(question.contains("Xi Jinping"))
        // Each answer is what the command it names prints.
        let profile = try #require(parts.first { $0.key.hasPrefix("Everything about") }?.value)
        let show = try diplo("show", "To Lam")
        #expect(!show.stdout.isEmpty && profile.contains(show.stdout), "the demo's profile is not `diplo show \"To Lam\"`")
        let history = try #require(parts.first { $0.key.contains("relations") }?.value)
        let relations = try diplo("query", "relations", "Vietnam", "United States")
        #expect(
            !relations.stdout.isEmpty && history.contains(relations.stdout), "the demo's history is not `diplo query relations`")
        // The anniversaries: every visit `query anniversaries` finds, with its date, stated or computed.
        let answer = try #require(parts.first { $0.key.contains("anniversary") }?.value)
        let events =
            try JSONSerialization.jsonObject(with: Data(try diplo("list", "events", "--format", "json").stdout.utf8))
            as? [[String: Any]] ?? []
        let kinds = Dictionary(events.map { ($0["id"] as? String ?? "", $0["kind"] as? String ?? "") }) { a, _ in a }
        let visitKinds: Set<String> = ["trip", "state_visit", "official_visit", "working_visit", "visit"]
        let matches =
            try JSONSerialization.jsonObject(with: Data(try diplo("query", "anniversaries", "--format", "json").stdout.utf8))
            as? [[String: Any]] ?? []
        let visits = matches.filter { visitKinds.contains(kinds[$0["event_id"] as? String ?? ""] ?? "") }
        #expect(visits.count >= 2)
        #expect(visits.contains { $0["how"] as? String == "stated" } && visits.contains { $0["how"] as? String == "computed" })
        for match in visits {
            let title = match["event"] as? String ?? ""
            let date = match["anniversary"] as? String ?? ""
            #expect(answer.contains(title) && answer.contains("(\(date))"), "\(title) (\(date)) missing from the demo")
        }
        let answered = answer.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
        #expect(answered.count == visits.count, "\(answered)")
    }

    /// Installed as `make install` lays it out and run through PATH, from a folder with no
    /// SampleData and no source tree beside it, the demo finds the sample data installed with it.
    @Test func demoFromAnInstalledCopy() throws {
        let cli = try CLI()
        let prefix = cli.folder.appendingPathComponent("prefix")
        let files = FileManager.default
        try files.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try files.createDirectory(at: prefix.appendingPathComponent("share/diplo"), withIntermediateDirectories: true)
        try files.copyItem(at: CLI.binary, to: prefix.appendingPathComponent("bin/diplo"))
        try files.copyItem(atPath: DemoTests.sampleData, toPath: prefix.appendingPathComponent("share/diplo/SampleData").path)
        let elsewhere = cli.folder.appendingPathComponent("work")
        try files.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let path =
            prefix.appendingPathComponent("bin").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try CLI.launch(
            URL(fileURLWithPath: "/usr/bin/env"), ["diplo", "demo"], in: elsewhere, environment: ["PATH": path])
        #expect(result.status == 0, "\(result.stderr)")
        let firstLine = result.stdout.split(separator: "\n").first ?? ""
        let installed = prefix.appendingPathComponent("share/diplo/SampleData").standardizedFileURL.path
        let used = String(firstLine.split(separator: " from ").last ?? "").trimmingCharacters(in: CharacterSet(charactersIn: ":"))
        #expect(
            URL(fileURLWithPath: used).standardizedFileURL.resolvingSymlinksInPath().path
                == URL(fileURLWithPath: installed).resolvingSymlinksInPath().path, "\(firstLine)")
        #expect(files.fileExists(atPath: elsewhere.appendingPathComponent("diplo-demo.sqlite").path))
    }
}
