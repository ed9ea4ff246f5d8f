import DiploModel
import DiploQuery
import Foundation
import Testing

@testable import DiploStore

/// The queries that must stay fast at a million events read through indexes: SQLite's own plan
/// for each statement they run never scans events, participants or sources whole.
@Suite struct QueryPlanTests {
    /// A knowledge base with enough rows that SQLite's planner weighs indexes as it would at scale.
    static func store(_ folder: TemporaryFolder) throws -> Store {
        let store = try folder.store()
        try store.fillSynthetic(events: 2_000, persons: 400, organizations: 200)
        return store
    }

    static let scanned = ["events", "participants", "sources"]

    /// The plans of everything `body` runs, each statement's plan lines.
    static func plans(_ store: Store, _ body: () throws -> Void) rethrows -> [(sql: String, plan: [String])] {
        store.db.queryPlans = []
        defer { store.db.queryPlans = nil }
        try body()
        return store.db.queryPlans ?? []
    }

    static func expectNoScans(
        _ plans: [(sql: String, plan: [String])], _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(!plans.isEmpty, "\(what): no statement ran", sourceLocation: sourceLocation)
        for (sql, plan) in plans {
            for line in plan {
                let scan = scanned.contains { line.hasPrefix("SCAN \($0)") || line.hasPrefix("SCAN \($0) ") }
                #expect(!scan, "\(what): \(line) in \(sql)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func showAndTimelineReadOneEntitysEventsByIndex() throws {
        let folder = try TemporaryFolder()
        let store = try QueryPlanTests.store(folder)
        let plans = try QueryPlanTests.plans(store) {
            _ = try EventFilter(involving: "p7").events(in: store, directory: Directory(store: store))
            _ = try store.partnerships(of: "c7")
            _ = try store.entity("p7")
        }
        QueryPlanTests.expectNoScans(plans, "show")
    }

    @Test func datedListingsAndSearchReadByIndex() throws {
        let folder = try TemporaryFolder()
        let store = try QueryPlanTests.store(folder)
        let plans = try QueryPlanTests.plans(store) {
            _ = try EventFilter(from: try PartialDate("2010-01"), to: try PartialDate("2010-03"))
                .events(in: store, directory: Directory(store: store))
            _ = try store.search("Person 12", limit: 20)
            _ = try store.eventsInvolving("p3")
            _ = try store.participantRows(ofEvents: ["ev1", "ev2"])
        }
        QueryPlanTests.expectNoScans(plans, "listings")
    }

    /// The check itself can fail: a query without an index is caught.
    @Test func aScanIsCaught() throws {
        let folder = try TemporaryFolder()
        let store = try QueryPlanTests.store(folder)
        let plans = try QueryPlanTests.plans(store) {
            _ = try store.db.query("SELECT id FROM events WHERE title LIKE '%5%'") { $0.text(0) }
        }
        #expect(plans.contains { $0.plan.contains { $0.hasPrefix("SCAN events") } })
    }
}
