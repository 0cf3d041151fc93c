import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// Targets are checked against Apple's real releases in the OS catalog: the version must exist (older majors
/// than the catalog covers cannot be judged, newer versions than it lists may simply postdate it), the build
/// must be one of the version's, a written-out deadline must not precede the release, and a newer patch
/// that fixes actively exploited vulnerabilities is worth a warning. `latest` forms are resolved and shown.
struct CatalogRule: ValidationRule {
    package static let codes: [DiagnosticCode] = [
        .unknownRelease, .releaseOlderThanCatalog, .releaseNewerThanCatalog, .buildNotInRelease,
        .buildUnknownInCatalog, .deadlineBeforeRelease, .newerPatchFixesExploits, .latestResolved,
        .latestUnresolvable, .buildPinsOneOfSeveral,
    ]

    package func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        let catalog = context.options.catalog
        // Thousands of policies share a dozen targets, and each question scans the catalog: ask once per target.
        var exploits: [TargetKey: Diagnostic?] = [:]
        for policy in context.repository.policies {
            guard let platform = policy.platform?.value, let text = policy.target?.version,
                let request = context.targetRequest(text.value),
                // SecurityImprovementRule checks Background Security Improvements against the catalog.
                request.securityImprovement == nil
            else { continue }
            guard let target = context.target(of: policy) else {
                diagnostics.emit(
                    .latestUnresolvable,
                    "'\(request)' matches no \(platform) release in the catalog (\(catalog.date))", at: text.location,
                    hint: Self.majorsHint(catalog, platform: platform))
                continue
            }
            if request.isLatest {
                diagnostics.emit(
                    .latestResolved, "\(request) resolves to \(target.version) (catalog \(catalog.date))",
                    at: text.location)
            }
            guard let release = target.release else {
                reportMissing(target, at: text.location, catalog: catalog, into: &diagnostics)
                continue
            }
            if !request.isLatest {
                if let build = policy.target?.build, TargetVersionRule.isPlausibleBuild(build.value) {
                    checkBuild(build, of: release, platform: platform, catalog: catalog, into: &diagnostics)
                }
                let key = TargetKey(platform: target.platform, version: target.version)
                if var diagnostic = exploits.memo(key, { Self.exploits(target, catalog: catalog) }) {
                    diagnostic.location = diagnostics.sources.location(text.location)
                    diagnostics.emit(diagnostic)
                }
            }
            // An unknown release date (implausible in the source) judges nothing.
            guard let released = release.releaseDate else { continue }
            for (location, value) in context.writtenDeadlines(of: policy, before: released.localDate) {
                diagnostics.emit(
                    .deadlineBeforeRelease,
                    "deadline \(value.wireString) precedes the release of \(platform) \(release.version) on \(released)",
                    at: location,
                    hint:
                        "devices cannot install a version before Apple ships it; or use {afterRelease: 14d, time: \"17:00\"}"
                )
            }
        }
    }

    /// A version the catalog does not list: unknown (error), too old to judge (note), or newer than the catalog.
    private func reportMissing(
        _ target: ResolvedTarget, at location: SourceMark, catalog: OSCatalog,
        into diagnostics: inout DiagnosticBag
    ) {
        let platform = target.platform.rawValue
        let wanted = target.version.description
        guard catalog.covers(platform: platform, version: wanted) else {
            let covered =
                catalog.oldestMajor(platform: platform).map { "\(platform) \($0) and later" }
                ?? "no \(platform) releases"
            diagnostics.emit(
                .releaseOlderThanCatalog,
                "\(platform) \(wanted) cannot be checked: the catalog covers \(covered)", at: location)
            return
        }
        if let newest = catalog.latest(platform: platform), let version = OSVersion(wanted),
            newest.versionNumber < version
        {
            diagnostics.emit(
                .releaseNewerThanCatalog,
                "\(platform) \(wanted) is newer than every release in the catalog of \(catalog.date) (newest: \(newest.version))",
                at: location,
                hint:
                    "if Apple has shipped it since, refresh the catalog: mosc catalog import FEED.json… --output catalog.tsv, pinned with 'catalog: catalog.tsv' in Settings"
            )
            return
        }
        let nearest = catalog.nearestVersions(platform: platform, version: wanted).map(\.version)
        diagnostics.emit(
            .unknownRelease, "\(platform) \(wanted) is not an Apple release", at: location,
            hint: nearest.isEmpty ? nil : "nearest real versions: \(nearest.joined(separator: ", "))")
    }

    private func checkBuild(
        _ build: Located<String>, of release: OSRelease, platform: Platform, catalog: OSCatalog,
        into diagnostics: inout DiagnosticBag
    ) {
        guard !release.builds.isEmpty else {
            diagnostics.emit(
                .buildUnknownInCatalog,
                "the catalog lists no builds for \(platform) \(release.version); build '\(build.value)' cannot be checked",
                at: build.location)
            return
        }
        guard !release.builds.contains(build.value) else {
            let others = Self.sameLineBuilds(of: build.value, in: release.builds)
            guard !others.isEmpty else { return }
            // Apple ships some releases as two builds of one train (23G83 for most devices, 23G6083 for the
            // newest): a pinned build is one device line's, and devices on the other never match it.
            let all = ([build.value] + others).map { "'\($0)'" }
            diagnostics.emit(
                .buildPinsOneOfSeveral,
                "\(platform) \(release.version) shipped as builds \(all.dropLast().joined(separator: ", ")) and \(all.last ?? ""): pinning '\(build.value)' leaves devices on \(others.map { "'\($0)'" }.joined(separator: ", ")) without a matching update",
                at: build.location,
                hint: "leave out the build so each device takes its own build of \(release.version)")
            return
        }
        let owner = catalog.release(platform: platform.rawValue, build: build.value)
        diagnostics.emit(
            .buildNotInRelease,
            "build '\(build.value)' is not a build of \(platform) \(release.version), whose builds are \(release.builds.joined(separator: ", "))",
            at: build.location,
            hint: owner.map { "'\(build.value)' is \(platform) \($0.version)'s build" }
                ?? "write one of its builds, or leave the build out")
    }

    /// The release's other builds of the same train as `build` (same leading digits and letter: `23G6083` for
    /// `23G83`). The catalog's build lists may also carry other platforms' builds of that day (SOFA lists tvOS'
    /// `23L773` under iOS 26.6); those are not device lines of this platform and are left out.
    static func sameLineBuilds(of build: String, in builds: [String]) -> [String] {
        func train(_ text: String) -> Substring {
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            return text.prefix(digits.count + 1)
        }
        let mine = train(build)
        return builds.filter { $0 != build && train($0) == mine }
    }

    private struct TargetKey: Hashable {
        package var platform: Platform
        package var version: OSVersion
    }

    /// The warning for a target that a newer patch fixing exploited vulnerabilities supersedes (its location is
    /// the caller's to set), or nil.
    private static func exploits(_ target: ResolvedTarget, catalog: OSCatalog) -> Diagnostic? {
        let platform = target.platform.rawValue
        let fixes = catalog.newerPatchesFixingExploits(platform: platform, version: target.version.description)
        guard let last = fixes.last, let newest = catalog.latest(platform: platform, major: target.version.major)
        else { return nil }
        let exploited = fixes.reduce(0) { $0 + $1.exploitedCVEs }
        let vulnerabilities = exploited == 1 ? "vulnerability" : "vulnerabilities"
        let fixers =
            fixes.count == 1
            ? "\(platform) \(last.version) fixes"
            : "\(platform) \(last.version) and \(fixes.count - 1) other newer patches fix"
        return Diagnostic(
            .newerPatchFixesExploits,
            "\(fixers) \(exploited) actively exploited \(vulnerabilities) that \(target.version) leaves open",
            at: nil,
            hint:
                "target \"\(newest.version)\", the newest \(platform) \(target.version.major), or 'latest-\(target.version.major)'"
        )
    }

    private static func majorsHint(_ catalog: OSCatalog, platform: Platform) -> String {
        let majors = catalog.majors(platform: platform.rawValue)
        guard !majors.isEmpty else { return "the catalog lists no \(platform) releases" }
        return "the catalog lists \(platform) \(majors.map(String.init).joined(separator: ", "))"
    }
}
