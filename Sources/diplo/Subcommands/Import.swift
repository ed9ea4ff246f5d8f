import ArgumentParser
import DiploModel
import DiploStore
import DiploImport
import DiploQuery
import DiploExport
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
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
        let store = dryRun && !FileManager.default.fileExists(atPath: global.databasePath)
            ? try Store.open(path: ":memory:")
            : try global.store(create: true)
        let options = ImportOptions(lang: lang.language, published: published, source: source, dryRun: dryRun)
        let importer = Importer(store: store, options: options)
        var failures = 0
        var yields: [KnowledgeBase] = []
        // Each path on its own: a missing one is named and the others still land.
        var inputs: [ImportInput] = []
        for path in paths {
            do {
                for input in try Importer.inputs(for: [path]) {
                    // A folder's README describes the folder; it is no document (named files are read as asked).
                    if input.name != path, Import.isReadme(input.name) {
                        FileHandle.standardError.write(Data("note: \(input.name): skipped (a folder's README is not a document)\n".utf8))
                        continue
                    }
                    if input.name != path, Import.isLicense(input.name) {
                        FileHandle.standardError.write(Data("note: \(input.name): skipped (a folder's licence is not a document)\n".utf8))
                        continue
                    }
                    inputs.append(input)
                }
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("Error: \(error.localizedDescription)\n".utf8))
            }
        }
        inputs = Importer.ordered(inputs)
        // A progress line on a terminal, for many files; nothing when stderr is a file or a pipe.
        let progress = inputs.count > 1 && isatty(STDERR_FILENO) == 1
        for (n, input) in inputs.enumerated() {
            if progress {
                let line = "[\(n + 1)/\(inputs.count)] \(input.name)"
                FileHandle.standardError.write(Data("\r\u{1B}[K\(line.suffix(100))".utf8))
            }
            defer { if progress && n == inputs.count - 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
            do {
                let outcome = try importer.run(input)
                if dryRun {
                    yields.append(outcome.yield)
                } else {
                    if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                    print(Import.summary(outcome))
                }
                for note in outcome.yield.notes ?? [] {
                    FileHandle.standardError.write(Data("\(progress ? "\r\u{1B}[K" : "")note: \(input.name): \(note)\n".utf8))
                }
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("Error: \(error.localizedDescription)\n".utf8))
            }
        }
        if dryRun, !yields.isEmpty {
            let combined = KnowledgeBase.combining(yields)
            switch output.format {
            case .json: print(try InterchangeWriter.string(combined), terminator: "")
            case .table, .csv: print(Review(combined).render(output.format), terminator: "")
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    static func isLicense(_ path: String) -> Bool {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent.uppercased()
        return name == "LICENSE" || name == "LICENCE" || name == "COPYING"
    }

    static func isReadme(_ path: String) -> Bool {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return name.uppercased() == "README"
    }

    static func summary(_ outcome: ImportOutcome) -> String {
        let report = outcome.report
        if report.changedNothing { return "\(outcome.input): nothing new (already in the knowledge base)." }
        let categories = ["documents", "entities", "offices", "events", "partnerships", "anniversaries"]
        let parts = categories.compactMap { category -> String? in
            let added = report.added[category] ?? 0, merged = report.merged[category] ?? 0
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
