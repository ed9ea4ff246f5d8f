import Foundation

/// What goes wrong in Diplo, said in one sentence that names the file and place at fault.
public enum DiploError: Error, LocalizedError, Equatable {
    /// Input that cannot be imported: the file, the place in it (a JSON path, a line), and why.
    case badInput(file: String, place: String?, reason: String)
    case schemaTooNew(path: String, found: Int, known: Int)
    case notFound(String)
    case ambiguous(String, candidates: [String])
    case unsupported(String)

    public var errorDescription: String? {
        switch self {
        case let .badInput(file, place, reason):
            if let place { return "\(file): \(place): \(reason)" }
            return "\(file): \(reason)"
        case let .schemaTooNew(path, found, known):
            return "\(path) was written by a newer Diplo (schema version \(found); this diplo knows up to \(known)): upgrade diplo to open it."
        case let .notFound(name):
            return "Nothing in the knowledge base is called \"\(name)\"."
        case let .ambiguous(name, candidates):
            return "\"\(name)\" could be any of: \(candidates.joined(separator: "; ")). Give the full name or the id."
        case let .unsupported(message):
            return message
        }
    }
}
