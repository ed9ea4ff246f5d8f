import DiploModel
import DiploStore
import Foundation

/// Everything known about one entity (`diplo show`): names, offices, events, partnerships, and
/// with sources the sentence behind each fact.
public struct Profile {
    public let entity: Entity
    public let sections: [Report]

    public init(entity id: String, store: Store, withSources: Bool) throws {
        guard let entity = try store.entity(id) else { throw DiploError.notFound(id) }
        self.entity = entity
        let partnerships = try store.partnerships(of: entity.id)
        // The names of only the entities this profile shows, and the entities of this one (its
        // people and organisations): all the filter of its events needs, as a participant takes
        // part for it through its country only when it is one of them. Not a directory of every
        // participant of its events: no name of theirs is shown.
        let members = try store.memberIDs(of: entity.id)
        let directory = try Directory(
            store: store,
            ids: members + partnerships.flatMap(\.parties) + entity.offices.compactMap(\.of) + [entity.id]
                + (entity.country.map { [$0] } ?? []))
        // The events by the index.
        var filter = EventFilter(involving: entity.id)
        filter.withSources = withSources
        let events = try filter.events(in: store, directory: directory)
        let titles =
            withSources
            ? Dictionary(uniqueKeysWithValues: try store.documents(includeText: false).map { ($0.id, $0.title ?? $0.id) }) : [:]
        func source(_ sources: [SourceRef]) -> [ReportValue] {
            guard withSources else { return [] }
            let text = sources.map { ref in
                let said = ref.quote.map { "\"\($0.trimmingCharacters(in: .whitespacesAndNewlines))\"" } ?? ref.note ?? ""
                let span = ref.start.map { " @\($0)" } ?? ""
                return "\(titles[ref.document] ?? ref.document)\(span): \(said)"
            }
            return [.text(text.joined(separator: " | "))]
        }
        let sourceColumn = withSources ? ["source"] : []
        func section(_ title: String, _ columns: [String], _ rows: [[ReportValue]]) -> Report {
            Report(title: title, columns: columns + sourceColumn, rows: rows, detailColumn: withSources ? "source" : nil)
        }
        var sections: [Report] = []

        var about: [[ReportValue]] = [["type", .text(entity.type.rawValue)] + source(entity.sources)]
        if let iso = entity.iso { about.append(["iso", .text(iso)] + source([])) }
        if let country = entity.country { about.append(["country", .text(directory.name(country))] + source([])) }
        for (lang, name) in entity.names.sorted(by: { $0.key < $1.key }) {
            about.append([.text("name (\(lang))"), .text(name)] + source([]))
        }
        if !entity.aliases.isEmpty { about.append(["aliases", .text(entity.aliases.joined(separator: ", "))] + source([])) }
        about.append(["id", .text(entity.id)] + source([]))
        sections.append(section(entity.name, ["field", "value"], about))

        if !entity.offices.isEmpty {
            sections.append(
                section(
                    "Offices", ["title", "of", "from", "to"],
                    entity.offices.map {
                        [.text($0.title), .text(directory.name($0.of)), ReportValue($0.start), ReportValue($0.end)]
                            + source($0.sources)
                    }))
        }
        if entity.type == .country || entity.type == .organization {
            let people = directory.rows.values.filter { $0.country == entity.id && $0.type == .person }.sorted {
                $0.name < $1.name
            }
            if !people.isEmpty {
                sections.append(
                    Report(title: "People", columns: ["name", "id"], rows: people.map { [.text($0.name), .text($0.id)] }))
            }
        }
        if !events.isEmpty {
            sections.append(
                section(
                    "Events (newest first)", ["date", "kind", "title", "role", "status"],
                    events.map { event in
                        let roles = event.participants.filter { $0.entity == entity.id }.map(\.role.rawValue)
                        return [
                            .text(event.dateText), .text(event.kind.rawValue), .text(event.title),
                            .text(roles.joined(separator: ", ")),
                            .text(event.status.rawValue),
                        ] + source(event.sources)
                    }))
        }
        if !partnerships.isEmpty {
            var rows: [[ReportValue]] = []
            for partnership in partnerships {
                let others = partnership.parties.filter { $0 != entity.id }.map(directory.name).joined(separator: ", ")
                for claim in partnership.claims {
                    let level =
                        claim.level.readable + (claim.inferred ? " (inferred)" : "")
                        + (claim.level == partnership.level
                            ? "" : claim.level.countsAnniversaries ? " (earlier level)" : " (step)")
                    rows.append(
                        [.text(others), .text(level), ReportValue(claim.date)]
                            + source(claim.sources + (claim.level == partnership.level ? partnership.sources : [])))
                }
            }
            sections.append(section("Partnerships", ["with", "level", "since"], rows))
        }
        self.sections = sections
    }

    public func render(_ format: OutputFormat) -> String { Profile.render(sections, format) }

    /// Sections as `show` prints them: tables one under another, one JSON object keyed by section
    /// (the first is the subject), or one CSV table.
    static func render(_ sections: [Report], _ format: OutputFormat, subject: String = "entity") -> String {
        switch format {
        case .table:
            return sections.map { $0.table() }.joined(separator: "\n")
        case .json:
            var object: [String: Any] = [:]
            for (index, section) in sections.enumerated() {
                object[index == 0 ? subject : section.title!.lowercased().components(separatedBy: " ").first!] =
                    section.jsonObjects()
            }
            return Report.json(object)
        case .csv:
            // One table: each section's rows under its name, its cells joined into "detail".
            var flat = Report(columns: ["section", "fact", "detail"])
            for section in sections {
                for row in section.rows {
                    flat.rows.append([
                        .text(section.title ?? ""), row.first ?? .null,
                        .text(row.dropFirst().map(\.text).filter { !$0.isEmpty }.joined(separator: " | ")),
                    ])
                }
            }
            return flat.csv()
        }
    }
}
