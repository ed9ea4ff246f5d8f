import DiploModel
import DiploStore
import Foundation

/// What the press-release reader knows of words, read from Lexicon/*.json: countries and their
/// aliases (on top of CLDR's names from Foundation's Locale), cities, organisations, titles,
/// event cues and partnership levels. A new title or language is data, not code.
final class Vocabulary: Sendable {
    struct TitleEntry: Sendable {
        let role: String
        let text: String
    }
    struct Organization: Sendable {
        let name: String
        let names: [String: String]
        let aliases: [String]
        let country: String?
    }
    enum Cue: Sendable {
        case trigger(EventKind, verb: Bool)
        case attend, planned, held, cancelled, question, generic, invited, with, reported, subordinate, invitation, proposal
    }
    enum RelationCue: Sendable { case anniversary, approximate, upcoming, upgrade, established, both, listing }

    /// Phrases, matched with diacritics (`exact`) or without (`folded`).
    struct Tries: Sendable {
        var countries = PhraseTrie<String>()
        var demonyms = PhraseTrie<String>()
        /// "Việt", "Trung", "Ấn": a country's short form, read only in a pair joined by a dash (countries.json `pair_forms`).
        var pairForms = PhraseTrie<String>()
        var cities = PhraseTrie<(String, String)>()
        var organizations = PhraseTrie<Int>()
        var titles = PhraseTrie<TitleEntry>()
        /// "ambassadors", "foreign ministers": before a list of names, each holding the title (`plural_titles`).
        var pluralTitles = PhraseTrie<TitleEntry>()
        var honorifics = PhraseTrie<Bool>()
        /// "General Assembly", "General Elections": a title's word opening the name of something (titles.json `not_titles`).
        var notTitles = PhraseTrie<Bool>()
        var cues = PhraseTrie<Cue>()
        var levels = PhraseTrie<PartnershipLevel>()
        var orgHeads = PhraseTrie<Bool>()
        /// The English ones alone: a Vietnamese head word ("Ban") may begin an English name ("Ban Ki-moon").
        var englishOrgHeads = PhraseTrie<Bool>()
        var orgDomains = PhraseTrie<Bool>()
        /// "thành phố", "tỉnh": before the place an organisation of a city or province names.
        var localUnits = PhraseTrie<Bool>()
        var series = PhraseTrie<Int>()
        var relationCues = PhraseTrie<RelationCue>()
        /// "relations", "quan hệ": relations no level names, read only beside their pair of countries.
        var plainRelations = PhraseTrie<Bool>()
        /// "kể từ khi", "since": what opens a state of things that began in the past.
        var since = PhraseTrie<Bool>()
        /// "Cộng hòa", "Kingdom of": the state's form before its name.
        var stateForms = PhraseTrie<Bool>()
        /// "Xã hội chủ nghĩa", "Democratic": words qualifying a state's form, in any order.
        var stateFormQualifiers = PhraseTrie<Bool>()
        /// "Lăng", "the tomb of": before one honoured, not met (events.json `honoured`).
        var honoured = PhraseTrie<Bool>()
        /// "lời thăm hỏi của", "greetings of": before one spoken of, not present (events.json `greetings_of`).
        var greetingsOf = PhraseTrie<Bool>()
        /// "accompanied by": the people named after it go with the one who acts (events.json `companion_cues`).
        var companions = PhraseTrie<Bool>()
        /// "sắp tới" after an event's name: it is still ahead (events.json `upcoming_after`).
        var upcomingAfter = PhraseTrie<Bool>()
        /// "was held", "đã diễn ra" after a gathering's name: it takes place (events.json `takes_place`).
        var takesPlace = PhraseTrie<Bool>()
    }

