// swift-tools-version: 6.1
import PackageDescription

/// Strict settings shared by every Swift target (see STYLE.md: one shared array).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The default report templates, embedded so the binary renders reports from anywhere
/// (`docs/reports.md`); files on disk override them.
enum ReportTemplates {
    static let files = [
        "labels.en.yaml", "labels.zh.yaml", "style.css",
        "plant.md.mustache", "plant.html.mustache", "plant.csv.mustache",
        "portfolio.md.mustache", "portfolio.html.mustache",
    ]
    static var embedded: [Resource] { files.map { .embedInCode("Templates/" + $0) } }
}

let package = Package(
    name: "ediag",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ediag", targets: ["ediag"]),
        .library(name: "EdiagEngine", targets: ["EdiagEngine"]),
        .library(name: "EdiagBatch", targets: ["EdiagBatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // Debian's liblua5.4-dev, found with pkg-config.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // The C edge: allocator, hooks, trampolines and everything that may raise a Lua error.
        .target(
            name: "CLuaShim",
            dependencies: ["CLua"]
        ),
        .target(
            name: "LuaSandbox",
            dependencies: ["CLuaShim", "CLua"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "EdiagModel",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "EdiagEngine",
            dependencies: ["EdiagModel", "LuaSandbox", .product(name: "Yams", package: "Yams")],
            resources: [.embedInCode("Lua/prelude.lua")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "EdiagReport",
            dependencies: [
                "EdiagModel", "EdiagEngine", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Templates/README.md"],
            resources: ReportTemplates.embedded,
            swiftSettings: strictSettings
        ),
        .target(
            name: "EdiagBench",
            dependencies: ["EdiagModel", "EdiagEngine", "EdiagReport"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "EdiagBatch",
            dependencies: [
                "EdiagModel", "EdiagEngine", "EdiagReport",
                .product(name: "SwiftCSV", package: "SwiftCSV"), .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ediag",
            dependencies: [
                "EdiagModel", "EdiagEngine", "EdiagReport", "EdiagBench", "EdiagBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LuaSandboxTests",
            dependencies: ["LuaSandbox"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EdiagModelTests",
            dependencies: ["EdiagModel"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EdiagEngineTests",
            dependencies: ["EdiagEngine", "EdiagModel", "EdiagReport"],
            exclude: ["Hostile"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EdiagBenchTests",
            dependencies: ["EdiagBench", "EdiagModel", "EdiagEngine", "EdiagReport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EdiagBatchTests",
            dependencies: ["EdiagBatch", "EdiagEngine", "EdiagModel", "EdiagReport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EdiagReportTests",
            dependencies: ["EdiagReport", "EdiagModel"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EdiagCLITests",
            dependencies: [],
            swiftSettings: strictSettings
        ),
    ]
)

// libFuzzer targets (Fuzz/Sources/*): declared only when EDIAG_FUZZ is set, so the normal build and
// CI never compile them. `scripts/fuzz` builds them with -sanitize=fuzzer in .build-fuzz.
if Context.environment["EDIAG_FUZZ"] != nil {
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["EdiagModel"], path: "Fuzz/Sources/FuzzSupport",
                                   swiftSettings: strictSettings))
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/Sources/FuzzDriver"))
    for name in ["fuzz-profile", "fuzz-rule-results", "fuzz-pack-loading"] {
        package.targets.append(.executableTarget(
            name: name, dependencies: ["EdiagModel", "EdiagEngine", "LuaSandbox", "FuzzSupport", "FuzzDriver"], path: "Fuzz/Sources/\(name)",
            swiftSettings: strictSettings))
    }
}
