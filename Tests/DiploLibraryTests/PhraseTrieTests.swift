import DiploModel
import Testing

@testable import DiploImport

/// The reader's phrase lists (countries, titles, cues ...): phrases of token keys, the longest
/// one found at a place in a sentence.
@Suite struct PhraseTrieTests {
    func tokens(_ text: String) -> [Token] { StageReading.tokens(text, lang: .en) }

    @Test func theLongestPhraseAtAPlaceWinsAndEndsWhereItEnds() {
        var trie = PhraseTrie<String>()
        trie.insert(["prime", "minister"], "pm")
        trie.insert(["prime", "minister", "of", "state"], "too long")
        trie.insert(["deputy", "prime", "minister"], "dpm")
        let words = tokens("the deputy prime minister of Laos met the prime minister")
        #expect(trie.longestMatch(in: words, at: 1).map { [$0.value, String($0.end)] } == ["dpm", "4"])
        // "prime minister of" runs on past the shorter phrase but never completes the longer one.
        #expect(trie.longestMatch(in: words, at: 2).map { [$0.value, String($0.end)] } == ["pm", "4"])
        #expect(trie.longestMatch(in: words, at: 8).map { [$0.value, String($0.end)] } == ["pm", "10"])
        #expect(trie.longestMatch(in: words, at: 0) == nil)
        #expect(trie.longestMatch(in: words, at: 9) == nil)
    }

    @Test func aPhraseAddedTwiceKeepsItsFirstValue() {
        var trie = PhraseTrie<Int>()
        trie.insert(["viet", "nam"], 1)
        trie.insert(["viet", "nam"], 2)
        trie.insert([], 3)
        #expect(trie.longestMatch(in: tokens("Viet Nam"), at: 0)?.value == 1)
    }

    @Test func aWordOnlyMatchesUnderTheWordsBeforeIt() {
        // "minister" follows "prime" in one phrase; alone it is no phrase, nor after another word.
        var trie = PhraseTrie<String>()
        trie.insert(["prime", "minister"], "pm")
        trie.insert(["foreign"], "adjective")
        #expect(trie.longestMatch(in: tokens("minister"), at: 0) == nil)
        #expect(
            trie.longestMatch(in: tokens("foreign minister"), at: 0).map { [$0.value, String($0.end)] } == ["adjective", "1"])
    }

    @Test func thousandsOfPhrasesAreAllFoundAfterTheTableGrows() {
        var trie = PhraseTrie<Int>()
        for number in 0..<5_000 { trie.insert(["word\(number % 97)", "name\(number)"], number) }
        for number in stride(from: 0, to: 5_000, by: 7) {
            #expect(trie.longestMatch(in: tokens("word\(number % 97) name\(number)"), at: 0)?.value == number)
        }
        #expect(trie.longestMatch(in: tokens("word1 name2"), at: 0) == nil)
    }

    @Test func aClosureGivesTheKeyEachTokenIsMatchedBy() {
        var trie = PhraseTrie<String>()
        trie.insert(["zimbabwe"], "ZW")
        let words = tokens("Zimbabwe's minister")
        #expect(trie.longestMatch(in: words, at: 0) == nil)
        #expect(trie.longestMatch(in: words, at: 0, hashedKey: { $0.forms.possessiveKey })?.value == "ZW")
    }
}
