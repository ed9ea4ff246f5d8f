import Foundation
import DiploModel
import DiploStore

public struct ImportOptions: Sendable {
    /// The language of press releases; nil to detect it.
    public var lang: Language?
    public var published: PartialDate?
    public var source: String?
    public var dryRun: Bool

    public init(lang: Language? = nil, published: PartialDate? = nil, source: String? = nil, dryRun: Bool = false) {
        self.lang = lang
        self.published = published
        self.source = source
        self.dryRun = dryRun
    }
}

/// One document to import: a file, or standard input ("-").
public struct ImportInput: Sendable {
    public let name: String
    let path: String?

    public static let standardInput = ImportInput(name: "<stdin>", path: nil)

    public func read() throws -> Data {
        guard let path else { return FileHandle.standardInput.readDataToEndOfFile() }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DiploError.badInput(file: name, place: nil, reason: "cannot be read (\((error as NSError).localizedDescription))")
        }
    }
}

/// What importing one document did (or, in a dry run, would do).
public struct ImportOutcome: Sendable {
    public let input: String
    /// What the document yields, in the interchange format.
    public let yield: KnowledgeBase
    public let report: MergeReport
}

/// Reads press releases (plain text), interchange files (JSON) and the Office of the Historian's
/// XML data sets (DataSets/) into the store, one transaction a document (a data set file is one
/// document).
public struct Importer {
    public let store: Store
    public let options: ImportOptions
    /// A press release longer than this is refused with a clear message rather than read slowly.
    public static let maximumTextBytes = 16 << 20

    public init(store: Store, options: ImportOptions) {
        self.store = store
        self.options = options
    }

    /// The documents behind the paths: files as given, every file of a folder (sorted, hidden
    /// ones left out), standard input for "-".
    public static func inputs(for paths: [String]) throws -> [ImportInput] {
        var inputs: [ImportInput] = []
        let files = FileManager.default
        for path in paths {
            if path == "-" {
                inputs.append(.standardInput)
                continue
            }
            var isFolder: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw DiploError.badInput(file: path, place: nil, reason: "no such file or folder")
            }
            if isFolder.boolValue {
                let url = URL(fileURLWithPath: path)
                guard let walker = files.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey],
                                                    options: [.skipsHiddenFiles]) else { continue }
                var found: [String] = []
                // Files named as the user named the folder ("../data/visits/2020.xml"), not resolved.
                let base = url.standardizedFileURL.resolvingSymlinksInPath().path
                let given = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
                for case let file as URL in walker where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                    let resolved = file.standardizedFileURL.resolvingSymlinksInPath().path
                    found.append(resolved.hasPrefix(base + "/") ? given + resolved.dropFirst(base.count) : file.path)
                }
                inputs += found.sorted().map { ImportInput(name: $0, path: $0) }
            } else {
                inputs.append(ImportInput(name: path, path: path))
            }
        }
        return inputs
    }

    /// Reads one document and merges what it yields: all of it, or on error none of it.
    public func run(_ input: ImportInput) throws -> ImportOutcome {
        let data = try input.read()
        // A data set file imported before, byte for byte and in the same context, is not read again.
        if !options.dryRun, let format = DataSetFormat.detect(data), format != .codeTable,
           try store.documentID(sha256: format.digest(of: data, store: store)) != nil {
            return ImportOutcome(input: input.name, yield: KnowledgeBase(), report: MergeReport())
        }
        let yield = try self.yield(of: data, name: input.name)
        let report = try options.dryRun
            ? store.rehearse { try store.merge(yield, file: input.name) }
            : store.merge(yield, file: input.name)
        return ImportOutcome(input: input.name, yield: yield, report: report)
    }

    /// What a document yields, whatever its kind.
    public func yield(of data: Data, name: String) throws -> KnowledgeBase {
        if InterchangeReader.looksLikeInterchange(data) || name.lowercased().hasSuffix(".json") {
            return try InterchangeReader.read(data, file: name)
        }
        // XML: a data set of the Office of the Historian, told by its root element.
        if let root = DataSetFormat.rootElement(of: data) {
            guard let format = DataSetFormat.detect(data) else {
                throw DiploError.badInput(file: name, place: nil, reason:
                    "is an XML file whose root element <\(root)> is none of the data sets diplo reads (<visits>, <trips>, <presidents>, the TEI articles of the relations guide)")
            }
            return try format.read(data, file: name, store: store)
        }
        let text = try Importer.text(of: data, name: name)
        if Importer.isSchema(text) {
            return KnowledgeBase(notes: ["a schema (RELAX NG), not a document: nothing to import"])
        }
        return try PressReleaseReader(options: options, store: store).read(text, file: name)
    }

    /// A RELAX NG compact schema, as data sets ship beside their files.
    static func isSchema(_ text: String) -> Bool {
        let head = text.prefix(400)
        return head.contains("element ") && (head.hasPrefix("default namespace") || head.hasPrefix("start =")
            || head.contains("\nstart =") || head.hasPrefix("namespace "))
    }

    /// The inputs in the order their content needs: the presidents' terms first (so that "met
    /// with the President" in visits and trips finds the president of the day), then the visits
    /// (a visitor's own country is the surest word on it), then the rest as given.
    public static func ordered(_ inputs: [ImportInput]) -> [ImportInput] {
        func rank(_ input: ImportInput) -> Int {
            guard let path = input.path, let handle = FileHandle(forReadingAtPath: path) else { return 2 }
            defer { try? handle.close() }
            switch DataSetFormat.rootElement(of: (try? handle.read(upToCount: 1024)) ?? Data()) {
            case "presidents": return 0
            case "visits": return 1
            default: return 2
            }
        }
        return inputs.enumerated().map { (rank($1), $0, $1) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// The bytes as text: refused when empty, too large, binary or not UTF-8.
    static func text(of data: Data, name: String) throws -> String {
        if data.count > maximumTextBytes {
            let megabytes = String(format: "%.1f", Double(data.count) / 1_048_576)
            throw DiploError.badInput(file: name, place: nil, reason:
                "is \(megabytes) MiB, more than a press release can be (\(maximumTextBytes >> 20) MiB at most): split it into its articles")
        }
        if data.allSatisfy({ " \t\r\n".utf8.contains($0) }) {
            throw DiploError.badInput(file: name, place: nil, reason: "the file is empty")
        }
        if let zero = data.firstIndex(of: 0) {
            throw DiploError.badInput(file: name, place: "byte \(zero - data.startIndex)",
                                      reason: "this is a binary file, not text (it holds a NUL byte)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let offset = firstInvalidUTF8(in: data)
            let line = data.prefix(offset).reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw DiploError.badInput(file: name, place: "line \(line), byte \(offset)",
                                      reason: "the text is not valid UTF-8 (save it as UTF-8 and import it again)")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    static func firstInvalidUTF8(in data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
