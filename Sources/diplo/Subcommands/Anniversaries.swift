import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore

struct Anniversaries: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anniversaries",
        abstract: "Events that mark an anniversary of a partnership or of diplomatic relations between their sides.",
        discussion: """
            Lists what a source states, and what the dates give: an event within --window days of the \
            1st, 5th, 10th, 15th... 100th anniversary of the date a partnership level was established. \
            Partial dates and ranges count when some day they allow is in the window; such rows are \
            flagged approximate.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var dates: DateRangeOptions

    @Option(help: "Days either side of the anniversary date that still count.")
    var window = AnniversaryQuery.defaultWindow

    @Option(help: "Only partnerships of this country.")
    var country: String?

    @Option(help: "...and of this other party too.")
    var with: String?

    @Option(help: "Only anniversaries of this level (diplomatic_relations, comprehensive_strategic_partnership...).")
    var level: String?

    func validate() throws {
        guard window >= 0 else { throw ValidationError("--window is a number of days, 0 or more.") }
    }

    func run() throws {
        let store = try global.store()
        if let level { _ = try PartnershipLevel(level) }
        let query = AnniversaryQuery(
            from: dates.from, to: dates.to, window: window, country: try country.map(store.resolveEntity),
            with: try with.map(store.resolveEntity), level: level)
        let report = try query.report(on: store, format: output.format)
        output.print(report)
        KeptUntilExit.keep(report)
    }
}
