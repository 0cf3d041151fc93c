import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// Per-major tracks (Fleet #25978, #33150): one policy keeps each device on its own OS major, compiled to one
/// enforcement per major, each activated only on devices of that major. Now is 2026-11-25; the bundled catalog
/// lists macOS 12 to 15 and 26.
@Suite struct TrackTests {
    static func repository(
        tracks: String, osVersions: String = ">=15.0", policy: String = "deadline: \"2027-02-02T18:00\"",
        extra: String = ""
    ) -> String {
        """
        apiVersion: mosc/v1
        kind: Cohort
        name: macs
        platform: macOS
        osVersions: "\(osVersions)"
        ---
        apiVersion: mosc/v1
        kind: ManagedOSPolicy
        name: majors
        platform: macOS
        \(policy)
        \(extra)tracks:
        \(tracks)
        cohorts: [macs]
        """
    }

    static let sequoiaAndTahoe = """
          - target: {version: "15.7.9"}
            deadline: "2027-01-12T18:00"
          - target: {version: "26.6.2", build: "25G83"}
        """

    static let cases: [DiagnosticCase] = [
        DiagnosticCase("a track per major the cohort holds", [], yaml: repository(tracks: sequoiaAndTahoe)),
        DiagnosticCase(
            "target and tracks", [.at(.invalidTrack, "1️⃣")],
            yaml: """
                apiVersion: mosc/v1
                kind: Cohort
                name: macs
                platform: macOS
                osVersions: ">=26.0"
                ---
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: majors
                platform: macOS
                target: {version: "26.6.2"}
                deadline: "2027-02-02T18:00"
                1️⃣tracks:
                  - target: {version: "26.6.2"}
                cohorts: [macs]
                """),
        DiagnosticCase(
            "a track that names no major", [.at(.invalidTrack, "1️⃣"), .at(.latestResolved, "1️⃣")],
            yaml: repository(
                tracks: """
                      - target: {version: "26.6.2"}
                      - target: {version: 1️⃣"latest"}
                    """, osVersions: ">=26.0")),
        DiagnosticCase(
            "two tracks for one major", [.at(.invalidTrack, "1️⃣")],
            yaml: repository(
                tracks: """
                      - target: {version: "26.6.2"}
                      - target: {version: "15.7.9"}
                      - target: {version: 1️⃣"26.6.2"}
                    """)),
        DiagnosticCase(
            "no track", [.at(.invalidTrack, "1️⃣")],
            yaml: repository(tracks: "  []").replacingOccurrences(
                of: "tracks:", with: "1️⃣tracks:")),
        DiagnosticCase(
            "a track without a deadline in a policy without one", [.at(.missingKey, "1️⃣")],
            yaml: repository(
                tracks: """
                      - target: {version: "15.7.9"}
                        deadline: "2027-01-12T18:00"
                      - 1️⃣target: {version: "26.6.2"}
                    """, policy: "")),
        DiagnosticCase(
            "a cohort holding a major no track enforces", [.at(.majorWithoutTrack, "1️⃣")],
            yaml: repository(tracks: sequoiaAndTahoe, osVersions: ">=14.0").replacingOccurrences(
                of: "cohorts: [macs]", with: "cohorts: [1️⃣macs]")),
        DiagnosticCase(
            "pre-DDM devices on two tracks' majors", [.at(.invalidTrack, "1️⃣")],
            yaml: repository(
                tracks: """
                      - target: {version: "12.7.6"}
                      - target: {version: "13.7.8"}
                    """, osVersions: ">=12.0 <14", extra: "legacy: {timeZone: Europe/Berlin}\n"
            ).replacingOccurrences(of: "cohorts: [macs]", with: "cohorts: [1️⃣macs]")),
        DiagnosticCase(
            // Its tracks are not taken for the first policy's: no 'two tracks for macOS 26', no duplicate name.
            "a second policy whose first track does not read", [.at(.wrongType, "1️⃣")],
            yaml: repository(tracks: sequoiaAndTahoe) + """

                ---
                apiVersion: mosc/v1
                kind: Cohort
                name: studio
                platform: macOS
                osVersions: ">=26.0"
                ---
                apiVersion: mosc/v1
                kind: ManagedOSPolicy
                name: studio
                platform: macOS
                deadline: "2027-02-02T18:00"
                tracks:
                  - 1️⃣42
                  - target: {version: "26.6.2"}
                cohorts: [studio]
                """),
        DiagnosticCase(
            "a track's target is judged as a policy's", [.at(.releaseNewerThanCatalog, "1️⃣")],
            yaml: repository(
                tracks: """
                      - target: {version: "15.7.9"}
                      - target: {version: 1️⃣"26.6.9"}
                    """)),
    ]