    let exact: Tries
    let folded: Tries
    let organizations: [Organization]
    let series: [Series]
    /// How events the reader finds are titled, per kind and language.
    let labels: [EventKind: [String: String]]
    /// A kind's further entries in events.json ("other": banquets, then congratulatory messages) title
    /// their events with their own label: by the folded phrase that names the event.
    let phraseLabels: [String: [String: String]]
    let tripLabel: [String: String]
    /// Number words ("ba mươi", "fiftieth"), by their folded form.
    let numberWords: [String: Int]
    /// The same words as a token's key has them (diacritics kept in Vietnamese: "ba" three, not "bà"
    /// Mrs; "sáu" six, not "sau" after): what may stand for a count where digits usually do.
    let countWords: Set<String>
    /// Every region's name in Vietnamese and English (CLDR's), by ISO code.
    let regionNames: [String: [String: String]]
    let surnames: Set<String>
    /// Words that may stand between an event and its own date ("that will take place on"), folded, one word each.
    let dateConnectors: Set<String>
    /// Past-tense verbs that report an event as done (events.json `held_verbs`).
    let heldVerbs: Set<String>
    /// "visiting" before the one it qualifies names no event of its own (events.json `attributive_participles`).
    let attributiveParticiples: Set<String>
    /// "separate" before talks: each side met on its own (events.json `separate_words`).
    let separateWords: Set<String>
    /// The one-word announcements ("will", "sẽ"): a trigger that begins with one ("will meet") is planned.
    let plannedWords: Set<String>
    /// "Tại điện đàm", "during the talks": a place word before an event's name (events.json `during_words`).
    let duringWords: Set<String>
    /// "during the visit", "tại buổi tiếp": words between a place word and the event's name (`event_determiners`).
    let eventDeterminers: Set<String>
    /// "made a phone call to", "held a warm telephone conversation with": a verb that does what the
    /// event's name after it says (events.json `support_verbs`).
    let supportVerbs: Set<String>
    /// "a warm and cordial telephone conversation": words that qualify an event's name (`event_adjectives`).
    let eventAdjectives: Set<String>
    /// "cuộc gặp giữa A và B", "the meeting between A and B": both sides named after the event (`between_words`).
    let betweenWords: Set<String>
    /// "đó", "that" right after a subordinate word: "sau đó", "after that" say "then" (events.json `sequence_words`).
    let sequenceWords: Set<String>
    /// "be", "được" right before a signing verb: passive, signed by the sides told of before (events.json
    /// `passive_auxiliaries`).
    let passiveAuxiliaries: Set<String>
    /// "lần thứ" before a number: an ordinal, a count of years after an anniversary word (relations.json
    /// `ordinal_prefixes`).
    let ordinalPrefixes: Set<String>
    /// "của", "of", "by" before the one an event belongs to (`possessive_markers`); "và", "and" (`conjunctions`).
    let possessiveMarkers: Set<String>
    let conjunctions: Set<String>
    /// "left" X "for" Y: a visit to Y (events.json `departure_verbs`, `departure_for`).
    let departureVerbs: Set<String>
    let departureFor: Set<String>
    /// "a visit to strengthen relations with X": X is where a visit naming no place goes (`visit_partner_words`).
    let visitPartnerWords: Set<String>
    /// "his", "her" after "and" before the second of two people doing one thing (`possessive_pronouns`).
    let possessivePronouns: Set<String>
    /// "ông", "she": a person's pronoun (events.json `pronouns`).
    let pronouns: Set<String>
    /// "who" after a name and a comma (events.json `relative_pronouns`).
    let relativePronouns: Set<String>
    /// "will host X on a working visit": the one hosted is the visitor (events.json `host_verbs`).
    let hostVerbs: Set<String>
    /// Words before a place ("tại", "in") and before the object of an event ("với", "with") (events.json).
    let placeWords: Set<String>
    /// What kind of place a place word introduces, before its name ("đến thủ đô Bắc Kinh", "tới Sân bay quốc
    /// tế Nội Bài", "in the capital city of"), folded (events.json `venue_words`).
    let venueWords: Set<String>
    /// Nouns whose "in X" is what is talked of, not where: "the situation in Syria" (folded).
    let topicNouns: Set<String>
    /// "Airlines": after a people's name, a company's name, not the country (countries.json `demonym_company_words`).
    let demonymCompanyWords: Set<String>
    let objectMarkers: Set<String>
    /// "Dialogue", "Đối thoại": named by a pair of countries, talks between them (events.json `bilateral_dialogues`).
    let bilateralDialogues: Set<String>
    /// "Kỳ họp", "meeting": of a body of two countries, named by their pair, a meeting of the two
    /// (events.json `bilateral_sessions`).
    let bilateralSessions: Set<String>
    /// "các chuyến thăm", "visits to": what opens a list of past visits to one country, one per person and date.
    let visitLists: [[String]]
    /// Roles whose title may be written in lower case ("his counterpart", "Kazakh leader").
    let lowercaseRoles: (vi: Set<String>, en: Set<String>)
    /// Words that open a sentence but never a name ("Then", "Meanwhile"; titles.json `never_names`).
    let neverNames: Set<String>
    /// "of", "from" after a title in the plural: the countries of its holders follow (titles.json `plural_country_words`).
    let pluralCountryWords: Set<String>
    /// One word between a title in the plural and its names ("the new envoys are A, B and C"), folded.
    let pluralListWords: Set<String>
    /// "King", "Quốc vương": a person named by one name after one goes by the two together too
    /// (titles.json `regnal_titles`), folded.
    let regnalTitles: Set<String>
    let nameParticles: Set<String>
    /// Country names that are also common words or given names ("Anh", "Nga", "Đức"): trusted
    /// only where nothing else makes them part of a name.
    let ambiguousCountryWords: Set<String>
    /// The honorifics as written, each with the space after it ("His Excellency ", "Ngài "), both
    /// languages: a line the layout reads as one person of a list opens with one.
    let honorificOpenings: [String]

