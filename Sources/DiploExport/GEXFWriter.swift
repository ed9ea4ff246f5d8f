import DiploModel
import DiploQuery
import DiploStore
import Foundation

/// GEXF 1.3, Gephi's format. The graph is dynamic: events, and edges with dates, carry `start`
/// and `end` (whole days: a partial date spans the days it may mean), so Gephi's timeline can
/// play the graph; entities and undated relations are there throughout. Each edge's `kind` is
/// its relation, so parallel edges of different relations stay apart.
public final class GEXFWriter: GraphWriter {
    let out: TextOutput
    private var languages: [String] = []
    private var nodeAttributes: [String] = []

    public init(_ out: TextOutput) { self.out = out }

    public func begin(_ header: GraphHeader) throws {
        languages = header.languages
        // The label is the node's own attribute; start and end are its lifetime.
        nodeAttributes = GraphNode.attributeNames(languages: languages).filter { !["label", "start", "end"].contains($0) }
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta>
                <creator>Diplo</creator>
                <description>\(XML.escaped(header.description))</description>
              </meta>
              <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
                <attributes class="node" mode="static">

            """
        for name in nodeAttributes { text += "      <attribute id=\"\(name)\" title=\"\(name)\" type=\"string\"/>\n" }
        text += "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n"
        for name in GraphEdge.attributeNames.map(GEXFWriter.edgeAttribute) {
            text += "      <attribute id=\"\(name)\" title=\"\(name)\" type=\"string\"/>\n"
        }
        text += "    </attributes>\n    <nodes>\n"
        try out.write(text)
    }

    public func node(_ node: GraphNode) throws {
        var text =
            "      <node id=\"\(XML.escaped(node.id))\" label=\"\(XML.escaped(node.label))\"\(GEXFWriter.lifetime(node.start, node.end))>\n"
        text += "        <attvalues>\n"
        let values = Dictionary(
            uniqueKeysWithValues: zip(GraphNode.attributeNames(languages: languages), node.attributeValues(languages: languages)))
        for name in nodeAttributes {
            if let value = values[name] ?? nil {
                text += "          <attvalue for=\"\(name)\" value=\"\(XML.escaped(value))\"/>\n"
            }
        }
        try out.write(text + "        </attvalues>\n      </node>\n")
    }

    private var edgesBegun = false

    public func edge(_ edge: GraphEdge) throws {
        if !edgesBegun {
            try out.write("    </nodes>\n    <edges>\n")
            edgesBegun = true
        }
        var text = "      <edge id=\"\(edge.id)\" source=\"\(XML.escaped(edge.source))\" target=\"\(XML.escaped(edge.target))\""
        text +=
            " kind=\"\(XML.escaped(edge.relation.description))\" label=\"\(XML.escaped(edge.caption))\"\(GEXFWriter.lifetime(edge.start, edge.end))>\n"
        text += "        <attvalues>\n"
        for (name, value) in zip(GraphEdge.attributeNames.map(GEXFWriter.edgeAttribute), edge.attributeValues) {
            if let value { text += "          <attvalue for=\"\(name)\" value=\"\(XML.escaped(value))\"/>\n" }
        }
        try out.write(text + "        </attvalues>\n      </edge>\n")
    }

    public func end() throws {
        try out.write(edgesBegun ? "    </edges>\n" : "    </nodes>\n    <edges>\n    </edges>\n")
        try out.write("  </graph>\n</gexf>\n")
        try out.flush()
    }

    /// ` start="2024-09-21" end="2024-09-25"`: the first day the start may mean, the last day the
    /// end may. Without an end it lasts on (a partnership, an office still held).
    static func lifetime(_ start: String?, _ end: String?) -> String {
        var text = ""
        if let first = start.flatMap(ISODate.firstDay) { text += " start=\"\(first)\"" }
        if let last = end.flatMap(ISODate.lastDay) { text += " end=\"\(last)\"" }
        return text
    }

    /// The edge's own label is its caption, so its `label` column (an event's title) is `title` here.
    static func edgeAttribute(_ name: String) -> String { name == "label" ? "title" : name }
}
