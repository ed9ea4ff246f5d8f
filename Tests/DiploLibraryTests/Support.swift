import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation

/// A folder of its own for one test, removed when the test is done with it.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("diplo-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A fresh, migrated knowledge base in this folder.
    func store(_ name: String = "test.sqlite") throws -> Store { try Store.open(path: path(name)) }

    /// A fresh knowledge base in this folder with these files (their text and name) imported, in order.
    func store(importing files: [(text: String, name: String)]) throws -> Store {
        let store = try self.store()
        for file in files { try importing(file.text, as: file.name, into: store) }
        return store
    }

    /// `text` written to the file `name` here, then imported into `store` as `diplo import` does.
    @discardableResult
    func importing(_ text: String, as name: String, into store: Store) throws -> ImportOutcome {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return try Fixture.importFile(path(name), into: store)
    }
}

/// Interchange files written in tests: small and explicit.
enum Fixture {
    static let vietnam = Entity(
        id: "vn", type: .country, name: "Việt Nam", names: ["vi": "Việt Nam", "en": "Vietnam"], iso: "VN")
    static let unitedStates = Entity(
        id: "us", type: .country, name: "United States", names: ["vi": "Hoa Kỳ", "en": "United States"],
        aliases: ["Mỹ", "U.S."], iso: "US")
    static let cuba = Entity(id: "cu", type: .country, name: "Cuba", iso: "CU")
    static let toLam = Entity(
        id: "to-lam", type: .person, name: "Tô Lâm", names: ["en": "To Lam"], country: "vn",
        offices: [Office(title: "General Secretary", role: "general_secretary", of: "vn")])

    /// The file at `path` imported into `store` as `diplo import PATH` does.
    @discardableResult
    static func importFile(_ path: String, into store: Store) throws -> ImportOutcome {
        try Importer(store: store, options: ImportOptions()).run(Importer.inputs(for: [path]).inputs[0])
    }

    static func date(_ text: String) -> PartialDate { try! PartialDate(text) }

    static func level(_ key: String) -> PartnershipLevel { try! PartnershipLevel(key) }

    /// Vietnam, the US, Tô Lâm, a visit, and the two partnerships the sample article names.
    static func sample() -> KnowledgeBase {
        KnowledgeBase(
            documents: [
                Document(id: "d1", title: "A note", lang: "en", published: date("2024-09-19"), text: "To Lam goes to New York.")
            ],
            entities: [vietnam, unitedStates, cuba, toLam],
            events: [
                Event(
                    id: "e1", kind: .workingVisit, title: "Working trip to the US", status: .held,
                    start: date("2024-09-21"), end: date("2024-09-25"), location: Location(country: "us", city: "New York"),
                    participants: [Participant(entity: "to-lam", role: "guest")],
                    sources: [SourceRef(document: "d1", start: 0, end: 24, quote: "To Lam goes to New York.")])
            ],
            partnerships: [
                Partnership(
                    id: "p-csp", parties: ["vn", "us"], level: level("comprehensive_strategic_partnership"),
                    established: date("2023-09-10"),
                    history: [Milestone(level: level("comprehensive_partnership"), date: date("2013-07-25"))]),
                Partnership(id: "p-dr", parties: ["vn", "us"], level: .diplomaticRelations, established: date("1995-07-12")),
            ],
            anniversaries: [Anniversary(event: "e1", partnership: "p-csp", years: 1, stated: true)])
    }
}
