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
            _ = try store.eventsInvolving("c3", among: ["ev1", "ev2", "ev3"])
            _ = try PathQuery(from: "p3", to: "p4").chain(on: store)
            _ = try store.participantRows(ofEvents: ["ev1", "ev2"])
        }
        QueryPlanTests.expectNoScans(plans, "listings")
    }

    /// Adding a few events to a large knowledge base: finding another report of each (by the
    /// month on its participants' rows), writing them, and keeping the anniversary candidates of
    /// the new events and of a new partnership.
    @Test func addingAFewEventsReadsByIndex() throws {
        let folder = try TemporaryFolder()
        let store = try QueryPlanTests.store(folder)
        let known = try #require(try store.event("ev5"))
        let more = KnowledgeBase(
            documents: [Document(id: "new-doc")],
            events: [
                Event(
                    id: "again", kind: known.kind, title: "Again", start: known.start, participants: known.participants,
                    sources: [SourceRef(document: "new-doc")]),
                Event(
                    id: "fresh", kind: .talks, title: "Fresh", start: Fixture.date("2011-05-06"),
                    location: Location(country: "c3"),
                    participants: [Participant(entity: "p1", role: "guest"), Participant(entity: "p2", role: "host")]),
            ],
            partnerships: [
                Partnership(id: "new", parties: ["c1", "c2"], level: .diplomaticRelations, established: Fixture.date("1961"))
            ])
        let plans = try QueryPlanTests.plans(store) { try store.merge(more, file: "more.json") }
        QueryPlanTests.expectNoScans(plans, "merge")
        #expect(try store.event("again") == nil, "not merged into ev5")
    }

    /// The newest visits, and the anniversaries the store keeps.
    @Test func theNewestVisitsAndTheAnniversariesReadByIndex() throws {
        let folder = try TemporaryFolder()
        let store = try QueryPlanTests.store(folder)
        let plans = try QueryPlanTests.plans(store) {
            _ = try VisitQuery(limit: 50).run(on: store)
            _ = try AnniversaryQuery().run(on: store)
        }
        // Read newest first through the date index, and stopped after the few asked for.
        QueryPlanTests.expectNoScans(plans.filter { !$0.plan.contains("SCAN events USING INDEX events_date") }, "visits")
        #expect(plans.contains { $0.plan.contains("SCAN events USING INDEX events_date") })
        // The candidates' events by their row key; the stated anniversaries' by the index of ids
        // (events joined as `e`, which the check above does not see as events).
        #expect(plans.contains { $0.plan.contains { $0.hasPrefix("SEARCH e USING INTEGER PRIMARY KEY") } })
        #expect(plans.contains { $0.plan.contains { $0.hasPrefix("SEARCH e USING INDEX sqlite_autoindex_events_1") } })
        #expect(!plans.contains { $0.plan.contains("SCAN e") })
    }

    /// `query anniversaries` asked nothing more: the kept listing, read in the order of its key
    /// (no sort), and not one event.
    @Test func theDefaultAnniversaryListingIsReadInItsKeysOrder() throws {
        let folder = try TemporaryFolder()
        let store = try QueryPlanTests.store(folder)
        var rows = 0
        let plans = try QueryPlanTests.plans(store) {
            rows = try AnniversaryQuery().report(on: store, format: .table).rows.count
        }
        #expect(rows > 0)
        QueryPlanTests.expectNoScans(plans, "the listing")
        let listing = plans.filter { $0.sql.contains("FROM anniversary_listing") }
        #expect(listing.count == 1)
        #expect(listing.allSatisfy { !$0.plan.contains { $0.contains("TEMP B-TREE") } })
        #expect(!plans.contains { $0.sql.contains("FROM events") || $0.sql.contains("JOIN events") })
    }

    /// Events read by a list of ids in any order (the anniversaries' events): joined to the list,
    /// each by the index of ids; entities a good part of the table: one pass over entities.
    @Test func eventsByAListOfIdsAndManyEntitiesReadByIndex() throws {
        let folder = try TemporaryFolder()
        let store = try QueryPlanTests.store(folder)
        let ids = (1...300).map { "ev\($0 * 5)" }
        let plans = try QueryPlanTests.plans(store) {
            let events = try store.eventSummaries(ids: ids, inOrderAdded: false)
            #expect(Set(events.map(\.id)) == Set(ids))
            #expect(
                try store.eventSummaries(ids: ids).map(\.id)
                    == events.map(\.id).sorted { Int($0.dropFirst(2))! < Int($1.dropFirst(2))! })
            let people = (1...300).map { "p\($0)" }
            #expect(try store.entitySummaries(ids: people).count >= 300)
        }
        QueryPlanTests.expectNoScans(plans, "events by ids")
        #expect(plans.contains { $0.plan.contains { $0.hasPrefix("SEARCH e USING INDEX") } })
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
