import Foundation
import ManagedOSTestSupport
import Testing

/// Runs `scripts/check-conformance.py` (Apple's schema checker over a compiled output folder).
enum LegacyConformance {
    /// The checker the script calls: `../shared/tools/check_declaration.py` beside the repository.
    static var checker: URL? {
        RepositoryPaths.shared?.appendingPathComponent("tools/check_declaration.py")
    }

    /// Whether the checker is present.
    static var isAvailable: Bool {
        checker.map { FileManager.default.fileExists(atPath: $0.path) } ?? false
    }

    /// Why conformance tests skip.
    static let skipMessage: Comment =
        "Apple's schema checker is absent: ../shared/tools/check_declaration.py not found beside the repository"

    /// Runs the script over `folder`; returns its exit status and combined output.
    static func check(_ folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", RepositoryPaths.root.appendingPathComponent("scripts/check-conformance.py").path, folder.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
