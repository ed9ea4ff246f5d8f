import Foundation

/// Reads a press release or a saved news page into facts.
public struct PressReleaseReader {
    public let options: ImportOptions

    public init(options: ImportOptions) {
        self.options = options
    }

    public func read(_ text: String, file: String) throws -> KnowledgeBase {
        throw DiploError.unsupported("\(file): reading press releases is not built yet")
    }
}
