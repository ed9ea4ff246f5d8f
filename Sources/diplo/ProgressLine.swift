import Foundation

/// A line on the terminal for work that takes more than a second: counts and a rate, rewritten
/// in place a few times a second, and cleared when done. Silent when standard error is not a
/// terminal (a pipe, a file, a test).
final class ProgressLine: @unchecked Sendable {
    private let started = Date()
    private var shownAt = Date.distantPast
    private var shown = false
    private let enabled: Bool
    private let lock = NSLock()

    init() { enabled = isatty(STDERR_FILENO) != 0 }

    /// `what`: "events", "MB"...; `done` of `total` (nil when unknown).
    func update(_ what: String, done: Int, total: Int? = nil) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let elapsed = now.timeIntervalSince(started)
        guard elapsed > 1, now.timeIntervalSince(shownAt) > 0.2 else { return }
        shownAt = now
        shown = true
        let rate = Double(done) / elapsed
        let count = total.map { "\(done)/\($0)" } ?? "\(done)"
        FileHandle.standardError.write(Data("\r\u{1B}[K\(count) \(what), \(Int(rate)) \(what)/s".utf8))
    }

    /// Clears the line, if one is shown: before anything else is printed, and at the end.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard shown else { return }
        shown = false
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
