import ArgumentParser
import DiploKit
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the knowledge base (json: the interchange format, which import reads back).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "json.")
    var format: ExportFormat = .json

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let store = try global.store()
        let data = try InterchangeWriter.data(try store.knowledgeBase())
        if let output {
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw DiploError.badInput(file: output, place: nil, reason: "cannot be written (\((error as NSError).localizedDescription))")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case json
}
