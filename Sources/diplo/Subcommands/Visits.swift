import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore

struct Visits: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visits", abstract: "Visits, newest first.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Visits by this person, or by this country's people.")
    var by: String?

    @Option(help: "Visits to this country.")
    var to: String?

    @Option(help: ArgumentHelp("Only visits that end on or after this date.", valueName: "date"))
    var from: PartialDate?

    @Option(help: ArgumentHelp("Only visits that start on or before this date.", valueName: "date"))
    var until: PartialDate?

    @Option(help: "At most this many visits, the newest.")
    var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        let store = try global.store()
        let query = VisitQuery(
            by: try by.map(store.resolveEntity), to: try to.map(store.resolveEntity), from: from, until: until, limit: limit)
        output.print(try query.run(on: store))
    }
}
