import DiploModel
import Testing

@testable import DiploImport

/// The first stage of the press-release reader: a line cut into tokens (words, numbers,
/// punctuation, each with where it stands and the forms it is matched by) and sentences.
@Suite struct TokenizerTests {
    func sentences(_ line: String, keepDiacritics: Bool = true, offset: Int = 0) -> [Sentence] {
        Tokenizer(keepDiacritics: keepDiacritics).sentences(
            of: Array(line.unicodeScalars)[...], text: line, offset: offset, firstIndex: 0)
    }

    func tokens(_ text: String, keepDiacritics: Bool = true, offset: Int = 0) -> [Token] {
        Tokenizer(keepDiacritics: keepDiacritics).tokens(of: Array(text.unicodeScalars)[...], offset: offset)
    }

    /// Tokens written alike share their forms; a word written composed and decomposed keeps each
    /// spelling as its text, with the same key and folded form.
    @Test func tokensWrittenAlikeShareFormsAndEachSpellingKeepsItsText() {
        let composed = "Vi\u{1EC7}t"
        let decomposed = "Vie\u{0323}\u{0302}t"
        let words = tokens("\(composed) \(decomposed) \(composed)")
        #expect(words.map { Array($0.text.utf8) } == [Array(composed.utf8), Array(decomposed.utf8), Array(composed.utf8)])
        #expect(words[0].forms === words[2].forms)
        #expect(words[0].forms !== words[1].forms)
        #expect(words.map(\.folded) == ["viet", "viet", "viet"])
        #expect(Set(words.map(\.key)).count == 1)
    }

