import DiploModel
import DiploStore
import Foundation

/// A title a person holds as a sentence says it: "Chủ tịch nước Cuba", "Prime Minister ... of Australia".
struct TitleMention {
    var text: String
    var role: String
    /// The country or organisation it belongs to, as written after (or before) it.
    var country: String?
    var organization: Int?
}

struct PersonMention {
    var first: Int
    var end: Int
    var nameFirst: Int
    var nameEnd: Int
    var name: String
    var titles: [TitleMention]
    var country: String?
}

struct CountryMention {
    let first: Int
    let end: Int
    let iso: String
}
struct CityMention {
    let first: Int
    let end: Int
    let name: String
    let iso: String
}
struct OrganizationMention {
    let first: Int
    let end: Int
    let name: String
    let country: String?
    let known: Int?
}
struct CueMention {
    let first: Int
    let end: Int
    let cue: Vocabulary.Cue
}
struct LevelMention {
    let first: Int
    let end: Int
    let level: PartnershipLevel
}

/// Everything the words of one sentence name.
struct SentenceMentions {
    var countries: [CountryMention] = []
    var demonyms: [CountryMention] = []
    var cities: [CityMention] = []
    var organizations: [OrganizationMention] = []
    var persons: [PersonMention] = []
    var titlesAlone: [(first: Int, end: Int, titles: [TitleMention])] = []
    var dates: [DateMention] = []
    var cues: [CueMention] = []
    var levels: [LevelMention] = []

    /// Countries named anywhere but inside a person's name.
    var allCountries: [CountryMention] { countries + demonyms }
}

/// Finds what a sentence names: places, organisations, people with their titles, dates, and
/// the cue words of events and partnerships.
struct MentionFinder {
    let vocabulary: Vocabulary
    let tries: Vocabulary.Tries
    /// Names of people already met (in this document or the knowledge base), as folded token runs.
    let knownPersons: PhraseTrie<String>
    /// Vietnamese names have two syllables or more: a single capitalised word after a title is
    /// rather the start of a common noun ("Thủ tướng Quốc vụ viện").
    let vietnamese: Bool
    /// A first reading that only wants the people: organisations inside titles are skipped (and in Vietnamese, cue words).
    var personsOnly = false
    /// Words the document writes in lower case somewhere (folded): no word of an untitled name is one of them.
    var commonWords: Set<String> = []

    /// `dates`: the sentence's dates (`DateScanner.scan` of its tokens) when they were scanned already.
    func find(in sentence: Sentence, dates: [DateMention]? = nil) -> SentenceMentions {
        let tokens = sentence.tokens
        var found = SentenceMentions()
        found.dates = dates ?? DateScanner.scan(tokens)
        var taken = [Bool](repeating: false, count: tokens.count)
        for date in found.dates { for i in date.first..<date.end { taken[i] = true } }
        let titleAt = findPlacesAndTitles(tokens, taken: taken, &found)
        // What a title, an organisation or a place names is no person's name.
        var spans = [Bool](repeating: false, count: tokens.count)
        for (start, title) in titleAt { for k in start..<title.end { spans[k] = true } }
        for organization in found.organizations { for k in organization.first..<organization.end { spans[k] = true } }
        for place in found.countries + found.demonyms { for k in place.first..<place.end { spans[k] = true } }
        for city in found.cities { for k in city.first..<city.end { spans[k] = true } }
        let personAt = findPersons(tokens, titleAt: titleAt, spans: spans, &found)
        // "Prime Minister Jan Kowal", "Theresa May": a month's name inside a person's name is no date.
        let persons = found.persons
        found.dates.removeAll { date in persons.contains { $0.nameFirst < date.end && date.first < $0.nameEnd } }
        // English names no title introduces are found by the event words beside them ("João Lourenço left
        // for Brasília"), so the first reading of English looks for those words too.
        if personsOnly && vietnamese { return found }
        if !personsOnly { findContainedOrganizations(tokens, titleAt: titleAt, &found) }
        findCues(tokens, titleAt: titleAt, spans: spans, personAt: personAt, &found)
        if !vietnamese { untitledPersons(tokens, &found, taken: taken, spans: spans, personAt: personAt) }
        return found
    }

    /// Titles, organisations, countries, cities and demonyms: the longest phrase at each place;
    /// returns where each title starts and ends.
    func findPlacesAndTitles(_ tokens: [Token], taken: [Bool], _ found: inout SentenceMentions) -> [Int: (
        end: Int, entry: Vocabulary.TitleEntry
    )] {
        // Titles, organisations, countries, cities: the longest phrase at each place.
        var titleAt: [Int: (end: Int, entry: Vocabulary.TitleEntry)] = [:]
        var i = 0
        while i < tokens.count {
            guard !taken[i], tokens[i].isWord || tokens[i].kind == .number else {
                i += 1
                continue
            }
            let capitalized = tokens[i].isCapitalized
            if let title = tries.titles.longestMatch(in: tokens, at: i), tries.notTitles.longestMatch(in: tokens, at: i) == nil,
                capitalized
                    || (vietnamese ? vocabulary.lowercaseRoles.vi : vocabulary.lowercaseRoles.en).contains(title.value.role)
            {
                let organization = capitalized ? organizationMatch(tokens, at: i) : nil
                // "Bộ trưởng Ngoại giao Indonesia": a title and its country, not a ministry ("Bộ") running on to a country.
                let titleOfCountry =
                    organization.map { organization in
                        tries.countries.longestMatch(in: tokens, at: title.end)?.end == organization.end
                            && organization.known == nil
                    } ?? false
                if organization == nil || organization!.end <= title.end || titleOfCountry {
                    titleAt[i] = (title.end, title.value)
                    i = title.end
                    continue
                }
            }
            if capitalized, let organization = organizationMatch(tokens, at: i) {
                found.organizations.append(organization)
                i = organization.end
                continue
            }
            // "Cộng hòa Ba Lan", "the Kingdom of Cambodia": the state's form and its name are one country.
            // Not a form that ends an event's words: "thăm cấp Nhà nước Lào" is a state visit to Laos.
            if capitalized, let formEnd = stateFormEnd(tokens, at: i), formEnd < tokens.count,
                let country = tries.countries.longestMatch(in: tokens, at: formEnd),
                !endsEventWords(tokens, at: i, through: formEnd)
            {
                found.countries.append(CountryMention(first: i, end: country.end, iso: country.value))
                i = country.end
                continue
            }
            if capitalized, let country = tries.countries.longestMatch(in: tokens, at: i, hashedKey: { $0.forms.possessiveKey }),
                acceptsCountry(tokens, i, country.end)
            {
                found.countries.append(CountryMention(first: i, end: country.end, iso: country.value))
                i = country.end
                continue
            }
            // ("Bissau-Guinean": the people's name that begins with the city is the longer.)
            if capitalized, let city = tries.cities.longestMatch(in: tokens, at: i), acceptsCity(tokens, i, city.end),
                (tries.demonyms.longestMatch(in: tokens, at: i)?.end ?? 0) <= city.end
            {
                found.cities.append(CityMention(first: i, end: city.end, name: city.value.0, iso: city.value.1))
                i = city.end
                continue
            }
            // "quan hệ Việt - Trung", "Nga - Ấn": a short form, beside a country or another short form across a dash.
            if vietnamese, capitalized, let short = tries.pairForms.longestMatch(in: tokens, at: i),
                tries.countryPair(in: tokens, at: i, conjunctions: [])?.dash == true
                    || (i >= 2 && tokens[i - 1].isDash && found.countries.last?.end == i - 1)
            {
                found.countries.append(CountryMention(first: i, end: short.end, iso: short.value))
                i = short.end
                continue
            }
            if capitalized, let demonym = tries.demonyms.longestMatch(in: tokens, at: i),
                demonym.end >= tokens.count || !vocabulary.demonymCompanyWords.contains(tokens[demonym.end].folded)
            {
                found.demonyms.append(CountryMention(first: i, end: demonym.end, iso: demonym.value))
                i = demonym.end
                continue
            }
            i += 1
        }
        return titleAt
    }

    /// Whether event words begun a few words before `index` run through `end`.
    func endsEventWords(_ tokens: [Token], at index: Int, through end: Int) -> Bool {
        (max(0, index - 4)..<index).contains { start in
            guard let cue = tries.cues.longestMatch(in: tokens, at: start), case .trigger = cue.value else { return false }
            return cue.end >= end
        }
    }

