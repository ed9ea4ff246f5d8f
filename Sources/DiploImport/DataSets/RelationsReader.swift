import DiploModel
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A TEI article of "A Guide to the United States' History of Recognition, Diplomatic, and
/// Consular Relations, by Country, since 1776": the history of one country's relations with the
/// United States. Each dated timeline section whose heading names a step (recognition,
/// establishment, interruption, resumption, elevation to an embassy; Tables/dataset_relation_steps.json)
/// is a dated claim, its full date read from the prose ("on February 17, 1950"), kept with its
/// sentence in the history of the two countries' diplomatic relations.
struct RelationsReader {
    let file: String

    struct Section {
        var head = ""
        var headYear: Int?
        var text = ""
        var line = 0
    }

    func read(_ data: Data) throws -> KnowledgeBase {
        let parser = XMLParser(data: data)
        let collector = TEICollector()
        parser.delegate = collector
        guard parser.parse() else { throw XMLRecordReader.failure(parser, file: file) }
        let shortTitle = XMLText.tidy(collector.shortTitle).0.trimmingCharacters(in: CharacterSet(charactersIn: "* "))
        let tables = DataSetTables.shared
        let countrySlug = RelationsReader.countrySlug(
            file: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, shortTitle: shortTitle, tables: tables)
        var builder = DataSetBuilder(
            file: file,
            document: DataSetBuilder.document(
                dataSet: "rdcr", file: countrySlug, data: data,
                title:
                    "Office of the Historian: U.S. relations with \(shortTitle) (guide to recognition, diplomatic and consular relations)",
                source: "https://history.state.gov/countries/\(countrySlug)"))
        let us = builder.unitedStates()
        guard let country = builder.country(slug: countrySlug, label: shortTitle, record: "article \(countrySlug)", line: 1)
        else {
            return builder.build()
        }
        var history: [Milestone] = []
        var established: PartialDate?
        for section in collector.sections {
            guard let (level, date, source) = RelationsReader.claim(of: section, tables: tables, builder: &builder) else {
                continue
            }
            if let i = history.firstIndex(where: { $0.level == level && $0.date == date }) {
                history[i].sources.append(source)
            } else {
                history.append(Milestone(level: level, date: date, sources: [source]))
            }
            if level == .diplomaticRelations, let date { established = date }
        }
        if history.isEmpty {
            builder.notes.append(
                "article \(countrySlug): no dated step of relations (recognition, establishment, interruption, resumption): no relations recorded"
            )
        } else {
            builder.partnerships.append(
                RelationsReader.partnership(of: us, and: country, history: history, established: established))
        }
        return builder.build()
    }

    /// The article's country: its file's slug when diplo knows it, else its short title's.
    static func countrySlug(file slug: String, shortTitle: String, tables: DataSetTables) -> String {
        if tables.countries[slug] != nil || tables.historical[slug] != nil { return slug }
        return tables.countries.first { $0.value.name.folded == shortTitle.folded }?.key
            ?? tables.historical.first { $0.value.name.folded == shortTitle.folded }?.key ?? slug
    }

    /// A timeline section as a dated step of relations: the level it reaches, its date (the full
    /// date in its text of the year its heading gives, else that year alone, noted) and its source
    /// quoting the sentence; nil when its heading names no step, or (noted) it has no date at all.
    static func claim(of section: Section, tables: DataSetTables, builder: inout DataSetBuilder) -> (
        level: PartnershipLevel, date: PartialDate?, source: SourceRef
    )? {
        let head = XMLText.tidy(section.head).0
        let text = XMLText.tidy(section.text).0
        let label = "section \"\(head)\""
        guard let step = RelationsReader.step(of: head, tables: tables), let level = try? PartnershipLevel(step.level) else {
            return nil
        }
        // The year the heading gives (its text, else its <date>; they disagree at times: both count).
        let years = RelationsReader.years(in: head) + (section.headYear.map { [$0] } ?? [])
        let dates = ProseDates.find(in: text)
        let chosen = dates.first { years.contains($0.date.year ?? 0) } ?? (years.isEmpty ? dates.first : nil)
        var date: PartialDate?
        var quote: String?
        if let chosen {
            date = chosen.date
            quote = ProseDates.sentence(in: text, around: chosen.range)
        } else if let year = years.first {
            date = try? PartialDate(year: year)
            quote = text.isEmpty ? head : String(text.prefix(300))
            builder.note(label, line: section.line, "no full date of \(year) in its text: the year alone is kept")
        } else {
            builder.note(label, line: section.line, "no date in its heading or text: skipped")
            return nil
        }
        let source = SourceRef(
            document: builder.document.id, quote: quote, note: "\(step.step): \(head) (line \(section.line))")
        return (level, date, source)
    }

