import MOSBasics
import MOSCompiler
public import MOSDomain
import MOSOutput
import MOSYAML

/// `mosc catalog show`: the catalog's releases as an aligned text table, oldest first per platform.
public struct CatalogTableRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// One line per release (platform, version, builds, release date, actively exploited CVEs fixed) under a
    /// header naming the catalog's date; a version with no known builds shows `-`.
    /// - Parameters:
    ///   - catalog: the catalog to list.
    ///   - platforms: the platforms to list, in this order; nil lists every platform present.
    public func render(_ catalog: OSCatalog, platforms: [String]? = nil) -> String {
        let header = ["PLATFORM", "VERSION", "BUILDS", "RELEASED", "EXPLOITED"]
        var rows: [[String]] = []
        for platform in platforms ?? catalog.presentPlatforms {
            for release in catalog.releases(platform: platform) {
                rows.append([
                    platform, release.version, release.builds.isEmpty ? "-" : release.builds.joined(separator: ","),
                    release.releaseDate?.description ?? "unknown", String(release.exploitedCVEs),
                ])
            }
        }
        var widths = header.map(\.count)
        for row in rows {
            for (index, field) in row.enumerated() { widths[index] = max(widths[index], field.count) }
        }
        var out = "# OS release catalog of \(catalog.date): \(rows.count) \(rows.count == 1 ? "release" : "releases")\n"
        for row in [header] + rows {
            let padded = row.enumerated().map { index, field in
                index == row.count - 1 ? field : field + String(repeating: " ", count: widths[index] - field.count)
            }
            out += padded.joined(separator: "  ") + "\n"
        }
        return out
    }
}
