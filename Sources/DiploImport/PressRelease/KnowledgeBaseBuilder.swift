import DiploModel
import DiploStore
import Foundation

/// Turns what the reader found into the interchange format: entities resolved to the knowledge
/// base's own where it knows them, and every fact with the sentence it comes from.
struct KnowledgeBaseBuilder {
    let store: Store?
    let lang: String
    let sentences: [Sentence]
    let vocabulary: Vocabulary
    let document: Document
    private var entities: [Entity] = []
    private var entityIndex: [String: Int] = [:]

    init(store: Store?, lang: String, sentences: [Sentence], vocabulary: Vocabulary, document: Document) {
        self.store = store
        self.lang = lang
        self.sentences = sentences
        self.vocabulary = vocabulary
        self.document = document
    }

    func source(_ sentence: Int) -> SourceRef {
        let found = sentences[sentence]
        return SourceRef(document: document.id, start: found.start, end: found.end, quote: found.text)
    }

    /// The id of a country, by ISO code: the knowledge base's, or a new one.
    mutating func country(_ iso: String, sentence: Int?) throws -> String {
        if let index = entityIndex["country:" + iso] { return entities[index].id }
        let vi = vocabulary.regionNames[iso]?["vi"] ?? iso
        let en = vocabulary.regionNames[iso]?["en"] ?? iso
        let id = try store?.entityID(iso: iso) ?? "country:\(iso.lowercased())"
        let entity = Entity(
            id: id, type: .country, name: lang == "vi" ? vi : en, names: ["vi": vi, "en": en], iso: iso,
            sources: sentence.map { [source($0)] } ?? [])
        entityIndex["country:" + iso] = entities.count
        entities.append(entity)
        return id
    }

    /// A party key ("VN", or "org:" and a folded name) as an entity id.
    mutating func party(_ key: String, sentence: Int) throws -> String {
        if key.hasPrefix("org:") {
            let folded = String(key.dropFirst(4))
            let known = vocabulary.organizations.first { $0.name.folded == folded }
            return try organization(name: known?.names[lang] ?? folded, known: known, country: nil, sentence: sentence)
        }
        return try country(key, sentence: sentence)
    }

    mutating func organization(name: String, known: Vocabulary.Organization?, country: String?, sentence: Int) throws -> String {
        let key = "org:" + (known?.name ?? name).folded
        if let index = entityIndex[key] {
            if !entities[index].aliases.contains(name) && entities[index].name != name
                && !entities[index].names.values.contains(name)
            {
                entities[index].aliases.append(name)
            }
            return entities[index].id
        }
        var names: [String: String] = known?.names ?? [:]
        if names.isEmpty { names[lang] = name }
        let display = known?.names[lang] ?? name
        var aliases = (known?.aliases ?? []) + (names.values.contains(name) ? [] : [name])
        aliases = aliases.filter { $0 != display }.uniqued()
        let existing = try (names.values + aliases).lazy.compactMap {
            try self.store?.entityIDs(named: $0, type: .organization).first
        }.first
        let countryID = try (country ?? known?.country).map { try self.country($0, sentence: nil) }
        let id = existing ?? "org:\(display.slug)"
        entityIndex[key] = entities.count
        entities.append(
            Entity(
                id: id, type: .organization, name: display, names: names, aliases: aliases, country: countryID,
                sources: [source(sentence)]))
        return id
    }

