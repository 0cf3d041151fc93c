import Foundation
import MOSBasics
import MOSYAML

extension OSCatalog {
    /// Builds a catalog from SOFA v2 feeds (`macos_data_feed.json`, `ios_data_feed.json`, …).
    ///
    /// Repeated versions are merged (all builds, earliest date, larger counts), timestamps become calendar
    /// dates, and iPadOS gets a copy of the iOS releases (SOFA publishes one feed for both). The catalog's
    /// date is the latest `LastCheck` among the feeds. Builds are kept as SOFA lists them. A release date that
    /// contradicts the order of releases (``implausibleReleaseDates()``) becomes unknown.
    /// - Parameter feeds: each feed's bytes, with the platform it describes (`nil`: read it from the feed).
    /// - Throws: `CatalogImportError` when a feed is not a SOFA v2 feed or holds an invalid version or date.
    public static func importSOFA(feeds: [(platformHint: String?, data: [UInt8])]) throws -> OSCatalog {
        try importSOFAReportingDates(feeds: feeds).catalog
    }

    /// ``importSOFA(feeds:)``, also returning the releases whose feed date was implausible and is now unknown
    /// (``implausibleReleaseDates()``), for the importer to report.
    public static func importSOFAReportingDates(feeds: [(platformHint: String?, data: [UInt8])]) throws -> (
        catalog: OSCatalog, unknownDates: [ImplausibleReleaseDate]
    ) {
        guard !feeds.isEmpty else { throw CatalogImportError.noFeeds }
        var releases: [String: [OSRelease]] = [:]
        var improvements: [String: [SecurityImprovement]] = [:]
        var checkDate: CatalogDate?
        for (index, feed) in feeds.enumerated() {
            let decoded: SOFAFeed
            let data = Data(feed.data)
            do {
                decoded = try JSONDecoder().decode(SOFAFeed.self, from: data)
            } catch {
                throw CatalogImportError.undecodableFeed(
                    feed: index, reason: (error as? DecodingError)?.reason(decoding: data) ?? String(describing: error))
            }
            let platform = try sofaPlatform(of: decoded, hint: feed.platformHint, feed: index)
            if let text = decoded.lastCheck, let date = CatalogDate(timestamp: text) {
                checkDate = max(checkDate ?? date, date)
            }
            for entry in decoded.osVersions {
                for release in entry.securityReleases {
                    releases[platform, default: []].append(try osRelease(from: release, feed: index))
                }
            }
            for major in (decoded.backgroundSecurityImprovements ?? [:]).keys.sorted() {
                for entry in decoded.backgroundSecurityImprovements?[major] ?? [] {
                    improvements[platform, default: []].append(try improvement(from: entry, feed: index))
                }
            }
        }
        guard let checkDate else { throw CatalogImportError.missingCheckDate }
        if releases["iPadOS"] == nil, let iOS = releases["iOS"] {
            releases["iPadOS"] = iOS
        }
        if improvements["iPadOS"] == nil, let iOS = improvements["iOS"] {
            improvements["iPadOS"] = iOS
        }
        let marked = OSCatalog(date: checkDate, releases: releases, improvements: improvements)
            .markingImplausibleDatesUnknown()
        return (marked.catalog, marked.changed)
    }

    /// The catalog platform a feed describes. The iOS feed covers iPadOS too, so an `iPadOS` hint reads as iOS.
    private static func sofaPlatform(of feed: SOFAFeed, hint: String?, feed index: Int) throws -> String {
        let name =
            hint ?? feed.osName
            ?? feed.osVersions.lazy.flatMap(\.securityReleases).compactMap(\.productName).first ?? ""
        switch name.lowercased() {
        case "macos": return "macOS"
        case "ios", "ipados", "ios and ipados": return "iOS"
        case "tvos": return "tvOS"
        case "visionos": return "visionOS"
        default: throw CatalogImportError.unknownPlatform(feed: index, name: name)
        }
    }

    private static func osRelease(from release: SOFAFeed.SecurityRelease, feed index: Int) throws -> OSRelease {
        guard let version = OSVersion(release.productVersion) else {
            throw CatalogImportError.invalidVersion(feed: index, version: release.productVersion)
        }
        guard let date = CatalogDate(timestamp: release.releaseDate) else {
            throw CatalogImportError.invalidReleaseDate(
                feed: index, version: release.productVersion, date: release.releaseDate)
        }
        var builds: [String] = []
        for build in [release.build ?? ""] + (release.allBuilds ?? []) where !build.isEmpty {
            guard OSRelease.isValidBuild(build) else {
                throw CatalogImportError.invalidBuild(feed: index, version: release.productVersion, build: build)
            }
            if !builds.contains(build) { builds.append(build) }
        }
        return OSRelease(
            version: version, builds: builds, releaseDate: date,
            exploitedCVEs: release.activelyExploitedCVEs?.count ?? 0, cves: release.uniqueCVEsCount)
    }

    /// One `BackgroundSecurityImprovements` entry; its `VersionExtra` `(a)` becomes the letter `a`.
    private static func improvement(from entry: SOFAFeed.Improvement, feed index: Int) throws -> SecurityImprovement {
        let name = "\(entry.version) \(entry.versionExtra)"
        let letter = String(entry.versionExtra.filter { $0 != "(" && $0 != ")" && $0 != " " })
        guard let version = OSVersion(entry.version), SecurityImprovement.isValidLetter(letter) else {
            throw CatalogImportError.invalidVersion(feed: index, version: name)
        }
        for build in [entry.build, entry.prerequisiteBuild ?? ""] where !build.isEmpty {
            guard OSRelease.isValidBuild(build) else {
                throw CatalogImportError.invalidBuild(feed: index, version: name, build: build)
            }
        }
        guard !entry.build.isEmpty else { throw CatalogImportError.invalidBuild(feed: index, version: name, build: "") }
        guard let posted = CatalogDate(timestamp: entry.postingDate) else {
            throw CatalogImportError.invalidReleaseDate(feed: index, version: name, date: entry.postingDate)
        }
        var supersession: SecurityImprovement.Supersession?
        if let by = entry.supersededBy {
            guard let version = OSVersion(by.productVersion) else {
                throw CatalogImportError.invalidVersion(feed: index, version: by.productVersion)
            }
            guard let date = CatalogDate(timestamp: by.releaseDate) else {
                throw CatalogImportError.invalidReleaseDate(
                    feed: index, version: by.productVersion, date: by.releaseDate)
            }
            supersession = .init(version: version, releaseDate: date)
        }
        return SecurityImprovement(
            baseVersion: version, letter: letter, build: entry.build,
            prerequisiteBuild: entry.prerequisiteBuild.flatMap { $0.isEmpty ? nil : $0 }, postingDate: posted,
            cves: entry.cves?.count, supersededBy: supersession)
    }
}
