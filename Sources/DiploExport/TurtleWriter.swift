import DiploModel
import DiploQuery
import DiploStore
import Foundation

/// RDF in Turtle, for triple stores and SPARQL. Standard vocabularies where they fit:
/// schema.org's Person, Country, Organization, Place, Event, name, alternateName, attendee,
/// location, superEvent, startDate, endDate and Role; Wikidata's P297 (ISO 3166-1 alpha-2 code),
/// P27 (a person's country) and P17 (an organisation's or place's country). The rest is in
/// Diplo's own vocabulary, `urn:diplo:vocab:` (prefix dv:):
///
/// - dv:type, dv:kind, dv:status, dv:date (the dates as written), dv:city, dv:role, dv:level;
/// - dv:participation [dv:participant, dv:role]: who took part in an event, in what role;
/// - dv:Partnership with dv:party, dv:level, schema:startDate; and dv:partner between the parties;
/// - dv:office [a schema:Role; schema:roleName; dv:of], and dv:holdsOfficeIn, for offices held;
/// - in the entities view, dv:<event kind> between the entities an event links (dv:state_visit),
///   with a dv:Link [dv:source, dv:target, dv:kind, dv:role, dv:event] that keeps its details.
///
/// Resources are `urn:diplo:entity:<id>`, `urn:diplo:event:<id>` and `urn:diplo:partnership:<id>`,
/// the id percent-encoded.
public final class TurtleWriter: GraphWriter {
    let out: TextOutput

    public init(_ out: TextOutput) { self.out = out }

    public static let vocabulary = "urn:diplo:vocab:"

    public func begin(_ header: GraphHeader) throws {
        try out.write(
            """
            # \(header.description.replacingOccurrences(of: "\n", with: " "))
            @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix schema: <https://schema.org/> .
            @prefix wdt: <http://www.wikidata.org/prop/direct/> .
            @prefix dv: <\(TurtleWriter.vocabulary)> .


            """)
    }

    public func node(_ node: GraphNode) throws {
        let subject = TurtleWriter.resource(node.id)
        var lines: [String] = []
        let classes = [
            "person": "schema:Person", "country": "schema:Country", "organization": "schema:Organization",
            "place": "schema:Place", "event": "schema:Event", "office": "schema:Role",
        ]
        lines.append("a \(classes[node.type] ?? "schema:Thing")")
        lines.append("dv:type \(TurtleWriter.literal(node.type))")
        lines.append("rdfs:label \(TurtleWriter.literal(node.label))")
        var names = [TurtleWriter.literal(node.label)]
        for (lang, name) in node.names.sorted(by: { $0.key < $1.key }) { names.append(TurtleWriter.literal(name, lang: lang)) }
        lines.append("schema:name \(names.joined(separator: ", "))")
        if !node.aliases.isEmpty {
            lines.append("schema:alternateName \(node.aliases.map { TurtleWriter.literal($0) }.joined(separator: ", "))")
        }
        if let iso = node.iso { lines.append("wdt:P297 \(TurtleWriter.literal(iso))") }
        if let country = node.country {
            lines.append("\(node.type == "person" ? "wdt:P27" : "wdt:P17") \(TurtleWriter.resource(country))")
        }
        if let kind = node.kind { lines.append("dv:kind \(TurtleWriter.literal(kind))") }
        if let status = node.status { lines.append("dv:status \(TurtleWriter.literal(status))") }
        if let date = node.date { lines.append("dv:date \(TurtleWriter.literal(date))") }
        if let start = node.start { lines.append("schema:startDate \(TurtleWriter.dateLiteral(start))") }
        if let end = node.end { lines.append("schema:endDate \(TurtleWriter.dateLiteral(end))") }
        if let city = node.city { lines.append("dv:city \(TurtleWriter.literal(city))") }
        try out.write("\(subject)\n    " + lines.joined(separator: " ;\n    ") + " .\n\n")
    }

