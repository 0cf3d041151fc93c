// swift-tools-version:6.1
import PackageDescription

/// The library layers keep every `public import` deliberate.
let library: [SwiftSetting] = [.enableUpcomingFeature("InternalImportsByDefault")]

let package = Package(
    name: "mosc",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mosc", targets: ["mosc"]),
        .library(name: "ManagedOS", targets: ["ManagedOS"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        // The system libyaml (Debian libyaml-dev); only MOSYAML/YAMLComposer.swift calls it.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // One C function: an atomic swap of two folders, so a compile never leaves half a tree behind.
        .target(name: "CExchange"),
        // libcurl through dlopen, for the commands that speak HTTP (sync, status --server): the binary does not
        // link it, so every other command starts without it and runs where it is not installed.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
        // The library's layers, lowest first: a target depends only on targets listed before it, so a cycle is a
        // build error. Basics: source files and locations, diagnostics, time, concurrency.
        .target(name: "MOSBasics", swiftSettings: library),
        // YAML at the node level over the system libyaml: the composer, the node tree, key sets.
        .target(name: "MOSYAML", dependencies: ["MOSBasics", "CYAML"], swiftSettings: library),
        // The domain: versions and ranges, platforms and enrollments, Apple's schema gates, the OS release catalog.
        .target(
            name: "MOSDomain",
            dependencies: ["MOSBasics", "MOSYAML"],
            exclude: ["AppleSchema/Data/PROVENANCE.md", "Catalog/Data/SOFA-LICENSE.txt", "Catalog/Data/README.md"],
            // Apple's pinned schema and the OS release catalog, compiled in as byte arrays (`PackageResources`),
            // so no resource bundle can go missing at run time.
            resources: [
                .embedInCode("AppleSchema/Data/LICENSE.txt"),
                .embedInCode("AppleSchema/Data/declarationbase.yaml"),
                .embedInCode("AppleSchema/Data/declarativemanagement.yaml"),
                .embedInCode("AppleSchema/Data/management.declarations.yaml"),
                .embedInCode("AppleSchema/Data/simple.yaml"),
                .embedInCode("AppleSchema/Data/softwareupdate.beta-enrollment.yaml"),
                .embedInCode("AppleSchema/Data/softwareupdate.device-id.yaml"),
                .embedInCode("AppleSchema/Data/softwareupdate.enforcement.specific.yaml"),
                .embedInCode("AppleSchema/Data/softwareupdate.failure-reason.yaml"),
                .embedInCode("AppleSchema/Data/softwareupdate.install-reason.yaml"),
                .embedInCode("AppleSchema/Data/softwareupdate.install-state.yaml"),
                .embedInCode("AppleSchema/Data/softwareupdate.pending-version.yaml"),
                .embedInCode("AppleSchema/Data/softwareupdate.settings.yaml"),
                .embedInCode("AppleSchema/Data/system.update.available.yaml"),
                .embedInCode("AppleSchema/Data/system.update.scan.yaml"),
                .embedInCode("AppleSchema/Data/system.update.schedule.yaml"),
                .embedInCode("AppleSchema/Data/system.update.status.yaml"),
                .embedInCode("Catalog/Data/catalog.tsv"),
            ],
            swiftSettings: library
        ),
        // The compiled output's values and their canonical JSON.
        .target(
            name: "MOSOutput",
            dependencies: ["MOSBasics", "MOSDomain", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: library
        ),
        // The compiler's stages in order: Parse → Resolve → Check → Plan → Emit, composed by `Compiler`.
        .target(
            name: "MOSCompiler",
            dependencies: ["MOSBasics", "MOSYAML", "MOSDomain", "MOSOutput", "CExchange"],
            swiftSettings: library
        ),
        // What consumes a compiled output or a diagnostic list: Diff, Timeline, Status, Reporting.
        .target(
            name: "MOSTools",
            dependencies: ["MOSBasics", "MOSYAML", "MOSDomain", "MOSOutput", "MOSCompiler", "CCurl"],
            swiftSettings: library
        ),
        // The library product: re-exports the layers, so `import ManagedOS` reaches all of them.
        .target(
            name: "ManagedOS",
            dependencies: ["MOSBasics", "MOSYAML", "MOSDomain", "MOSOutput", "MOSCompiler", "MOSTools"],
            swiftSettings: library
        ),
        .executableTarget(
            name: "mosc",
            dependencies: [
                "ManagedOS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "ManagedOSTestSupport", dependencies: ["ManagedOS"]),
        .testTarget(
            name: "ManagedOSTests",
            dependencies: ["ManagedOS", "ManagedOSTestSupport"],
            exclude: ["Golden/Fixtures"]
        ),
        .testTarget(name: "moscTests", dependencies: ["ManagedOSTestSupport"]),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
