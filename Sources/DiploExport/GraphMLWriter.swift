import DiploModel
import DiploQuery
import DiploStore
import Foundation

/// GraphML, as yEd, Cytoscape, networkx and igraph read it: every attribute declared as a
/// string key, nodes then edges, each edge with its own id (the graph has parallel edges).
public final class GraphMLWriter: GraphWriter {
    let out: TextOutput
    private var nodeKeys: [String] = []
    private var languages: [String] = []

    public init(_ out: TextOutput) { self.out = out }

    public func begin(_ header: GraphHeader) throws {
        languages = header.languages
        nodeKeys = GraphNode.attributeNames(languages: languages)
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        for name in nodeKeys {
            text += "  <key id=\"n_\(name)\" for=\"node\" attr.name=\"\(name)\" attr.type=\"string\"/>\n"
        }
        for name in GraphEdge.attributeNames {
            text += "  <key id=\"e_\(name)\" for=\"edge\" attr.name=\"\(name)\" attr.type=\"string\"/>\n"
        }
        text += "  <graph id=\"diplo\" edgedefault=\"directed\">\n"
        text += "    <desc>\(XML.escaped(header.description))</desc>\n"
        try out.write(text)
    }

    public func node(_ node: GraphNode) throws {
        var text = "    <node id=\"\(XML.escaped(node.id))\">\n"
        for (name, value) in zip(nodeKeys, node.attributeValues(languages: languages)) {
            if let value { text += "      <data key=\"n_\(name)\">\(XML.escaped(value))</data>\n" }
        }
        try out.write(text + "    </node>\n")
    }

    public func edge(_ edge: GraphEdge) throws {
        var text = "    <edge id=\"\(edge.id)\" source=\"\(XML.escaped(edge.source))\" target=\"\(XML.escaped(edge.target))\">\n"
        for (name, value) in zip(GraphEdge.attributeNames, edge.attributeValues) {
            if let value { text += "      <data key=\"e_\(name)\">\(XML.escaped(value))</data>\n" }
        }
        try out.write(text + "    </edge>\n")
    }

    public func end() throws {
        try out.write("  </graph>\n</graphml>\n")
        try out.flush()
    }
}

enum XML {
    /// Text safe in XML content and in double-quoted attributes. Line breaks and tabs become
    /// character references (an attribute would otherwise read them as spaces); control
    /// characters that XML 1.0 cannot carry at all become U+FFFD.
    // XML's own escaping (GraphML, GEXF), not JSONText's: the format's rules differ.
    static func escaped(_ text: String) -> String {
        // Most names need nothing: say so from the bytes, without building a copy.
        // (0xEF leads the UTF-8 of U+FFFE and U+FFFF, and of other characters that go the slow way.)
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0xEF })
        else {
            return text
        }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
