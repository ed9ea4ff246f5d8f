import DiploModel
import DiploStore
import Foundation

/// `<visits>`: visits of foreign leaders to the United States. Each `<visit>` is an event: the
/// visitor (title and name: a person holding that office of their country) comes from
/// `<from id=...>`; the description gives the kind (state, official, working or private visit; a
/// summit attended; a meeting with the President), the US president who received them, and the
/// city. A summit that several visitors attended is one event with all of them.
struct VisitsReader {
    let file: String
    let presidents: PresidentTerms
    var store: Store?

    func read(_ data: Data) throws -> KnowledgeBase {
        var gatherings: [String: Int] = [:]
        var missingPresidents = false
        var builder = try DataSetBuilder.reading(
            data, record: "visit", file: file, dataSet: "visits", title: "Office of the Historian: Visits by Foreign Leaders",
            source: "https://history.state.gov/departmenthistory/visits", presidents: presidents, store: store
        ) { record, id, us, builder in
            guard let visit = self.visit(record, id: id, us: us, builder: &builder) else { return }
            if visit.hosts.isEmpty, visit.reading.metThePresident || !visit.reading.presidentsNamed.isEmpty,
                presidents.terms.isEmpty
            {
                missingPresidents = true
            }
            if visit.reading.kind.family == .multilateral, let name = visit.reading.gathering {
                VisitsReader.gather(visit, named: name, us: us, into: &gatherings, builder: &builder)
            } else {
                builder.events.append(visit.event(id: "hs:visit:\(id)", us: us))
            }
        }
        if missingPresidents {
            builder.notes.append(
                "the presidents' terms are not in the knowledge base, so \"met with the President\" names no president: import travels/presidents/presidents.xml first (a folder import does)"
            )
        }
        return builder.build()
    }

    /// One `<visit>` record read: who came (and with whom), when, what kind of visit, who received them.
    struct Visit {
        let visitor: TitledName
        let source: SourceRef
        let start: PartialDate?
        let end: PartialDate?
        let reading: VisitDescription
        let hosts: [PresidentTerms.Term]
        let participants: [Participant]

        /// The visit as an event of its own, in the United States.
        func event(id: String, us: String) -> Event {
            Event(
                id: id, kind: reading.kind, title: reading.title(visitor: visitor.name, hosts: hosts.map(\.name)),
                status: .held, start: start, end: end ?? start, location: Location(country: us, city: reading.city),
                participants: participants, sources: [source])
        }
    }

    /// A record read into a visit, its visitors and their country added to the builder; nil (with a
    /// note) when it names no visitor.
    func visit(_ record: XMLRecord, id: String, us: String, builder: inout DataSetBuilder) -> Visit? {
        let label = "visit \(id)"
        let named = record["visitor"].map { TitledName.all(in: $0) } ?? []
        guard let visitorText = record["visitor"], let visitor = named.first else {
            builder.note(label, line: record.line, "no visitor named: skipped")
            return nil
        }
        let description = record["description"] ?? ""
        let source = builder.source(label, line: record.line, quote: description.isEmpty ? visitorText : description)
        let country = builder.country(
            slug: record.attribute("id", of: "from"), label: record["from"], record: label, line: record.line)
        let person = VisitsReader.visitor(visitor, country: country, source: source, builder: &builder)
        let (start, end) = DataSetDates.range(
            start: record["start-date"], end: record["end-date"], record: label,
            line: record.line, builder: &builder)
        let reading = VisitDescription(description, tables: builder.tables)
        let hosts = self.hosts(of: reading, on: start?.dayRange?.lowerBound)
        let role: ParticipantRole = reading.kind.family == .multilateral || reading.kind == .ceremony ? .attendee : .guest
        var participants = [Participant(entity: person, role: role)]
        // "President X and Prime Minister Y": both came.
        for other in named.dropFirst() {
            let id = builder.person(other, country: country, source: source)
            if !participants.contains(where: { $0.entity == id }) { participants.append(Participant(entity: id, role: role)) }
        }
        for host in hosts where !participants.contains(where: { $0.entity == host.person }) {
            participants.append(Participant(entity: host.person, role: .host))
        }
        participants.append(Participant(entity: us, role: .host))
        return Visit(
            visitor: visitor, source: source, start: start, end: end, reading: reading, hosts: hosts,
            participants: participants)
    }

