import DiploModel
import Foundation

// Each model type is decoded from its row here, in one place, by column name. The readers of
// `Read.swift` select these columns and attach what lives in other tables (names, participants,
// sources) afterwards.

extension Document {
    static let columns = "id, title, lang, published, source, sha256"

    init(row: Row, text: String?) {
        self.init(
            id: row.text("id"), title: row.string("title"), lang: row.string("lang"), published: row.date("published"),
            source: row.string("source"), sha256: row.string("sha256"), text: text)
    }
}

extension SourceRef {
    static let columns = "document_id, start, end, quote, note"

    init(row: Row) {
        self.init(
            document: row.text("document_id"), start: row.optionalInt("start"), end: row.optionalInt("end"),
            quote: row.string("quote"), note: row.string("note"))
    }
}

extension Entity {
    static let columns = "id, type, name, iso, country_id"

    /// The entity's own row; names, aliases, offices and sources come from their tables.
    init(row: Row) {
        self.init(
            id: row.text("id"), type: EntityType(rawValue: row.text("type")) ?? .organization, name: row.text("name"),
            iso: row.string("iso"), country: row.string("country_id"))
    }
}

extension Office {
    static let columns = "id, person_id, title, role, of_id, start, end"

    init(row: Row) {
        self.init(
            title: row.text("title"), role: row.string("role"), of: row.string("of_id"), start: row.date("start"),
            end: row.date("end"))
    }
}

extension Participant {
    init(row: Row) {
        self.init(entity: row.text("entity_id"), role: ParticipantRole(row.text("role")))
    }

    /// The order participants are listed in, everywhere.
    static func listed(_ a: Participant, _ b: Participant) -> Bool { (a.role, a.entity) < (b.role, b.entity) }
}

extension Event {
    static let columns =
        "id, kind, title, status, start, end, within_from, within_to, location_country_id, location_city, parent_id"

    /// The columns, of the table named `table` in a join.
    static func columns(_ table: String) -> String {
        columns.split(separator: ", ").map { "\(table).\($0)" }.joined(separator: ", ")
    }

    /// The event's own row; participants and sources come from their tables. (Read in the order
    /// of `columns`: a row finds each next column at once.)
    init(row: Row) {
        let id = row.text("id")
        let kind = EventKind(rawValue: row.text("kind")) ?? .other
        let title = row.text("title")
        let status = EventStatus(rawValue: row.text("status")) ?? .unknown
        let start = row.date("start")
        let end = row.date("end")
        var within: [PartialDate]?
        if let from = row.date("within_from"), let to = row.date("within_to") { within = [from, to] }
        let location: Location? =
            row.isNull("location_country_id") && row.isNull("location_city")
            ? nil : Location(country: row.string("location_country_id"), city: row.string("location_city"))
        self.init(
            id: id, kind: kind, title: title, status: status, start: start, end: end, within: within, location: location,
            parent: row.string("parent_id"))
    }
}

extension Milestone {
    static let columns = "id, partnership_id, level, date, inferred"

    /// Nil for a level this version cannot read.
    init?(row: Row) {
        guard let level = try? PartnershipLevel(row.text("level")) else { return nil }
        self.init(level: level, date: row.date("date"), inferred: row.bool("inferred"))
    }
}

extension Partnership {
    static let columns = "id, level, established"

    init(row: Row) throws {
        self.init(
            id: row.text("id"), parties: [], level: try PartnershipLevel(row.text("level")),
            established: row.date("established"))
    }
}

extension ListedAnniversary {
    static let columns =
        "date_key, event_id, years, computed, partnership_id, date, title, level, anniversary, established, approximate, source, parties, marks"

    /// (Read in the order of `columns`: a row finds each next column at once.)
    init(row: Row) throws {
        let dateKey = row.int("date_key")
        let event = row.text("event_id")
        let years = row.int("years")
        let computed = row.bool("computed")
        let partnership = row.text("partnership_id")
        let date = row.text("date")
        let title = row.text("title")
        let level = try PartnershipLevel(row.text("level"))
        self.init(
            dateKey: dateKey, date: date, title: title, event: event, partnership: partnership, years: years, level: level,
            anniversary: row.string("anniversary"), established: row.string("established"), stated: !computed,
            approximate: row.bool("approximate"), source: row.text("source"), parties: row.text("parties"),
            marks: row.text("marks"))
    }

    /// The values of `columns`, in order, to write the row.
    var values: [SQLBindable] {
        [
            dateKey, event, years, !stated, partnership, date, title, level.key, anniversary, established, approximate, source,
            parties, marks,
        ]
    }
}

extension Anniversary {
    static let columns = "id, event_id, partnership_id, years, date, stated"

    init(row: Row) {
        self.init(
            event: row.text("event_id"), partnership: row.text("partnership_id"), years: row.int("years"),
            date: row.date("date"), stated: row.bool("stated"))
    }
}
