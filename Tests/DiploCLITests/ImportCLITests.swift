import Foundation
import Testing

/// A short press release the reader turns into one meeting.
let meetingNote = """
    Tiếp Đại sứ

    Chiều 11/3/2024, tại Hà Nội, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Hàn Quốc Choi Young-sam.
    """

/// Another, in English, about other people: talks.
let talksNote = """
    Talks in Hanoi

    Prime Minister Pham Minh Chinh held talks with Japanese Prime Minister Kishida Fumio in Hanoi on March 10, 2024.
    """

/// `diplo import`: what lands, what is refused, and what a dry run leaves behind (nothing).
@Suite struct ImportCLITests {
    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// The database file and the files SQLite keeps beside it.
    func databaseFiles(_ cli: CLI, _ name: String = "kb.sqlite") -> [String] {
        ["", "-wal", "-shm", "-journal"].map { cli.path(name + $0) }.filter(exists)
    }

    func eventIDs(_ cli: CLI) throws -> Set<String> {
        let result = try cli.run("list", "events", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        return Set(rows.compactMap { $0["id"] as? String })
    }

    func errorLines(_ result: CLI.Result) -> [Substring] {
        result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
    }

    @Test func aDryRunCreatesNothingAndChangesNothing() throws {
        let cli = try CLI()
        let json = try cli.write("s.json", sampleFile)
        let note = try cli.write("note.txt", meetingNote)
        // Without a database: what the documents yield, and no database file afterwards.
        let asJSON = try cli.run("import", json, note, "--published", "2024-03-11", "--dry-run", "--format", "json")
        #expect(asJSON.status == 0, "\(asJSON.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(asJSON.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "diplo/1")
        let events = object["events"] as? [[String: Any]] ?? []
        #expect(events.count == 3, "two from the JSON file, the meeting from the note")
        #expect(events.contains { $0["kind"] as? String == "meeting" && $0["start"] as? String == "2024-03-11" })
        let asTable = try cli.run("import", note, "--dry-run")
        #expect(asTable.status == 0 && asTable.stdout.contains("Choi Young-sam"), "\(asTable.stderr)")
        #expect(databaseFiles(cli).isEmpty, "a dry run created \(databaseFiles(cli))")
        #expect(try cli.run("list", "events").status == 1)

        // With one: the knowledge base as it was, to the byte of its export.
        #expect(try cli.run("import", json).status == 0)
        let before = try cli.run("export").stdout
        let rehearsed = try cli.run("import", note, "--published", "2024-03-11", "--dry-run", "--format", "json")
        #expect(rehearsed.status == 0, "\(rehearsed.stderr)")
        #expect(rehearsed.stdout.contains("Choi Young-sam"))
        #expect(try cli.run("export").stdout == before)
        #expect(try eventIDs(cli) == ["e1", "e2"])
    }

    /// Import again: nothing new, said so, and the knowledge base the same, for an interchange file,
    /// a press release and a folder of both.
    @Test func importingTheSameDocumentsAgainChangesNothing() throws {
        let cli = try CLI()
        try FileManager.default.createDirectory(atPath: cli.path("inbox"), withIntermediateDirectories: true)
        let json = try cli.write("inbox/a.json", sampleFile)
        let note = try cli.write("inbox/b.txt", meetingNote)
        let first = try cli.run("import", json, note)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.split(separator: "\n").filter { $0.contains(": imported") }.count == 2, "\(first.stdout)")
        let before = try cli.run("export").stdout
        #expect(try eventIDs(cli).count == 3)
        for paths in [[json], [note], [cli.path("inbox")]] {
            let again = try cli.run(["import"] + paths)
            #expect(again.status == 0, "\(paths): \(again.stderr)")
            let lines = again.stdout.split(separator: "\n")
            #expect(lines.count == (paths == [cli.path("inbox")] ? 2 : 1))
            #expect(lines.allSatisfy { $0.contains("nothing new") }, "\(again.stdout)")
            #expect(try cli.run("export").stdout == before, "\(paths) changed the knowledge base")
        }
    }

