import DiploModel
import Foundation
import Testing

/// The schema repeats the model's closed lists in CHECK constraints; they must agree, or a value
/// the model allows would be refused by SQLite (or the other way round).
@Suite struct SchemaTests {
    /// The schema files, in the order they are applied.
    static func schemaText() throws -> String {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Schema")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(!files.isEmpty)
        return try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(
            separator: "\n")
    }

    /// The quoted values of the last `CHECK (column IN (...))` for this column.
    static func checkList(_ column: String, in schema: String) throws -> Set<String> {
        let pattern = try Regex("CHECK \\(\(column) IN \\(([^)]*)\\)\\)")
        guard let match = schema.matches(of: pattern).last, let list = match.output[1].substring else {
            Issue.record("no CHECK list for \(column) in the schema")
            return []
        }
        let values = list.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: ["'"])
        }
        return Set(values)
    }

    @Test func checkListsEqualTheSwiftEnums() throws {
        let schema = try SchemaTests.schemaText()
        #expect(try SchemaTests.checkList("type", in: schema) == Set(EntityType.allCases.map(\.rawValue)))
        #expect(try SchemaTests.checkList("kind", in: schema) == Set(EventKind.allCases.map(\.rawValue)))
        #expect(try SchemaTests.checkList("status", in: schema) == Set(EventStatus.allCases.map(\.rawValue)))
    }
}
