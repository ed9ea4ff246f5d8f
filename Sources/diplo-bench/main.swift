import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation

// `make bench` runs each benchmark in its own process (`diplo-bench NAME`), so that the peak
// memory it reports is that benchmark's alone. Each one prints its figures, with a baseline run
// side by side where there is one.

/// A benchmark: a name, and what it does, printing its own figures.
struct Benchmark {
    let name: String
    let about: String
    let run: () throws -> Void
}

let benchmarks: [Benchmark] = [.extract, .longLine, .export, .importing, .datasets, .ask]

/// Seconds `body` takes, the best of `repeats` runs.
func timed(repeats: Int = 1, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}

/// The process's peak resident memory so far, in MiB.
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "generate" {
    do { try Generator.main(Array(arguments.dropFirst())) } catch {
        FileHandle.standardError.write(Data("diplo-bench: \(error)\n".utf8))
        exit(1)
    }
} else if arguments.isEmpty || arguments.first == "--list" {
    for benchmark in benchmarks { print("\(benchmark.name)\t\(benchmark.about)") }
} else {
    for name in arguments {
        guard let benchmark = benchmarks.first(where: { $0.name == name }) else {
            FileHandle.standardError.write(Data("diplo-bench: no benchmark \(name)\n".utf8))
            exit(64)
        }
        print("== \(benchmark.name): \(benchmark.about)")
        do { try benchmark.run() } catch {
            FileHandle.standardError.write(Data("diplo-bench: \(name) failed: \(error)\n".utf8))
            exit(1)
        }
        print(String(format: "   peak memory: %.1f MiB", peakMemoryMiB()))
    }
}
