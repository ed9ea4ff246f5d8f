import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "An entity's dated events and facts, in order.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "A name or an id.")
    var name: String

    func run() throws {
        let store = try global.store()
        output.print(try TimelineQuery(entity: try store.resolveEntity(name)).run(on: store))
    }
}
