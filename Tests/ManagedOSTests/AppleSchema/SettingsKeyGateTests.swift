import ManagedOS
import Testing

/// The settings key table of SUMMARY.md §4, checked against what the schema reader derives.
@Suite struct SettingsKeyGateTests {
    private let gates = SoftwareUpdateGates.bundled

    struct Row: Sendable, CustomStringConvertible {
        var path: String
        var type: SchemaValueType
        var macOS: Bool
        var iOS: Bool
        /// Whether iOS needs supervision for this key (macOS always does: the payload is supervised-only).
        var iOSSupervised = false
        var values: [String]? = nil
        var range: ClosedRange<Int>? = nil
        var defaultValue: String? = nil
        var description: String { path }
    }

    static let table: [Row] = [
        Row(path: "Notifications", type: .boolean, macOS: true, iOS: true, defaultValue: "true"),
        Row(path: "Deferrals", type: .dictionary, macOS: true, iOS: true, iOSSupervised: true),
        Row(
            path: "Deferrals.CombinedPeriodInDays", type: .integer, macOS: false, iOS: true, iOSSupervised: true,
            range: 1...90),
        Row(path: "Deferrals.MajorPeriodInDays", type: .integer, macOS: true, iOS: false, range: 1...90),
        Row(path: "Deferrals.MinorPeriodInDays", type: .integer, macOS: true, iOS: false, range: 1...90),
        Row(path: "Deferrals.SystemPeriodInDays", type: .integer, macOS: true, iOS: false, range: 1...90),
        Row(path: "RecommendedCadence", type: .string, macOS: false, iOS: true, values: ["All", "Oldest", "Newest"]),
        Row(path: "AutomaticActions", type: .dictionary, macOS: true, iOS: true, iOSSupervised: true),
        Row(
            path: "AutomaticActions.Download", type: .string, macOS: true, iOS: true, iOSSupervised: true,
            values: ["Allowed", "AlwaysOn", "AlwaysOff"], defaultValue: "Allowed"),
        Row(
            path: "AutomaticActions.InstallOSUpdates", type: .string, macOS: true, iOS: true, iOSSupervised: true,
            values: ["Allowed", "AlwaysOn", "AlwaysOff"], defaultValue: "Allowed"),
        Row(
            path: "AutomaticActions.InstallSecurityUpdate", type: .string, macOS: true, iOS: false,
            values: ["Allowed", "AlwaysOn", "AlwaysOff"], defaultValue: "Allowed"),
        Row(path: "RapidSecurityResponse", type: .dictionary, macOS: true, iOS: true, iOSSupervised: true),
        Row(
            path: "RapidSecurityResponse.Enable", type: .boolean, macOS: true, iOS: true, iOSSupervised: true,
            defaultValue: "true"),
        Row(
            path: "RapidSecurityResponse.EnableRollback", type: .boolean, macOS: true, iOS: true, iOSSupervised: true,
            defaultValue: "true"),
        Row(path: "AllowStandardUserOSUpdates", type: .boolean, macOS: true, iOS: false, defaultValue: "true"),
        // macOS n/a in the pinned 18.1 schema; macOS 15.4 from Apple's documentation (NewerSchemaFacts [D]).
        Row(path: "Beta", type: .dictionary, macOS: true, iOS: true),
        Row(
            path: "Beta.ProgramEnrollment", type: .string, macOS: true, iOS: true, iOSSupervised: true,
            values: ["Allowed", "AlwaysOn", "AlwaysOff"], defaultValue: "Allowed"),
        Row(path: "Beta.OfferPrograms", type: .array, macOS: true, iOS: true),
        Row(path: "Beta.RequireProgram", type: .dictionary, macOS: true, iOS: true, iOSSupervised: true),
    ]

    @Test(arguments: table)
    func matchesSummaryTable(_ row: Row) throws {
        let gate = try #require(gates.settingsKey(row.path))
        #expect(gate.key.type == row.type)
        #expect(gate.key.rangeList == row.values)
        #expect(gate.key.range?.integerBounds == row.range)
        #expect(gate.key.defaultValue == row.defaultValue)
        #expect(gate.isAvailable(on: .macOS) == row.macOS)
        #expect(gate.isAvailable(on: .iOS) == row.iOS)
        #expect(gate.availability(on: .iPadOS) == gate.availability(on: .iOS))
        #expect(gate.requiresSupervision(on: .macOS) == (row.macOS ? true : nil))
        #expect(gate.requiresSupervision(on: .iOS) == (row.iOS ? row.iOSSupervised : nil))
        if row.macOS {
            let since = row.path.hasPrefix("Beta") ? OSVersion(15, 4) : OSVersion(15, 0)
            #expect(gate.availability(on: .macOS) == .available(since: since, enrollments: [.supervised]))
        }
        // tvOS and visionOS gained the declaration after the pinned schema: their keys are unknown, not absent.
        #expect(gate.availability(on: .tvOS) == .notInPinnedSchema)
        #expect(gate.availability(on: .visionOS) == .notInPinnedSchema)
    }

    @Test func everySchemaKeyOutsideBetaProgramItemsIsInTheTable() {
        // The leaves under Beta.OfferPrograms[] and Beta.RequireProgram are its Description/Token fields.
        let schemaPaths = gates.settingsKeys.map(\.path).filter { !$0.hasPrefix("Beta.OfferPrograms[]") }
            .filter { !$0.hasPrefix("Beta.RequireProgram.") }
        #expect(schemaPaths == Self.table.map(\.path))
    }

    @Test(arguments: ["Beta", "Beta.ProgramEnrollment", "Beta.OfferPrograms", "Beta.RequireProgram.Token"])
    func betaIsOnMacOSFrom15Point4(_ path: String) throws {
        let gate = try #require(gates.settingsKey(path))
        #expect(gate.availability(on: .macOS) == .available(since: OSVersion(15, 4), enrollments: [.supervised]))
    }

    @Test func platformsListsWhereAKeyExists() throws {
        #expect(try #require(gates.settingsKey("Deferrals.MajorPeriodInDays")).platforms == [.macOS])
        #expect(try #require(gates.settingsKey("Notifications")).platforms == [.macOS, .iOS, .iPadOS])
        #expect(gates.settingsKey("Deferrals.NoSuchKey") == nil)
    }
}
