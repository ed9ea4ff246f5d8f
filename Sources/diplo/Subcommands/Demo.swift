import ArgumentParser
import DiploAsk
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a fresh database from SampleData/ and answer the example questions.")

    @Option(help: ArgumentHelp("The demo database, made anew (default: diplo-demo.sqlite here).", valueName: "path"))
    var db = "diplo-demo.sqlite"

    @Option(
        help: ArgumentHelp("The sample data folder (default: SampleData here, or where diplo is installed).", valueName: "folder")
    )
    var sampleData: String?

    func run() throws {
        let folder = try sampleData ?? Demo.findSampleData()
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: db + suffix) {
            try FileManager.default.removeItem(atPath: db + suffix)
        }
        let store = try Store.open(path: db)
        let importer = Importer(store: store, options: ImportOptions())
        StandardOutput.print("Building \(db) from \(folder):")
        for input in Importer.inputs(for: [folder]).inputs where !input.name.hasSuffix(".md") {
            StandardOutput.print("  " + Import.summary(try importer.run(input)))
        }
        let directory = try Directory(store: store)

        heading("Which visits mark a partnership anniversary?", command: "diplo query anniversaries")
        let matches = try AnniversaryQuery().run(on: store).filter { $0.event.kind.isVisit }
        for match in matches {
            let parties = match.partnership.parties.map(directory.name).joined(separator: " – ")
            let how = match.stated ? "a source says so" : "computed from the dates" + (match.approximate ? ", approximately" : "")
            StandardOutput.print("  \(match.event.dateText)  \(match.event.title)")
            let line =
                "\(ordinal(match.years)) anniversary of the \(match.level.readable), \(parties)"
                + " (\(match.anniversaryDate?.description ?? "?")): \(how)"
            for part in line.wrapped(to: 74) { StandardOutput.print("      " + part) }
        }

        let toLam = try store.resolveEntity("To Lam")
        heading("Everything about Tô Lâm", command: "diplo show \"To Lam\"")
        StandardOutput.print(try Profile(entity: toLam, store: store, withSources: false).render(.table), terminator: "")

        heading("The history of Vietnam – United States relations", command: "diplo query relations Vietnam \"United States\"")
        let relations = RelationsQuery(
            first: try store.resolveEntity("Vietnam"), second: try store.resolveEntity("United States"))
        StandardOutput.print(try relations.run(on: store).table(), terminator: "")

        let question = "Ai đã thăm Việt Nam năm 2023?"
        heading("A question in plain words", command: "diplo ask \"\(question)\"")
        let asker = Asker(store: store)
        // Not mapped would be a defect of the grammar, caught by the tests.
        guard case .mapped(let command, _) = try asker.interpret(question) else {
            throw AskRefusal(message: "The demo's question \"\(question)\" is not mapped.")
        }
        try Ask.print(command, answeredBy: asker, format: .table)
        StandardOutput.print(
            "\nThe demo database is \(db): try `diplo show Cuba --db \(db)` or `diplo search \"dang\" --db \(db)`.")
    }

    func heading(_ question: String, command: String) {
        StandardOutput.print("\n== \(question)\n   $ \(command)\n")
    }

    func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }

    /// SampleData here, next to an installed binary (../share/diplo/SampleData), or in the source tree.
    static func findSampleData() throws -> String {
        // The running binary itself: argv[0] is a bare "diplo" when it was found through PATH.
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        let candidates = [
            "SampleData",
            executable.deletingLastPathComponent().appendingPathComponent("../share/diplo/SampleData").path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../SampleData").path,
        ]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw DiploError.noSampleData
        }
        return found
    }
}
