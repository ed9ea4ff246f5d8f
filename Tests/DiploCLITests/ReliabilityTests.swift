import Foundation
import Testing

/// What a command may touch: only `init` and `import` create or migrate a database; every other
/// command opens it read-only, works where the file or its folder cannot be written, and leaves
/// a file that is not a Diplo database byte for byte as it was.
@Suite struct ReadOnlyTests {
    static let readCommands: [[String]] = [
        ["show", "Vietnam"], ["list", "events"], ["search", "lam"], ["query", "visits"], ["query", "anniversaries"],
        ["query", "timeline", "Vietnam"], ["export", "--format", "json"],
    ]

    @Test func readCommandsLeaveAnotherProgramsSQLiteFileAsItWas() throws {
        let cli = try CLI()
        let other = cli.path("other.sqlite")
        _ = try CLI.launch(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "-c",
                "import sqlite3; c = sqlite3.connect('other.sqlite'); c.execute('CREATE TABLE entities (x)'); c.commit()",
            ],
            in: cli.folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect(!before.isEmpty)
        for command in ReadOnlyTests.readCommands + [["import", "--dry-run", "-"], ["init"]] {
            let result = try cli.run(
                command, stdin: "Talks\n\nThe two ministers held talks in Hanoi on May 3, 2024.\n", database: "other.sqlite")
            #expect(result.status == 1, "\(command)")
            let lines = result.stderr.split(separator: "\n")
            #expect(
                lines.count == 1 && lines[0].contains(other) && lines[0].contains("not a Diplo"), "\(command): \(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before, "\(command) changed the file")
        }
        #expect(!FileManager.default.fileExists(atPath: other + "-wal"))
    }

    @Test func readCommandsCreateNothingAndRefuseAnEmptyFile() throws {
        let cli = try CLI()
        for command in ReadOnlyTests.readCommands {
            let missing = try cli.run(command, database: "missing.sqlite")
            #expect(missing.status == 1 && missing.stderr.contains("missing.sqlite"), "\(command)")
            #expect(!FileManager.default.fileExists(atPath: cli.path("missing.sqlite")), "\(command) created the database")
        }
        #expect(FileManager.default.createFile(atPath: cli.path("empty.sqlite"), contents: Data()))
        let empty = try cli.run(["show", "Vietnam"], database: "empty.sqlite")
        #expect(empty.status == 1 && empty.stderr.contains("empty.sqlite"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("empty.sqlite"))).isEmpty)
    }

    @Test func aFileThatIsNotSQLiteIsNamedInOneSentence() throws {
        let cli = try CLI()
        let text = try cli.write("notes.sqlite", "These are someone's notes, not a database.\n")
        for command in ReadOnlyTests.readCommands + [["import", "-"]] {
            let result = try cli.run(
                command, stdin: "Talks\n\nTalks were held in Hanoi on May 3, 2024.\n", database: "notes.sqlite")
            #expect(result.status == 1, "\(command)")
            #expect(
                result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(text), "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("SQLite error"), "\(command): \(result.stderr)")
        }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "These are someone's notes, not a database.\n")
    }

    /// As another user than root (who may write anywhere), where this machine has one.
    @Test func aDatabaseInAFolderThatCannotBeWrittenCanStillBeRead() throws {
        let cli = try CLI()
        #expect(try cli.run("demo").status == 0)
        let folder = cli.folder.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("kb.sqlite").path
        try FileManager.default.copyItem(atPath: cli.path("diplo-demo.sqlite"), toPath: database)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: database)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        func asAnotherUser(_ arguments: [String]) throws -> CLI.Result? {
            guard getuid() == 0 else { return try CLI.launch(CLI.binary, arguments + ["--db", database], in: folder) }
            guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else { return nil }
            let command = ([CLI.binary.path] + arguments + ["--db", database]).map { "'\($0)'" }.joined(separator: " ")
            return try CLI.launch(
                URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", "nobody", "--", "/bin/sh", "-c", command], in: folder)
        }
        guard let shown = try asAnotherUser(["show", "Vietnam"]) else {
            print("skipped: no runuser on this machine to read the database as another user than root")
            return
        }
        #expect(shown.status == 0 && shown.stdout.contains("Vietnam"), "\(shown.stderr)")
        let written = try asAnotherUser(["import", "-"])
        #expect(written?.status == 1)
        #expect(
            written?.stderr.contains("read-only") == true && written?.stderr.contains(database) == true,
            "\(written?.stderr ?? "")")
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
    }
}

