import DiploModel
import DiploStore
import Foundation

/// An event as one sentence tells of it. Frames of several sentences that tell of the same
/// event become one event (see Assembly).
struct EventFrame {
    var kind: EventKind
    var sentence: Int
    var trigger: Int
    var triggerEnd: Int
    /// Named by a verb someone does ("thăm Cuba"), rather than by a noun ("chuyến thăm").
    var verb: Bool
    var name: String?
    /// How to title it when the phrase that names it has a label of its own (`Vocabulary.phraseLabels`).
    var label: [String: String]?
    /// People, by their index in the document's person list.
    var agents: [Int] = []
    var counterparts: [Int] = []
    var inviter: Int?
    /// Where it takes place: countries (ISO) and a city.
    var places: [String] = []
    var city: String?
    var date: DateMention?
    var status: EventStatus = .unknown
    /// Attended ("tham dự", "attend") rather than held by the agents.
    var attended = false
    /// Part of a list of events sharing one date range (the stops of a trip).
    var sharesRange = false
    var series: Vocabulary.Series?
    /// Said of "the two leaders", "hai bên": the people of the event before it.
    var bothSides = false
    /// In a clause of "trước khi", "sau hội đàm", "after": an event told of to place another.
    var subordinate = false
    /// Meetings told of as a whole, with no one named on the other side ("held bilateral meetings
    /// with leaders of G20 countries on Monday"): no event of its own, but the date of those the
    /// following sentences name one by one.
    var outline = false
    /// Countries taking part through an official the text does not name ("with the Japanese Prime Minister").
    var sides: [String] = []
    /// Sides met one by one ("separate talks with his counterparts from Oman, India and Sri Lanka"): an event with each.
    var separateSides = false
    /// Held to mark an anniversary ("a reception to mark the 65th anniversary of ..."): a ceremony of its own,
    /// whoever the text names at it.
    var celebration = false
    /// Said to be still ahead right after its name ("cuộc gặp thượng đỉnh ... sắp tới", "chuyến thăm sắp tới
    /// của X"): planned, and a date before it in the sentence is another event's.
    var upcoming = false

    var hasParticipants: Bool { !agents.isEmpty || !counterparts.isEmpty || inviter != nil }
}

/// Reads the event frames of one sentence from its mentions.
struct FrameFinder {
    let vocabulary: Vocabulary
    let tries: Vocabulary.Tries
    /// English names a gathering before its head word; Vietnamese after.
    let english: Bool

    /// What every trigger of a sentence is read against: its tokens and mentions, where the
    /// document's people are, and the sentence's reporting verbs, "both sides" words and places.
    struct Scene {
        let sentence: Sentence
        let mentions: SentenceMentions
        /// A person mention's index in the document's person list.
        let personIndex: [Int]
        /// The country of a person of that list.
        let countryOf: (Int) -> String?
        let reported: [Int]
        let bothAt: [Int]
        let fronted: (iso: String, city: String?)?
        let seriesAt: [Int: (end: Int, series: Vocabulary.Series)]
        /// Where the sentence's own words begin: after a page's date line run into it ("date 2018-03 Trong ...").
        let opening: Int
        var tokens: [Token] { sentence.tokens }
    }

    typealias Trigger = (cue: CueMention, kind: EventKind, verb: Bool)

    /// `personIndex` maps a person mention to its index in the document's person list;
    /// `countryOf` gives the country of a person of that list.
    func frames(in sentence: Sentence, mentions: SentenceMentions, personIndex: [Int], countryOf: @escaping (Int) -> String?)
        -> [EventFrame]
    {
        let listed = listedVisits(in: sentence, mentions: mentions, personIndex: personIndex)
        guard let colon = listed.colon else {
            return triggeredFrames(in: sentence, mentions: mentions, personIndex: personIndex, countryOf: countryOf)
        }
        // What else an item of the list does ("X thăm và dự Lễ ký ... (tháng 5/2015)"): dated by the item's date.
        var frames = listed.frames
        for var frame in triggeredFrames(in: sentence, mentions: mentions, personIndex: personIndex, countryOf: countryOf)
        where !frame.kind.isVisit && frame.trigger > colon {
            let next = mentions.persons.first { $0.first > frame.trigger }?.first ?? sentence.tokens.count
            frame.date = mentions.dates.first {
                $0.first > frame.trigger && $0.first < next && sentence.tokens[$0.first - 1].is("(")
            }
            frame.sharesRange = false
            frames.append(frame)
        }
        return frames
    }

    /// The frames of a sentence's event words.
    func triggeredFrames(
        in sentence: Sentence, mentions: SentenceMentions, personIndex: [Int], countryOf: @escaping (Int) -> String?
    )
        -> [EventFrame]
    {
        let tokens = sentence.tokens
        if mentions.cues.contains(where: { if case .question = $0.cue { return true } else { return false } }) { return [] }
        // "SEOUL, July 21 (Yonhap) -- X will visit ...": a dateline's date is the report's, not of what it
        // announces, nor of what the sentence dates itself ("CANADA, June 28 - Yesterday, X met Y"); what was
        // done and is dated by nothing else, it dates.
        var mentions = mentions
        let announces = mentions.cues.contains { if case .planned = $0.cue { return true } else { return false } }
        let datedAgain = mentions.dates.count >= 2
        mentions.dates.removeAll { date in
            (announces || datedAgain) && date.first >= 2 && tokens[date.first - 1].is(",")
                && tokens[..<(date.first - 1)].allSatisfy { $0.isWord && $0.text.count >= 2 && $0.text == $0.text.uppercased() }
        }
        // "date 2022-07-07 X met Y yesterday": the page's date line run into its first sentence gives way
        // to a date of the sentence's own.
        let opening = PageDate.markedDateWithEnd(Array(tokens.prefix(8)))?.end ?? 0
        if mentions.dates.contains(where: { $0.first >= opening }) { mentions.dates.removeAll { $0.end <= opening } }
        let (triggers, seriesAt) = self.triggers(tokens, mentions)
        guard !triggers.isEmpty else { return [] }
        var bothAt: [Int] = []
        for start in tokens.indices where tries.relationCues.longestMatch(in: tokens, at: start)?.value == .both {
            bothAt.append(start)
        }
        let scene = Scene(
            sentence: sentence, mentions: mentions, personIndex: personIndex, countryOf: countryOf,
            reported: mentions.cues.filter { if case .reported = $0.cue { return true } else { return false } }.map(\.first),
            bothAt: bothAt, fronted: sentencePlace(tokens, mentions, before: triggers.first?.cue.first ?? tokens.count),
            seriesAt: seriesAt, opening: opening)
        var frames: [EventFrame] = []
        // People an earlier trigger of the sentence took as its objects are not later ones' subjects.
        var objects = Set<Int>()
        var visitors: [Int] = []
        for (n, trigger) in triggers.enumerated() {
            // What a trigger governs runs to the next trigger, or to a reporting verb ("thông tin", "said").
            let nextTrigger = n + 1 < triggers.count ? triggers[n + 1].cue.first : tokens.count
            let segmentEnd = min(nextTrigger, scene.reported.first { $0 > trigger.cue.end } ?? tokens.count)
            if isGeneric(trigger.cue, mentions), !namesItsSides(trigger.cue, tokens, mentions) { continue }
            if var frame = frame(for: trigger, upTo: segmentEnd, in: scene, objects: &objects, visitors: &visitors) {
                // "X met Y on the sidelines of the G20 Summit": a gathering the event before it was held at has
                // that event's people at it.
                if frame.kind.family == .multilateral, frame.attended,
                    let before = frames.last(where: {
                        $0.hasParticipants && !$0.kind.isVisit && $0.triggerEnd <= trigger.cue.first
                    })
                {
                    let people = frame.agents + frame.counterparts
                    frame.agents += (before.agents + before.counterparts).filter { !people.contains($0) }
                }
                frames.append(frame)
            }
        }
        // "met several delegates and diplomats on the sidelines of UNGA, including FM A, FM B, ...": those listed
        // after the gathering are whom the meeting told of as a whole met, one by one; not only at the gathering.
        for index in frames.indices where frames[index].outline && frames[index].counterparts.isEmpty {
            let after = frames.indices.filter { $0 > index }
            guard !after.isEmpty, after.allSatisfy({ frames[$0].kind.family == .multilateral }),
                let listed = (frames[after[0]].triggerEnd..<tokens.count).first(where: { listingEnd(tokens, at: $0) != nil })
            else { continue }
            let people = mentions.persons.indices.filter { mentions.persons[$0].first > listed }.map { personIndex[$0] }
            guard !people.isEmpty else { continue }
            frames[index].counterparts = people
            frames[index].outline = false
            for gathering in after {
                frames[gathering].agents.removeAll(where: people.contains)
                frames[gathering].counterparts.removeAll(where: people.contains)
            }
        }
        // A sentence that names one place only ("... tại New York (Mỹ)") places all its events.
        let places = Set(frames.flatMap(\.places))
        if places.count == 1, let place = places.first {
            let city = frames.compactMap(\.city).first
            for index in frames.indices where frames[index].places.isEmpty {
                frames[index].places = [place]
                frames[index].city = frames[index].city ?? city
            }
        }
        assignDates(&frames, mentions: mentions, tokens: tokens)
        return splitPlaces(
            splitCounterparts(frames, mentions: mentions, personIndex: personIndex, countryOf: countryOf), mentions: mentions)
    }

