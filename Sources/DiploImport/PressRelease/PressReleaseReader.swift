import DiploModel
import DiploStore
import Foundation

/// Reads a press release or a saved news page, in Vietnamese or English, into the facts it
/// states: people and their offices, countries, organisations, events, partnerships and stated
/// anniversaries, each with the sentence it comes from. Names resolve to what the knowledge base
/// already holds, when a store is given.
public struct PressReleaseReader {
    public let options: ImportOptions
    let store: Store?
    let vocabulary = Vocabulary.shared

    public init(options: ImportOptions, store: Store? = nil) {
        self.options = options
        self.store = store
    }

    public func read(_ text: String, file: String) throws -> KnowledgeBase {
        try read(text, file: file, celebratedYear: nil)
    }

    /// `celebratedYear`: the year a stated anniversary puts the text in, when nothing else dates it
    /// (a second reading, see below).
    func read(_ text: String, file: String, celebratedYear: Int?) throws -> KnowledgeBase {
        let layout = Layout(text: text)
        // Taken now, so that the layout's lines can go once the sentences are cut.
        let title = layout.title
        let articleText = PressReleaseReader.opening(layout)
        guard !articleText.isEmpty else {
            throw DiploError.badInput(file: file, place: nil, reason: "no article text found (no line reads as running text)")
        }
        let lang = options.lang?.rawValue ?? PressReleaseReader.language(of: articleText)
        let keepDiacritics = lang == "vi" && PressReleaseReader.hasDiacritics(articleText)
        let tries = vocabulary.tries(keepDiacritics: keepDiacritics)
        let tokenizer = Tokenizer(keepDiacritics: keepDiacritics)
        // Room for the few hundred ways a page of the usual size writes its words, made at once
        // rather than grown (and rehashed) eight times.
        tokenizer.forms.byText.reserveCapacity(512)
        var (sentences, lineOf) = PressReleaseReader.sentences(of: layout, tokenizer: tokenizer)

        var notes: [String] = []
        let pageDate = PageDate.of(
            source: options.source, dateLine: PageDate.dateLine(layout, tokenizer: tokenizer),
            statedToday: PageDate.statedToday(layout, tokenizer: tokenizer))
        _ = consume layout  // its lines are sentences now
        let reference = self.reference(
            pageDate: pageDate, sentences: sentences, tries: tries, celebratedYear: celebratedYear, notes: &notes)
        let resolver = YearResolver(reference: reference)
        let referenceDate = reference.flatMap { try? PartialDate(year: $0.year, month: $0.month, day: $0.day) }

        // Each sentence's dates, scanned once for both readings.
        var dates = sentences.map { DateScanner.scan($0.tokens) }
        DateScanner.fillTextYears(&dates)
        let commonWords = Self.commonWords(of: sentences).union(vocabulary.neverNames)
        let known = try namesToKnow(sentences: sentences, dates: dates, commonWords: commonWords, tries: tries, lang: lang)
        // A page of the usual size keeps its tokens for the readings after the main one; a long one
        // (several MiB) lets them go and has them cut again when asked.
        let keepTokens = sentences.count <= Self.sentencesWithTokensKept
        var (persons, allMentions, frames) = readSentences(
            &sentences, dates: &dates, lineOf: lineOf, known: known, commonWords: commonWords, tries: tries, lang: lang,
            keepTokens: keepTokens)

        if lang == "en", keepTokens {
            Self.completeFamilyNames(&persons, sentences: sentences, commonWords: commonWords, tries: tries)
        }
        let home = HomeSide.of(allMentions, lang: lang, source: options.source, persons: persons)
        var assembler = EventAssembler(resolver: resolver, reference: referenceDate, persons: persons)
        assembler.assemble(frames)
        giveCountries(&assembler, home: home, lang: lang, allMentions: allMentions)
        persons = []
        let relations = readRelations(
            sentences, allMentions, assembler: assembler, home: home, tries: tries, resolver: resolver,
            reference: referenceDate)
        // A ceremony held for an anniversary of relations between two countries has both as its sides
        // ("the Embassy held a reception to mark the 65th anniversary of Vietnam-Russia diplomatic relations").
        for anniversary in relations.anniversaries where assembler.events[anniversary.event].kind == .ceremony {
            let parties = relations.partnerships[anniversary.partnership].parties.filter { !$0.hasPrefix("org:") }
            assembler.events[anniversary.event].sides = (assembler.events[anniversary.event].sides + parties).uniqued()
        }
        // "Lễ kỷ niệm 40 năm thiết lập quan hệ ngoại giao" of relations established in 1976, with no year
        // anywhere else: the celebration is in 2016, and the text is read again in that year. So too
        // "năm 2023, hai nước kỷ niệm 50 năm ...": the latest year the anniversary's sentence names.
        if reference?.year == nil, celebratedYear == nil,
            let year = relations.anniversaries.compactMap({ anniversary -> Int? in
                relations.partnerships[anniversary.partnership].established?.year.map { $0 + anniversary.years }
                    ?? allMentions[anniversary.sentence].dates.compactMap({ $0.to?.year ?? $0.from.year }).max()
            }).first
        {
            return try read(text, file: file, celebratedYear: year)
        }
        if reference?.year == nil, frames.contains(where: { $0.date != nil }) {
            notes.append(
                "the year of the dates is not stated and no publication date was given: they are kept without a year (give --published)"
            )
        }
        frames = []
        let digest = SHA256.hex(text.utf8)
        var builder = KnowledgeBaseBuilder(
            store: store, lang: lang, sentences: sentences, vocabulary: vocabulary,
            document: Document(
                id: "doc:" + String(digest.prefix(16)), title: title, lang: lang,
                published: options.published
                    ?? pageDate.flatMap { try? PartialDate(year: $0.year, month: $0.month, day: $0.day) },
                source: options.source, sha256: digest, text: text))
        return try builder.build(
            persons: assembler.persons, mentions: allMentions, events: assembler.events,
            partnerships: relations.partnerships, anniversaries: relations.anniversaries, notes: notes)
    }

