/// A release whose date in the source contradicts the other releases, so the date is not used.
public struct ImplausibleReleaseDate: Sendable, Hashable, CustomStringConvertible {
    /// The platform, e.g. `macOS`.
    public var platform: String
    /// The release's version.
    public var version: String
    /// The date the source gave.
    public var date: CatalogDate
    /// Why it cannot be right, e.g. `after 12.4 (2022-05-16)`.
    public var reason: String

    /// `macOS 12.2 is dated 2023-11-02, after 12.4 (2022-05-16)`.
    public var description: String { "\(platform) \(version) is dated \(date), \(reason)" }
}

/// SOFA dates some old releases when it first recorded them, not when Apple shipped them (macOS 12.2 shows
/// 2023-11-02; it shipped in January 2022). Such a date would move `afterRelease` deadlines and MOS275 by years,
/// so a date that contradicts the order of releases is dropped (unknown) rather than trusted or guessed.
extension OSCatalog {
    /// Releases whose dates cannot be right, in catalog order (platform, then version), by two rules that hold for every Apple platform:
    /// - a release is dated after a higher version of the same major (Apple ships a major's versions in order);
    /// - a release of a major's `.0` series (`13.0`, `13.0.1`) is dated after the next major's first release
    ///   (a major leaves its `.0` series long before the next major ships).
    ///
    /// Later patches of an older major after the next major's release are normal (security updates for the two
    /// previous majors), so they are not judged by the second rule.
    public func implausibleReleaseDates() -> [ImplausibleReleaseDate] {
        var found: [ImplausibleReleaseDate] = []
        for platform in presentPlatforms {
            let all = releases(platform: platform)
            var firstOfMajor: [Int: OSRelease] = [:]
            for release in all where release.releaseDate != nil && firstOfMajor[release.major] == nil {
                firstOfMajor[release.major] = release
            }
            // Walking from the newest version down, `earliestLater` is the earliest-dated higher version of the
            // same major seen so far.
            var earliestLater: OSRelease?
            var inPlatform: [ImplausibleReleaseDate] = []
            for release in all.reversed() {
                if let later = earliestLater, later.major != release.major { earliestLater = nil }
                guard let date = release.releaseDate else { continue }
                if let later = earliestLater, let laterDate = later.releaseDate, laterDate < date {
                    inPlatform.append(
                        ImplausibleReleaseDate(
                            platform: platform, version: release.version, date: date,
                            reason: "after \(later.version) (\(laterDate))"))
                    continue
                }
                if release.versionNumber.minor == 0,
                    let next = firstOfMajor[release.major + 1], let nextDate = next.releaseDate, nextDate < date
                {
                    inPlatform.append(
                        ImplausibleReleaseDate(
                            platform: platform, version: release.version, date: date,
                            reason: "after the next major's first release, \(next.version) (\(nextDate))"))
                    continue
                }
                if earliestLater?.releaseDate.map({ date < $0 }) ?? true { earliestLater = release }
            }
            found += inPlatform.reversed()
        }
        return found
    }

    /// The catalog with every implausible release date made unknown, and what was changed.
    public func markingImplausibleDatesUnknown() -> (catalog: OSCatalog, changed: [ImplausibleReleaseDate]) {
        let changed = implausibleReleaseDates()
        guard !changed.isEmpty else { return (self, []) }
        var releases = releasesByPlatform
        for entry in changed {
            guard let list = releases[entry.platform] else { continue }
            releases[entry.platform] = list.map { release in
                var release = release
                if release.version == entry.version { release.releaseDate = nil }
                return release
            }
        }
        return (OSCatalog(date: date, releases: releases, improvements: improvementsByPlatform), changed)
    }
}
