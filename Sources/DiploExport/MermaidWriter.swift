import DiploModel
import DiploQuery
import DiploStore
import Foundation

/// A Mermaid flowchart, to paste in a ```mermaid block of notes. Mermaid draws small graphs:
/// by default it refuses more than 500 edges, so large ones are best cut with --around.
///
/// Node ids are made of letters, digits and "_" only (every other character of the id is
/// written as _hex_), so that no id is a keyword or reads as an arrow. Labels are quoted, with
/// the characters Mermaid would read otherwise written as its entity codes (#quot; #35; ...)
/// and line breaks as <br>.
public final class MermaidWriter: GraphWriter {
    let out: TextOutput
    public private(set) var edgeCount = 0
    /// Mermaid's default maxEdges.
    public static let renderLimit = 500

    public init(_ out: TextOutput) { self.out = out }

    public func begin(_ header: GraphHeader) throws {
        try out.write(
            """
            %% \(MermaidWriter.label(header.description, quoted: false))
            flowchart LR
              classDef person fill:#dbe9f6,stroke:#4a78a8
              classDef country fill:#f6e3c5,stroke:#b07a2a
              classDef organization fill:#e2f0d9,stroke:#5a8a3a
              classDef event fill:#f2f2f2,stroke:#888888
              classDef other fill:#eeeeee,stroke:#888888

            """)
    }

    public func node(_ node: GraphNode) throws {
        let text = MermaidWriter.label(node.label)
        let shape: String
        let style: String
        switch node.type {
        case "person":
            shape = "(\(text))"
            style = "person"
        case "country":
            shape = "[[\(text)]]"
            style = "country"
        case "organization":
            shape = "[\(text)]"
            style = "organization"
        case "event":
            shape = "([\(text)])"
            style = "event"
        default:
            shape = "[\(text)]"
            style = "other"
        }
        try out.write("  \(MermaidWriter.id(node.id))\(shape):::\(style)\n")
    }

    public func edge(_ edge: GraphEdge) throws {
        let arrow = edge.relation == .belongsTo || edge.relation == .partOf ? "-.->" : "-->"
        try out.write(
            "  \(MermaidWriter.id(edge.source)) \(arrow)|\(MermaidWriter.label(edge.caption))| \(MermaidWriter.id(edge.target))\n"
        )
        edgeCount += 1
    }

    public func end() throws { try out.flush() }

    /// "to-lam" -> "n_to_2d_lam": injective, and never a Mermaid keyword.
    static func id(_ id: String) -> String {
        if id.utf8.allSatisfy({ $0 < 0x80 && (Character(Unicode.Scalar($0)).isLetter || Character(Unicode.Scalar($0)).isNumber) })
        {
            return "n_" + id
        }
        var out = "n_"
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "_" + String(byte, radix: 16) + "_"
            }
        }
        return out
    }

    /// A label in double quotes, every character that means something to Mermaid as its code.
    // Mermaid's own escaping (#code; entities), not JSONText's: the format's rules differ.
    static func label(_ text: String, quoted: Bool = true) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || "\"#&<>\\`%|".utf8.contains($0) }) else {
            return quoted ? "\"" + text + "\"" : text
        }
        var out = quoted ? "\"" : ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "&": out += "#amp;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "\\": out += "#92;"
            case "`": out += "#96;"
            case "%": out += "#37;"
            case "|": out += "#124;"
            case "\n": out += quoted ? "<br>" : " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return quoted ? out + "\"" : out
    }
}
