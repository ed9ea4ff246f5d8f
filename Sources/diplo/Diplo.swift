import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation

/// Every command names itself (`commandName`): ArgumentParser would otherwise work each name out
/// of its type's at every start, through `String(describing:)`, a search of all the binary's
/// protocol conformances each time (some 2 ms of a command's start).
@main
struct Diplo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diplo",
        abstract: "A knowledge base of diplomatic events in one SQLite file.",
        discussion: """
            Press releases and news (Vietnamese and English) and interchange files go in; leaders, \
            offices, countries, organisations, visits, summits and partnerships come out, each with \
            the sentence it came from. Start with `diplo demo`.
            """,
        version: "0.1.0",
        subcommands: [Init.self, Import.self, Show.self, List.self, Search.self, Query.self, Ask.self, Export.self, Demo.self]
    )

    /// As ArgumentParser runs a command, then one check it leaves out: that what was printed
    /// reached the standard output (`diplo list events > /dev/full` must not exit 0).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
        if let error = StandardOutput.error { exit(withError: error) }
    }
}
