import DiploModel
import Foundation

extension Store {
    /// Fills an empty knowledge base with synthetic data for benchmarks, written straight through
    /// SQL: 200 countries, persons and organisations with names, aliases and offices, events with
    /// three participants and a place (one in ten the stop of another), and 2,000 partnerships
    /// between countries.
    package func fillSynthetic(events: Int, persons: Int, organizations: Int) throws {
        let db = self.db
        try db.execute("PRAGMA foreign_keys = OFF")
        try db.transaction {
            func numbers(_ count: Int) -> String {
                "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < \(count - 1))"
            }
            try db.run(
                """
                \(numbers(200)) INSERT INTO entities (id, type, name, folded, iso)
                SELECT 'c' || i, 'country', 'Country ' || i, 'country ' || i, char(65 + i / 26, 65 + i % 26) FROM n
                """)
            try db.run("INSERT INTO entity_names SELECT id, 'en', name, folded FROM entities")
            try db.run(
                "INSERT INTO entity_names SELECT id, 'vi', 'Quốc gia ' || substr(id, 2), 'quoc gia ' || substr(id, 2) FROM entities"
            )
            try db.run(
                """
                \(numbers(persons)) INSERT INTO entities (id, type, name, folded, country_id)
                SELECT 'p' || i, 'person', 'Person ' || i || ' Nguyễn', 'person ' || i || ' nguyen', 'c' || (i % 200) FROM n
                """)
            try db.run(
                """
                \(numbers(organizations)) INSERT INTO entities (id, type, name, folded, country_id)
                SELECT 'o' || i, 'organization', 'Organisation "' || i || '" & <Co>', 'organisation ' || i || ' co', 'c' || (i % 200) FROM n
                """)
            try db.run(
                "INSERT INTO entity_aliases SELECT id, 'Alias of ' || name, 'alias of ' || folded FROM entities WHERE type = 'person' AND key % 5 = 0"
            )
            try db.run(
                """
                INSERT INTO offices_held (person_id, title, role, of_id, start)
                SELECT id, 'Minister', 'minister', country_id, '20' || printf('%02d', key % 25) FROM entities WHERE type = 'person' AND key % 10 = 0
                """)
            try db.run(
                """
                \(numbers(events)) INSERT INTO events (id, kind, title, status, start, location_country_id, location_city, parent_id)
                SELECT 'ev' || i, CASE i % 5 WHEN 0 THEN 'state_visit' WHEN 1 THEN 'talks' WHEN 2 THEN 'summit' WHEN 3 THEN 'meeting'
                       ELSE 'official_visit' END,
                       'Event ' || i, 'held', date('2000-01-01', '+' || (i % 9000) || ' days'), 'c' || ((i * 7) % 200), 'City ' || (i % 50),
                       CASE WHEN i % 10 = 1 THEN 'ev' || (i - 1) END
                FROM n
                """)
            try db.run(
                """
                INSERT INTO participants (event_id, entity_id, role)
                SELECT id, 'p' || ((key * 3) % \(persons)), 'guest' FROM events
                UNION ALL SELECT id, 'p' || ((key * 3 + 1) % \(persons)), 'host' FROM events
                UNION ALL SELECT id, 'o' || (key % \(organizations)), 'attendee' FROM events
                """)
            try db.run(
                """
                \(numbers(2000)) INSERT INTO partnerships (id, level, established)
                SELECT 'ps' || i, CASE i % 3 WHEN 0 THEN 'diplomatic_relations' WHEN 1 THEN 'strategic_partnership'
                       ELSE 'comprehensive_strategic_partnership' END, date('1950-01-01', '+' || (i * 9) || ' days') FROM n
                """)
            try db.run(
                """
                INSERT INTO partnership_parties SELECT id, 'c' || (CAST(substr(id, 3) AS INTEGER) % 200) FROM partnerships
                UNION ALL SELECT id, 'c' || ((CAST(substr(id, 3) AS INTEGER) % 200 + 1 + CAST(substr(id, 3) AS INTEGER) / 200) % 200) FROM partnerships
                """)
        }
        try db.transaction { try refreshDerived() }
        try db.execute("PRAGMA foreign_keys = ON; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)")
    }
}