    /// The sentence's event cues, with the named series ("Đại hội đồng Liên hợp quốc") as triggers of their own kind.
    func triggers(_ tokens: [Token], _ mentions: SentenceMentions)
        -> ([Trigger], [Int: (end: Int, series: Vocabulary.Series)])
    {
        var triggers: [Trigger] = []
        for cue in mentions.cues {
            guard case let .trigger(kind, verb) = cue.cue, !isAttributive(cue, tokens, mentions) else { continue }
            triggers.append((cue, kind, verb))
        }
        // "các cuộc hội đàm song phương với lãnh đạo A, B và C": a habit's words that name the sides met hold
        // the name of these events.
        for cue in mentions.cues {
            guard case .generic = cue.cue, namesItsSides(cue, tokens, mentions) else { continue }
            for start in cue.first..<cue.end {
                guard let match = tries.cues.longestMatch(in: tokens, at: start), match.end <= cue.end,
                    case let .trigger(kind, verb) = match.value
                else { continue }
                triggers.append((CueMention(first: start, end: match.end, cue: match.value), kind, verb))
                break
            }
        }
        var seriesAt: [Int: (end: Int, series: Vocabulary.Series)] = [:]
        for start in tokens.indices {
            if let match = tries.series.longestMatch(in: tokens, at: start) {
                seriesAt[start] = (match.end, vocabulary.series[match.value])
            }
        }
        for (start, series) in seriesAt where !triggers.contains(where: { $0.cue.first <= start && start < $0.cue.end }) {
            triggers.append(
                (
                    CueMention(first: start, end: series.end, cue: .trigger(series.series.kind, verb: false)), series.series.kind,
                    false
                ))
        }
        triggers.sort { $0.cue.first < $1.cue.first }
        return (triggers, seriesAt)
    }

    /// "held talks with visiting Crown Prince X", "will meet the visiting president": a participle that
    /// qualifies the one after it (a name or a title), right after a determiner or another event's words.
    func isAttributive(_ cue: CueMention, _ tokens: [Token], _ mentions: SentenceMentions) -> Bool {
        guard cue.end == cue.first + 1, vocabulary.attributiveParticiples.contains(tokens[cue.first].folded), cue.first > 0,
            cue.end < tokens.count, tokens[cue.end].isCapitalized || tries.startsTitle(tokens, at: cue.end)
        else { return false }
        return vocabulary.eventDeterminers.contains(tokens[cue.first - 1].folded)
            || mentions.cues.contains { $0.end == cue.first && $0.first < cue.first }
    }

    /// The frame one trigger names, with who, whom and where; nil for an invitation, a proposal
    /// or a word in passing.
    func frame(
        for trigger: Trigger, upTo segmentEnd: Int, in scene: Scene, objects: inout Set<Int>, visitors: inout [Int]
    ) -> EventFrame? {
        let tokens = scene.tokens
        let mentions = scene.mentions
        let personIndex = scene.personIndex
        let named = isSetting(trigger.cue.first, tokens)
        var frame = EventFrame(
            kind: trigger.kind, sentence: scene.sentence.index, trigger: trigger.cue.first, triggerEnd: trigger.cue.end,
            verb: (trigger.verb || isSupported(trigger.cue.first, tokens)) && !named)
        frame.label = vocabulary.phraseLabels[tokens.folded(trigger.cue.first, trigger.cue.end)]
        if let series = scene.seriesAt[trigger.cue.first] { frame.series = series.series }
        frame.attended = isAttended(trigger.cue.first, mentions)
        // "held a reception on 24 August to mark the 65th anniversary of ...", "tổ chức lễ kỷ niệm 65 năm ...".
        if [.ceremony, .other, .meeting].contains(trigger.kind), marksAnniversary(from: trigger.cue.first, tokens) {
            frame.celebration = true
        }
        findAgents(&frame, of: trigger, in: scene, objects: objects)
        visitors = mentions.persons.indices.filter { index in
            mentions.persons[index].end <= trigger.cue.first
                && !scene.reported.contains { $0 >= mentions.persons[index].end && $0 < trigger.cue.first }
        }.map { personIndex[$0] }
        findCounterparts(&frame, of: trigger, upTo: segmentEnd, in: scene, objects: &objects)
        findPlaces(&frame, of: trigger, upTo: segmentEnd, in: scene, visitors: visitors)
        // "the Foreign Office Consultations between India and Malaysia": talks between a pair of countries.
        // (Not a body named by the pair, "the meeting of the Chile-Peru Joint Commission": that is a session, below.)
        // ("... Consultations (bilateral consultations) between ...": past the bracket that closes another name.)
        if frame.kind.family == .meeting, frame.sides.isEmpty, let between = betweenAt(trigger.cue, tokens, mentions),
            let pair = countryPair(in: between + 1..<between + 2, tokens, mentions),
            !pair.sides.isEmpty
        {
            frame.sides = pair.sides
        }
        if trigger.kind.isVisit { findHosted(&frame, of: trigger, in: scene) }
        // "Thủ tướng Thái Lan bắt đầu chuyến thăm chính thức Lào", "Thai Prime Minister begins official visit to
        // Laos": a visitor no name gives, by a title and country right before the visit, is that country's side.
        if trigger.kind.isVisit, frame.agents.isEmpty, frame.sides.isEmpty,
            let alone = mentions.titlesAlone.last(where: { $0.end <= trigger.cue.first && trigger.cue.first - $0.end <= 3 }),
            !mentions.persons.contains(where: { $0.first < alone.end && alone.first < $0.end }),
            let country = alone.titles.compactMap(\.country).first, !frame.places.contains(country)
        {
            frame.sides = [country]
        }
        // "the Commonwealth Heads of Government Meeting", "the G7 Leaders' Meeting": a meeting named by the
        // capitalised words before it, no one's, is a gathering.
        if english, frame.kind == .meeting, !frame.verb, frame.counterparts.isEmpty, tokens[trigger.cue.first].isCapitalized,
            case let first = nameStart(tokens, before: trigger.cue.first, mentions), first + 2 <= trigger.cue.first,
            !mentions.persons.contains(where: { $0.first < trigger.cue.first && first < $0.end })
        {
            frame.kind = .conference
        }
        let cueText = tokens.folded(trigger.cue.first, trigger.cue.end)
        if !frame.verb, frame.kind == .summit || frame.kind == .conference || frame.series != nil {
            let first = nameStart(tokens, before: trigger.cue.first, mentions)
            frame.name = eventName(tokens, from: first, through: trigger.cue.end, upTo: segmentEnd, mentions: mentions)
            // "an online summit between A and B": nothing names it (its label will name its sides).
            if english, first == trigger.cue.first, !tokens[first].isCapitalized,
                trigger.cue.end >= tokens.count
                    || !(tokens[trigger.cue.end].isCapitalized || tokens[trigger.cue.end].kind == .number)
            {
                frame.name = nil
            }
            // "the Australia–China Foreign and Strategic Dialogue", "Đối thoại Chiến lược Quốc phòng Việt Nam - Ấn Độ",
            // "the Strategic Dialogue between Chile and Peru": a dialogue of a pair of countries is talks between them;
            // "Kỳ họp lần thứ 12 Ủy ban liên Chính phủ Chile - Peru", a session of a body of the two, a meeting of them.
            func named(by words: Set<String>) -> Bool {
                words.contains { cueText == $0 || cueText.hasPrefix($0 + " ") || cueText.hasSuffix(" " + $0) }
            }
            let dialogue = named(by: vocabulary.bilateralDialogues)
            // ("the Japan-U.S. Summit Meeting": a summit of two countries' leaders is a meeting of them.)
            let summit = frame.kind == .summit
            if frame.kind == .conference && (dialogue || named(by: vocabulary.bilateralSessions)) || summit,
                let pair = countryPair(
                    in: min(
                        first, max(0, trigger.cue.first - 8))..<(summit ? trigger.cue.first : max(segmentEnd, trigger.cue.end)),
                    tokens, mentions),
                // (The pair's name runs on through the summit's own word: "Japan-Sweden Summit".)
                !summit || pair.end >= trigger.cue.end
            {
                frame.kind = dialogue ? .talks : .meeting
                frame.sides = pair.sides
                frame.triggerEnd = max(frame.triggerEnd, pair.end)
                // A session keeps its name ("Kỳ họp lần thứ 12 Ủy ban liên Chính phủ Chile - Peru") as its title.
                frame.name = dialogue ? nil : pair.end > trigger.cue.end ? tokens.text(first, pair.end) : frame.name
            }
        }
        // "the 12th meeting of the Chile-Peru Joint Commission": a meeting no one is named at, of a pair of countries.
        if !frame.verb, frame.kind == .meeting, frame.agents.isEmpty, frame.counterparts.isEmpty, frame.sides.isEmpty,
            vocabulary.bilateralSessions.contains(cueText),
            let pair = countryPair(in: trigger.cue.end..<min(segmentEnd, trigger.cue.end + 12), tokens, mentions)
        {
            frame.sides = pair.sides
            frame.triggerEnd = pair.end
            let name = tokens.text(trigger.cue.first, pair.end)
            frame.name = name.prefix(1).uppercased() + name.dropFirst()
        }
        frame.status = status(before: trigger.cue.first, mentions, tokens)
        // "Hội nghị ... sẽ diễn ra", "The ... Summit was held": the words that say it takes place say when.
        if frame.status == .unknown, frame.kind.family == .multilateral, let end = takesPlaceEnd(trigger.cue, tokens, mentions) {
            frame.status = status(before: end, mentions, tokens)
        }
        if isUpcoming(after: frame.triggerEnd, tokens, upTo: segmentEnd) {
            frame.status = .planned
            frame.upcoming = true
        }
        // "The visit to Japan ... was postponed", "Chuyến thăm ... đã bị hủy": a word of cancelling after its name.
        if mentions.cues.contains(where: { cue in
            if case .cancelled = cue.cue { return cue.first >= trigger.cue.end && cue.first < segmentEnd }
            return false
        }) {
            frame.status = .cancelled
        }
        // "mời ... sớm thăm chính thức Việt Nam", "invited her to pay an official visit": an invitation,
        // not a visit; "đề nghị ... ký kết", "proposed that ...": a proposal, not an event.
        if mentions.cues.contains(where: { cue in
            switch cue.cue {
            case .invitation:
                // The words between them counted without the invited one's titles and name ("mời Tổng bí thư Đảng
                // Cộng sản Việt Nam Nguyễn Phú Trọng thăm Mỹ").
                guard trigger.kind.isVisit, cue.end <= trigger.cue.first else { return false }
                let invited = mentions.persons.filter { $0.first >= cue.end && $0.end <= trigger.cue.first }
                return trigger.cue.first - cue.end - invited.reduce(0) { $0 + $1.end - $1.first - 1 } <= 10
            // A named gathering takes place whatever is hoped of it ("looked forward to seeing her at the
            // Commonwealth Heads of Government Meeting").
            case .proposal:
                return cue.end <= trigger.cue.first && trigger.cue.first - cue.end <= 12
                    && !(frame.kind.family == .multilateral && frame.name != nil)
            default: return false
            }
        }) {
            return nil
        }
        // ... and is still ahead.
        if frame.status == .unknown, frame.kind.family == .multilateral,
            mentions.cues.contains(where: { cue in
                guard case .proposal = cue.cue else { return false }
                return cue.end <= trigger.cue.first && trigger.cue.first - cue.end <= 12
            })
        {
            frame.status = .planned
        }
        // "hosted a reception to mark the 65th anniversary of ...": a ceremony, not a meeting with someone.
        if frame.celebration, frame.kind == .meeting, frame.counterparts.isEmpty { frame.kind = .ceremony }
        guard accepts(frame, trigger: trigger.cue, tokens: tokens, mentions: mentions) else {
            guard frame.verb, [.meeting, .call].contains(frame.kind.family), !frame.agents.isEmpty else { return nil }
            frame.outline = true
            return frame
        }
        return frame
    }

