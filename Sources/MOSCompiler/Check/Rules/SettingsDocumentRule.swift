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
                notes: [diagnostics.note("the first Settings document is here", at: all[0].location)])
        }
        guard let settings = all.first else { return }
        if let prefix = settings.identifierPrefix, prefix.value.utf8.count > Self.maxPrefixOctets,
            Self.isReverseDNS(prefix.value, maxOctets: .max)
        {
            // A well-formed name that is only too long: say so, rather than that it is not reverse-DNS.
            diagnostics.emit(
                .invalidIdentifierPrefix,
                "identifierPrefix '\(prefix.value)' is \(prefix.value.utf8.count) octets long; the limit is \(Self.maxPrefixOctets), so that every declaration identifier fits Apple's 64 octets",
                at: prefix.location, hint: "use a shorter reverse-DNS name, e.g. 'com.example.mdm'")
        } else if let prefix = settings.identifierPrefix, !Self.isReverseDNS(prefix.value) {
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

    /// The longest `identifierPrefix`, in octets: room for the policy, cohort and kind in 64.
    static let maxPrefixOctets = 32

    /// Dot-separated labels of letters, digits and hyphens (no leading or trailing hyphen), 1 to `maxOctets`.
    static func isReverseDNS(_ text: String, maxOctets: Int = maxPrefixOctets) -> Bool {
        guard (1...maxOctets).contains(text.utf8.count) else { return false }
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
