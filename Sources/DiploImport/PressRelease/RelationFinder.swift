import DiploModel
import DiploStore
import Foundation

/// A partnership as the document states it; parties are ISO codes, or "org:" and a folded name.
struct DraftPartnership {
    var parties: [String]
    var level: PartnershipLevel
    var established: PartialDate?
    var history: [(level: PartnershipLevel, date: PartialDate?, inferred: Bool, sentence: Int)] = []
    var sentences: [Int] = []
}

struct DraftAnniversary {
    var event: Int
    var partnership: Int
    var years: Int
    var date: PartialDate?
    var sentence: Int
}

/// Reads partnerships ("quan hệ Đối tác chiến lược toàn diện Việt Nam – Hoa Kỳ", "elevated ties
/// to a Comprehensive Strategic Partnership") and stated anniversaries ("đánh dấu một năm",
/// "marks the 50th anniversary of diplomatic relations") from the sentences.
struct RelationFinder {
    let vocabulary: Vocabulary
    let tries: Vocabulary.Tries
    let resolver: YearResolver
    let reference: PartialDate?
    /// The document's own country, the other side when a text names only one.
    /// The side that speaks (see HomeSide), if the document tells it.
    let home: String?
    var partnerships: [DraftPartnership] = []
    var anniversaries: [DraftAnniversary] = []
    /// The last sentence that named a partnership of two countries and no other, with the two:
    /// "Việt Nam và Chile thiết lập quan hệ ngoại giao ... Năm 2007, hai nước ...".
    var lastNamedPair: (sentence: Int, pair: [String])?

    struct Party {
        let first: Int
        let end: Int
        let key: String
    }

    mutating func read(
        _ sentence: Sentence, _ mentions: SentenceMentions, events: [Int], assembler: EventAssembler,
        documentPair: [String]?
    ) {
        let tokens = sentence.tokens
        var cues: [(first: Int, end: Int, cue: Vocabulary.RelationCue)] = []
        var i = 0
        while i < tokens.count {
            if let match = tries.relationCues.longestMatch(in: tokens, at: i) {
                cues.append((i, match.end, match.value))
                i = match.end
            } else {
                i += 1
            }
        }
        if mentions.levels.isEmpty {
            // "tròn một năm hai nước thiết lập khuôn khổ quan hệ mới": the partnership told of last.
            guard let last = partnerships.indices.last,
                let word = tokens.firstIndex(where: {
                    ["quan", "khuon", "relations", "ties", "partnership", "framework"].contains($0.folded)
                })
            else { return }
            readAnniversary(
                tokens, level: LevelMention(first: word, end: word + 1, level: partnerships[last].level), cues: cues,
                partnership: last, events: events, assembler: assembler, sentence: sentence.index, mentions: mentions)
            return
        }
        let parties = self.parties(mentions)
        let countries = parties.map(\.key).filter { !$0.hasPrefix("org:") }.uniqued()
        defer { if countries.count == 2 { lastNamedPair = (sentence.index, countries) } }
        let eventPair = pair(of: events, assembler)
        for level in mentions.levels {
            for pair in pairsFor(
                level, tokens: tokens, parties: parties, cues: cues, eventPair: eventPair,
                documentPair: documentPair, mentions: mentions)
            {
                read(level, of: pair, sentence, mentions, cues: cues, events: events, assembler: assembler)
            }
        }
    }

