import DiploModel
import Foundation
import Testing

@testable import DiploImport

/// The events of an interchange file read straight from their bytes: the same values as
/// `JSONDecoder` gives, or nothing (and `JSONDecoder` reads them) where it is not sure.
@Suite struct EventBatchReaderTests {
    /// Each event as JSON with sorted keys, to compare values.
    func encoded(_ events: [Event]) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try events.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
    }

    func expectSameAsJSONDecoder(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let data = Data(json.utf8)
        let read = try #require(EventBatchReader.events(in: data), sourceLocation: sourceLocation)
        let decoded = try JSONDecoder().decode([Event].self, from: data)
        #expect(try encoded(read) == encoded(decoded), sourceLocation: sourceLocation)
    }

    @Test func theSampleFilesEventsReadAsJSONDecoderReadsThem() throws {
        var batches = 0
        for name in ["01-sample-article.json", "02-world.json"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: "SampleData/\(name)"))
            let file = InterchangeFile(data: data, name: name)
            try file.check()
            let events = try #require(file.members["events"])
            try JSONElements(source: file.source, start: events.range.lowerBound).forEachBatch { batch in
                try expectSameAsJSONDecoder(String(decoding: batch.json, as: UTF8.self))
                batches += 1
            }
        }
        #expect(batches >= 2)
    }

    @Test func everyFieldInEveryShapeAFileMayWriteIt() throws {
        try expectSameAsJSONDecoder(
            """
            [ {"id": "e1", "kind": "state_visit", "title": "Chuyến thăm \\"cấp nhà nước\\"\\n\\u00e9 \\ud83d\\ude00 \\/",
               "status": "held", "start": "2024-09-21", "end": "2024-09-25",
               "location": {"country": "cu", "city": "La Habana"},
               "participants": [ {"entity": "p1", "role": "visitor"}, {"role": "host", "entity": "p2"} ],
               "parent": "t1",
               "sources": [ {"document": "d1", "start": 0, "end": 120, "quote": "…", "note": null},
                            {"document": "d2", "note": "a table", "start": -3} ] },
              {"kind": "summit", "id": "e2", "within": ["2024-09", "2024-10"], "title": null, "status": null,
               "start": null, "location": {}, "participants": [], "sources": null, "parent": null},
              {"id":"e3","kind":"other"}
            ]
            """)
        try expectSameAsJSONDecoder("[]")
        try expectSameAsJSONDecoder("[\n\t{ \"id\" : \"e4\" , \"kind\" : \"talks\" , \"location\" : { \"city\" : null } }\r\n]")
    }

    @Test func whatItIsNotSureOfIsLeftToJSONDecoder() {
        func givesUp(_ event: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(EventBatchReader.events(in: Data("[\(event)]".utf8)) == nil, sourceLocation: sourceLocation)
        }
        givesUp(#"{"id": "e1", "kind": "visit", "colour": "red"}"#)
        givesUp(#"{"id": "e1", "kind": "visit", "id": "e2"}"#)
        givesUp(#"{"\u0069d": "e1", "kind": "visit"}"#)
        givesUp(#"{"id": 7, "kind": "visit"}"#)
        givesUp(#"{"id": null, "kind": "visit"}"#)
        givesUp(#"{"kind": "visit"}"#)
        givesUp(#"{"id": "e1", "kind": "picnic"}"#)
        givesUp(#"{"id": "e1", "kind": "visit", "status": "maybe"}"#)
        givesUp(#"{"id": "e1", "kind": "visit", "start": "2024-02-31"}"#)
        givesUp(#"{"id": "e1", "kind": "visit", "within": ["2024"]}"#)
        givesUp(#"{"id": "e1", "kind": "visit", "participants": [null]}"#)
        givesUp(#"{"id": "e1", "kind": "visit", "participants": [{"entity": "p1"}]}"#)
        givesUp(#"{"id": "e1", "kind": "visit", "location": {"country": "cu", "region": "x"}}"#)
        givesUp(#"{"id": "e1", "kind": "visit", "sources": [{"document": "d1", "start": 1.0}]}"#)
        givesUp(#"{"id": "e1", "kind": "visit", "sources": [{"document": "d1", "start": 1e3}]}"#)
        givesUp(#"{"id": "e1", "kind": "visit", "sources": [{"document": "d1", "start": 1234567890123456789}]}"#)
        givesUp(#"{"id": "e1", "kind": "visit", "sources": [{"document": "d1", "end": 99999999999999999999999}]}"#)
        givesUp(#"{"id": "e1", "kind": "visit", "title": true}"#)
        givesUp(#"null"#)
    }

    @Test func aBatchItGivesUpOnIsStillReadOrRefusedByTheDecoder() throws {
        // An unknown key is ignored by JSONDecoder: the event still lands.
        let kb = try InterchangeReader.read(
            Data(#"{"format": "diplo/1", "events": [{"id": "e1", "kind": "visit", "colour": "red"}]}"#.utf8), file: "x.json")
        #expect(kb.events.map(\.id) == ["e1"])
        // An unknown kind is refused, by the sentence that names it.
        #expect {
            try InterchangeReader.read(
                Data(#"{"format": "diplo/1", "events": [{"id": "e1", "kind": "visit"}, {"id": "e2", "kind": "picnic"}]}"#.utf8),
                file: "x.json")
        } throws: { "\($0)".contains("events[1].kind") && "\($0)".contains("picnic") }
    }
}
