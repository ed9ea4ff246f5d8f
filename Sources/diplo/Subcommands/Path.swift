import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore

struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "The shortest chain of relations that links two entities, each link with its kind and date.",
        discussion: """
            Links are events both took part in (for visits and talks, the country they are held in \
            takes part too), partnerships, an entity's country, and offices. Where two entities are \
            linked several times, the newest link is shown.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Where the chain starts: a name in any language, or an id.")
    var first: String

    @Argument(help: "Where it ends.")
    var second: String

    @Option(help: "Chains longer than this many links are not looked for.")
    var maxLinks = 8

    func validate() throws {
        guard maxLinks >= 1 else { throw ValidationError("--max-links is 1 or more.") }
    }

    func run() throws {
        let store = try global.store()
        let query = PathQuery(from: try store.resolveEntity(first), to: try store.resolveEntity(second), maxLinks: maxLinks)
        output.print(try query.run(on: store))
    }
}
