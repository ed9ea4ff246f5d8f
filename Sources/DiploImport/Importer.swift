import DiploModel
import DiploStore
import Foundation

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

    /// The whole document in memory.
    public func read() throws -> Data { try read(try open()) }

    func read(_ source: ByteSource) throws -> Data {
        do {
            return try source.bytes(0..<source.count)
        } catch let error as ByteSourceError {
            throw refused("cannot be read (\(error.localizedDescription))")
        }
    }

    /// The document's bytes: a regular file, left on disk to be read where needed; standard input,
    /// held in memory, or for an interchange file written to a temporary file as it comes.
    func open() throws -> ByteSource {
        guard let path else { return try readStandardInput() }
        var info = stat()
        if stat(path, &info) == 0 {
            // Only a regular file has an end: a pipe or a device could be read forever.
            switch info.st_mode & S_IFMT {
            case S_IFIFO: throw refused("is a named pipe (FIFO), not a file: send what it carries to `diplo import -` instead")
            case S_IFCHR, S_IFBLK: throw refused("is a device, not a file: import a file, or pipe text into `diplo import -`")
            case S_IFSOCK: throw refused("is a socket, not a file")
            case S_IFDIR: throw refused("cannot be read (it is a folder)")
            default: break
            }
        }
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw refused("cannot be read (\(String(cString: strerror(errno))))") }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0 else {
            close(descriptor)
            throw refused("cannot be read (\(String(cString: strerror(errno))))")
        }
        return ByteSource(descriptor: descriptor, count: Int(opened.st_size))
    }

    /// Standard input, read in pieces and stopped at the limit that applies: a press release's
    /// 16 MiB, or for an interchange file (it starts with "{") the interchange limit; an
    /// interchange file goes to a temporary file (removed at once, kept open) as it comes.
    func readStandardInput() throws -> ByteSource {
        var data = Data()
        var spool: Int32?
        var written = 0
        var limit = Importer.maximumTextBytes
        while true {
            let piece: Data?
            do {
                piece = try FileHandle.standardInput.read(upToCount: 1 << 20)
            } catch {
                throw refused("cannot be read (\((error as NSError).localizedDescription))")
            }
            guard let piece, !piece.isEmpty else { break }
            data.append(piece)
            if spool == nil, InterchangeReader.looksLikeInterchange(data) {
                limit = Importer.maximumInterchangeBytes
                spool = try Importer.temporaryFile()
            }
            if written + data.count > limit {
                if let spool { close(spool) }
                throw limit == Importer.maximumTextBytes
                    ? Importer.tooLarge(name: name, bytes: Importer.maximumTextBytes, orMore: true)
                    : refused("is more than \(Importer.maximumInterchangeBytes >> 20) MiB of JSON: split it into several files")
            }
            if let spool {
                try Importer.write(data, to: spool, name: name)
                written += data.count
                data.removeAll(keepingCapacity: true)
            }
        }
        if let spool { return ByteSource(descriptor: spool, count: written) }
        return ByteSource(data: data)
    }

    func refused(_ reason: String) -> DiploError { .badInput(file: name, place: nil, reason: reason) }
}

/// The documents to import, and what was found but cannot be.
public struct InputList: Sendable {
    public var inputs: [ImportInput] = []
    /// One sentence each, naming the path and why it is left out.
    public var problems: [DiploError] = []
    /// Things left out on purpose, said so.
    public var notes: [String] = []

