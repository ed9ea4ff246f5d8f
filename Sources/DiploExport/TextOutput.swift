import Foundation
import DiploModel
import DiploStore
import DiploQuery

/// Where an export writes: standard output, a file, or a pipe to Graphviz. Text gathers in a
/// buffer that is written out every 64 KiB, so a large export costs no more memory than a small one.
public final class TextOutput {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let chunk = 1 << 16

    public init(_ handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(TextOutput.chunk + 4096)
    }

    public static var standardOutput: TextOutput { TextOutput(.standardOutput) }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= TextOutput.chunk { try flush() }
    }

    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= TextOutput.chunk { try flush() }
    }

    public func write(_ bytes: Data) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= TextOutput.chunk { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A file written beside its final name and moved into place when complete, so that a failed
/// export never leaves half a file where a good one was.
public final class OutputFile {
    public let path: String
    private let partial: String
    private let handle: FileHandle
    public let output: TextOutput

    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial").path
        guard FileManager.default.createFile(atPath: partial, contents: nil), let handle = FileHandle(forWritingAtPath: partial) else {
            throw DiploError.badInput(file: path, place: nil, reason: "cannot be written (is the folder there, and writable?)")
        }
        self.handle = handle
        output = TextOutput(handle)
    }

    /// Writes what is left and puts the file in place.
    public func commit() throws {
        try output.flush()
        try handle.close()
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
    }

    /// Removes the partial file after a failure.
    public func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: partial)
    }
}
