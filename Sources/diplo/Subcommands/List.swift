import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List persons, countries, organizations, events or partnerships.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var dates: DateRangeOptions

    @Argument(help: "persons, countries, organizations, events or partnerships.")
    var subject: ListQuery.Subject

    @Option(help: "Only what belongs to, involves or takes place in this country.")
    var country: String?

    @Option(help: "Partnerships: only those this party shares with --country.")
    var with: String?

    @Option(help: "Events of this kind (state_visit, summit...), or partnerships at this level.")
    var kind: String?

    func run() throws {
        let store = try global.store()
        let query = ListQuery(
            subject: subject, country: try country.map(store.resolveEntity), kind: kind, from: dates.from, to: dates.to,
            with: try with.map(store.resolveEntity))
        output.print(try query.run(on: store))
    }
}

extension ListQuery.Subject: ExpressibleByArgument {}
