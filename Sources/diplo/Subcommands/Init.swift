import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the database, or bring an existing one up to date.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let applied = try global.storeForWriting(create: true).migrationsApplied
        if applied.isEmpty {
            StandardOutput.print("\(global.databasePath) is up to date (schema version \(Migrations.latestVersion)).")
        } else {
            StandardOutput.print(
                "\(global.databasePath): applied \(applied.map(\.name).joined(separator: ", ")); schema version \(Migrations.latestVersion)."
            )
        }
    }
}