    /// People, marking the tokens their mentions take.
    func findPersons(
        _ tokens: [Token], titleAt: [Int: (end: Int, entry: Vocabulary.TitleEntry)], spans: [Bool],
        _ found: inout SentenceMentions
    ) -> [Bool] {
        // People: after a chain of titles; after an honorific; named before their titles (a
        // delegation list); or met before.
        var personAt = [Bool](repeating: false, count: tokens.count)
        func claim(_ person: PersonMention) {
            for k in person.first..<person.end { personAt[k] = true }
            found.persons.append(person)
        }
        for start in titleAt.keys.sorted() where !personAt[start] {
            if let person = titledPerson(tokens, at: start, titleAt: titleAt, found: found) {
                if person.nameEnd > person.nameFirst {
                    claim(person)
                } else {
                    found.titlesAlone.append((person.first, person.end, person.titles))
                }
            }
        }
        for person in personsAfterPluralTitle(tokens, titleAt: titleAt, spans: spans, personAt: personAt, found: found)
        where !(person.first..<person.end).contains(where: { personAt[$0] }) {
            claim(person)
        }
        var k = 0
        while k < tokens.count {
            if personAt[k] {
                k += 1
                continue
            }
            if let honorific = tries.honorifics.longestMatch(in: tokens, at: k),
                case let start = honorificsEnd(tokens, from: honorific.end), start < tokens.count,
                tokens[start].isCapitalized, !personAt[start], titleAt[start] == nil
            {
                let nameEnd = nameRun(tokens, from: start)
                let words = tokens[start..<nameEnd].filter(\.isWord).count
                if words >= 2 || (words == 1 && tokens[k].isCapitalized) {
                    var person = PersonMention(
                        first: k, end: nameEnd, nameFirst: start, nameEnd: nameEnd,
                        name: name(tokens, start, nameEnd), titles: [], country: nil)
                    attachTrailingTitles(&person, tokens, titleAt: titleAt, found: found)
                    claim(person)
                    k = person.end
                    continue
                }
            }
            // (Not the second part of a hyphenated name: "Luc" of "Jean-Luc Moreau" opens nothing.)
            if tokens[k].isCapitalized, !spans[k], titleAt[k] == nil,
                k == 0 || ((!tokens[k - 1].isCapitalized || tokens[k - 1].kind != .word) && tokens[k].spaced)
            {
                // A family name the lexicon knows opens a name; in English, so do plain name words
                // when titles of their own follow ("Fumio Kishida, Prime Minister of Japan, ...").
                let surname = vocabulary.surnames.contains(tokens[k].folded)
                let nameEnd = nameRun(tokens, from: k)
                let words = tokens[k..<nameEnd].filter(\.isWord)
                let plain =
                    !vietnamese && mayBeAName(tokens[k..<nameEnd])
                    && (k..<nameEnd).allSatisfy {
                        !spans[$0] && PageDate.weekdays[tokens[$0].folded] == nil && DateScanner.months[tokens[$0].folded] == nil
                    }
                // "Igor Morgulov, Russian Ambassador to China, said": the title may follow its country;
                // "Boris Johnson, the Foreign Secretary, has met ...": in English, "the" before them.
                let titleFrom =
                    nameEnd + 2 < tokens.count && !vietnamese && tokens[nameEnd + 1].folded == "the" ? nameEnd + 2 : nameEnd + 1
                let country = found.allCountries.first { $0.first == titleFrom }
                if surname || plain, (2...5).contains(words.count), titleFrom < tokens.count, tokens[nameEnd].is(","),
                    titleAt[titleFrom] != nil || country.map({ titleAt[$0.end] != nil }) == true
                {
                    var person = PersonMention(
                        first: k, end: nameEnd, nameFirst: k, nameEnd: nameEnd,
                        name: name(tokens, k, nameEnd), titles: [], country: nil)
                    attachTrailingTitles(&person, tokens, titleAt: titleAt, found: found)
                    if surname || !person.titles.isEmpty {
                        claim(person)
                        k = person.end
                        continue
                    }
                }
            }
            if tokens[k].isCapitalized, !spans[k], let known = knownPersons.longestMatch(in: tokens, at: k, key: { $0.folded }),
                known.end >= tokens.count || !tokens[known.end].isCapitalized, !spans[known.end - 1],
                // One word alone is the name's word as written, marks and all: "Thương mại" is not "Thưởng".
                known.end - k > 1
                    || known.value.split(separator: " ").contains(where: { $0.lowercased() == tokens[k].text.lowercased() })
            {
                // "Chuyến thăm của Thủ tướng Ardern diễn ra ...": a title read alone before a name met already is its title.
                let title = found.titlesAlone.firstIndex { $0.end == k }
                claim(
                    PersonMention(
                        first: title.map { found.titlesAlone[$0].first } ?? k, end: known.end, nameFirst: k,
                        nameEnd: known.end, name: name(tokens, k, known.end),
                        titles: title.map { found.titlesAlone[$0].titles } ?? [], country: nil))
                if let title { found.titlesAlone.remove(at: title) }
                k = known.end
                continue
            }
            k += 1
        }
        found.persons.sort { $0.first < $1.first }
        // Countries inside a person's name are part of the name ("Trần Đức Lương").
        let persons = found.persons
        found.countries.removeAll { country in persons.contains { $0.nameFirst <= country.first && country.first < $0.nameEnd } }
        found.cities.removeAll { city in persons.contains { $0.nameFirst <= city.first && city.first < $0.nameEnd } }
        return personAt
    }

    /// "ambassadors Johariah Wahab of Brunei, Phan Peuv of Cambodia and Agus Widjojo of Indonesia": after a
    /// title in the plural, each name of the list holds the title, of the country written after it (or
    /// before the title: "the Venezuelan parliamentarians A and B"). Two names at least: one alone is read as
    /// any name after a title is.
    func personsAfterPluralTitle(
        _ tokens: [Token], titleAt: [Int: (end: Int, entry: Vocabulary.TitleEntry)], spans: [Bool], personAt: [Bool],
        found: SentenceMentions
    ) -> [PersonMention] {
        var persons: [PersonMention] = []
        let namesFollow = NameListReading(
            tokens: tokens, spans: spans, personAt: personAt, titleAt: titleAt, conjunctions: vocabulary.conjunctions)
        for start in tokens.indices {
            guard let plural = tries.pluralTitles.longestMatch(in: tokens, at: start) else { continue }
            let titled = TitleMention(text: plural.value.text, role: plural.value.role)
            let countryBefore = found.allCountries.first(where: { $0.end == start })?.iso
            // "his peers from Argentina and Brazil, Jorge Faurie and Aloysio Nunes": the countries, then their
            // holders in the same order.
            if let respective = respectiveHolders(tokens, after: plural.end, title: titled, found: found, names: namesFollow) {
                persons += respective
                continue
            }
            var listed: [PersonMention] = []
            // "the ambassadors of Uganda, Julius Katembeka, Vietnam, Duong Chue, and Senegal, Ndao Malik": each
            // country first, then its holder.
            let countriesFirst = plural.end < tokens.count && vocabulary.pluralCountryWords.contains(tokens[plural.end].folded)
            var at = countriesFirst ? plural.end + 1 : plural.end
            // "their two leaders, Vladimir Putin and Recep Tayyip Erdogan": the names set off by a comma or a
            // colon ("four new ambassadors: A of Peru, B of Egypt and C of Kenya"); "the new envoys are A from
            // Namibia, ...": by a word.
            if !countriesFirst, at + 1 < tokens.count,
                tokens[at].is(",") || tokens[at].is(":") || vocabulary.pluralListWords.contains(tokens[at].folded)
            {
                at += 1
            }
            while at < tokens.count {
                var title = titled
                title.country = countryBefore
                var first = at
                if countriesFirst {
                    // "the Presidents of Colombia, A; of Brazil, B": "of" may open each item again.
                    if at > plural.end + 1, vocabulary.pluralCountryWords.contains(tokens[at].folded) { at += 1 }
                    if at < tokens.count, tokens[at].folded == "the" { at += 1 }
                    // "Uganda, Julius Katembeka", "Turkey - Umut Acar"
                    guard let country = found.countries.first(where: { $0.first == at }), country.end + 1 < tokens.count,
                        tokens[country.end].is(",") || tokens[country.end].isDash
                    else { break }
                    title.country = country.iso
                    at = country.end + 1
                    first = at
                }
                guard let name = namesFollow.name(at: at, finder: self) else { break }
                at = name.first
                var end = name.end
                // "A of Brunei", "B of the Russian Federation", "C from Namibia"
                if !countriesFirst, let country = countryOf(tokens, at: end, found: found, after: vocabulary.pluralCountryWords) {
                    title.country = country.iso
                    end = country.end
                }
                listed.append(
                    PersonMention(
                        first: first, end: end, nameFirst: at, nameEnd: name.end, name: self.name(tokens, at, name.end),
                        titles: [title], country: title.country))
                guard let next = namesFollow.nextInList(after: end) else { break }
                at = next
            }
            if listed.count >= 2 { persons += listed }
        }
        return persons
    }

