import Foundation
import DiploModel
import DiploStore

/// The XML data sets of the US Office of the Historian that `diplo import` reads, told apart by
/// their content (the root element), never by the file's name.
public enum DataSetFormat: String, Sendable {
    /// `<visits>`: visits of foreign leaders to the United States.
    case visits
    /// `<trips>`: trips abroad of presidents and secretaries of state.
    case trips
    /// `<presidents>`: the presidents' terms of office.
    case presidents
    /// `<TEI>` articles of the guide to the history of recognition, diplomatic and consular relations.
    case relations
    /// `<code-table>`: a table of codes (the travel roles); nothing to import.
    case codeTable

    /// The data set an XML document is, from its root element; nil for any other XML.
    public static func detect(_ data: Data) -> DataSetFormat? {
        guard let root = rootElement(of: data) else { return nil }
        switch root {
        case "visits": return .visits
        case "trips": return .trips
        case "presidents": return .presidents
        case "code-table": return .codeTable
        case "TEI":
            // A TEI article of the relations guide has dated timeline sections.
            let head = data.prefix(64 << 10)
            return head.range(of: Data("type=\"timeline\"".utf8)) != nil
                || head.range(of: Data("History of Recognition".utf8)) != nil ? .relations : nil
        default: return nil
        }
    }

    /// The name of the first element of an XML document (after the declaration, comments and a
    /// doctype), or nil when the bytes do not start like XML.
    public static func rootElement(of data: Data) -> String? {
        var bytes = data.prefix(8192)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        bytes = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        guard bytes.first == UInt8(ascii: "<") else { return nil }
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            let next = bytes.index(after: open)
            guard next < bytes.endIndex else { return nil }
            let byte = bytes[next]
            if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") {
                guard let close = bytes[next...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                index = bytes.index(after: close)
                continue
            }
            let name = bytes[next...].prefix { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "/")) }
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }
        return nil
    }

    /// The digest a data set file's document carries: the SHA-256 of its bytes, and for visits and
    /// trips of the presidents' terms it was read with (they name the president met). A file whose
    /// digest the knowledge base holds was imported as it is now: reading it again changes nothing.
    public func digest(of data: Data, store: Store?) -> String {
        switch self {
        case .visits, .trips: return DataSetBuilder.digest(data, context: PresidentTerms(store: store).fingerprint)
        default: return DataSetBuilder.digest(data, context: "")
        }
    }

    /// Whether the bytes look like XML at all.
    public static func looksLikeXML(_ data: Data) -> Bool { rootElement(of: data) != nil }

    /// Reads a data set file into what it yields. `store` gives what other files already put
    /// into the knowledge base (the presidents' terms, for "met with the President").
    public func read(_ data: Data, file: String, store: Store?) throws -> KnowledgeBase {
        switch self {
        case .visits: return try VisitsReader(file: file, presidents: PresidentTerms(store: store), store: store).read(data)
        case .trips: return try TripsReader(file: file, presidents: PresidentTerms(store: store), store: store).read(data)
        case .presidents: return try PresidentsReader(file: file).read(data)
        case .relations: return try RelationsReader(file: file).read(data)
        case .codeTable:
            _ = try XMLRecordReader.read(data, record: "item", file: file)
            return KnowledgeBase(notes: ["a code table (the travel roles): nothing to import; the roles it lists are read with the trips"])
        }
    }
}

/// The word lists and the country table the data set readers go by: JSON in DataSets/Tables,
/// shipped inside the binary.
struct DataSetTables: Sendable {
    struct Country: Decodable, Sendable { let iso: String; let name: String }
    struct Historical: Decodable, Sendable { let name: String; let years: String; let successors: [String]; let aliases: [String] }
    struct Title: Decodable, Sendable { let role: String; let en: [String]; let national: Bool? }
    struct KindRule: Decodable, Sendable { let kind: EventKind; let phrases: [String] }
    struct StepRule: Decodable, Sendable { let step: String; let level: String; let phrases: [String] }
    private struct CountriesFile: Decodable { let countries: [String: Country]; let historical: [String: Historical] }
    private struct TitlesFile: Decodable { let titles: [Title]; let honorifics: [String]; let particles: [String] }
    private struct KindsFile: Decodable { let kinds: [KindRule] }
    private struct StepsFile: Decodable { let steps: [StepRule] }

