// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Diplo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "diplo", targets: ["diplo"]),
        .library(name: "DiploKit", targets: ["DiploKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The system's libsqlite3 (FTS5 and JSON built in), through our own module map.
        .systemLibrary(
            name: "DiploSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "DiploKit",
            dependencies: ["DiploSQLite"],
            // Schema/ is a link to the top-level Schema folder: the migrations ship inside the binary.
            resources: [.embedInCode("Store/Schema"), .embedInCode("Lexicon")]
        ),
        .executableTarget(
            name: "diplo",
            dependencies: [
                "DiploKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "diplo-bench", dependencies: ["DiploKit"]),
        .testTarget(name: "DiploKitTests", dependencies: ["DiploKit"]),
        .testTarget(name: "DiploCLITests", dependencies: ["diplo"]),
    ]
)
