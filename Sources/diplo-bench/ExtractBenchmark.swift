import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation

// `diplo-bench extract`: how fast the press-release reader reads, on one core, in MiB of text a
// second: the project's evaluation documents (and the shared sample) read one by one, over and
// over, and one long article made of their paragraphs. Side by side, the baseline of a single
// pass that folds the same text (lower case, no diacritics), the least any reader of it does.

extension Benchmark {
    static var extract: Benchmark {
        Benchmark(
            name: "extract",
            about: "press releases read into facts, MiB/s on one core, against one folding pass over the same text",
            run: ExtractBenchmark.run)
    }
}

enum ExtractBenchmark {
    static func run() throws {
        let documents = try corpus()
        guard !documents.isEmpty else { throw BenchmarkError("no documents found under Tests/Eval/docs") }
        let reader = PressReleaseReader(options: ImportOptions(published: try PartialDate("2024-09-19")))
        let bytesPerRound = documents.reduce(0) { $0 + $1.utf8.count }
        // DIPLO_BENCH_ROUNDS makes a short run, to profile under valgrind.
        let rounds =
            ProcessInfo.processInfo.environment["DIPLO_BENCH_ROUNDS"].flatMap(Int.init) ?? max(1, (8 << 20) / bytesPerRound)
        var facts = 0
        let repeats = ProcessInfo.processInfo.environment["DIPLO_BENCH_ROUNDS"] == nil ? 3 : 1
        let readSeconds = try timed(repeats: repeats) {
            facts = 0
            for _ in 0..<rounds {
                for text in documents { facts += try reader.read(text, file: "bench").events.count }
            }
        }
        let foldSeconds = timed(repeats: 3) {
            var characters = 0
            for _ in 0..<rounds { for text in documents { characters += text.folded.utf8.count } }
            precondition(characters > 0)
        }
        let total = Double(bytesPerRound * rounds) / 1_048_576
        print(
            String(
                format: "   %d documents (%.1f KiB), read %d times: %.1f MiB", documents.count, Double(bytesPerRound) / 1024,
                rounds, total))
        print(
            String(
                format: "   reader:   %6.2f s  %6.2f MiB/s  (%d events per round)", readSeconds, total / readSeconds,
                facts / rounds))
        print(String(format: "   baseline: %6.2f s  %6.2f MiB/s  (one folding pass)", foldSeconds, total / foldSeconds))
        print(String(format: "   the reader takes %.1f times the baseline's time", readSeconds / foldSeconds))

        // One long article: the documents' paragraphs, none of their pages' surroundings.
        let paragraphs = try paragraphs()
        var article = "A long article\n\n"
        while article.utf8.count < 1 << 20 { article += paragraphs.joined(separator: "\n\n") + "\n\n" }
        let megabytes = Double(article.utf8.count) / 1_048_576
        var events = 0
        let longSeconds = try timed(repeats: 3) { events = try reader.read(article, file: "bench").events.count }
        let longFold = timed(repeats: 3) { precondition(!article.folded.isEmpty) }
        print(
            String(
                format: "   one article of %.2f MiB: %.2f s, %.2f MiB/s (%d events); baseline %.2f MiB/s",
                megabytes, longSeconds, megabytes / longSeconds, events, megabytes / longFold))
    }

    /// The paragraphs of the evaluation documents, none of their pages' surroundings: lines of
    /// twelve words or more that end a sentence, each once (a paragraph repeated at once would
    /// end the article there, as a teaser does).
    static func paragraphs() throws -> [String] {
        try corpus().flatMap { $0.split(separator: "\n") }.map(String.init)
            .filter { $0.split(separator: " ").count >= 12 && ($0.last.map { ".!?\"".contains($0) } ?? false) }.uniqued()
    }

    /// The evaluation documents and the shared sample, as text.
    static func corpus() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("Tests/Eval/docs")
        var texts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        let sample = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/vi/000_151135e62e69d177.txt")
        if let text = try? String(contentsOf: sample, encoding: .utf8) { texts.append(text) }
        return texts
    }
}
