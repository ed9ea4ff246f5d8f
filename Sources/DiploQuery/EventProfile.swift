import Foundation
import DiploModel
import DiploStore

/// Everything about one event (`diplo show EVENT-ID`): its kind, status and dates, who took part,
/// what each document said of it (when it was announced and by what, when it was reported held),
/// and its sources.
public struct EventProfile {
    public let event: Event
    public let sections: [Report]

    public init(event id: String, store: Store) throws {
        guard let event = try store.event(id) else { throw DiploError.notFound(id) }
        self.event = event
        let directory = try Directory(store: store)
        var about: [[ReportValue]] = [["kind", .text(event.kind.rawValue)], ["status", .text(event.status.rawValue)],
                                      ["date", .text(event.dateText)]]
        if let place = event.location { about.append(["place", .text([place.city, place.country.map(directory.name)].compactMap { $0 }.joined(separator: ", "))]) }
        if let parent = event.parent { about.append(["part of", .text((try store.event(parent))?.title ?? parent)]) }
        about.append(["id", .text(event.id)])
        var sections = [Report(title: event.title, columns: ["field", "value"], rows: about)]
        if !event.participants.isEmpty {
            sections.append(Report(title: "Participants", columns: ["name", "role", "id"], rows: event.participants.map {
                [.text(directory.name($0.entity)), .text($0.role.rawValue), .text($0.entity)]
            }))
        }
        let reports = try store.reports(ofEvent: id)
        if !reports.isEmpty {
            sections.append(Report(title: "Reported", columns: ["when", "said", "by", "document"], rows: reports.map { report in
                let said = switch report.status {
                case .planned: "announced"
                case .held: "reported held"
                case .cancelled: "reported cancelled"
                case .unknown: "mentioned"
                }
                return [ReportValue(report.published), .text(said), .text(report.title ?? report.document), .text(report.document)]
            }, tableColumns: ["when", "said", "by"]))
        }
        if !event.sources.isEmpty {
            sections.append(Report(title: "Sources", columns: ["document", "span", "says"], rows: event.sources.map { ref in
                [.text(ref.document), .text(ref.start.map { "\($0)-\(ref.end.map(String.init) ?? "")" } ?? ""),
                 .text(ref.quote ?? ref.note ?? "")]
            }))
        }
        self.sections = sections
    }

    public func render(_ format: OutputFormat) -> String { Profile.render(sections, format, subject: "event") }
}
