import ArgumentParser
import DiploExport
import DiploImport
import DiploModel
import DiploQuery
import DiploStore
import Foundation

#if canImport(Glibc)
    /// glibc's `mallopt` (malloc.h, which no Swift module brings in) and its `M_MMAP_THRESHOLD`.
    @_silgen_name("mallopt") private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
    private let M_MMAP_THRESHOLD: Int32 = -3
#endif

/// Every command names itself (`commandName`): ArgumentParser would otherwise work each name out
/// of its type's at every start, through `String(describing:)`, a search of all the binary's
/// protocol conformances each time (some 2 ms of a command's start).
@main
struct Diplo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diplo",
        abstract: "A knowledge base of diplomatic events in one SQLite file.",
        discussion: """
            Press releases and news (Vietnamese and English) and interchange files go in; leaders, \
            offices, countries, organisations, visits, summits and partnerships come out, each with \
            the sentence it came from. Start with `diplo demo`.
            """,
        version: "0.1.0",
        subcommands: [Init.self, Import.self, Show.self, List.self, Search.self, Query.self, Ask.self, Export.self, Demo.self]
    )

    /// As ArgumentParser runs a command, then one check it leaves out: that what was printed
    /// reached the standard output (`diplo list events > /dev/full` must not exit 0).
    static func main() {
        #if canImport(Glibc)
            // Buffers of up to 32 MiB (a long listing's rows and table) come from the heap and are
            // reused there, not mapped afresh each time, every page of them faulting in again:
            // glibc maps anything over 128 KiB until the first such buffer is freed (the
            // anniversary question at 100k events: 52 -> 48 ms, a tenth of its time in the kernel).
            _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        #endif
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
        if let error = StandardOutput.error { exit(withError: error) }
    }
}
