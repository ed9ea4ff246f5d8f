import DiploModel
import DiploQuery
import DiploStore
import Foundation

extension Asker {
    /// The mapped command run, printed as that command prints it.
    public func answer(_ command: MappedCommand, format: OutputFormat) throws -> String {
        String(decoding: try answerBytes(command, format: format), as: UTF8.self)
    }

    /// `answer` as UTF-8 bytes, as the command line writes them: a long table (the anniversaries
    /// of a large knowledge base) is not made a string first.
    public func answerBytes(_ command: MappedCommand, format: OutputFormat) throws -> [UInt8] {
        func entity(_ name: String) -> String? { command.option(name) }
        func date(_ name: String) throws -> PartialDate? { try command.option(name).map { try PartialDate($0) } }
        let args = command.arguments
        switch command.words.joined(separator: " ") {
        case "query visits":
            return try VisitQuery(by: entity("by"), to: entity("to"), from: date("from"), until: date("until")).run(on: store)
                .bytes(format)
        case "list events":
            return try ListQuery(
                subject: .events, country: entity("country"), kind: command.option("kind"), from: date("from"), to: date("to")
            )
            .run(on: store).bytes(format)
        case "list partnerships":
            return try ListQuery(
                subject: .partnerships, country: entity("country"), kind: command.option("kind"), with: entity("with")
            )
            .run(on: store).bytes(format)
        case "query anniversaries":
            let query = AnniversaryQuery(
                from: try date("from"), to: try date("to"), country: entity("country"), with: entity("with"),
                level: command.option("level"))
            return try query.report(on: store, format: format).bytes(format)
        case "query relations":
            return try RelationsQuery(first: args[0], second: args[1], from: date("from"), to: date("to")).run(on: store).bytes(
                format)
        case "query holders":
            return try HoldersQuery(role: args[0], of: entity("of"), at: date("at"))
                .run(on: store, today: today, roleOfTitle: Asker.role(ofTitle:)).bytes(format)
        case "query upcoming":
            let query = UpcomingQuery(
                from: try date("from") ?? partialDate(of: today), months: Int(command.option("months") ?? "") ?? 12,
                country: entity("country"))
            return try UpcomingQuery.report(try query.run(on: store), store: store).bytes(format)
        case "query unconfirmed":
            return try UnconfirmedQuery(asOf: try date("as-of") ?? partialDate(of: today)).run(on: store).bytes(format)
        case "query path":
            return try PathQuery(from: args[0], to: args[1]).run(on: store).bytes(format)
        case "query neighbors":
            return try NeighborsQuery(entity: args[0]).run(on: store).bytes(format)
        case "query timeline":
            return try TimelineQuery(entity: args[0]).run(on: store).bytes(format)
        case "show":
            return Array(try Profile(entity: args[0], store: store, withSources: false).render(format).utf8)
        default:
            throw DiploError.unknownValue(
                command.words.joined(separator: " "), noun: "a command diplo ask can run",
                known: Grammar.shared.shapes.map { $0.command.joined(separator: " ") }.uniqued())
        }
    }
}
