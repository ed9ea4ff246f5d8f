import DiploModel
import Foundation

/// `<presidents>`: each `<president>` is a person holding the office of President of the
/// United States from took-office-date to left-office-date. A president whose id comes again
/// (two terms apart) is one person with two terms.
struct PresidentsReader {
    static let presidentTitle = "President of the United States"
    static let presidentRole = "head_of_state"
    let file: String

    func read(_ data: Data) throws -> KnowledgeBase {
        let xml = try XMLRecordReader.read(data, record: "president", file: file)
        var builder = DataSetBuilder(
            file: file,
            document: DataSetBuilder.document(
                dataSet: "presidents", file: file, data: data, title: "Office of the Historian: Presidents of the United States",
                source: "https://history.state.gov/departmenthistory/travels/president"))
        let us = builder.unitedStates()
        for record in xml.records {
            let number = record.attribute("n", of: "president").map { "president \($0)" }
            let label = number ?? record["id"].map { "president \($0)" } ?? "president"
            if !record.untidy.isEmpty { builder.untidyRecords.append(label) }
            guard let name = record["name"] else {
                builder.note(label, line: record.line, "no name: skipped")
                continue
            }
            let source = builder.source(label, line: record.line, quote: nil)
            let took = DataSetDates.parse(record["took-office-date"])
            var left = DataSetDates.parse(record["left-office-date"])
            if took == nil {
                builder.note(label, line: record.line, "no took-office date: the term is kept without dates")
            }
            if let took, let end = left, end < took {
                builder.note(
                    label, line: record.line, "left office (\(end)) before taking it (\(took)): the end of the term is left out")
                left = nil
            }
            let id = "person:" + name.slug
            builder.add(
                Entity(
                    id: id, type: .person, name: name, names: ["en": name], country: us,
                    offices: [
                        Office(
                            title: PresidentsReader.presidentTitle, role: PresidentsReader.presidentRole,
                            of: us, start: took, end: left, sources: [source])
                    ],
                    sources: [source]))
        }
        return builder.build()
    }
}