    /// What a sentence says of one partnership: when its level was reached, the level before, an anniversary.
    mutating func read(
        _ level: LevelMention, of pair: [String], _ sentence: Sentence, _ mentions: SentenceMentions,
        cues: [(first: Int, end: Int, cue: Vocabulary.RelationCue)], events: [Int], assembler: EventAssembler
    ) {
        let tokens = sentence.tokens
        let index = partnership(pair, level.level, sentence: sentence.index)
        // A level reached ("nâng cấp", "elevated") or relations established on a date: not the
        // establishment an anniversary recalls ("kỷ niệm 30 năm ... thiết lập quan hệ").
        let recalled = cues.contains { $0.cue == .anniversary && $0.first < level.first && level.first - $0.end <= 16 }
        let upgraded = cues.contains { $0.cue == .upgrade && $0.first < level.first && level.first - $0.end <= 8 }
        let established = cues.contains { $0.cue == .established && abs($0.first - level.first) <= 12 }
        if upgraded || established {
            // A date with its year near the level ("thiết lập quan hệ ngoại giao ngày 2/12/1960",
            // "set up in 2018"); an upgrade without one happens at the sentence's event.
            // A date belongs to the level nearest it ("từ Đối tác chiến lược, được thiết lập năm 2013, lên ...").
            // When an anniversary recalls it, only a date after the level tells when ("(12/7/1995 - 12/7/2025)"),
            // not the year of the celebration before it ("Năm 2023, hai nước kỷ niệm 50 năm thiết lập ...").
            let written = mentions.dates.filter { date in
                date.from.year != nil && abs(date.first - level.end) <= 14 && (!recalled || date.first >= level.end)
                    && mentions.levels.min(by: { abs(date.first - $0.end) < abs(date.first - $1.end) })?.first == level.first
            }
            var date = written.min { abs($0.first - level.end) < abs($1.first - level.end) }.flatMap { resolver.resolve($0).0 }
            // "hai nước có gần 45 năm chính thức thiết lập quan hệ ngoại giao": years counted since, not done now.
            // "kể từ khi hai nước xác lập quan hệ Đối tác toàn diện": since then, not now either.
            let counted =
                number(after: max(0, level.first - 8), before: level.first, tokens) != nil
                || (max(0, level.first - 12)..<level.first).contains { tries.since.longestMatch(in: tokens, at: $0) != nil }
            if date == nil, upgraded, !recalled, !counted, let event = events.first {
                date = assembler.events[event].start ?? assembler.events[event].within?.first
            }
            if let date { setEstablished(index, level.level, date, inferred: false, sentence: sentence.index) }
        }
        // "từ Đối tác toàn diện lên Đối tác chiến lược toàn diện": the earlier level stays in history.
        if let earlier = mentions.levels.last(where: {
            $0.end <= level.first && level.first - $0.end <= 3 && $0.level.rank != nil
        }),
            level.level.rank != nil, earlier.level != level.level
        {
            partnerships[index].history.append((earlier.level, nil, false, sentence.index))
        }
        readAnniversary(
            tokens, level: level, cues: cues, partnership: index, events: events, assembler: assembler,
            sentence: sentence.index, mentions: mentions)
    }

    /// Countries and the organisations that can be a party (ASEAN, the EU), in order.
    func parties(_ mentions: SentenceMentions) -> [Party] {
        var result = mentions.allCountries.map { Party(first: $0.first, end: $0.end, key: $0.iso) }
        for organization in mentions.organizations where organization.known != nil && organization.country == nil {
            result.append(
                Party(
                    first: organization.first, end: organization.end,
                    key: "org:" + vocabulary.organizations[organization.known!].name.folded))
        }
        return result.sorted { $0.first < $1.first }
    }

    /// The two sides of the events in the sentence, when they are two.
    func pair(of events: [Int], _ assembler: EventAssembler) -> [String]? {
        for index in events {
            let event = assembler.events[index]
            let own = event.agents.compactMap { assembler.persons[$0].country }
            // The people met tell the other side better than where they met.
            let met = event.counterparts.compactMap { assembler.persons[$0].country }
            let other = met.isEmpty ? event.places : met
            let sides = (own + other).uniqued()
            if sides.count == 2 { return sides }
        }
        return nil
    }

