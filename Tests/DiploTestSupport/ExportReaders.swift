import Foundation

// Exports read back by hand, for both test targets: the library's writers (GraphWriterTests) and
// `diplo export` (ExportTests) are checked by the same readers.

/// RFC 4180 CSV, read by hand: quoted fields may hold commas, quotes and line breaks.
public enum CSVText {
    public static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r" || c == "\n" {
                if c == "\r", characters.first == "\n" { characters.removeFirst() }
                row.append(field)
                field = ""
                rows.append(row)
                row = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}

/// A Mermaid flowchart as the writer draws it, read line by line: a comment, "flowchart LR",
/// then one node, edge or class definition a line, with plain ids and one quoted label each.
public struct Flowchart {
    /// The first two lines are the comment and "flowchart LR".
    public private(set) var opens = false
    /// Each node's label as written (Mermaid's codes kept), by id.
    public private(set) var nodes: [String: String] = [:]
    public private(set) var edges: [(source: String, target: String)] = []
    /// Lines that are none of these, and edges drawn before a node they join.
    public private(set) var strays: [String] = []

    public init(_ text: String) throws {
        let lines = text.split(separator: "\n")
        opens = lines.first?.hasPrefix("%%") == true && lines.dropFirst().first == "flowchart LR"
        let id = "(n_[A-Za-z0-9_]+)"
        let label = #"("[^"\n]*")"#
        let node = try Regex(#"^  \#(id)(?:\(\#(label)\)|\[\[\#(label)\]\]|\[\#(label)\]|\(\[\#(label)\]\)):::[a-z]+$"#)
        let edge = try Regex(#"^  \#(id) (?:-->|-\.->)\|"[^"\n]*"\| \#(id)$"#)
        let classDef = try Regex("^  classDef [a-z]+ fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6}$")
        for line in lines.dropFirst(2) {
            if let match = line.wholeMatch(of: node) {
                // One of the shapes' labels matched: the node's.
                let written = (2...5).lazy.compactMap { match.output[$0].substring }.first!
                nodes[String(match.output[1].substring!)] = String(written.dropFirst().dropLast())
            } else if let match = line.wholeMatch(of: edge) {
                let ends = (String(match.output[1].substring!), String(match.output[2].substring!))
                if nodes[ends.0] == nil || nodes[ends.1] == nil { strays.append("an edge before its nodes: \(line)") }
                edges.append(ends)
            } else if line.wholeMatch(of: classDef) == nil {
                strays.append(String(line))
            }
        }
    }

    /// A label with Mermaid's codes undone and its line breaks back.
    public static func decoded(_ label: String) -> String {
        var text = label.replacingOccurrences(of: "<br>", with: "\n")
        for (code, character) in [
            ("#quot;", "\""), ("#35;", "#"), ("#lt;", "<"), ("#gt;", ">"), ("#92;", "\\"), ("#96;", "`"),
            ("#37;", "%"), ("#124;", "|"), ("#amp;", "&"),
        ] {
            text = text.replacingOccurrences(of: code, with: character)
        }
        return text
    }
}
