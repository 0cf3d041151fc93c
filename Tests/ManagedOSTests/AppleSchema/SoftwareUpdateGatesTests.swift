import ManagedOS
import Testing

@Suite struct SoftwareUpdateGatesTests {
    private let gates = SoftwareUpdateGates.bundled

    @Test(arguments: [
        (Platform.macOS, "14.0", "15.0"),
        (.iOS, "17.0", "18.0"),
        (.iPadOS, "17.0", "18.0"),
        (.tvOS, "18.4", "18.4"),
        (.visionOS, "26.0", "26.0"),
    ])
    func declarationThresholds(_ platform: Platform, _ enforcement: String, _ settings: String) {
        #expect(gates.ddmThreshold(for: platform)?.description == enforcement)
        #expect(gates.settingsThreshold(for: platform)?.description == settings)
    }

    @Test(arguments: [
        (Platform.macOS, "13.0"), (.iOS, "15.0"), (.iPadOS, "15.0"), (.tvOS, "16.0"), (.visionOS, "1.1"),
    ])
    func declarativeManagementThreshold(_ platform: Platform, _ version: String) {
        #expect(gates.declarativeManagementThreshold(for: platform)?.description == version)
    }

    static let declarationEnrollmentTable: [(Platform, Set<Enrollment>)] = [
        (.macOS, [.supervised]),
        (.iOS, [.supervised, .device]),
        (.iPadOS, [.supervised, .device]),
        (.tvOS, [.supervised, .device]),
        (.visionOS, [.supervised, .device]),
    ]

    @Test(arguments: declarationEnrollmentTable)
    func declarationEnrollments(_ platform: Platform, _ enrollments: Set<Enrollment>) {
        #expect(gates.enforcementEnrollments(for: platform) == enrollments)
        #expect(gates.settingsEnrollments(for: platform) == enrollments)
        #expect(!gates.enforcementEnrollments(for: platform).contains(.user))
    }

    struct LegacyCase: Sendable, CustomStringConvertible {
        var request: LegacyRequest
        var platform: Platform
        var introduced: String?
        var supervised = true
        var userEnrollmentForbidden = true
        var description: String { "\(request) on \(platform)" }
    }

    @Test(arguments: [
        LegacyCase(request: .scheduleOSUpdate, platform: .macOS, introduced: "10.11"),
        LegacyCase(request: .scheduleOSUpdate, platform: .iOS, introduced: "9.0"),
        LegacyCase(request: .scheduleOSUpdate, platform: .iPadOS, introduced: "9.0"),
        LegacyCase(request: .scheduleOSUpdate, platform: .tvOS, introduced: "12.0", userEnrollmentForbidden: false),
        LegacyCase(request: .scheduleOSUpdate, platform: .visionOS, introduced: nil),
        LegacyCase(request: .scheduleOSUpdateScan, platform: .macOS, introduced: "10.11"),
        LegacyCase(request: .scheduleOSUpdateScan, platform: .iOS, introduced: nil),
        LegacyCase(request: .scheduleOSUpdateScan, platform: .iPadOS, introduced: nil),
        LegacyCase(request: .scheduleOSUpdateScan, platform: .tvOS, introduced: nil),
        LegacyCase(request: .scheduleOSUpdateScan, platform: .visionOS, introduced: nil),
        LegacyCase(request: .availableOSUpdates, platform: .macOS, introduced: "10.11", supervised: false),
        LegacyCase(request: .availableOSUpdates, platform: .iOS, introduced: "9.0"),
        LegacyCase(request: .availableOSUpdates, platform: .iPadOS, introduced: "9.0"),
        LegacyCase(request: .availableOSUpdates, platform: .tvOS, introduced: "12.0", userEnrollmentForbidden: false),
        LegacyCase(request: .availableOSUpdates, platform: .visionOS, introduced: nil),
        LegacyCase(request: .osUpdateStatus, platform: .macOS, introduced: "10.11.5"),
        LegacyCase(request: .osUpdateStatus, platform: .iOS, introduced: "9.0"),
        LegacyCase(request: .osUpdateStatus, platform: .iPadOS, introduced: "9.0"),
        LegacyCase(request: .osUpdateStatus, platform: .tvOS, introduced: "12.0", userEnrollmentForbidden: false),
        LegacyCase(request: .osUpdateStatus, platform: .visionOS, introduced: nil),
    ])
    func legacyCommandSupport(_ expected: LegacyCase) throws {
        let support = gates.legacyCommandSupport(expected.request, platform: expected.platform)
        guard let introduced = expected.introduced else {
            #expect(support == nil)
            return
        }
        let found = try #require(support)
        #expect(found.introduced.description == introduced)
        #expect(found.requiresSupervision == expected.supervised)
        #expect(found.userEnrollmentForbidden == expected.userEnrollmentForbidden)
        #expect(found.deprecated == OSVersion(26, 0))
        #expect(found.removed == OSVersion(27, 0))
        #expect(found.isAvailable(on: OSVersion(26, 4)))
        #expect(found.isDeprecated(on: OSVersion(26, 0)))
        #expect(!found.isDeprecated(on: OSVersion(25, 9)))
        #expect(!found.isAvailable(on: OSVersion(27, 0)))
        #expect(!found.isAvailable(on: OSVersion(8, 4)))
    }

