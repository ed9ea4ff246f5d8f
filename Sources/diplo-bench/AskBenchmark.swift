import DiploAsk
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation

// `diplo-bench ask`: `diplo ask` over a knowledge base of 100,000 synthetic events (SampleData's
// real names and facts imported on top, so the questions name real entities): the time to read a
// question and map it, and the time to answer it, one question of each shape; and the whole
// command, process start to exit, as a user runs it.

extension Benchmark {
    static var ask: Benchmark {
        Benchmark(
            name: "ask",
            about: "diplo ask over 100,000 events: mapping and answering one question of each shape, and the whole command",
            run: AskBenchmark.run)
    }
}

enum AskBenchmark {
    static let questions = [
        "Which visits mark a partnership anniversary?",
        "Who visited Vietnam in 2023?",
        "Tô Lâm đã đi thăm những nước nào?",
        "Whom did Tô Lâm meet in 2024?",
        "Việt Nam và Hoa Kỳ thiết lập quan hệ ngoại giao khi nào?",
        "Những nước nào là đối tác chiến lược toàn diện của Việt Nam?",
        "What happened between Vietnam and the United States since 2020?",
        "Ai là Thủ tướng Nhật Bản năm 2022?",
        "Năm 2026 có những dịp kỷ niệm nào?",
        "How are Tô Lâm and Joe Biden linked?",
        "Where did Joe Bidden go?",
        "Where did Viden go?",
        "Who did Joe Biden meet?",
        "nhung chuyen tham ky niem quan he Viet Nam Nhat Bna",
        "Anniversary visits between 1 July and 15 August 2015",
        "What is the GDP of Japan?",
    ]

    static func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diplo-bench-ask-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // DIPLO_BENCH_ASK_DB=PATH keeps the knowledge base there (and reuses it when it exists).
        let kept = ProcessInfo.processInfo.environment["DIPLO_BENCH_ASK_DB"]
        let path = kept ?? folder.appendingPathComponent("ask.sqlite").path
        let built =
            kept.map { FileManager.default.fileExists(atPath: $0) } == true
            ? 0
            : try timed {
                let store = try Store.open(path: path)
                try store.fillSynthetic(events: 100_000, persons: 10_000, organizations: 1_000)
                let importer = Importer(store: store, options: ImportOptions())
                let sample = sampleData()
                for input in Importer.inputs(for: [sample]).inputs where !input.name.hasSuffix(".md") {
                    _ = try importer.run(input)
                }
            }
        let store = try Store.openForReading(path: path)
        let events = try store.events().count
        print(String(format: "   knowledge base: %d events, built in %.1f s", events, built))
        print("")
        // The whole command, as a user runs it: the diplo binary beside this one.
        let diplo = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("diplo")
        let hasBinary = FileManager.default.isExecutableFile(atPath: diplo.path)
        print("   question                                               map ms  answer ms  in process  diplo ask")
        var worst = 0.0
        var worstCommand = 0.0
        let asker = Asker(store: store)
        for question in questions {
            var interpretation: Interpretation?
            let map = try timed(repeats: 5) { interpretation = try asker.interpret(question) }
            var answer = 0.0
            if case .mapped(let command, _)? = interpretation {
                answer = try timed(repeats: 3) { _ = try asker.answer(command, format: .table) }
            }
            worst = max(worst, map + answer)
            var command = Double.nan
            if hasBinary {
                command = try timed(repeats: 5) { try spawnAndWait(diplo.path, ["ask", "--db", path, question]) }
                worstCommand = max(worstCommand, command)
            }
            let shown = question.count > 52 ? String(question.prefix(51)) + "…" : question
            print(
                String(
                    format: "   %@ %6.1f  %9.1f  %10.1f  %9.1f", shown.padding(toLength: 53, withPad: " ", startingAt: 0),
                    map * 1000,
                    answer * 1000, (map + answer) * 1000, command * 1000))
        }
        print(
            String(
                format: "   slowest: %.1f ms in process, %.1f ms as a command (process start to exit, best of 5)", worst * 1000,
                worstCommand * 1000))
        if !hasBinary {
            print("   (no diplo binary beside diplo-bench: `swift build -c release --product diplo` to time the command)")
        }
    }

    /// Runs a program with its output to /dev/null and waits for it, by posix_spawn and waitpid
    /// (Foundation's Process adds tens of milliseconds of its own).
    static func spawnAndWait(_ path: String, _ arguments: [String]) throws {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
        var exitStatus: Int32 = 0
        waitpid(pid, &exitStatus, 0)
    }

    /// SampleData/, beside the package (the bench runs from the project's root).
    static func sampleData() -> String {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return here.appendingPathComponent("SampleData").path
    }
}