    let countries: [String: Country]
    let historical: [String: Historical]
    /// Folded names and aliases of the historical states, to their slugs.
    let historicalByName: [String: String]
    /// Titles as word sequences, longest first.
    let titles: [(words: [String], title: String, role: String, national: Bool)]
    let honorifics: [[String]]
    let particles: Set<String>
    let kinds: [KindRule]
    /// Each kind rule's phrases as folded words.
    let kindPhraseWords: [[[Substring]]]
    let steps: [StepRule]

    static let shared = DataSetTables()

    private init() {
        let countriesFile = Lexicon.decode(PackageResources.dataset_countries_json, as: CountriesFile.self)
        countries = countriesFile.countries
        historical = countriesFile.historical
        var byName: [String: String] = [:]
        for (slug, state) in historical {
            for name in [state.name] + state.aliases { byName[name.folded] = slug }
        }
        historicalByName = byName
        let titlesFile = Lexicon.decode(PackageResources.dataset_titles_json, as: TitlesFile.self)
        titles = titlesFile.titles.flatMap { entry in
            entry.en.map { (words: $0.split(separator: " ").map(String.init), title: $0, role: entry.role, national: entry.national ?? true) }
        }.sorted { $0.words.count > $1.words.count }
        honorifics = titlesFile.honorifics.map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }
        particles = Set(titlesFile.particles)
        kinds = Lexicon.decode(PackageResources.dataset_visit_kinds_json, as: KindsFile.self).kinds
        kindPhraseWords = kinds.map { $0.phrases.map { $0.folded.split(separator: " ") } }
        steps = Lexicon.decode(PackageResources.dataset_relation_steps_json, as: StepsFile.self).steps
    }
}

/// A person as a data set names them: "Prime Minister Kyriakos Mitsotakis".
public struct TitledName: Equatable, Sendable {
    public var name: String
    public var title: String?
    public var role: String?
    /// The title is an office of the person's country (not "Secretary General" of an organisation).
    public var national = true

    /// Splits the title (the longest known one in front) from the name; honorifics are dropped.
    public init?(_ text: String) { self.init(text, tables: .shared) }

    init?(_ text: String, tables: DataSetTables) {
        var words = text.split(separator: " ").map(String.init)
        for honorific in tables.honorifics where words.starts(with: honorific) {
            words.removeFirst(honorific.count)
            break
        }
        if let match = tables.titles.first(where: { words.count > $0.words.count && words.starts(with: $0.words) }) {
            title = match.title
            role = match.role
            national = match.national
            words.removeFirst(match.words.count)
        }
        // "Prime Minister and Foreign Minister X": a second title joins the first.
        if title != nil, words.first == "and",
           let second = tables.titles.first(where: { words.count > $0.words.count + 1 && Array(words.dropFirst()).starts(with: $0.words) }) {
            title! += " and " + second.title
            words.removeFirst(second.words.count + 1)
        }
        // "President, Lyndon Johnson": a comma after the title is no part of the name.
        if let first = words.first, first.hasSuffix(","), words.count > 1 { words[0] = String(first.dropLast()) }
        let name = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,;."))
        guard !name.isEmpty, name.contains(where: \.isLetter) else { return nil }
        self.name = name
    }

    /// Everyone a visitor field names: "President Anwar Sadat, Prime Minister Mustafa Khalil" and
    /// "President X and Prime Minister Y" are two people; a part is a new person only where a known
    /// title starts it.
    public static func all(in text: String) -> [TitledName] { all(in: text, tables: .shared) }

    static func all(in text: String, tables: DataSetTables) -> [TitledName] {
        let words = text.split(separator: " ").map(String.init)
        var parts: [[String]] = [[]]
        var i = 0
        while i < words.count {
            var word = words[i]
            let rest = Array(words[(i + 1)...])
            let startsTitle = tables.titles.contains { rest.count > $0.words.count && rest.starts(with: $0.words) }
            if startsTitle, word == "and" || word == "&", !parts[parts.count - 1].isEmpty {
                parts.append([])
                i += 1
                continue
            }
            if startsTitle, word.hasSuffix(","), parts[parts.count - 1].count >= 1 {
                word.removeLast()
                parts[parts.count - 1].append(word)
                parts.append([])
                i += 1
                continue
            }
            parts[parts.count - 1].append(word)
            i += 1
        }
        return parts.compactMap { TitledName($0.joined(separator: " "), tables: tables) }
    }

    public init(name: String, title: String?, role: String?, national: Bool = true) {
        self.name = name
        self.title = title
        self.role = role
        self.national = national
    }
}

