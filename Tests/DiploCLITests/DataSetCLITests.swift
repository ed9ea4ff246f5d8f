import Foundation
import Testing

/// `diplo import` of the Office of the Historian's XML data sets through the real CLI: told by
/// content, a folder in the order its content needs, odd records noted with file and record id.
@Suite struct DataSetCLITests {
    // Written for this test; the files' names say nothing of what they hold.
    static let presidents = """
        <?xml version="1.0" encoding="UTF-8"?>
        <presidents>
            <president n="1"><id>reyes-clara</id><name>Clara Reyes</name>
                <took-office-date>2029-01-20</took-office-date><left-office-date/></president>
        </presidents>
        """
    static let visits = """
        <?xml version="1.0" encoding="UTF-8"?>
        <visits>
            <visit><id>77</id><start-date>2030-05-02</start-date><end-date>2030-05-03</end-date>
                <visitor>Prime Minister Oskar Lindahl</visitor><from id="finland">Finland</from>
                <description>Met with the President at the White House.</description></visit>
            <visit><id>78</id><start-date>2030-06-09</start-date><end-date>2030-06-01</end-date>
                <visitor>President Amara Diallo</visitor><from id="senegal">Senegal</from>
                <description>Official visit.</description></visit>
        </visits>
        """
    static let schema = """
        default namespace = ""
        start = element visits { element visit { text }+ }
        """

    @Test func aFolderOfDataSetsImportsByContentWithOddRecordsNoted() throws {
        let cli = try CLI()
        try FileManager.default.createDirectory(atPath: cli.path("data"), withIntermediateDirectories: true)
        // "a-visits" sorts before "z-terms": the terms are read first all the same, by their content.
        _ = try cli.write("data/a-visits.dat", DataSetCLITests.visits)
        _ = try cli.write("data/z-terms.txt", DataSetCLITests.presidents)
        _ = try cli.write("data/visits.rnc", DataSetCLITests.schema)
        let result = try cli.run("import", cli.path("data"))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.contains("z-terms.txt: imported 1 documents") == true, "\(result.stdout)")
        #expect(lines.contains { $0.contains("a-visits.dat: imported 1 documents") && $0.contains("2 events") })
        #expect(
            result.stderr.contains("a-visits.dat: visit 78 (line ")
                && result.stderr.contains("end date 2030-06-01 is before the start date 2030-06-09"),
            "\(result.stderr)")
        #expect(result.stderr.contains("visits.rnc: a schema (RELAX NG), not a document: nothing to import"))

        // "Met with the President": the president of that day.
        let show = try cli.run("show", "hs:visit:77")
        #expect(
            show.status == 0 && show.stdout.contains("Clara Reyes") && show.stdout.contains("meeting"),
            "\(show.stdout)\(show.stderr)")

        let again = try cli.run("import", cli.path("data"))
        #expect(again.status == 0)
        #expect(
            again.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix("nothing new (already in the knowledge base).") },
            "\(again.stdout)")
    }
}
