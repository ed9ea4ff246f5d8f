import DiploModel
import Foundation

/// An entity a phrase of a question may name: its id, type and name.
public struct NamedEntity: Sendable, Hashable {
    public let id: String
    public let type: EntityType
    public let name: String
}

/// What `diplo ask` reads to find the names in a question: indexed lookups, so a question is read
/// in the same time over a hundred entities or a hundred thousand.
extension Store {
    /// The entities one of whose names or aliases is `phrase` (case, diacritics and spaces aside).
    public func namedEntities(_ phrase: String) throws -> [NamedEntity] {
        let key = phrase.lookupKey
        guard !key.isEmpty else { return [] }
        return try db.query(
            """
            SELECT id, type, name FROM entities WHERE id IN (
                SELECT id FROM entities WHERE replace(folded, ' ', '') = ?1
                UNION SELECT entity_id FROM entity_names WHERE replace(folded, ' ', '') = ?1
                UNION SELECT entity_id FROM entity_aliases WHERE replace(folded, ' ', '') = ?1)
            ORDER BY id
            """, [key]
        ) { NamedEntity(id: $0.text(0), type: EntityType(rawValue: $0.text(1)) ?? .person, name: $0.text(2)) }
    }

    /// The entities one of whose names holds this word (a surname: "Obama", "Castro"), at most `limit`.
    public func entitiesWithWord(_ word: String, limit: Int) throws -> [NamedEntity] {
        let folded = word.folded
        guard !folded.isEmpty, !folded.contains(" ") else { return [] }
        return try db.query(
            """
            SELECT e.id, e.type, e.name FROM entity_search s JOIN entities e ON e.key = s.rowid
            WHERE entity_search MATCH ?1 ORDER BY e.key LIMIT ?2
            """, ["\"\(folded)\"", limit]
        ) { NamedEntity(id: $0.text(0), type: EntityType(rawValue: $0.text(1)) ?? .person, name: $0.text(2)) }
    }

    /// The entity with this id, with its type and name.
    public func namedEntity(id: String) throws -> NamedEntity? {
        try db.first("SELECT id, type, name FROM entities WHERE id = ?", [id]) {
            NamedEntity(id: $0.text(0), type: EntityType(rawValue: $0.text(1)) ?? .person, name: $0.text(2))
        }
    }

    /// The entity with this ISO code, with its type and name.
    public func country(iso: String) throws -> NamedEntity? {
        try db.first("SELECT id, type, name FROM entities WHERE iso = ?", [iso.uppercased()]) {
            NamedEntity(id: $0.text(0), type: EntityType(rawValue: $0.text(1)) ?? .country, name: $0.text(2))
        }
    }

    /// The words (folded, four letters or more) of the names of persons, countries and organisations
    /// that `near` accepts, with the entities each belongs to: for a name typed with a letter wrong,
    /// missing, extra or two swapped anywhere, its first letters too ("Ptin", "Viden"). One pass over
    /// the search index's list of distinct words of a length within one of the word's (not over the
    /// entities), made only when a question holds a capitalised word nothing knows.
    public func nameWords(near word: String, accepting near: (String) -> Bool) throws -> [String: Set<String>] {
        let folded = word.folded
        guard folded.count >= 2, folded.allSatisfy({ $0.isLetter || $0.isNumber }) else { return [:] }
        _ = try db.run("CREATE VIRTUAL TABLE IF NOT EXISTS temp.entity_words USING fts5vocab(main, entity_search, 'row')")
        let terms = try db.query(
            "SELECT term FROM temp.entity_words WHERE length(term) BETWEEN ?1 AND ?2",
            [max(4, folded.count - 1), folded.count + 1]
        ) { $0.text(0) }.filter(near)
        var words: [String: Set<String>] = [:]
        for term in terms {
            try db.forEach(
                """
                SELECT e.id FROM entity_search s JOIN entities e ON e.key = s.rowid
                WHERE entity_search MATCH ?1 AND e.type IN ('person', 'country', 'organization') LIMIT 500
                """, ["\"\(term)\""]
            ) { row in words[term, default: []].insert(row.text(0)) }
        }
        return words
    }
}

extension Store {
    /// These entities' own rows (no names, offices or sources), and those of the countries they
    /// belong to: what a listing of a few events needs to print and filter its rows.
    public func entitySummaries(ids: some Sequence<String>) throws -> [Entity] {
        let wanted = Set(ids)
        guard !wanted.isEmpty else { return [] }
        // A good part of the table (the 1,000 people a person met at a million events): one pass
        // over it costs less than a lookup each.
        if wanted.count >= 256, let last = try db.first("SELECT max(key) FROM entities", [], { $0.int(0) }),
            wanted.count * 4 >= last
        {
            let all = try entitySummaries()
            let countries = Set(all.lazy.filter { wanted.contains($0.id) }.compactMap(\.country))
            return all.filter { wanted.contains($0.id) || countries.contains($0.id) }
        }
        let list = wanted.sorted()
        return try db.query(
            """
            SELECT \(Entity.columns) FROM entities WHERE id IN (SELECT value FROM json_each(?1))
                OR id IN (SELECT country_id FROM entities WHERE id IN (SELECT value FROM json_each(?1)))
            ORDER BY key
            """, [list.json]
        ) { Entity(row: $0) }
    }
}
