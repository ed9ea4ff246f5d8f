import ArgumentParser
import DiploModel
import DiploQuery
import DiploStore
import Foundation

struct Upcoming: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upcoming",
        abstract: "Round anniversaries (1, 5, 10, 15... years) of relations and partnerships in a period, for planners.",
        discussion: """
            Each claim of when a level was reached counts on its own, with its source. --format ics \
            writes an iCalendar file: one all-day event each, the partnership, the number of years and \
            the source in its description.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "table, json, csv or ics.")
    var format: String = "table"

    @Option(help: ArgumentHelp("The first day of the period (default: today).", valueName: "date"))
    var from: PartialDate?

    @Option(help: "How many months the period lasts.")
    var months = 12

    @Option(help: "Only partnerships of this country.")
    var country: String?

    func validate() throws {
        guard months >= 1 else { throw ValidationError("--months is 1 or more.") }
        guard ["table", "json", "csv", "ics"].contains(format) else {
            throw ValidationError("--format is table, json, csv or ics.")
        }
    }

    func run() throws {
        let store = try global.store()
        let query = UpcomingQuery(
            from: from ?? partialDate(of: Date()), months: months, country: try country.map(store.resolveEntity))
        let rows = try query.run(on: store)
        if format == "ics" {
            StandardOutput.write(try UpcomingQuery.ics(rows, store: store))
        } else {
            StandardOutput.write(try UpcomingQuery.report(rows, store: store).render(OutputFormat(rawValue: format)!))
        }
    }
}

struct Unconfirmed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unconfirmed",
        abstract: "Announced events whose dates have passed with no report that they happened.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to judge by (default: today).", valueName: "date"))
    var asOf: PartialDate?

    func run() throws {
        let store = try global.store()
        output.print(try UnconfirmedQuery(asOf: asOf ?? partialDate(of: Date())).run(on: store))
    }
}
