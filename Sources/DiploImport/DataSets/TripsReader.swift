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
        var builder = try DataSetBuilder.reading(
            data, record: "trip", file: file, dataSet: "travels", title: "Office of the Historian: Travels Abroad",
            source: "https://history.state.gov/departmenthistory/travels", presidents: presidents, store: store, each: stop)
        // Two stops naming one gathering in the same file: one event, with every source.
        builder.events = TripsReader.mergingGatherings(builder.events)
        return builder.build()
    }

    /// One `<trip>` record, a stop: the traveller's visit to the country, and the summits and
    /// conferences attended there (events inside the stop, one per gathering: a traveller's and
    /// another's record of the same summit are one event). A record without a traveller is noted.
    func stop(_ record: XMLRecord, id: String, us: String, builder: inout DataSetBuilder) {
        let label = "trip \(id)"
        guard let name = record["name"] else {
            builder.note(label, line: record.line, "no traveller named: skipped")
            return
        }
        let remarks = record["remarks"] ?? ""
        let source = builder.source(label, line: record.line, quote: remarks.isEmpty ? nil : remarks)
        let traveller = TripsReader.traveller(name, record: record, label: label, builder: &builder)
        let person = builder.person(traveller, country: us, source: source)
        let country = builder.country(
            slug: record.attribute("id", of: "country"), label: record["country"], record: label, line: record.line)
        let (start, end) = DataSetDates.range(
            start: record["start-date"], end: record["end-date"], record: label,
            line: record.line, builder: &builder)
        let locale = record["locale"]
        let gatherings = TripsReader.gatherings(in: remarks)
        let participants = self.participants(
            traveller: person, country: country, remarks: remarks, atGathering: !gatherings.isEmpty,
            day: start?.dayRange?.lowerBound, source: source, builder: &builder)
        let reading = VisitDescription(remarks, tables: builder.tables)
        let kind: EventKind = [.stateVisit, .officialVisit, .workingVisit].contains(reading.kind) ? reading.kind : .visit
        let countryName = country.flatMap { builder.entities[$0]?.name } ?? record["country"] ?? "abroad"
        let visit = Event(
            id: "hs:trip:\(id)", kind: kind, title: "\(name) in \(countryName)" + (locale.map { " (\($0))" } ?? ""),
            status: .held,
            start: start, end: end ?? start, location: Location(country: country, city: locale),
            participants: participants, sources: [source])
        builder.events.append(visit)
        for gathering in gatherings {
            builder.events.append(TripsReader.event(of: gathering, within: visit, traveller: person))
        }
    }

    /// The traveller, with the office the record's role code names; a code diplo does not know is
    /// noted, and the traveller kept without an office.
    static func traveller(_ name: String, record: XMLRecord, label: String, builder: inout DataSetBuilder) -> TitledName {
        let code = record["role"] ?? record.attribute("role", of: "trip")
        guard let code, let role = TripsReader.roles[code] else {
            builder.note(
                label, line: record.line,
                "role \"\(code ?? "none")\" is not a travel role code diplo knows: the traveller is kept without an office")
            return TitledName(name: name, title: nil, role: nil)
        }
        return TitledName(name: name, title: role.title, role: role.role)
    }

    /// Who took part in a stop: the traveller as guest, the country visited as host, and the
    /// leaders the remarks say were met. At a summit (`atGathering`) the leaders met come from
    /// anywhere: their country is not the host's.
    func participants(
        traveller: String, country: String?, remarks: String, atGathering: Bool, day: Int?, source: SourceRef,
        builder: inout DataSetBuilder
    ) -> [Participant] {
        var participants = [Participant(entity: traveller, role: .guest)]
        if let country { participants.append(Participant(entity: country, role: .host)) }
        for met in TripsReader.people(in: remarks, tables: builder.tables) {
            let id = person(met, of: met.foreign || atGathering ? nil : country, day: day, source: source, builder: &builder)
            if id != traveller, !participants.contains(where: { $0.entity == id }) {
                let president = presidents.terms.contains { $0.person == id }
                participants.append(Participant(entity: id, role: president ? .attendee : .host))
            }
        }
        return participants
    }

    /// The id of a leader met: the US president of the day (met on a secretary's trip), the one
    /// person known by a last name alone, or a person of the country `of` with the title's office.
    func person(_ met: MetPerson, of country: String?, day: Int?, source: SourceRef, builder: inout DataSetBuilder) -> String {
        let single = met.name.name.split(separator: " ").count == 1
        if met.name.role == "president",
            let term = presidents.president(on: day, named: PresidentTerms.surname(of: met.name.name)),
            single || term.name.folded.hasSuffix(met.name.name.folded)
        {
            return term.person
        }
        if single, let full = builder.fullName(of: met.name.name, country: country) { return full }
        return builder.person(met.name, country: country, source: source)
    }

    /// A summit or conference attended during a stop: an event inside the stop's visit, its days
    /// within the visit's, the traveller attending.
    static func event(of gathering: String, within visit: Event, traveller: String) -> Event {
        let kind: EventKind = gathering.folded.holds("summit") ? .summit : .conference
        let month = visit.start.map { String($0.description.prefix(7)) } ?? "undated"
        let place = visit.location?.country.map { $0.replacingOccurrences(of: "country:", with: "") } ?? "unknown"
        var within: [PartialDate]?
        if let start = visit.start, let end = visit.end { within = [start, end] }
        return Event(
            id: "hs:\(kind.rawValue):\(month):\(place):\(gathering.slug)", kind: kind, title: gathering,
            status: .held, within: within, location: visit.location,
            participants: [Participant(entity: traveller, role: .attendee)], parent: visit.id, sources: visit.sources)
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
                result[i].participants.appendMissing(event.participants)
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