    struct Series: Sendable {
        let kind: EventKind
        let country: String?
        let city: String?
        let firstSessionYear: Int?
    }

    static let shared = Vocabulary()

    private init() {
        let titles = Lexicon.decode(PackageResources.titles_json, as: TitlesFile.self)
        let events = Lexicon.decode(PackageResources.events_json, as: EventsFile.self)
        let countries = Lexicon.decode(PackageResources.countries_json, as: CountriesFile.self)
        let orgs = Lexicon.decode(PackageResources.organizations_json, as: OrganizationsFile.self)
        let relations = Lexicon.decode(PackageResources.relations_json, as: RelationsFile.self)
        labels = Dictionary(
            events.kinds.compactMap { entry in EventKind(rawValue: entry.kind).map { ($0, entry.label) } },
            uniquingKeysWith: { first, _ in first })
        var phraseLabels: [String: [String: String]] = [:]
        for (index, entry) in events.kinds.enumerated() where events.kinds[..<index].contains(where: { $0.kind == entry.kind }) {
            for text in entry.verb.vi + entry.verb.en + entry.noun.vi + entry.noun.en { phraseLabels[text.folded] = entry.label }
        }
        self.phraseLabels = phraseLabels
        tripLabel = events.trip_label
        numberWords = Dictionary(
            (relations.numbers.vi.map { ($0.key.folded, $0.value) } + relations.numbers.en.map { ($0.key.folded, $0.value) })
                .filter { $0.0 != "nam" }, uniquingKeysWith: { first, _ in first })
        countWords = Set((Array(relations.numbers.vi.keys) + relations.numbers.en.keys).map { $0.lowercased() }).subtracting([
            "năm"
        ])

        organizations = orgs.organizations.map {
            Organization(name: $0.en, names: ["vi": $0.vi, "en": $0.en], aliases: $0.aliases, country: $0.country)
        }
        series = events.series.map {
            Series(
                kind: EventKind(rawValue: $0.kind) ?? .conference, country: $0.country, city: $0.city,
                firstSessionYear: $0.first_session_year)
        }
        surnames = Set(titles.vietnamese_surnames.map(\.folded))
        visitLists = (events.visit_lists.vi + events.visit_lists.en).map { $0.folded.split(separator: " ").map(String.init) }
        dateConnectors = Set(
            (events.date_connectors.vi + events.date_connectors.en).flatMap { $0.folded.split(separator: " ").map(String.init) })
        heldVerbs = events.held_verbs.folded
        attributiveParticiples = events.attributive_participles.folded
        separateWords = events.separate_words.folded
        plannedWords = events.planned.folded.filter { !$0.contains(" ") }
        duringWords = events.during_words.folded
        eventDeterminers = events.event_determiners.folded
        supportVerbs = events.support_verbs.folded
        eventAdjectives = events.event_adjectives.folded
        betweenWords = events.between_words.folded
        sequenceWords = events.sequence_words.folded
        passiveAuxiliaries = events.passive_auxiliaries.folded
        ordinalPrefixes = relations.ordinal_prefixes.folded
        possessiveMarkers = events.possessive_markers.folded
        conjunctions = events.conjunctions.folded
        departureVerbs = events.departure_verbs.folded
        departureFor = events.departure_for.folded
        visitPartnerWords = events.visit_partner_words.folded
        possessivePronouns = events.possessive_pronouns.folded
        pronouns = events.pronouns.folded
        relativePronouns = events.relative_pronouns.folded
        hostVerbs = events.host_verbs.folded
        placeWords = events.place_words.folded
        venueWords = events.venue_words.folded
        topicNouns = events.topic_nouns.folded
        demonymCompanyWords = countries.demonym_company_words.folded
        objectMarkers = events.object_markers.folded
        bilateralDialogues = events.bilateral_dialogues.folded
        bilateralSessions = events.bilateral_sessions.folded
        lowercaseRoles = (vi: Set(titles.lowercase_roles.vi), en: Set(titles.lowercase_roles.en))
        neverNames = titles.never_names.folded
        pluralCountryWords = titles.plural_country_words.folded
        pluralListWords = titles.plural_list_words.folded
        regnalTitles = titles.regnal_titles.folded
        nameParticles = Set(titles.name_particles)
        var ambiguous: Set<String> = []
        var regionNames: [String: [String: String]] = [:]
        for region in Locale.Region.isoRegions where region.identifier.count == 2 && region.identifier.allSatisfy(\.isLetter) {
            for lang in ["vi", "en"] {
                if let name = Locale(identifier: lang).localizedString(forRegionCode: region.identifier) {
                    regionNames[region.identifier, default: [:]][lang] = name
                }
            }
        }
        // Matched by CLDR's names too (above), but shown by the press's.
        var shownNames = regionNames
        for (code, names) in countries.display_names { shownNames[code, default: [:]].merge(names) { $1 } }
        self.regionNames = shownNames

        // The same phrases twice: matched with their diacritics, and folded.
        func phraseTries(keepDiacritics keep: Bool) -> Tries {
            var tries = Tries()
            func add<V>(_ trie: inout PhraseTrie<V>, _ phrase: String, _ value: V) {
                trie.insert(Vocabulary.keys(phrase, keepDiacritics: keep), value)
            }
            // Countries: CLDR's names in both languages, the names they are shown by, then the press's aliases.
            for (code, names) in Array(regionNames) + Array(countries.display_names) {
                for name in names.values where !name.contains("(") { add(&tries.countries, name, code) }
            }
            for (code, names) in countries.aliases { for name in names { add(&tries.countries, name, code) } }
            for (code, names) in countries.demonyms { for name in names { add(&tries.demonyms, name, code) } }
            for (code, forms) in countries.pair_forms.forms { for form in forms { add(&tries.pairForms, form, code) } }
            for form in countries.state_forms.vi + countries.state_forms.en { add(&tries.stateForms, form, true) }
            for word in countries.state_form_qualifiers.vi + countries.state_form_qualifiers.en {
                add(&tries.stateFormQualifiers, word, true)
            }
            for (code, names) in countries.cities { for name in names { add(&tries.cities, name, (name, code)) } }
            for (index, organization) in orgs.organizations.enumerated() {
                for name in [organization.vi, organization.en] + organization.aliases { add(&tries.organizations, name, index) }
            }
            for head in orgs.heads.vi + orgs.heads.en { add(&tries.orgHeads, head, true) }
            for head in orgs.heads.en { add(&tries.englishOrgHeads, head, true) }
            for domain in orgs.domains.vi + orgs.domains.en { add(&tries.orgDomains, domain, true) }
            for unit in orgs.local_units.vi + orgs.local_units.en { add(&tries.localUnits, unit, true) }
            for entry in titles.titles {
                for text in entry.vi + entry.en { add(&tries.titles, text, TitleEntry(role: entry.role, text: text)) }
            }
            for text in titles.honorifics.vi + titles.honorifics.en { add(&tries.honorifics, text, true) }
            for text in titles.not_titles.vi + titles.not_titles.en { add(&tries.notTitles, text, true) }
            for (plural, singular) in titles.plural_titles.vi.merging(titles.plural_titles.en, uniquingKeysWith: { a, _ in a }) {
                guard let entry = titles.titles.first(where: { ($0.vi + $0.en).contains(singular) }) else { continue }
                add(&tries.pluralTitles, plural, TitleEntry(role: entry.role, text: singular))
            }
            for entry in events.kinds {
                guard let kind = EventKind(rawValue: entry.kind) else { continue }
                for text in entry.verb.vi + entry.verb.en { add(&tries.cues, text, .trigger(kind, verb: true)) }
                for text in entry.noun.vi + entry.noun.en { add(&tries.cues, text, .trigger(kind, verb: false)) }
            }
            let cueLists: [(Cue, Phrases)] = [
                (.attend, events.attend), (.planned, events.planned), (.held, events.held),
                (.cancelled, events.cancelled), (.question, events.question), (.generic, events.generic),
                (.invited, events.invited),
                (.with, events.with), (.reported, events.reported), (.subordinate, events.subordinate),
                (.invitation, events.invitation), (.proposal, events.proposal),
            ]
            for (cue, phrases) in cueLists { for text in phrases.vi + phrases.en { add(&tries.cues, text, cue) } }
            for level in PartnershipLevel.entries {
                guard let value = try? PartnershipLevel(level.key) else { continue }
                for text in level.vi + level.en { add(&tries.levels, text, value) }
                // "has strategic partnerships with several countries, including ..."
                for text in level.en where text.hasSuffix("partnership") { add(&tries.levels, text + "s", value) }
            }
            for (index, entry) in events.series.enumerated() { for name in entry.names { add(&tries.series, name, index) } }
            let relationLists: [(RelationCue, Phrases)] = [
                (.anniversary, relations.anniversary), (.approximate, relations.approximate),
                (.upcoming, relations.upcoming), (.upgrade, relations.upgrade), (.established, relations.established),
                (.both, relations.both),
                (.listing, relations.listing),
            ]
            for (cue, phrases) in relationLists { for text in phrases.vi + phrases.en { add(&tries.relationCues, text, cue) } }
            for text in relations.plain_relations.vi + relations.plain_relations.en { add(&tries.plainRelations, text, true) }
            for text in relations.since.vi + relations.since.en { add(&tries.since, text, true) }
            for text in events.honoured.vi + events.honoured.en { add(&tries.honoured, text, true) }
            for text in events.greetings_of.vi + events.greetings_of.en { add(&tries.greetingsOf, text, true) }
            for text in events.companion_cues.vi + events.companion_cues.en { add(&tries.companions, text, true) }
            for text in events.upcoming_after.vi + events.upcoming_after.en { add(&tries.upcomingAfter, text, true) }
            for text in events.takes_place.vi + events.takes_place.en { add(&tries.takesPlace, text, true) }
            return tries
        }
        exact = phraseTries(keepDiacritics: true)
        folded = phraseTries(keepDiacritics: false)
        for name in [
            "Anh", "Nga", "Đức", "Ý", "Áo", "Bỉ", "Séc", "Mỹ", "Lào", "Nhật", "Úc", "Pháp", "Viên", "Huế", "Hà", "Lào Cai",
        ] {
            ambiguous.insert(name.lowercased())
            ambiguous.insert(name.folded)
        }
        ambiguousCountryWords = ambiguous
        honorificOpenings = (titles.honorifics.vi + titles.honorifics.en).map { $0 + " " }
    }