    /// The article's sentences, and each one's line (its paragraph).
    static func sentences(of layout: Layout, tokenizer: Tokenizer) -> (sentences: [Sentence], lineOf: [Int]) {
        var sentences: [Sentence] = []
        var lineOf: [Int] = []
        for index in layout.article {
            let line = layout.lines[index]
            sentences += tokenizer.sentences(
                of: Array(line.text.unicodeScalars)[...], text: line.text, offset: line.start, firstIndex: sentences.count)
            lineOf += Array(repeating: index, count: sentences.count - lineOf.count)
        }
        return (sentences, lineOf)
    }

    /// The date years left out are read against: given, the page's own, the latest full date of the
    /// text, the year of an anniversary it celebrates, or a year the text gives away; each but the
    /// first two said in a note.
    func reference(
        pageDate: WrittenDate?, sentences: [Sentence], tries: Vocabulary.Tries, celebratedYear: Int?, notes: inout [String]
    ) -> WrittenDate? {
        var reference = options.published.map { WrittenDate(day: $0.day, month: $0.month, year: $0.year) } ?? pageDate
        if reference == nil, let written = PressReleaseReader.latestFullDate(sentences, tries) {
            reference = written
            notes.append(
                "no publication date: years left out are read against \(written.year!), the latest full date the text gives")
        }
        if reference == nil, let year = celebratedYear {
            reference = WrittenDate(year: year)
            notes.append(
                "no publication date: years left out are taken as \(year), the year of the anniversary the text celebrates")
        }
        if reference == nil, let year = evidenceYear(sentences, tries) {
            reference = WrittenDate(year: year)
            notes.append("no publication date: years left out are taken as \(year), from what the text says")
        }
        return reference
    }

