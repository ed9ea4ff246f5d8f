import Foundation
import Testing

/// Runs the built `diplo` binary, as a user would, in a folder of the test's own.
final class CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("diplo-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The diplo binary built beside the test bundle.
    static let binary: URL = {
        let products =
            Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [products, products.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("diplo")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return products.appendingPathComponent("diplo")
    }()

    /// The project's root, for SampleData and ../shared.
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    /// Runs `diplo ARGUMENTS` here with the test's database as $DIPLO_DB.
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, database: String = "kb.sqlite") throws -> Result {
        try CLI.launch(CLI.binary, arguments, in: folder, environment: ["DIPLO_DB": path(database)], stdin: stdin)
    }

    /// Runs a program in `folder` and waits for it: its exit status and what it printed.
    static func launch(
        _ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:],
        stdin: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Standard error goes to a file, so that one pipe alone is read while the process runs.
        let errorPath = folder.appendingPathComponent("stderr-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let errorFile = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let out = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = errorFile
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorFile.close()
        let stderrData = FileManager.default.contents(atPath: errorPath) ?? Data()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    func run(_ arguments: String...) throws -> Result { try run(arguments) }
}

// MARK: Terminal columns

/// Columns a text takes in a terminal, counted here independently of Diplo's own code: combining
/// marks and format characters take none, East Asian wide and fullwidth characters (and emoji) two,
/// every other printable character one.
func terminalColumns<S: StringProtocol>(_ text: S) -> Int {
    var columns = 0
    for scalar in text.unicodeScalars {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: continue
        default: break
        }
        if value == 0x200B || (0x1160...0x11FF).contains(value) { continue }  // zero width space, Hangul medial jamo
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
        ]
        columns += wide.contains { $0.contains(value) } ? 2 : 1
    }
    return columns
}

/// A table command that must fit an 80-column terminal: it succeeded, it printed something, and no
/// line takes more than 80 columns.
func expectFitsEightyColumns(_ result: CLI.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 0, "\(what): exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(
        !result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(what): printed nothing",
        sourceLocation: sourceLocation)
    for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
        #expect(terminalColumns(line) <= 80, "\(what): \(terminalColumns(line)) columns: \(line)", sourceLocation: sourceLocation)
    }
}

// MARK: Import summaries

/// The number an import summary gives for a category ("3 events (+1 known)" gives 3 for "events"),
/// nil when it does not name the category. Whole words: "11 events" is never read as 1.
func summaryCount(_ summary: String, _ category: String) -> Int? {
    for line in summary.split(separator: "\n") {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ":" || $0 == "." })
        for (number, word) in zip(words, words.dropFirst()) where word == category {
            if let count = Int(number) { return count }
        }
    }
    return nil
}

// MARK: Tools from outside

/// The readers some tests hand Diplo's output to. Where one is missing the test is skipped, and
/// says why; under CI=true (.ci/run installs them all) a missing tool fails the test instead.
enum OutsideTools {
    static let ci = ProcessInfo.processInfo.environment["CI"] == "true"

    /// For `.enabled(if:)`: the test runs when the tool is there, and always under CI=true, where
    /// `require` then fails it.
    static func runs(_ present: Bool) -> Bool { present || ci }

    /// Fails the test (under CI=true) when the tool is missing.
    static func require(_ present: Bool, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(present, "\(what) is missing, and CI=true requires it", sourceLocation: sourceLocation)
    }
}

/// Imports `data` as the file `name` into a knowledge base holding the sample, and expects it
/// refused: exit 1, the message naming the file and saying each of `parts` (on one line when
/// `oneLine`), the knowledge base exported as before.
func expectImportRefused(_ name: String, _ data: Data, saying parts: [String], oneLine: Bool = false) throws {
    let cli = try CLI()
    #expect(try cli.run("import", try cli.write("good.json", sampleFile)).status == 0)
    let before = try cli.run("export").stdout
    let path = cli.path(name)
    try data.write(to: URL(fileURLWithPath: path))
    let result = try cli.run("import", path)
    #expect(result.status == 1)
    #expect(result.stderr.contains(path), "\(result.stderr)")
    for part in parts { #expect(result.stderr.contains(part), "\(result.stderr)") }
    if oneLine { #expect(result.stderr.split(separator: "\n").count == 1) }
    #expect(try cli.run("export").stdout == before)
}
