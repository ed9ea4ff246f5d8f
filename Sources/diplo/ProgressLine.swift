import Foundation

/// A line on the terminal for work that takes more than a second: counts and a rate, rewritten
/// in place a few times a second, and cleared when done. Silent when standard error is not a
/// terminal (a pipe, a file, a test).
final class ProgressLine: @unchecked Sendable {
    private let started = Date()
    private var shownAt = Date.distantPast
    private var shown = false
    /// What is counted now, since when and from how many: a rate is of one pass alone (an
    /// import reads its file twice before it counts events).
    private var pass: (what: String, since: Date, from: Int, last: Int)?
    private let enabled: Bool
    private let lock = NSLock()

    /// Seconds before the line shows: 1, or `DIPLO_PROGRESS_AFTER` (tests make it 0).
    private let after = ProcessInfo.processInfo.environment["DIPLO_PROGRESS_AFTER"].flatMap(Double.init) ?? 1

    init() { enabled = isatty(STDERR_FILENO) != 0 }

    /// `what`: "events", "MB"...; `done` of `total` (nil when unknown).
    func update(_ what: String, done: Int, total: Int? = nil) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        if pass == nil || pass!.what != what || done < pass!.last { pass = (what, now, done, done) }
        pass!.last = done
        guard now.timeIntervalSince(started) > after, now.timeIntervalSince(shownAt) > 0.2 else { return }
        shownAt = now
        shown = true
        let seconds = now.timeIntervalSince(pass!.since)
        let rate = seconds > 0 ? Double(done - pass!.from) / seconds : 0
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