    /// The names to know people by: a first reading finds those named with titles (and the knowledge
    /// base knows others); the main reading finds them again wherever their names recur.
    func namesToKnow(
        sentences: [Sentence], dates: [[DateMention]], commonWords: Set<String>, tries: Vocabulary.Tries, lang: String
    ) throws
        -> PhraseTrie<String>
    {
        var known = PhraseTrie<String>()
        for name in try knownPersonNames() { known.insert(Vocabulary.keys(name, keepDiacritics: false), name) }
        var firstReading = MentionFinder(vocabulary: vocabulary, tries: tries, knownPersons: known, vietnamese: lang == "vi")
        firstReading.personsOnly = true
        firstReading.commonWords = commonWords
        var documentNames: [String] = []
        for sentence in sentences {
            documentNames += firstReading.find(in: sentence, dates: dates[sentence.index]).persons.map(\.name).filter {
                $0.split(separator: " ").count >= 2
            }
        }
        for name in documentNames {
            known.insert(name.split(separator: " ").flatMap { Vocabulary.keys(String($0), keepDiacritics: false) }, name)
        }
        // Then by the last word of their name alone ("Chinh said", "Trudeau"), where only one has it.
        var lastWords: [String: [String]] = [:]
        for name in documentNames {
            if let last = name.folded.split(separator: " ").last, last.count >= 3 {
                lastWords[String(last), default: []].append(name)
            }
        }
        // In English, a distinctive inner word too ("Lula" of "Luiz Inácio Lula da Silva"); Vietnamese
        // names (a Vietnamese surname first) share their inner words ("Văn", "Minh") and are called by their last.
        if lang == "en" {
            for name in documentNames
            where !vocabulary.surnames.contains(name.folded.split(separator: " ").first.map(String.init) ?? "") {
                let words = name.split(separator: " ")
                for word in words.dropFirst().dropLast() where word.count >= 4 && word.first?.isUppercase == true {
                    lastWords[String(word).folded, default: []].append(name)
                }
            }
        }
        for (word, names) in lastWords where Set(names).count == 1 { known.insert([word], names[0]) }
        return known
    }

    /// Words the document writes in lower case somewhere (folded): no word of an untitled name is one of them.
    static func commonWords(of sentences: [Sentence]) -> Set<String> {
        Set(sentences.lazy.flatMap(\.tokens).filter { $0.isWord && !$0.isCapitalized }.map(\.folded))
    }

    /// A person the text names by one word only, with a title ("Secretary Kerry"), and in full
    /// elsewhere with none ("John Kerry will make his last trip"): the full name is theirs, where
    /// the text gives one full form of it (a capitalised word, no title, honorific or country,
    /// right before the one word).
    static func completeFamilyNames(
        _ persons: inout [DocumentPerson], sentences: [Sentence], commonWords: Set<String>, tries: Vocabulary.Tries
    ) {
        let oneWord = Dictionary(
            grouping: persons.indices.filter { !persons[$0].name.contains(" ") }, by: { persons[$0].name.folded })
        guard !oneWord.isEmpty else { return }
        var forms: [String: Set<String>] = [:]
        for sentence in sentences {
            let tokens = sentence.tokens
            for end in tokens.indices.dropFirst() where oneWord[tokens[end].folded] != nil && tokens[end].isCapitalized {
                let given = end - 1
                guard tokens[given].isWord, tokens[given].isCapitalized, tokens[end].spaced,
                    !commonWords.contains(tokens[given].folded),
                    given == 0 || !(tokens[given - 1].isWord && tokens[given - 1].isCapitalized),
                    tries.honorifics.longestMatch(in: tokens, at: given) == nil,
                    tries.countries.longestMatch(in: tokens, at: given) == nil,
                    tries.demonyms.longestMatch(in: tokens, at: given) == nil,
                    !tries.endsTitle(tokens, at: end)
                else { continue }
                forms[tokens[end].folded, default: []].insert(tokens[given].text + " " + tokens[end].text)
            }
        }
        for (word, indices) in oneWord where indices.count == 1 {
            if let found = forms[word], found.count == 1, let full = found.first { persons[indices[0]].name = full }
        }
    }

    /// Up to how many sentences a page keeps every sentence's tokens through the whole reading.
    static let sentencesWithTokensKept = 2_000

