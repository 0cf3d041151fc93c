import MOSBasics
import MOSYAML

/// mosc's compact catalog format: a header line, `#` comments, then one tab-separated release per line:
///
///     mosc-os-catalog<TAB>2<TAB>2026-08-22
///     # platform<TAB>version<TAB>builds<TAB>releaseDate<TAB>exploitedCVEs<TAB>cves
///     macOS<TAB>15.7.8<TAB>24G824<TAB>2026-07-27<TAB>0<TAB>138
///
/// Builds are comma-separated and may be empty; `releaseDate` is empty when unknown (format 2; see
/// ``OSCatalog/implausibleReleaseDates()``); `cves` is empty when unknown. Lines are sorted by
/// platform (in `OSCatalog.platforms` order) and then by version, so the same catalog always gives the same bytes.
///
/// Background Security Improvements follow the releases, one per line starting with the word `bsi` (read in
/// formats 1 and 2; added without a format change: a file without such lines reads as before, and mosc
/// versions before them reject the lines):
///
///     # bsi<TAB>platform<TAB>baseVersion<TAB>letter<TAB>build<TAB>prerequisiteBuild<TAB>postingDate<TAB>cves<TAB>supersededBy<TAB>supersededDate
///     bsi<TAB>macOS<TAB>26.3.1<TAB>a<TAB>25D771280a<TAB>25D2128<TAB>2026-03-17<TAB>1<TAB>26.4<TAB>2026-03-24
///
/// `prerequisiteBuild`, `cves` and the two superseded fields may be empty (the last two together). They are
/// sorted by platform, then base version and letter.
extension OSCatalog {
    /// The first field of the header line.
    public static let formatName = "mosc-os-catalog"
    /// The format version this code writes. Version 2 allows an empty (unknown) release date.
    public static let formatVersion = 2
    /// The format versions this code reads: 1 (every release dated) and 2.
    public static let readableFormatVersions = [1, 2]

    /// The fields of a release line, as named in the column comment.
    package static let columns = ["platform", "version", "builds", "releaseDate", "exploitedCVEs", "cves"]

    /// The first field of an improvement line.
    static let improvementKeyword = "bsi"

    /// The fields of an improvement line, as named in its column comment.
    static let improvementColumns = [
        improvementKeyword, "platform", "baseVersion", "letter", "build", "prerequisiteBuild", "postingDate", "cves",
        "supersededBy", "supersededDate",
    ]