/// The presidents of the United States with their terms, as the knowledge base knows them:
/// "met with President Biden" and "met with the President" resolve to the president of that date.
struct PresidentTerms {
    struct Term { let person: String; let name: String; let surname: String; let days: ClosedRange<Int> }
    var terms: [Term] = []

    init(terms: [Term]) { self.terms = terms }

    /// The terms the store holds: offices with role head_of_state of the United States.
    init(store: Store?) {
        guard let store, let us = try? store.entityID(iso: "US") ?? "country:us",
              let holders = try? store.officeHolders(of: us) else { return }
        for (person, office) in holders where office.role == PresidentsReader.presidentRole {
            guard let start = office.start?.dayRange?.lowerBound else { continue }
            let end = office.end?.dayRange?.upperBound ?? Int.max / 2
            let name = (try? store.displayName(of: person)) ?? person
            terms.append(Term(person: person, name: name, surname: PresidentTerms.surname(of: name), days: start...max(start, end)))
        }
    }

    /// What the terms are, in a line: part of the digest of the files read with them.
    var fingerprint: String {
        terms.map { "\($0.person) \($0.days.lowerBound)-\($0.days.upperBound)" }.sorted().joined(separator: ";")
    }

    static func surname(of name: String) -> String {
        let words = name.folded.split(separator: " ").filter { !["jr", "sr", "ii", "iii"].contains($0) }
        return words.last.map(String.init) ?? ""
    }

    /// The president in office on `day`, or the one of that name ("Biden") in office then, else the
    /// one of that name at any time (a funeral of a former president).
    func president(on day: Int?, named surname: String? = nil) -> Term? {
        let named = surname.map { $0.folded }
        if let day {
            let inOffice = terms.filter { $0.days.contains(day) }
            if let named {
                if let match = inOffice.first(where: { $0.surname == named }) { return match }
            } else if let only = inOffice.last {
                return only
            }
        }
        guard let named else { return nil }
        let matches = terms.filter { $0.surname == named }
        guard !matches.isEmpty else { return nil }
        guard let day else { return matches.count == 1 ? matches[0] : nil }
        // The nearest term before the day: "former President Ford".
        return matches.filter { $0.days.lowerBound <= day }.max { $0.days.lowerBound < $1.days.lowerBound } ?? matches.first
    }
}

/// What one data set file yields, built up record by record: entities once each (their offices
/// and sources gathered), events, partnerships, and the notes on odd records.
struct DataSetBuilder {
    let file: String
    let document: Document
    let tables = DataSetTables.shared
    private(set) var entityOrder: [String] = []
    private(set) var entities: [String: Entity] = [:]
    var events: [Event] = []
    var partnerships: [Partnership] = []
    var notes: [String] = []
    /// Records whose text was tidied (line breaks or runs of spaces inside it).
    var untidyRecords: [String] = []

    /// The knowledge base so far, for a leader named by the last name alone.
    var store: Store?

    init(file: String, document: Document, store: Store? = nil) {
        self.file = file
        self.document = document
        self.store = store
    }

    /// The one person a last name alone stands for ("Prime Minister Churchill"): of this file, else
    /// of the knowledge base, of the same country when it is known; nil when none or several.
    func fullName(of surname: String, country: String?) -> String? {
        let key = surname.folded
        let here = entities.values.filter { entity in
            entity.type == .person && entity.name.split(separator: " ").count > 1
                && entity.name.folded.split(separator: " ").last.map(String.init) == key
                && (country == nil || entity.country == country)
        }.map(\.id)
        if here.count == 1 { return here[0] }
        guard here.isEmpty, let store, let known = try? store.personIDs(surname: surname, country: country) else { return nil }
        return known.count == 1 ? known[0] : nil
    }

    /// A note on one record, named by its id and line: what was odd and what was done.
    mutating func note(_ record: String, line: Int, _ text: String) {
        notes.append("\(record) (line \(line)): \(text)")
    }

    func source(_ record: String, line: Int, quote: String?) -> SourceRef {
        SourceRef(document: document.id, quote: quote, note: "\(record), line \(line)")
    }

