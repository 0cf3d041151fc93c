import ArgumentParser
import ManagedOS

/// `mosc catalog show [PLATFORM]`.
struct CatalogShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "List the releases the catalog knows.",
        discussion: """
            Prints one line per release: platform, version, builds (- when the source left them blank), release \
            date and the number of actively exploited vulnerabilities it fixed; then one line per Background \
            Security Improvement: its name (26.3.1 (a)), supplemental build, prerequisite build, posting date, \
            CVE count and the release that superseded it.
            Exit status: 0 success, 2 an unreadable or malformed --catalog file, 64 usage error (an unknown \
            platform). The catalog holds no policies, so there is no status 1.
            """
    )

    @Argument(help: "Only this platform: macOS, iOS, iPadOS, tvOS or visionOS. Default: every platform.")
    var platform: String?

    @OptionGroup var catalogOptions: CatalogOptions

    func validate() throws {
        if let platform, Self.platformName(platform) == nil {
            throw ValidationError(
                "unknown platform '\(platform)'; expected one of \(OSCatalog.platforms.joined(separator: ", "))")
        }
    }

    func run() throws {
        let catalog = try reportingFailures(catalogOptions.load)
        let platforms = platform.flatMap(Self.platformName).map { [$0] }
        StandardStreams.out(CatalogTableRenderer().render(catalog, platforms: platforms))
    }

    /// The catalog's spelling of a platform name given in any case (`macos` → `macOS`).
    static func platformName(_ text: String) -> String? {
        OSCatalog.platforms.first { $0.lowercased() == text.lowercased() }
    }
}
