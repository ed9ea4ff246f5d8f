import DiploModel
import Foundation

extension Store {
    /// The floor an import is measured against (`make bench`): the rows an import of `kb` into an
    /// empty knowledge base writes, full-text rows included, through prepared statements in one
    /// transaction, with no look-up, no merging and no check. Benchmarks only.
    package func insertBare(_ kb: KnowledgeBase) throws {
        try db.transaction {
            for document in kb.documents {
                try db.run(
                    "INSERT INTO documents (id, title, lang, published, source, sha256, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        document.id, document.title, document.lang, document.published?.description, document.source,
                        document.sha256, document.text,
                    ])
            }
            for entity in kb.entities {
                try db.run(
                    "INSERT INTO entities (id, type, name, folded, iso) VALUES (?, ?, ?, ?, ?)",
                    [entity.id, entity.type.rawValue, entity.name, entity.name.folded, entity.iso])
                for (lang, name) in entity.names {
                    try db.run(
                        "INSERT INTO entity_names (entity_id, lang, name, folded) VALUES (?, ?, ?, ?)",
                        [entity.id, lang, name, name.folded])
                }
                try db.run(
                    "INSERT INTO entity_search (rowid, text) SELECT key, ? FROM entities WHERE id = ?",
                    [entity.name.folded, entity.id])
            }
            for entity in kb.entities {
                if let country = entity.country {
                    try db.run("UPDATE entities SET country_id = ? WHERE id = ?", [country, entity.id])
                }
                for office in entity.offices {
                    try db.run(
                        "INSERT INTO offices_held (person_id, title, role, of_id, start, end) VALUES (?, ?, ?, ?, ?, ?)",
                        [entity.id, office.title, office.role, office.of, office.start?.description, office.end?.description])
                }
            }
            for event in kb.events {
                try db.run(
                    """
                    INSERT INTO events (id, kind, title, status, start, end, within_from, within_to, location_country_id, location_city)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        event.id, event.kind.rawValue, event.title, event.status.rawValue, event.start?.description,
                        event.end?.description,
                        event.within?[0].description, event.within?[1].description, event.location?.country, event.location?.city,
                    ])
                let month = Store.month(of: event.dayRange)
                for participant in event.participants {
                    try db.run(
                        "INSERT INTO participants (event_id, entity_id, role, month) VALUES (?, ?, ?, ?)",
                        [event.id, participant.entity, participant.role.rawValue, month])
                }
                for source in event.sources {
                    try db.run(
                        "INSERT INTO sources (document_id, start, end, quote, note, event_id) VALUES (?, ?, ?, ?, ?, ?)",
                        [source.document, source.start, source.end, source.quote, source.note, event.id])
                }
                try db.run(
                    "INSERT INTO event_search (rowid, text) SELECT key, ? FROM events WHERE id = ?",
                    [event.title.folded, event.id])
            }
            for event in kb.events where event.parent != nil {
                try db.run("UPDATE events SET parent_id = ? WHERE id = ?", [event.parent, event.id])
            }
            for partnership in kb.partnerships {
                try db.run(
                    "INSERT OR IGNORE INTO partnerships (id, level, established) VALUES (?, ?, ?)",
                    [partnership.id, partnership.level.key, partnership.established?.description])
                for party in partnership.parties {
                    try db.run(
                        "INSERT OR IGNORE INTO partnership_parties (partnership_id, entity_id) VALUES (?, ?)",
                        [partnership.id, party])
                }
                for milestone in partnership.history {
                    try db.run(
                        "INSERT OR IGNORE INTO partnership_history (partnership_id, level, date, inferred) VALUES (?, ?, ?, ?)",
                        [partnership.id, milestone.level.key, milestone.date?.description, milestone.inferred])
                }
            }
            for anniversary in kb.anniversaries {
                try db.run(
                    "INSERT OR IGNORE INTO anniversaries (event_id, partnership_id, years, date, stated) VALUES (?, ?, ?, ?, ?)",
                    [
                        anniversary.event, anniversary.partnership, anniversary.years, anniversary.date?.description,
                        anniversary.stated,
                    ])
            }
        }
    }
}
