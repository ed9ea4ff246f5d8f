import DiploModel
import DiploQuery
import DiploStore
import Foundation

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

    /// Where the text goes, for the sentence a failed write gives.
    public var destination = "the standard output"
    /// Bytes written so far, and a listener told after each write (a progress line).
    public private(set) var written = 0
    public var onWrite: ((Int) -> Void)?

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw DiploError.cannotWrite(destination, reason: TextOutput.reason(error))
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
        onWrite?(written)
    }

    /// The system's words for a failed write ("No space left on device"), without Foundation's wrapping.
    static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying.map({ Int32($0.code) }), underlying?.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(code))
        }
        if (error as NSError).domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32((error as NSError).code))) }
        return (error as NSError).localizedDescription
    }
}

/// A file written beside its final name and moved into place when complete, so that a failed
/// export never leaves half a file where a good one was. A path that is not a regular file (a
/// device, a pipe: `-o /dev/stdout`) is written to directly, never replaced.
public final class OutputFile {
    public let path: String
    /// Where the bytes go until they are complete; nil when written in place.
    private let partial: String?
    private let handle: FileHandle
    public let output: TextOutput

    public init(path: String) throws {
        self.path = path
        var info = stat()
        let special = stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG
        if special {
            partial = nil
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw DiploError.cannotWrite(path, reason: "it cannot be opened for writing")
            }
            self.handle = handle
        } else {
            let url = URL(fileURLWithPath: path)
            let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial").path
            guard FileManager.default.createFile(atPath: partial, contents: nil),
                let handle = FileHandle(forWritingAtPath: partial)
            else {
                throw DiploError.cannotWrite(path, reason: "is the folder there, and writable?")
            }
            self.partial = partial
            self.handle = handle
        }
        output = TextOutput(handle)
        output.destination = path
    }

    /// Writes what is left and puts the file in place.
    public func commit() throws {
        try output.flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw DiploError.cannotWrite(path, reason: TextOutput.reason(error))
        }
        guard let partial else { return }
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
    }

    /// Removes the partial file after a failure.
    public func discard() {
        try? handle.close()
        if let partial { try? FileManager.default.removeItem(atPath: partial) }
    }
}