    mutating func add(_ entity: Entity) {
        if var known = entities[entity.id] {
            // "Tô Lâm" rather than "To Lam": the name with its diacritics, the other an alias.
            if known.name != entity.name, known.name.allSatisfy(\.isASCII), !entity.name.allSatisfy(\.isASCII),
               known.name.folded == entity.name.folded {
                known.aliases.append(known.name)
                known.name = entity.name
                known.names = entity.names
            }
            for alias in entity.aliases where !known.aliases.contains(alias) && alias != known.name { known.aliases.append(alias) }
            for office in entity.offices {
                if let i = known.offices.firstIndex(where: { $0.title == office.title && $0.of == office.of && $0.start == office.start }) {
                    for source in office.sources where !known.offices[i].sources.contains(source) {
                        known.offices[i].sources.append(source)
                    }
                } else {
                    known.offices.append(office)
                }
            }
            if known.country == nil { known.country = entity.country }
            entities[entity.id] = known
        } else {
            entityOrder.append(entity.id)
            entities[entity.id] = entity
        }
    }

    /// The United States, host of every visit and home of the travellers.
    mutating func unitedStates() -> String {
        country(slug: "united-states", label: nil, record: nil, line: 0)!
    }

    /// The country an id slug and label name: its ISO code; a historical state of its own;
    /// an unknown slug kept as a country without a code, with a note.
    mutating func country(slug: String?, label: String?, record: String?, line: Int) -> String? {
        if let label, let historical = tables.historicalByName[label.folded] {
            return historicalState(historical)
        }
        guard let slug else {
            if let record { note(record, line: line, "no country id: imported without a country") }
            return nil
        }
        if let country = tables.countries[slug] {
            let id = "country:" + country.iso.lowercased()
            if entities[id] == nil {
                add(Entity(id: id, type: .country, name: country.name, names: ["en": country.name], iso: country.iso))
            }
            return id
        }
        if tables.historical[slug] != nil { return historicalState(slug) }
        let id = "country:" + slug
        if entities[id] == nil {
            let name = label ?? slug
            add(Entity(id: id, type: .country, name: name, names: ["en": name],
                       sources: [SourceRef(document: document.id, note: "country id \"\(slug)\" is not in diplo's table of the data sets' countries: kept without an ISO code")]))
        }
        if let record { note(record, line: line, "unknown country id \"\(slug)\" (\(label ?? "no name")): kept as a country without an ISO code") }
        return id
    }

    /// A state that no longer exists: a country of its own, without an ISO code, with its years
    /// and today's states on its territory in a note.
    mutating func historicalState(_ slug: String) -> String {
        let id = "country:" + slug
        if entities[id] == nil, let state = tables.historical[slug] {
            add(Entity(id: id, type: .country, name: state.name, names: ["en": state.name],
                       aliases: state.aliases.filter { $0 != state.name },
                       sources: [SourceRef(document: document.id, note: "historical state, \(state.years); its territory is today part of \(state.successors.joined(separator: ", ")) (ISO 3166-1); no ISO code of its own")]))
        }
        return id
    }

    /// A person with the office their title names (`of` the country, for a national title).
    mutating func person(_ titled: TitledName, country: String?, source: SourceRef) -> String {
        let id = "person:" + titled.name.slug
        var offices: [Office] = []
        if let title = titled.title {
            offices.append(Office(title: title, role: titled.role, of: titled.national ? country : nil, sources: [source]))
        }
        let isNew = entities[id] == nil
        add(Entity(id: id, type: .person, name: titled.name, names: ["en": titled.name], country: titled.national ? country : nil,
                   offices: offices, sources: isNew ? [source] : []))
        return id
    }

    /// The document and everything gathered, with a note on the records whose text was tidied.
    func build() -> KnowledgeBase {
        var notes = self.notes
        if !untidyRecords.isEmpty {
            let shown = untidyRecords.prefix(12).joined(separator: ", ") + (untidyRecords.count > 12 ? ", ..." : "")
            notes.append("text broken across lines or with runs of spaces in \(untidyRecords.count) records, read as single spaces: \(shown)")
        }
        return KnowledgeBase(documents: [document], entities: entityOrder.map { entities[$0]! }, events: events,
                             partnerships: partnerships, notes: notes.isEmpty ? nil : notes)
    }

    /// The document for a data set file: its id from the data set and the file's own name (not
    /// its folder), so that a copy elsewhere is the same document.
    static func document(dataSet: String, file: String, data: Data, title: String, source: String, context: String = "") -> Document {
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return Document(id: "hs:\(dataSet):\(base.slug)", title: title, lang: "en", source: source,
                        sha256: digest(data, context: context))
    }

    /// The SHA-256 of the file's bytes, followed (when there is one) by the context it was read in.
    static func digest(_ data: Data, context: String) -> String {
        context.isEmpty ? SHA256.hex(data) : SHA256.hex(data + Data(("\n" + context).utf8))
    }
}

