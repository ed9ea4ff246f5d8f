import DiploModel
import DiploStore
import Foundation

/// Phrases of several words, found in a run of tokens by their keys, longest first.
///
/// A value, its nodes numbered (0 the root) and every edge kept in one table open-addressed by its
/// parent and the hash its key carries: a lookup hashes nothing and, being a struct's, needs none
/// of the run-time exclusivity checks a class's mutable storage costs on every read (they were a
/// twelfth of the reader's instructions).
struct PhraseTrie<Value> {
    private struct Edge {
        var parent: Int32
        var child: Int32
        var text: String
    }

    /// The value of the phrase that ends at each node.
    private var values: [Value?] = [nil]
    /// Each slot's edge hash (0 where it is empty) apart from its edge: most lookups find no
    /// phrase, and probing eight bytes a slot keeps the table in the cache.
    private var hashes = [Int](repeating: 0, count: 64)
    private var edges = [Edge](repeating: Edge(parent: 0, child: 0, text: ""), count: 64)
    private var edgeCount = 0

    /// The edge's hash, from its parent and its key's; never 0.
    private static func hash(_ parent: Int32, _ key: HashedKey) -> Int {
        let mixed = (key.hash ^ (Int(parent) &* -7_046_029_254_386_353_131)) &* -4_658_895_280_553_007_687
        let spread = mixed ^ (mixed >> 29)
        return spread == 0 ? 1 : spread
    }

    private func child(_ parent: Int32, _ key: HashedKey) -> Int32? {
        let hash = Self.hash(parent, key)
        let mask = hashes.count - 1
        var slot = hash & mask
        while hashes[slot] != 0 {
            if hashes[slot] == hash && edges[slot].parent == parent && edges[slot].text == key.text {
                return edges[slot].child
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private mutating func addChild(_ parent: Int32, _ key: HashedKey) -> Int32 {
        if let existing = child(parent, key) { return existing }
        if (edgeCount + 1) * 2 > hashes.count { grow() }
        let node = Int32(values.count)
        values.append(nil)
        put(Self.hash(parent, key), Edge(parent: parent, child: node, text: key.text))
        return node
    }

    private mutating func put(_ hash: Int, _ edge: Edge) {
        let mask = hashes.count - 1
        var slot = hash & mask
        while hashes[slot] != 0 { slot = (slot + 1) & mask }
        hashes[slot] = hash
        edges[slot] = edge
        edgeCount += 1
    }

    private mutating func grow() {
        let old = (hashes, edges)
        hashes = [Int](repeating: 0, count: old.0.count * 2)
        edges = [Edge](repeating: Edge(parent: 0, child: 0, text: ""), count: old.0.count * 2)
        edgeCount = 0
        for slot in old.0.indices where old.0[slot] != 0 { put(old.0[slot], old.1[slot]) }
    }

    /// Adds a phrase, already cut into token keys; a phrase added twice keeps its first value.
    mutating func insert(_ keys: [String], _ value: Value) {
        guard !keys.isEmpty else { return }
        var node: Int32 = 0
        for key in keys { node = addChild(node, HashedKey(key)) }
        if values[Int(node)] == nil { values[Int(node)] = value }
    }

    /// The longest phrase starting at `start`: its value and the index after its last token.
    /// (Keys are read by closures, not key paths: a key path into the forms' class checks exclusivity.)
    func longestMatch(in tokens: [Token], at start: Int) -> (value: Value, end: Int)? {
        longestMatch(in: tokens, at: start, hashedKey: { $0.forms.hashedKey })
    }

    /// The same, each token matched by the key `key` gives it.
    func longestMatch(in tokens: [Token], at start: Int, key: (Token) -> String) -> (value: Value, end: Int)? {
        longestMatch(in: tokens, at: start) { HashedKey(key($0)) }
    }

    /// The same, by a key already hashed (one the token's forms keep).
    func longestMatch(in tokens: [Token], at start: Int, hashedKey: (Token) -> HashedKey) -> (
        value: Value, end: Int
    )? {
        var node: Int32 = 0
        var best: (Value, Int)?
        var index = start
        while index < tokens.count, let next = child(node, hashedKey(tokens[index])) {
            node = next
            index += 1
            if let value = values[Int(node)] { best = (value, index) }
        }
        return best
    }
}

extension PhraseTrie: Sendable where Value: Sendable {}

/// A token's key with its hash worked out once: a trie asks for the same keys again and again, and
/// hashing a string (normalising Vietnamese letters as it goes) was a fifth of the reader's time.
struct HashedKey {
    let text: String
    let hash: Int

    init(_ text: String) {
        self.text = text
        self.hash = text.hashValue
    }
}