    @Test func aFullStopEndsASentenceButNotAnAbbreviationOrAnInitial() {
        let line =
            "Ông Trần Văn Hải gặp Mr. Kenji Sato và ông A. Lee tại TP. Hồ Chí Minh. U.S. President Anna Berg đến sau. Hết!"
        #expect(
            sentences(line).map(\.text) == [
                "Ông Trần Văn Hải gặp Mr. Kenji Sato và ông A. Lee tại TP. Hồ Chí Minh.",
                "U.S. President Anna Berg đến sau.", "Hết!",
            ])
    }

    @Test func anInitialRunIntoTheNameEndsNoSentence() {
        // "Kh.Battulga": no space either side of the full stop; a run-on sentence end after a longer word still cuts.
        #expect(
            sentences("On September 17, President Kh.Bold received them. The envoys.Then they left.").map(\.text) == [
                "On September 17, President Kh.Bold received them.", "The envoys.", "Then they left.",
            ])
    }

    @Test func aSentenceEndsOnlyBeforeWhatStartsAnother() {
        // A lower-case word after a full stop goes on the sentence; a number or a capital starts the next;
        // a full stop between digits is inside a number.
        let line = "Đoàn về lúc 9 giờ. sau đó nghỉ. 2024 là năm tốt? Kinh tế tăng 6.8 phần trăm."
        #expect(
            sentences(line).map(\.text) == [
                "Đoàn về lúc 9 giờ. sau đó nghỉ.", "2024 là năm tốt?", "Kinh tế tăng 6.8 phần trăm.",
            ])
    }

    @Test func closingQuotesStayWithTheSentenceTheyClose() {
        let cut = sentences("Ông Kenji Sato nói: \"Xin chào.\" Bà Anna Berg (Thụy Điển) đáp lời.")
        #expect(cut.map(\.text) == ["Ông Kenji Sato nói: \"Xin chào.\"", "Bà Anna Berg (Thụy Điển) đáp lời."])
    }

    @Test func sentencesStandWhereTheirTextIsInTheDocument() {
        let line = "Hà Nội đón khách. Đoàn về."
        let cut = sentences(line, offset: 200)
        #expect(cut.map(\.index) == [0, 1])
        #expect(cut.map(\.start) == [200, 218])
        #expect(cut.map(\.end) == [217, 226])
        let scalars = Array(line.unicodeScalars)
        for sentence in cut {
            let slice = scalars[(sentence.start - 200)..<(sentence.end - 200)]
            #expect(String(String.UnicodeScalarView(slice)) == sentence.text)
            #expect(sentence.tokens.first?.start == sentence.start && sentence.tokens.last?.end == sentence.end)
        }
    }

    @Test func tokensHaveScalarOffsetsAndKnowTheSpaceBeforeThem() {
        let cut = tokens("Hà Nội, 19/9", offset: 100)
        #expect(cut.map(\.text) == ["Hà", "Nội", ",", "19", "/", "9"])
        #expect(cut.map(\.start) == [100, 103, 106, 108, 110, 111])
        #expect(cut.map(\.end) == [102, 106, 107, 110, 111, 112])
        #expect(cut.map(\.spaced) == [true, true, false, true, false, false])
        #expect(cut.map(\.kind) == [.word, .word, .punctuation, .number, .punctuation, .number])
        #expect(cut.map(\.number) == [nil, nil, nil, 19, nil, 9])
        // A letter and its combining mark are two scalars: offsets count scalars, not characters.
        let decomposed = tokens("Ha\u{0300} Nội")
        #expect(decomposed.map(\.text) == ["Ha\u{0300}", "Nội"])
        #expect(decomposed.map(\.start) == [0, 4])
        #expect(decomposed[0].folded == "ha")
    }

    @Test func keysKeepDiacriticsOrFoldThemAsTheMatchingModeSays() {
        let marked = tokens("Thăm ĐÀ NẴNG")
        #expect(marked.map(\.key) == ["thăm", "đà", "nẵng"])
        #expect(marked.map(\.folded) == ["tham", "da", "nang"])
        let folded = tokens("Thăm ĐÀ NẴNG", keepDiacritics: false)
        #expect(folded.map(\.key) == ["tham", "da", "nang"])
        #expect(folded.map(\.folded) == ["tham", "da", "nang"])
        // "thăm" (visit) and "tham" are told apart only with the diacritics kept.
        #expect(tokens("thăm tham").map(\.key) == ["thăm", "tham"])
        #expect(marked.map(\.isCapitalized) == [true, true, true])
        #expect(tokens("tháng 9").map(\.isCapitalized) == [false, false])
    }

    @Test func hyphensAndSlashesAreTokensOfTheirOwn() {
        let cut = tokens("Jean-Luc Moreau, 21-27/9/2024 và Việt Nam–Nhật Bản")
        #expect(
            cut.map(\.text) == [
                "Jean", "-", "Luc", "Moreau", ",", "21", "-", "27", "/", "9", "/", "2024", "và", "Việt", "Nam", "–", "Nhật",
                "Bản",
            ])
        #expect(cut[1].isDash && cut[6].isDash && cut[15].isDash)
        #expect(cut[8].is("/") && !cut[8].isDash)
        // Joined with no space on either side.
        #expect(cut[1].spaced == false && cut[2].spaced == false)
    }

    @Test func apostrophesInsideWordsAndEllipsesAreOneToken() {
        let cut = tokens("Côte d'Ivoire's envoy Japan’s… then... O'Neil")
        #expect(cut.map(\.text) == ["Côte", "d'Ivoire's", "envoy", "Japan’s", "…", "then", "...", "O'Neil"])
        #expect(cut.map(\.kind) == [.word, .word, .word, .word, .punctuation, .word, .punctuation, .word])
        #expect(cut[1].folded == "divoires")
    }

    @Test func tokensWrittenAlikeShareTheirForms() {
        let tokenizer = Tokenizer(keepDiacritics: true)
        let first = tokenizer.tokens(of: Array("Hà Nội".unicodeScalars)[...], offset: 0)
        let again = tokenizer.tokens(of: Array("về Hà Nội".unicodeScalars)[...], offset: 50)
        #expect(first[0].forms === again[1].forms)
        #expect(again[1].start == 53 && again[2].end == 59)
    }

    @Test func aSentenceCutAfterAFullStopWithNoSpaceStillStartsAtItsWord() {
        let cut = sentences("Ông Kenji Sato đến Hà Nội.Ngày mai ông về.")
        #expect(cut.map(\.text) == ["Ông Kenji Sato đến Hà Nội.", "Ngày mai ông về."])
        #expect(cut[1].tokens[0].spaced == false)
        #expect(cut[1].withoutTokens().tokens.map(\.text) == cut[1].tokens.map(\.text))
    }
}
