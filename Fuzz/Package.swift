// swift-tools-version:6.1
// The libFuzzer target over read → validate → compile. Built on its own (see scripts/fuzz.sh) because it needs
// `-sanitize=fuzzer`, which the main package's ordinary builds must not get.
import PackageDescription

let package = Package(
    name: "MoscFuzz",
    dependencies: [.package(name: "mosc", path: "..")],
    targets: [
        .executableTarget(
            name: "MoscFuzz",
            dependencies: [.product(name: "ManagedOS", package: "mosc")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ]
)
