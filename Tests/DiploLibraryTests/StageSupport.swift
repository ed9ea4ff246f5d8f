import DiploModel
import Foundation

@testable import DiploImport

/// Text read through the press-release reader's stages, built and called as
/// `PressReleaseReader.read` builds and calls them: the tokenizer and tries of the language's
/// matching mode, each sentence's dates, the first reading of names, then `readSentences` (the
/// mention finder, the people registered, the frame finder). Each line is a paragraph; a
/// reading of a few sentences takes milliseconds.
struct StageReading {
    let lang: Language
    let sentences: [Sentence]
    /// Each sentence's dates, as `DateScanner.scan` and `fillTextYears` read them.
    let dates: [[DateMention]]
    let persons: [DocumentPerson]
    let mentions: [SentenceMentions]
    let frames: [EventFrame]
    /// The mention finder of the main reading, made as `readSentences` makes it: what
    /// `mentions` holds before the reader adds the holders of titles named alone.
    let finder: MentionFinder

    init(_ text: String, lang: Language) throws {
        let reader = PressReleaseReader(options: ImportOptions(lang: lang))
        let keepDiacritics = StageReading.keepsDiacritics(text, lang: lang)
        let tries = reader.vocabulary.tries(keepDiacritics: keepDiacritics)
        let tokenizer = Tokenizer(keepDiacritics: keepDiacritics)
        var sentences: [Sentence] = []
        var lineOf: [Int] = []
        var offset = 0
        for (line, lineText) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(lineText.unicodeScalars)
            sentences += tokenizer.sentences(
                of: scalars[...], text: String(lineText), offset: offset, firstIndex: sentences.count)
            lineOf += Array(repeating: line, count: sentences.count - lineOf.count)
            offset += scalars.count + 1
        }
        var dates = sentences.map { DateScanner.scan($0.tokens) }
        DateScanner.fillTextYears(&dates)
        self.dates = dates
        let commonWords = PressReleaseReader.commonWords(of: sentences)
        let known = try reader.namesToKnow(
            sentences: sentences, dates: dates, commonWords: commonWords, tries: tries, lang: lang.rawValue)
        var finder = MentionFinder(
            vocabulary: reader.vocabulary, tries: tries, knownPersons: known, vietnamese: lang == .vi)
        finder.commonWords = commonWords
        self.finder = finder
        var read = sentences
        (persons, mentions, frames) = reader.readSentences(
            &read, dates: &dates, lineOf: lineOf, known: known, commonWords: commonWords, tries: tries, lang: lang.rawValue)
        self.lang = lang
        self.sentences = sentences
    }

    /// The reader's choice: Vietnamese written with its diacritics is matched with them.
    static func keepsDiacritics(_ text: String, lang: Language) -> Bool {
        lang == .vi && PressReleaseReader.hasDiacritics(text)
    }

    /// The tokens of one line, cut as the reader cuts them in the language's matching mode.
    static func tokens(_ text: String, lang: Language = .vi) -> [Token] {
        Tokenizer(keepDiacritics: keepsDiacritics(text, lang: lang)).tokens(of: Array(text.unicodeScalars)[...], offset: 0)
    }

    /// What the mention finder itself finds in a sentence, with the sentence's dates.
    func found(_ sentence: Int = 0) -> SentenceMentions { finder.find(in: sentences[sentence], dates: dates[sentence]) }

    /// The names of people of the document's person list.
    func names(_ indexes: [Int]) -> [String] { indexes.map { persons[$0].name } }

    /// Tokens first..<end of a sentence, as written.
    func text(_ sentence: Int, _ first: Int, _ end: Int) -> String { sentences[sentence].tokens.text(first, end) }

    /// The sentence's frames, in order, as "kind status agents -> counterparts @ places".
    func frameSummaries(_ sentence: Int? = nil) -> [String] {
        frames.filter { sentence == nil || $0.sentence == sentence }.map { frame in
            "\(frame.kind.rawValue) \(frame.status.rawValue) \(names(frame.agents)) -> \(names(frame.counterparts))"
                + " @ \(frame.places)"
        }
    }
}
