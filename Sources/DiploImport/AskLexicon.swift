import DiploModel
import Foundation

/// The press-release reader's words, for readers of questions (`diplo ask`): the same country
/// aliases, demonyms, titles and surnames, read from the same Lexicon/*.json, so a question names
/// things the way a press release does. Decoded on first use, apart from the reader's tries.
package enum AskLexicon {
    /// A phrase and what it names: an ISO code (countries, demonyms) or a title's role key.
    package struct Phrase: Sendable {
        package let text: String
        package let value: String

        package init(text: String, value: String) {
            self.text = text
            self.value = value
        }
    }

    /// Country names and short forms the press uses ("Mỹ", "Hoa Kỳ", "U.S."), by ISO code.
    package static var countries: [Phrase] { shared.countries }
    /// "Vietnamese", "American": the country their people come from.
    package static var demonyms: [Phrase] { shared.demonyms }
    /// Titles of offices in both languages with their language-free role ("Thủ tướng" -> prime_minister).
    package static var titles: [Phrase] { shared.titles }
    /// Vietnamese family names (folded): a name's last word is not a surname where its first is one of these.
    package static var vietnameseSurnames: Set<String> { shared.surnames }
    /// Month names and their short forms ("july", "jul"), folded, as the date reader knows them.
    package static var months: [String: Int] { DateScanner.months }

    private struct Words: Sendable {
        let countries: [Phrase]
        let demonyms: [Phrase]
        let titles: [Phrase]
        let surnames: Set<String>
    }

    private static let shared: Words = {
        struct CountriesFile: Decodable {
            let aliases: [String: [String]]
            let demonyms: [String: [String]]
        }
        struct TitlesFile: Decodable {
            struct Entry: Decodable {
                let role: String
                let vi: [String]
                let en: [String]
            }
            let titles: [Entry]
            let vietnamese_surnames: [String]
        }
        let countries = Lexicon.decode(PackageResources.countries_json, as: CountriesFile.self)
        let titles = Lexicon.decode(PackageResources.titles_json, as: TitlesFile.self)
        return Words(
            countries: countries.aliases.sorted { $0.key < $1.key }.flatMap { code, names in
                names.map { Phrase(text: $0, value: code) }
            },
            demonyms: countries.demonyms.sorted { $0.key < $1.key }.flatMap { code, names in
                names.map { Phrase(text: $0, value: code) }
            },
            titles: titles.titles.flatMap { entry in (entry.vi + entry.en).map { Phrase(text: $0, value: entry.role) } },
            surnames: Set(titles.vietnamese_surnames.map(\.folded)))
    }()
}