    /// The partnership of the United States and the country: diplomatic relations when the history
    /// has them (established on the last date they were), else its first step's level.
    static func partnership(of us: String, and country: String, history: [Milestone], established: PartialDate?)
        -> Partnership
    {
        let hasRelations = history.contains { $0.level == .diplomaticRelations }
        let level = hasRelations ? PartnershipLevel.diplomaticRelations : history[0].level
        let pair = [us, country].map { $0.replacingOccurrences(of: "country:", with: "") }.joined(separator: "-")
        return Partnership(
            id: "pa:\(pair)-\(level.key.replacingOccurrences(of: "_", with: "-"))", parties: [us, country], level: level,
            established: hasRelations ? established : history.first { $0.level == level }?.date,
            history: history.sorted { ($0.date?.description ?? "") < ($1.date?.description ?? "") })
    }

    /// Four-digit years in a heading: "Relations Resumed, 1995." -> [1995].
    static func years(in head: String) -> [Int] {
        head.split(whereSeparator: { !$0.isNumber }).compactMap { $0.count == 4 ? Int($0) : nil }.filter {
            (1700...2100).contains($0)
        }
    }

    /// The step a section heading names, by the first rule whose phrase it holds.
    static func step(of head: String, tables: DataSetTables) -> DataSetTables.StepRule? {
        let folded = " " + head.folded + " "
        return tables.steps.first { rule in rule.phrases.contains { folded.holds(" " + $0 + " ") } }
    }
}

/// Collects an rdcr article's titles and its timeline sections (heading, date, text).
private final class TEICollector: NSObject, XMLParserDelegate {
    var shortTitle = ""
    var completeTitle = ""
    var sections: [RelationsReader.Section] = []
    private var stack: [String] = []
    private var titleType: String?
    private var current: RelationsReader.Section?
    private var timelineDepth = 0
    private var headDepth = 0
    private var paragraphDepth = 0
    private var skipDepth = 0

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        stack.append(name)
        let depth = stack.count
        if name == "title" { titleType = attributes["type"] }
        if name == "div", attributes["type"] == "timeline", current == nil {
            current = RelationsReader.Section(line: parser.lineNumber)
            timelineDepth = depth
            return
        }
        guard current != nil else { return }
        if name == "head", depth == timelineDepth + 1 { headDepth = depth }
        if name == "p", depth == timelineDepth + 1 {
            paragraphDepth = depth
            current!.text += " "
        }
        if name == "figure" || name == "note", skipDepth == 0 { skipDepth = depth }
        if name == "date", headDepth > 0, current!.headYear == nil {
            let year = (attributes["when"] ?? attributes["from"]).flatMap { Int($0.prefix(4)) }
            current!.headYear = year
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let titleType, stack.last == "title" || stack.contains("title") {
            if titleType == "short" { shortTitle += string } else if titleType == "complete" { completeTitle += string }
        }
        guard current != nil, skipDepth == 0 else { return }
        if headDepth > 0 { current!.head += string } else if paragraphDepth > 0 { current!.text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let depth = stack.count
        stack.removeLast()
        if name == "title" { titleType = nil }
        if depth == skipDepth { skipDepth = 0 }
        if depth == headDepth { headDepth = 0 }
        if depth == paragraphDepth { paragraphDepth = 0 }
        if depth == timelineDepth, let section = current {
            sections.append(section)
            current = nil
            timelineDepth = 0
        }
    }
}