    /// The main reading, sentence by sentence: each one's mentions (its people registered among the
    /// document's) and event frames. Each sentence lets its dates go once read, and its tokens
    /// unless `keepTokens`.
    func readSentences(
        _ sentences: inout [Sentence], dates: inout [[DateMention]], lineOf: [Int], known: PhraseTrie<String>,
        commonWords: Set<String>, tries: Vocabulary.Tries, lang: String, keepTokens: Bool = false
    ) -> (persons: [DocumentPerson], mentions: [SentenceMentions], frames: [EventFrame]) {
        var finder = MentionFinder(vocabulary: vocabulary, tries: tries, knownPersons: known, vietnamese: lang == "vi")
        finder.commonWords = commonWords
        var persons: [DocumentPerson] = []
        var personNames = PersonNames()
        var allMentions: [SentenceMentions] = []
        allMentions.reserveCapacity(sentences.count)
        var frames: [EventFrame] = []
        let frameFinder = FrameFinder(vocabulary: vocabulary, tries: tries, english: lang == "en")
        var paragraphPlace: (line: Int, iso: String)?
        for position in sentences.indices {
            let sentence = sentences[position]
            // Its tokens are cut again when a later reading asks for them: a long page's are not all kept.
            if !keepTokens { sentences[position] = sentence.withoutTokens() }
            var mentions = finder.find(in: sentence, dates: dates[sentence.index])
            dates[sentence.index] = []
            var personIndex: [Int] = []
            for mention in mentions.persons {
                personIndex.append(
                    PressReleaseReader.register(
                        mention, sentence: sentence.index, in: &persons, known: &personNames,
                        surnames: vocabulary.surnames, tokens: sentence.tokens, innerWords: lang == "en"))
            }
            PressReleaseReader.addHoldersOfTitlesAlone(&mentions, &personIndex, persons)
            if let fronted = frameFinder.sentencePlace(sentence.tokens, mentions, before: 1) {
                for index in personIndex where persons[index].country == nil && !persons[index].name.isEmpty {
                    persons[index].country = fronted.iso
                }
            }
            let known = persons
            var found = frameFinder.frames(in: sentence, mentions: mentions, personIndex: personIndex) { known[$0].country }
            // "In Cambodia, X will hold talks ... X will pay calls to ...": the place that opens a paragraph's
            // sentence holds for the sentences after it in that paragraph.
            if let place = frameFinder.sentencePlace(sentence.tokens, mentions, before: 2) {
                paragraphPlace = (lineOf[sentence.index], place.iso)
            } else if let (line, iso) = paragraphPlace, line == lineOf[sentence.index] {
                for index in found.indices where found[index].places.isEmpty && !found[index].kind.isVisit {
                    found[index].places = [iso]
                }
            }
            frames += found
            allMentions.append(mentions)
        }
        return (persons, allMentions, frames)
    }

    /// "Tổng Bí thư, Chủ tịch nước hội kiến...": a title alone is the one person known to hold it.
    static func addHoldersOfTitlesAlone(
        _ mentions: inout SentenceMentions, _ personIndex: inout [Int], _ persons: [DocumentPerson]
    ) {
        for alone in mentions.titlesAlone {
            let roles = Set(alone.titles.map(\.role)).subtracting(["counterpart"])
            let country = alone.titles.compactMap(\.country).first
            let holders = persons.indices.filter { index in
                !roles.isEmpty && roles.allSatisfy { role in persons[index].titles.contains { $0.role == role } }
                    && (country == nil || persons[index].country == country)
            }
            guard holders.count == 1 else { continue }
            let mention = PersonMention(
                first: alone.first, end: alone.end, nameFirst: alone.end, nameEnd: alone.end,
                name: persons[holders[0]].name, titles: alone.titles, country: country)
            let at = mentions.persons.firstIndex { $0.first > alone.first } ?? mentions.persons.count
            mentions.persons.insert(mention, at: at)
            personIndex.insert(holders[0], at: at)
        }
    }

