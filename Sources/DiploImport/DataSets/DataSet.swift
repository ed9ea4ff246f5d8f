import DiploModel
import DiploStore
import Foundation

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
            let name = bytes[next...].prefix {
                !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "/"))
            }
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
            return KnowledgeBase(notes: [
                "a code table (the travel roles): nothing to import; the roles it lists are read with the trips"
            ])
        }
    }
}

/// The word lists and the country table the data set readers go by: JSON in DataSets/Tables,
/// shipped inside the binary.
struct DataSetTables: Sendable {
    struct Country: Decodable, Sendable {
        let iso: String
        let name: String
    }
    struct Historical: Decodable, Sendable {
        let name: String
        let years: String
        let successors: [String]
        let aliases: [String]
    }
    struct Title: Decodable, Sendable {
        let role: String
        let en: [String]
        let national: Bool?
    }
    struct KindRule: Decodable, Sendable {
        let kind: EventKind
        let phrases: [String]
    }
    struct StepRule: Decodable, Sendable {
        let step: String
        let level: String
        let phrases: [String]
    }
    private struct CountriesFile: Decodable {
        let countries: [String: Country]
        let historical: [String: Historical]
    }
    private struct TitlesFile: Decodable {
        let titles: [Title]
        let honorifics: [String]
        let particles: [String]
    }
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
            entry.en.map {
                (words: $0.split(separator: " ").map(String.init), title: $0, role: entry.role, national: entry.national ?? true)
            }
        }.sorted { $0.words.count > $1.words.count }
        honorifics = titlesFile.honorifics.map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }
        particles = Set(titlesFile.particles)
        kinds = Lexicon.decode(PackageResources.dataset_visit_kinds_json, as: KindsFile.self).kinds
        kindPhraseWords = kinds.map { $0.phrases.map { $0.folded.split(separator: " ") } }
        steps = Lexicon.decode(PackageResources.dataset_relation_steps_json, as: StepsFile.self).steps
    }
}