    @Test(arguments: cases) func reportsDiagnostic(_ c: DiagnosticCase) {
        expectDiagnostics(c)
    }

    func holds(_ predicate: String, at version: String) throws -> Bool {
        try PredicateEvaluator.evaluate(predicate, status: [OSVersionPredicate.statusItem: version])
    }

    /// The compiled declarations of `macs`, by the identifier's last label.
    func declarations(_ output: CompiledOutput) throws -> [String: Declaration] {
        var found: [String: Declaration] = [:]
        for (path, bytes) in output.tree.files where path.hasPrefix("cohorts/macs/ddm/declarations/") {
            let declaration = try JSONDecoder().decode(Declaration.self, from: Data(bytes))
            found[String(declaration.identifier.dropFirst("mosc.majors.macs.".count))] = declaration
        }
        return found
    }

    @Test func eachMajorGetsItsEnforcementActivatedOnlyOnThatMajor() throws {
        let result = LegacyFixture.compile(
            Self.repository(tracks: Self.sequoiaAndTahoe, extra: "settings: {notifications: true}\n"))
        #expect(result.diagnostics.allSatisfy { $0.severity != .error }, "\(result.diagnostics.map(\.message))")
        let output = try #require(result.output)
        let found = try declarations(output)
        #expect(
            Set(found.keys) == ["enforcement-15", "enforcement-26", "activation-15", "activation-26", "settings"])
        #expect(found["enforcement-15"]?.payload["TargetOSVersion"] == .string("15.7.9"))
        #expect(found["enforcement-15"]?.payload["TargetLocalDateTime"] == .string("2027-01-12T18:00:00"))
        #expect(found["enforcement-26"]?.payload["TargetOSVersion"] == .string("26.6.2"))
        #expect(found["enforcement-26"]?.payload["TargetBuildVersion"] == .string("25G83"))
        #expect(found["enforcement-26"]?.payload["TargetLocalDateTime"] == .string("2027-02-02T18:00:00"))
        // Versions that break a string or number comparison: "15.10" sorts before "15.9", "9.0" after "15.0",
        // "150.1" and "1.5" share digits with 15, and 16 never shipped but must not count as 15.
        let table: [(String, Int?)] = [
            ("15.0", 15), ("15.9", 15), ("15.10", 15), ("15.10.1", 15), ("15", 15), ("26.0", 26), ("26.10", 26),
            ("9.0", nil), ("1.5", nil), ("150.1", nil), ("16.0", nil), ("25.9", nil), ("126.0", nil), ("2.6", nil),
        ]
        for major in [15, 26] {
            guard case .string(let predicate)? = found["activation-\(major)"]?.payload["Predicate"] else {
                Issue.record("activation-\(major) has no predicate")
                continue
            }
            #expect(
                found["activation-\(major)"]?.payload["StandardConfigurations"]
                    == .array([.string("mosc.majors.macs.enforcement-\(major)"), .string("mosc.majors.macs.settings")]))
            for (version, owner) in table {
                #expect(try holds(predicate, at: version) == (owner == major), "\(predicate) at \(version)")
            }
        }
        let entry = try #require(output.manifest.cohorts["macs"])
        #expect(entry.tracks?.map(\.major) == [15, 26])
        #expect(entry.tracks?.map(\.targetVersion) == ["15.7.9", "26.6.2"])
        #expect(entry.tracks?.first?.targetRequest == nil)
        #expect(
            entry.tracks?.map(\.enforcement) == ["mosc.majors.macs.enforcement-15", "mosc.majors.macs.enforcement-26"])
        // The cohort's own target is its primary track's: the newest, as no device takes the legacy path.
        #expect(entry.targetVersion == "26.6.2")
        #expect(entry.track(for: OSVersion(15, 10))?.deadline == "2027-01-12T18:00:00")
        #expect(entry.track(for: OSVersion(14, 7)) == nil)
    }

    @Test func theLegacyPartFollowsTheTrackOfItsMajor() throws {
        let result = LegacyFixture.compile(
            Self.repository(
                tracks: """
                      - target: {version: "latest-13"}
                        deadline: "2027-01-19T18:00"
                      - target: {version: "latest-14"}
                      - target: {version: "latest-15"}
                      - target: {version: "26.6.2"}
                    """, osVersions: ">=13.0", extra: "legacy: {timeZone: Europe/Berlin}\n"))
        #expect(result.diagnostics.allSatisfy { $0.severity != .error }, "\(result.diagnostics.map(\.message))")
        let output = try #require(result.output)
        let entry = try #require(output.manifest.cohorts["macs"])
        #expect(entry.paths == ["ddm", "legacy"])
        #expect(entry.targetVersion.hasPrefix("13."))
        #expect(entry.deadline == "2027-01-19T18:00:00")
        #expect(entry.targetRequest == "latest-13")
        #expect(entry.tracks?.map(\.major) == [13, 14, 15, 26])
        #expect(entry.tracks?.first?.enforcement == nil)
        let found = try declarations(output)
        #expect(
            Set(found.keys) == [
                "enforcement-14", "enforcement-15", "enforcement-26", "activation-14", "activation-15", "activation-26",
            ])
        let plan = try #require(output.tree.files["cohorts/macs/legacy/plan.json"])
        #expect(String(decoding: plan, as: UTF8.self).contains(entry.targetVersion))
    }

    @Test func statusJudgesEachDeviceByItsMajorsTrack() throws {
        let result = LegacyFixture.compile(Self.repository(tracks: Self.sequoiaAndTahoe, osVersions: ">=14.0"))
        let manifest = try #require(result.output).manifest
        let cohorts = CohortExpectation.all(from: manifest)
        let devices = """
            cohort,serial,udid
            macs,SEQUOIA1,
            macs,SEQUOIA2,
            macs,TAHOE1,
            macs,SONOMA1,

            """
        let status = StatusFixture.run(
            devices: devices,
            reports: [
                ("SEQUOIA1.json", StatusFixture.ddm(os: "15.7.9", installState: "none")),
                ("SEQUOIA2.json", StatusFixture.ddm(os: "15.6.1", installState: "downloading")),
                ("TAHOE1.json", StatusFixture.ddm(os: "26.5", installState: "none")),
                ("SONOMA1.json", StatusFixture.ddm(os: "14.7.8", installState: "none")),
            ], cohorts: cohorts)
        // A Sequoia Mac on 15.7.9 meets its track although the cohort's newest target is 26.6.2.
        #expect(StatusFixture.device(status, "SEQUOIA1")?.status == .pass)
        #expect(StatusFixture.device(status, "SEQUOIA2")?.status == .downloading)
        #expect(StatusFixture.device(status, "TAHOE1")?.status == .pending)
        let sonoma = StatusFixture.device(status, "SONOMA1")
        #expect(sonoma?.status == .pass)
        #expect(sonoma?.reason.contains("no track enforces its major") == true, "\(sonoma?.reason ?? "-")")
    }
}
