import ArgumentParser
import DiploModel
import DiploStore
import DiploImport
import DiploQuery
import DiploExport

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Full-text search over names, events and documents; case and diacritics never matter.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Words to look for (\"to lam\" finds \"Tô Lâm\").")
    var text: [String]

    @Option(help: "At most this many results of each type.")
    var limit = 50

    func run() throws {
        output.print(try SearchQuery(text: text.joined(separator: " "), limit: limit).run(on: try global.store()))
    }
}
