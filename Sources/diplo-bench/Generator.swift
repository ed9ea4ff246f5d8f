import DiploExport
import DiploModel
import Foundation

// `diplo-bench generate`: realistic data at any size, the same for the same seed. The
// interchange file has 200 real countries, 5,000 persons holding offices, 300 organisations,
// 2,000 partnerships with their history, a document for every hundred events, and events of
// every kind with 2 to 4 participants, a place and one source each; some are stops of a trip and
// some mark anniversaries. `--press DIR` writes press releases in both languages instead.
//
//   diplo-bench generate --events N [--seed S] [--prefix P] [--events-only] (--out FILE | --press DIR)

/// splitmix64: a small generator whose sequence depends only on the seed.
struct SeededRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

enum Generator {
    static let countryCount = 200, personCount = 5_000, organizationCount = 300, partnershipCount = 2_000

    /// Real ISO 3166-1 codes and English names, the first 200 in code order.
    static func countries() -> [(iso: String, name: String)] {
        let english = Locale(identifier: "en_US")
        let codes = Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 && $0.allSatisfy(\.isLetter) }.sorted()
        return codes.compactMap { code in english.localizedString(forRegionCode: code).map { (code, $0) } }
            .prefix(countryCount).map { $0 }
    }

    static let givenNames = [
        "Anna", "Minh", "Kenji", "Olga", "Carlos", "Amina", "Lars", "Priya", "Tomás", "Hương", "Ibrahim", "Chen",
        "Sofia", "Jean", "Nadia", "Peter", "Lan", "Ahmed", "Marta", "Yuki",
    ]
    static let familyNames = [
        "Nguyễn", "Tanaka", "Petrova", "García", "Diallo", "Berg", "Sharma", "Silva", "Trần", "Haddad", "Wang",
        "Rossi", "Dupont", "Kowalski", "Lê", "Okafor", "Novak", "Sato", "Costa", "Jensen",
    ]
    static let offices: [(title: String, role: String)] = [
        ("President", "head_of_state"), ("Prime Minister", "head_of_government"), ("Foreign Minister", "foreign_minister"),
        ("Deputy Foreign Minister", "deputy_foreign_minister"), ("Ambassador", "ambassador"), ("Speaker", "speaker"),
    ]
    static let kinds: [EventKind] = [
        .stateVisit, .officialVisit, .workingVisit, .visit, .talks, .talks, .meeting, .meeting,
        .courtesyCall, .phoneCall, .summit, .conference, .signing, .pressConference, .ceremony,
    ]
    static let levels = [
        "diplomatic_relations", "strategic_partnership", "comprehensive_partnership",
        "comprehensive_strategic_partnership",
    ]

    static func date(_ random: inout SeededRandom, from year: Int = 1990, to last: Int = 2025) -> PartialDate {
        let year = year + random.below(last - year + 1)
        let month = 1 + random.below(12)
        return try! PartialDate(year: year, month: month, day: 1 + random.below(28))
    }

    /// The interchange document for `events` events. `eventsOnly`: only the events and their
    /// documents, naming the entities of the same generator by their ids (`person:p12`,
    /// `country:fr`): what a feed of new events adds to a knowledge base that holds them.
    static func knowledgeBase(events count: Int, seed: UInt64, prefix: String = "g", eventsOnly: Bool = false) -> KnowledgeBase {
        var random = SeededRandom(state: seed)
        let countryList = countries()
        var kb = KnowledgeBase()
        let countryIDs = countryList.map { "country:\($0.iso.lowercased())" }
        for (i, country) in countryList.enumerated() {
            kb.entities.append(
                Entity(id: countryIDs[i], type: .country, name: country.name, names: ["en": country.name], iso: country.iso))
        }
        var personIDs: [String] = []
        for i in 0..<personCount {
            let name = "\(random.pick(givenNames)) \(random.pick(familyNames)) \(i)"
            let country = countryIDs[random.below(countryIDs.count)]
            let office = random.pick(offices)
            let id = "person:p\(i)"
            personIDs.append(id)
            kb.entities.append(
                Entity(
                    id: id, type: .person, name: name, country: country,
                    offices: [Office(title: office.title, role: office.role, of: country, start: date(&random, from: 1985))]))
        }
        var organizationIDs: [String] = []
        for i in 0..<organizationCount {
            let id = "organization:o\(i)"
            organizationIDs.append(id)
            kb.entities.append(
                Entity(
                    id: id, type: .organization, name: "Organisation \(i) for Cooperation",
                    country: i % 3 == 0 ? countryIDs[random.below(countryIDs.count)] : nil))
        }
        let documentCount = max(1, count / 100)
        for i in 0..<documentCount {
            kb.documents.append(
                Document(
                    id: "doc:\(prefix)\(i)", title: "Press release \(i)", lang: i % 2 == 0 ? "vi" : "en",
                    published: date(&random), source: "https://example.org/press/\(i)",
                    text: "Generated press release \(i) for benchmarks."))
        }
        for i in 0..<partnershipCount {
            let a = random.below(countryIDs.count)
            let b = (a + 1 + random.below(countryIDs.count - 1)) % countryIDs.count
            let level = try! PartnershipLevel(levels[i % levels.count])
            let established = date(&random, from: 1950, to: 2020)
            var history: [Milestone] = []
            if level.key != "diplomatic_relations" {
                history.append(
                    Milestone(level: try! PartnershipLevel("diplomatic_relations"), date: date(&random, from: 1950, to: 1990)))
            }
            kb.partnerships.append(
                Partnership(
                    id: "partnership:g\(i)", parties: [countryIDs[a], countryIDs[b]], level: level,
                    established: established, history: history,
                    sources: [SourceRef(document: "doc:\(prefix)\(i % documentCount)", note: "generated")]))
        }
        for i in 0..<count {
            let kind = random.pick(kinds)
            let start = date(&random)
            var participants: [Participant] = []
            for p in 0..<(2 + random.below(3)) {
                let entity = p < 2 || random.below(3) > 0 ? random.pick(personIDs) : random.pick(organizationIDs + countryIDs)
                guard !participants.contains(where: { $0.entity == entity }) else { continue }
                participants.append(Participant(entity: entity, role: p == 0 ? .guest : (p == 1 ? .host : .attendee)))
            }
            let place = countryIDs[random.below(countryIDs.count)]
            let document = "doc:\(prefix)\(i % documentCount)"
            var event = Event(
                id: "event:\(prefix)\(i)", kind: kind, title: "\(kind.rawValue.replacingOccurrences(of: "_", with: " ")) \(i)",
                status: random.below(10) == 0 ? .planned : .held, start: start,
                location: Location(country: place, city: "City \(random.below(500))"), participants: participants,
                sources: [SourceRef(document: document, start: 0, end: 20, quote: "Generated event \(i)")])
            if i % 10 == 1, kind.isVisit { event.parent = "event:\(prefix)\(i - 1)" }
            kb.events.append(event)
            if i % 50 == 7 {
                let partnership = "partnership:g\(random.below(partnershipCount))"
                kb.anniversaries.append(
                    Anniversary(
                        event: event.id, partnership: partnership, years: 5 * (1 + random.below(10)),
                        date: start, sources: [SourceRef(document: document, note: "generated")]))
            }
        }
        if eventsOnly {
            kb.entities = []
            kb.partnerships = []
            kb.anniversaries = []
        }
        return kb
    }

    /// Press releases in both languages, `count` of them, in the shapes the reader reads.
    static func pressReleases(_ count: Int, seed: UInt64) -> [(name: String, text: String)] {
        var random = SeededRandom(state: seed)
        let countryList = countries()
        return (0..<count).map { i in
            let country = random.pick(countryList)
            let day = 1 + random.below(27)
            let month = 1 + random.below(12)
            let person = "\(random.pick(givenNames)) \(random.pick(familyNames))"
            if i % 2 == 0 {
                return (
                    "gen\(i)_vi.txt",
                    """
                    Thủ tướng hội đàm với Thủ tướng \(country.name)

                    Ngày \(day)/\(month)/2024, tại Hà Nội, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng \(country.name) \(person) \
                    nhân chuyến thăm chính thức Việt Nam từ ngày \(day) đến ngày \(day + 1)/\(month)/2024.

                    Hai bên nhất trí thúc đẩy quan hệ Đối tác chiến lược, hướng tới kỷ niệm 50 năm thiết lập quan hệ ngoại giao.
                    Sau hội đàm, hai Thủ tướng đã chứng kiến lễ ký kết các văn kiện hợp tác.

                    """
                )
            }
            return (
                "gen\(i)_en.txt",
                """
                Foreign Minister meets counterpart from \(country.name)

                On \(["January", "March", "May", "July", "September", "November"][random.below(6)]) \(day), 2024, Foreign Minister \
                Bui Thanh Son held talks with Foreign Minister \(person) of \(country.name) in Hanoi during an official visit.

                The two ministers agreed to upgrade relations to a Comprehensive Strategic Partnership, which marks the 30th \
                anniversary of diplomatic relations. They also attended a signing ceremony.

                """
            )
        }
    }

    /// `diplo-bench generate --events N [--seed S] [--prefix P] [--events-only] (--out FILE | --press DIR)`.
    static func main(_ arguments: [String]) throws {
        var events = 10_000
        var seed: UInt64 = 1
        var prefix = "g"
        var eventsOnly = false
        var out: String?
        var press: String?
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--events": events = Int(rest.popFirst() ?? "") ?? events
            case "--seed": seed = UInt64(rest.popFirst() ?? "") ?? seed
            case "--out": out = rest.popFirst()
            case "--press": press = rest.popFirst()
            case "--prefix": prefix = rest.popFirst() ?? prefix
            case "--events-only": eventsOnly = true
            default: throw BenchmarkError("generate: unknown argument \(argument)")
            }
        }
        if let press {
            try FileManager.default.createDirectory(atPath: press, withIntermediateDirectories: true)
            for (name, text) in pressReleases(events, seed: seed) {
                try text.write(toFile: (press as NSString).appendingPathComponent(name), atomically: false, encoding: .utf8)
            }
            return
        }
        let data = try InterchangeWriter.data(knowledgeBase(events: events, seed: seed, prefix: prefix, eventsOnly: eventsOnly))
        if let out { try data.write(to: URL(fileURLWithPath: out)) } else { FileHandle.standardOutput.write(data) }
    }
}