    public func edge(_ edge: GraphEdge) throws {
        let source = TurtleWriter.resource(edge.source)
        let target = TurtleWriter.resource(edge.target)
        var text: String
        switch edge.relation {
        case .participant:
            // The event attends-to its participants: schema.org's direction.
            text = "\(target) schema:attendee \(source) .\n"
            if let role = edge.role {
                text += "\(target) dv:participation [ dv:participant \(source) ; dv:role \(TurtleWriter.literal(role)) ] .\n"
            }
        case .heldIn:
            text = "\(source) schema:location \(target) .\n"
        case .partOf:
            text = "\(source) schema:superEvent \(target) .\n"
        case .belongsTo:
            text = ""  // written with the entity (wdt:P27 or wdt:P17)
        case .partnership:
            let partnership = "<urn:diplo:partnership:\(TurtleWriter.percentEncoded(edge.partnership ?? edge.id))>"
            text = "\(source) dv:partner \(target) .\n"
            text += "\(partnership) a dv:Partnership ; dv:party \(source), \(target)"
            if let level = edge.level { text += " ; dv:level \(TurtleWriter.literal(level))" }
            if let start = edge.start { text += " ; schema:startDate \(TurtleWriter.dateLiteral(start))" }
            text += " .\n"
        case .office:
            text = "\(source) dv:holdsOfficeIn \(target) .\n"
            text +=
                "\(source) dv:office [ a schema:Role ; schema:roleName \(TurtleWriter.literal(edge.label ?? "")) ; dv:of \(target)"
            if let role = edge.role { text += " ; dv:role \(TurtleWriter.literal(role))" }
            if let start = edge.start { text += " ; schema:startDate \(TurtleWriter.dateLiteral(start))" }
            if let end = edge.end { text += " ; schema:endDate \(TurtleWriter.dateLiteral(end))" }
            text += " ] .\n"
        default:
            // An event folded into a link between two entities (the entities view).
            text = "\(source) dv:\(TurtleWriter.localName(edge.relation.description)) \(target) .\n"
            text +=
                "[] a dv:Link ; dv:source \(source) ; dv:target \(target) ; dv:kind \(TurtleWriter.literal(edge.relation.description))"
            if let role = edge.role { text += " ; dv:role \(TurtleWriter.literal(role))" }
            if let event = edge.event { text += " ; dv:event \(TurtleWriter.resource(GraphNode.eventID(event)))" }
            if let label = edge.label { text += " ; rdfs:label \(TurtleWriter.literal(label))" }
            if let start = edge.start { text += " ; schema:startDate \(TurtleWriter.dateLiteral(start))" }
            if let end = edge.end { text += " ; schema:endDate \(TurtleWriter.dateLiteral(end))" }
            text += " .\n"
        }
        try out.write(text)
    }

    public func end() throws { try out.flush() }

    /// The IRI of a graph node: an entity, or an event ("event:" ids).
    static func resource(_ id: String) -> String {
        if id.hasPrefix(GraphNode.eventPrefix) {
            return "<urn:diplo:event:\(percentEncoded(String(id.dropFirst(GraphNode.eventPrefix.count))))>"
        }
        return "<urn:diplo:entity:\(percentEncoded(id))>"
    }

    /// Every byte but ASCII letters, digits and -._~ as %XX: safe in any IRI.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// A name made of letters, digits and "_" (event kinds already are).
    static func localName(_ text: String) -> String {
        String(
            text.unicodeScalars.map {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "_"
            })
    }

    /// A string literal with Turtle's escapes; a language tag when it is a well-formed one.
    // Turtle's own escaping (\uXXXX for control characters), not JSONText's: the format's rules differ.
    static func literal(_ text: String, lang: String? = nil) -> String {
        var out = "\""
        let plain = !text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0x22 || $0 == 0x5C }
        for scalar in text.unicodeScalars where !plain {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        if plain { out += text }
        out += "\""
        if let lang, lang.range(of: "^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$", options: .regularExpression) != nil {
            out += "@" + lang
        }
        return out
    }

    /// A date as the XML Schema type that fits how much of it is known.
    static func dateLiteral(_ date: String) -> String {
        let type: String
        switch date.utf8.count {
        case _ where date.hasPrefix("--"): type = "xsd:gMonthDay"
        case 4: type = "xsd:gYear"
        case 7: type = "xsd:gYearMonth"
        case 10: type = "xsd:date"
        default: return literal(date)
        }
        return literal(date) + "^^" + type
    }
}
