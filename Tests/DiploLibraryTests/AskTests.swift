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

    @Test("a letter wrong anywhere in a name or a word, the first ones too; a short word of a country's name")
    func typos() throws {
        let asker = Asker(store: try DemoBase.store(), today: AskTests.today)
        let expected = [
            "Where did Viden go?": "query visits --by person:joe-biden",
            "Which countries did Vladimir Ptin visit?": "query visits --by person:vladimir-putin",
            "Who visited Ivetnam in 2023?": "query visits --to country:vn --from 2023 --until 2023",
            "who visited Viet Nma in 2023": "query visits --to country:vn --from 2023 --until 2023",
            "cac chuyen tham Han Qouc": "query visits --to country:kr",
        ]
        for (question, command) in expected {
            #expect(normalized(outcome(try asker.interpret(question))) == normalized(command), "\(question)")
        }
        // The same correction every time ("Chnia" was once "china", once "chia").
        for _ in 0..<5 {
            #expect(
                outcome(try asker.interpret("which visits marked a partnership anniversary with Chnia"))
                    == "query anniversaries --country country:cn")
        }
    }

    @Test("periods: days, months, ranges, halves, quarters, counts in words; a period the command cannot take is refused")
    func periods() throws {
        let asker = Asker(store: try DemoBase.store(), today: AskTests.today)
        let expected = [
            "Who visited Vietnam on 10 September 2023?": "query visits --to country:vn --from 2023-09-10 --until 2023-09-10",
            "Ai đã thăm Việt Nam từ tháng 9 đến tháng 12 năm 2023?":
                "query visits --to country:vn --from 2023-09 --until 2023-12",
            "Who visited Japan in the first half of 2024?": "query visits --to country:jp --from 2024-01 --until 2024-06",
            "Ai đã thăm Việt Nam trong quý 3 năm 2023?": "query visits --to country:vn --from 2023-07 --until 2023-09",
            "anniversaries in the second half of 2025": "query upcoming --from 2025-07-01 --months 6",
            "anniversaries in the next six months": "query upcoming --months 6",
            "Who was the US president on 1 June 2019?": "query holders president --of country:us --at 2019-06-01",
            "Quan hệ Việt Nam – Hoa Kỳ từ năm 2020 đến nay": "query relations country:vn country:us --from 2020",
            // Holders take one date, not a range.
            "Who was the US president between 2015 and 2020?": "refuse",
        ]
        for (question, command) in expected {
            #expect(normalized(outcome(try asker.interpret(question))) == normalized(command), "\(question)")
        }
    }

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