    /// The country of each person the text names without one, from their events and the sides of
    /// the document.
    func giveCountries(_ assembler: inout EventAssembler, home: String?, lang: String, allMentions: [SentenceMentions]) {
        /// Whether the person of `index` makes a visit (to `place`, when one is given): who travels to a place is not of it.
        func visits(_ index: Int, to place: String? = nil) -> Bool {
            assembler.events.contains { $0.kind.isVisit && $0.agents.contains(index) && place.map($0.places.contains) ?? true }
        }
        /// Whether the person of `index` meets, calls or talks with one person alone, of `country`: two officials
        /// of one country rarely hold a bilateral meeting ("Boris Johnson, the Foreign Secretary, met Rex
        /// Tillerson, the US Secretary of State"), so this one is not of it.
        func meetsOne(_ index: Int, of country: String) -> Bool {
            assembler.events.contains { event in
                [.meeting, .call].contains(event.kind.family) && event.people.count == 2 && event.people.contains(index)
                    && event.people.contains { $0 != index && assembler.persons[$0].country == country }
            }
        }
        // A foreign person of no stated country is of the one country their events take place in. Not a visitor,
        // nor one at a gathering there ("met Y in Bali on the sidelines of the G20 Summit": both came to it).
        for index in assembler.persons.indices where assembler.persons[index].country == nil {
            let visiting =
                visits(index) || assembler.events.contains { $0.kind.family == .multilateral && $0.people.contains(index) }
            let places = Set(assembler.events.filter { $0.people.contains(index) }.flatMap(\.places)).subtracting(
                [home].compactMap { $0 })
            if places.count == 1, let place = places.first, !visiting, !meetsOne(index, of: place) {
                assembler.persons[index].country = place
            }
        }
        // In a document about two countries, a person of no stated country who does not travel is of the other one.
        // In an English release of the home side's own publisher, an official named without a country is its own.
        let ownRelease = lang == "en" && home != nil && HomeSide.publisherCountry(options.source) == home
        let named = Set(allMentions.flatMap { $0.allCountries.map(\.iso) })
        if named.count == 2, let home, named.contains(home), let other = named.subtracting([home]).first {
            for index in assembler.persons.indices
            where assembler.persons[index].country == nil
                && !assembler.persons[index].titles.contains(where: { $0.organization != nil })
                && !(ownRelease && assembler.persons[index].titles.contains(where: { $0.role != "counterpart" }))
                && !visits(index) && !meetsOne(index, of: other)
            {
                assembler.persons[index].country = other
            }
            // Who visits the home side is of the other one ("FM Bilawal will visit China", on a page of China's).
            for index in assembler.persons.indices where assembler.persons[index].country == nil && visits(index, to: home) {
                assembler.persons[index].country = other
            }
        }
        // The speaking side names its own officials without their country ("President Lula", "Thủ tướng Phạm Minh Chính"):
        // an official still of no country is of the home side.
        // (Not one who visits the home side: who travels to a place is not of it.)
        if let home {
            for index in assembler.persons.indices
            where assembler.persons[index].country == nil
                && assembler.persons[index].titles.contains(where: { $0.role != "counterpart" && $0.organization == nil })
                && !visits(index, to: home) && !meetsOne(index, of: home)
            {
                assembler.persons[index].country = home
            }
        }
    }

    /// Partnerships and anniversaries, sentence by sentence, with the events each sentence tells of.
    func readRelations(
        _ sentences: [Sentence], _ allMentions: [SentenceMentions], assembler: EventAssembler, home: String?,
        tries: Vocabulary.Tries, resolver: YearResolver, reference referenceDate: PartialDate?
    ) -> RelationFinder {
        var relations = RelationFinder(
            vocabulary: vocabulary, tries: tries, resolver: resolver, reference: referenceDate, home: home)
        let documentPair = PressReleaseReader.mainPair(assembler, home: home) ?? HomeSide.pair(allMentions, home: home)
        // Each sentence's events, and the last event of two sides begun in it: one pass over the
        // events, not one for each sentence.
        var eventsOf = [[Int]](repeating: [], count: sentences.count)
        var lastBegun = [Int?](repeating: nil, count: sentences.count)
        var pairs: [Int: [String]] = [:]
        for index in assembler.events.indices {
            for sentence in assembler.events[index].sentences where eventsOf[sentence].last != index {
                eventsOf[sentence].append(index)
            }
            if let first = assembler.events[index].sentences.min(), let pair = relations.pair(of: [index], assembler) {
                lastBegun[first] = index
                pairs[index] = pair
            }
        }
        var recent: Int?
        for sentence in sentences {
            let sentence = sentence.withTokens()
            // "hai nước" means the two sides the text was last telling of: those of the last event begun by now.
            if let begun = lastBegun[sentence.index], begun > recent ?? -1 { recent = begun }
            // ... or the two countries a sentence since named with a partnership.
            var told = recent.flatMap { pairs[$0] }
            if let named = relations.lastNamedPair,
                named.sentence >= (recent.flatMap { assembler.events[$0].sentences.min() } ?? -1)
            {
                told = named.pair
            }
            relations.read(
                sentence, allMentions[sentence.index], events: eventsOf[sentence.index], assembler: assembler,
                documentPair: told ?? documentPair)
        }
        return relations
    }

