// swift-tools-version: 6.0
import PackageDescription

// The layers, bottom to top; each target depends only on those below it, so the compiler refuses
// a back-edge:
//
//   diplo (CLI) ─┬─> DiploAsk ────> DiploQuery, DiploImport
//                ├─> DiploExport ─> DiploQuery
//                ├─> DiploQuery ──┐
//                └─> DiploImport ─┴─> DiploStore ──> DiploModel
//                                          └──> DiploSQLite
//
// DiploModel holds the values (no SQL, no I/O); DiploStore is the only target with SQL;
// DiploImport reads documents into model values; DiploQuery reads the store, and DiploExport
// reads it too, and through DiploQuery's graph links. Every target above DiploStore may also use
// DiploStore and DiploModel directly.
// The Swift runtime and Foundation linked into `diplo` (release builds): every command starts some
// 3 ms sooner, without the dynamic loader binding their symbols. `-static-stdlib` alone leaves
// out what FoundationXML (the data set readers) needs: those libraries, each after what uses it,
// as `swift build --static-swift-stdlib` links them.
let staticSwiftLibraries = [
    "-static-stdlib", "-lFoundationXML", "-l_CFXMLInterface", "-lxml2", "-lFoundation", "-lFoundationInternationalization",
    "-l_FoundationICU", "-lFoundationEssentials", "-l_FoundationCShims", "-l_FoundationCollections", "-lCoreFoundation",
    "-lswiftDispatch", "-ldispatch", "-lBlocksRuntime", "-l_FoundationICU", "-lswiftSynchronization", "-lswiftCore",
    "-lstdc++",
]

let package = Package(
    name: "Diplo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "diplo", targets: ["diplo"]),
        .library(name: "DiploModel", targets: ["DiploModel"]),
        .library(name: "DiploStore", targets: ["DiploStore"]),
        .library(name: "DiploImport", targets: ["DiploImport"]),
        .library(name: "DiploQuery", targets: ["DiploQuery"]),
        .library(name: "DiploExport", targets: ["DiploExport"]),
        .library(name: "DiploAsk", targets: ["DiploAsk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // The system's libsqlite3 (FTS5 and JSON built in), through our own module map.
        .systemLibrary(
            name: "DiploSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "DiploModel",
            resources: [.embedInCode("Lexicon")]
        ),
        .target(
            name: "DiploStore",
            dependencies: ["DiploModel", "DiploSQLite"],
            // Schema/ is a link to the top-level Schema folder: the migrations ship inside the binary.
            resources: [.embedInCode("Schema")]
        ),
        .target(
            name: "DiploImport",
            dependencies: ["DiploModel", "DiploStore"],
            // Lexicon/: the press-release reader's words; DataSets/Tables/: the data set readers' tables.
            resources: [.embedInCode("Lexicon"), .embedInCode("DataSets/Tables")]
        ),
        .target(name: "DiploQuery", dependencies: ["DiploModel", "DiploStore"]),
        .target(name: "DiploExport", dependencies: ["DiploModel", "DiploStore", "DiploQuery"]),
        // `diplo ask`: questions in plain words mapped onto the queries; the shapes are data (Shapes.json),
        // the words for names, titles and levels the press-release reader's lexicon.
        .target(
            name: "DiploAsk",
            dependencies: ["DiploModel", "DiploStore", "DiploImport", "DiploQuery"],
            resources: [.embedInCode("Shapes.json")]
        ),
        .executableTarget(
            name: "diplo",
            dependencies: [
                "DiploModel", "DiploStore", "DiploImport", "DiploQuery", "DiploExport", "DiploAsk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.unsafeFlags(staticSwiftLibraries, .when(platforms: [.linux], configuration: .release))]
        ),
        .executableTarget(
            name: "diplo-bench",
            dependencies: ["DiploModel", "DiploStore", "DiploImport", "DiploExport", "DiploAsk", "DiploQuery"]
        ),
        // `make fuzz`: mutated documents through the readers and the merge, deterministic from a seed.
        .executableTarget(name: "diplo-fuzz", dependencies: ["DiploModel", "DiploStore", "DiploImport"]),
        // What both test targets read exports back with (CSV, Mermaid's flowchart), written once.
        .target(name: "DiploTestSupport", path: "Tests/DiploTestSupport"),
        .testTarget(
            name: "DiploLibraryTests",
            dependencies: [
                "DiploModel", "DiploStore", "DiploImport", "DiploQuery", "DiploExport", "DiploAsk", "DiploTestSupport",
            ]
        ),
        .testTarget(name: "DiploCLITests", dependencies: ["diplo", "DiploTestSupport"]),
    ]
)
