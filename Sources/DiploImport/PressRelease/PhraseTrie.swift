import DiploModel
import DiploStore
import Foundation

/// Phrases of several words, found in a run of tokens by their keys, longest first.
struct PhraseTrie<Value> {
    private final class Node {
        var value: Value?
        // The children, open-addressed by the hash their key carries: a lookup hashes nothing. A
        // slot is empty where its hash is 0 (a key's hash of 0 is kept as 1).
        private var hashes: [Int] = []
        private var texts: [String] = []
        private var nodes: [Node?] = []
        private var count = 0

        func child(_ key: HashedKey) -> Node? {
            guard count > 0 else { return nil }
            let hash = key.hash == 0 ? 1 : key.hash
            let mask = hashes.count - 1
            var slot = hash & mask
            while hashes[slot] != 0 {
                if hashes[slot] == hash && texts[slot] == key.text { return nodes[slot] }
                slot = (slot + 1) & mask
            }
            return nil
        }

        func addChild(_ key: HashedKey) -> Node {
            if let existing = child(key) { return existing }
            if (count + 1) * 2 > hashes.count { grow() }
            let node = Node()
            put(key.hash == 0 ? 1 : key.hash, key.text, node)
            return node
        }

        private func put(_ hash: Int, _ text: String, _ node: Node) {
            let mask = hashes.count - 1
            var slot = hash & mask
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            hashes[slot] = hash
            texts[slot] = text
            nodes[slot] = node
            count += 1
        }

        private func grow() {
            let old = (hashes, texts, nodes)
            let capacity = max(4, hashes.count * 2)
            hashes = Array(repeating: 0, count: capacity)
            texts = Array(repeating: "", count: capacity)
            nodes = Array(repeating: nil, count: capacity)
            count = 0
            for slot in old.0.indices where old.0[slot] != 0 { put(old.0[slot], old.1[slot], old.2[slot]!) }
        }
    }

    private let root = Node()

    /// Adds a phrase, already cut into token keys; a phrase added twice keeps its first value.
    func insert(_ keys: [String], _ value: Value) {
        guard !keys.isEmpty else { return }
        var node = root
        for key in keys { node = node.addChild(HashedKey(key)) }
        if node.value == nil { node.value = value }
    }

    /// The longest phrase starting at `start`: its value and the index after its last token.
    func longestMatch(in tokens: [Token], at start: Int) -> (value: Value, end: Int)? {
        longestMatch(in: tokens, at: start, hashedKey: \.forms.hashedKey)
    }

    /// The same, each token matched by the key `key` gives it.
    func longestMatch(in tokens: [Token], at start: Int, key: (Token) -> String) -> (value: Value, end: Int)? {
        longestMatch(in: tokens, at: start) { HashedKey(key($0)) }
    }

    /// The same, by a key already hashed (one the token's forms keep).
    func longestMatch(in tokens: [Token], at start: Int, hashedKey: (Token) -> HashedKey) -> (
        value: Value, end: Int
    )? {
        var node = root
        var best: (Value, Int)?
        var index = start
        while index < tokens.count, let next = node.child(hashedKey(tokens[index])) {
            node = next
            index += 1
            if let value = node.value { best = (value, index) }
        }
        return best
    }
}

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
