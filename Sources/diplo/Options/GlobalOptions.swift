import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $DIPLO_DB, else diplo.sqlite here).", valueName: "path"))
    var db: String?

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["DIPLO_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "diplo.sqlite"
    }

    /// The knowledge base, to write to (`init`, `import`): migrated, and created when `create` is set.
    func storeForWriting(create: Bool) throws -> Store {
        try Store.open(path: databasePath, create: create)
    }

    /// The knowledge base, to read: opened read-only, never created or migrated (`mapped`:
    /// `Store.openForReading`).
    func store(mapped: Bool = true) throws -> Store {
        try Store.openForReading(path: databasePath, mapped: mapped)
    }
}

/// For commands that print records.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "table, json or csv.")
    var format: OutputFormat = .table

    func print(_ report: Report) {
        // A table is written as it is made, a part at a time.
        if format == .table {
            report.writeTable { StandardOutput.write($0) }
        } else {
            StandardOutput.write(report.bytes(format))
        }
    }
}

/// A date range filter.
struct DateRangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only what ends on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var from: PartialDate?

    @Option(help: ArgumentHelp("Only what starts on or before this date.", valueName: "date"))
    var to: PartialDate?
}

extension OutputFormat: ExpressibleByArgument {}

extension PartialDate: ExpressibleByArgument {
    public init?(argument: String) {
        try? self.init(argument)
    }
}
