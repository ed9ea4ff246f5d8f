import ArgumentParser
import DiploModel
import DiploStore
import DiploImport
import DiploQuery
import DiploExport

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create the database, or bring an existing one up to date.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let database = try Database(path: global.databasePath)
        let applied = try Migrations.migrate(database)
        if applied.isEmpty {
            print("\(global.databasePath) is up to date (schema version \(Migrations.latestVersion)).")
        } else {
            print("\(global.databasePath): applied \(applied.map(\.name).joined(separator: ", ")); schema version \(Migrations.latestVersion).")
        }
    }
}
