import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore

struct Neighbors: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "What is linked to an entity: the entities it met, its partners, its country, its people.",
        discussion: "With --depth 2 or more, what is linked to those too, each row saying through whom.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "A name in any language, or an id.")
    var name: String

    @Option(help: "How many links out.")
    var depth = 1

    func validate() throws {
        guard depth >= 1 else { throw ValidationError("--depth is 1 or more.") }
    }

    func run() throws {
        let store = try global.store()
        output.print(try NeighborsQuery(entity: try store.resolveEntity(name), depth: depth).run(on: store))
    }
}
