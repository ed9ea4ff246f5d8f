import DiploModel
import Foundation

/// What one document said of an event: announced (planned), held, cancelled.
public struct EventReport: Sendable, Equatable {
    public let document: String
    public let title: String?
    public let published: PartialDate?
    public let status: EventStatus
}

extension Store {
    /// What each document said of an event, oldest document first (by publication date).
    public func reports(ofEvent id: String) throws -> [EventReport] {
        try db.query(
            """
            SELECT r.document_id, d.title, d.published, r.status FROM event_reports r JOIN documents d ON d.id = r.document_id
            WHERE r.event_id = ? ORDER BY ifnull(d.published, '9999'), d.key, r.status
            """, [id]
        ) { row in
            EventReport(
                document: row.text(0), title: row.string(1), published: row.string(2).flatMap { try? PartialDate($0) },
                status: EventStatus(rawValue: row.text(3)) ?? .unknown)
        }
    }
}

extension Store {
    /// The events an entity may be in: those it, or an entity of it (a country's people and
    /// organisations), takes part in, and those held in it. Indexed: what a filtered listing reads
    /// first, so it reads a few events of a hundred thousand, not all of them.
    public func eventIDs(involving id: String) throws -> [String] {
        try db.query(Store.eventsInvolving(parameter: 1), [id]) { $0.text(0) }
    }

    /// The SQL of `eventIDs(involving:)`, the entity bound at `?parameter`: one text for every query
    /// that narrows events to an entity's.
    static func eventsInvolving(parameter: Int) -> String {
        """
        SELECT event_id FROM participants WHERE entity_id = ?\(parameter)
        UNION SELECT p.event_id FROM participants p JOIN entities e ON e.id = p.entity_id WHERE e.country_id = ?\(parameter)
        UNION SELECT id FROM events WHERE location_country_id = ?\(parameter)
        """
    }
}

extension Store {
    /// The partnerships one of whose levels was reached (by some claim) in one of these years:
    /// those that may have a round anniversary in a period.
    public func partnershipIDs(reachedIn years: Set<Int>) throws -> [String] {
        try db.query(
            """
            SELECT partnership_id FROM partnership_history WHERE CAST(substr(date, 1, 4) AS INTEGER) IN (SELECT value FROM json_each(?1))
            UNION SELECT id FROM partnerships WHERE CAST(substr(established, 1, 4) AS INTEGER) IN (SELECT value FROM json_each(?1))
            """,
            [
                years.sorted().map(String.init).joined(separator: ",").isEmpty
                    ? "[]" : "[\(years.sorted().map(String.init).joined(separator: ","))]"
            ]
        ) { $0.text(0) }
    }
}
