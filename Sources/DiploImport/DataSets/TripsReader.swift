import DiploModel
import DiploStore
import Foundation

/// `<trips>`: trips abroad of presidents and secretaries of state. Each `<trip>` is one stop, a
/// visit of the traveller (holding the office the role code names) to the country, in the locale;
/// the remarks name the leaders met (with their titles: persons holding those offices of the
/// country visited) and the summits attended (events of their own, inside the stop).
struct TripsReader {
    struct Role: Decodable, Sendable {
        let title: String
        let role: String
    }
    private struct RolesFile: Decodable {
        let roles: [String: Role]
        let not_names: [String]
    }
    private static let rolesFile = Lexicon.decode(PackageResources.dataset_travel_roles_json, as: RolesFile.self)
    static let roles: [String: Role] = rolesFile.roles
    static let notNames: Set<String> = Set(rolesFile.not_names)

    let file: String
    let presidents: PresidentTerms
    var store: Store?

    func read(_ data: Data) throws -> KnowledgeBase {
        let opened = try DataSetBuilder.reading(
            data, record: "trip", file: file, dataSet: "travels", title: "Office of the Historian: Travels Abroad",
            source: "https://history.state.gov/departmenthistory/travels", presidents: presidents, store: store)
        var builder = opened.builder
        let us = builder.unitedStates()
        for record in opened.records {
            guard let id = builder.id(of: record, kind: "trip") else { continue }
            let label = "trip \(id)"
            guard let name = record["name"] else {
                builder.note(label, line: record.line, "no traveller named: skipped")
                continue
            }
            let remarks = record["remarks"] ?? ""
            let source = builder.source(label, line: record.line, quote: remarks.isEmpty ? nil : remarks)
            let code = record["role"] ?? record.attribute("role", of: "trip")
            var traveller = TitledName(name: name, title: nil, role: nil)
            if let code, let role = TripsReader.roles[code] {
                traveller.title = role.title
                traveller.role = role.role
            } else {
                builder.note(
                    label, line: record.line,
                    "role \"\(code ?? "none")\" is not a travel role code diplo knows: the traveller is kept without an office")
            }
            let person = builder.person(traveller, country: us, source: source)
            let country = builder.country(
                slug: record.attribute("id", of: "country"), label: record["country"], record: label, line: record.line)
            let (start, end) = DataSetDates.range(
                start: record["start-date"], end: record["end-date"], record: label,
                line: record.line, builder: &builder)
            let day = start?.dayRange?.lowerBound
            let locale = record["locale"]
            var participants = [Participant(entity: person, role: .guest)]
            if let country { participants.append(Participant(entity: country, role: .host)) }
            // At a summit the leaders met come from anywhere: their country is not the host's.
            let gatherings = TripsReader.gatherings(in: remarks)
            for met in TripsReader.people(in: remarks, tables: builder.tables) {
                let of = met.foreign || !gatherings.isEmpty ? nil : country
                let single = met.name.name.split(separator: " ").count == 1
                let id: String
                if met.name.role == "president",
                    let term = presidents.president(on: day, named: PresidentTerms.surname(of: met.name.name)),
                    single || term.name.folded.hasSuffix(met.name.name.folded)
                {
                    id = term.person  // the US president, met on a secretary's trip
                } else if single, let full = builder.fullName(of: met.name.name, country: of) {
                    id = full
                } else {
                    id = builder.person(met.name, country: of, source: source)
                }
                if id != person, !participants.contains(where: { $0.entity == id }) {
                    let president = presidents.terms.contains { $0.person == id }
                    participants.append(Participant(entity: id, role: president ? .attendee : .host))
                }
            }
            let reading = VisitDescription(remarks, tables: builder.tables)
            let kind: EventKind = [.stateVisit, .officialVisit, .workingVisit].contains(reading.kind) ? reading.kind : .visit
            let countryName = country.flatMap { builder.entities[$0]?.name } ?? record["country"] ?? "abroad"
            let eventID = "hs:trip:\(id)"
            builder.events.append(
                Event(
                    id: eventID, kind: kind, title: "\(name) in \(countryName)" + (locale.map { " (\($0))" } ?? ""),
                    status: .held,
                    start: start, end: end ?? start, location: Location(country: country, city: locale),
                    participants: participants, sources: [source]))
            // The summits and conferences attended: events inside the stop, one per gathering
            // (a traveller's and another's record of the same summit are one event).
            for gathering in gatherings {
                let gatheringKind: EventKind = gathering.folded.holds("summit") ? .summit : .conference
                let month = start.map { String($0.description.prefix(7)) } ?? "undated"
                let place = country.map { $0.replacingOccurrences(of: "country:", with: "") } ?? "unknown"
                var within: [PartialDate]?
                if let start { within = [start, end ?? start] }
                builder.events.append(
                    Event(
                        id: "hs:\(gatheringKind.rawValue):\(month):\(place):\(gathering.slug)", kind: gatheringKind,
                        title: gathering,
                        status: .held, within: within, location: Location(country: country, city: locale),
                        participants: [Participant(entity: person, role: .attendee)], parent: eventID, sources: [source]))
            }
        }
        // Two stops naming one gathering in the same file: one event, with every source.
        builder.events = TripsReader.mergingGatherings(builder.events)
        return builder.build()
    }