    /// The catalog in the compact format, ending with a newline.
    public func serialized() -> String {
        var lines = [
            [Self.formatName, String(Self.formatVersion), date.description].joined(separator: "\t"),
            "# Apple OS releases derived from the SOFA v2 feeds (macadmins/sofa, Apache-2.0). Generated; do not edit.",
            "# " + Self.columns.joined(separator: "\t"),
        ]
        for platform in presentPlatforms {
            for release in releasesByPlatform[platform] ?? [] {
                let fields = [
                    platform, release.version, release.builds.joined(separator: ","),
                    release.releaseDate?.description ?? "", String(release.exploitedCVEs),
                    release.cves.map(String.init) ?? "",
                ]
                lines.append(fields.joined(separator: "\t"))
            }
        }
        let withImprovements = platformsWithImprovements
        if !withImprovements.isEmpty { lines.append("# " + Self.improvementColumns.joined(separator: "\t")) }
        for platform in withImprovements {
            for improvement in improvementsByPlatform[platform] ?? [] {
                let fields = [
                    Self.improvementKeyword, platform, improvement.baseVersion.description, improvement.letter,
                    improvement.build, improvement.prerequisiteBuild ?? "", improvement.postingDate.description,
                    improvement.cves.map(String.init) ?? "", improvement.supersededBy?.version.description ?? "",
                    improvement.supersededBy?.releaseDate.description ?? "",
                ]
                lines.append(fields.joined(separator: "\t"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads the compact format, reporting every problem with its line number rather than stopping at the first.
    public static func parse(_ text: String) -> Result<OSCatalog, CatalogParseError> {
        var parser = CompactTextParser()
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, line) in lines.enumerated() {
            parser.read(line, number: index + 1)
        }
        return parser.finish()
    }
}

/// The state of one `OSCatalog.parse` run.
private struct CompactTextParser {
    package var date: CatalogDate?
    var sawHeader = false
    package var formatVersion = OSCatalog.formatVersion
    package var releases: [String: [OSRelease]] = [:]
    var improvements: [String: [SecurityImprovement]] = [:]
    /// The line of each platform/improvement seen (`26.3.1 (a)`), to point duplicates at the first occurrence.
    var firstImprovementLine: [String: [String: Int]] = [:]
    /// The line of each platform/version seen, to point duplicates at the first occurrence.
    var firstLine: [String: [OSVersion: Int]] = [:]
    package var problems: [CatalogParseError.Problem] = []

    package mutating func read(_ line: Substring, number: Int) {
        if !sawHeader {
            sawHeader = true
            readHeader(line, number: number)
            return
        }
        if line.isEmpty || line.hasPrefix("#") { return }
        readRelease(line, number: number)
    }

    package mutating func finish() -> Result<OSCatalog, CatalogParseError> {
        guard problems.isEmpty, let date else {
            // Reading the header either sets the date or reports a problem; the fallback only guards that.
            let reported = problems.isEmpty ? [.init(line: 1, message: "missing header line")] : problems
            return .failure(CatalogParseError(problems: reported))
        }
        // A catalog written before dates were checked (format 1) may carry SOFA's implausible dates.
        return .success(
            OSCatalog(date: date, releases: releases, improvements: improvements).markingImplausibleDatesUnknown()
                .catalog)
    }

    private mutating func readHeader(_ line: Substring, number: Int) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0] == OSCatalog.formatName else {
            report(number, "expected header '\(OSCatalog.formatName)<TAB>version<TAB>YYYY-MM-DD'")
            return
        }
        guard let version = Int(fields[1]), OSCatalog.readableFormatVersions.contains(version),
            String(version) == fields[1]
        else {
            let expected = OSCatalog.readableFormatVersions.map { "'\($0)'" }.joined(separator: " or ")
            report(number, "unsupported format version '\(fields[1])'; expected \(expected)")
            return
        }
        formatVersion = version
        guard let date = CatalogDate(String(fields[2])) else {
            report(number, "invalid catalog date '\(fields[2])'; expected YYYY-MM-DD")
            return
        }
        self.date = date
    }

    private mutating func readRelease(_ line: Substring, number: Int) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if fields.first == OSCatalog.improvementKeyword {
            readImprovement(fields, number: number)
            return
        }
        guard fields.count == OSCatalog.columns.count else {
            report(number, "expected \(OSCatalog.columns.count) tab-separated fields, found \(fields.count)")
            return
        }
        let problemsBefore = problems.count
        let platform = fields[0]
        checkPlatform(platform, number: number)
        let version = OSVersion(fields[1])
        if version == nil { report(number, "invalid version '\(fields[1])'") }
        let builds =
            fields[2].isEmpty ? [] : fields[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for build in builds where !OSRelease.isValidBuild(build) {
            report(number, "invalid build '\(build)'; expected 1-16 ASCII letters and digits")
        }
        if Set(builds).count != builds.count { report(number, "repeated build in '\(fields[2])'") }
        // Format 2 writes an unknown date as an empty field.
        let unknownDate = fields[3].isEmpty && formatVersion >= 2
        let date = CatalogDate(fields[3])
        if date == nil && !unknownDate {
            report(number, "invalid release date '\(fields[3])'; expected YYYY-MM-DD")
        }
        let exploited = count(fields[4])
        if exploited == nil { report(number, "invalid exploited CVE count '\(fields[4])'") }
        let cves = fields[5].isEmpty ? nil : count(fields[5])
        if !fields[5].isEmpty && cves == nil { report(number, "invalid CVE count '\(fields[5])'") }
        guard problems.count == problemsBefore, let version, let exploited else { return }
        if let first = firstLine[platform]?[version] {
            report(number, "duplicate release \(platform) \(version); first listed on line \(first)")
            return
        }
        firstLine[platform, default: [:]][version] = number
        releases[platform, default: []].append(
            OSRelease(version: version, builds: builds, releaseDate: date, exploitedCVEs: exploited, cves: cves))
    }

    private mutating func readImprovement(_ fields: [String], number: Int) {
        guard fields.count == OSCatalog.improvementColumns.count else {
            report(
                number,
                "expected \(OSCatalog.improvementColumns.count) tab-separated fields in a bsi line, found \(fields.count)"
            )
            return
        }
        let problemsBefore = problems.count
        let platform = fields[1]
        checkPlatform(platform, number: number)
        let version = OSVersion(fields[2])
        if version == nil { report(number, "invalid version '\(fields[2])'") }
        if !SecurityImprovement.isValidLetter(fields[3]) {
            report(number, "invalid letter '\(fields[3])'; expected one or two lowercase letters")
        }
        for build in [fields[4], fields[5]] where !build.isEmpty && !OSRelease.isValidBuild(build) {
            report(number, "invalid build '\(build)'; expected 1-16 ASCII letters and digits")
        }
        if fields[4].isEmpty { report(number, "missing build") }
        let posted = CatalogDate(fields[6])
        if posted == nil { report(number, "invalid posting date '\(fields[6])'; expected YYYY-MM-DD") }
        let cves = fields[7].isEmpty ? nil : count(fields[7])
        if !fields[7].isEmpty && cves == nil { report(number, "invalid CVE count '\(fields[7])'") }
        var supersession: SecurityImprovement.Supersession?
        switch (fields[8].isEmpty, fields[9].isEmpty) {
        case (true, true):
            break
        case (false, false):
            if let by = OSVersion(fields[8]), let date = CatalogDate(fields[9]) {
                supersession = .init(version: by, releaseDate: date)
            } else {
                report(number, "invalid supersession '\(fields[8])' '\(fields[9])'; expected a version and YYYY-MM-DD")
            }
        default:
            report(number, "supersededBy and supersededDate must both be given or both be empty")
        }
        guard problems.count == problemsBefore, let version, let posted else { return }
        let name = "\(version) (\(fields[3]))"
        if let first = firstImprovementLine[platform]?[name] {
            report(number, "duplicate improvement \(platform) \(name); first listed on line \(first)")
            return
        }
        firstImprovementLine[platform, default: [:]][name] = number
        improvements[platform, default: []].append(
            SecurityImprovement(
                baseVersion: version, letter: fields[3], build: fields[4],
                prerequisiteBuild: fields[5].isEmpty ? nil : fields[5], postingDate: posted, cves: cves,
                supersededBy: supersession))
    }

    private mutating func checkPlatform(_ platform: String, number: Int) {
        guard !OSCatalog.platforms.contains(platform) else { return }
        report(
            number,
            "unknown platform '\(platform)'; expected one of "
                + OSCatalog.platforms.map { "'\($0)'" }.joined(separator: ", "))
    }

    /// A non-negative count written as plain ASCII digits.
    private func count(_ text: String) -> Int? {
        guard (1...9).contains(text.utf8.count),
            text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return Int(text)
    }

    private mutating func report(_ line: Int, _ message: String) {
        problems.append(.init(line: line, message: message))
    }
}
