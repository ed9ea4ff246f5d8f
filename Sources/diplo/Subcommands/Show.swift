import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract:
            "Everything about one entity (names, aliases, offices, events, partnerships) or one event (its participants, its trip, its stops)."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "A name in any language, with or without diacritics, an id, or an event's id or title.")
    var name: String

    @Flag(help: "Print the sentence behind each fact.")
    var sources = false

    func run() throws {
        // A few hundred events' pages scattered over a large file: copied into SQLite's cache, not
        // mapped, where each page read would map its neighbours too (1M events: 40 -> 37 ms; peak 113 -> 28 MiB).
        let store = try global.store(mapped: false)
        // An event, by its id; else an entity; else the event of that title.
        if try store.event(name) != nil {
            StandardOutput.print(
                try EventProfile(event: name, store: store, withSources: sources).render(output.format), terminator: "")
            return
        }
        let entity: String
        do {
            entity = try store.resolveEntity(name)
        } catch DiploError.notFound(let missing) {
            // An event's whole title (case and diacritics aside), when one event has it.
            let events = try store.searchEvents(name, limit: 20).filter { $0.title.folded == name.folded }
            guard events.count == 1 else { throw DiploError.notFound(missing) }
            StandardOutput.print(
                try EventProfile(event: events[0].id, store: store, withSources: sources).render(output.format), terminator: "")
            return
        }
        let profile = try Profile(entity: entity, store: store, withSources: sources)
        StandardOutput.print(profile.render(output.format), terminator: "")
    }
}
