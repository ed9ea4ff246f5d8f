import ArgumentParser
import DiploModel
import DiploStore
import DiploImport
import DiploQuery
import DiploExport

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Everything about one entity: names, aliases, offices, events, partnerships.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "A name in any language, with or without diacritics, or an id; or an event's id or title.")
    var name: String

    @Flag(help: "Print the sentence behind each fact.")
    var sources = false

    func run() throws {
        let store = try global.store()
        // An event, by its id or its title: what it is and what each document said of it.
        let events = try store.entityExists(name) ? [] : try store.eventIDs(matching: name)
        if events.count == 1 {
            StandardOutput.print(try EventProfile(event: events[0], store: store).render(output.format), terminator: "")
            return
        }
        let profile = try Profile(entity: try store.resolveEntity(name), store: store, withSources: sources)
        StandardOutput.print(profile.render(output.format), terminator: "")
    }
}
