extension Array where Element: Hashable {
    /// The elements in order, each once.
    public func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension Array where Element: Equatable {
    /// Appends, in order, each of `elements` that is not here yet.
    public mutating func appendMissing(_ elements: some Sequence<Element>) {
        for element in elements where !contains(element) { append(element) }
    }
}

extension Collection {
    /// The one element, or nil when there are none or several.
    public var onlyElement: Element? { count == 1 ? first : nil }
}