    /// "viếng Lăng Chủ tịch Hồ Chí Minh", "thăm gia đình Đại tướng X", "laid a wreath at the tomb of X":
    /// one a memorial names (a title or two between) is honoured, not met; "chuyển lời thăm hỏi của Tổng
    /// Bí thư X", "conveyed the greetings of President X": one whose greetings are passed on is spoken of.
    func isHonouredOrSpokenOf(_ person: PersonMention, _ tokens: [Token]) -> Bool {
        (max(0, person.first - 7)..<person.first).contains { start in
            guard
                let match = tries.honoured.longestMatch(in: tokens, at: start)
                    ?? tries.greetingsOf.longestMatch(in: tokens, at: start)
            else { return false }
            return match.end <= person.first && person.first - match.end <= 3
                && !tokens[match.end..<person.first].contains { $0.kind == .punctuation }
        }
    }

    /// "made a phone call to", "held a warm and cordial telephone conversation with": the name of an
    /// event after a verb that does it (a few words of the name's own between them) is done, as a verb is.
    func isSupported(_ cue: Int, _ tokens: [Token]) -> Bool {
        var before = cue - 1
        // (Its number too: "co-chaired the 5th Foreign Office Consultations".)
        func ordinal(_ index: Int) -> Bool {
            isCount(tokens[index])
                || (index > 0 && tokens[index - 1].kind == .number && !tokens[index].spaced
                    && DateScanner.ordinalSuffixes.contains(tokens[index].folded))
        }
        while before > 0, cue - before <= 5,
            ordinal(before)
                || [vocabulary.eventDeterminers, vocabulary.eventAdjectives, vocabulary.conjunctions].contains(where: {
                    $0.contains(tokens[before].folded)
                })
        { before -= 1 }
        // (Of one word or two: "held", "thực hiện".)
        return before >= 0
            && (vocabulary.supportVerbs.contains(tokens[before].folded)
                || (before > 0 && vocabulary.supportVerbs.contains(tokens[before - 1].folded + " " + tokens[before].folded)))
    }

    /// Where "between", "giữa" opens both sides of the event named by `cue`: right after its name, past a
    /// bracket that closes another name ("Consultations (bilateral consultations) between"), or past the
    /// words that say it took place ("a bilateral meeting took place between A and B").
    func betweenAt(_ cue: CueMention, _ tokens: [Token], _ mentions: SentenceMentions) -> Int? {
        var at = cue.end < tokens.count && tokens[cue.end].is(")") ? cue.end + 1 : cue.end
        if let told = mentions.cues.first(where: { told in
            guard told.first == at else { return false }
            if case .held = told.cue { return true }
            return false
        }) {
            at = told.end
        }
        return at < tokens.count && vocabulary.betweenWords.contains(tokens[at].folded) ? at : nil
    }

    /// Digits or a number word ("the fiftieth", "ba nước"): a count of years, of rounds, of countries.
    func isCount(_ token: Token) -> Bool {
        token.kind == .number || vocabulary.countWords.contains(token.key)
    }

    /// Whether a word that says it is still ahead follows an event's name within a few words, no comma
    /// between ("cuộc gặp thượng đỉnh Mỹ - Triều Tiên sắp tới": events.json `upcoming_after`).
    func isUpcoming(after end: Int, _ tokens: [Token], upTo segmentEnd: Int) -> Bool {
        var at = end
        while at < min(segmentEnd, end + 8), tokens[at].kind != .punctuation || tokens[at].isDash {
            if tries.upcomingAfter.longestMatch(in: tokens, at: at) != nil { return true }
            at += 1
        }
        return false
    }

    /// Whether an anniversary's word and its count of years follow within a few words ("a reception
    /// to mark the 65th", "on Wednesday marking 30 years", "lễ kỷ niệm 65 năm", "lễ kỷ niệm lần thứ 45"), of relations: what
    /// is held there is held for the anniversary.
    func marksAnniversary(from start: Int, _ tokens: [Token]) -> Bool {
        let end = min(tokens.count, start + 10)
        guard
            let cue = (start..<end).first(where: { at in
                tries.relationCues.longestMatch(in: tokens, at: at)?.value == .anniversary
            })
        else { return false }
        // ... of relations between countries ("của quan hệ ngoại giao", "of diplomatic ties"), not of a revolution.
        let relations = (cue..<min(tokens.count, cue + 12)).contains { at in
            tries.levels.longestMatch(in: tokens, at: at) != nil || tries.plainRelations.longestMatch(in: tokens, at: at) != nil
        }
        return relations && !tokens[start..<cue].contains { $0.is(",") || $0.is(";") }
            // ("lễ kỷ niệm trọng thể lần thứ 45 ngày thiết lập quan hệ": a word of manner and an ordinal's words between.)
            && tokens[cue..<min(tokens.count, cue + 7)].contains(where: isCount)
    }

    /// "Tại điện đàm, ...", "During the talks, ...": after a place word the cue names an event told of, not one
    /// done: the setting of what the sentence says. "During the visit, ...", "Tại buổi tiếp, ...", "during
    /// their bilateral talks": determiners may stand between them.
    func isSetting(_ cue: Int, _ tokens: [Token]) -> Bool {
        var before = cue - 1
        while before > 0, cue - before <= 2, vocabulary.eventDeterminers.contains(tokens[before].folded) { before -= 1 }
        return before >= 0 && vocabulary.duringWords.contains(tokens[before].folded)
    }

    /// Two countries named as a pair within `range`: "Chile-Peru", "Việt Nam - Lào", or "between
    /// Chile and Peru" ("giữa Chile và Peru"), inside an organisation's name too ("Ủy ban liên
    /// Chính phủ Việt Nam - Lào"). Where the words naming what the pair is of end: "Chile-Peru
    /// Joint Commission" (its capitalised words after the pair), "between Chile and Peru".
    func countryPair(in range: Range<Int>, _ tokens: [Token], _ mentions: SentenceMentions) -> (sides: [String], end: Int)? {
        for index in range where index < tokens.count {
            guard let pair = tries.countryPair(in: tokens, at: index, conjunctions: vocabulary.conjunctions),
                pair.dash || (index > 0 && vocabulary.betweenWords.contains(tokens[index - 1].folded))
            else { continue }
            var end = pair.end
            // ("Inter-governmental": a word joined by a hyphen is one of them.)
            while pair.dash, end < tokens.count,
                tokens[end].isCapitalized || tokens[end].isDash || (end > 0 && tokens[end - 1].isDash && !tokens[end].spaced),
                !mentions.dates.contains(where: { $0.first == end })
            { end += 1 }
            return (pair.sides, end)
        }
        return nil
    }

    /// "X will host her counterpart, Y, on a Working Visit to ...": the one hosted is the visitor,
    /// the host the one named before the verb of hosting.
    func findHosted(_ frame: inout EventFrame, of trigger: Trigger, in scene: Scene) {
        let tokens = scene.tokens
        let persons = scene.mentions.persons
        guard
            let hostAt = (max(0, trigger.cue.first - 14)..<trigger.cue.first).last(where: {
                vocabulary.hostVerbs.contains(tokens[$0].folded)
            }),
            let guest = persons.lastIndex(where: { $0.first > hostAt && $0.end <= trigger.cue.first }),
            let host = persons.lastIndex(where: { $0.end <= hostAt })
        else { return }
        frame.agents = [scene.personIndex[guest]]
        frame.counterparts = [scene.personIndex[host]]
    }