    func tries(keepDiacritics: Bool) -> Tries { keepDiacritics ? exact : folded }

    /// A phrase as token keys, cut the way documents are.
    static func keys(_ phrase: String, keepDiacritics: Bool) -> [String] {
        Tokenizer(keepDiacritics: keepDiacritics).tokens(of: Array(phrase.unicodeScalars)[...], offset: 0).map(\.key)
    }

    private struct TitlesFile: Decodable {
        struct Entry: Decodable {
            let role: String
            let vi: [String]
            let en: [String]
        }
        let titles: [Entry]
        let honorifics: Phrases
        /// Each plural with the singular title it stands for.
        struct PluralTitles: Decodable {
            let vi: [String: String]
            let en: [String: String]
        }
        let plural_titles: PluralTitles
        let plural_country_words: Phrases
        let plural_list_words: Phrases
        let regnal_titles: Phrases
        let vietnamese_surnames: [String]
        let lowercase_roles: Phrases
        let never_names: Phrases
        let not_titles: Phrases
        let name_particles: [String]
    }

    /// A lexicon's words or phrases in both languages (`{"vi": [...], "en": [...]}`).
    private struct Phrases: Decodable {
        let vi: [String]
        let en: [String]
        /// The phrases of both languages, folded: the words a rule compares a token's folded form with.
        var folded: Set<String> { Set((vi + en).map(\.folded)) }
    }

