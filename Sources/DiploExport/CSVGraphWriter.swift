import DiploModel
import DiploQuery
import DiploStore
import Foundation

/// Two CSV tables (RFC 4180, as `--format csv` writes reports): nodes and edges. Their headers
/// are what Gephi's spreadsheet import and pandas look for: id and label for nodes; id, source
/// and target for edges.
public final class CSVGraphWriter: GraphWriter {
    let nodes: TextOutput
    let edges: TextOutput
    private var languages: [String] = []

    public init(nodes: TextOutput, edges: TextOutput) {
        self.nodes = nodes
        self.edges = edges
    }

    /// The two file names for `-o NAME`: "graph.csv" and "graph" both give graph.nodes.csv and graph.edges.csv.
    public static func paths(for output: String) -> (nodes: String, edges: String) {
        let stem = output.lowercased().hasSuffix(".csv") ? String(output.dropLast(4)) : output
        return (stem + ".nodes.csv", stem + ".edges.csv")
    }

    public func begin(_ header: GraphHeader) throws {
        languages = header.languages
        try nodes.write(CSVGraphWriter.line(["id"] + GraphNode.attributeNames(languages: languages)))
        try edges.write(CSVGraphWriter.line(["id", "source", "target"] + GraphEdge.attributeNames))
    }

    public func node(_ node: GraphNode) throws {
        try nodes.write(CSVGraphWriter.line([node.id] + node.attributeValues(languages: languages)))
    }

    public func edge(_ edge: GraphEdge) throws {
        try edges.write(CSVGraphWriter.line([edge.id, edge.source, edge.target] + edge.attributeValues))
    }

    public func end() throws {
        try nodes.flush()
        try edges.flush()
    }

    static func line(_ fields: [String?]) -> String {
        fields.map { CSV.field($0 ?? "") }.joined(separator: ",") + "\r\n"
    }
}