    mutating func problem(_ path: String, _ reason: String) {
        problems.append(.badInput(file: path, place: nil, reason: reason))
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
    /// An interchange file may be large (an export of a whole knowledge base); this bounds standard input.
    public static let maximumInterchangeBytes = 2 << 30

    /// Told how many events of a document are merged, for a progress line.
    public var progress: ((_ events: Int, _ total: Int) -> Void)?
    /// Told how many bytes of an interchange file a pass before the merge has read (its digest,
    /// its syntax), of how many, for a progress line.
    public var reading: ((_ bytes: Int, _ total: Int) -> Void)?

    public init(store: Store, options: ImportOptions) {
        self.store = store
        self.options = options
    }

    /// The documents behind the paths: files as given; every file of a folder and its
    /// subfolders, in name order, symbolic links followed (a loop is named once); standard input
    /// for "-". Hidden files are left out; a folder's README is left out with a note. What cannot
    /// be read (a missing path, an unreadable folder, a broken link, a pipe, an empty folder) is
    /// a problem, named with its reason: the rest is still imported.
    public static func inputs(for paths: [String]) -> InputList {
        var list = InputList()
        for path in paths {
            if path == "-" {
                list.inputs.append(.standardInput)
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                list.problem(path, "no such file or folder")
                continue
            }
            if isFolder.boolValue {
                var visited = Set<String>()
                let before = list.inputs.count
                walk(folder: path, visited: &visited, into: &list)
                if list.inputs.count == before && !list.problems.contains(where: { $0.file.hasPrefix(path) }) {
                    list.problem(path, "the folder holds no file to import")
                }
            } else {
                list.inputs.append(ImportInput(name: path, path: path))
            }
        }
        return list
    }

    private static func walk(folder: String, visited: inout Set<String>, into list: inout InputList) {
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            list.problem(folder, "a symbolic link loops back to a folder already read")
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            list.problem(folder, "the folder cannot be read (\((error as NSError).localizedDescription))")
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            guard stat(path, &info) == 0 else {  // stat follows links: this one leads nowhere
                list.problem(path, "a symbolic link to nothing")
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(folder: path, visited: &visited, into: &list)
            case S_IFREG:
                let stem = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent.uppercased()
                if stem == "README" {
                    list.notes.append("\(path): skipped (a folder's README is not a document)")
                } else if ["LICENSE", "LICENCE", "COPYING"].contains(stem) {
                    list.notes.append("\(path): skipped (a folder's licence is not a document)")
                } else {
                    list.inputs.append(ImportInput(name: path, path: path))
                }
            default: list.problem(path, "not a regular file (a pipe, a device or a socket)")
            }
        }
    }

    /// Reads one document and merges what it yields: all of it, or on error none of it.
    public func run(_ input: ImportInput) throws -> ImportOutcome {
        let source = try input.open()
        let first: UInt8?
        do {
            first = try source.firstByteAfterSpaces()
        } catch let error as ByteSourceError {
            throw input.refused("cannot be read (\(error.localizedDescription))")
        }
        if first == UInt8(ascii: "{") || input.name.lowercased().hasSuffix(".json") {
            return try runInterchange(InterchangeFile(name: input.name, source: source), looksLikeIt: first == UInt8(ascii: "{"))
        }
        let data = try input.read(source)
        // A file imported before, byte for byte (and a data set in the same context), is known by
        // its digest: nothing to read.
        let digest = InterchangeReader.looksLikeInterchange(data) ? SHA256.hex(data) : nil
        if !options.dryRun, let digest, try store.fileImported(sha256: digest) {
            return ImportOutcome(input: input.name, yield: KnowledgeBase(), report: MergeReport())
        }
        if !options.dryRun, let format = DataSetFormat.detect(data), format != .codeTable,
            try store.documentID(sha256: format.digest(of: data, store: store)) != nil
        {
            return ImportOutcome(input: input.name, yield: KnowledgeBase(), report: MergeReport())
        }
        // Handed over: the bytes can go once they are text.
        let yield = try self.yield(of: consume data, name: input.name)
        let report =
            try options.dryRun
            ? store.rehearse { try store.merge(yield, file: input.name) }
            : store.merge(yield, file: input.name, fileDigest: digest, progress: progress)
        return ImportOutcome(input: input.name, yield: yield, report: report)
    }

    /// An interchange file, read in a stream: its digest, then (unless it was imported before) its
    /// syntax, then its records merged a batch at a time. A dry run shows every record, so it holds them.
    func runInterchange(_ file: InterchangeFile, looksLikeIt: Bool) throws -> ImportOutcome {
        file.reading = reading
        let digest = looksLikeIt ? try file.sha256() : nil
        if !options.dryRun, let digest, try store.fileImported(sha256: digest) {
            return ImportOutcome(input: file.name, yield: KnowledgeBase(), report: MergeReport())
        }
        if options.dryRun {
            let yield = try file.knowledgeBase()
            return ImportOutcome(
                input: file.name, yield: yield, report: try store.rehearse { try store.merge(yield, file: file.name) })
        }
        try file.check()
        let report = try store.merge(file, file: file.name, fileDigest: digest, progress: progress)
        return ImportOutcome(input: file.name, yield: KnowledgeBase(notes: file.notes), report: report)
    }

