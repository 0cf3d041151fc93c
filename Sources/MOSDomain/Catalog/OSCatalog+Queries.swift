import MOSBasics
import MOSYAML

/// Look-ups for validation: does a version or build exist, what is newest, what did the admin probably mean.
/// Every query takes the platform's raw name (`macOS`); unknown platforms and unparsable versions find nothing.
extension OSCatalog {
    /// All releases of a platform, oldest first.
    public func releases(platform: String) -> [OSRelease] {
        releasesByPlatform[platform] ?? []
    }

    /// The release with exactly this version (`15` and `15.0` are the same), if Apple shipped it.
    public func release(platform: String, version: String) -> OSRelease? {
        guard let wanted = OSVersion(version) else { return nil }
        return releases(platform: platform).first { $0.versionNumber == wanted }
    }

    /// The release that has this build number, if any.
    public func release(platform: String, build: String) -> OSRelease? {
        releases(platform: platform).first { $0.builds.contains(build) }
    }

    /// The releases of one major version, oldest first.
    public func releases(platform: String, major: Int) -> [OSRelease] {
        releases(platform: platform).filter { $0.major == major }
    }

    /// The newest release of a platform.
    public func latest(platform: String) -> OSRelease? {
        releases(platform: platform).last
    }

    /// The newest release of one major version.
    public func latest(platform: String, major: Int) -> OSRelease? {
        releases(platform: platform).last { $0.major == major }
    }

    /// The major versions present, ascending.
    public func majors(platform: String) -> [Int] {
        var seen: [Int] = []
        for release in releases(platform: platform) where seen.last != release.major {
            seen.append(release.major)
        }
        return seen
    }

    /// The oldest major version the catalog lists; older versions may exist but are not covered.
    public func oldestMajor(platform: String) -> Int? {
        releases(platform: platform).first?.major
    }

    /// Whether the catalog can judge this version: its major is at least the oldest one listed.
    /// A covered version missing from the catalog was not shipped by ``date`` (later releases are unknown).
    public func covers(platform: String, version: String) -> Bool {
        guard let wanted = OSVersion(version), let oldest = oldestMajor(platform: platform) else { return false }
        return wanted.major >= oldest
    }

    /// The real versions closest to `version`, for a "did you mean" note: the release itself when it exists,
    /// else the nearest older and newer releases (`15.4.3` → `15.4.1`, `15.5`). A neighbour from another
    /// major is dropped when the other neighbour shares the requested major (`15.8` → `15.7.9` only).
    public func nearestVersions(platform: String, version: String) -> [OSRelease] {
        guard let wanted = OSVersion(version) else { return [] }
        let all = releases(platform: platform)
        if let exact = all.first(where: { $0.versionNumber == wanted }) { return [exact] }
        let older = all.last { $0.versionNumber < wanted }
        let newer = all.first { wanted < $0.versionNumber }
        let sameMajor = [older, newer].compactMap { $0 }.filter { $0.major == wanted.major }
        return sameMajor.isEmpty ? [older, newer].compactMap { $0 } : sameMajor
    }

    /// Newer releases of the same major that fixed actively exploited vulnerabilities, oldest first:
    /// the reason to move off `version`.
    public func newerPatchesFixingExploits(platform: String, version: String) -> [OSRelease] {
        guard let wanted = OSVersion(version) else { return [] }
        return releases(platform: platform, major: wanted.major).filter {
            wanted < $0.versionNumber && $0.exploitedCVEs > 0
        }
    }

    /// The platform's Background Security Improvements, oldest first.
    public func improvements(platform: String) -> [SecurityImprovement] {
        improvementsByPlatform[platform] ?? []
    }

    /// The improvement with this base version and letter (`26.3.1`, `a`), if Apple posted it.
    public func improvement(platform: String, baseVersion: String, letter: String) -> SecurityImprovement? {
        guard let wanted = OSVersion(baseVersion) else { return nil }
        return improvements(platform: platform).first { $0.baseVersion == wanted && $0.letter == letter }
    }
}