    /// "peers from Argentina and Brazil, Jorge Faurie and Aloysio Nunes": after the plural title, a word
    /// for "of", two countries or more, a comma, and as many names: each name holds the title, of the
    /// country in the same place of its list.
    func respectiveHolders(
        _ tokens: [Token], after titleEnd: Int, title: TitleMention, found: SentenceMentions, names: NameListReading
    ) -> [PersonMention]? {
        guard titleEnd < tokens.count, vocabulary.pluralCountryWords.contains(tokens[titleEnd].folded) else { return nil }
        var countries: [String] = []
        var at = titleEnd + 1
        while at < tokens.count {
            if tokens[at].folded == "the" { at += 1 }
            guard let country = found.countries.first(where: { $0.first == at }) else { break }
            countries.append(country.iso)
            at = country.end
            guard let next = names.nextInList(after: at),
                found.countries.contains(where: { $0.first == next || ($0.first == next + 1 && tokens[next].folded == "the") })
            else { break }
            at = next
        }
        guard countries.count >= 2, at < tokens.count, tokens[at].is(",") else { return nil }
        at += 1
        var holders: [PersonMention] = []
        while holders.count < countries.count, let name = names.name(at: at, finder: self) {
            var held = title
            held.country = countries[holders.count]
            holders.append(
                PersonMention(
                    first: at, end: name.end, nameFirst: name.first, nameEnd: name.end,
                    name: self.name(tokens, name.first, name.end),
                    titles: [held], country: held.country))
            guard let next = names.nextInList(after: name.end) else { break }
            at = next
        }
        return holders.count == countries.count ? holders : nil
    }

    /// The names of a list after a title in the plural.
    struct NameListReading {
        let tokens: [Token]
        let spans: [Bool]
        let personAt: [Bool]
        let titleAt: [Int: (end: Int, entry: Vocabulary.TitleEntry)]
        let conjunctions: Set<String>

        /// A name at `at` (after any honorifics) that no other mention holds: where it begins and ends.
        func name(at start: Int, finder: MentionFinder) -> (first: Int, end: Int)? {
            var at = start
            if let honorific = finder.tries.honorifics.longestMatch(in: tokens, at: at) {
                at = finder.honorificsEnd(tokens, from: honorific.end)
            }
            guard at < tokens.count, tokens[at].isCapitalized, !personAt[at], !spans[at], titleAt[at] == nil else { return nil }
            let end = finder.nameRun(tokens, from: at)
            guard finder.mayBeAName(tokens[at..<end]) else { return nil }
            return (at, end)
        }

        /// Where the list's next item begins after one that ends at `end`: after a comma or a semicolon,
        /// a word for "and", or both; nil when the list ends there.
        func nextInList(after end: Int) -> Int? {
            var next = end
            if next < tokens.count, tokens[next].is(",") || tokens[next].is(";") { next += 1 }
            if next < tokens.count, conjunctions.contains(tokens[next].folded) { next += 1 }
            return next > end ? next : nil
        }
    }

    /// Organisations named inside a title or another organisation's name.
    func findContainedOrganizations(
        _ tokens: [Token], titleAt: [Int: (end: Int, entry: Vocabulary.TitleEntry)], _ found: inout SentenceMentions
    ) {
        // Organisations named inside a title or another organisation's name: "Chủ tịch Quốc hội
        // Cuba", "Người phát ngôn Bộ Ngoại giao Việt Nam", "Ban Chấp hành Trung ương Đảng Cộng sản Cuba".
        var containers =
            titleAt.map { (start: $0.key, end: $0.value.end) } + found.organizations.map { (start: $0.first, end: $0.end) }
        containers.sort { $0.start < $1.start }
        for container in containers {
            var end = container.end
            if let country = found.countries.first(where: { $0.first == end }) { end = country.end }
            for k in (container.start + 1)..<container.end where tokens[k].isCapitalized {
                let known = tries.knownOrganization(tokens, at: k)
                guard tries.orgHeads.longestMatch(in: tokens, at: k) != nil || known != nil, end - k >= 2 else { continue }
                let stop = known.map { $0.end } ?? end
                let name = tokens.text(k, stop)
                guard !found.organizations.contains(where: { $0.name.folded == name.folded }) else { continue }
                let country =
                    known.map { vocabulary.organizations[$0.value].country }
                    ?? found.countries.first { $0.first >= k && $0.end <= stop }?.iso
                found.organizations.append(
                    OrganizationMention(first: k, end: stop, name: name, country: country, known: known?.value))
                break
            }
        }
    }

    /// Cue words of events and partnership levels, anywhere outside names.
    func findCues(
        _ tokens: [Token], titleAt: [Int: (end: Int, entry: Vocabulary.TitleEntry)], spans: [Bool], personAt: [Bool],
        _ found: inout SentenceMentions
    ) {
        // Cue words of events and partnership levels, anywhere outside names.
        var c = 0
        while c < tokens.count {
            if personAt[c] && titleAt[c] == nil {
                c += 1
                continue
            }
            if spans[c] && titleAt[c] == nil && !found.countries.contains(where: { $0.first == c }) {
                // Inside an organisation's or a title's name ("Đại hội đại biểu nhân dân toàn quốc").
                c += 1
                continue
            }
            if let level = tries.levels.longestMatch(in: tokens, at: c) {
                found.levels.append(LevelMention(first: c, end: level.end, level: level.value))
                c = level.end
                continue
            }
            if let cue = tries.cues.longestMatch(in: tokens, at: c), titleAt[c] == nil || cue.end > titleAt[c]!.end {
                found.cues.append(CueMention(first: c, end: cue.end, cue: cue.value))
                c = cue.end
                continue
            }
            if let end = departureEnd(tokens, at: c, found) {
                found.cues.append(CueMention(first: c, end: end, cue: .trigger(.visit, verb: true)))
                c = end
                continue
            }
            c += 1
        }
        findPlainRelations(tokens, &found)
    }

    /// "left Lima for": a verb of leaving, the place left, and the word before the place gone to;
    /// the index after that word.
    func departureEnd(_ tokens: [Token], at index: Int, _ found: SentenceMentions) -> Int? {
        // (The place first: looking the word up in the verbs is the dearer test.)
        let left =
            found.countries.first(where: { $0.first == index + 1 })?.end
            ?? found.cities.first(where: { $0.first == index + 1 })?.end
        guard let left, left < tokens.count, vocabulary.departureVerbs.contains(tokens[index].folded),
            vocabulary.departureFor.contains(tokens[left].folded)
        else { return nil }
        return left + 1
    }

    /// "the 50th anniversary of the establishment of Egyptian-New Zealand relations", "kỷ niệm 50 năm
    /// thiết lập quan hệ Ai Cập - New Zealand", "relations between A and B": relations named by their
    /// pair of countries, after words of an anniversary or an establishment, are diplomatic relations.
    func findPlainRelations(_ tokens: [Token], _ found: inout SentenceMentions) {
        guard let diplomatic = try? PartnershipLevel("diplomatic_relations") else { return }
        let conjunctions = vocabulary.conjunctions
        for c in tokens.indices where !found.levels.contains(where: { $0.first <= c && c < $0.end }) {
            guard let word = tries.plainRelations.longestMatch(in: tokens, at: c) else { continue }
            // The pair before the word ("Egyptian-New Zealand relations"), or after it, joined by a
            // dash or introduced by "between"/"giữa".
            let before = (max(0, c - 8)..<c).first { start in
                tries.countryPair(in: tokens, at: start, conjunctions: conjunctions).map { $0.dash && $0.end == c } ?? false
            }
            let after =
                tries.countryPair(in: tokens, at: word.end, conjunctions: conjunctions).map(\.dash) == true
                || (word.end + 1 < tokens.count && vocabulary.betweenWords.contains(tokens[word.end].folded)
                    && tries.countryPair(in: tokens, at: word.end + 1, conjunctions: conjunctions) != nil)
            guard before != nil || after else { continue }
            // Recalled: established just before ("thiết lập", "the establishment of"), or an
            // anniversary of a number of years ("kỷ niệm 50 năm", "the 50th anniversary of").
            let opening = before ?? c
            func cue(_ kind: Vocabulary.RelationCue, within distance: Int) -> Bool {
                (max(0, opening - distance)..<opening).contains {
                    tries.relationCues.longestMatch(in: tokens, at: $0)?.value == kind
                }
            }
            let numbered = tokens[max(0, opening - 8)..<opening].contains { $0.number != nil }
            guard cue(.established, within: 4) || (numbered && cue(.anniversary, within: 8)),
                // "nâng cấp quan hệ Việt Nam – New Zealand lên Đối tác chiến lược toàn diện": the level follows.
                !found.levels.contains(where: { $0.first > c && $0.first - c <= 10 })
            else { continue }
            found.levels.append(LevelMention(first: c, end: word.end, level: diplomatic))
        }
    }