    /// Who does it: the person named before it (not as an object), the speaker a pronoun stands for,
    /// the possessor, the inviter; or "both sides".
    func findAgents(_ frame: inout EventFrame, of trigger: Trigger, in scene: Scene, objects: Set<Int>) {
        let tokens = scene.tokens
        let mentions = scene.mentions
        let personIndex = scene.personIndex
        let reported = scene.reported
        // Who: the person named before it (not as an object), or after "của"/"of" for a noun.
        // The speaker of a reporting verb is not who does what they report.
        // One named right before a verb does it, whatever an earlier trigger took them as ("chào mừng X thăm chính thức").
        // "President X Monday (11/14) held ...": a date between the name and the verb changes nothing.
        var verbAt = trigger.cue.first
        if let date = mentions.dates.first(where: {
            $0.end == trigger.cue.first || ($0.end + 1 == trigger.cue.first && tokens[$0.end].is(")"))
        }) {
            verbAt = date.first
            while verbAt > 0, ["on", ","].contains(tokens[verbAt - 1].folded) { verbAt -= 1 }
        }
        // "X đã hội kiến", "X will meet": the words of tense between them change nothing either.
        while let tense = mentions.cues.first(where: { cue in
            switch cue.cue {
            case .planned, .held: return cue.end == verbAt && cue.first < verbAt
            default: return false
            }
        }) {
            verbAt = tense.first
        }
        // (Those who say something "during the talks", "in talks with X" were at them: the setting of
        // what they say is no part of it.)
        let setting = isSetting(trigger.cue.first, tokens)
        let before = mentions.persons.enumerated().filter { person in
            person.element.end <= trigger.cue.first
                && (!objects.contains(person.offset)
                    || (trigger.verb && (person.element.end == trigger.cue.first || person.element.end == verbAt)))
                && (setting || !reported.contains { $0 >= person.element.end && $0 < trigger.cue.first })
        }
        // "X, who will visit Korea from July 3 to 6": the one the relative pronoun stands for, object or not.
        // "Sara Duterte, Vice President of the Philippines, who is visiting Japan": past the titles set off after the name.
        let pronounAt = (max(1, trigger.cue.first - 3)..<max(1, trigger.cue.first)).last {
            tokens[$0 - 1].is(",") && vocabulary.relativePronouns.contains(tokens[$0].folded)
        }
        let relative = pronounAt.flatMap { pronoun in
            mentions.persons.enumerated().last { person in
                // "Foreign Minister Carlos Ruiz of Mexico, who ...": the country they are of, then the comma.
                let ofCountry =
                    vocabulary.possessiveMarkers.contains(tokens[person.element.end].folded)
                    && mentions.allCountries.contains { $0.first == person.element.end + 1 && $0.end == pronoun - 1 }
                return person.element.end < pronoun && (tokens[person.element.end].is(",") || ofCountry)
                    && (person.element.end + 1 == pronoun || pronoun - person.element.end <= 20)
                    && !mentions.cues.contains { $0.first >= person.element.end && $0.first < pronoun }
            }
        }
        if let relative, trigger.verb, trigger.kind.isVisit || [.meeting, .call].contains(trigger.kind.family) {
            frame.agents.append(personIndex[relative.offset])
        } else if let agent = before.last(where: { !isObject($0.element, tokens) && !isInviter($0.element, tokens) }) {
            frame.agents.append(personIndex[agent.offset])
            // "A và B hội đàm", "A and Japanese Prime Minister B held talks"
            if let joined = before.last(where: { $0.offset < agent.offset }),
                joins(tokens, from: joined.element.end, to: agent.element.first, mentions)
            {
                frame.agents.insert(personIndex[joined.offset], at: 0)
                // "A, B và C tiếp X", "A, B and C met X": the rest of the list, each set off by a comma alone.
                var next = joined
                while let listed = before.last(where: { $0.offset < next.offset }),
                    listed.element.end + 1 == next.element.first, tokens[listed.element.end].is(","),
                    !isObject(listed.element, tokens)
                {
                    frame.agents.insert(personIndex[listed.offset], at: 0)
                    next = listed
                }
            }
        }
        // "Thủ tướng X cho biết, ông và Thủ tướng New Zealand đã có cuộc hội đàm": the pronoun after a reporting
        // verb is its speaker ("said on Twitter that he will ...": a few words and no one else may stand between).
        if let said = reported.last(where: { $0 < trigger.cue.first }),
            let pronoun = (said..<min(said + 6, trigger.cue.first)).first(where: {
                vocabulary.pronouns.contains(tokens[$0].folded)
            }),
            !mentions.persons.contains(where: { $0.first > said && $0.first < pronoun }),
            let speaker = mentions.persons.indices.last(where: { mentions.persons[$0].end <= said }),
            pronoun < trigger.cue.first, !frame.agents.contains(personIndex[speaker])
        {
            frame.agents.insert(personIndex[speaker], at: 0)
        }
        if let inviter = before.last(where: { isInviter($0.element, tokens) }) { frame.inviter = personIndex[inviter.offset] }
        // "President Thuong's official visit": the possessor does it, whatever came before.
        let owner = mentions.persons.firstIndex(where: {
            $0.end == trigger.cue.first && isPossessive(tokens[trigger.cue.first - 1])
        })
        if let owner { frame.agents = [personIndex[owner]] }
        if frame.agents.isEmpty, scene.bothAt.contains(where: { $0 < trigger.cue.first }) { frame.bothSides = true }
        // "Five agreements will be signed during the visit": signed by the sides of the event before, when
        // the sentence names no one.
        if trigger.kind == .signing, trigger.verb, trigger.cue.first > 0, mentions.persons.isEmpty,
            vocabulary.passiveAuxiliaries.contains(tokens[trigger.cue.first - 1].folded)
        {
            frame.bothSides = true
        }
        frame.subordinate = mentions.cues.contains { cue in
            guard case .subordinate = cue.cue, cue.end <= trigger.cue.first, trigger.cue.first - cue.end <= 1 else {
                return false
            }
            // "rồi sau đó hội đàm": "then", not a clause.
            return trigger.cue.first == cue.end || !vocabulary.sequenceWords.contains(tokens[cue.end].folded)
        }
        // A visit's guest is the sentence's subject ("A được B đón ... trong chuyến thăm"), when it opens the sentence
        // (unless a relative pronoun names another: "A will meet B, who will visit ...").
        // (Not over a possessor: "Prime Minister X welcomed President Y's visit".)
        if trigger.kind.isVisit, relative == nil, owner == nil, let subject = before.first, subject.element.first <= 2,
            frame.inviter != personIndex[subject.offset]
        {
            frame.agents = [personIndex[subject.offset]]
        }
    }