    /// Names of the people the knowledge base knows, in every form it knows them.
    func knownPersonNames() throws -> [String] {
        guard let store else { return [] }
        return try store.personNames().filter { $0.split(separator: " ").count >= 2 }
    }

    /// Adds a mention to the document's people: the same name (or a run of two or more of its
    /// words) is the same person.
    static func register(
        _ mention: PersonMention, sentence: Int, in persons: inout [DocumentPerson], known: inout PersonNames,
        surnames: Set<String>, tokens: [Token], innerWords: Bool = false
    ) -> Int {
        let words = mention.name.folded.split(separator: " ").map(String.init)
        // "Premier Li" after "Li Qiang" (Premier); "Prime Minister Kishida" after "KISHIDA Fumio" (Prime Minister)
        // and "KISHIDA Yuko": the one of that name who holds that title.
        // (Asked only when the name is not found otherwise.)
        func titledNamesake() -> Int? {
            guard words.count == 1, !mention.titles.isEmpty else { return nil }
            let namesakes = known.all(among: words) { $0.count >= 2 && ($0.first == words[0] || $0.last == words[0]) }
            return namesakes.filter { index in
                persons[index].titles.contains { held in mention.titles.contains { $0.role == held.role } }
            }.onlyElement
        }
        // "PM Chinh", "Albanese": one word of a name already met is that person; a full name
        // met after its short form completes it.
        let byName: Int? =
            known.first(among: words) { sameName($0, words) }
            // "Jokowi" after "Joko Widodo (Jokowi)": the short name given in brackets.
            ?? (words.count == 1 ? known.person(nicknamed: words[0]) : nil)
            ?? (words.count == 1 && !words[0].isEmpty ? known.first(among: words) { $0.last == words[0] } : nil)
            // "Prime Minister Tanaka" after "Tanaka Hiroshi": a name written family name first is
            // called by its first word, where only one name begins with it; not a Vietnamese
            // surname ("Phạm" of "Phạm Văn Hùng": a Vietnamese name is called by its last word).
            ?? (words.count == 1 && words[0].count >= 3 && !surnames.contains(words[0])
                ? known.only(among: words) { $0.count >= 2 && $0.first == words[0] } : nil)
        let index: Int? =
            byName ?? titledNamesake()
            ?? (words.count >= 2 ? known.first(among: [words[words.count - 1]]) { $0.count == 1 && $0.first == words.last } : nil)
            // ... or its first word ("FM Bilawal", then "Bilawal Bhutto Zardari"), as above.
            ?? (words.count >= 2 && !surnames.contains(words[0])
                ? known.only(among: [words[0]]) { $0.count == 1 && $0.first == words[0] } : nil)
            // "Jokowi" after "Joko “Jokowi” Widodo": the nickname a full name gave in quotes; in English,
            // "Lula" after "Luiz Inácio Lula da Silva": an inner word.
            ?? (words.count == 1
                ? known.first(among: words) { _ in true }.flatMap {
                    nicknames(in: persons[$0].name).contains(words[0])
                        || (innerWords && words[0].count >= 4 && !surnames.contains(known.words[$0].first ?? "")
                            && known.words[$0].dropFirst().dropLast().contains(words[0]))
                        ? $0 : nil
                }
                : nil)
        var person = index.map { persons[$0] } ?? DocumentPerson(name: mention.name, titles: [], country: nil, sentences: [])
        // The list's copy of the sentences let go, so that adding one below does not copy them all.
        if let index { persons[index].sentences = [] }
        if words.count > person.name.split(separator: " ").count, index != nil { person.name = mention.name }
        for title in mention.titles
        where !person.titles.contains(where: { $0.role == title.role && ($0.country == title.country || title.country == nil) }) {
            person.titles.append(title)
        }
        if person.country == nil {
            person.country = mention.titles.compactMap(\.country).first
        }
        if person.country == nil, let first = words.first, surnames.contains(first), (2...4).contains(words.count),
            !mention.name.contains("-")
        {
            person.country = "VN"
        }
        // Sentences are registered in order: one after the last is new.
        if person.sentences.last.map({ $0 < sentence }) ?? true || !person.sentences.contains(sentence) {
            person.sentences.append(sentence)
        }
        let registered: Int
        if let index {
            if person.name != persons[index].name { known.set(index, name: person.name) }
            persons[index] = person
            registered = index
        } else {
            persons.append(person)
            registered = persons.count - 1
            known.set(registered, name: person.name)
        }
        // "Joko Widodo (Jokowi)": one word in brackets right after a name of two or more is what the text calls them.
        let after = mention.nameEnd
        if words.count >= 2, after + 2 < tokens.count, tokens[after].text == "(", tokens[after + 2].text == ")",
            tokens[after + 1].isWord, tokens[after + 1].isCapitalized
        {
            known.nickname(tokens[after + 1].folded, of: registered)
        }
        return registered
    }

