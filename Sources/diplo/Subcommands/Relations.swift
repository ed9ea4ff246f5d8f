import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore

struct Relations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations",
        abstract: "The history of relations between two countries (or any two entities): partnerships and events, in order.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var dates: DateRangeOptions

    @Argument(help: "One side.")
    var first: String

    @Argument(help: "The other side.")
    var second: String

    func run() throws {
        let store = try global.store()
        output.print(
            try RelationsQuery(
                first: try store.resolveEntity(first), second: try store.resolveEntity(second),
                from: dates.from, to: dates.to
            ).run(on: store))
    }
}