    /// Whom: the people named after it up to the next trigger, and countries whose unnamed officials take part.
    func findCounterparts(
        _ frame: inout EventFrame, of trigger: Trigger, upTo segmentEnd: Int, in scene: Scene, objects: inout Set<Int>
    ) {
        let tokens = scene.tokens
        let mentions = scene.mentions
        let personIndex = scene.personIndex
        // "Trong khuôn khổ ..., tham dự Hội nghị G20 tại Rio, ngày 17/11, Thủ tướng X đã có cuộc hội đàm ...": one
        // named after a comma right before the next event's word is its subject too, not only an object of the
        // event a phrase before names.
        let nextSubject =
            frame.verb || segmentEnd >= tokens.count || scene.reported.contains(segmentEnd)
            ? nil
            : mentions.persons.lastIndex {
                $0.first > trigger.cue.end && $0.end <= segmentEnd && segmentEnd - $0.end <= 2
                    && tokens[trigger.cue.end..<$0.first].contains { $0.is(",") }
            }
        // "met with former officers who served under President X": who a restrictive clause names is not met.
        let clause =
            english
            ? (trigger.cue.end..<max(trigger.cue.end, segmentEnd)).first {
                $0 > 0 && !tokens[$0 - 1].is(",") && vocabulary.relativePronouns.contains(tokens[$0].folded)
            } : nil
        let after = mentions.persons.enumerated().filter {
            $0.element.first >= trigger.cue.end && $0.element.first < (clause ?? segmentEnd)
        }
        // "Sau khi hội đàm, A và B chứng kiến ...": who follows the comma that closes an opening clause is
        // the subject of what follows, not only the clause's object.
        let clauseEnd =
            frame.subordinate ? tokens[trigger.cue.end..<max(trigger.cue.end, segmentEnd)].firstIndex { $0.is(",") } : nil
        for (offset, person) in after where (clauseEnd.map({ person.first < $0 }) ?? true) && offset != nextSubject {
            objects.insert(offset)
        }
        // "During the meeting, the President was accompanied by A, B and C": those named after it go with
        // the one who acts (named right before the words); they are no one met, nor a side of their own.
        let companionsFrom = (trigger.cue.end..<max(trigger.cue.end, segmentEnd)).first {
            tries.companions.longestMatch(in: tokens, at: $0) != nil
        }
        for (offset, person) in after where !isHonouredOrSpokenOf(person, tokens) {
            if let companionsFrom, person.first > companionsFrom {
                objects.remove(offset)
            } else if let companionsFrom, person.end <= companionsFrom, companionsFrom - person.end <= 1 {
                objects.remove(offset)
                if !frame.agents.contains(personIndex[offset]) { frame.agents.append(personIndex[offset]) }
            } else if isInviter(person, tokens) {
                frame.inviter = personIndex[offset]
            } else if person.first > 0, vocabulary.possessiveMarkers.contains(tokens[person.first - 1].folded),
                frame.agents.isEmpty
            {
                frame.agents.append(personIndex[offset])
            } else {
                frame.counterparts.append(personIndex[offset])
            }
        }
        // "the meeting between A and B": A is one side, B the other; one meeting, not one with each.
        if frame.agents.isEmpty, frame.counterparts.count >= 2, betweenAt(trigger.cue, tokens, mentions) != nil {
            frame.agents = [frame.counterparts.removeFirst()]
        }
        // "Trong khuôn khổ chuyến thăm chính thức New Zealand từ 12-14/3, chiều 13/3, Thủ tướng X đã có cuộc điện
        // đàm ...": the one named first after an opening phrase is who makes the visit, and the subject of what follows.
        // (A page's date line run into the sentence, "date 2018-03 Trong khuôn khổ ...", comes before the opening.)
        let opening = scene.opening
        if frame.agents.isEmpty, trigger.kind.isVisit, !trigger.verb, trigger.cue.first - opening <= 4,
            let comma = tokens[trigger.cue.end..<max(trigger.cue.end, segmentEnd)].firstIndex(where: { $0.is(",") }),
            let subject = after.first(where: { $0.element.first > comma }),
            let slot = frame.counterparts.firstIndex(of: personIndex[subject.offset])
        {
            frame.agents = [frame.counterparts.remove(at: slot)]
            objects.remove(subject.offset)
        }
        // "In a bilateral meeting with X, President Y expressed ...": the one named after the opening phrase does it.
        if frame.agents.isEmpty, [.meeting, .call].contains(trigger.kind.family), trigger.cue.first - opening <= 4,
            let comma = tokens[trigger.cue.end...].firstIndex(where: { $0.is(",") }),
            let subject = mentions.persons.firstIndex(where: { $0.first == comma + 1 }),
            let slot = frame.counterparts.firstIndex(of: personIndex[subject]),
            // (Not the one met, named again by the titles after the name: "on X, President of Nepal, this afternoon".)
            frame.counterparts.contains(where: { $0 != personIndex[subject] })
        {
            frame.agents = [frame.counterparts.remove(at: slot)]
        }
        // "held talks with the Japanese Prime Minister", "ông và Thủ tướng New Zealand đã có cuộc hội đàm",
        // "presented her credentials to the President of Mongolia": an official named by a title alone
        // takes part for their country.
        if [.meeting, .call].contains(trigger.kind.family) || (trigger.kind == .ceremony && trigger.verb) {
            for alone in mentions.titlesAlone
            where (alone.first >= trigger.cue.end && alone.first < segmentEnd)
                || (alone.end <= trigger.cue.first && trigger.cue.first - alone.end <= 3)
            {
                // Not the titles trailing a name ("Ngài Igor Pacolák, Đại sứ Slovakia"): those are that person's.
                if mentions.persons.contains(where: {
                    ($0.first < alone.end && alone.first < $0.end) || $0.end == alone.first
                        || ($0.end + 1 == alone.first && tokens[$0.end].is(","))
                }) {
                    continue
                }
                // (A ceremony's only the one something is presented to: not "welcomed the Indonesian leader".)
                if trigger.kind == .ceremony,
                    !(alone.first >= 1 && tokens[alone.first - 1].folded == "to")
                        && !(alone.first >= 2 && tokens[alone.first - 1].folded == "the"
                            && tokens[alone.first - 2].folded == "to")
                {
                    continue
                }
                frame.sides += alone.titles.compactMap(\.country).prefix(1)
            }
        }
        // ... and "received credentials from the new ambassadors of Indonesia, Egypt and Thailand". (Not in
        // the setting of what is said: "Tại cuộc điện đàm, hai nhà lãnh đạo Nga và Ấn Độ đã thảo luận" names the
        // call's sides again.)
        if [.meeting, .call].contains(trigger.kind.family) || trigger.kind == .ceremony, !isSetting(trigger.cue.first, tokens) {
            // "held separate talks with his counterparts from Oman, India and Sri Lanka", "met the foreign
            // ministers of Oman and India": officials named by a title in the plural take part for each country
            // listed after it.
            for start in trigger.cue.end..<max(trigger.cue.end, segmentEnd) {
                guard let plural = tries.pluralTitles.longestMatch(in: tokens, at: start), plural.end < segmentEnd,
                    var at = countriesStart(afterPlural: plural.end, tokens, mentions)
                else { continue }
                var listed: [String] = []
                while at < segmentEnd {
                    if tokens[at].folded == "the" { at += 1 }
                    guard let country = mentions.countries.first(where: { $0.first == at }) else { break }
                    listed.append(country.iso)
                    at = country.end
                    if at < segmentEnd, tokens[at].is(",") { at += 1 }
                    if at < segmentEnd, vocabulary.conjunctions.contains(tokens[at].folded) { at += 1 }
                }
                frame.sides += listed
                // Met one by one as meetings are, or talks said to be separate.
                // ("các cuộc hội đàm song phương với", "bilateral talks with": a plural or "bilateral" says so too.)
                let separate = tokens[max(0, trigger.cue.first - 2)..<min(segmentEnd, trigger.cue.end + 1)].contains {
                    vocabulary.separateWords.contains($0.folded)
                }
                if listed.count >= 2, frame.counterparts.isEmpty, separate || [.meeting, .courtesyCall].contains(trigger.kind) {
                    frame.separateSides = true
                }
            }
        }
    }

    /// Where what a listing word at `start` lists begins ("gồm", "bao gồm:", "namely"), past a colon after it.
    func listingEnd(_ tokens: [Token], at start: Int) -> Int? {
        guard let cue = tries.relationCues.longestMatch(in: tokens, at: start), cue.value == .listing else { return nil }
        return cue.end < tokens.count && tokens[cue.end].is(":") ? cue.end + 1 : cue.end
    }

    /// Where the words for what kind of place it is begin before the place named at `index` ("thủ đô" in
    /// "đến thủ đô Bắc Kinh"; not before `after`); `index` itself when there are none.
    func venueStart(_ tokens: [Token], before index: Int, after: Int) -> Int {
        for length in stride(from: 4, through: 1, by: -1) where index - length >= after {
            if vocabulary.venueWords.contains(tokens.folded(index - length, index)) {
                return index - length
            }
        }
        return index
    }

    /// Whether a topic noun comes just before the place word at `placeWord` ("the situation in",
    /// "tình hình ở"): the place after it is talked of.
    func talkedOf(_ tokens: [Token], placeWord: Int) -> Bool {
        guard placeWord >= 1 else { return false }
        let one = tokens[placeWord - 1].folded
        return vocabulary.topicNouns.contains(one)
            || (placeWord >= 2 && vocabulary.topicNouns.contains(tokens[placeWord - 2].folded + " " + one))
    }

    /// Where: a place after it, a place that opens the sentence, the series' own place; and the
    /// visitor, who comes from elsewhere.
    func findPlaces(_ frame: inout EventFrame, of trigger: Trigger, upTo segmentEnd: Int, in scene: Scene, visitors: [Int]) {
        let tokens = scene.tokens
        let mentions = scene.mentions
        // Where: a place after it, introduced by tại/tới/đến/in/to or right after a visit verb.
        for country in mentions.allCountries where country.first >= trigger.cue.end && country.first < segmentEnd {
            // "impetus to India-New Zealand relations": a pair of countries is no destination.
            if country.end + 1 < tokens.count, tokens[country.end].isDash,
                mentions.allCountries.contains(where: { $0.first == country.end + 1 })
            {
                continue
            }
            // "to the Kingdom of Cambodia": the article does not part a place word from its country.
            let article = country.first > 1 && tokens[country.first - 1].folded == "the" ? 1 : 0
            let previous = country.first > article ? tokens[country.first - 1 - article].folded : ""
            // "received Japanese Ambassador X": a demonym right after a verb says whose the one met is, not where.
            // ("visited the Philippines": right after it, but for the article.)
            let direct =
                country.first - article == trigger.cue.end
                && (trigger.kind.isVisit || !mentions.demonyms.contains { $0.first == country.first })
            // "Tanzania, Mozambique và Iran": a country listed after one taken as a place is one too.
            // "tới nước Cộng hòa Thống nhất Tanzania": "nước" (the country of) after a place word.
            // ("thăm hữu nghị chính thức nước Cộng hòa Dân chủ Nhân dân Lào": so too right after a visit's verb.)
            let ofCountry =
                previous == "nuoc" && country.first >= 2
                && (vocabulary.placeWords.contains(tokens[country.first - 2].folded)
                    || (trigger.kind.isVisit && trigger.verb && country.first - 1 == trigger.cue.end))
            // "Ấn Độ từ ngày 11 đến 13/10 và Sri Lanka từ ngày 13 đến 15/10": so too after the first one's dates.
            let listed =
                [",", "va", "and"].contains(previous) && country.first >= 2
                && (mentions.allCountries.contains { $0.end == country.first - 1 && frame.places.contains($0.iso) }
                    || mentions.dates.contains { date in
                        date.end == country.first - 1
                            && mentions.allCountries.contains {
                                $0.end <= date.first && date.first - $0.end <= 3 && frame.places.contains($0.iso)
                            }
                    })
            // "to Kingston, Jamaica, and Belmopan, Belize": a country after a city of it the lexicon does not know.
            var beforeCity = country.first - 2
            while beforeCity >= 0, tokens[beforeCity].isCapitalized, country.first - 2 - beforeCity < 3 { beforeCity -= 1 }
            let afterCity =
                previous == "," && beforeCity >= 0 && beforeCity < country.first - 2
                && (vocabulary.placeWords.contains(tokens[beforeCity].folded)
                    || (vocabulary.conjunctions.contains(tokens[beforeCity].folded) && !frame.places.isEmpty))
            // "chuyến công du 3 nước Đông Nam Á gồm Malaysia, Lào và Việt Nam", "a tour of three countries,
            // namely ...": a visit's countries listed after a listing word (a colon perhaps between).
            let afterListing =
                trigger.kind.isVisit
                && (max(trigger.cue.end, country.first - article - 4)..<(country.first - article)).contains {
                    listingEnd(tokens, at: $0) == country.first - article
                }
            // "discussed the situation in Syria": what is talked of is no place.
            let placeWord = vocabulary.placeWords.contains(previous) && !talkedOf(tokens, placeWord: country.first - 1 - article)
            if placeWord || (direct && (trigger.kind.isVisit || trigger.verb)) || previous == "(" || listed || ofCountry
                || afterCity || afterListing
            {
                if !mentions.persons.contains(where: { $0.first <= country.first && country.first < $0.end }) {
                    frame.places.append(country.iso)
                }
            }
        }
        for city in mentions.cities where city.first >= trigger.cue.end && city.first < segmentEnd {
            let start = venueStart(tokens, before: city.first, after: trigger.cue.end)
            let previous = start > 0 ? tokens[start - 1].folded : ""
            if vocabulary.placeWords.contains(previous) && !talkedOf(tokens, placeWord: start - 1)
                || start == trigger.cue.end
            {
                frame.city = frame.city ?? city.name
                if !frame.places.contains(city.iso) { frame.places.append(city.iso) }
            }
        }
        // "on a two-day official visit to strengthen relations with New Zealand": with no place named,
        // the country it is with (not the visitor's own).
        if frame.places.isEmpty, trigger.kind.isVisit,
            let partner = mentions.countries.first(where: { country in
                country.first > trigger.cue.end && country.first < segmentEnd
                    && vocabulary.visitPartnerWords.contains(tokens[country.first - 1].folded)
                    && !visitors.contains { scene.countryOf($0) == country.iso }
            })
        {
            frame.places = [partner.iso]
        }
        if frame.places.isEmpty, let fronted = scene.fronted {
            frame.places = [fronted.iso]
            frame.city = fronted.city
        }
        // A visitor comes from elsewhere: the one named last before a visit who is not of the
        // country visited ("Anwar Ibrahim chủ trì lễ đón Tổng Bí thư Tô Lâm ... thăm chính thức Malaysia").
        if trigger.kind.isVisit, !frame.places.isEmpty, !frame.agents.isEmpty,
            frame.agents.allSatisfy({ scene.countryOf($0).map(frame.places.contains) ?? false }),
            let visitor = visitors.last(where: { person in scene.countryOf(person).map { !frame.places.contains($0) } ?? false }),
            visitor != frame.inviter
        {
            frame.agents = [visitor]
        }
        if let series = frame.series, frame.places.isEmpty, let country = series.country {
            frame.places = [country]
            frame.city = series.city
        }
    }