    /// The visitor's id. "Prime Minister Churchill": the one person of that country known by that
    /// last name, given the office the title names.
    static func visitor(_ visitor: TitledName, country: String?, source: SourceRef, builder: inout DataSetBuilder) -> String {
        guard !visitor.name.contains(" "), let full = builder.fullName(of: visitor.name, country: country) else {
            return builder.person(visitor, country: country, source: source)
        }
        if let title = visitor.title {
            builder.add(
                Entity(
                    id: full, type: .person, name: builder.entities[full]?.name ?? visitor.name,
                    offices: [Office(title: title, role: visitor.role, of: country, sources: [source])]))
        }
        return full
    }

    /// Who received them: the president named, or for a visit the President receives, the
    /// president of the day.
    func hosts(of reading: VisitDescription, on day: Int?) -> [PresidentTerms.Term] {
        var hosts: [PresidentTerms.Term] = []
        for surname in reading.presidentsNamed {
            if let term = presidents.president(on: day, named: surname) { hosts.append(term) }
        }
        if reading.metThePresident || reading.kind.isVisit && reading.kind != .visit {
            if let term = presidents.president(on: day) { hosts.append(term) }
        }
        return hosts
    }

    /// A summit or conference visited: one event, however many visitors attended it (the first
    /// visit's event, joined by each later one's participants, days and source).
    static func gather(
        _ visit: Visit, named name: String, us: String, into gatherings: inout [String: Int], builder: inout DataSetBuilder
    ) {
        let kind = visit.reading.kind
        let month = visit.start.map { String($0.description.prefix(7)) } ?? "undated"
        let key = "\(kind.rawValue)|\(name.folded)|\(month)"
        guard let index = gatherings[key] else {
            gatherings[key] = builder.events.count
            builder.events.append(
                Event(
                    id: "hs:\(kind.rawValue):\(month):us:\(name.slug)", kind: kind, title: name, status: .held,
                    start: visit.start, end: visit.end ?? visit.start, location: Location(country: us, city: visit.reading.city),
                    participants: visit.participants, sources: [visit.source]))
            return
        }
        var event = builder.events[index]
        event.participants.appendMissing(visit.participants)
        if let start = visit.start, event.start.map({ start < $0 }) ?? true { event.start = start }
        if let end = visit.end ?? visit.start, event.end.map({ $0 < end }) ?? true { event.end = end }
        event.sources.append(visit.source)
        builder.events[index] = event
    }
}

/// What a visit's description says: "Official Working Visit.", "Met with President Biden at the
/// UN General Assembly in New York City.", "Attended the Nuclear Security Summit."
struct VisitDescription {
    let text: String
    var kind: EventKind = .visit
    /// The words that named the kind ("official working visit").
    var kindPhrase: String?
    /// Surnames after "President": "Met with President Biden".
    var presidentsNamed: [String] = []
    /// "met with the President", without a name.
    var metThePresident = false
    /// The summit or conference attended: "Nuclear Security Summit".
    var gathering: String?
    var city: String?

    init(_ text: String, tables: DataSetTables) {
        self.text = text
        let words = text.folded.split(separator: " ")
        var best: (position: Int, order: Int, kind: EventKind, phrase: String)?
        for (order, rule) in tables.kinds.enumerated() {
            for (phrase, phraseWords) in zip(rule.phrases, tables.kindPhraseWords[order]) {
                guard let position = VisitDescription.find(phraseWords, in: words) else { continue }
                if best.map({ (position, order) < ($0.position, $0.order) }) ?? true {
                    best = (position, order, rule.kind, phrase)
                }
            }
        }
        if let best {
            kind = best.kind
            kindPhrase = best.phrase
        }
        presidentsNamed = VisitDescription.namesAfter("President", in: text)
        metThePresident =
            VisitDescription.find(["met", "with", "the", "president"], in: words) != nil
            || VisitDescription.find(["guest", "of", "the", "president"], in: words) != nil
        if kind.family == .multilateral { gathering = VisitDescription.attended(in: text) }
        city = VisitDescription.place(in: text)
    }

