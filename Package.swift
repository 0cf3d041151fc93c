// swift-tools-version:6.1
import PackageDescription

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
        // The system libyaml (Debian libyaml-dev); only Parse/YAMLComposer.swift calls it.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // One C function: an atomic swap of two folders, so a compile never leaves half a tree behind.
        .target(name: "CExchange"),
        .target(
            name: "ManagedOS",
            dependencies: [
                "CYAML",
                "CExchange",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
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
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
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
