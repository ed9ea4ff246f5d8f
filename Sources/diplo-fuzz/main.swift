import DiploImport
import DiploModel
import DiploStore
import Foundation

// `make fuzz`: feeds mutated documents to the readers (press releases, interchange JSON) and
// merges what they yield into an in-memory knowledge base, rehearsed. Deterministic from a seed,
// so a failure can be replayed. It fails on a crash (the input it was on is kept in
// .build/fuzz-current), on a hang (an input that takes longer than the limit), and on a refusal
// that is not one sentence of Diplo's own.
//
//   diplo-fuzz [--runs N] [--seed S] [--limit SECONDS] FOLDER...

struct Options {
    var runs = 10_000
    var seed: UInt64 = 1
    var limit = 10.0
    var folders: [String] = []

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--runs": runs = Int(rest.popFirst() ?? "") ?? runs
            case "--seed": seed = UInt64(rest.popFirst() ?? "") ?? seed
            case "--limit": limit = Double(rest.popFirst() ?? "") ?? limit
            default: folders.append(argument)
            }
        }
    }
}

/// xorshift64*: small, fast, and the same sequence for the same seed everywhere.
struct Random {
    var state: UInt64

    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 2_685_821_657_736_338_717
    }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
}

/// Mutations that keep some of a document's shape: bytes changed, inserted, removed; runs
/// repeated or cut; lines joined (pages that arrive as one line); pieces of another document
/// spliced in; words the readers look for, and characters that break parsers.
enum Mutator {
    static let tokens: [String] = [
        "\n", "\r\n", " ", "\u{0}", "\u{FEFF}", "{", "}", "[", "]", "\"", ",", ":", "\\", "null", "-1", "99999999999999999999",
        "2024-02-30", "--09-21", "ngày 19/9", "21-27/9", "từ ngày 10 đến ngày 13/8", "September 10-11, 2023", "Nov 27",
        "Tổng Bí thư", "Chủ tịch nước", "General Secretary", "President", "hội đàm", "talks", "kỷ niệm 50 năm",
        "50th anniversary", "Đối tác chiến lược toàn diện", "Comprehensive Strategic Partnership", "Việt Nam", "Hoa Kỳ",
        "\"format\": \"diplo/1\"", "<?xml version=\"1.0\"?>", "\u{301}", "😀", "\u{202E}",
    ]

    static func mutate(_ input: [UInt8], other: [UInt8], random: inout Random) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + random.below(4)) {
            let at = random.below(bytes.count + 1)
            switch random.below(9) {
            case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << random.below(8))
            case 1: bytes.insert(UInt8(random.below(256)), at: at)
            case 2 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(64)))
            case 3: bytes.insert(contentsOf: Array(tokens[random.below(tokens.count)].utf8), at: at)
            case 4 where !bytes.isEmpty:
                let end = min(bytes.count, at + 1 + random.below(256))
                let run = Array(bytes[min(at, bytes.count - 1)..<end])
                bytes.insert(contentsOf: Array(repeating: run, count: 1 + random.below(8)).flatMap { $0 }, at: at)
            case 5: bytes = bytes.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }
            case 6 where !other.isEmpty:
                let start = random.below(other.count)
                bytes.insert(contentsOf: other[start..<min(other.count, start + random.below(2048))], at: at)
            case 7: bytes = Array(bytes.prefix(at))
            default: bytes.insert(contentsOf: Array(tokens[random.below(tokens.count)].utf8), at: at)
            }
        }
        return bytes
    }
}

/// The seeds: every file under the folders, read once.
func seeds(in folders: [String]) -> [[UInt8]] {
    var found: [[UInt8]] = []
    for folder in folders {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
        for case let name as String in walker {
            let path = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                let data = FileManager.default.contents(atPath: path), data.count < 1 << 20
            else { continue }
            found.append([UInt8](data))
        }
    }
    return found
}

/// A refusal is one sentence of Diplo's own: a DiploError, on one line.
func isOneSentence(_ error: Error) -> Bool {
    guard error is DiploError, let text = (error as? LocalizedError)?.errorDescription else { return false }
    return !text.isEmpty && !text.contains("\n")
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let corpus = seeds(in: options.folders)
guard !corpus.isEmpty else {
    FileHandle.standardError.write(Data("diplo-fuzz: no seed documents under \(options.folders)\n".utf8))
    exit(64)
}
let current = URL(fileURLWithPath: ".build/fuzz-current")
try? FileManager.default.createDirectory(at: current.deletingLastPathComponent(), withIntermediateDirectories: true)

// A watchdog: an input that runs past the limit is a hang; the input is kept in fuzz-current.
nonisolated(unsafe) var startedAt = Date()
nonisolated(unsafe) var running = false
let watchdog = Thread {
    while true {
        Thread.sleep(forTimeInterval: 0.5)
        if running, Date().timeIntervalSince(startedAt) > options.limit {
            FileHandle.standardError.write(
                Data("diplo-fuzz: an input ran past \(options.limit) s (kept in \(current.path))\n".utf8))
            exit(2)
        }
    }
}
watchdog.start()

let store = try Store.open(path: ":memory:")
var random = Random(seed: options.seed)
var refused = 0
var read = 0
var failures = 0
let began = Date()
for run in 0..<options.runs {
    let seed = corpus[random.below(corpus.count)]
    let other = corpus[random.below(corpus.count)]
    let input = Data(Mutator.mutate(seed, other: other, random: &random))
    try? input.write(to: current)
    let importer = Importer(store: store, options: ImportOptions(dryRun: true))
    startedAt = Date()
    running = true
    do {
        let yield = try importer.yield(of: input, name: "fuzz-\(run)")
        _ = try store.rehearse { try store.merge(yield, file: "fuzz-\(run)") }
        read += 1
    } catch {
        if isOneSentence(error) {
            refused += 1
        } else {
            failures += 1
            let kept = URL(fileURLWithPath: ".build/fuzz-failure-\(run)")
            try? input.write(to: kept)
            FileHandle.standardError.write(
                Data("diplo-fuzz: input \(run) (kept in \(kept.path)) was refused without one sentence: \(error)\n".utf8))
        }
    }
    running = false
}
try? FileManager.default.removeItem(at: current)
let seconds = Date().timeIntervalSince(began)
print(
    "diplo-fuzz: \(options.runs) inputs from \(corpus.count) seeds (seed \(options.seed)) in \(String(format: "%.1f", seconds)) s: "
        + "\(read) read, \(refused) refused in one sentence, \(failures) failures, no crash, no hang")
exit(failures == 0 ? 0 : 1)
