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
// Then the real pages of ../shared/corpus (issue 7 item 5, issue 12: at least 1 MiB/s), read as
// `diplo import FOLDER` reads them in one process, when the corpus is beside the project; and
// the peers on the same pages where installed (Scripts/peer-ner.py): underthesea's NER on the
// Vietnamese ones, spaCy's en_core_web_sm on the English ones (target: Diplo at least 30× each).

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
        var round = 0
        while article.utf8.count < 1 << 20 {
            // Each round's paragraphs numbered apart: the reader reads a long paragraph given twice once.
            round += 1
            article += paragraphs.map { "\($0) (\(round))" }.joined(separator: "\n\n") + "\n\n"
        }
        let megabytes = Double(article.utf8.count) / 1_048_576
        var events = 0
        let longSeconds = try timed(repeats: 3) { events = try reader.read(article, file: "bench").events.count }
        let longFold = timed(repeats: 3) { precondition(!article.folded.isEmpty) }
        print(
            String(
                format: "   one article of %.2f MiB: %.2f s, %.2f MiB/s (%d events); baseline %.2f MiB/s",
                megabytes, longSeconds, megabytes / longSeconds, events, megabytes / longFold))
        var figures = Figures(
            documentsMiBPerSecond: total / readSeconds, baselineMiBPerSecond: total / foldSeconds,
            articleMiBPerSecond: megabytes / longSeconds)
        try realPages(into: &figures)
        try BenchReport.record("extract", figures)
    }

    struct Figures: Codable {
        var documentsMiBPerSecond: Double
        var baselineMiBPerSecond: Double
        var articleMiBPerSecond: Double
        /// Nil without ../shared/corpus.
        var realPages: Speed?
        var peers: [PeerFigures] = []
    }

    struct Speed: Codable {
        var pages: Int
        /// Of one pass over the pages, read `rounds` times in `seconds`.
        var bytes: Int
        var rounds: Int
        var seconds: Double
        var events: Int
        var mibPerSecond: Double
    }

    /// A peer's line from Scripts/peer-ner.py, with Diplo's speed on the same pages beside it.
    struct PeerFigures: Codable {
        var peer: String
        var missing: String?
        var failed: String?
        var pages: Int?
        var bytes: Int?
        var seconds: Double?
        /// spaCy's whole default pipeline on the same pages (tagger, parser, lemmatizer too).
        var pipelineSeconds: Double?
        var entities: Int?
        var diploMiBPerSecond: Double?
        var ratio: Double?
    }

    /// A real page, with what a user passes for it (`--lang`, `--source`; never `--published`), as `make eval` does.
    struct Page {
        let path: String
        let lang: String
        let text: String
        let options: ImportOptions
    }

    static func realPages(into figures: inout Figures) throws {
        // DIPLO_BENCH_CORPUS=FOLDER reads another folder with a manifest.tsv.
        let corpus =
            ProcessInfo.processInfo.environment["DIPLO_BENCH_CORPUS"].map { URL(fileURLWithPath: $0) }
            ?? root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        guard let manifest = try? String(contentsOf: corpus.appendingPathComponent("manifest.tsv"), encoding: .utf8) else {
            print(
                "   real pages: skipped, no \(corpus.standardized.path)/manifest.tsv (../shared/corpus beside the project, or DIPLO_BENCH_CORPUS)"
            )
            return
        }
        let pages = try manifest.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) + ["", ""]
            let path = corpus.appendingPathComponent(fields[0]).standardized.path
            return Page(
                path: path, lang: fields[1], text: try String(contentsOfFile: path, encoding: .utf8),
                options: ImportOptions(lang: Language(rawValue: fields[1]), source: fields[2].isEmpty ? nil : fields[2]))
        }
        let all = try speed(pages)
        figures.realPages = all
        print(
            String(
                format:
                    "   %d real pages of %@ (%.1f KiB), a folder in one process: %.2f MiB/s (target: 1; %d events)",
                all.pages, corpus.standardized.path, Double(all.bytes) / 1024, all.mibPerSecond, all.events))
        print("   peers on the same pages, timing their NER alone (after the model's load); Diplo reads whole events:")
        for (peer, lang, label) in [("underthesea", "vi", "underthesea ner"), ("spacy", "en", "spaCy en_core_web_sm ner")] {
            let chosen = pages.filter { $0.lang == lang }
            var line = runPeer(peer, chosen.map(\.path))
            guard line.missing == nil, line.failed == nil, let bytes = line.bytes, let seconds = line.seconds else {
                print("   \(label): \(line.missing.map { "not installed: \($0)" } ?? line.failed ?? "no figures")")
                figures.peers.append(line)
                continue
            }
            let diplo = try speed(chosen).mibPerSecond
            line.diploMiBPerSecond = diplo
            line.ratio = diplo * 1_048_576 / (Double(bytes) / seconds)
            figures.peers.append(line)
            print(
                String(
                    format: "   %@ (%d %@ pages, %.1f KiB): %.2f s, %.1f KiB/s; Diplo %.2f MiB/s, %.0f× (target: 30×)",
                    label, chosen.count, lang, Double(bytes) / 1024, seconds, Double(bytes) / 1024 / seconds, diplo,
                    line.ratio ?? 0))
            if let whole = line.pipelineSeconds {
                print(
                    String(
                        format: "     its whole default pipeline: %.2f s, %.1f KiB/s, %.0f×", whole, Double(bytes) / 1024 / whole,
                        diplo * 1024 / (Double(bytes) / 1024 / whole)))
            }
        }
    }

    /// The reader over `pages` one after the other, as often as makes a MiB or more: the best of three.
    static func speed(_ pages: [Page]) throws -> Speed {
        let bytes = pages.reduce(0) { $0 + $1.text.utf8.count }
        let rounds =
            ProcessInfo.processInfo.environment["DIPLO_BENCH_ROUNDS"].flatMap(Int.init) ?? max(1, (1 << 20) / max(1, bytes))
        var events = 0
        let seconds = try timed(repeats: 3) {
            events = 0
            for _ in 0..<rounds {
                // A reader a page, as the importer makes one; no knowledge base to look names up in.
                for page in pages {
                    events += try PressReleaseReader(options: page.options).read(page.text, file: page.path).events.count
                }
            }
        }
        return Speed(
            pages: pages.count, bytes: bytes, rounds: rounds, seconds: seconds, events: events / rounds,
            mibPerSecond: Double(bytes * rounds) / 1_048_576 / seconds)
    }

    /// Scripts/peer-ner.py's one line for `peer` over the pages at `paths`.
    static func runPeer(_ peer: String, _ paths: [String]) -> PeerFigures {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Scripts/peer-ner.py").path, peer] + paths
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch { return PeerFigures(peer: peer, missing: "python3") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        // The last line: a library may print to standard output before it.
        let last = data.split(separator: UInt8(ascii: "\n")).last.map { Data($0) } ?? Data()
        guard process.terminationStatus == 0, let line = try? decoder.decode(PeerFigures.self, from: last) else {
            if process.terminationStatus == 127 { return PeerFigures(peer: peer, missing: "python3") }
            return PeerFigures(peer: peer, failed: "Scripts/peer-ner.py failed (status \(process.terminationStatus))")
        }
        return line
    }

    /// The paragraphs of the evaluation documents, none of their pages' surroundings: lines of
    /// twelve words or more that end a sentence, each once (a paragraph repeated at once would
    /// end the article there, as a teaser does).
    static func paragraphs() throws -> [String] {
        try corpus().flatMap { $0.split(separator: "\n") }.map(String.init)
            .filter { $0.split(separator: " ").count >= 12 && ($0.last.map { ".!?\"".contains($0) } ?? false) }.uniqued()
    }

    /// The project's root (the bench runs from there).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The evaluation documents and the shared sample, as text.
    static func corpus() throws -> [String] {
        let folder = root.appendingPathComponent("Tests/Eval/docs")
        var texts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        let sample = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/vi/000_151135e62e69d177.txt")
        if let text = try? String(contentsOf: sample, encoding: .utf8) { texts.append(text) }
        return texts
    }
}
