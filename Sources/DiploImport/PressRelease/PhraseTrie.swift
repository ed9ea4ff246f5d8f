import DiploModel
import DiploStore
import Foundation

/// Phrases of several words, found in a run of tokens by their keys, longest first.
struct PhraseTrie<Value> {
    private final class Node {
        var children: [String: Node] = [:]
        var value: Value?
    }

    private let root = Node()

    /// Adds a phrase, already cut into token keys; a phrase added twice keeps its first value.
    func insert(_ keys: [String], _ value: Value) {
        guard !keys.isEmpty else { return }
        var node = root
        for key in keys {
            if let next = node.children[key] {
                node = next
            } else {
                let next = Node()
                node.children[key] = next
                node = next
            }
        }
        if node.value == nil { node.value = value }
    }

    /// The longest phrase starting at `start`: its value and the index after its last token.
    func longestMatch(in tokens: [Token], at start: Int, key: (Token) -> String = { $0.key }) -> (value: Value, end: Int)? {
        var node = root
        var best: (Value, Int)?
        var index = start
        while index < tokens.count, let next = node.children[key(tokens[index])] {
            node = next
            index += 1
            if let value = node.value { best = (value, index) }
        }
        return best
    }
}
