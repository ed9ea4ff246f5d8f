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
        guard let match = Store.matchExpression(text) else { return report }
        let db = store.db
        report.rows += try db.query("""
            SELECT e.type, e.name, e.id FROM entity_search s JOIN entities e ON e.key = s.rowid
            WHERE entity_search MATCH ? ORDER BY bm25(entity_search) LIMIT ?
            """, [match, limit]) { [.text($0.text(0)), .text($0.text(1)), "name", .text($0.text(2))] }
        report.rows += try db.query("""
            SELECT e.kind, e.title, e.id, ifnull(e.start, e.within_from) FROM event_search s JOIN events e ON e.key = s.rowid
            WHERE event_search MATCH ? ORDER BY bm25(event_search) LIMIT ?
            """, [match, limit]) { [.text("event"), .text($0.text(1)), .text("\($0.text(0)) \($0.text(3))"), .text($0.text(2))] }
        report.rows += try db.query("""
            SELECT d.title, d.id, d.body FROM document_search s JOIN documents d ON d.key = s.rowid
            WHERE document_search MATCH ? ORDER BY bm25(document_search) LIMIT ?
            """, [match, limit]) { row in
            [.text("document"), .text(row.text(0)), .text(SearchQuery.snippet(of: row.text(2), around: text)), .text(row.text(1))]
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
