import MOSBasics
import MOSCompiler
public import MOSDomain
import MOSOutput
import MOSYAML

/// `mosc catalog show`: the catalog's releases as an aligned text table, oldest first per platform, then its
/// Background Security Improvements when it has any.
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
        var out = "# OS release catalog of \(catalog.date): \(rows.count) \(rows.count == 1 ? "release" : "releases")\n"
        out += Self.table([header] + rows)
        let improvements = improvementRows(catalog, platforms: platforms ?? catalog.platformsWithImprovements)
        if !improvements.isEmpty {
            let count = improvements.count
            out += "\n# Background Security Improvements: \(count) \(count == 1 ? "improvement" : "improvements")\n"
            let header = ["PLATFORM", "BSI", "BUILD", "REQUIRES", "POSTED", "CVES", "SUPERSEDED BY"]
            out += Self.table([header] + improvements)
        }
        return out
    }

    /// One line per Background Security Improvement: its name, supplemental build, prerequisite build, posting
    /// date, CVE count and the release that superseded it (`-` where unknown or none).
    private func improvementRows(_ catalog: OSCatalog, platforms: [String]) -> [[String]] {
        var rows: [[String]] = []
        for platform in platforms {
            for improvement in catalog.improvements(platform: platform) {
                let superseded = improvement.supersededBy.map { "\($0.version) (\($0.releaseDate))" } ?? "-"
                rows.append([
                    platform, improvement.name, improvement.build, improvement.prerequisiteBuild ?? "-",
                    improvement.postingDate.description, improvement.cves.map(String.init) ?? "-", superseded,
                ])
            }
        }
        return rows
    }

    /// The rows as aligned columns, two spaces apart, the last column unpadded.
    private static func table(_ rows: [[String]]) -> String {
        var widths = rows.first?.map(\.count) ?? []
        for row in rows {
            for (index, field) in row.enumerated() { widths[index] = max(widths[index], field.count) }
        }
        var out = ""
        for row in rows {
            let padded = row.enumerated().map { index, field in
                index == row.count - 1 ? field : field + String(repeating: " ", count: widths[index] - field.count)
            }
            out += padded.joined(separator: "  ") + "\n"
        }
        return out
    }
}