    @Test(arguments: [
        (
            Platform.macOS,
            [
                InstallAction.default: "10.11", .downloadOnly: "11.0", .installASAP: "10.11", .notifyOnly: "10.11",
                .installLater: "10.11", .installForceRestart: "11.0",
            ]
        ),
        (.iOS, [.default: "9.0", .downloadOnly: "9.0", .installASAP: "9.0"]),
        (.iPadOS, [.default: "9.0", .downloadOnly: "9.0", .installASAP: "9.0"]),
        (.tvOS, [.default: "12.0", .downloadOnly: "12.0", .installASAP: "12.0"]),
        (.visionOS, [:]),
    ])
    func installActions(_ platform: Platform, _ expected: [InstallAction: String]) {
        #expect(gates.installActions(for: platform).mapValues(\.description) == expected)
    }

    @Test(
        arguments: [
            ("MaxUserDeferrals", Platform.macOS, "12.0"),
            ("MaxUserDeferrals", .iOS, nil),
            ("MaxUserDeferrals", .iPadOS, nil),
            ("MaxUserDeferrals", .tvOS, nil),
            ("MaxUserDeferrals", .visionOS, nil),
            ("Priority", .macOS, "12.3"),
            ("Priority", .iOS, nil),
            ("Priority", .iPadOS, nil),
            ("Priority", .tvOS, nil),
            ("Priority", .visionOS, nil),
            ("ProductVersion", .macOS, "12.0"),
            ("ProductVersion", .iOS, "11.3"),
            ("ProductVersion", .iPadOS, "11.3"),
            ("ProductVersion", .tvOS, "12.2"),
            ("ProductVersion", .visionOS, nil),
            ("ProductKey", .macOS, "10.11"),
            ("ProductKey", .tvOS, "12.0"),
            ("NoSuchKey", .macOS, nil),
        ] as [(String, Platform, String?)])
    func scheduleKeyMinimumOS(_ key: String, _ platform: Platform, _ expected: String?) {
        #expect(gates.minimumOS(forScheduleKey: key, platform: platform)?.description == expected)
    }

    @Test func installStatesIncludeDocumentedWaiting() {
        #expect(gates.installStates == ["none", "downloading", "prepared", "installing", "failed", "waiting"])
    }

    @Test func exposesParsedItems() throws {
        #expect(gates.enforcement?.identifier == SoftwareUpdateGates.enforcementType)
        #expect(gates.activation?.key(at: "Predicate")?.type == .string)
        #expect(gates.declarationBase?.key(at: "ServerToken")?.isRequired == true)
        let pending = try #require(gates.statusItem("softwareupdate.pending-version"))
        #expect(pending.key(at: "softwareupdate.pending-version.os-version")?.isRequired == true)
    }

    /// The gate memo keeps a slot per platform: two platforms sharing one would answer each other's questions.
    @Test func everyPlatformHasItsOwnSlotAndTheSlotsHaveNoGaps() {
        #expect(Platform.allCases.map(\.position).sorted() == Array(Platform.allCases.indices))
    }

    @Test(arguments: Platform.allCases)
    func iPadOSReadsTheIOSRow(_ platform: Platform) {
        #expect(platform.schemaName == (platform == .iPadOS ? "iOS" : platform.rawValue))
    }

    @Test func noNewerFactIsAlreadyInThePinnedSchema() {
        #expect(gates.redundantNewerFacts.isEmpty)
    }
}