    /// The sides of a partnership the sentence names: explicit pairs ("Việt Nam – Cuba", "Việt Nam - Ba Lan
    /// và Việt Nam - Séc", "between Vietnam and Japan"), each country after "với"/"with" with the
    /// document's own country ("với Ba Lan: ...; với Séc: ..."), "hai nước" as the pair told of,
    /// or the one other country named near it.
    func pairsFor(
        _ level: LevelMention, tokens: [Token], parties: [Party], cues: [(first: Int, end: Int, cue: Vocabulary.RelationCue)],
        eventPair: [String]?, documentPair: [String]?, mentions: SentenceMentions
    ) -> [[String]] {
        // "với 9 quốc gia, bao gồm: Trung Quốc, Liên bang Nga, ...", "with several countries, including A, B and C".
        if let home, let list = cues.first(where: { $0.cue == .listing && $0.first >= level.end && $0.first - level.end <= 12 }) {
            let listed = parties.filter { $0.first >= list.end && $0.key != home && !$0.key.hasPrefix("org:") }.map(\.key)
                .uniqued()
            if listed.count >= 2 { return listed.map { [home, $0] } }
        }
        var explicit: [(pair: [String], distance: Int, after: Bool)] = []
        for (a, b) in zip(parties, parties.dropFirst()) where a.key != b.key && b.first - a.end <= 1 {
            let joiner = b.first > a.end ? tokens[a.end] : nil
            guard joiner == nil || joiner!.isDash || ["va", "and", "voi", "/"].contains(joiner!.folded) || joiner!.is("/") else {
                continue
            }
            let distance = min(abs(a.first - level.end), abs(level.first - b.end))
            if distance <= 15 { explicit.append(([a.key, b.key], distance, a.first >= level.end)) }
        }
        if let nearest = explicit.min(by: { $0.distance < $1.distance }) {
            // Several pairs listed after the level are all its parties' pairs.
            let listed = explicit.filter { $0.after && nearest.after }.map(\.pair).uniqued()
            return listed.count > 1 ? listed : [nearest.pair]
        }
        let withs = parties.filter { party in
            party.first >= level.end && party.key != home && party.first > 0
                && ["voi", "with"].contains(tokens[party.first - 1].folded)
        }.map(\.key).uniqued()
        if withs.count > 1, let home { return withs.map { [home, $0] } }
        if cues.contains(where: { $0.cue == .both && abs($0.first - level.first) <= 15 }) {
            return (eventPair ?? documentPair).map { [$0] } ?? []
        }
        // One other side named near it: the document's country is the other.
        let near = parties.filter { $0.key != home && abs($0.first - level.end) <= 10 }
        if near.count == 1, let home { return [[home, near[0].key]] }
        let others = Set(parties.map(\.key)).subtracting([home].compactMap { $0 })
        if others.count == 1, let home { return [[home, others.first!]] }
        if others.isEmpty { return (eventPair ?? documentPair).map { [$0] } ?? [] }
        return []
    }

    /// The partnership of these parties at this level (a pair holds one on the ladder).
    mutating func partnership(_ parties: [String], _ level: PartnershipLevel, sentence: Int) -> Int {
        let key = Set(parties)
        if let index = partnerships.firstIndex(where: {
            Set($0.parties) == key && ($0.level == level || ($0.level.rank != nil && level.rank != nil))
        }) {
            if (level.rank ?? 0) > (partnerships[index].level.rank ?? 0) {
                partnerships[index].history.append((partnerships[index].level, partnerships[index].established, false, sentence))
                partnerships[index].level = level
                partnerships[index].established = nil
            }
            if !partnerships[index].sentences.contains(sentence) { partnerships[index].sentences.append(sentence) }
            return index
        }
        partnerships.append(DraftPartnership(parties: parties, level: level, sentences: [sentence]))
        return partnerships.count - 1
    }

    mutating func setEstablished(_ index: Int, _ level: PartnershipLevel, _ date: PartialDate, inferred: Bool, sentence: Int) {
        if partnerships[index].level == level && !inferred && partnerships[index].established == nil {
            partnerships[index].established = date
        }
        if !partnerships[index].history.contains(where: { $0.level == level && $0.date == date }) {
            partnerships[index].history.append((level, date, inferred, sentence))
        }
    }

