/// The folded words of the document's people's names, each person found by its words: who is
/// met again is looked up among those sharing a word with the name, not among every person (a
/// page of many thousands of sentences would fold every name again for each mention).
struct PersonNames {
    /// Each person's name, folded, in words: index for index with the document's people.
    private(set) var words: [[String]] = []
    /// The people each word is (or was) in the name of.
    private var byWord: [String: [Int]] = [:]

    /// The first person (in the document's order) who has one of `words` in their name and
    /// whose name's words satisfy `test`: what `words.firstIndex(where: test)` finds, where
    /// `test` holds only for names sharing a word with `words`.
    func first(among words: [String], where test: ([String]) -> Bool) -> Int? {
        var best: Int?
        for word in words {
            for index in byWord[word] ?? [] where best.map({ index < $0 }) ?? true && test(self.words[index]) {
                best = index
            }
        }
        return best
    }

    /// The one person who has one of `words` in their name and whose name's words satisfy
    /// `test`; nil when none or several do.
    func only(among words: [String], where test: ([String]) -> Bool) -> Int? {
        var found: Int?
        for word in words {
            for index in byWord[word] ?? [] where index != found && test(self.words[index]) {
                guard found == nil else { return nil }
                found = index
            }
        }
        return found
    }

    /// Every person who has one of `words` in their name and whose name's words satisfy `test`,
    /// in the document's order.
    func all(among words: [String], where test: ([String]) -> Bool) -> [Int] {
        Set(words.flatMap { byWord[$0] ?? [] }).filter { test(self.words[$0]) }.sorted()
    }

    /// The short names a text gives in brackets after a full name ("Joko Widodo (Jokowi)"), folded.
    private var nicknames: [String: Int] = [:]

    /// The person a text called by `word` in brackets after their full name.
    func person(nicknamed word: String) -> Int? { nicknames[word] }

    /// Records that person `index` is called `word` (folded), unless another already is.
    mutating func nickname(_ word: String, of index: Int) {
        if nicknames[word] == nil { nicknames[word] = index }
    }

    /// Sets the name of person `index` (a new one when it is the next index).
    mutating func set(_ index: Int, name: String) {
        let folded = name.folded.split(separator: " ").map(String.init)
        if index == words.count { words.append(folded) } else { words[index] = folded }
        for word in folded where byWord[word]?.contains(index) != true { byWord[word, default: []].append(index) }
    }
}
