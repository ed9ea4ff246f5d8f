import DiploImport
import DiploModel
import DiploStore
import Foundation

// `diplo-bench datasets`: the Office of the Historian's three data sets (../shared/data/history-state,
// or $DIPLO_HISTORY_STATE) imported into a fresh knowledge base as `diplo import FOLDER` does (one
// transaction a file); imported again (files already imported byte for byte are not read again);
// and read and merged again in full (what the second import skips), which adds only the links of
// last names alone to people the first pass met later. Targets (issue 9): under
// 10 s for the first import, under 3 s for the second, in a release build.

extension Benchmark {
    static var datasets: Benchmark {
        Benchmark(
            name: "datasets", about: "the history-state data sets imported into a fresh knowledge base, then again",
            run: DataSetBenchmark.run)
    }
}

enum DataSetBenchmark {
    static var folder: String {
        if let path = ProcessInfo.processInfo.environment["DIPLO_HISTORY_STATE"] { return path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/history-state").path
    }

    static func run() throws {
        guard FileManager.default.fileExists(atPath: folder) else {
            throw BenchmarkError("no data sets at \(folder) (set DIPLO_HISTORY_STATE)")
        }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("diplo-bench-\(UUID().uuidString).sqlite")
            .path
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        }
        let store = try Store.open(path: temporary)
        let importer = Importer(store: store, options: ImportOptions())
        let inputs = Importer.ordered(Importer.inputs(for: [folder]).inputs.filter { !$0.name.hasSuffix(".md") })
        var events = 0
        var entities = 0
        var partnerships = 0
        let first = try timed {
            for input in inputs {
                let outcome = try importer.run(input)
                events += outcome.report.added["events"] ?? 0
                entities += outcome.report.added["entities"] ?? 0
                partnerships += outcome.report.added["partnerships"] ?? 0
            }
        }
        var changes = 0
        let second = try timed {
            for input in inputs { changes += try importer.run(input).report.changes }
        }
        var fullChanges = 0
        let full = try timed {
            for input in inputs {
                let data = try input.read()
                let yield = try importer.yield(of: data, name: input.name)
                fullChanges += try store.merge(yield, file: input.name).changes
            }
        }
        print("   \(inputs.count) files: \(events) events, \(entities) entities, \(partnerships) partnerships")
        print(String(format: "   first import:        %6.2f s  (target: under 10 s)", first))
        print(String(format: "   import again:        %6.2f s  (target: under 3 s; %d changes)", second, changes))
        print(
            String(
                format:
                    "   read and merge again: %5.2f s  (%d rows: last names alone now linked to people first met later in the import)",
                full, fullChanges))
        if changes != 0 { throw BenchmarkError("importing again changed the knowledge base") }
    }
}
