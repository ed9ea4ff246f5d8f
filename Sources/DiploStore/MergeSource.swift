import DiploModel
import Foundation

/// What a merge reads, list by list, in the order it needs them: an interchange document held in
/// memory, or a file read a record at a time (`InterchangeFile`), so that a file of any size merges
/// in the memory of a few records. Each list is told with each record's index in it (for the
/// JSON path of an error) and may be asked for more than once.
public protocol MergeSource {
    /// How many events the source holds (for a progress line).
    var eventCount: Int { get }
    /// Throws when an id stands twice in one list: the first such, documents first, then
    /// entities, events and partnerships.
    func checkUniqueIDs(file: String) throws
    func eachDocument(_ body: (Int, Document) throws -> Void) throws
    func eachEntity(_ body: (Int, Entity) throws -> Void) throws
    /// The events; with `only`, those of these indexes (ascending) alone.
    func eachEvent(only indexes: [Int]?, _ body: (Int, Event) throws -> Void) throws
    func eachPartnership(_ body: (Int, Partnership) throws -> Void) throws
    func eachAnniversary(_ body: (Int, Anniversary) throws -> Void) throws
}

extension KnowledgeBase: MergeSource {
    public var eventCount: Int { events.count }

    public func checkUniqueIDs(file: String) throws {
        func check(_ ids: [String], _ list: String) throws {
            var seen = Set<String>()
            for (i, id) in ids.enumerated() where !seen.insert(id).inserted {
                throw DiploError.duplicateID(file: file, list: list, index: i, id: id)
            }
        }
        try check(documents.map(\.id), "documents")
        try check(entities.map(\.id), "entities")
        try check(events.map(\.id), "events")
        try check(partnerships.map(\.id), "partnerships")
    }

    public func eachDocument(_ body: (Int, Document) throws -> Void) throws {
        for (i, document) in documents.enumerated() { try body(i, document) }
    }

    public func eachEntity(_ body: (Int, Entity) throws -> Void) throws {
        for (i, entity) in entities.enumerated() { try body(i, entity) }
    }

    public func eachEvent(only indexes: [Int]?, _ body: (Int, Event) throws -> Void) throws {
        if let indexes {
            for i in indexes { try body(i, events[i]) }
        } else {
            for (i, event) in events.enumerated() { try body(i, event) }
        }
    }

    public func eachPartnership(_ body: (Int, Partnership) throws -> Void) throws {
        for (i, partnership) in partnerships.enumerated() { try body(i, partnership) }
    }

    public func eachAnniversary(_ body: (Int, Anniversary) throws -> Void) throws {
        for (i, anniversary) in anniversaries.enumerated() { try body(i, anniversary) }
    }
}

extension DiploError {
    /// The one sentence for an id that stands twice in one list of a file.
    public static func duplicateID(file: String, list: String, index: Int, id: String) -> DiploError {
        .badInput(file: file, place: "\(list)[\(index)].id", reason: "the id \"\(id)\" appears twice in this file")
    }
}
