import Foundation
import Testing

let shared = CLI.projectRoot.deletingLastPathComponent().appendingPathComponent("shared")
let sampleArticle = shared.appendingPathComponent("corpus/vi/000_151135e62e69d177.txt").path
let sampleGold = shared.appendingPathComponent("gold/000_151135e62e69d177.gold.json").path
let scorer = shared.appendingPathComponent("tools/score.py").path

/// Importing press releases through the real CLI.
@Suite struct PressReleaseCLITests {
    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: sampleArticle) && FileManager.default.fileExists(atPath: scorer),
            "needs ../shared/corpus and ../shared/tools/score.py beside the project"))
    func theSampleArticleScoresAtLeastPointNine() throws {
        let cli = try CLI()
        let result = try cli.run("import", sampleArticle, "--published", "2024-09-19", "--dry-run", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let prediction = try cli.write("prediction.json", result.stdout)
        let score = Process()
        score.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        score.arguments = ["python3", scorer, sampleGold, prediction, "--min", "0.9"]
        let output = Pipe()
        score.standardOutput = output
        try score.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        score.waitUntilExit()
        #expect(score.terminationStatus == 0, "\(text)")
        // No event is placed in a country that only the page's teasers and links name.
        #expect(text.range(of: #"events placed in [A-Z]{2}.*: 0\n"#, options: .regularExpression) != nil, "\(text)")
        // The dry run created nothing.
        #expect(!FileManager.default.fileExists(atPath: cli.path("kb.sqlite")))
    }

    @Test func theSameEventFromTwoDocumentsIsOneEventWithTwoSources() throws {
        let cli = try CLI()
        let vietnamese = try cli.write(
            "vi.txt",
            """
            Hội đàm

            Chiều 10/3/2024, tại Hà Nội, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Nhật Bản Kishida Fumio.
            """)
        let english = try cli.write(
            "en.txt",
            """
            Talks in Hanoi

            Prime Minister Pham Minh Chinh held talks with Japanese Prime Minister Kishida Fumio in Hanoi on March 10, 2024.
            """)
        #expect(try cli.run("import", vietnamese, english).status == 0)
        let events = try cli.run("list", "events", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(events.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(try cli.run("list", "persons", "--format", "csv").stdout.split(separator: "\r\n").count == 3)
        let shown = try cli.run("show", "Kishida Fumio", "--sources")
        #expect(shown.stdout.contains("Chiều 10/3/2024, tại Hà Nội"))
        #expect(shown.stdout.contains("held talks with Japanese Prime Minister"))
    }

    /// The language is detected (vi or en); --lang overrides the detection, and standard input and
    /// --source are read like a file.
    @Test func theLanguageIsDetectedAndCanBeGivenByHand() throws {
        let cli = try CLI()
        let english =
            "Talks\n\nPrime Minister Anthony Albanese of Australia met Vietnamese Foreign Minister Bui Thanh Son in Canberra on March 8.\n"
        func document(_ text: String, _ options: [String]) throws -> (lang: String?, events: [[String: Any]], source: String?) {
            let result = try cli.run(
                ["import", "-", "--published", "2024-03-08", "--dry-run", "--format", "json"] + options, stdin: text)
            #expect(result.status == 0, "\(result.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
            let document = (object["documents"] as? [[String: Any]])?.first
            return (document?["lang"] as? String, object["events"] as? [[String: Any]] ?? [], document?["source"] as? String)
        }
        #expect(try document(english, []).lang == "en")
        #expect(try document(meetingNote, []).lang == "vi")
        // Without diacritics, Vietnamese is still Vietnamese.
        #expect(
            try document(
                "Tiep Dai su\n\nChieu 11/3/2024, Thu tuong Pham Minh Chinh da tiep Dai su Han Quoc Choi Young-sam tai Ha Noi.\n",
                []
            ).lang == "vi")
        // Given by hand, the language is the one given, whatever the text looks like.
        #expect(try document(english, ["--lang", "vi"]).lang == "vi")
        #expect(try document(meetingNote, ["--lang", "en"]).lang == "en")
        let given = try document(english, ["--lang", "en", "--source", "https://example.org/a"])
        #expect(given.lang == "en" && given.source == "https://example.org/a")
        #expect(given.events.first?["start"] as? String == "2024-03-08")
    }

    @Test func theReviewTableIsForPeople() throws {
        let cli = try CLI()
        let file = try cli.write(
            "note.txt", "Tiếp\n\nChiều 11/3/2024, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Hàn Quốc Choi Young-sam.\n")
        let result = try cli.run("import", file, "--dry-run")
        #expect(result.stdout.contains("Events"))
        #expect(result.stdout.contains("Choi Young-sam"))
        #expect(result.stdout.contains("↳ Chiều 11/3/2024"))
    }
}

/// Text that is not a press release: a clear error naming the file, exit 1, nothing written.
@Suite struct BadTextTests {
    func expectRefused(_ name: String, _ data: Data, because reason: String) throws {
        try expectImportRefused(name, data, saying: [reason])
    }

    @Test func anEmptyFile() throws {
        try expectRefused("empty.txt", Data("\n  \n".utf8), because: "the file is empty")
    }

    @Test func aBinaryFile() throws {
        try expectRefused(
            "image.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]), because: "binary file")
    }

    @Test func invalidUTF8() throws {
        var data = Data("Thủ tướng tiếp Đại sứ.\nSecond line ".utf8)
        data.append(contentsOf: [0xC3, 0x28, 0x41])
        try expectRefused("latin1.txt", data, because: "line 2, byte")
    }

    @Test func fiftyMegabytes() throws {
        let line = Data("Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Hàn Quốc tại Hà Nội.\n".utf8)
        var data = Data(capacity: 50 << 20)
        while data.count < 50 << 20 { data.append(line) }
        try expectRefused("huge.txt", data, because: "MiB at most")
    }

    @Test func textWithNoArticle() throws {
        try expectRefused("menu.txt", Data("Trang chủ | Thời sự | Thế giới\nĐăng nhập\n".utf8), because: "no article text found")
    }
}
