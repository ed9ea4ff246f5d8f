import DiploModel
import DiploQuery
import DiploStore
import Foundation

/// Graphviz's DOT language: a digraph whose nodes are drawn by type (persons as ellipses,
/// countries as boxes, events as notes) and whose edges carry their relation as a label.
public final class DOTWriter: GraphWriter {
    let out: TextOutput
    private var languages: [String] = []

    public init(_ out: TextOutput) { self.out = out }

    public func begin(_ header: GraphHeader) throws {
        languages = header.languages
        try out.write(
            """
            digraph diplo {
              label=\(DOTWriter.quoted(header.description));
              graph [rankdir=LR, overlap=false, fontname="sans-serif"];
              node [fontname="sans-serif", fontsize=10];
              edge [fontname="sans-serif", fontsize=8, color="#555555"];

            """)
    }

    public func node(_ node: GraphNode) throws {
        let style: String
        switch node.type {
        case "person": style = "shape=ellipse, style=filled, fillcolor=\"#dbe9f6\""
        case "country": style = "shape=box, style=\"filled,bold\", fillcolor=\"#f6e3c5\""
        case "organization": style = "shape=box, style=\"filled,rounded\", fillcolor=\"#e2f0d9\""
        case "event": style = "shape=note, style=filled, fillcolor=\"#f2f2f2\""
        default: style = "shape=box, style=filled, fillcolor=\"#eeeeee\""
        }
        var attributes = ["label=" + DOTWriter.quoted(node.label, isLabel: true), "type=" + DOTWriter.quoted(node.type)]
        for (name, value) in zip(GraphNode.attributeNames(languages: languages), node.attributeValues(languages: languages))
            .dropFirst(2)
        {
            if let value { attributes.append("\(name)=\(DOTWriter.quoted(value))") }
        }
        try out.write("  \(DOTWriter.quoted(node.id)) [\(attributes.joined(separator: ", ")), \(style)];\n")
    }

    public func edge(_ edge: GraphEdge) throws {
        var attributes = ["label=" + DOTWriter.quoted(edge.caption, isLabel: true), "id=" + DOTWriter.quoted(edge.id)]
        for (name, value) in zip(GraphEdge.attributeNames, edge.attributeValues) where name != "label" {
            if let value { attributes.append("\(name)=\(DOTWriter.quoted(value))") }
        }
        if edge.relation == .belongsTo || edge.relation == .partOf { attributes.append("style=dashed") }
        try out.write(
            "  \(DOTWriter.quoted(edge.source)) -> \(DOTWriter.quoted(edge.target)) [\(attributes.joined(separator: ", "))];\n")
    }

    public func end() throws {
        try out.write("}\n")
        try out.flush()
    }

    /// A DOT double-quoted string. Backslash and quote are escaped; line breaks become \n, which
    /// labels draw as new lines. In labels Graphviz reads "&...;" as an HTML entity, so a plain
    /// ampersand is written as &amp; there, and "R&amp;D" stays what it says.
    // DOT's own escaping, not JSONText's: the format's rules differ.
    static func quoted(_ text: String, isLabel: Bool = false) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x5C || $0 == 0x22 || (isLabel && $0 == 0x26) }) else {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": continue
            case "&" where isLabel: out += "&amp;"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
