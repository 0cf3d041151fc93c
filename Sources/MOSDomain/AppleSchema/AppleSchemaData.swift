public import MOSBasics
import MOSYAML

/// The Apple schema files compiled into mosc (see `Data/PROVENANCE.md`).
///
/// SwiftPM's `.embedInCode` turns each file into a `PackageResources` byte array, so reading them can't fail
/// the way a missing resource bundle would.
public enum AppleSchemaData {
    /// The apple/device-management commit the files were copied from.
    public static let pinnedCommit = "b6202ca2fbd31286a52eb160b67a4db7b4fe1f1f"
    /// The OS releases that commit describes.
    public static let pinnedRelease = "iOS 18.1, macOS 15.1, tvOS 18.1, visionOS 2.1, watchOS 11.1"

    /// Apple's MIT licence for the schema files, to ship alongside them.
    public static var license: String { String(decoding: PackageResources.LICENSE_txt, as: UTF8.self) }

    /// Every bundled schema file, named `AppleSchema/<file>` in problems.
    public static var files: [SourceFile] {
        [
            file("declarationbase.yaml", PackageResources.declarationbase_yaml),
            file("simple.yaml", PackageResources.simple_yaml),
            file("softwareupdate.enforcement.specific.yaml", PackageResources.softwareupdate_enforcement_specific_yaml),
            file("softwareupdate.settings.yaml", PackageResources.softwareupdate_settings_yaml),
            file("management.declarations.yaml", PackageResources.management_declarations_yaml),
            file("softwareupdate.beta-enrollment.yaml", PackageResources.softwareupdate_beta_enrollment_yaml),
            file("softwareupdate.device-id.yaml", PackageResources.softwareupdate_device_id_yaml),
            file("softwareupdate.failure-reason.yaml", PackageResources.softwareupdate_failure_reason_yaml),
            file("softwareupdate.install-reason.yaml", PackageResources.softwareupdate_install_reason_yaml),
            file("softwareupdate.install-state.yaml", PackageResources.softwareupdate_install_state_yaml),
            file("softwareupdate.pending-version.yaml", PackageResources.softwareupdate_pending_version_yaml),
            file("declarativemanagement.yaml", PackageResources.declarativemanagement_yaml),
            file("system.update.available.yaml", PackageResources.system_update_available_yaml),
            file("system.update.scan.yaml", PackageResources.system_update_scan_yaml),
            file("system.update.schedule.yaml", PackageResources.system_update_schedule_yaml),
            file("system.update.status.yaml", PackageResources.system_update_status_yaml),
        ]
    }

    private static func file(_ name: String, _ bytes: [UInt8]) -> SourceFile {
        SourceFile(path: "AppleSchema/" + name, contents: bytes)
    }
}
