import DiploModel
import Foundation

/// The side a document speaks for: the ministry, government or press whose text it is. Never a
/// built-in country: a Korean briefing about Mexico is Korea's, a South African one South Africa's.
package enum HomeSide {
    private struct File: Decodable {
        struct Example: Decodable {
            let source: String
            let country: String?
        }
        let domain_countries: [String: String]
        let not_country_domains: [String]
        let examples: [Example]
    }

    private static let file = Lexicon.decode(PackageResources.home_json, as: File.self)
    private static let generic = Set(file.not_country_domains)

    /// The lexicon's examples: each source URL with the publisher's country it gives.
    package static var examples: [(source: String, country: String?)] { file.examples.map { ($0.source, $0.country) } }

    /// The country of the publisher, by the country code that ends its URL's host.
    package static func publisherCountry(_ source: String?) -> String? {
        guard let source, let host = URLComponents(string: source)?.host?.lowercased(),
            let last = host.split(separator: ".").last.map(String.init)
        else { return nil }
        if let mapped = file.domain_countries[last] { return mapped }
        guard last.count == 2, !generic.contains(last) else { return nil }
        return last.uppercased()
    }

    /// The home side and the other country the text names most: the two sides of "hai nước", "the two countries"
    /// when no event of the text gives them.
    static func pair(_ mentions: [SentenceMentions], home: String?) -> [String]? {
        guard let home else { return nil }
        var counts: [String: Int] = [:]
        for sentence in mentions {
            for country in sentence.allCountries where country.iso != home { counts[country.iso, default: 0] += 1 }
        }
        let ranked = counts.sorted { $0.value > $1.value }
        guard let first = ranked.first, ranked.count == 1 || ranked[1].value < first.value else { return nil }
        return [home, first.key]
    }

    static func of(_ mentions: [SentenceMentions], lang: String, source: String?, persons: [DocumentPerson]) -> String? {
        var counts: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        var order = 0
        for sentence in mentions {
            for iso in sentence.allCountries.map(\.iso) + sentence.cities.map(\.iso) {
                counts[iso, default: 0] += 1
                if firstSeen[iso] == nil {
                    firstSeen[iso] = order
                    order += 1
                }
            }
        }
        let namedAsCountry = Set(mentions.flatMap { $0.allCountries.map(\.iso) })
        for person in persons { if let country = person.country { counts[country, default: 0] += 1 } }
        // The publisher's country must be named as a country: an aggregator abroad may name a city of its own.
        if let publisher = publisherCountry(source), namedAsCountry.contains(publisher) { return publisher }
        if lang == "vi", counts["VN"] != nil { return "VN" }
        return counts.max { a, b in
            a.value != b.value ? a.value < b.value : (firstSeen[a.key] ?? Int.max) > (firstSeen[b.key] ?? Int.max)
        }?.key
    }
}