    /// Whether these tokens may be a name no title gives: two to four words of two letters or more,
    /// none of them a common word, particles aside ("Lula da Silva", "Ursula von der Leyen": they
    /// are lowercase words, not common ones).
    func mayBeAName(_ tokens: ArraySlice<Token>) -> Bool {
        let words = tokens.filter { $0.isWord && !vocabulary.nameParticles.contains($0.text) }
        guard (2...4).contains(words.count), words.allSatisfy({ $0.text.count >= 2 && !commonWords.contains($0.folded) })
        else { return false }
        let run = Array(tokens)
        // "Government House", "the Foreign Office": a body's head word is no word of a name either.
        return !isTitle(run) && !run.indices.contains { tries.englishOrgHeads.longestMatch(in: run, at: $0) != nil }
    }

    /// "the two Prime Ministers will meet", "the Prime Minister’s visit": a title, possessive or
    /// plural, is no name.
    func isTitle(_ tokens: [Token]) -> Bool {
        tries.titles.longestMatch(in: tokens, at: 0, hashedKey: { $0.forms.possessiveKey })?.end == tokens.count
            || tries.titles.longestMatch(in: tokens, at: 0, key: MentionFinder.singularKey)?.end == tokens.count
    }

    /// A token's key less an English plural's "s" ("ministers"), a possessive's first.
    static func singularKey(_ token: Token) -> String {
        let key = token.forms.possessiveKey.text
        return key.count > 3 && key.hasSuffix("s") ? String(key.dropLast()) : key
    }

    /// "João Lourenço left for Brasília", "will meet with Lula da Silva": in English, two to four
    /// capitalised words right before a verb of an event, or right after it and "with", name a
    /// person though no title does.
    func untitledPersons(_ tokens: [Token], _ found: inout SentenceMentions, taken: [Bool], spans: [Bool], personAt: [Bool]) {
        func free(_ k: Int) -> Bool {
            !taken[k] && !spans[k] && !personAt[k] && PageDate.weekdays[tokens[k].folded] == nil
                && DateScanner.months[tokens[k].folded] == nil
        }
        func accept(_ first: Int, _ end: Int) {
            guard mayBeAName(tokens[first..<end]), (first..<end).allSatisfy(free),
                !found.persons.contains(where: { $0.first < end && first < $0.end })
            else { return }
            found.persons.append(
                PersonMention(
                    first: first, end: end, nameFirst: first, nameEnd: end, name: name(tokens, first, end), titles: [],
                    country: nil))
        }
        for cue in found.cues {
            guard case .trigger(_, verb: true) = cue.cue else { continue }
            // Before: the run of name words ending at the verb.
            var first = cue.first
            while first > 0 {
                if tokens[first - 1].isCapitalized || vocabulary.nameParticles.contains(tokens[first - 1].text) {
                    first -= 1
                } else if first >= 2, tokens[first - 1].isDash, !tokens[first].spaced, !tokens[first - 1].spaced,
                    tokens[first - 2].isCapitalized
                {
                    first -= 2  // "Jean-Luc": the part before the hyphen too
                } else {
                    break
                }
            }
            // "Then Alberto Rios visited ...": a word that opens the sentence is no word of the name.
            while first < cue.first, vocabulary.neverNames.contains(tokens[first].folded) { first += 1 }
            if first < cue.first, tokens[first].isCapitalized,
                first == 0 || !tokens[first - 1].isWord || !tokens[first - 1].isCapitalized
                    || vocabulary.neverNames.contains(tokens[first - 1].folded),
                nameRun(tokens, from: first) == cue.first
            {
                accept(first, cue.first)
            }
            // "Narendra Modi and US President Donald Trump held ...": the run of name words joined by "and" to one
            // named right before the verb.
            if let named = found.persons.first(where: { $0.end == cue.first }) {
                var joiner = named.first - 1
                while joiner > 0, spans[joiner] { joiner -= 1 }
                var first = joiner
                while first > 0, tokens[first - 1].isCapitalized { first -= 1 }
                if joiner > 0, vocabulary.conjunctions.contains(tokens[joiner].folded), first < joiner,
                    first == 0 || !tokens[first - 1].isWord, nameRun(tokens, from: first) == joiner
                {
                    accept(first, joiner)
                }
            }
            // After: "with" and the run of name words.
            let start = cue.end < tokens.count && tokens[cue.end].folded == "with" ? cue.end + 1 : cue.end
            if tokens[cue.end - 1].folded == "with" || start > cue.end, start < tokens.count, tokens[start].isCapitalized {
                accept(start, nameRun(tokens, from: start))
            }
        }
        found.persons.sort { $0.first < $1.first }
    }

    /// Words that open a title's portfolio ("Minister for Trade", "Director of the Protocol Department").
    static let portfolioWords: Set<String> = ["for", "of"]

    /// Roles of those posted abroad: the country of "Ambassador to X" is where they serve, not whose they are.
    static let envoyRoles: Set<String> = ["ambassador", "consul_general", "charge_d_affaires"]

    /// "Zimbabwe's", "Chinh’s": an English possessive. (The last byte first: comparing characters
    /// for every new word a page writes was a fortieth of the reader's work.)
    static func isPossessive(_ text: String) -> Bool {
        text.utf8.last == UInt8(ascii: "s") && (text.hasSuffix("'s") || text.hasSuffix("’s"))
    }

    /// A token's key less an English possessive: "Zimbabwe's Foreign Minister" names Zimbabwe.
    static func possessiveKey(text: String, key: String) -> String {
        guard isPossessive(text) else { return key }
        // The folded key has lost the apostrophe ("zimbabwes"); the exact one keeps it.
        return String(key.dropLast(key.hasSuffix("s") && !key.hasSuffix("'s") && !key.hasSuffix("’s") ? 1 : 2))
    }

    /// A name as written, less an English possessive ("Chinh's").
    func name(_ tokens: [Token], _ first: Int, _ end: Int) -> String {
        let written = tokens.text(first, end)
        for suffix in ["'s", "’s"] where written.hasSuffix(suffix) { return String(written.dropLast(2)) }
        return written
    }

    /// A single word that is also a common word or a given name counts as a country only
    /// where it stands apart from other capitalised words.
    func acceptsCountry(_ tokens: [Token], _ first: Int, _ end: Int) -> Bool {
        guard end - first == 1, vocabulary.ambiguousCountryWords.contains(tokens[first].key) else { return true }
        let before = first > 0 ? tokens[first - 1] : nil
        // "Đỗ Đức Duy", "Lê Anh Tuấn": after a family name and before another name word, a country word is a given name.
        if let before, before.isCapitalized, vocabulary.surnames.contains(before.folded), end < tokens.count,
            tokens[end].isCapitalized
        {
            return false
        }
        let after = end < tokens.count ? tokens[end] : nil
        if let before, before.isCapitalized, !before.spaced || tries.countries.longestMatch(in: tokens, at: first - 1) == nil {
            if !tries.startsTitle(tokens, at: max(0, first - 3)) { return false }
        }
        if let after, after.isCapitalized, tries.countries.longestMatch(in: tokens, at: end) == nil,
            tries.cities.longestMatch(in: tokens, at: end) == nil
        {
            // "Thủ tướng Anh Keir Starmer": a country between a title and a name is still a country.
            // "Chủ tịch Hội đồng liên bang Đức Bodo Ramelow": so too after a title's organisation.
            return first > 0 && tries.titles.longestMatch(in: tokens, at: first - 1).map { $0.end == first } == true
                || (first > 1 && tries.endsTitle(tokens, at: first))
                // (The head word of its organisation right after a title: not the whole organisation, which
                // would ask this of its own country again.)
                || first > 1
                    && (max(1, first - 6)..<first).contains { start in
                        tries.orgHeads.longestMatch(in: tokens, at: start) != nil && tries.endsTitle(tokens, at: start)
                    }
        }
        return true
    }

