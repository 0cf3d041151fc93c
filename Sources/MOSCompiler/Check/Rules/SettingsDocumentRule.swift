import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// The repository-wide `Settings` document: at most one; a reverse-DNS `identifierPrefix`; valid globs.
struct SettingsDocumentRule: ValidationRule {
    package static let codes: [DiagnosticCode] = [.duplicateSettings, .invalidIdentifierPrefix, .invalidGlob]

    package func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        let all = context.repository.settings
        for extra in all.dropFirst() {
            diagnostics.emit(
                .duplicateSettings, "the repository has more than one Settings document", at: extra.location,
                notes: [.init("the first Settings document is here", at: all[0].location)])
        }
        guard let settings = all.first else { return }
        if let prefix = settings.identifierPrefix, !Self.isReverseDNS(prefix.value) {
            diagnostics.emit(
                .invalidIdentifierPrefix,
                "identifierPrefix '\(prefix.value)' is not a reverse-DNS name such as 'com.example.mdm'",
                at: prefix.location)
        }
        for pattern in settings.exclude where Glob(pattern.value) == nil {
            diagnostics.emit(
                .invalidGlob, "exclude pattern '\(pattern.value)' must be a relative path glob inside the repository",
                at: pattern.location)
        }
    }

    /// Dot-separated labels of letters, digits and hyphens (no leading or trailing hyphen), 1 to 32 octets.
    static func isReverseDNS(_ text: String) -> Bool {
        guard (1...32).contains(text.utf8.count) else { return false }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            let bytes = Array(label.utf8)
            guard !bytes.isEmpty, bytes.first != 45, bytes.last != 45 else { return false }
            return bytes.allSatisfy {
                ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 45
            }
        }
    }
}