/// Dates as the data sets write them, with the policy for odd ones.
enum DataSetDates {
    /// A date field: a full ISO date, or a partial one ("1874-12"); nil when absent or unreadable.
    static func parse(_ text: String?) -> PartialDate? {
        guard let text, !text.isEmpty else { return nil }
        return try? PartialDate(String(text.prefix(10)))
    }

    /// A record's dates. Missing start: the end stands for both. Missing end: the start. An end
    /// before the start: the end is dropped. Each is noted.
    static func range(start startText: String?, end endText: String?, record: String, line: Int,
                      builder: inout DataSetBuilder) -> (PartialDate?, PartialDate?) {
        var start = parse(startText), end = parse(endText)
        if let startText, !startText.isEmpty, start == nil {
            builder.note(record, line: line, "start date \"\(startText)\" is not a date: left out")
        }
        if let endText, !endText.isEmpty, end == nil {
            builder.note(record, line: line, "end date \"\(endText)\" is not a date: left out")
        }
        switch (start, end) {
        case (nil, nil):
            builder.note(record, line: line, "no dates: imported without a date")
        case (nil, let end?):
            builder.note(record, line: line, "no start date: the end date \(end) taken as its date")
            start = end
        case (let start?, let e?) where e < start:
            builder.note(record, line: line, "end date \(e) is before the start date \(start): the end date is left out")
            end = nil
        default:
            break
        }
        return (start, end)
    }
}

/// Full dates in prose: "on February 17, 1950", "17 February 1950".
enum ProseDates {
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]

    /// Every full date in the text with the span of characters it takes, in order.
    static func find(in text: String) -> [(date: PartialDate, range: Range<String.Index>)] {
        var found: [(PartialDate, Range<String.Index>)] = []
        let words = tokens(text)
        var i = 0
        while i < words.count {
            let word = words[i].text.lowercased()
            if let month = months.firstIndex(of: word).map({ $0 + 1 }) {
                // Month D, YYYY
                if i + 2 < words.count, let day = Int(words[i + 1].text), let year = Int(words[i + 2].text),
                   words[i + 2].text.count == 4, let date = try? PartialDate(year: year, month: month, day: day) {
                    found.append((date, words[i].range.lowerBound..<words[i + 2].range.upperBound))
                    i += 3
                    continue
                }
                // D Month YYYY
                if i >= 1, i + 1 < words.count, let day = Int(words[i - 1].text), let year = Int(words[i + 1].text),
                   words[i + 1].text.count == 4, let date = try? PartialDate(year: year, month: month, day: day) {
                    found.append((date, words[i - 1].range.lowerBound..<words[i + 1].range.upperBound))
                    i += 2
                    continue
                }
            }
            i += 1
        }
        return found
    }

    private static func tokens(_ text: String) -> [(text: Substring, range: Range<String.Index>)] {
        var result: [(Substring, Range<String.Index>)] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c.isLetter || c.isNumber {
                if start == nil { start = index }
            } else if let s = start {
                result.append((text[s..<index], s..<index))
                start = nil
            }
            index = text.index(after: index)
        }
        if let s = start { result.append((text[s..<text.endIndex], s..<text.endIndex)) }
        return result
    }

    /// The sentence of `text` around `range`.
    static func sentence(in text: String, around range: Range<String.Index>) -> String {
        var start = range.lowerBound
        while start > text.startIndex {
            let before = text.index(before: start)
            if text[before] == ".", isSentenceEnd(text, at: before) { break }
            start = before
        }
        var end = range.upperBound
        while end < text.endIndex {
            if text[end] == ".", isSentenceEnd(text, at: end) {
                end = text.index(after: end)
                break
            }
            end = text.index(after: end)
        }
        return text[start..<end].trimmingCharacters(in: .whitespaces)
    }

    /// A full stop that ends a sentence: at the end, or before a space and a capital, after a word
    /// that is no initial or abbreviation ("Edmund A. Gullion", "the U.S. Department").
    static func isSentenceEnd(_ text: String, at index: String.Index) -> Bool {
        let after = text.index(after: index)
        if after == text.endIndex { return true }
        guard text[after] == " " else { return false }
        var wordStart = index
        while wordStart > text.startIndex, !text[text.index(before: wordStart)].isWhitespace { wordStart = text.index(before: wordStart) }
        let word = text[wordStart..<index]
        if word.count <= 2 || word.contains(".") || ["Mr", "Mrs", "Dr", "St", "Jr", "Sr", "Gen", "Lt", "Col", "No"].contains(String(word)) {
            return false
        }
        return true
    }
}