    /// A one-word city right after a title (and perhaps a comma), followed by a capitalised word
    /// that names no place, title or time, is a given name: "Foreign Minister, Santiago Cafiero,".
    func acceptsCity(_ tokens: [Token], _ first: Int, _ end: Int) -> Bool {
        guard end - first == 1, end < tokens.count, first > 0 else { return true }
        let after = tokens[end]
        guard after.isWord, after.isCapitalized, after.spaced, !tries.startsTitle(tokens, at: end),
            tries.countries.longestMatch(in: tokens, at: end) == nil, tries.cities.longestMatch(in: tokens, at: end) == nil,
            tries.orgHeads.longestMatch(in: tokens, at: end) == nil, PageDate.weekdays[after.folded] == nil,
            DateScanner.months[after.folded] == nil
        else { return true }
        let titleEnd = tokens[first - 1].is(",") ? first - 1 : first
        return !(titleEnd > 0 && tries.endsTitle(tokens, at: titleEnd))
    }

    /// An organisation: one the lexicon knows, a ministry ("Bộ Ngoại giao", "Ministry of Foreign
    /// Affairs"), or a head word ("Ủy ban", "Quốc hội") running on to the country it belongs to.
    func organizationMatch(_ tokens: [Token], at start: Int) -> OrganizationMention? {
        var best: OrganizationMention?
        if let known = tries.knownOrganization(tokens, at: start) {
            let organization = vocabulary.organizations[known.value]
            best = OrganizationMention(
                first: start, end: known.end, name: tokens.text(start, known.end),
                country: organization.country, known: known.value)
        }
        if let head = tries.orgHeads.longestMatch(in: tokens, at: start) {
            var end = head.end
            var country: String?
            if end < tokens.count, ["of", "for"].contains(tokens[end].folded) { end += 1 }
            if end < tokens.count, tokens[end].folded == "the" { end += 1 }
            if let domain = tries.orgDomains.longestMatch(in: tokens, at: end) { end = domain.end }
            // "UBND thành phố Hà Nội", "Sở Ngoại vụ tỉnh Quảng Ninh": the city or province it is of, up to a person after it.
            var local = false
            if let place = localPlace(tokens, at: end) {
                (end, country) = place
                local = true
            }
            var scan = end
            var steps = 0
            // Run on to a country within a few words ("Ủy ban liên Chính phủ Việt Nam-Cuba").
            while !local, scan < tokens.count, steps < 6 {
                if tokens[scan].isCapitalized, let place = tries.countries.longestMatch(in: tokens, at: scan),
                    acceptsCountry(tokens, scan, place.end)
                {
                    country = place.value
                    end = place.end
                    // "Việt Nam-Cuba": a pair of countries closes it.
                    if end + 1 < tokens.count, tokens[end].isDash,
                        let other = tries.countries.longestMatch(in: tokens, at: end + 1)
                    {
                        end = other.end
                    }
                    break
                }
                if tokens[scan].kind != .word || (tokens[scan].isCapitalized == false && steps > 2) { break }
                if tries.startsTitle(tokens, at: scan) || tries.cues.longestMatch(in: tokens, at: scan) != nil {
                    break
                }
                scan += 1
                steps += 1
            }
            if end == head.end, country == nil { end = sentenceCaseName(tokens, from: end) }
            if end == head.end, country == nil, vietnamese { end = nameBeforeAPerson(tokens, from: end) ?? end }
            if end > head.end, end > (best?.end ?? 0) {
                best = OrganizationMention(first: start, end: end, name: tokens.text(start, end), country: country, known: nil)
            }
        }
        return best
    }

