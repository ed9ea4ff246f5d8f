import Foundation

// `diplo-bench longline`: a page that arrives as one single line of several MiB (issue 11 item
// 11), read by `diplo import FILE --dry-run` as a whole process, against a baseline in the same
// run: the same text as one paragraph a line (the long article of `extract`), which the reader
// cuts into sentences without the layout's splitting of long lines. Time and peak memory should
// grow with the size alone (a long line is read in pieces): the figures are given per MiB at
// each size. Sizes 1 and 4 MiB; with DIPLO_BENCH_SCALE=full also 15 MiB (the target:
// under 15 s and 200 MB).

extension Benchmark {
    static var longLine: Benchmark {
        Benchmark(
            name: "longline",
            about:
                "a page run into one line of 1 and 4 MiB (15: DIPLO_BENCH_SCALE=full), a dry-run import, against its paragraphs",
            run: LongLineBenchmark.run)
    }
}

enum LongLineBenchmark {
    struct Row: Codable {
        var mebibytes: Int
        var oneLine: Double
        var oneLineMiB: Double
        var paragraphs: Double
        var paragraphsMiB: Double
    }

    static func run() throws {
        let sizes = ProcessInfo.processInfo.environment["DIPLO_BENCH_SCALE"] == "full" ? [1, 4, 15] : [1, 4]
        let diplo = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("diplo")
            .path
        guard FileManager.default.isExecutableFile(atPath: diplo) else {
            throw BenchmarkError("build diplo first (swift build -c release)")
        }
        let paragraphs = try ExtractBenchmark.paragraphs()
        guard !paragraphs.isEmpty else { throw BenchmarkError("no paragraphs in the evaluation documents") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diplo-bench-longline-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        print("   size      one line            paragraphs          one line / paragraphs")
        var rows: [Row] = []
        for size in sizes {
            // The same paragraphs, over and over, to the size: one a line, or run into one line.
            var chosen: [String] = []
            var bytes = 0
            while bytes < size << 20 {
                let paragraph = paragraphs[chosen.count % paragraphs.count]
                chosen.append(paragraph)
                bytes += paragraph.utf8.count + 1
            }
            let oneLine = folder.appendingPathComponent("one-line-\(size).txt").path
            let lines = folder.appendingPathComponent("paragraphs-\(size).txt").path
            try chosen.joined(separator: " ").write(toFile: oneLine, atomically: false, encoding: .utf8)
            try chosen.joined(separator: "\n").write(toFile: lines, atomically: false, encoding: .utf8)
            let single = try ProcessFigures.measure([diplo, "import", oneLine, "--dry-run"])
            let baseline = try ProcessFigures.measure([diplo, "import", lines, "--dry-run"])
            guard single.status == 0, baseline.status == 0 else {
                throw BenchmarkError("diplo import --dry-run of the \(size) MiB page failed")
            }
            let row = Row(
                mebibytes: size, oneLine: single.seconds, oneLineMiB: single.peakMiB, paragraphs: baseline.seconds,
                paragraphsMiB: baseline.peakMiB)
            rows.append(row)
            print(
                String(
                    format: "   %2d MiB    %6.2f s %5.0f MiB   %6.2f s %5.0f MiB   %5.2f× time, %5.2f× memory", size,
                    row.oneLine, row.oneLineMiB, row.paragraphs, row.paragraphsMiB, row.oneLine / row.paragraphs,
                    row.oneLineMiB / row.paragraphsMiB))
        }
        for row in rows {
            print(
                String(
                    format: "   %2d MiB on one line: %.2f s and %.1f MiB of peak memory a MiB of text", row.mebibytes,
                    row.oneLine / Double(row.mebibytes), row.oneLineMiB / Double(row.mebibytes)))
        }
        try BenchReport.record("longline", rows)
    }
}
