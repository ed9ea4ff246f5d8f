import DiploModel
import DiploQuery
import DiploStore
import Foundation

/// Writes the interchange format: keys sorted and lists in knowledge-base order, so that the same
/// knowledge base always gives the same bytes.
public enum InterchangeWriter {
    public static func data(_ kb: KnowledgeBase) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(kb)
        data.append(0x0A)
        return data
    }

    public static func string(_ kb: KnowledgeBase) throws -> String {
        String(decoding: try data(kb), as: UTF8.self)
    }
}