    /// "Khoa học, Công nghệ và Đổi mới Brazil" after a Vietnamese title: a portfolio of fields joined
    /// by commas and "và", each opening with a capital, then its country; where the country begins.
    /// Not a name (its first word no surname), no title within it, and a list (one joiner at least).
    func portfolioBeforeCountry(_ tokens: [Token], from start: Int, found: SentenceMentions) -> Int? {
        guard vietnamese, start < tokens.count, tokens[start].isCapitalized,
            !vocabulary.surnames.contains(tokens[start].folded)
        else { return nil }
        var index = start
        var joined = false
        while index < tokens.count, index - start < 12 {
            if found.countries.contains(where: { $0.first == index }) { return joined ? index : nil }
            guard !tries.startsTitle(tokens, at: index) else { return nil }
            if tokens[index].is(",") || vocabulary.conjunctions.contains(tokens[index].folded) {
                guard index + 1 < tokens.count, tokens[index + 1].isCapitalized else { return nil }
                joined = true
            } else if !tokens[index].isWord {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// "thành phố Hà Nội", "tỉnh Quảng Ninh" at `start` (in Vietnamese), after an organisation or a
    /// title of it: where the place ends (a city the lexicon knows, else its capitalised words up to
    /// a person named after it) and its country where the lexicon knows it.
    func localPlace(_ tokens: [Token], at start: Int) -> (end: Int, country: String?)? {
        guard vietnamese, let unit = tries.localUnits.longestMatch(in: tokens, at: start), unit.end < tokens.count,
            tokens[unit.end].isCapitalized
        else { return nil }
        if let city = tries.cities.longestMatch(in: tokens, at: unit.end) { return (city.end, city.value.1) }
        var run = unit.end
        while run < tokens.count, tokens[run].isCapitalized, tokens[run].isWord { run += 1 }
        // "Thủ hiến bang New South Wales Chris Minns": with no Vietnamese name after it, a foreign one of two words.
        // (Not "tỉnh Thừa Thiên Huế": the two words of such a foreign name are plain ASCII letters.)
        let foreign = run - unit.end >= 3 && tokens[(run - 2)..<run].allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) }
        let place = foreign ? run - 2 : min(run, unit.end + 4)
        return (nameBeforeAPerson(tokens, from: unit.end) ?? place, nil)
    }

    /// "Vụ trưởng Vụ Châu Âu Trần Thị Lan": a Vietnamese organisation's own name in capitals, up to
    /// the person named after it, whose name (three, four or two words) opens with a Vietnamese
    /// surname and ends the run of capitalised words; nil when the run holds no such name.
    func nameBeforeAPerson(_ tokens: [Token], from start: Int) -> Int? {
        var runEnd = start
        while runEnd < tokens.count, tokens[runEnd].isCapitalized, tokens[runEnd].isWord { runEnd += 1 }
        // Three words first, the most common length ("Âu" of "Châu Âu" is also a surname).
        return [runEnd - 3, runEnd - 4, runEnd - 2].first { k in
            k > start && vocabulary.surnames.contains(tokens[k].folded)
        }
    }

    /// Where a state's form that opens at `start` ends, its qualifiers with it, before the country's
    /// name: "Cộng hòa Xã hội chủ nghĩa Dân chủ", "Democratic Socialist Republic of".
    func stateFormEnd(_ tokens: [Token], at start: Int) -> Int? {
        func qualifiers(from index: Int) -> Int {
            var end = index
            while end < tokens.count, let next = tries.stateFormQualifiers.longestMatch(in: tokens, at: end) { end = next.end }
            return end
        }
        guard let form = tries.stateForms.longestMatch(in: tokens, at: qualifiers(from: start)) else { return nil }
        return qualifiers(from: form.end)
    }

    /// Months that end a name written before them ("May", "June", "April" are also given names).
    static let monthsAfterNames: Set<String> = Set(DateScanner.months.keys).subtracting(["may", "june", "april", "august"])

    /// A Vietnamese organisation's own name after its head word, written in sentence case
    /// ("Đảng Hành động Nhân dân", "Đảng Dân chủ Tự do"): each capitalised word is followed by a
    /// lower-case one, so the name stops before a person's name, whose words are all capitalised.
    func sentenceCaseName(_ tokens: [Token], from start: Int) -> Int {
        var end = start
        var vietnamese = false
        while end + 1 < tokens.count, tokens[end].isCapitalized, tokens[end + 1].isWord, !tokens[end + 1].isCapitalized,
            !tries.startsTitle(tokens, at: end), tries.cues.longestMatch(in: tokens, at: end) == nil
        {
            vietnamese = vietnamese || Self.looksVietnamese(tokens[end].text) || Self.looksVietnamese(tokens[end + 1].text)
            end += 2
            while end < tokens.count, tokens[end].isWord, !tokens[end].isCapitalized,
                tries.cues.longestMatch(in: tokens, at: end) == nil
            {
                end += 1
            }
        }
        return vietnamese ? end : start
    }

    /// The end of a run of name words from `start`: capitalised words, joined by hyphens
    /// ("Díaz-Canel", "Jong-un") or by particles ("de", "van").
    func nameRun(_ tokens: [Token], from start: Int) -> Int {
        var end = start
        var words = 0
        while end < tokens.count, words < 6 {
            let token = tokens[end]
            // (After "Kh." run into it, "Kh.Battulga", the name goes on with no space.)
            let runIn = end >= 2 && tokens[end - 1].is(".") && tokens[end - 2].text.count <= 2 && tokens[end - 2].isCapitalized
            if token.isCapitalized && (end == start || token.spaced || tokens[end - 1].isDash || runIn) {
                if end > start, tries.startsTitle(tokens, at: end), words >= 2 { break }
                // "President Joko Widodo Monday (11/14) held ...": a weekday or a month ends a name.
                if end > start, PageDate.weekdays[token.folded] != nil || MentionFinder.monthsAfterNames.contains(token.folded) {
                    break
                }
                words += 1
                end += 1
                // "President Ramaphosa’s Working Visit": a possessive ends the name.
                if token.isPossessive { break }
                // An initial: "George W. Bush", "S. Jaishankar"; "Kh.Battulga", run into the name.
                if token.text.count == 1, end + 1 < tokens.count, tokens[end].is("."), !tokens[end].spaced,
                    tokens[end + 1].isCapitalized, tokens[end + 1].spaced
                {
                    end += 1
                } else if token.text.count <= 2, end + 1 < tokens.count, tokens[end].is("."), !tokens[end].spaced,
                    tokens[end + 1].isCapitalized, !tokens[end + 1].spaced
                {
                    end += 1
                }
            } else if token.isDash, !token.spaced, end + 1 < tokens.count, tokens[end + 1].isWord, !tokens[end + 1].spaced,
                end > start
            {
                end += 2  // the hyphen and the part after it
            } else if ["“", "\"", "‘"].contains(token.text), end > start, end + 3 < tokens.count, tokens[end + 1].isCapitalized,
                ["”", "\"", "’"].contains(tokens[end + 2].text), tokens[end + 3].isCapitalized
            {
                end += 3  // a nickname inside the name: Joko “Jokowi” Widodo
            } else if token.isWord, vocabulary.nameParticles.contains(token.text), end > start, end + 2 < tokens.count,
                tokens[end + 1].isDash, !tokens[end + 1].spaced, tokens[end + 2].isCapitalized, !tokens[end + 2].spaced
            {
                end += 3  // "al-Nasr", "el-Sisi": the particle joined to the name by a hyphen
            } else if token.isWord, vocabulary.nameParticles.contains(token.text), end > start,
                let next = tokens[end...].prefix(3).firstIndex(where: { !vocabulary.nameParticles.contains($0.text) }),
                tokens[next].isCapitalized
            {
                end = next  // "da Silva", "von der Leyen"
            } else {
                break
            }
        }
        return end
    }

    /// A person named after a chain of titles: "Tổng Bí thư, Chủ tịch nước Tô Lâm",
    /// "Chủ tịch Quốc hội Cuba Esteban Lazo Hernández", "Prime Minister Anthony Albanese of Australia".
    /// Where a run of honorifics ends, the first at `start` already read: "His Excellency Dr. S.
    /// Jaishankar", "Hon’ble Lyonpo (Dr.) Tandi Dorji" (one in brackets too).
    func honorificsEnd(_ tokens: [Token], from start: Int) -> Int {
        var end = start
        while end < tokens.count {
            if let next = tries.honorifics.longestMatch(in: tokens, at: end), next.end < tokens.count,
                tokens[next.end].isCapitalized || tokens[next.end].is("(")
            {
                end = next.end
            } else if tokens[end].is("("), let inner = tries.honorifics.longestMatch(in: tokens, at: end + 1),
                inner.end + 1 < tokens.count, tokens[inner.end].is(")")
            {
                end = inner.end + 1
            } else {
                break
            }
        }
        return end
    }

    func titledPerson(
        _ tokens: [Token], at start: Int, titleAt: [Int: (end: Int, entry: Vocabulary.TitleEntry)],
        found: SentenceMentions
    ) -> PersonMention? {
        var titles: [TitleMention] = []
        var cursor = start
        var leading: String?
        // "U.S. President", "his Japanese counterpart"
        if let before = (found.countries + found.demonyms).first(where: { $0.end == start }) { leading = before.iso }
        // "Jean-Yves Le Drian, Minister for Europe and Foreign Affairs, said": the title of a name before it.
        let placeBefore =
            found.allCountries.contains { $0.end == start - 1 } || found.cities.contains { $0.end == start - 1 }
        let apposed = start >= 2 && tokens[start - 1].is(",") && tokens[start - 2].isCapitalized && !placeBefore
        while let title = titleAt[cursor] {
            var mention = TitleMention(
                text: tokens.text(cursor, title.end), role: title.entry.role, country: nil, organization: nil)
            cursor = title.end
            cursor = extendTitle(&mention, tokens, from: cursor, titleEnd: title.end, apposed: apposed, found: found)
            mention.text = tokens.text(titles.isEmpty ? start : titlesStart(tokens, cursor, title.end, mention), cursor)
            titles.append(mention)
            // Another title follows: "Tổng Bí thư, Chủ tịch nước", "General Secretary and State President".
            if cursor < tokens.count, titleAt[cursor] != nil { continue }
            if cursor + 1 < tokens.count,
                tokens[cursor].is(",") || ["kiem", "and", "va", "cum", "&"].contains(tokens[cursor].folded),
                titleAt[cursor + 1] != nil, tokens[cursor + 1].isCapitalized
            {
                cursor += 1
                continue
            }
            break
        }
        guard !titles.isEmpty else { return nil }
        if titles[0].country == nil { titles[0].country = leading }
        // Honorifics between the titles and the name: "Bộ trưởng Ngoại giao Bhutan Lyonpo Dr. Tandi Dorji".
        if cursor < tokens.count, tries.honorifics.longestMatch(in: tokens, at: cursor) != nil,
            case let after = honorificsEnd(tokens, from: cursor), after > cursor, after < tokens.count,
            tokens[after].isCapitalized
        {
            cursor = after
        }
        var nameEnd = cursor
        if cursor < tokens.count, tokens[cursor].isCapitalized {
            nameEnd = nameRun(tokens, from: cursor)
            if vietnamese, nameEnd == cursor + 1, nameEnd < tokens.count, tokens[nameEnd].isWord,
                !["va", "cung"].contains(tokens[nameEnd].folded)
            {
                nameEnd = cursor
            }
        }
        // "the Chair of the G7 Foreign Ministers’ Meeting": a title in the plural or possessive is no name either.
        if !vietnamese, nameEnd > cursor, isTitle(Array(tokens[cursor..<nameEnd])) { nameEnd = cursor }
        // "the Director of the Office of the CCP Central Foreign Affairs Commission": an organisation's
        // words, its head word among them, are no one's name.
        if !vietnamese, nameEnd > cursor,
            (cursor..<nameEnd).contains(where: { tries.englishOrgHeads.longestMatch(in: tokens, at: $0) != nil })
        {
            nameEnd = cursor
        }
        // "Bộ trưởng Mỏ và Năng lượng Alexandre Silveira;": a portfolio in Vietnamese, then a foreign name.
        if vietnamese, start > 0, [":", ";"].contains(tokens[start - 1].text), cursor < tokens.count,
            tokens[cursor].isCapitalized,
            let (first, end) = portfolioName(tokens, from: cursor)
        {
            cursor = first
            nameEnd = end
        }
        // Not a title trailing a name before it ("Mr A, Prime Minister of Japan, Mr B, President of ..."): that one is A's.
        if nameEnd == cursor, start == 0 || !tokens[start - 1].is(","),
            let (first, end) = appositiveName(tokens, after: cursor, titleAt: titleAt, found: found)
        {
            cursor = first
            nameEnd = end
        }
        var person = PersonMention(
            first: start, end: nameEnd, nameFirst: cursor, nameEnd: nameEnd,
            name: nameEnd > cursor ? name(tokens, cursor, nameEnd) : "", titles: titles, country: nil)
        // "Prime Minister Anthony Albanese of Australia", "FM Caspar Veldkamp of the Netherlands"
        if nameEnd > cursor, let country = countryOf(tokens, at: nameEnd, found: found) {
            person.end = country.end
            person.titles[person.titles.count - 1].country = person.titles.last?.country ?? country.iso
        }
        return person
    }

    /// What qualifies a title after it, up to where a name may start: its organisation, country or
    /// city ("Chủ tịch Quốc hội Cuba", "President of the United States"), a portfolio ("Minister for
    /// Trade and Investment"), where an ambassador serves, a party's name; the index after them.
    /// `apposed`: the title follows a name and a comma, whose title it is.
    func extendTitle(
        _ mention: inout TitleMention, _ tokens: [Token], from cursor: Int, titleEnd: Int, apposed: Bool = false,
        found: SentenceMentions
    ) -> Int {
        var cursor = cursor
        while cursor < tokens.count {
            if let organization = found.organizations.first(where: { $0.first == cursor }) {
                mention.text = tokens.text(titleEnd, organization.end)
                mention.country = mention.country ?? organization.country
                mention.organization = organization.known
                cursor = organization.end
            } else if let country = found.countries.first(where: { $0.first == cursor }) {
                mention.country = mention.country ?? country.iso
                cursor = country.end
            } else if let city = found.cities.first(where: { $0.first == cursor }) {
                mention.country = mention.country ?? city.iso
                cursor = city.end
            } else if tokens[cursor].folded == "for", MentionFinder.envoyRoles.contains(mention.role),
                found.countries.contains(where: { $0.first == cursor + 1 })
            {
                cursor += 1  // "the Ambassador for Cuba in Sri Lanka": whose envoy
            } else if tokens[cursor].folded == "from",
                mention.role == "counterpart" || MentionFinder.envoyRoles.contains(mention.role),
                found.countries.contains(where: { $0.first == cursor + 1 })
            {
                cursor += 1  // "his counterpart from Colombia, Gustavo Petro", "the Ambassador from Japan"
            } else if ["cua", "of", "nuoc"].contains(tokens[cursor].folded), cursor + 1 < tokens.count,
                found.organizations.contains(where: { $0.first == cursor + 1 })
                    || found.countries.contains(where: { $0.first == cursor + 1 })
            {
                cursor += 1
            } else if tokens[cursor].folded == "of", cursor + 2 < tokens.count, tokens[cursor + 1].folded == "the",
                found.organizations.contains(where: { $0.first == cursor + 2 })
                    || found.countries.contains(where: { $0.first == cursor + 2 })
            {
                cursor += 2  // "President of the European Commission", "President of the United States"
            } else if tokens[cursor].is("("), cursor + 2 < tokens.count, tokens[cursor + 1].isWord, tokens[cursor + 2].is(")") {
                cursor += 3  // "Diễn đàn Kinh tế thế giới (WEF)"
                // "the Chairperson of the African Union (AU) Commission": the body's head word after its abbreviation.
                if cursor < tokens.count, tokens[cursor].isCapitalized,
                    let head = tries.orgHeads.longestMatch(in: tokens, at: cursor)
                {
                    cursor = head.end
                }
            } else if MentionFinder.portfolioWords.contains(tokens[cursor].folded),
                case let start = cursor + 2 < tokens.count && tokens[cursor + 1].folded == "the" ? cursor + 2 : cursor + 1,
                start < tokens.count, tokens[start].isCapitalized,
                !found.countries.contains(where: { $0.first == start })
            {
                // "Minister for Trade and Investment Todd McClay", "Director of the State Protocol Department
                // Pham Quoc Anh": the portfolio is part of the title, and the last two capitalised words are the name.
                var capitalized: [Int] = []
                var end = start
                var listed = false
                var lastAnd: Int?
                // "for Civilian Security, Democracy, and Human Rights": commas of a list that ends with "and".
                // A list of people with their titles ("..., and Senior Director for Asia Pedro Alves") is no portfolio.
                func listGoesOn(after comma: Int) -> Bool {
                    var at = comma + 1
                    while at < tokens.count, at - comma < 10 {
                        if tokens[at].folded == "and" {
                            return at + 1 < tokens.count && tokens[at + 1].isCapitalized && !tries.startsTitle(tokens, at: at + 1)
                        }
                        guard tokens[at].isCapitalized || tokens[at].is(","), !tries.startsTitle(tokens, at: at) else {
                            return false
                        }
                        at += 1
                    }
                    return false
                }
                // After a comma, a name of its own (not "and", not the next title): the holder set off by commas.
                func nameAfter(comma: Int) -> Bool {
                    var at = comma + 1
                    if let honorific = tries.honorifics.longestMatch(in: tokens, at: at) { at = honorific.end }
                    return at < tokens.count && tokens[at].isCapitalized && !tries.startsTitle(tokens, at: at)
                }
                while end < tokens.count,
                    tokens[end].isCapitalized
                        || (["and", "&"].contains(tokens[end].folded) && end + 1 < tokens.count
                            && tokens[end + 1].isCapitalized && !tries.startsTitle(tokens, at: end + 1))
                        || (tokens[end].is(",") && listGoesOn(after: end))
                {
                    if tokens[end].isCapitalized { capitalized.append(end) }
                    if tokens[end].is(",") { listed = true }
                    if tokens[end].folded == "and" { lastAnd = end }
                    end += 1
                }
                // "Minister of International Relations and Cooperation of the Republic of South Africa Naledi
                // Pandor": the portfolio ends where whose it is begins.
                if !capitalized.isEmpty, countryOf(tokens, at: end, found: found) != nil {
                    cursor = end
                    continue
                }
                // "The Minister of International Relations and Cooperation, Dr Naledi Pandor": a comma closes the
                // portfolio; so it does after a name the title is set off from ("A, Minister for Europe and Foreign Affairs,").
                // (Not in a list of titles and names: "A, Minister of Trade B, Minister of Health C, and ...".)
                let verbAfter = end + 1 < tokens.count && !tokens[end + 1].isCapitalized && tokens[end + 1].folded != "and"
                if end < tokens.count, tokens[end].is(","), capitalized.count >= 1,
                    capitalized.count < 3 || (apposed && verbAfter) || nameAfter(comma: end)
                {
                    return end
                }
                // "Minister of Economy, Trade and Industry of Japan": a list whose last item holds no name after it.
                if listed, let lastAnd, capitalized.filter({ $0 > lastAnd }).count < 3 {
                    cursor = end
                    continue
                }
                guard capitalized.count >= 3 else { return cursor }
                // Two words, or three from a Vietnamese surname ("for Climate Tran Van Minh").
                let three =
                    capitalized.count >= 4 && vocabulary.surnames.contains(tokens[capitalized[capitalized.count - 3]].folded)
                cursor = capitalized[capitalized.count - (three ? 3 : 2)]
            } else if !vietnamese, cursor == titleEnd, ["and", "&"].contains(tokens[cursor].folded), cursor + 1 < tokens.count,
                tokens[cursor + 1].isCapitalized, !tries.startsTitle(tokens, at: cursor + 1),
                case let run = nameRun(tokens, from: cursor + 1), run - (cursor + 1) >= 3
            {
                // "Minister of Foreign Affairs and Trade Péter Szijjártó": the portfolio goes on after "and";
                // the last two capitalised words are the name.
                cursor = run - 2
            } else if !vietnamese, cursor == titleEnd, let comma = portfolioTail(tokens, from: cursor) {
                cursor = comma  // "Minister of Foreign Affairs, African Cooperation and Moroccan Expatriates, Nasser Bourita,"
            } else if let posted = countryOf(tokens, at: cursor, found: found, after: ["tai", "to", "in"]) {
                // "Đại sứ Hoa Kỳ tại Việt Nam", "Ambassador to the Netherlands": where they serve, not whose they are.
                if mention.country == nil && mention.organization == nil && !MentionFinder.envoyRoles.contains(mention.role) {
                    mention.country = posted.iso
                }
                cursor = posted.end
                // "Ambassador to the United Kingdom and Ireland": an envoy may serve in two.
                if cursor < tokens.count, ["and", "va"].contains(tokens[cursor].folded),
                    let second = found.countries.first(where: { $0.first == cursor + 1 })
                {
                    cursor = second.end
                }
            } else if vietnamese, cursor == titleEnd, ["minister", "deputy_minister"].contains(mention.role),
                let domain = tries.orgDomains.longestMatch(in: tokens, at: cursor), domain.end < tokens.count,
                tokens[domain.end].isCapitalized
            {
                // "Bộ trưởng Công Thương Nguyễn Hồng Diên": a ministry's field right after the title is its portfolio.
                mention.text = tokens.text(titleEnd, domain.end)
                cursor = domain.end
            } else if let country = portfolioBeforeCountry(tokens, from: cursor, found: found) {
                cursor = country  // "Bộ trưởng Khoa học, Công nghệ và Đổi mới Brazil Ana Souza": then the country
            } else if let place = localPlace(tokens, at: cursor) {
                mention.country = mention.country ?? place.country
                cursor = place.end  // "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh Nguyễn Văn Hùng"
            } else if cursor > 0, tries.orgHeads.longestMatch(in: tokens, at: cursor - 1)?.end == cursor,
                case let end = sentenceCaseName(tokens, from: cursor), end > cursor
            {
                cursor = end  // "Tổng Bí thư Đảng Cộng sản Việt Nam Tô Lâm": the title's party, then its country
            } else {
                return cursor
            }
        }
        return cursor
    }

    /// The country named by "of X" or "of the X" at `index` ("of Australia", "of the Netherlands"), or
    /// after another of `words` ("to the Netherlands", "tại Việt Nam").
    func countryOf(_ tokens: [Token], at index: Int, found: SentenceMentions, after words: Set<String> = ["of"])
        -> CountryMention?
    {
        guard index + 1 < tokens.count, words.contains(tokens[index].folded) else { return nil }
        return found.countries.first {
            $0.first == index + 1 || ($0.first == index + 2 && tokens[index + 1].folded == "the")
        }
    }

    /// The rest of a portfolio after a title that names its first field, up to the comma before its
    /// holder's name: ", African Cooperation and Moroccan Expatriates," or "and Trade," (English). A
    /// list that ends with "and", of capitalised words that open no title; nil for anything else.
    func portfolioTail(_ tokens: [Token], from start: Int) -> Int? {
        var at = start
        var anded = false
        while at < tokens.count, tokens[at].is(",") || ["and", "&"].contains(tokens[at].folded) {
            if !tokens[at].is(",") { anded = true }
            at += 1
            if at < tokens.count, tokens[at].folded == "and" {
                anded = true
                at += 1
            }
            let first = at
            while at < tokens.count, tokens[at].isCapitalized, at - first < 4, !tries.startsTitle(tokens, at: at) { at += 1 }
            guard at > first, at + 1 < tokens.count else { return nil }
            if anded, tokens[at].is(","),
                tokens[at + 1].isCapitalized || tries.honorifics.longestMatch(in: tokens, at: at + 1) != nil,
                !tries.startsTitle(tokens, at: at + 1)
            {
                return at
            }
        }
        return nil
    }

    /// "President of India, Droupadi Murmu, will...", "Bộ trưởng Ngoại giao Nigeria, ông Geoffrey Onyeama,": the name
    /// set off by commas after a title chain with nothing after it. Two words or more, closed by a comma, a full stop
    /// or a bracket, and nothing of a title, a place or an organisation in it.
    func appositiveName(
        _ tokens: [Token], after cursor: Int, titleAt: [Int: (end: Int, entry: Vocabulary.TitleEntry)],
        found: SentenceMentions
    ) -> (Int, Int)? {
        guard cursor + 1 < tokens.count, tokens[cursor].is(",") else { return nil }
        var first = cursor + 1
        // ("H.E Dr. Mahamudu Bawumia": honorifics one after another.)
        if let honorific = tries.honorifics.longestMatch(in: tokens, at: first) {
            first = honorificsEnd(tokens, from: honorific.end)
        }
        guard first < tokens.count, tokens[first].isCapitalized, titleAt[first] == nil else { return nil }
        let end = nameRun(tokens, from: first)
        let words = tokens[first..<end].filter(\.isWord).count
        // Closed by a comma or the sentence's end, by "and" before the next title ("..., Ana Soto and the
        // Peruvian Ambassador ..."), or by a word in lower case other than "and" or "of" ("..., Carlos Diaz at
        // the hotel", not "Minister of Finance, Economic Planning of Uganda"); after an honorific the name
        // stands out without one.
        // (In English: a Vietnamese name's words may run on in lower case. Not a title's words before its
        // portfolio: "Mr X, European Commissioner for Trade".)
        let lowerCaseAfter =
            !vietnamese && end < tokens.count && tokens[end].isWord && !tokens[end].isCapitalized
            && !vocabulary.conjunctions.contains(tokens[end].folded) && !vocabulary.possessiveMarkers.contains(tokens[end].folded)
            && !MentionFinder.portfolioWords.contains(tokens[end].folded)
            && !(first..<end).contains { tries.startsTitle(tokens, at: $0) }
        guard words >= 2,
            first > cursor + 1 || end == tokens.count || [",", ".", "(", ";"].contains(tokens[end].text)
                || titleFollows(tokens, conjunction: end, found) || lowerCaseAfter
        else { return nil }
        // A name followed by titles of its own is the next person of a list, not this title's holder.
        if end + 1 < tokens.count, tokens[end].is(","), titleAt[end + 1] != nil { return nil }
        let taken =
            found.countries.map { ($0.first, $0.end) } + found.demonyms.map { ($0.first, $0.end) }
            + found.organizations.map { ($0.first, $0.end) } + found.cities.map { ($0.first, $0.end) }
        guard !taken.contains(where: { $0.0 < end && $0.1 > first }), !(first..<end).contains(where: { titleAt[$0] != nil })
        else { return nil }
        return (first, end)
    }

    /// "and", perhaps "the" and a country or its adjective, then a title: the next person of a list.
    func titleFollows(_ tokens: [Token], conjunction: Int, _ found: SentenceMentions) -> Bool {
        guard conjunction < tokens.count, vocabulary.conjunctions.contains(tokens[conjunction].folded) else { return false }
        var at = conjunction + 1
        if at < tokens.count, vocabulary.eventDeterminers.contains(tokens[at].folded), !tokens[at].isCapitalized { at += 1 }
        if let country = found.allCountries.first(where: { $0.first == at }) { at = country.end }
        return at < tokens.count && tries.startsTitle(tokens, at: at)
    }

    /// A list item ("...: Title Portfolio Name; Title Portfolio Name.") after a title: the trailing run of two to four capitalised words written
    /// without Vietnamese letters is the name when what comes before it is Vietnamese.
    func portfolioName(_ tokens: [Token], from start: Int) -> (Int, Int)? {
        var end = start
        while end < tokens.count, tokens[end].isWord { end += 1 }
        guard end > start + 2, end == tokens.count || [";", "."].contains(tokens[end].text) else { return nil }
        var first = end
        while first > start, tokens[first - 1].isCapitalized, !MentionFinder.looksVietnamese(tokens[first - 1].text),
            end - first < 4
        { first -= 1 }
        guard end - first >= 2, first > start,
            tokens[start..<first].contains(where: { MentionFinder.looksVietnamese($0.text) })
        else { return nil }
        return (first, end)
    }

    /// Written with a letter only Vietnamese uses here: đ, or a breve, circumflex, horn, hook above, dot below or tilde.
    static func looksVietnamese(_ word: String) -> Bool {
        for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0306, 0x0302, 0x031B, 0x0309, 0x0323, 0x0303, 0x0111, 0x0110: return true
            default: continue
            }
        }
        return false
    }

    func titlesStart(_ tokens: [Token], _ cursor: Int, _ titleEnd: Int, _ mention: TitleMention) -> Int {
        // The text of a later title in a chain starts at its own first word.
        var start = titleEnd - 1
        while start > 0, !tokens[start - 1].is(","), !["kiem", "and", "va"].contains(tokens[start - 1].folded),
            tries.titles.longestMatch(in: tokens, at: start - 1).map({ $0.end >= titleEnd }) ?? true
        {
            start -= 1
            if tries.titles.longestMatch(in: tokens, at: start).map({ $0.end == titleEnd }) == true { break }
        }
        return start
    }

    /// "Nguyễn Duy Ngọc, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng": titles after the name.
    func attachTrailingTitles(
        _ person: inout PersonMention, _ tokens: [Token], titleAt: [Int: (end: Int, entry: Vocabulary.TitleEntry)],
        found: SentenceMentions
    ) {
        guard person.end < tokens.count else { return }
        let comma = tokens[person.end].is(",")
        // "Her Excellency A Ambassador-designate of X", a line of a list of people: the title
        // follows the name with no comma and runs to the line's end.
        let listLine = !comma && person.first == 0
        guard comma || listLine else { return }
        var after = comma ? person.end + 1 : person.end
        // "Boris Johnson, the Foreign Secretary,": in English, "the" before the title, and no verb after it
        // (not "a release from the Rashtrapati Bhavan, the President of India accepted ...").
        let article = comma && !vietnamese && after + 1 < tokens.count && tokens[after].folded == "the"
        if article { after += 1 }
        // "Igor Morgulov, Russian Ambassador to China,": the title's country before it.
        let country = found.allCountries.first { $0.first == after && titleAt[$0.end] != nil }
        let start = country?.end ?? after
        guard start < tokens.count, titleAt[start] != nil,
            let chain = titledPerson(tokens, at: start, titleAt: titleAt, found: found), chain.nameEnd == chain.nameFirst,
            !listLine || chain.end == tokens.count || (chain.end == tokens.count - 1 && !tokens[chain.end].isWord),
            !article || chain.end == tokens.count || !tokens[chain.end].isWord || tokens[chain.end].isCapitalized
                || vocabulary.conjunctions.contains(tokens[chain.end].folded)
        else { return }
        person.titles = chain.titles
        if let country, !person.titles.isEmpty, person.titles[0].country == nil { person.titles[0].country = country.iso }
        person.end = chain.end
    }
}