/// Hostile and odd input: each refused in one sentence that names the file and place, exit 1,
/// the database unchanged; what can be read still lands.
@Suite struct HostileInputTests {
    func entityCount(_ cli: CLI) throws -> Int {
        let listed = try cli.run("list", "persons", "--format", "csv")
        return listed.stdout.split(separator: "\r\n").count - 1
    }

    @Test func controlCharactersAndNamesWithoutLettersAreRefusedByTheirPlace() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let cases: [(json: String, place: String)] = [
            (
                #"{"format": "diplo/1", "entities": [{"id": "person:x\u0000y", "type": "person", "name": "X Y"}]}"#,
                "entities[0].id"
            ),
            (
                #"{"format": "diplo/1", "entities": [{"id": "p1", "type": "person", "name": "Ann\u0007 Lee"}]}"#,
                "entities[0].name"
            ),
            (#"{"format": "diplo/1", "entities": [{"id": "p1", "type": "person", "name": "?!.."}]}"#, "entities[0].name"),
            (
                #"{"format": "diplo/1", "entities": [{"id": "p1", "type": "person", "name": "Ann Lee", "aliases": ["--"]}]}"#,
                "entities[0].aliases[0]"
            ),
        ]
        for (i, item) in cases.enumerated() {
            let file = try cli.write("bad\(i).json", item.json)
            let result = try cli.run("import", file)
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains(file) && lines[0].contains(item.place), "\(result.stderr)")
        }
        #expect(try entityCount(cli) == 0)
    }

    @Test func standardInputStopsAtTheLimitAndPathsThatNeverEndAreNamed() throws {
        let cli = try CLI()
        // Twenty MiB of zeros on standard input: stopped at 16 MiB, with the sentence a large file gets.
        let zeros = try CLI.launch(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "head -c 20971520 /dev/zero | '\(CLI.binary.path)' import - --dry-run"],
            in: cli.folder)
        #expect(
            zeros.status == 1 && zeros.stderr.contains("<stdin>") && zeros.stderr.contains("16 MiB at most"), "\(zeros.stderr)")
        let device = try cli.run("import", "/dev/zero")
        #expect(device.status == 1 && device.stderr.contains("/dev/zero") && device.stderr.contains("device"), "\(device.stderr)")
        let fifo = cli.path("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        let piped = try cli.run("import", fifo)
        #expect(piped.status == 1 && piped.stderr.contains(fifo) && piped.stderr.contains("pipe"), "\(piped.stderr)")
    }

    @Test func foldersNameWhatTheySkipAndImportTheRest() throws {
        let cli = try CLI()
        let files = FileManager.default
        let folder = cli.folder.appendingPathComponent("press")
        try files.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try files.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let document =
            "Talks in Hanoi\n\nForeign Minister Anna Berg of Sweden held talks with her counterpart in Hanoi on May 3, 2024.\n"
        try document.write(to: folder.appendingPathComponent("sub/talks.txt"), atomically: true, encoding: .utf8)
        // A link back up (a loop), a link to nothing, and a folder reached through a link.
        try files.createSymbolicLink(atPath: folder.appendingPathComponent("sub/loop").path, withDestinationPath: folder.path)
        try files.createSymbolicLink(
            atPath: folder.appendingPathComponent("broken.txt").path, withDestinationPath: "/nonexistent/file.txt")
        try files.createSymbolicLink(atPath: cli.path("linked"), withDestinationPath: folder.path)
        let result = try cli.run("import", cli.path("linked"))
        #expect(result.status == 1, "a skipped path makes the import exit 1")
        #expect(result.stdout.contains("talks.txt") && summaryCount(result.stdout, "documents") == 1, "\(result.stdout)")
        #expect(result.stderr.contains("broken.txt") && result.stderr.contains("link to nothing"), "\(result.stderr)")
        #expect(result.stderr.contains("loop"), "\(result.stderr)")
        let nothing = try cli.run("import", folder.appendingPathComponent("empty").path)
        #expect(nothing.status == 1 && nothing.stderr.contains("no file to import"), "\(nothing.stderr)")
    }

    @Test func walksStopWhenNothingNewIsFoundAndSearchHasABound() throws {
        let cli = try CLI()
        #expect(try cli.run("demo").status == 0)
        let database = cli.path("diplo-demo.sqlite")
        let deep = try CLI.launch(
            CLI.binary, ["query", "neighbors", "Vietnam", "--depth", "1000000000", "--db", database], in: cli.folder)
        #expect(deep.status == 0 && deep.stdout.contains("Linked to"), "\(deep.stderr)")
        let around = try CLI.launch(
            CLI.binary, ["export", "--format", "json", "--around", "Vietnam", "--depth", "1000000000", "--db", database],
            in: cli.folder)
        #expect(around.status == 0, "\(around.stderr)")
        let words = Array(repeating: "lam", count: 5_000).joined(separator: " ")
        let search = try CLI.launch(CLI.binary, ["search", words, "--db", database], in: cli.folder)
        #expect(search.status == 64 && search.stderr.contains("at most"), "\(search.stderr)")
    }
}

