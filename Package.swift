// swift-tools-version: 6.1
import PackageDescription

/// Strict settings shared by every Swift target (see STYLE.md: one shared array).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ediag",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ediag", targets: ["ediag"]),
        .library(name: "EdiagEngine", targets: ["EdiagEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
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
            dependencies: ["EdiagModel", "EdiagEngine"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ediag",
            dependencies: [
                "EdiagModel", "EdiagEngine", "EdiagReport",
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
