import Foundation

/// What goes wrong in Diplo, said in one sentence that names the file and place at fault.
public enum DiploError: Error, LocalizedError, Equatable {
    /// Input that cannot be imported: the file, the place in it (a JSON path, a line), and why.
    case badInput(file: String, place: String?, reason: String)
    case schemaTooNew(path: String, found: Int, known: Int)
    case notFound(String)
    case ambiguous(String, candidates: [String])
    /// `--db` (or $DIPLO_DB) names no file and the command only reads.
    case noKnowledgeBase(path: String)
    /// A SQLite file that some other program made.
    case notADiploDatabase(path: String)
    /// A value given for an option that is not one of those Diplo knows.
    case unknownValue(String, noun: String, known: [String])
    /// An outside program a command needs is not installed.
    case missingTool(tool: String, purpose: String, install: String)
    /// An outside program failed.
    case toolFailed(tool: String, status: Int32)
    /// Output that could not be written: a full disk, a closed pipe.
    case cannotWrite(String, reason: String)
    /// `diplo demo` found no SampleData folder.
    case noSampleData

    /// The file a bad input names ("" for other errors).
    public var file: String {
        if case let .badInput(file, _, _) = self { return file }
        return ""
    }

    public var errorDescription: String? {
        switch self {
        case let .badInput(file, place, reason):
            if let place { return "\(file): \(place): \(reason)" }
            return "\(file): \(reason)"
        case let .schemaTooNew(path, found, known):
            return
                "\(path) was written by a newer Diplo (schema version \(found); this diplo knows up to \(known)): upgrade diplo to open it."
        case let .notFound(name):
            return "Nothing in the knowledge base is called \"\(name)\"."
        case let .ambiguous(name, candidates):
            return "\"\(name)\" could be any of: \(candidates.joined(separator: "; ")). Give the full name or the id."
        case let .noKnowledgeBase(path):
            return "There is no knowledge base at \(path): create one with `diplo init` (or `diplo demo`), or point --db at one."
        case let .notADiploDatabase(path):
            return
                "\(path) is a SQLite database but not a Diplo one: Diplo leaves it as it is. Point --db at a Diplo database, or at a new file."
        case let .unknownValue(value, noun, known):
            return "\"\(value)\" is not \(noun) (known: \(known.joined(separator: ", ")))."
        case let .missingTool(tool, purpose, install):
            return "\(purpose) needs \(tool), which is not installed (not found on PATH): \(install)."
        case let .toolFailed(tool, status):
            return "\(tool) failed (it exited with status \(status))."
        case let .cannotWrite(destination, reason):
            return "\(destination) could not be written (\(reason)): the output is incomplete."
        case .noSampleData:
            return
                "No SampleData folder here or where diplo is installed: run the demo from the Diplo folder, or pass --sample-data."
        }
    }
}