    struct MetPerson {
        let name: TitledName
        /// A title with a nationality in front ("Russian President Vladimir Putin"): not an office
        /// of the country visited.
        let foreign: Bool
    }

    /// People named with a title in the remarks: "Met with King Philippe and Prime Minister
    /// Alexander De Croo." -> King Philippe, Prime Minister Alexander De Croo.
    static func people(in text: String, tables: DataSetTables) -> [MetPerson] {
        let tokens = text.split(separator: " ").map(String.init)
        var found: [MetPerson] = []
        var i = 0
        while i < tokens.count {
            guard let first = tokens[i].first, first.isUppercase,
                let title = tables.titles.first(where: { title in
                    i + title.words.count < tokens.count && zip(title.words, tokens[i...]).allSatisfy { $0 == $1 }
                })
            else {
                i += 1
                continue
            }
            var j = i + title.words.count
            var words: [String] = []
            while j < tokens.count, words.count < 5 {
                var token = tokens[j]
                let ends =
                    token.hasSuffix(",") || token.hasSuffix(";") || token.hasSuffix(":") || token.hasSuffix(")")
                    || (token.hasSuffix(".") && !(token.count <= 3 && token.first!.isUppercase))
                let possessive = token.hasSuffix("'s") || token.hasSuffix("’s")
                token = token.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()"))
                if possessive { token.removeLast(2) }
                guard let c = token.first, c.isUppercase || (tables.particles.contains(token) && !words.isEmpty) else { break }
                if token == "and" { break }
                words.append(token)
                j += 1
                if ends || possessive { break }
            }
            while let last = words.last, tables.particles.contains(last) { words.removeLast() }
            let previous = i > 0 ? tokens[i - 1] : ""
            let foreign =
                previous.first?.isUppercase == true && !["Met", "With", "And", "The", "Attended", "Visited"].contains(previous)
                && !previous.hasSuffix(".") && !previous.hasSuffix(",")
            if !words.isEmpty, !words.contains(where: { notNames.contains($0) }), words.contains(where: { $0.count > 1 }) {
                found.append(
                    MetPerson(
                        name: TitledName(
                            name: words.joined(separator: " "), title: title.title, role: title.role,
                            national: title.national), foreign: foreign))
                i = j
            } else {
                i += title.words.count
            }
        }
        return found
    }

    /// Every summit or conference the remarks say was attended.
    static func gatherings(in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let range = rest.find("ttended ") {
            let from = rest[range.lowerBound...]
            rest = rest[range.upperBound...]
            guard let name = VisitDescription.attended(in: "A" + from) else { continue }
            let folded = name.folded
            guard
                ["summit", "conference", "meeting", "assembly", "session", "council", "forum", "talks"].contains(where: {
                    folded.holds($0)
                }),
                !folded.hasPrefix("meeting with"), !found.contains(name)
            else { continue }
            found.append(name)
        }
        return found
    }

    static func mergingGatherings(_ events: [Event]) -> [Event] {
        var result: [Event] = []
        var index: [String: Int] = [:]
        for event in events {
            if let i = index[event.id] {
                for participant in event.participants where !result[i].participants.contains(participant) {
                    result[i].participants.append(participant)
                }
                result[i].sources += event.sources
                if let mine = event.within, let theirs = result[i].within {
                    result[i].within = [min(mine[0], theirs[0]), max(mine[1], theirs[1])]
                }
                continue
            }
            index[event.id] = result.count
            result.append(event)
        }
        return result
    }
}