/// Several writers at once: each waits its turn, none is lost.
@Suite struct ConcurrentWriterTests {
    /// An interchange file of `events` events between two countries of its own, ids prefixed by `tag`.
    static func interchange(tag: String, events: Int) -> String {
        let entities = """
            {"id": "\(tag)-a", "type": "country", "name": "Country \(tag) A"}, {"id": "\(tag)-b", "type": "country", "name": "Country \(tag) B"}
            """
        let list = (0..<events).map { i in
            """
            {"id": "\(tag)-e\(i)", "kind": "talks", "title": "Talks \(tag) \(i)", "status": "held", "start": "2020-01-01",
             "participants": [{"entity": "\(tag)-a", "role": "host"}, {"entity": "\(tag)-b", "role": "guest"}]}
            """
        }
        return #"{"format": "diplo/1", "entities": ["# + entities + #"], "events": ["# + list.joined(separator: ",\n") + "]}"
    }

    @Test func fourImportsAtOnceAllLand() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let files = try (0..<4).map {
            try cli.write("part\($0).json", ConcurrentWriterTests.interchange(tag: "w\($0)", events: 2_000))
        }
        let results = try files.map { file -> (Process, Pipe) in
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["import", file]
            process.environment = ProcessInfo.processInfo.environment.merging(["DIPLO_DB": cli.path("kb.sqlite")]) { $1 }
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return (process, errors)
        }.map { process, errors -> (Int32, String) in
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        for (status, errors) in results {
            #expect(status == 0, "\(errors)")
            #expect(!errors.contains("locked") && !errors.contains("busy"), "\(errors)")
        }
        let listed = try cli.run("list", "events", "--format", "csv")
        #expect(listed.stdout.split(separator: "\r\n").count - 1 == 4 * 2_000)
    }
}

/// Messages that say what happened and what to do, in one sentence, exit 1.
@Suite struct MessageTests {
    @Test func outputThatCannotBeWrittenExitsOne() throws {
        let cli = try CLI()
        #expect(try cli.run("demo").status == 0)
        let database = cli.path("diplo-demo.sqlite")
        for command in ["list events", "show Vietnam", "export --format json"] {
            let result = try CLI.launch(
                URL(fileURLWithPath: "/bin/sh"), ["-c", "'\(CLI.binary.path)' \(command) --db '\(database)' > /dev/full"],
                in: cli.folder)
            #expect(result.status == 1, "\(command)")
            #expect(
                result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("could not be written"),
                "\(command): \(result.stderr)")
        }
        // Exported to a device, the device is written to, never replaced by a file.
        let device = try CLI.launch(
            CLI.binary, ["export", "--format", "graphml", "-o", "/dev/full", "--db", database], in: cli.folder)
        #expect(
            device.status == 1 && device.stderr.contains("/dev/full") && device.stderr.contains("could not be written"),
            "\(device.stderr)")
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func aNumberTooLargeIsPlacedAndUTF16TextIsRead() throws {
        let cli = try CLI()
        let json = try cli.write(
            "big.json",
            """
            {"format": "diplo/1",
             "events": [{"id": "e1", "kind": "talks", "title": "Talks", "sources": [{"document": "d", "start": 123456789012345678901234}]}]}
            """)
        let big = try cli.run("import", json)
        #expect(big.status == 1 && big.stderr.contains("line 2, column") && big.stderr.contains("too large"), "\(big.stderr)")
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(
            "Talks in Hanoi\n\nForeign Minister Anna Berg of Sweden held talks in Hanoi on May 3, 2024.\n".data(
                using: .utf16LittleEndian)!)
        let path = cli.path("utf16.txt")
        try utf16.write(to: URL(fileURLWithPath: path))
        let read = try cli.run("import", path, "--dry-run", "--format", "json")
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("Anna Berg"))
    }
}

