import DiploModel
import DiploStore
import Foundation

/// Everything known about one event (`diplo show` of an event): its kind, status, dates and
/// place, the trip it is part of, who took part and how, what each document said of it (when it
/// was announced and by what, when it was reported held), the events inside it (a trip's stops),
/// and with sources the sentence or record behind it.
public struct EventProfile {
    public let event: Event
    public let sections: [Report]

    public init(event id: String, store: Store, withSources: Bool) throws {
        guard let event = try store.event(id) else { throw DiploError.notFound(id) }
        self.event = event
        let directory = try Directory(store: store)
        let titles = Dictionary(uniqueKeysWithValues: try store.documents(includeText: false).map { ($0.id, $0.title ?? $0.id) })
        func sources(_ refs: [SourceRef]) -> [ReportValue] {
            guard withSources else { return [] }
            return [
                .text(
                    refs.map { ref in
                        let said = ref.quote.map { "\"\($0)\"" } ?? ref.note ?? ""
                        let place = ref.start.map { " @\($0)" } ?? (ref.quote != nil ? ref.note.map { " (\($0))" } ?? "" : "")
                        return "\(titles[ref.document] ?? ref.document)\(place): \(said)"
                    }.joined(separator: " | "))
            ]
        }
        let sourceColumn = withSources ? ["source"] : []
        var about: [[ReportValue]] = [
            ["kind", .text(event.kind.rawValue)] + sources(event.sources),
            ["status", .text(event.status.rawValue)] + sources([]),
            ["date", .text(event.dateText)] + sources([]),
        ]
        if let location = event.location, location.country != nil || location.city != nil {
            let place = [location.city, location.country.map(directory.name)].compactMap { $0 }.joined(separator: ", ")
            about.append(["place", .text(place)] + sources([]))
        }
        if let parent = event.parent, let trip = try store.event(parent) {
            about.append(["part of", .text("\(trip.title) (\(trip.dateText))")] + sources([]))
        }
        about.append(["id", .text(event.id)] + sources([]))
        var sections = [
            Report(
                title: event.title, columns: ["field", "value"] + sourceColumn, rows: about,
                detailColumn: withSources ? "source" : nil)
        ]
        if !event.participants.isEmpty {
            sections.append(
                Report(
                    title: "Participants", columns: ["name", "role", "id"],
                    rows: event.participants.map {
                        [.text(directory.name($0.entity)), .text($0.role.rawValue), .text($0.entity)]
                    }))
        }
        let stops = try store.stops(of: id)
        if !stops.isEmpty {
            sections.append(
                Report(
                    title: event.kind == .trip ? "Stops and events of the trip" : "Events within it",
                    columns: ["date", "kind", "title", "status", "id"] + sourceColumn,
                    rows: stops.map { stop in
                        [
                            .text(stop.dateText), .text(stop.kind.rawValue), .text(stop.title), .text(stop.status.rawValue),
                            .text(stop.id),
                        ] + sources(stop.sources)
                    }, detailColumn: withSources ? "source" : nil))
        }
        let reports = try store.reports(ofEvent: id)
        if !reports.isEmpty {
            sections.append(
                Report(
                    title: "Reported", columns: ["when", "said", "by", "document"],
                    rows: reports.map { report in
                        let said =
                            switch report.status {
                            case .planned: "announced"
                            case .held: "reported held"
                            case .cancelled: "reported cancelled"
                            case .unknown: "mentioned"
                            }
                        return [
                            ReportValue(report.published), .text(said), .text(report.title ?? report.document),
                            .text(report.document),
                        ]
                    }, tableColumns: ["when", "said", "by"]))
        }
        if !event.sources.isEmpty && !withSources {
            sections.append(
                Report(
                    title: "Sources", columns: ["document", "span", "says"],
                    rows: event.sources.map { ref in
                        [
                            .text(ref.document), .text(ref.start.map { "\($0)-\(ref.end.map(String.init) ?? "")" } ?? ""),
                            .text(ref.quote ?? ref.note ?? ""),
                        ]
                    }))
        }
        self.sections = sections
    }

    public func render(_ format: OutputFormat) -> String { Profile.render(sections, format, subject: "event") }
}
