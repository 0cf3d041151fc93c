import Dispatch
import MOSBasics
import MOSDomain

extension Compiler {
    /// Starts building the bundled tables a run reads (Apple's schema gates, the OS release catalog, the time zone
    /// names) on a background thread, so the run finds them built.
    ///
    /// A command spends its first milliseconds on one core (starting, reading its arguments, listing the first
    /// folders), which leaves the other free; built on first use instead, the tables were a serial step of every
    /// validation. Each is a `static let`, so a run that needs one before it is done waits for it, never builds it
    /// twice.
    public static func prepareBundledTables() {
        DispatchQueue.global(qos: .userInitiated).async {
            _ = SoftwareUpdateGates.bundled
            _ = OSCatalog.bundled
            _ = ZoneRules.named("UTC")
        }
    }
}