    mutating func build(
        persons: [DocumentPerson], mentions: [SentenceMentions], events: [DraftEvent],
        partnerships: [DraftPartnership], anniversaries: [DraftAnniversary], notes: [String]
    ) throws -> KnowledgeBase {
        for (index, sentence) in mentions.enumerated() {
            for country in sentence.allCountries { _ = try self.country(country.iso, sentence: index) }
            // The sentence's tokens once for all its organisations (they may be cut again: see Sentence).
            let tokens = sentence.organizations.isEmpty ? [] : sentences[index].tokens
            for organization in sentence.organizations {
                _ = try self.organization(
                    name: tokens.text(organization.first, organization.end),
                    known: organization.known.map { vocabulary.organizations[$0] },
                    country: organization.country, sentence: index)
            }
        }
        var personIDs: [Int: String] = [:]
        for (index, person) in persons.enumerated() where !person.name.isEmpty {
            let countryID = try person.country.map { try country($0, sentence: nil) }
            var offices: [Office] = []
            for title in person.titles where title.role != "counterpart" {
                let of =
                    try title.organization.map { known in
                        try organization(
                            name: vocabulary.organizations[known].names[lang] ?? vocabulary.organizations[known].name,
                            known: vocabulary.organizations[known], country: nil, sentence: person.sentences[0])
                    } ?? title.country.map { try country($0, sentence: nil) } ?? countryID
                offices.append(Office(title: title.text, role: title.role, of: of, sources: [source(person.sentences[0])]))
            }
            // A monarch the text names by one name goes by the title with it ("King Abdullah").
            let regnal =
                person.name.contains(" ")
                ? []
                : person.titles.filter { vocabulary.regnalTitles.contains($0.text.folded) }.map { "\($0.text) \(person.name)" }
            let existing = try store?.entityIDs(named: person.name, type: .person).first
            let id = existing ?? uniqueID("person:\(person.name.slug)")
            personIDs[index] = id
            // Two names of the text that the knowledge base knows as one person ("Kishida Fumio",
            // "Fumio Kishida"): one entity, the second name kept as an alias.
            if let known = entities.firstIndex(where: { $0.id == id && $0.type == .person }) {
                entityIndex["person:\(index)"] = known
                if entities[known].name != person.name, !entities[known].aliases.contains(person.name) {
                    entities[known].aliases.append(person.name)
                }
                entities[known].offices += offices.filter { !entities[known].offices.contains($0) }
                entities[known].aliases += regnal.filter { !entities[known].aliases.contains($0) }
                continue
            }
            entityIndex["person:\(index)"] = entities.count
            entities.append(
                Entity(
                    id: id, type: .person, name: person.name, aliases: regnal.uniqued(), country: countryID, offices: offices,
                    sources: person.sentences.prefix(1).map(source)))
        }

        var yieldEvents: [Event] = []
        let short = document.id.dropFirst(4).prefix(8)
        for (index, draft) in events.enumerated() {
            var participants: [Participant] = []
            let placeID = try draft.places.first.map { try country($0, sentence: nil) }
            let roles = self.roles(draft, persons: persons)
            for (person, role) in roles {
                if let id = personIDs[person] { participants.append(Participant(entity: id, role: ParticipantRole(role))) }
            }
            // A country whose official the text does not name takes part itself, unless one of its people does.
            let represented = Set(roles.compactMap { persons[$0.0].country })
            for iso in draft.sides where !represented.contains(iso) {
                participants.append(Participant(entity: try country(iso, sentence: nil), role: .attendee))
            }
            let location: Location? = placeID == nil && draft.city == nil ? nil : Location(country: placeID, city: draft.city)
            yieldEvents.append(
                Event(
                    id: "event:\(short)-\(index + 1)", kind: draft.kind, title: title(of: draft, persons: persons),
                    status: draft.status,
                    start: draft.start, end: draft.end, within: draft.within, location: location,
                    participants: participants.uniqued(), parent: draft.parent.map { "event:\(short)-\($0 + 1)" },
                    sources: draft.sentences.sorted().map(source)))
        }

        var yieldPartnerships: [Partnership] = []
        for draft in partnerships {
            var parties: [String] = []
            for party in draft.parties { parties.append(try self.party(party, sentence: draft.sentences[0])) }
            let existing = try store?.partnershipID(parties: parties, level: draft.level)
            let id =
                existing ?? "partnership:" + draft.parties.map { $0.lowercased().slug }.sorted().joined(separator: "-") + ":"
                + draft.level.key
            let history = draft.history.map {
                Milestone(level: $0.level, date: $0.date, inferred: $0.inferred, sources: [source($0.sentence)])
            }
            yieldPartnerships.append(
                Partnership(
                    id: id, parties: parties, level: draft.level, established: draft.established,
                    history: history, sources: draft.sentences.map(source)))
        }
        let yieldAnniversaries = anniversaries.map {
            Anniversary(
                event: yieldEvents[$0.event].id, partnership: yieldPartnerships[$0.partnership].id, years: $0.years,
                date: $0.date, stated: true, sources: [source($0.sentence)])
        }
        return KnowledgeBase(
            documents: [document], entities: entities, events: yieldEvents, partnerships: yieldPartnerships,
            anniversaries: yieldAnniversaries, notes: notes.isEmpty ? nil : notes)
    }

    func uniqueID(_ base: String) -> String {
        var id = base
        var n = 2
        while entities.contains(where: { $0.id == id }) {
            id = "\(base)-\(n)"
            n += 1
        }
        return id
    }

    /// Who is who in an event: visitors are guests and those they visit hosts; at a meeting in
    /// one side's country that side hosts; at a press conference people speak.
    func roles(_ event: DraftEvent, persons: [DocumentPerson]) -> [(Int, String)] {
        var result: [(Int, String)] = []
        switch event.kind {
        case .pressConference:
            result = (event.agents + event.counterparts).map { ($0, "speaker") }
        case .summit, .conference:
            result = (event.agents + event.counterparts).map { ($0, "attendee") }
        case .trip, .stateVisit, .officialVisit, .workingVisit, .visit:
            result = event.agents.map { ($0, "guest") } + event.counterparts.map { ($0, "host") }
        default:
            let place = event.places.first
            for agent in event.agents {
                let country = persons[agent].country
                result.append((agent, place == nil ? "attendee" : country == place ? "host" : "guest"))
            }
            for counterpart in event.counterparts {
                let country = persons[counterpart].country
                result.append((counterpart, place == nil ? "attendee" : country == place ? "host" : "guest"))
            }
        }
        if let inviter = event.inviter { result.append((inviter, "invited_by")) }
        return result
    }

    func title(of event: DraftEvent, persons: [DocumentPerson]) -> String {
        if let name = event.name { return name }
        let label =
            event.kind == .trip
            ? vocabulary.tripLabel[lang] ?? "Trip" : (event.label ?? vocabulary.labels[event.kind])?[lang] ?? event.kind.rawValue
        let agents = event.agents.map { persons[$0].name }.joined(separator: ", ")
        let others = event.counterparts.map { persons[$0].name }.joined(separator: ", ")
        let places = event.places.compactMap { vocabulary.regionNames[$0]?[lang] }.joined(separator: ", ")
        var parts = [label]
        if !agents.isEmpty { parts.append(agents) }
        if !others.isEmpty { parts.append(others) } else if !places.isEmpty { parts.append(places) }
        return parts.count == 1 ? label : parts[0] + ": " + parts.dropFirst().joined(separator: " – ")
    }
}