    /// Where the words of a phrase first come in a row of words.
    static func find(_ phrase: [Substring], in words: [Substring]) -> Int? {
        guard let head = phrase.first, words.count >= phrase.count else { return nil }
        for i in 0...(words.count - phrase.count) where words[i] == head {
            if phrase.count == 1 || words[(i + 1)..<(i + phrase.count)].elementsEqual(phrase.dropFirst()) { return i }
        }
        return nil
    }

    /// A title for the event, in the project's words.
    func title(visitor: String, hosts: [String]) -> String {
        switch kind {
        case .stateVisit, .officialVisit, .workingVisit, .visit:
            // The description's words, spelled right ("Offical Visit." is an official visit).
            let phrase = (kindPhrase ?? "visit").replacingOccurrences(of: "offical", with: "official")
            return "\(visitor)'s \(phrase) to the United States"
        case .meeting, .talks:
            return hosts.isEmpty ? "\(visitor) meets US officials" : "\(visitor) meets \(hosts.joined(separator: " and "))"
        default:
            let sentence = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? text
            return "\(visitor): \(sentence.prefix(80))"
        }
    }

    /// The surname in the capitalised run after each "President " (not "Vice President"):
    /// "President George W. Bush" -> "Bush".
    static func namesAfter(_ title: String, in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let range = rest.find(title + " ") {
            let before = rest[..<range.lowerBound]
            rest = rest[range.upperBound...]
            if before.hasSuffix("Vice ") || before.hasSuffix("Vice-") { continue }
            var surname: String?
            for token in rest.split(separator: " ").prefix(4) {
                var bare = token.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()"))
                for suffix in ["'s", "’s"] where bare.hasSuffix(suffix) { bare.removeLast(2) }
                guard let first = bare.first, first.isUppercase else { break }
                let initial = bare.count <= 1 || bare.allSatisfy { $0.isUppercase || $0 == "." }
                if !initial { surname = bare }
                if token.hasSuffix(",") || token.hasSuffix(";") || token.hasSuffix("'s") || token.hasSuffix("’s")
                    || (token.hasSuffix(".") && !initial)
                {
                    break
                }
            }
            if let surname { names.append(surname) }
        }
        return names
    }

    /// The thing attended: "Attended the G-20 Economic Summit in Pittsburgh" -> "G-20 Economic Summit".
    static func attended(in text: String) -> String? {
        guard let range = text.find("ttended ") else { return nil }
        var rest = text[range.upperBound...]
        for article in ["the ", "a ", "an "] where rest.hasPrefix(article) { rest = rest.dropFirst(article.count) }
        var end = rest.endIndex
        for stop in [" in ", " at ", ". ", ";", " and met", ", met", " with ", ", where"] {
            if let r = rest.find(stop), r.lowerBound < end { end = r.lowerBound }
        }
        var name = String(rest[..<end]).trimmingCharacters(in: .whitespaces)
        if name.hasSuffix(".") { name.removeLast() }
        return name.isEmpty ? nil : name
    }

    /// The city after " in " or " at ": "in New York City." -> "New York City".
    static func place(in text: String) -> String? {
        for marker in [" in ", " at "] {
            var rest = text[...]
            while let range = rest.find(marker) {
                rest = rest[range.upperBound...]
                var words: [Substring] = []
                for token in rest.split(separator: " ", omittingEmptySubsequences: true) {
                    let bare = token.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()"))
                    guard let first = bare.first, first.isUppercase, bare.first?.isNumber == false else { break }
                    words.append(Substring(bare))
                    if token.hasSuffix(",") || token.hasSuffix(".") || token.hasSuffix(";") || words.count == 4 { break }
                }
                // Not a month ("in April"), nor an organisation ("at the UN").
                if let first = words.first, !ProseDates.months.contains(first.lowercased()),
                    !["The", "U.N.", "UN", "NATO"].contains(String(first))
                {
                    return words.joined(separator: " ")
                }
            }
        }
        return nil
    }
}
