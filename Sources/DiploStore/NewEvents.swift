import DiploModel
import Foundation

/// Rows for one table, held as a JSON array of arrays to be written in one statement that reads
/// them back with `json_each` (`json_extract(value, '$[i]')`). With foreign keys on, SQLite opens
/// a statement journal (and a savepoint on every full-text table the transaction has written) for
/// each write statement: a thousand events' rows in one statement pay for that once, not ten
/// thousand times.
struct JSONRows {
    /// Bytes, not a `String`: a string checks and grows its storage at every piece appended, some
    /// thirty pieces an event, a million events an import.
    private var json: [UInt8] = [UInt8(ascii: "[")]
    private(set) var count = 0

    mutating func append(_ values: [SQLBindable]) {
        json.append(contentsOf: count == 0 ? "[".utf8 : ",[".utf8)
        for (i, value) in values.enumerated() {
            if i > 0 { json.append(UInt8(ascii: ",")) }
            switch value.sqlValue {
            case .null: json.append(contentsOf: "null".utf8)
            case .integer(let number): json.append(contentsOf: String(number).utf8)
            case .real(let number): json.append(contentsOf: String(number).utf8)
            case .text(let text):
                json.append(UInt8(ascii: "\""))
                json.append(contentsOf: JSONText.escaped(text).utf8)
                json.append(UInt8(ascii: "\""))
            case .blob: preconditionFailure("a blob has no place in a batch of rows")
            }
        }
        json.append(UInt8(ascii: "]"))
        count += 1
    }

    /// The array, closed.
    var array: String { String(decoding: json + [UInt8(ascii: "]")], as: UTF8.self) }

    /// The SQL that reads column `i` of each row.
    static func column(_ i: Int, of row: String) -> String { "json_extract(\(row), '$[\(i)]')" }

    /// The SQL that reads the first `count` columns of each row of `json_each`, in order.
    static func columns(_ count: Int) -> String { (0..<count).map { column($0, of: "value") }.joined(separator: ", ") }
}

/// The events a merge creates, with what hangs off them, held back and written a batch at a time
/// (`Store.newEventBatchSize`, `Store.write(_:)`). Nothing the events pass reads waits here: another
/// report of an event is looked for among the events known before the merge, ids are unique in a
/// file, and a stop whose trip waits in the same batch names it in its own row. Every reference is
/// resolved and every value checked before it joins a batch: a bad record is refused by its place
/// in the file, before anything of it is written.
struct NewEventBatch {
    /// Rows of `events`: id, kind, title, status, start, end, within_from, within_to,
    /// location_country_id, location_city, parent_id.
    var events = JSONRows()
    /// event_id, entity_id, role, month.
    var participants = JSONRows()
    /// document_id, start, end, quote, note, event_id.
    var sources = JSONRows()
    /// event_id, document_id, status.
    var reports = JSONRows()
    /// The full-text rows: event id, folded title.
    var titles = JSONRows()
    /// The ids of the events waiting.
    var ids: Set<String> = []

    var isEmpty: Bool { ids.isEmpty }
}

extension Store {
    /// Writes a batch of new events and their links; returns the rows written (not counting
    /// full-text rows). Each statement writes the batch's rows in the order they were added.
    func write(_ batch: NewEventBatch) throws -> Int {
        guard !batch.isEmpty else { return 0 }
        var changed = try db.run(
            """
            INSERT INTO events (id, kind, title, status, start, end, within_from, within_to, location_country_id,
                location_city, parent_id)
            SELECT \(JSONRows.columns(11)) FROM json_each(?)
            """, [batch.events.array])
        changed += try db.run(
            """
            INSERT INTO participants (event_id, entity_id, role, month)
            SELECT \(JSONRows.columns(4)) FROM json_each(?)
            """, [batch.participants.array])
        changed += try db.run(
            """
            INSERT INTO sources (document_id, start, end, quote, note, event_id)
            SELECT \(JSONRows.columns(6)) FROM json_each(?)
            """, [batch.sources.array])
        changed += try db.run(
            """
            INSERT OR IGNORE INTO event_reports (event_id, document_id, status)
            SELECT \(JSONRows.columns(3)) FROM json_each(?)
            """, [batch.reports.array])
        try db.run(
            """
            INSERT INTO event_search (rowid, text)
            SELECT e.key, \(JSONRows.column(1, of: "j.value")) FROM json_each(?) j
                JOIN events e ON e.id = \(JSONRows.column(0, of: "j.value"))
            """, [batch.titles.array])
        return changed
    }
}
