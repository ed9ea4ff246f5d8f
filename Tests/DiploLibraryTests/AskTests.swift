import DiploAsk
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation
import Testing

/// The demo knowledge base (SampleData/), built once in a folder of its own.
enum DemoBase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    nonisolated(unsafe) static var folder: TemporaryFolder?
    static let lock = NSLock()

    static func store() throws -> Store {
        lock.lock()
        defer { lock.unlock() }
        if folder == nil {
            let made = try TemporaryFolder()
            let store = try made.store("demo.sqlite")
            let importer = Importer(store: store, options: ImportOptions())
            for input in Importer.inputs(for: [root.appendingPathComponent("SampleData").path]).inputs
            where !input.name.hasSuffix(".md") {
                _ = try importer.run(input)
            }
            folder = made
        }
        return try Store.openForReading(path: folder!.path("demo.sqlite"))
    }
}

/// What a question came to, in the question set's words: the command line, "ambiguous" or "refuse".
func outcome(_ interpretation: Interpretation) -> String {
    switch interpretation {
    case .mapped(let command, _): command.commandLine
    case .ambiguous: "ambiguous"
    case .refused: "refuse"
    }
}

/// A command line as a comparable value: its words and arguments in order, its options as a set.
func normalized(_ line: String) -> [String] {
    let tokens = line.split(separator: " ").map(String.init)
    var head: [String] = []
    var options: [String] = []
    var i = 0
    while i < tokens.count {
        if tokens[i].hasPrefix("--"), i + 1 < tokens.count {
            options.append(tokens[i] + " " + tokens[i + 1])
            i += 2
        } else {
            head.append(tokens[i])
            i += 1
        }
    }
    return head + options.sorted()
}

@Suite("diplo ask")
struct AskTests {
    static let today = ISO8601DateFormatter().date(from: "2026-11-30T12:00:00Z")!

    /// A question set of Tests/Ask (see its README): each line a question, a tab, the command it must map to.
    static func questionSet(_ file: String) throws -> [(question: String, expected: String)] {
        let text = try String(contentsOf: DemoBase.root.appendingPathComponent("Tests/Ask/\(file)"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return (parts[0], parts[1])
        }
    }

    /// At least 150 questions, 95% mapped as written, every other one refused, none mapped wrongly.
    static func score(_ file: String) throws {
        let asker = Asker(store: try DemoBase.store(), today: AskTests.today)
        let questions = try AskTests.questionSet(file)
        #expect(questions.count >= 150)
        var right = 0
        var refusedInstead = 0
        var wrong: [String] = []
        var missed: [String] = []
        for (question, expected) in questions {
            let got = outcome(try asker.interpret(question))
            if normalized(got) == normalized(expected) {
                right += 1
            } else if got == "refuse" {
                refusedInstead += 1
                missed.append("\(question)\n    expected \(expected)")
            } else {
                wrong.append("\(question)\n    expected \(expected)\n    got      \(got)")
            }
        }
        let score = Double(right) / Double(questions.count)
        print(
            "diplo ask \(file): \(right)/\(questions.count) mapped as expected (\(String(format: "%.1f", score * 100))%), \(refusedInstead) refused, \(wrong.count) wrong"
        )
        for line in missed { print("  refused: \(line)") }
        #expect(wrong.isEmpty, "\(file), mapped wrongly:\n\(wrong.joined(separator: "\n"))")
        #expect(score >= 0.95, "\(file): only \(right) of \(questions.count) mapped as expected")
    }

    @Test("the question set written before the grammar (questions.tsv)")
    func questionSetScore() throws { try AskTests.score("questions.tsv") }

    @Test("the question set written without sight of the grammar (independent.tsv)")
    func independentSetScore() throws { try AskTests.score("independent.tsv") }

    @Test("every example beside a pattern maps to its own shape")
    func examplesMapToTheirShape() throws {
        let asker = Asker(store: try DemoBase.store(), today: AskTests.today)
        for (shape, example) in Asker.examples {
            guard case .mapped(let command, _) = try asker.interpret(example) else {
                Issue.record("example \"\(example)\" of \(shape) is not mapped")
                continue
            }
            #expect(command.shape == shape, "\"\(example)\" maps to \(command.shape), not \(shape)")
        }
    }

    @Test("a refusal gives the closest shapes as examples; an ambiguous name lists its entities")
    func refusalsAndAmbiguity() throws {
        let asker = Asker(store: try DemoBase.store(), today: AskTests.today)
        guard case .refused(_, let examples) = try asker.interpret("Who visited Atlantis in 2020?") else {
            Issue.record("Atlantis is not in the knowledge base")
            return
        }
        #expect(examples.count == 3)
        #expect(examples.contains { $0.localizedCaseInsensitiveContains("visit") })
        guard case .ambiguous(let name, let candidates) = try asker.interpret("Where did Castro go?") else {
            Issue.record("Castro is Fidel or Raúl")
            return
        }
        #expect(name.folded == "castro")
        #expect(Set(candidates.map(\.id)) == ["person:fidel-castro", "person:raul-castro"])
    }

    @Test("the answer is the mapped command's own output")
    func answerIsTheCommandsOutput() throws {
        let store = try DemoBase.store()
        let asker = Asker(store: store, today: AskTests.today)
        guard case .mapped(let command, _) = try asker.interpret("Ai đã thăm Việt Nam năm 2023?") else {
            Issue.record("not mapped")
            return
        }
        for format in OutputFormat.allCases {
            let direct = try VisitQuery(to: "country:vn", from: try PartialDate("2023"), until: try PartialDate("2023")).run(
                on: store
            ).render(format)
            #expect(try asker.answer(command, format: format) == direct)
        }
        #expect(try asker.answer(command, format: .table).contains("Xi Jinping"))
    }
}
