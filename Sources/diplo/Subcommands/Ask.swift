import ArgumentParser
import DiploAsk
import DiploModel
import DiploQuery
import DiploStore
import Foundation

struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "A question in plain Vietnamese or English, answered by the command it maps to.",
        discussion: """
            The question is mapped onto one of Diplo's queries (which visits mark an anniversary, who \
            visited a country, where a person went, whom a person met, when two countries established \
            relations, what level their partnership is, which countries have a level of partnership \
            with one, what happened between two countries, who held an office, which anniversaries \
            come up, how two entities are linked), printed as that command prints it under a line \
            naming the command (on standard error for json and csv, so the output stays parseable). \
            A question it cannot read is refused with examples of what it can, exit 1; a name that \
            stands for several entities is listed, exit 1.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The question, in quotes.")
    var question: [String]

    @Flag(help: "Print only the command the question maps to, and what was read in it.")
    var explain = false

    func run() throws {
        let store = try global.store()
        let asker = Asker(store: store)
        let text = question.joined(separator: " ")
        switch try asker.interpret(text) {
        case .mapped(let command, let read):
            let line = "→ diplo \(command.commandLine)"
            if explain {
                StandardOutput.print(line)
                StandardOutput.print("  shape: \(command.shape)   pattern: \(command.pattern)")
                for item in read { StandardOutput.print("  read: \(item)") }
                return
            }
            try Ask.print(command, answeredBy: asker, format: output.format)
        case .ambiguous(let name, let candidates):
            var message = "\"\(name)\" stands for several entities; ask again with one of these:"
            for candidate in candidates { message += "\n  \(candidate.name) (\(candidate.id))" }
            throw AskRefusal(message: message)
        case .refused(let reason, let examples):
            var message = "\(reason) Questions it can answer look like these:"
            for example in examples { message += "\n  \(example)" }
            throw AskRefusal(message: message)
        }
    }
}

extension Ask {
    /// The line naming the command a question maps to, then that command's answer (the line on
    /// standard error for json and csv, so the output stays parseable).
    static func print(_ command: MappedCommand, answeredBy asker: Asker, format: OutputFormat) throws {
        let line = "→ diplo \(command.commandLine)"
        let answer = try asker.answerBytes(command, format: format)
        if format == .table {
            StandardOutput.print(line + "\n")
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        StandardOutput.write(answer)
    }
}

/// A question not answered: the sentence, then the closest examples; exit 1.
struct AskRefusal: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

struct Holders: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holders",
        abstract: "Who held an office of a country or organisation at a date.",
        discussion:
            "The office by its role (prime_minister, president, foreign_minister...) or a title in either language (\"Thủ tướng\")."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The office: a role key or a title.")
    var office: String

    @Option(help: "The country or organisation it belongs to.")
    var of: String?

    @Option(help: ArgumentHelp("The date (default: today).", valueName: "date"))
    var at: PartialDate?

    func run() throws {
        let store = try global.store()
        // A role the titles know, or a role key stored with offices (head_of_state, party_leader).
        guard let role = try Asker.role(named: office) ?? (store.officeRoles().contains(office) ? office : nil) else {
            throw ValidationError("\"\(office)\" is no office Diplo knows; try prime_minister, president or foreign_minister.")
        }
        let query = HoldersQuery(role: role, of: try of.map(store.resolveEntity), at: at)
        output.print(try query.run(on: store, roleOfTitle: Asker.role(ofTitle:)))
    }
}