    /// "kỷ niệm 30 năm ... quan hệ ngoại giao", "đánh dấu một năm ... Đối tác chiến lược toàn diện",
    /// "the 50th anniversary of diplomatic relations", "marks 30 years of ...": not "gần 50 năm".
    mutating func readAnniversary(
        _ tokens: [Token], level: LevelMention, cues: [(first: Int, end: Int, cue: Vocabulary.RelationCue)],
        partnership: Int, events: [Int], assembler: EventAssembler, sentence: Int, mentions: SentenceMentions
    ) {
        for cue in cues where cue.cue == .anniversary && cue.first < level.first && level.first - cue.end <= 16 {
            // "kỷ niệm 75 năm ...", "marks 30 years of ...": the number after the cue; "the 71st anniversary of ...": before it.
            guard
                let (years, numberAt) = number(after: cue.end, before: level.first, tokens)
                    ?? number(after: max(0, cue.first - 2), before: cue.first + 1, tokens)
            else { continue }
            if numberAt > 0, cues.contains(where: { $0.cue == .approximate && $0.end == numberAt }) { continue }
            let upcoming = cues.contains { $0.cue == .upcoming && $0.end <= cue.first && cue.first - $0.end <= 3 }
            guard let event = events.first(where: { assembler.events[$0].kind.isVisit }) ?? events.first ?? mainEvent(assembler)
            else { return }
            let when = assembler.events[event].start ?? assembler.events[event].within?.first ?? reference
            var date: PartialDate?
            if partnerships[partnership].established == nil, let year = when?.year {
                let established = try? PartialDate(year: year - years + (upcoming ? 1 : 0))
                if let established,
                    !partnerships[partnership].history.contains(where: { $0.level == level.level && $0.date != nil })
                {
                    setEstablished(partnership, level.level, established, inferred: true, sentence: sentence)
                }
            }
            let base =
                partnerships[partnership].history.first { $0.level == level.level && $0.date != nil }?.date
                ?? partnerships[partnership].established
            date = base?.adding(years: years)
            if !anniversaries.contains(where: { $0.partnership == partnership && $0.years == years }) {
                anniversaries.append(
                    DraftAnniversary(event: event, partnership: partnership, years: years, date: date, sentence: sentence))
            }
            return
        }
    }

    /// The first event of the document that has people in it: what its anniversaries are about.
    func mainEvent(_ assembler: EventAssembler) -> Int? {
        assembler.events.indices.first { !assembler.events[$0].people.isEmpty && assembler.events[$0].kind != .pressConference }
    }

    /// A count of years between `start` and `limit`: "30 năm", "một năm", "ba mươi năm", "50th",
    /// "fiftieth", "30 years". Returns the number and where it starts.
    func number(after start: Int, before limit: Int, _ tokens: [Token]) -> (Int, Int)? {
        var i = start
        while i < min(limit, start + 5) {
            let token = tokens[i]
            if let value = token.number, value > 0, value <= 300 {
                let next = i + 1 < tokens.count ? tokens[i + 1] : nil
                // "50th", "30 năm", "30 years", "30-year", "lần thứ 45"
                if let next,
                    DateScanner.ordinalSuffixes.contains(next.folded) || ["nam", "years", "year"].contains(next.folded)
                        || next.isDash
                        || (1...3).contains(where: { $0 <= i && vocabulary.ordinalPrefixes.contains(tokens.folded(i - $0, i)) })
                {
                    return (value, i)
                }
            }
            if token.isWord, let value = wordNumber(tokens, from: i) {
                return (value.value, i)
            }
            i += 1
        }
        return nil
    }

    /// Number words: "một năm" (1), "ba mươi năm" (30), "hai mươi lăm" (25), "fiftieth", "thirty years".
    func wordNumber(_ tokens: [Token], from start: Int) -> (value: Int, end: Int)? {
        var total = 0
        var current = 0
        var i = start
        var seen = false
        while i < tokens.count, tokens[i].isWord {
            let word = tokens[i].folded
            let next = i + 1 < tokens.count ? tokens[i + 1].folded : ""
            if word == "nam" && (next == "muoi" || next == "tram") {
                current += 5
            } else if let value = vocabulary.numberWords[word] {
                if value == 10 && word == "muoi" && current > 0 {
                    current *= 10
                } else if value == 100 {
                    current = max(current, 1) * 100
                } else {
                    current += value
                }
            } else {
                break
            }
            seen = true
            i += 1
        }
        total += current
        guard seen, total > 0, i < tokens.count else { return nil }
        let unit = tokens[i].folded
        if ["nam", "years", "year", "anniversary"].contains(unit) { return (total, i) }
        return nil
    }
}
