import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over names, events and documents; case and diacritics never matter.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Words to look for (\"to lam\" finds \"Tô Lâm\").")
    var text: [String]

    @Option(help: "At most this many results of each type.")
    var limit = 50

    /// More words than anyone types: a bound, so that a pasted document cannot make search crawl.
    static let maximumWords = 64

    func validate() throws {
        let words = text.joined(separator: " ").split(whereSeparator: \.isWhitespace).count
        guard words <= Search.maximumWords else {
            throw ValidationError("Search for at most \(Search.maximumWords) words, not \(words): pick the words that matter.")
        }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        output.print(try SearchQuery(text: text.joined(separator: " "), limit: limit).run(on: try global.store()))
    }
}
