import DiploModel
import DiploStore
import Foundation

/// What documents yield, laid out for a person deciding whether to import them.
public struct Review {
    public let kb: KnowledgeBase

    public init(_ kb: KnowledgeBase) { self.kb = kb }

    public var sections: [Report] {
        let names = Dictionary(kb.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func name(_ id: String?) -> String { id.map { names[$0] ?? $0 } ?? "" }
        func quote(_ sources: [SourceRef]) -> ReportValue {
            guard let quote = sources.first?.quote ?? sources.first?.note else { return .null }
            let text = quote.trimmingCharacters(in: .whitespacesAndNewlines)
            return .text(text.count > 150 ? String(text.prefix(147)) + "..." : text)
        }
        var sections: [Report] = []
        sections.append(
            Report(
                title: "Entities", columns: ["type", "name", "details", "source"],
                rows: kb.entities.map { entity in
                    var details: [String] = []
                    if let iso = entity.iso { details.append(iso) }
                    if let country = entity.country { details.append(name(country)) }
                    details += entity.offices.map { office in office.of.map { "\(office.title) (\(name($0)))" } ?? office.title }
                    return [
                        .text(entity.type.rawValue), .text(entity.name), .text(details.joined(separator: "; ")),
                        quote(entity.sources + entity.offices.flatMap(\.sources)),
                    ]
                }, tableColumns: ["type", "name", "details"]))
        sections.append(
            Report(
                title: "Events", columns: ["kind", "status", "date", "title", "who", "source"],
                rows: kb.events.map { event in
                    let who = event.participants.map { "\(name($0.entity)) (\($0.role))" }.joined(separator: ", ")
                    return [
                        .text(event.kind.rawValue), .text(event.status.rawValue), .text(event.dateText), .text(event.title),
                        .text(who), quote(event.sources),
                    ]
                }, detailColumn: "source"))
        sections.append(
            Report(
                title: "Partnerships", columns: ["parties", "level", "established", "source"],
                rows: kb.partnerships.map { p in
                    let established =
                        p.established?.description ?? p.history.first { $0.date != nil }.map {
                            "\($0.date!)\($0.inferred ? " (inferred)" : "")"
                        } ?? ""
                    return [
                        .text(p.parties.map(name).joined(separator: " – ")), .text(p.level.readable), .text(established),
                        quote(p.sources + p.history.flatMap(\.sources)),
                    ]
                }, detailColumn: "source"))
        let partnerships = Dictionary(kb.partnerships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let events = Dictionary(kb.events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        sections.append(
            Report(
                title: "Anniversaries", columns: ["years", "of", "marked by", "date", "source"],
                rows: kb.anniversaries.map { a in
                    let of =
                        partnerships[a.partnership].map {
                            "\($0.level.readable), \($0.parties.map(name).joined(separator: " – "))"
                        } ?? a.partnership
                    return [
                        .int(a.years), .text(of), .text(events[a.event]?.title ?? a.event), ReportValue(a.date), quote(a.sources),
                    ]
                }, detailColumn: "source"))
        return sections
    }

    public func render(_ format: OutputFormat) -> String {
        let notes = (kb.notes ?? []).map { "note: \($0)" }.joined(separator: "\n")
        switch format {
        case .csv: return sections.map { $0.csv() }.joined(separator: "\r\n")
        default: return sections.map { $0.table() }.joined(separator: "\n") + (notes.isEmpty ? "" : "\n" + notes + "\n")
        }
    }
}