    /// The words a name gives in quotes, folded: "Joko “Jokowi” Widodo" -> ["jokowi"].
    static func nicknames(in name: String) -> [String] {
        // Compared, not hashed: a name is read here for every mention of it.
        name.split(whereSeparator: { "“”\"‘’".contains($0) }).enumerated().filter { $0.offset % 2 == 1 }
            .map { String($0.element).folded }
    }

    /// Equal, or the shorter (two words or more) is a run inside the longer ("Raul Castro" ~ "Raul Castro Ruz"),
    /// or the same first and last words with an initial for a middle one ("Michael R. Pompeo" ~ "Michael Richard
    /// Pompeo") or middle ones left out ("João Lourenço" ~ "João Manuel Gonçalves Lourenço"), the longer
    /// perhaps with a second family name after them ("Miguel Díaz-Canel" ~ "Miguel Mario Díaz-Canel Bermúdez").
    static func sameName(_ a: [String], _ b: [String]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        if a == b { return true }
        if a.count == b.count, a.count >= 3, a.first == b.first, a.last == b.last,
            zip(a, b).allSatisfy({ $0 == $1 || ($0.count == 1 && $1.hasPrefix($0)) || ($1.count == 1 && $0.hasPrefix($1)) })
        {
            return true
        }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard short.count >= 2 else { return false }
        if short.first == long.first, short.last == long.last || (long.count >= 3 && short.last == long[long.count - 2]) {
            var rest = long.dropFirst()[...]
            if short.dropFirst().allSatisfy({ word in
                guard let at = rest.firstIndex(of: word) else { return false }
                rest = rest[(at + 1)...]
                return true
            }) {
                return true
            }
        }
        return (0...(long.count - short.count)).contains { Array(long[$0..<($0 + short.count)]) == short }
    }

    /// The article's lines joined, as far as `language(of:)` and `hasDiacritics(_:)` look (1,500
    /// characters, 4,000 scalars): a long page is not copied whole for them.
    static func opening(_ layout: Layout) -> String {
        var text = ""
        var characters = 0
        var scalars = 0
        for (position, index) in layout.article.enumerated() {
            let line = layout.lines[index].text
            if position > 0 { text += "\n" }
            text += line
            // A line break is a character of its own: the characters before it stay as they are.
            characters += line.count + 1
            scalars += line.unicodeScalars.count + 1
            if characters > 1_500 && scalars > 4_000 { break }
        }
        return text
    }

    /// Vietnamese or English, by their commonest words.
    static func language(of text: String) -> String {
        var vi = 0
        var en = 0
        for word in String(text.prefix(1_500)).folded.split(separator: " ") {
            if commonVietnamese.contains(word) { vi += 1 }
            if commonEnglish.contains(word) { en += 1 }
        }
        return vi > en ? "vi" : "en"
    }

    private static let commonVietnamese: Set<Substring> = [
        "va", "cua", "cac", "nhung", "voi", "trong", "la", "duoc", "cho", "nguoi", "mot", "nay", "da", "se", "tai", "hai",
        "nuoc", "quan", "he",
    ]
    private static let commonEnglish: Set<Substring> = [
        "the", "of", "and", "to", "in", "with", "on", "for", "is", "was", "will", "a", "an", "that", "by", "as", "at",
    ]

    /// Whether Vietnamese is written with its diacritics.
    static func hasDiacritics(_ text: String) -> Bool {
        var letters = 0
        var marked = 0
        for scalar in text.unicodeScalars.prefix(4_000) where Folding.base(of: scalar).map({ $0 != " " }) ?? true {
            letters += 1
            if scalar.value >= 0xC0 { marked += 1 }
        }
        return letters > 0 && Double(marked) / Double(letters) > 0.03
    }

