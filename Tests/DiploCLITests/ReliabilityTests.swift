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
        try CLI.launch(URL(fileURLWithPath: "/usr/bin/env"),
                       ["python3", "-c", "import sqlite3; c = sqlite3.connect('other.sqlite'); c.execute('CREATE TABLE entities (x)'); c.commit()"],
                       in: cli.folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect(!before.isEmpty)
        for command in ReadOnlyTests.readCommands + [["import", "--dry-run", "-"], ["init"]] {
            let result = try cli.run(command, stdin: "Talks\n\nThe two ministers held talks in Hanoi on May 3, 2024.\n", database: "other.sqlite")
            #expect(result.status == 1, "\(command)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains(other) && lines[0].contains("not a Diplo"), "\(command): \(result.stderr)")
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
        FileManager.default.createFile(atPath: cli.path("empty.sqlite"), contents: Data())
        let empty = try cli.run(["show", "Vietnam"], database: "empty.sqlite")
        #expect(empty.status == 1 && empty.stderr.contains("empty.sqlite"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("empty.sqlite"))).isEmpty)
    }

    @Test func aFileThatIsNotSQLiteIsNamedInOneSentence() throws {
        let cli = try CLI()
        let text = try cli.write("notes.sqlite", "These are someone's notes, not a database.\n")
        for command in ReadOnlyTests.readCommands + [["import", "-"]] {
            let result = try cli.run(command, stdin: "Talks\n\nTalks were held in Hanoi on May 3, 2024.\n", database: "notes.sqlite")
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(text), "\(command): \(result.stderr)")
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
            return try CLI.launch(URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", "nobody", "--", "/bin/sh", "-c", command], in: folder)
        }
        guard let shown = try asAnotherUser(["show", "Vietnam"]) else {
            print("skipped: no runuser on this machine to read the database as another user than root")
            return
        }
        #expect(shown.status == 0 && shown.stdout.contains("Vietnam"), "\(shown.stderr)")
        let written = try asAnotherUser(["import", "-"])
        #expect(written?.status == 1)
        #expect(written?.stderr.contains("read-only") == true && written?.stderr.contains(database) == true, "\(written?.stderr ?? "")")
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
    }
}
