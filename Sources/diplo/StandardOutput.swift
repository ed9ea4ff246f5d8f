import DiploModel
import Foundation

/// Everything the command line prints goes through here, unbuffered, so that a write that fails
/// (a full disk, `> /dev/full`) is noticed: the command then ends with one sentence and exit 1
/// instead of 0 with its output lost.
enum StandardOutput {
    /// Why the first failed write failed; nil while all went well.
    nonisolated(unsafe) static var failure: String?

    static func write(_ text: String) {
        guard !text.isEmpty else { return }
        write(Data(text.utf8))
    }

    /// Bytes as they are (a whole interchange document, a long table, is not made a string first).
    static func write(_ bytes: [UInt8]) { write(bytes, count: bytes.count) }

    static func write(_ data: Data) { write(data, count: data.count) }

    private static func write(_ bytes: some DataProtocol, count: Int) {
        guard failure == nil, count > 0 else { return }
        do {
            try FileHandle.standardOutput.write(contentsOf: bytes)
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            failure = underlying.map { String(cString: strerror(Int32($0.code))) } ?? (error as NSError).localizedDescription
        }
    }

    /// What the command line prints: a line, or text as it is with `terminator: ""`.
    static func print(_ text: String = "", terminator: String = "\n") {
        write(text + terminator)
    }

    /// The sentence for a failed write, if one failed.
    static var error: DiploError? { failure.map { .cannotWrite("the standard output", reason: $0) } }
}