    /// "có các chuyến thăm Kazakhstan của: A (tháng 2/1994), B (tháng 6/1994)": a visit by each person listed,
    /// to the country named, at the date in brackets after their name.
    func listedVisits(in sentence: Sentence, mentions: SentenceMentions, personIndex: [Int]) -> (
        frames: [EventFrame], colon: Int?
    ) {
        let tokens = sentence.tokens
        for opening in vocabulary.visitLists {
            guard
                let start = tokens.indices.first(where: { index in
                    index + opening.count <= tokens.count
                        && (0..<opening.count).allSatisfy { tokens[index + $0].folded == opening[$0] }
                })
            else { continue }
            let afterOpening = start + opening.count
            guard let country = mentions.allCountries.first(where: { $0.first == afterOpening }),
                let colon = tokens[country.end..<min(tokens.count, country.end + 3)].firstIndex(where: { $0.is(":") })
            else { continue }
            var frames: [EventFrame] = []
            for (offset, person) in mentions.persons.enumerated() where person.first > colon {
                // The item's date closes it, however long what it tells ("X thăm và dự Lễ ký ... (tháng 5/2015)").
                guard let date = mentions.dates.first(where: { $0.first > person.end - 1 && $0.first - person.end <= 40 }),
                    date.first > 0, tokens[date.first - 1].is("("),
                    !mentions.persons.contains(where: { $0.first > person.first && $0.first < date.first })
                else { continue }
                var frame = EventFrame(
                    kind: .visit, sentence: sentence.index, trigger: person.first, triggerEnd: person.end, verb: true)
                frame.agents = [personIndex[offset]]
                frame.places = [country.iso]
                frame.date = date
                frames.append(frame)
            }
            if frames.count >= 2 { return (frames, colon) }
        }
        return ([], nil)
    }

    /// "Tại Cuba, ...", "Trong thời gian ở Singapore, ...": a place named before the sentence's
    /// first event places everything in it.
    func sentencePlace(_ tokens: [Token], _ mentions: SentenceMentions, before limit: Int) -> (iso: String, city: String?)? {
        for index in 0..<min(limit, tokens.count) where ["tai", "in", "o", "at"].contains(tokens[index].folded) {
            if let country = mentions.countries.first(where: { $0.first == index + 1 }) { return (country.iso, nil) }
            if let city = mentions.cities.first(where: { $0.first == index + 1 }) { return (city.iso, city.name) }
        }
        return nil
    }

    /// "và", "and" (with a country or a demonym of the second person's) between two people; in
    /// English perhaps "his", "her" ("A and her Peruvian counterpart B").
    func joins(_ tokens: [Token], from start: Int, to end: Int, _ mentions: SentenceMentions) -> Bool {
        guard start < end, vocabulary.conjunctions.contains(tokens[start].folded) else { return false }
        var index = start + 1
        if index < end, vocabulary.possessivePronouns.contains(tokens[index].folded) { index += 1 }
        while index < end {
            guard let place = mentions.allCountries.first(where: { $0.first == index }) else { return false }
            index = place.end
        }
        return true
    }

    func isPossessive(_ token: Token) -> Bool { token.text.hasSuffix("'s") || token.text.hasSuffix("’s") }

    func isObject(_ person: PersonMention, _ tokens: [Token]) -> Bool {
        person.first > 0 && vocabulary.objectMarkers.contains(tokens[person.first - 1].folded)
    }

    func isInviter(_ person: PersonMention, _ tokens: [Token]) -> Bool {
        guard person.first >= 2 else { return false }
        let window = tokens.folded(max(0, person.first - 5), person.first)
        return window.hasSuffix("loi moi cua") || window.hasSuffix("invitation of") || window.hasSuffix("invited by")
    }

    func isGeneric(_ trigger: CueMention, _ mentions: SentenceMentions) -> Bool {
        mentions.cues.contains { cue in
            guard case .generic = cue.cue else { return false }
            return cue.first <= trigger.first && trigger.first <= cue.end
        }
    }

    /// "sẽ có các cuộc hội đàm song phương với lãnh đạo Ấn Độ, Thổ Nhĩ Kỳ và Iran": a habit's words ("các cuộc
    /// hội đàm") that name the sides met right after "với"/"with" (a person, or a plural title and a country)
    /// tell of these events, not of a habit ("duy trì các cuộc gặp với lãnh đạo các nước" names none).
    func namesItsSides(_ trigger: CueMention, _ tokens: [Token], _ mentions: SentenceMentions) -> Bool {
        guard
            let with = mentions.cues.first(where: { cue in
                if case .with = cue.cue { return cue.first >= trigger.end && cue.first - trigger.end <= 4 }
                return false
            })
        else { return false }
        if mentions.persons.contains(where: { $0.first == with.end }) { return true }
        guard let plural = tries.pluralTitles.longestMatch(in: tokens, at: with.end),
            let next = countriesStart(afterPlural: plural.end, tokens, mentions)
        else { return false }
        return mentions.countries.contains { $0.first == next }
    }

    /// Where the countries of a title in the plural that ends at `end` begin: after "of"/"của" ("the
    /// foreign ministers of Oman and India"), or right after it in Vietnamese ("lãnh đạo Ấn Độ, Thổ Nhĩ Kỳ
    /// và Iran"); nil when no country follows it so.
    func countriesStart(afterPlural end: Int, _ tokens: [Token], _ mentions: SentenceMentions) -> Int? {
        guard end < tokens.count else { return nil }
        if vocabulary.pluralCountryWords.contains(tokens[end].folded) { return end + 1 }
        return !english && mentions.countries.contains(where: { $0.first == end }) ? end : nil
    }

    func isAttended(_ start: Int, _ mentions: SentenceMentions) -> Bool {
        mentions.cues.contains { cue in
            guard case .attend = cue.cue else { return false }
            return cue.end <= start && start - cue.end <= 12
        }
    }

    /// Planned when "sẽ", "dự kiến", "will"... come before it; held when "đã", "held"... do.
    func status(before index: Int, _ mentions: SentenceMentions, _ tokens: [Token]) -> EventStatus {
        var status = EventStatus.unknown
        // "met", "visited": the past tense on the trigger decides, unless it is told as ahead right before it
        // ("will be received"); a "will" earlier in the sentence is another clause's.
        if isHeldVerb(tokens, index),
            !mentions.cues.contains(where: { cue in
                if case .planned = cue.cue { return cue.end <= index && index - cue.end <= 1 }
                return false
            })
        {
            return .held
        }
        for cue in mentions.cues where cue.first < index || (cue.first == index && isHeldVerb(tokens, index)) {
            switch cue.cue {
            case .planned: status = .planned
            case .held: status = .held
            case .cancelled: status = .cancelled
            // "hosted receptions ... for the ambassadors who came to present their credentials": an earlier event's
            // past tense tells of this one too.
            case .trigger where cue.first < index && isHeldVerb(tokens, cue.first): status = .held
            default: continue
            }
        }
        if status == .unknown, isHeldVerb(tokens, index) { return .held }
        if vocabulary.plannedWords.contains(tokens[index].folded) { return .planned }
        return status
    }

    /// English past tense on the trigger itself: "met", "held talks", "visited".
    func isHeldVerb(_ tokens: [Token], _ index: Int) -> Bool { vocabulary.heldVerbs.contains(tokens[index].folded) }

