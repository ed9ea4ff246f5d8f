import ArgumentParser

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Ask the knowledge base a question.",
        subcommands: [
            Anniversaries.self, Visits.self, Timeline.self, Relations.self, Path.self, Neighbors.self,
            Holders.self, Upcoming.self, Unconfirmed.self,
        ])
}
