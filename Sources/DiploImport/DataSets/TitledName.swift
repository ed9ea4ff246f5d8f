import DiploModel
import DiploStore
import Foundation

/// A person as a data set names them: "Prime Minister Kyriakos Mitsotakis".
public struct TitledName: Equatable, Sendable {
    public var name: String
    public var title: String?
    public var role: String?
    /// The title is an office of the person's country (not "Secretary General" of an organisation).
    public var national = true

    /// Splits the title (the longest known one in front) from the name; honorifics are dropped.
    public init?(_ text: String) { self.init(text, tables: .shared) }

    init?(_ text: String, tables: DataSetTables) {
        var words = text.split(separator: " ").map(String.init)
        for honorific in tables.honorifics where words.starts(with: honorific) {
            words.removeFirst(honorific.count)
            break
        }
        if let match = tables.titles.first(where: { words.count > $0.words.count && words.starts(with: $0.words) }) {
            title = match.title
            role = match.role
            national = match.national
            words.removeFirst(match.words.count)
        }
        // "Prime Minister and Foreign Minister X": a second title joins the first.
        if title != nil, words.first == "and",
            let second = tables.titles.first(where: {
                words.count > $0.words.count + 1 && Array(words.dropFirst()).starts(with: $0.words)
            })
        {
            title! += " and " + second.title
            words.removeFirst(second.words.count + 1)
        }
        // "President, Lyndon Johnson": a comma after the title is no part of the name.
        if let first = words.first, first.hasSuffix(","), words.count > 1 { words[0] = String(first.dropLast()) }
        let name = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,;."))
        guard !name.isEmpty, name.contains(where: \.isLetter) else { return nil }
        self.name = name
    }

    /// Everyone a visitor field names: "President Anwar Sadat, Prime Minister Mustafa Khalil" and
    /// "President X and Prime Minister Y" are two people; a part is a new person only where a known
    /// title starts it.
    public static func all(in text: String) -> [TitledName] { all(in: text, tables: .shared) }

    static func all(in text: String, tables: DataSetTables) -> [TitledName] {
        let words = text.split(separator: " ").map(String.init)
        var parts: [[String]] = [[]]
        var i = 0
        while i < words.count {
            var word = words[i]
            let rest = Array(words[(i + 1)...])
            let startsTitle = tables.titles.contains { rest.count > $0.words.count && rest.starts(with: $0.words) }
            if startsTitle, word == "and" || word == "&", !parts[parts.count - 1].isEmpty {
                parts.append([])
                i += 1
                continue
            }
            if startsTitle, word.hasSuffix(","), parts[parts.count - 1].count >= 1 {
                word.removeLast()
                parts[parts.count - 1].append(word)
                parts.append([])
                i += 1
                continue
            }
            parts[parts.count - 1].append(word)
            i += 1
        }
        return parts.compactMap { TitledName($0.joined(separator: " "), tables: tables) }
    }

    public init(name: String, title: String?, role: String?, national: Bool = true) {
        self.name = name
        self.title = title
        self.role = role
        self.national = national
    }
}

/// The presidents of the United States with their terms, as the knowledge base knows them:
/// "met with President Biden" and "met with the President" resolve to the president of that date.
struct PresidentTerms {
    struct Term {
        let person: String
        let name: String
        let surname: String
        let days: ClosedRange<Int>
    }
    var terms: [Term] = []

    init(terms: [Term]) { self.terms = terms }

    /// The terms the store holds: offices with role head_of_state of the United States.
    init(store: Store?) {
        guard let store, let us = try? store.entityID(iso: "US") ?? "country:us",
            let holders = try? store.officeHolders(of: us)
        else { return }
        for (person, office) in holders where office.role == PresidentsReader.presidentRole {
            guard let start = office.start?.dayRange?.lowerBound else { continue }
            let end = office.end?.dayRange?.upperBound ?? Int.max / 2
            let name = (try? store.displayName(of: person)) ?? person
            terms.append(
                Term(person: person, name: name, surname: PresidentTerms.surname(of: name), days: start...max(start, end)))
        }
    }

    /// What the terms are, in a line: part of the digest of the files read with them.
    var fingerprint: String {
        terms.map { "\($0.person) \($0.days.lowerBound)-\($0.days.upperBound)" }.sorted().joined(separator: ";")
    }

    static func surname(of name: String) -> String {
        let words = name.folded.split(separator: " ").filter { !["jr", "sr", "ii", "iii"].contains($0) }
        return words.last.map(String.init) ?? ""
    }

    /// The president in office on `day`, or the one of that name ("Biden") in office then, else the
    /// one of that name at any time (a funeral of a former president).
    func president(on day: Int?, named surname: String? = nil) -> Term? {
        let named = surname.map { $0.folded }
        if let day {
            let inOffice = terms.filter { $0.days.contains(day) }
            if let named {
                if let match = inOffice.first(where: { $0.surname == named }) { return match }
            } else if let only = inOffice.last {
                return only
            }
        }
        guard let named else { return nil }
        let matches = terms.filter { $0.surname == named }
        guard !matches.isEmpty else { return nil }
        guard let day else { return matches.count == 1 ? matches[0] : nil }
        // The nearest term before the day: "former President Ford".
        return matches.filter { $0.days.lowerBound <= day }.max { $0.days.lowerBound < $1.days.lowerBound } ?? matches.first
    }
}