    /// Whether the frame is an event rather than a word in passing.
    func accepts(_ frame: EventFrame, trigger: CueMention, tokens: [Token], mentions: SentenceMentions) -> Bool {
        let capitalized = tokens[trigger.first].isCapitalized
        switch frame.kind {
        case .summit, .conference:
            // A named gathering someone attends, or one that is dated.
            let namedBefore = english && frame.name.map { !$0.hasPrefix(tokens[trigger.first].text) } == true
            let named =
                capitalized || frame.series != nil || namedBefore
                || (trigger.end < tokens.count && (tokens[trigger.end].isCapitalized || tokens[trigger.end].kind == .number))
            // "held a virtual summit", "an online summit between A and B": unnamed, a summit of the two.
            let ofTwo =
                english && frame.kind == .summit && (frame.agents.count + frame.counterparts.count >= 2 || frame.sides.count >= 2)
            return named
                && (frame.attended || frame.series != nil || frame.hasParticipants
                    || mentions.dates.contains { abs($0.first - trigger.end) <= 4 }
                    || takesPlaceEnd(trigger, tokens, mentions) != nil)
                || ofTwo
        case .trip, .stateVisit, .officialVisit, .workingVisit, .visit:
            if frame.verb { return !frame.places.isEmpty || !frame.counterparts.isEmpty || frame.inviter != nil }
            return !frame.places.isEmpty || frame.hasParticipants
        case .talks, .meeting, .courtesyCall, .phoneCall:
            // "hai bên hội đàm" is talks; "hai bên duy trì gặp gỡ" is a habit, not a meeting.
            return !frame.counterparts.isEmpty || frame.agents.count >= 2 || (!frame.agents.isEmpty && !frame.sides.isEmpty)
                || frame.sides.count >= 2
                || (frame.verb && frame.bothSides && frame.kind != .meeting && frame.kind != .courtesyCall)
                || (!frame.verb && frame.hasParticipants)
        case .pressConference:
            return true
        case .signing, .ceremony, .other:
            let namedAndDated =
                capitalized && mentions.dates.contains { $0.end <= trigger.first || abs($0.first - trigger.end) <= 3 }
            // "The two sides welcomed the results", "X welcomed this visit": in English, approval, not a welcome
            // ceremony, unless someone is welcomed. (A phrase says what it is whoever is named: "received the
            // credentials presented by 11 new ambassadors".)
            if english, frame.verb, frame.kind == .ceremony, !frame.celebration, trigger.end - trigger.first == 1 {
                return !frame.counterparts.isEmpty || !frame.sides.isEmpty
            }
            return frame.hasParticipants || frame.bothSides || namedAndDated || frame.celebration
        }
    }

    /// "The 43rd ASEAN Summit was held in Jakarta", "Hội nghị Cấp cao ASEAN lần thứ 43 sẽ diễn ra": words that
    /// say a gathering takes place a few words after its trigger, no comma nor person between (events.json
    /// `takes_place`), and where they end; or "the upcoming G20 Summit", a word that says it is ahead right
    /// before its name (the trigger's end).
    func takesPlaceEnd(_ trigger: CueMention, _ tokens: [Token], _ mentions: SentenceMentions) -> Int? {
        // A name beyond the trigger's own words ("Hội nghị diễn ra trong hai ngày" names none): a word before it
        // in English ("ASEAN Summit", not "The Summit"), after it otherwise.
        let namedBefore =
            english
            && (nameStart(tokens, before: trigger.first, mentions)..<trigger.first).contains {
                (tokens[$0].isCapitalized || tokens[$0].kind == .number)
                    && !vocabulary.eventDeterminers.contains(tokens[$0].folded)
            }
        var at = namedBefore ? trigger.end : trigger.end + 1
        while at < min(tokens.count, trigger.end + 7), !tokens[at].is(","), !tokens[at].is(";"),
            !mentions.persons.contains(where: { $0.first == at })
        {
            if let words = tries.takesPlace.longestMatch(in: tokens, at: at) { return words.end }
            at += 1
        }
        let upcoming = mentions.cues.contains { cue in
            guard case .planned = cue.cue else { return false }
            return cue.end < trigger.first
                && tokens[cue.end..<trigger.first].allSatisfy { $0.isCapitalized || $0.kind == .number }
        }
        return upcoming ? trigger.end : nil
    }

    /// The name of a summit or conference: its trigger words and what qualifies them, up to a
    /// comma, a place word or a verb ("Hội nghị Thượng đỉnh tương lai", "Summit of the Future").
    /// The name runs at least through its own trigger ("the ASEAN Foreign Ministers' Meeting").
    func eventName(_ tokens: [Token], from start: Int, through triggerEnd: Int, upTo limit: Int, mentions: SentenceMentions)
        -> String
    {
        let stops: Set<String> = [
            "va", "tai", "o", "cua", "voi", "trong", "tu", "vao", "se", "da", "theo", "nham", "de", "cung",
            "and", "in", "at", "on", "with", "from", "which", "that", "held", "will", "was", "is", "to", "by", "took", "takes",
            "ngay", "sang", "chieu", "toi", "nay", "la", "duoc", "co", "khi", "nhu",
        ]
        var end = max(start + 1, triggerEnd, tries.series.longestMatch(in: tokens, at: start)?.end ?? 0)
        var words = end - start
        while end < min(limit, tokens.count), words < 12 {
            let token = tokens[end]
            if token.kind == .punctuation && !token.isDash && !["'", "’"].contains(token.text) { break }
            if stops.contains(token.folded) && !(token.folded == "of" || token.folded == "the") { break }
            if mentions.dates.contains(where: { $0.first == end }) { break }
            if tries.cues.longestMatch(in: tokens, at: end).map({
                if case .trigger = $0.value { return true } else { return false }
            }) == true,
                end > start + 2
            {
                break
            }
            end += 1
            words += 1
        }
        while end > start + 1, ["of", "the"].contains(tokens[end - 1].folded) { end -= 1 }
        return tokens.text(start, end)
    }

    /// English puts a gathering's name before its head word: "the ASEAN-Australia Special Summit",
    /// "a Vietnam - Japan business forum".
    func nameStart(_ tokens: [Token], before trigger: Int, _ mentions: SentenceMentions) -> Int {
        guard english else { return trigger }
        var start = trigger
        var lowercase = 0
        var index = trigger - 1
        while index >= 0 {
            let token = tokens[index]
            if token.isCapitalized || token.kind == .number || (token.isDash && index > 0) {
                start = index
                lowercase = 0
            } else if ["'", "’"].contains(token.text) || token.folded == "of", index > 0, tokens[index - 1].isCapitalized,
                tokens[index + 1].isCapitalized
            {
                // "the G20 Leaders' Summit", "Heads of Government Meeting": an apostrophe or an "of" inside the name.
            } else if token.is(")"), index >= 3, tokens[index - 2].is("("), tokens[index - 1].isCapitalized,
                tokens[index - 3].isCapitalized
            {
                // "the African Union (AU) summit": a short name in brackets inside the name.
                index -= 2
            } else if token.isWord, lowercase < 2, !["the", "a", "an", "of", "and", "at", "in", "to"].contains(token.folded),
                index > 0, tokens[index - 1].isCapitalized || tokens[index - 1].isWord
            {
                lowercase += 1
            } else {
                break
            }
            index -= 1
        }
        return start
    }

