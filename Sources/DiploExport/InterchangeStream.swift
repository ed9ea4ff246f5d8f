import DiploModel
import DiploQuery
import DiploStore
import Foundation

/// Writes the interchange format (`export --format json`) while it reads: one document, entity,
/// event, partnership or anniversary at a time, each encoded as `InterchangeWriter` encodes the
/// whole, so the bytes are the same and memory stays flat.
///
/// With a filter or a selection it writes that part only, and keeps it importable on its own:
/// the entities that kept facts point to (a person's country, an office's country, the place an
/// event is held) come along, a trip that is left out is no event's parent any more, and only the
/// documents that the kept facts cite are written.
public struct InterchangeStream {
    public var filter: GraphFilter
    public var selection: GraphSelection

    public init(filter: GraphFilter = GraphFilter(), selection: GraphSelection = .everything) {
        self.filter = filter
        self.selection = selection
    }

    public func write(_ store: Store, to out: TextOutput) throws {
        let scope = try Scope(store: store, filter: filter, selection: selection)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]

        // The top level as JSONEncoder writes it: keys sorted, two spaces a level.
        var firstList = true
        func list(_ key: String, _ body: (_ item: (any Encodable) throws -> Void) throws -> Void) throws {
            try out.write((firstList ? "{\n" : ",\n") + "  \"\(key)\" : [")
            firstList = false
            var count = 0
            try body { item in
                try out.write(count == 0 ? "\n" : ",\n")
                try out.write(InterchangeStream.indented(try encoder.encode(item)))
                count += 1
            }
            try out.write(count == 0 ? "\n\n  ]" : "\n  ]")
        }

        try list("anniversaries") { item in
            try store.forEachAnniversary { anniversary in
                if scope.hasEvent(anniversary.event), scope.hasPartnership(anniversary.partnership) { try item(anniversary) }
            }
        }
        try list("documents") { item in
            try store.forEachDocument { document in
                if scope.hasDocument(document.id) { try item(document) }
            }
        }
        try list("entities") { item in
            try store.forEachEntity { entity in
                if scope.hasEntity(entity.id) { try item(entity) }
            }
        }
        try list("events") { item in
            try store.forEachEvent { event in
                guard scope.hasEvent(event.id) else { return }
                var event = event
                // A trip left out is no event's parent any more.
                event.parent = event.parent.flatMap { scope.hasEvent($0) ? $0 : nil }
                try item(event)
            }
        }
        try out.write(",\n  \"format\" : \"\(KnowledgeBase.formatName)\"")
        firstList = false
        try list("partnerships") { item in
            try store.forEachPartnership { partnership in
                if scope.hasPartnership(partnership.id) { try item(partnership) }
            }
        }
        try out.write("\n}\n")
        try out.flush()
    }

    /// Encoded JSON two levels in, as the whole document would have it: four spaces before each
    /// line but the blank line JSONEncoder leaves inside an empty list. Byte by byte, for speed.
    static func indented(_ json: Data) -> [UInt8] {
        let newline = UInt8(ascii: "\n")
        let space = UInt8(ascii: " ")
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 4)
        json.withUnsafeBytes { bytes in
            var lineStart = true
            for byte in bytes {
                if lineStart && byte != newline {
                    out.append(space)
                    out.append(space)
                    out.append(space)
                    out.append(space)
                }
                out.append(byte)
                lineStart = byte == newline
            }
        }
        return out
    }

    /// Which facts a filtered export keeps, as sets of ids; nil sets keep everything.
    struct Scope {
        var entities: Set<String>?
        var events: Set<String>?
        var partnerships: Set<String>?
        var documents: Set<String>?

        init(store: Store, filter: GraphFilter, selection: GraphSelection) throws {
            guard !filter.isEmpty || selection.entities != nil || selection.events != nil else { return }
            var events = Set<String>()
            try store.forEachEventSummary { event in
                if selection.hasEvent(event.id), filter.keeps(event) { events.insert(event.id) }
            }
            if var entities = selection.entities {
                // What the kept facts point to comes along, until nothing new is pointed to.
                var pending = Array(entities)
                for event in try store.events(ids: Array(events)) {
                    pending += event.participants.map(\.entity) + [event.location?.country].compactMap { $0 }
                }
                while let id = pending.popLast() {
                    entities.insert(id)
                    guard let entity = try store.entity(id) else { continue }
                    let pointed = [entity.country].compactMap { $0 } + entity.offices.compactMap(\.of)
                    pending += pointed.filter { !entities.contains($0) }
                }
                self.entities = entities
            }
            var partnerships = Set<String>()
            var documents = Set<String>()
            func cite(_ sources: [SourceRef]) { documents.formUnion(sources.map(\.document)) }
            try store.forEachPartnership { partnership in
                guard filter.keepsSpan(start: partnership.established, end: nil),
                    partnership.parties.allSatisfy({ self.entities?.contains($0) ?? true })
                else { return }
                partnerships.insert(partnership.id)
                cite(partnership.sources + partnership.history.flatMap(\.sources))
            }
            try store.forEachEntity { entity in
                guard self.entities?.contains(entity.id) ?? true else { return }
                cite(entity.sources + entity.offices.flatMap(\.sources))
            }
            try store.forEachEvent(ids: Array(events)) { cite($0.sources) }
            try store.forEachAnniversary { anniversary in
                if events.contains(anniversary.event), partnerships.contains(anniversary.partnership) {
                    cite(anniversary.sources)
                }
            }
            self.events = events
            self.partnerships = partnerships
            self.documents = documents
        }

        func hasEntity(_ id: String) -> Bool { entities?.contains(id) ?? true }
        func hasEvent(_ id: String) -> Bool { events?.contains(id) ?? true }
        func hasPartnership(_ id: String) -> Bool { partnerships?.contains(id) ?? true }
        func hasDocument(_ id: String) -> Bool { documents?.contains(id) ?? true }
    }
}