    private struct EventsFile: Decodable {
        struct Kind: Decodable {
            let kind: String
            let verb: Phrases
            let noun: Phrases
            let label: [String: String]
        }
        struct Series: Decodable {
            let names: [String]
            let kind: String
            let country: String?
            let city: String?
            let first_session_year: Int?
        }
        let kinds: [Kind]
        let attend, planned, held, cancelled, question, generic, invited, with, reported, subordinate, invitation, proposal,
            date_connectors, visit_lists, held_verbs, attributive_participles, separate_words, during_words, event_determiners,
            support_verbs,
            event_adjectives, honoured, greetings_of, companion_cues,
            possessive_markers, conjunctions, possessive_pronouns, departure_verbs, departure_for, visit_partner_words,
            between_words, sequence_words, passive_auxiliaries, pronouns, relative_pronouns,
            place_words, venue_words, takes_place, upcoming_after, topic_nouns,
            object_markers, host_verbs,
            bilateral_dialogues, bilateral_sessions: Phrases
        let series: [Series]
        let trip_label: [String: String]
    }

    private struct RelationsFile: Decodable {
        struct Numbers: Decodable {
            let vi: [String: Int]
            let en: [String: Int]
        }
        let anniversary, approximate, upcoming, upgrade, established, both, listing, plain_relations, since,
            ordinal_prefixes: Phrases
        let numbers: Numbers
    }