    /// Each frame's date: one right after its noun ("họp báo chiều 19/9") is its own; otherwise
    /// the nearest date before it in the sentence, else the nearest after. A range shared by
    /// several frames is the range they fall within (a trip's stops).
    func assignDates(_ frames: inout [EventFrame], mentions: SentenceMentions, tokens: [Token]) {
        var bound = Set<Int>()
        // The person named at `start`, perhaps after their country's name ("Mexico's President-Elect X").
        func person(namedAt start: Int) -> PersonMention? {
            mentions.persons.first { person in
                person.first == start
                    || mentions.allCountries.contains {
                        $0.first == start && $0.end <= person.first && person.first <= $0.end + 1
                    }
            }
        }
        // The spans of people and countries: what may stand on either side of "between".
        let sides = mentions.persons.map { $0.first..<$0.end } + mentions.allCountries.map { $0.first..<$0.end }
        for index in frames.indices {
            let trigger = frames[index].trigger
            var triggerEnd = frames[index].triggerEnd
            // What names the place right after it ("chuyến thăm chính thức Pháp từ ngày 6 đến 7/10") is not a gap.
            while triggerEnd < tokens.count {
                var at = triggerEnd
                // "tới nước X", "X, Y và Z": place words, "nước" and list joiners before each country.
                while at < tokens.count,
                    vocabulary.placeWords.contains(tokens[at].folded) || ["nuoc", ",", "va", "and"].contains(tokens[at].folded),
                    at - triggerEnd < 3
                { at += 1 }
                // "chuyến công du 3 nước thuộc Đông Nam Á gồm Malaysia, Lào và Việt Nam từ ngày 1-6/8": a count of
                // the countries visited and the listing word before them are not a gap.
                // ("chuyến công du chính thức 3 nước": a word or two of the visit's name may come before the count.)
                if frames[index].kind.isVisit,
                    let count = (at..<min(tokens.count, at + 3)).first(where: { isCount(tokens[$0]) }),
                    !tokens[at..<count].contains(where: { $0.kind == .punctuation }),
                    let listed = (count + 1..<min(tokens.count, count + 7)).lazy.compactMap({ listingEnd(tokens, at: $0) }).first
                {
                    triggerEnd = listed
                    continue
                }
                // "chuyến thăm chính thức của Chủ tịch nước X tới Lào từ ngày ...": the visitor named after "của"/"of".
                // "of Mexico's President-Elect X": a country's name may come first.
                if at < tokens.count, vocabulary.possessiveMarkers.contains(tokens[at].folded),
                    let visitor = person(namedAt: at + 1)
                {
                    triggerEnd = visitor.end
                    continue
                }
                // "buổi tiếp Đại sứ Nhật Bản X chiều 22/6", "a reception for Ambassador X on 22 June": the one it
                // is given to, named right after it, is not a gap either.
                if !frames[index].verb, at == triggerEnd,
                    let guest = person(namedAt: tokens[at].folded == "for" ? at + 1 : at)
                {
                    triggerEnd = guest.end
                    continue
                }
                // "his phone conversation with Chinese Premier X on September 19": the one it is with is not a gap.
                if at < tokens.count,
                    mentions.cues.contains(where: { if case .with = $0.cue { return $0.first == at } else { return false } }),
                    let other = mentions.persons.first(where: { person in
                        person.first > at && person.first - at <= 4
                            && !tokens[at..<person.first].contains { $0.kind == .punctuation }
                    })
                {
                    triggerEnd = other.end
                    continue
                }
                // "the meeting between A of Sweden and B of Japan took place ... on 6 May", "a bilateral meeting
                // between Indonesia and Australia at the Foreign Ministry on March 21": both sides are not a gap.
                if at < tokens.count, vocabulary.betweenWords.contains(tokens[at].folded),
                    let first = sides.first(where: { $0.lowerBound == at + 1 })
                {
                    var end = first.upperBound
                    while end < tokens.count, vocabulary.conjunctions.contains(tokens[end].folded),
                        let next = sides.first(where: { $0.lowerBound == end + 1 })
                    {
                        end = next.upperBound
                    }
                    triggerEnd = end
                    continue
                }
                // "Hội nghị Cấp cao ASEAN lần thứ 45 sẽ diễn ra vào ngày ...": the organisation it is of, and its number;
                // "Hội nghị thượng đỉnh Nga - Ấn lần thứ 23 vào tháng 12": the pair of countries it is of, and its number.
                if let organization = mentions.organizations.first(where: { $0.first == at }) {
                    triggerEnd = organization.end
                } else if let place = mentions.allCountries.first(where: { $0.first == at }) {
                    triggerEnd = place.end
                    if triggerEnd + 1 < tokens.count, tokens[triggerEnd].isDash,
                        let other = mentions.allCountries.first(where: { $0.first == triggerEnd + 1 })
                    {
                        triggerEnd = other.end
                    }
                } else {
                    break
                }
                if triggerEnd + 2 < tokens.count, tokens[triggerEnd].folded == "lan", tokens[triggerEnd + 1].folded == "thu",
                    tokens[triggerEnd + 2].kind == .number
                {
                    triggerEnd += 3
                }
            }
            // Its own date follows it closely: with no comma between, or as a range ("..., which runs from Nov 27 to 30").
            if let own = mentions.dates.enumerated().first(where: { date in
                date.element.first >= triggerEnd && !date.element.since
                    && (date.element.first - triggerEnd <= 5
                        && (date.element.opened || !tokens[triggerEnd..<date.element.first].contains { $0.is(",") || $0.is(";") })
                        // "the G20 Summit that will take place on November 15-16"
                        || date.element.first - triggerEnd <= 9
                            && connects(
                                tokens, from: triggerEnd, to: date.element.first, mentions,
                                setOff: english && !frames[index].subordinate))
            }),
                !frames.contains(where: { !$0.outline && $0.trigger > trigger && $0.trigger < own.element.first })
            {
                frames[index].date = own.element
                // Meetings told of as a whole leave their date to the events of the sentence too.
                if !frames[index].outline { bound.insert(own.offset) }
                // "the G20 Summit that will take place on November 15-16": the clause says it is still ahead.
                if mentions.cues.contains(where: { cue in
                    if case .planned = cue.cue { return cue.first >= triggerEnd && cue.end <= own.element.first }
                    return false
                }) {
                    frames[index].status = .planned
                } else if frames[index].status == .unknown,
                    mentions.cues.contains(where: { cue in
                        if case .held = cue.cue { return cue.first >= triggerEnd && cue.end <= own.element.first }
                        return false
                    })
                {
                    // "The meeting between A and B took place in Tokyo on 6 May": the clause says it was held.
                    frames[index].status = .held
                }
            }
        }
        var users: [Int: [Int]] = [:]
        for index in frames.indices where frames[index].date == nil && !frames[index].subordinate && !frames[index].upcoming {
            let trigger = frames[index].trigger
            // "since 2007", "kể từ năm 1992" date a state of things, not an event.
            let free = mentions.dates.enumerated().filter { !bound.contains($0.offset) && !$0.element.since }
            // A noun names an event the sentence dates before it; a date after it belongs to a verb.
            // "X will visit Korea next week, his office said Thursday": the day of the saying is not the visit's.
            let after =
                frames[index].verb
                ? free.first(where: { date in
                    date.element.first > trigger
                        && !mentions.cues.contains { cue in
                            if case .reported = cue.cue { return cue.first > trigger && cue.end <= date.element.first }
                            return false
                        }
                }) : nil
            if let before = free.last(where: { $0.element.end <= trigger }) ?? after {
                frames[index].date = before.element
                users[before.offset, default: []].append(index)
            } else if mentions.dates.count == 1, let only = mentions.dates.first, !only.since,
                only.end <= trigger
                    || (frames[index].verb
                        && frames.contains {
                            $0.kind.family == .multilateral && $0.trigger > trigger && $0.date?.first == only.first
                        })
            {
                // "hosted receptions in Hà Nội on Wednesday for the ambassadors ..., who came to present their
                // credentials": the sentence's one date, another event's own, is this one's day too; so too
                // "met X on the sidelines of the ASEAN Foreign Ministers' Meeting on 26 July".
                frames[index].date = only
            }
        }
        for (_, indexes) in users where indexes.filter({ !frames[$0].outline }).count >= 2 {
            for index in indexes { frames[index].sharesRange = true }
        }
    }

    /// Whether the words between an event and a date tie the date to it ("that will take place on",
    /// "to be held in Busan on"): connecting words, and places.
    /// `setOff`: a comma may set the words off from the name ("the Forum, to be held in ... on ..."; not a
    /// clause before the main one, "Before visiting France, on 4 October, X attended ...").
    func connects(_ tokens: [Token], from start: Int, to end: Int, _ mentions: SentenceMentions, setOff: Bool = false) -> Bool {
        var places = mentions.allCountries.map { $0.first..<$0.end } + mentions.cities.map { $0.first..<$0.end }
        // "at the Foreign Ministry on March 21": a venue's name after a place word and "the" is a place too.
        for at in start..<end
        where vocabulary.placeWords.contains(tokens[at].folded) && at + 2 < end && tokens[at + 1].folded == "the" {
            let name = (at + 2..<end).prefix { tokens[$0].isCapitalized }
            if let last = name.last { places.append(at + 1..<last + 1) }
        }
        return (start..<end).allSatisfy { at in
            if vocabulary.dateConnectors.contains(tokens[at].folded) { return true }
            // "the Ministerial Forum, to be held in Copenhagen on 19 and 20 November": a clause set off after the name.
            if setOff, at == start, tokens[at].is(","), at + 1 < end, vocabulary.dateConnectors.contains(tokens[at + 1].folded) {
                return true
            }
            if vocabulary.placeWords.contains(tokens[at].folded) && at + 1 < end { return true }
            return places.contains { $0.contains(at) }
        }
    }

    /// "lên đường thăm cấp Nhà nước Tanzania, Mozambique và Iran từ ngày 9-15/3", "will pay state visits to Fiji,
    /// New Zealand and Timor-Leste": a visit to each country, within the journey's range (the stops of a trip).
    /// "will pay official visits to Cambodia from April 24 to 25 and to Laos from April 26 to 27": when each
    /// stop is followed by dates of its own, it keeps them; one range after the last stop is the journey's.
    func splitPlaces(_ frames: [EventFrame], mentions: SentenceMentions) -> [EventFrame] {
        var result: [EventFrame] = []
        for frame in frames {
            guard frame.kind.isVisit, frame.kind != .trip, frame.verb, frame.places.count >= 2 else {
                result.append(frame)
                continue
            }
            let own = frame.places.map { place -> DateMention? in
                guard let country = mentions.allCountries.first(where: { $0.iso == place && $0.first >= frame.triggerEnd })
                else { return nil }
                return mentions.dates.first { $0.first >= country.end && $0.first - country.end <= 1 }
            }
            let eachOwn = own.allSatisfy { $0 != nil } && Set(own.compactMap { $0?.first }).count == own.count
            for (place, date) in zip(frame.places, own) {
                var stop = frame
                stop.places = [place]
                stop.city = nil
                stop.sharesRange = !eachOwn
                if eachOwn { stop.date = date }
                result.append(stop)
            }
        }
        return result
    }

    /// "hội kiến A; B" and "met A and B": one meeting with each, and each with the countries that are
    /// not another's; so too a phone call ("spoke by phone with A and B": a call is between two).
    /// People of one country under one title ("the Venezuelan parliamentarians A and B") are met together.
    func splitCounterparts(
        _ frames: [EventFrame], mentions: SentenceMentions, personIndex: [Int], countryOf: (Int) -> String?
    ) -> [EventFrame] {
        // Each person's title roles as this sentence writes them.
        func roles(_ person: Int) -> Set<String> {
            Set(zip(mentions.persons, personIndex).filter { $0.1 == person }.flatMap { $0.0.titles.map(\.role) })
        }
        var result: [EventFrame] = []
        for frame in frames {
            if frame.separateSides {
                for side in frame.sides {
                    var single = frame
                    single.sides = [side]
                    result.append(single)
                }
                continue
            }
            let countries = frame.counterparts.map(countryOf)
            let titles = frame.counterparts.map(roles)
            let oneGroup =
                !countries.contains(nil) && Set(countries).count == 1
                && titles.first.map { first in !first.isEmpty && titles.allSatisfy { $0 == first } } == true
            guard [.meeting, .courtesyCall, .phoneCall].contains(frame.kind), frame.counterparts.count >= 2, !oneGroup else {
                result.append(frame)
                continue
            }
            for (counterpart, country) in zip(frame.counterparts, countries) {
                var single = frame
                single.counterparts = [counterpart]
                let others = Set(countries.compactMap { $0 }).subtracting([country].compactMap { $0 })
                single.sides = frame.sides.filter { !others.contains($0) }
                result.append(single)
            }
        }
        return result
    }
}