/// `kill -9` in the middle of an import: the database stays sound, holds whole documents only,
/// and importing again completes it.
@Suite struct KilledImportTests {
    @Test(arguments: [0.15, 0.4, 0.9])
    func aKilledImportLeavesWholeDocumentsAndARerunCompletesIt(after delay: Double) throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let folder = cli.folder.appendingPathComponent("parts")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let documents = 12
        let events = 600
        for part in 0..<documents {
            try ConcurrentWriterTests.interchange(tag: "k\(part)", events: events)
                .write(
                    to: folder.appendingPathComponent(String(format: "part%02d.json", part)), atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["import", folder.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["DIPLO_DB": cli.path("kb.sqlite")]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        func eventsByDocument() throws -> [String: Int] {
            let check = try CLI.launch(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "python3", "-c",
                    """
                    import sqlite3, json, sys
                    db = sqlite3.connect(sys.argv[1])
                    ok = db.execute('PRAGMA integrity_check').fetchone()[0]
                    counts = dict(db.execute("SELECT substr(id, 1, instr(id, '-') - 1), count(*) FROM events GROUP BY 1").fetchall())
                    print(json.dumps({'integrity': ok, 'counts': counts}))
                    """, cli.path("kb.sqlite"),
                ], in: cli.folder)
            let object = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any] ?? [:]
            #expect(object["integrity"] as? String == "ok", "\(check.stdout) \(check.stderr)")
            return object["counts"] as? [String: Int] ?? [:]
        }
        let partial = try eventsByDocument()
        #expect(partial.values.allSatisfy { $0 == events }, "a document landed in part: \(partial)")
        let rerun = try cli.run("import", folder.path)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let complete = try eventsByDocument()
        #expect(complete.count == documents && complete.values.allSatisfy { $0 == events }, "\(complete)")
    }
}

/// A disk that fills up during an import: the import rolls back, says so in one sentence, and
/// what was there before is intact.
@Suite struct FullDiskTests {
    @Test func anImportOntoAFullDiskRollsBackInOneSentence() throws {
        let cli = try CLI()
        let mountPoint = cli.folder.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let mounted = try CLI.launch(
            URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint.path],
            in: cli.folder)
        guard mounted.status == 0 else {
            print(
                "skipped: no small tmpfs can be mounted here (\(mounted.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        defer { _ = try? CLI.launch(URL(fileURLWithPath: "/bin/umount"), [mountPoint.path], in: cli.folder) }
        let database = mountPoint.appendingPathComponent("kb.sqlite").path
        let small = try cli.write("small.json", ConcurrentWriterTests.interchange(tag: "s", events: 10))
        #expect(try CLI.launch(CLI.binary, ["import", small, "--db", database], in: cli.folder).status == 0)
        let large = try cli.write("large.json", ConcurrentWriterTests.interchange(tag: "l", events: 20_000))
        let full = try CLI.launch(CLI.binary, ["import", large, "--db", database], in: cli.folder)
        #expect(full.status == 1)
        let lines = full.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(database) && lines[0].contains("full"), "\(full.stderr)")
        let listed = try CLI.launch(CLI.binary, ["list", "events", "--format", "csv", "--db", database], in: cli.folder)
        #expect(listed.status == 0 && listed.stdout.split(separator: "\r\n").count - 1 == 10, "\(listed.stderr)")
    }
}
