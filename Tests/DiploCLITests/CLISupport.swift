import Foundation

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
        let products = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [products, products.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("diplo")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return products.appendingPathComponent("diplo")
    }()

    /// The project's root, for SampleData and ../shared.
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

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
    static func launch(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:],
                       stdin: String? = nil) throws -> Result {
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
        let out = Pipe(), input = Pipe()
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
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }

    func run(_ arguments: String...) throws -> Result { try run(arguments) }
}
