import DiploModel
import DiploStore
import Foundation

/// Full-text search over names, events and documents; case and diacritics never matter.
public struct SearchQuery: Sendable {
    public let text: String
    public var limit: Int

    public init(text: String, limit: Int = 50) {
        self.text = text
        self.limit = limit
    }

    public func run(on store: Store) throws -> Report {
        var report = Report(columns: ["type", "name", "match", "id"])
        let hits = try store.search(text, limit: limit)
        report.rows += hits.entities.map { [.text($0.type.rawValue), .text($0.name), "name", .text($0.id)] }
        report.rows += hits.events.map { event in
            [
                .text("event"), .text(event.title), .text("\(event.kind.rawValue) \(event.date?.description ?? "")"),
                .text(event.id),
            ]
        }
        report.rows += hits.documents.map { document in
            [
                .text("document"), .text(document.title ?? ""), .text(SearchQuery.snippet(of: document.text ?? "", around: text)),
                .text(document.id),
            ]
        }
        return report
    }

    /// The sentence of `body` that holds the first word searched for, shown as written.
    static func snippet(of body: String, around query: String) -> String {
        guard let word = query.folded.split(separator: " ").first else { return "" }
        let sentences = body.split(whereSeparator: { ".!?\n".contains($0) })
        guard let sentence = sentences.first(where: { String($0).folded.contains(word) }) else { return "" }
        let text = sentence.trimmingCharacters(in: .whitespaces)
        return text.count > 160 ? String(text.prefix(157)) + "..." : text
    }
}
