import DiploModel
import DiploStore
import Foundation

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
    /// The fields of each record by the id it was taken under (`id(of:kind:)`).
    private var recordsByID: [String: [String: String]] = [:]

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

    /// The id a record (a `kind`, "trip" or "visit") is read under, nil when it is skipped: one
    /// without an id, or the same record again; another record under an id met before is read as
    /// "ID-2" (or -3, ...). Each said in a note; a record whose text was tidied is listed.
    mutating func id(of record: XMLRecord, kind: String) -> String? {
        guard var id = record["id"] else {
            note("\(kind) without an id", line: record.line, "skipped (no <id>)")
            return nil
        }
        if let earlier = recordsByID[id] {
            if earlier == record.fields {
                note("\(kind) \(id)", line: record.line, "the same record again (duplicate id): skipped")
                return nil
            }
            var n = 2
            while recordsByID["\(id)-\(n)"] != nil { n += 1 }
            note(
                "\(kind) \(id)", line: record.line, "a second record with this id (duplicate id): imported as \(kind) \(id)-\(n)")
            id = "\(id)-\(n)"
        }
        recordsByID[id] = record.fields
        if !record.untidy.isEmpty { untidyRecords.append(id) }
        return id
    }

    func source(_ record: String, line: Int, quote: String?) -> SourceRef {
        SourceRef(document: document.id, quote: quote, note: "\(record), line \(line)")
    }

    mutating func add(_ entity: Entity) {
        if var known = entities[entity.id] {
            // "Tô Lâm" rather than "To Lam": the name with its diacritics, the other an alias.
            if known.name != entity.name, known.name.allSatisfy(\.isASCII), !entity.name.allSatisfy(\.isASCII),
                known.name.folded == entity.name.folded
            {
                known.aliases.append(known.name)
                known.name = entity.name
                known.names = entity.names
            }
            for alias in entity.aliases where !known.aliases.contains(alias) && alias != known.name {
                known.aliases.append(alias)
            }
            for office in entity.offices {
                if let i = known.offices.firstIndex(where: {
                    $0.title == office.title && $0.of == office.of && $0.start == office.start
                }) {
                    known.offices[i].sources.appendMissing(office.sources)
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
            addCountry(id, name: country.name, iso: country.iso)
            return id
        }
        if tables.historical[slug] != nil { return historicalState(slug) }
        let id = "country:" + slug
        addCountry(
            id, name: label ?? slug,
            note: "country id \"\(slug)\" is not in diplo's table of the data sets' countries: kept without an ISO code")
        if let record {
            note(
                record, line: line,
                "unknown country id \"\(slug)\" (\(label ?? "no name")): kept as a country without an ISO code")
        }
        return id
    }

    /// A state that no longer exists: a country of its own, without an ISO code, with its years
    /// and today's states on its territory in a note.
    mutating func historicalState(_ slug: String) -> String {
        let id = "country:" + slug
        if let state = tables.historical[slug] {
            addCountry(
                id, name: state.name, aliases: state.aliases.filter { $0 != state.name },
                note:
                    "historical state, \(state.years); its territory is today part of \(state.successors.joined(separator: ", ")) (ISO 3166-1); no ISO code of its own"
            )
        }
        return id
    }

    /// A country, named in English, added the first time its id is met; `note` says where it
    /// comes from when that is not the country table.
    mutating func addCountry(_ id: String, name: String, aliases: [String] = [], iso: String? = nil, note: String? = nil) {
        guard entities[id] == nil else { return }
        add(
            Entity(
                id: id, type: .country, name: name, names: ["en": name], aliases: aliases, iso: iso,
                sources: note.map { [SourceRef(document: document.id, note: $0)] } ?? []))
    }

    /// A person with the office their title names (`of` the country, for a national title).
    mutating func person(_ titled: TitledName, country: String?, source: SourceRef) -> String {
        var id = "person:" + titled.name.slug
        var aliases: [String] = []
        // "Kishida Fumio" and "Fumio Kishida": one person, whichever order a record writes.
        if entities[id] == nil, (try? store?.entityExists(id)) != true, let known = reversedName(of: titled.name) {
            id = known
            aliases.append(titled.name)
        }
        var offices: [Office] = []
        if let title = titled.title {
            offices.append(Office(title: title, role: titled.role, of: titled.national ? country : nil, sources: [source]))
        }
        let isNew = entities[id] == nil
        let name = aliases.isEmpty ? titled.name : entities[id]?.name ?? titled.name
        add(
            Entity(
                id: id, type: .person, name: name, names: aliases.isEmpty ? ["en": titled.name] : [:], aliases: aliases,
                country: titled.national ? country : nil, offices: offices, sources: isNew ? [source] : []))
        return id
    }

    /// The person known by the two words of `name` the other way round, in this file or the
    /// knowledge base.
    func reversedName(of name: String) -> String? {
        let words = name.split(separator: " ")
        guard words.count == 2 else { return nil }
        let reversed = "\(words[1]) \(words[0])"
        if entities["person:" + reversed.slug] != nil { return "person:" + reversed.slug }
        guard let store, let ids = try? store.entityIDs(named: reversed, type: .person), ids.count == 1 else { return nil }
        return ids[0]
    }

    /// The document and everything gathered, with a note on the records whose text was tidied.
    func build() -> KnowledgeBase {
        var notes = self.notes
        if !untidyRecords.isEmpty {
            let shown = untidyRecords.prefix(12).joined(separator: ", ") + (untidyRecords.count > 12 ? ", ..." : "")
            notes.append(
                "text broken across lines or with runs of spaces in \(untidyRecords.count) records, read as single spaces: \(shown)"
            )
        }
        return KnowledgeBase(
            documents: [document], entities: entityOrder.map { entities[$0]! }, events: events,
            partnerships: partnerships, notes: notes.isEmpty ? nil : notes)
    }

    /// A travel data set file (`<trip>` or `<visit>` records, `record` naming them) read record by
    /// record: `each` is given every record with an id of its own (`id(of:kind:)`), that id, the
    /// United States' id and the builder. The builder of what the file yields: its document titled
    /// with the file's name, its digest in the context of the presidents' terms it is read with.
    static func reading(
        _ data: Data, record: String, file: String, dataSet: String, title: String, source: String,
        presidents: PresidentTerms, store: Store?,
        each: (_ record: XMLRecord, _ id: String, _ us: String, _ builder: inout DataSetBuilder) -> Void
    ) throws -> DataSetBuilder {
        let xml = try XMLRecordReader.read(data, record: record, file: file)
        var builder = DataSetBuilder(
            file: file,
            document: document(
                dataSet: dataSet, file: file, data: data, title: "\(title) (\(URL(fileURLWithPath: file).lastPathComponent))",
                source: source, context: presidents.fingerprint), store: store)
        let us = builder.unitedStates()
        for xmlRecord in xml.records {
            guard let id = builder.id(of: xmlRecord, kind: record) else { continue }
            each(xmlRecord, id, us, &builder)
        }
        return builder
    }

    /// The document for a data set file: its id from the data set and the file's own name (not
    /// its folder), so that a copy elsewhere is the same document.
    static func document(dataSet: String, file: String, data: Data, title: String, source: String, context: String = "")
        -> Document
    {
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return Document(
            id: "hs:\(dataSet):\(base.slug)", title: title, lang: "en", source: source,
            sha256: digest(data, context: context))
    }

    /// The SHA-256 of the file's bytes, followed (when there is one) by the context it was read in.
    static func digest(_ data: Data, context: String) -> String {
        context.isEmpty ? SHA256.hex(data) : SHA256.hex(data + Data(("\n" + context).utf8))
    }
}
