import DiploImport
import DiploModel
import Foundation
import Testing

/// The reader's rules live in `Sources/DiploImport/Lexicon/*.json`, each family with example
/// sentences beside it (as HeidelTime and Duckling keep theirs). Every example written as
/// `{"text", "lang", "published", "expect"}` is read here and must give what it expects: the events
/// (kind, and start, status and place where given), their count, the people, the countries by name and the
/// partnerships. An example left as a bare sentence cannot be run, and fails the test.
@Suite struct LexiconExampleTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/DiploImport/Lexicon")

    struct Example {
        let place: String
        let text: String
        let lang: String
        let published: String?
        let expect: [String: Any]
    }

    /// Every reading example of every lexicon file, and the places of examples that are bare sentences.
    static func examples() throws -> (runnable: [Example], bare: [String]) {
        var runnable: [Example] = []
        var bare: [String] = []
        func walk(_ value: Any, _ place: String) {
            if let object = value as? [String: Any] {
                if let text = object["text"] as? String, let expect = object["expect"] as? [String: Any] {
                    runnable.append(
                        Example(
                            place: place, text: text, lang: object["lang"] as? String ?? "en",
                            published: object["published"] as? String, expect: expect))
                    return
                }
                for (key, child) in object {
                    if key.contains("example"), let list = child as? [Any], list.contains(where: { $0 is String }) {
                        bare.append("\(place).\(key)")
                    }
                    walk(child, "\(place).\(key)")
                }
            } else if let list = value as? [Any] {
                for (index, child) in list.enumerated() { walk(child, "\(place)[\(index)]") }
            }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            walk(try JSONSerialization.jsonObject(with: data), file)
        }
        return (runnable, bare)
    }

    @Test func everyExampleOfTheLexiconIsRunnable() throws {
        let (runnable, bare) = try Self.examples()
        #expect(bare.isEmpty, "examples written as bare sentences: \(bare)")
        // One or more for each kind of event, in both languages, and the other rule families.
        #expect(runnable.count >= 40)
    }

    @Test func everyExampleOfTheLexiconReadsAsItSays() throws {
        for example in try Self.examples().runnable {
            let options = ImportOptions(
                lang: Language(rawValue: example.lang), published: try example.published.map { try PartialDate($0) },
                source: nil)
            let kb = try PressReleaseReader(options: options).read("Example\n\n" + example.text, file: "example.txt")
            let place = "\(example.place): \(example.text)"
            for expected in example.expect["events"] as? [[String: String]] ?? [] {
                let found = kb.events.contains { event in
                    event.kind.rawValue == expected["kind"]
                        && expected["start"].map { (event.start ?? event.within?.first)?.description == $0 } ?? true
                        && expected["status"].map { event.status.rawValue == $0 } ?? true
                        // "place": the country it took place in, "-" for none.
                        && expected["place"].map {
                            (event.location?.country ?? "country:-") == "country:" + $0.lowercased()
                        } ?? true
                }
                #expect(
                    found,
                    "\(place) — no event \(expected); read: \(kb.events.map { "\($0.kind) \($0.start?.description ?? "-")" })")
            }
            if let count = example.expect["event_count"] as? Int {
                #expect(kb.events.count == count, "\(place) — \(kb.events.count) events")
            }
            let persons = Set(kb.entities.filter { $0.type == .person }.map(\.name))
            for name in example.expect["persons"] as? [String] ?? [] {
                #expect(persons.contains(name), "\(place) — no person \(name); read: \(persons)")
            }
            if let count = example.expect["person_count"] as? Int {
                #expect(persons.count == count, "\(place) — \(persons.count) persons: \(persons)")
            }
            for (name, iso) in example.expect["person_countries"] as? [String: String] ?? [:] {
                let country = kb.entities.first { $0.type == .person && $0.name == name }?.country
                #expect(country == "country:" + iso.lowercased(), "\(place) — \(name) of \(country ?? "no country")")
            }
            for (name, aliases) in example.expect["person_aliases"] as? [String: [String]] ?? [:] {
                let known = kb.entities.first { $0.type == .person && $0.name == name }?.aliases ?? []
                #expect(Set(aliases).isSubset(of: known), "\(place) — \(name) goes by \(known)")
            }
            let countries = Set(kb.entities.filter { $0.type == .country }.map(\.name))
            for name in example.expect["countries"] as? [String] ?? [] {
                #expect(countries.contains(name), "\(place) — no country \(name); read: \(countries)")
            }
            for expected in example.expect["partnerships"] as? [[String: Any]] ?? [] {
                let parties = Set(expected["parties"] as? [String] ?? []).map { "country:" + $0.lowercased() }
                let found = kb.partnerships.contains { partnership in
                    Set(partnership.parties) == Set(parties) && partnership.level.key == expected["level"] as? String
                }
                #expect(found, "\(place) — no partnership \(expected)")
            }
        }
    }
}
