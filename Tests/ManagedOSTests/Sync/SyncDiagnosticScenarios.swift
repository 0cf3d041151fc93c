import ManagedOS
import ManagedOSTestSupport

/// One small input per diagnostic only `mosc sync` raises: the source of their `specs/diagnostics.md` examples.
enum SyncDiagnosticScenarios {
    static let scenarios: [DiagnosticCode: @Sendable () throws -> String] = [
        .unroutedDevice: {
            let csv = SourceFile(
                path: "devices.csv", contents: Array("cohort,serial,udid\nmac-mixed,C02MIX0001,UDID-X\n".utf8))
            return TextRenderer().render(SyncDevice.route(csv, input: try SyncFleet().input()).diagnostics)
        }
    ]
}