    /// The latest date the article writes in full ("from 28 to 29 September 2016"): evidence of its
    /// year. Not the first: a page tells its history in full dates and rarely its future, so the
    /// latest is the nearest to the day it was written; and not the day relations were established
    /// ("thiết lập quan hệ ngoại giao ngày 25/3/1971"), which is history however late it comes.
    static func latestFullDate(_ sentences: [Sentence], _ tries: Vocabulary.Tries) -> WrittenDate? {
        var latest: WrittenDate?
        for sentence in sentences where sentence.tokens.contains(where: { DateScanner.year($0) != nil }) {
            for date in DateScanner.scan(sentence.tokens) where !date.since {
                var written: WrittenDate?
                if let to = date.to, to.day != nil, to.year != nil {
                    written = WrittenDate(day: to.day, month: to.month ?? date.from.month, year: to.year)
                } else if date.from.day != nil, date.from.year != nil {
                    written = date.from
                }
                guard let written, !establishes(sentence.tokens, before: date.first, tries) else { continue }
                if latest.map({ ($0.year!, $0.month ?? 0, $0.day!) < (written.year!, written.month ?? 0, written.day!) })
                    ?? true
                {
                    latest = written
                }
            }
        }
        return latest
    }

    /// The index after a bracketed short name that follows a name ("... Thái Bình Dương (APEC) 2024").
    static func skippingBrackets(_ tokens: [Token], from index: Int) -> Int {
        guard index < tokens.count, tokens[index].text == "(",
            let close = tokens[index..<min(tokens.count, index + 5)].firstIndex(where: { $0.text == ")" })
        else { return index }
        return close + 1
    }

    /// Whether the words just before a date say relations were established then: a level of
    /// relations and a word of establishing, both within a dozen words.
    static func establishes(_ tokens: [Token], before index: Int, _ tries: Vocabulary.Tries) -> Bool {
        var level = false
        var established = false
        var position = max(0, index - 12)
        while position < index {
            if tries.levels.longestMatch(in: tokens, at: position) != nil { level = true }
            if let cue = tries.relationCues.longestMatch(in: tokens, at: position), cue.value == .established {
                established = true
            }
            position += 1
        }
        return level && established
    }

    /// A year the text gives away: the 79th session of the UN General Assembly is in 2024; "APEC
    /// 2024", "ASEAN 2020": a year written after an organisation's name is the year of its meetings.
    func evidenceYear(_ sentences: [Sentence], _ tries: Vocabulary.Tries) -> Int? {
        for sentence in sentences {
            let tokens = sentence.tokens
            for start in tokens.indices {
                if let organization = tries.knownOrganization(tokens, at: start),
                    case let after = PressReleaseReader.skippingBrackets(tokens, from: organization.end),
                    after < tokens.count, let year = DateScanner.year(tokens[after])
                {
                    return year
                }
                guard let match = tries.series.longestMatch(in: tokens, at: start),
                    let first = vocabulary.series[match.value].firstSessionYear
                else { continue }
                // "khóa 79", "lần thứ 79" after; "79th session of the" before.
                for index in match.end..<min(tokens.count, match.end + 4) {
                    if let number = tokens[index].number, number < 200 { return first + number - 1 }
                }
                for index in max(0, start - 6)..<start {
                    if let number = tokens[index].number, number < 200, index + 1 < tokens.count,
                        DateScanner.ordinalSuffixes.contains(tokens[index + 1].folded)
                    {
                        return first + number - 1
                    }
                }
            }
        }
        return nil
    }

    /// The two sides the document is mostly about: the country of its events' main people and
    /// the other country they meet or visit.
    static func mainPair(_ assembler: EventAssembler, home: String?) -> [String]? {
        var counts: [[String]: Int] = [:]
        for event in assembler.events {
            let sides =
                (event.agents.compactMap { assembler.persons[$0].country } + event.places
                + event.counterparts.compactMap { assembler.persons[$0].country }).uniqued()
            if sides.count == 2 { counts[sides.sorted(), default: 0] += 1 }
        }
        return counts.max { $0.value < $1.value }?.key
    }
}
