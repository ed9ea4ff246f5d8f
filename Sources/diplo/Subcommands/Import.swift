import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import press releases, interchange files and data sets.",
        discussion: """
            PATH is a file, a folder (every file in it) or - for standard input. Each document is \
            one transaction: all of it lands or none; a document imported again changes nothing. \
            With --dry-run nothing changes and what each document yields is printed (--format json: \
            in the interchange format).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String]

    @Option(help: "The language of press releases: auto, vi or en.")
    var lang: LanguageChoice = .auto

    @Option(help: ArgumentHelp("The publication date, for dates that leave out the year.", valueName: "date"))
    var published: PartialDate?

    @Option(help: ArgumentHelp("Where the document comes from, recorded with it.", valueName: "url"))
    var source: String?

    @Flag(help: "Change nothing; show what each document yields.")
    var dryRun = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("Name at least one file, folder, or - for standard input.") }
    }

    func run() throws {
        // A dry run creates nothing: without a database file it rehearses against an empty one in memory.
        let store =
            dryRun && !FileManager.default.fileExists(atPath: global.databasePath)
            ? try Store.open(path: ":memory:")
            : try global.storeForWriting(create: true)
        let options = ImportOptions(lang: lang.language, published: published, source: source, dryRun: dryRun)
        var importer = Importer(store: store, options: options)
        let progress = ProgressLine()
        importer.progress = { done, total in progress.update("events", done: done, total: total) }
        importer.reading = { done, total in progress.update("MB read", done: done >> 20, total: total >> 20) }
        defer { progress.finish() }
        var failures = 0
        var yields: [KnowledgeBase] = []
        // Each path on its own: what cannot be read is named, and the rest still lands.
        let found = Importer.inputs(for: paths)
        for note in found.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        for problem in found.problems {
            failures += 1
            FileHandle.standardError.write(Data("Error: \(problem.localizedDescription)\n".utf8))
        }
        // In the order their content needs (the presidents' terms before the visits that name them).
        let inputs = Importer.ordered(found.inputs)
        for (index, input) in inputs.enumerated() {
            if inputs.count > 1 { progress.update("files", done: index, total: inputs.count) }
            do {
                let outcome = try importer.run(input)
                progress.finish()
                if dryRun {
                    yields.append(outcome.yield)
                } else {
                    StandardOutput.print(Import.summary(outcome))
                }
                // A dry run's table ends with the same notes: say them once.
                for note in outcome.yield.notes ?? [] where !(dryRun && output.format == .table) {
                    FileHandle.standardError.write(Data("note: \(input.name): \(note)\n".utf8))
                }
            } catch {
                progress.finish()
                failures += 1
                FileHandle.standardError.write(Data("Error: \(error.localizedDescription)\n".utf8))
            }
        }
        if dryRun, !yields.isEmpty {
            let combined = KnowledgeBase.combining(yields)
            switch output.format {
            case .json: StandardOutput.write(try InterchangeWriter.data(combined))
            case .table, .csv: StandardOutput.print(Review(combined).render(output.format), terminator: "")
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    static func summary(_ outcome: ImportOutcome) -> String {
        let report = outcome.report
        if report.changedNothing { return "\(outcome.input): nothing new (already in the knowledge base)." }
        let categories = ["documents", "entities", "offices", "events", "partnerships", "anniversaries"]
        let parts = categories.compactMap { category -> String? in
            let added = report.added[category] ?? 0
            let merged = report.merged[category] ?? 0
            guard added + merged > 0 else { return nil }
            return merged > 0 ? "\(added) \(category) (+\(merged) known)" : "\(added) \(category)"
        }
        return "\(outcome.input): imported \(parts.joined(separator: ", "))."
    }
}

/// `--lang`: a language, or auto to detect it from the text.
enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, vi, en

    var language: Language? { Language(rawValue: rawValue) }
}