    /// What a document yields, whatever its kind.
    public func yield(of data: consuming Data, name: String) throws -> KnowledgeBase {
        if InterchangeReader.looksLikeInterchange(data) || name.lowercased().hasSuffix(".json") {
            return try InterchangeReader.read(data, file: name)
        }
        // XML: a data set of the Office of the Historian, told by its root element.
        if let root = DataSetFormat.rootElement(of: data) {
            guard let format = DataSetFormat.detect(data) else {
                throw DiploError.badInput(
                    file: name, place: nil,
                    reason:
                        "is an XML file whose root element <\(root)> is none of the data sets diplo reads (<visits>, <trips>, <presidents>, the TEI articles of the relations guide)"
                )
            }
            return try format.read(data, file: name, store: store)
        }
        let text = try Importer.text(of: data, name: name)
        _ = consume data  // a long page is not held twice while it is read
        if Importer.isSchema(text) {
            return KnowledgeBase(notes: ["a schema (RELAX NG), not a document: nothing to import"])
        }
        return try PressReleaseReader(options: options, store: store).read(text, file: name)
    }

    /// A RELAX NG compact schema, as data sets ship beside their files.
    static func isSchema(_ text: String) -> Bool {
        let head = text.prefix(400)
        return head.contains("element ")
            && (head.hasPrefix("default namespace") || head.hasPrefix("start =")
                || head.contains("\nstart =") || head.hasPrefix("namespace "))
    }

    /// The inputs in the order their content needs: the presidents' terms first (so that "met
    /// with the President" in visits and trips finds the president of the day), then the visits
    /// (a visitor's own country is the surest word on it), then the rest as given.
    public static func ordered(_ inputs: [ImportInput]) -> [ImportInput] {
        func rank(_ input: ImportInput) -> Int {
            // Only a regular file is opened: opening a pipe would wait for a writer.
            var info = stat()
            guard let path = input.path, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                let handle = FileHandle(forReadingAtPath: path)
            else { return 2 }
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
        if data.count > maximumTextBytes { throw tooLarge(name: name, bytes: data.count) }
        // UTF-16, as some editors save text, says so with its byte order mark.
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16), !text.isEmpty else {
                throw DiploError.badInput(
                    file: name, place: nil, reason: "the text says it is UTF-16 but is not: save it as UTF-8 and import it again")
            }
            return try Importer.text(of: Data(text.drop(while: { $0 == "\u{FEFF}" }).utf8), name: name)
        }
        if data.allSatisfy({ " \t\r\n".utf8.contains($0) }) {
            throw DiploError.badInput(file: name, place: nil, reason: "the file is empty")
        }
        if let zero = data.firstIndex(of: 0) {
            throw DiploError.badInput(
                file: name, place: "byte \(zero - data.startIndex)",
                reason: "this is a binary file, not text (it holds a NUL byte)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let offset = firstInvalidUTF8(in: data)
            let line = data.prefix(offset).reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw DiploError.badInput(
                file: name, place: "line \(line), byte \(offset)",
                reason: "the text is not valid UTF-8 (save it as UTF-8 and import it again)")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// A temporary file, already removed from its folder: it goes when it is closed.
    static func temporaryFile() throws -> Int32 {
        var template = Array((NSTemporaryDirectory() + "/diplo-import-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else {
            throw DiploError.badInput(
                file: "<stdin>", place: nil, reason: "cannot be held in a temporary file (\(String(cString: strerror(errno))))")
        }
        unlink(template)
        return descriptor
    }

    static func write(_ data: Data, to descriptor: Int32, name: String) throws {
        try data.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let wrote = Foundation.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
                if wrote < 0 && errno == EINTR { continue }
                guard wrote > 0 else {
                    close(descriptor)
                    throw DiploError.badInput(
                        file: name, place: nil, reason: "cannot be held in a temporary file (\(String(cString: strerror(errno))))"
                    )
                }
                done += wrote
            }
        }
    }

    /// The one sentence for a press release over the limit; `orMore` when reading stopped there.
    static func tooLarge(name: String, bytes: Int, orMore: Bool = false) -> DiploError {
        let megabytes = String(format: "%.1f", Double(bytes) / 1_048_576)
        return .badInput(
            file: name, place: nil,
            reason:
                "is \(orMore ? "over " : "")\(megabytes) MiB, more than a press release can be (\(maximumTextBytes >> 20) MiB at most): split it into its articles"
        )
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