    private struct CountriesFile: Decodable {
        let state_forms: Phrases
        let state_form_qualifiers: Phrases
        let aliases: [String: [String]]
        let demonyms: [String: [String]]
        let demonym_company_words: Phrases
        struct PairForms: Decodable { let forms: [String: [String]] }
        let pair_forms: PairForms
        let cities: [String: [String]]
        let display_names: [String: [String: String]]
    }

    private struct OrganizationsFile: Decodable {
        struct Entry: Decodable {
            let vi: String
            let en: String
            let aliases: [String]
            let country: String?
        }
        let organizations: [Entry]
        let heads: Phrases
        let domains: Phrases
        let local_units: Phrases
    }
}

extension Vocabulary.Tries {
    /// A country, or the name of its people, at `index`, capitalised: its code and where it ends.
    func country(in tokens: [Token], at index: Int) -> (value: String, end: Int)? {
        guard index < tokens.count, tokens[index].isCapitalized else { return nil }
        return countries.longestMatch(in: tokens, at: index) ?? demonyms.longestMatch(in: tokens, at: index)
    }

    /// Two different countries at `index` joined by a dash ("Chile-Peru", "Việt Nam - Lào",
    /// "Egyptian-New Zealand"), or by one of `conjunctions` ("Chile and Peru"): their codes, where
    /// the second ends, and whether a dash joined them.
    /// ("Việt - Trung": a country's short form counts only across a dash.)
    func countryPair(in tokens: [Token], at index: Int, conjunctions: Set<String>) -> (sides: [String], end: Int, dash: Bool)? {
        func short(_ at: Int) -> (value: String, end: Int)? {
            at < tokens.count && tokens[at].isCapitalized ? pairForms.longestMatch(in: tokens, at: at) : nil
        }
        guard let first = country(in: tokens, at: index) ?? short(index), first.end + 1 < tokens.count else { return nil }
        let dash = tokens[first.end].isDash
        guard dash || (conjunctions.contains(tokens[first.end].folded) && country(in: tokens, at: index) != nil),
            let second = country(in: tokens, at: first.end + 1) ?? (dash ? short(first.end + 1) : nil),
            second.value != first.value
        else { return nil }
        return ([first.value, second.value], second.end, dash)
    }

    /// Whether a title of the lexicon begins at `start`.
    func startsTitle(_ tokens: [Token], at start: Int) -> Bool { titles.longestMatch(in: tokens, at: start) != nil }

    /// Whether a title of the lexicon (of up to six tokens) ends right before `index`.
    func endsTitle(_ tokens: [Token], at index: Int) -> Bool {
        (max(0, index - 6)..<index).contains { titles.longestMatch(in: tokens, at: $0)?.end == index }
    }

    /// An organisation of the lexicon named at `start` (its index in the lexicon). A one-word name
    /// is an abbreviation written in capitals ("NAM", not the "Nam" of "Đông Nam Á").
    func knownOrganization(_ tokens: [Token], at start: Int) -> (value: Int, end: Int)? {
        guard let known = organizations.longestMatch(in: tokens, at: start),
            known.end - start > 1 || tokens[start].text == tokens[start].text.uppercased()
        else { return nil }
        return known
    }
}
