import DiploModel
import DiploStore
import Foundation

/// `diplo list ...`: the entities of one type, the events, or the partnerships, with filters.
public struct ListQuery: Sendable {
    public enum Subject: String, CaseIterable, Sendable {
        case persons, countries, organizations, events, partnerships
    }

    public var subject: Subject
    /// Only what belongs to, takes place in or involves this country (an entity id).
    public var country: String?
    /// An event kind or a partnership level.
    public var kind: String?
    public var from: PartialDate?
    public var to: PartialDate?
    /// Partnerships: only those this entity is a party to as well as `country`.
    public var with: String?

    public init(
        subject: Subject, country: String? = nil, kind: String? = nil, from: PartialDate? = nil, to: PartialDate? = nil,
        with: String? = nil
    ) {
        self.subject = subject
        self.with = with
        self.country = country
        self.kind = kind
        self.from = from
        self.to = to
    }

    public func run(on store: Store) throws -> Report {
        // A listing of one country's events or partnerships needs the names of a few entities only.
        let directory =
            try (subject == .events || subject == .partnerships) && country != nil
            ? Directory(store: store, ids: []) : Directory(store: store)
        switch subject {
        case .persons:
            let persons = try store.entities().filter { $0.type == .person && (country == nil || $0.country == country) }
            return Report(
                columns: ["name", "country", "offices", "id"],
                rows: persons.sorted { $0.name.folded < $1.name.folded }.map { person in
                    [
                        .text(person.name), .text(directory.name(person.country)),
                        .text(person.offices.map(\.title).uniqued().joined(separator: "; ")), .text(person.id),
                    ]
                })
        case .countries:
            let countries = try store.entities().filter { $0.type == .country }
            return Report(
                columns: ["name", "iso", "vi", "en", "id"],
                rows: countries.sorted { $0.name.folded < $1.name.folded }.map {
                    [.text($0.name), ReportValue($0.iso), ReportValue($0.names["vi"]), ReportValue($0.names["en"]), .text($0.id)]
                })
        case .organizations:
            let organizations = try store.entities().filter {
                $0.type == .organization && (country == nil || $0.country == country)
            }
            return Report(
                columns: ["name", "country", "id"],
                rows: organizations.sorted { $0.name.folded < $1.name.folded }.map {
                    [.text($0.name), .text(directory.name($0.country)), .text($0.id)]
                })
        case .events:
            let kinds = try kind.map { raw -> Set<EventKind> in
                guard let kind = EventKind(rawValue: raw) else {
                    throw DiploError.unknownValue(raw, noun: "an event kind", known: EventKind.allCases.map(\.rawValue))
                }
                return [kind]
            }
            var filter = EventFilter(from: from, to: to, kinds: kinds, involving: country)
            filter.withSources = false
            let (events, directory) = try filter.eventsAndDirectory(in: store)
            return Report(
                columns: ["date", "kind", "status", "title", "participants", "id"],
                rows: events.map { event in
                    [
                        .text(event.dateText), .text(event.kind.rawValue), .text(event.status.rawValue), .text(event.title),
                        .text(event.participants.map { directory.name($0.entity) }.uniqued().joined(separator: ", ")),
                        .text(event.id),
                    ]
                })
        case .partnerships:
            if let kind { _ = try PartnershipLevel(kind) }
            var partnerships = try (country.map { try store.partnerships(of: $0) } ?? store.partnerships()).filter { p in
                (country == nil || p.parties.contains(country!)) && (with == nil || p.parties.contains(with!))
                    && (kind == nil || p.claims.contains { $0.level.key == kind })
            }
            // Of one level: in the order it was reached ("which countries, in order of date"), the
            // date it was reached shown beside the partnership's own (a strategic partner since 2001
            // may be a comprehensive strategic one since 2012).
            func reached(_ p: Partnership) -> PartialDate? {
                p.claims.filter { $0.level.key == kind }.compactMap(\.date).min()
            }
            if kind != nil {
                partnerships = partnerships.enumerated().sorted {
                    (reached($0.element)?.description ?? "~", $0.offset) < (reached($1.element)?.description ?? "~", $1.offset)
                }.map(\.element)
            }
            let directory = country == nil ? directory : try Directory(store: store, ids: partnerships.flatMap(\.parties))
            return Report(
                columns: ["parties", "level"] + (kind == nil ? [] : ["reached"]) + ["established", "history", "id"],
                rows: partnerships.map { p in
                    let history = p.claims.map {
                        "\($0.level.readable) \($0.date?.description ?? "?")\($0.inferred ? " (inferred)" : "")"
                    }
                    return [.text(p.parties.map(directory.name).joined(separator: " – ")), .text(p.level.readable)]
                        + (kind == nil ? [] : [ReportValue(reached(p))])
                        + [ReportValue(p.established), .text(history.joined(separator: "; ")), .text(p.id)]
                },
                notes: kind == nil ? [] : ["  REACHED: when each reached that level, the order of the list."],
                tableColumns: kind == nil ? nil : ["parties", "level", "reached", "history", "id"])
        }
    }
}