    /// The progress line of an import or an export is for a terminal: into a file (as here, even
    /// when it would show at once) standard error holds no line rewritten in place.
    @Test func noProgressLineWhenStandardErrorIsNotATerminal() throws {
        let cli = try CLI()
        let json = try cli.write("a.json", sampleFile)
        let environment = ["DIPLO_DB": cli.path("kb.sqlite"), "DIPLO_PROGRESS_AFTER": "0"]
        for arguments in [["import", json], ["export", "-o", cli.path("out.json")], ["export", "--format", "graphml"]] {
            let result = try CLI.launch(CLI.binary, arguments, in: cli.folder, environment: environment)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("\r") && !result.stderr.contains("\u{1B}"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func severalFilesWhereSomeAreBad() throws {
        let cli = try CLI()
        let good = try cli.write("good.json", sampleFile)
        let broken = try cli.write("broken.json", "{\"format\": \"diplo/1\", \"entities\": [")
        let note = try cli.write("note.txt", meetingNote)
        let empty = try cli.write("empty.txt", "  \n")
        let missing = cli.path("missing.txt")
        let result = try cli.run("import", good, broken, missing, note, empty)
        #expect(result.status == 1)
        // Each bad one named on a line of its own; the good ones named as imported.
        let errors = errorLines(result)
        #expect(errors.count == 3, "\(result.stderr)")
        for bad in [broken, missing, empty] {
            #expect(errors.filter { $0.contains(bad) }.count == 1, "\(bad) not named: \(result.stderr)")
        }
        #expect(result.stdout.contains("\(good): imported") && result.stdout.contains("\(note): imported"), "\(result.stdout)")
        // The good ones landed: the file's two events and the note's meeting.
        let events = try eventIDs(cli)
        #expect(events.count == 3 && events.isSuperset(of: ["e1", "e2"]))
        #expect(try cli.run("show", "Choi Young-sam").status == 0)
    }

    @Test func aFolderImportsItsFilesInOrderAndLeavesOutHiddenOnesAndItsReadme() throws {
        let cli = try CLI()
        let files = FileManager.default
        for folder in ["inbox/2024/march", "inbox/.trash", "inbox/z-empty"] {
            try files.createDirectory(atPath: cli.path(folder), withIntermediateDirectories: true)
        }
        let json = try cli.write("inbox/a.json", sampleFile)
        let nested = try cli.write("inbox/2024/march/talks.txt", talksNote)
        let note = try cli.write("inbox/b.txt", meetingNote)
        // Neither a hidden file nor a file in a hidden folder is read: were they, these would fail.
        _ = try cli.write("inbox/.draft.txt", "\u{0}binary")
        _ = try cli.write("inbox/.trash/old.json", "{ not json")
        let readme = try cli.write(
            "inbox/README.md", "# Inbox\n\nThe press releases of March, as saved from the ministry's site.\n")
        let result = try cli.run("import", cli.path("inbox"))
        #expect(result.status == 0, "\(result.stderr)")
        let imported = result.stdout.split(separator: "\n").map { String($0.prefix { $0 != ":" }) }
        // Every file once, subfolders included, in the order of their paths.
        #expect(imported == [nested, json, note].sorted(), "\(result.stdout)")
        #expect(imported.count == 3)
        #expect(!result.stdout.contains(".draft") && !result.stdout.contains(".trash") && !result.stderr.contains(".trash"))
        // The README is no document: left out, and said so.
        #expect(!result.stdout.contains("README"))
        #expect(result.stderr.contains(readme))
        let search = try cli.run("search", "ministry", "--format", "csv")
        #expect(search.status == 0 && !search.stdout.contains("Inbox") && !search.stdout.contains("README"), "\(search.stdout)")
        // A README named by itself is read as asked.
        #expect(try cli.run("import", readme, "--dry-run").status == 0)
        // The talks of the nested file landed.
        #expect(try cli.run("show", "Kishida Fumio").status == 0)
    }

    @Test func aMissingPathAmongSeveralIsNamedAndTheOthersLand() throws {
        let cli = try CLI()
        let json = try cli.write("a.json", sampleFile)
        let result = try cli.run("import", cli.path("nowhere"), json)
        #expect(result.status == 1)
        #expect(errorLines(result).count == 1 && result.stderr.contains(cli.path("nowhere")), "\(result.stderr)")
        #expect(try eventIDs(cli) == ["e1", "e2"])
    }

    /// Text over 16 MiB is refused before it is read; exactly 16 MiB is not (it is refused here only
    /// for being blank, which is checked next). JSON has no such limit: interchange files of large
    /// knowledge bases import back.
    @Test func theSixteenMiBLimitIsForTextAndItsBoundaryIsExact() throws {
        let cli = try CLI()
        let limit = 16 << 20
        func importBlank(_ size: Int) throws -> CLI.Result {
            let path = cli.path("blank-\(size).txt")
            try Data(repeating: UInt8(ascii: " "), count: size).write(to: URL(fileURLWithPath: path))
            return try cli.run("import", path)
        }
        let atLimit = try importBlank(limit)
        #expect(
            atLimit.status == 1 && atLimit.stderr.contains("the file is empty") && !atLimit.stderr.contains("MiB"),
            "\(atLimit.stderr)")
        let over = try importBlank(limit + 1)
        #expect(over.status == 1 && over.stderr.contains("16 MiB at most") && over.stderr.contains("split it"), "\(over.stderr)")
        #expect(errorLines(over).count == 1)

        var big = Data(sampleFile.utf8)
        big.append(Data(repeating: UInt8(ascii: " "), count: limit + 1024))
        big.append(Data("\n".utf8))
        let path = cli.path("big.json")
        try big.write(to: URL(fileURLWithPath: path))
        let json = try cli.run("import", path)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(try eventIDs(cli) == ["e1", "e2"])
    }

    /// XML that is none of the data sets diplo reads (told by the root element) is refused.
    @Test func anXMLFileIsRefusedInOneSentenceNamingIt() throws {
        let cli = try CLI()
        #expect(try cli.run("import", try cli.write("good.json", sampleFile)).status == 0)
        let before = try cli.run("export").stdout
        let xml = try cli.write("visits.xml", "<?xml version=\"1.0\"?>\n<catalog><visit/></catalog>\n")
        let result = try cli.run("import", xml)
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(xml), "\(result.stderr)")
        #expect(try cli.run("export").stdout == before)
    }

    /// `--db` wins over $DIPLO_DB, which wins over diplo.sqlite in the current folder.
    @Test func theDatabaseIsDbThenTheEnvironmentThenTheDefault() throws {
        let cli = try CLI()
        let file = try cli.write("s.json", sampleFile)
        func run(_ arguments: [String], env: String) throws -> CLI.Result {
            try CLI.launch(CLI.binary, arguments, in: cli.folder, environment: ["DIPLO_DB": env])
        }
        #expect(try run(["import", file, "--db", cli.path("given.sqlite")], env: cli.path("env.sqlite")).status == 0)
        #expect(exists(cli.path("given.sqlite")) && !exists(cli.path("env.sqlite")) && !exists(cli.path("diplo.sqlite")))
        #expect(try run(["import", file], env: cli.path("env.sqlite")).status == 0)
        #expect(exists(cli.path("env.sqlite")) && !exists(cli.path("diplo.sqlite")))
        // An empty $DIPLO_DB is no setting.
        #expect(try run(["import", file], env: "").status == 0)
        #expect(exists(cli.path("diplo.sqlite")))
        // Each read sees its own: --db over the environment.
        try FileManager.default.removeItem(atPath: cli.path("given.sqlite"))
        let read = try run(["list", "persons", "--db", cli.path("given.sqlite")], env: cli.path("env.sqlite"))
        #expect(read.status == 1 && read.stderr.contains(cli.path("given.sqlite")), "\(read.stderr)")
        #expect(try run(["list", "persons"], env: cli.path("env.sqlite")).stdout.contains("Tô Lâm"))
    }

    @Test(
        .enabled(
            if: OutsideTools.runs(ExportTestSupport.hasPython),
            "needs python3 (its sqlite3 module) to write a newer schema version"))
    func aDatabaseFromANewerDiploIsRefused() throws {
        try OutsideTools.require(ExportTestSupport.hasPython, "python3")
        let cli = try CLI()
        #expect(try cli.run("import", try cli.write("s.json", sampleFile)).status == 0)
        let future = try CLI.launch(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "-c",
                """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                db.execute("INSERT INTO schema_migrations (version, name) VALUES (999, '999_future.sql')")
                db.commit()
                """, cli.path("kb.sqlite"),
            ], in: cli.folder)
        #expect(future.status == 0, "\(future.stderr)")
        for arguments in [["list", "persons"], ["import", cli.path("s.json")], ["init"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(
                result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("newer"),
                "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("kb.sqlite") || result.stderr.contains("999"), "\(arguments): \(result.stderr)")
        }
    }
}
