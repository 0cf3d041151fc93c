import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// Cohort and policy names become folder names and parts of declaration Identifiers, so they are restricted
/// to `^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`; a name is also unique per kind across the repository.
struct NameRule: ValidationRule {
    package static let codes: [DiagnosticCode] = [.invalidName, .duplicateName]

    package func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        checkNames(context.repository.cohorts.compactMap(\.name), kind: "cohort", into: &diagnostics)
        // A policy with tracks is read as one value per track: its name is judged once.
        checkNames(context.repository.policyDocuments.compactMap(\.name), kind: "policy", into: &diagnostics)
    }

    private func checkNames(_ names: [Located<String>], kind: String, into diagnostics: inout DiagnosticBag) {
        var first: [String: SourceMark] = [:]
        first.reserveCapacity(names.count)
        for name in names {
            if !Self.isValid(name.value) {
                diagnostics.emit(
                    .invalidName, Self.invalidMessage(name.value, kind: kind), at: name.location,
                    hint: Self.fixed(name.value).map { "did you mean '\($0)'?" })
            }
            if let earlier = first[name.value] {
                diagnostics.emit(
                    .duplicateName, "\(kind) '\(name.value)' is defined twice", at: name.location,
                    notes: [diagnostics.note("first defined here", at: earlier)])
            } else {
                first[name.value] = name.location
            }
        }
    }

    /// Whether `name` matches the name pattern.
    static func isValid(_ name: String) -> Bool {
        // The view, not an array of it: every name of a large repository is judged.
        let bytes = name.utf8
        guard (1...63).contains(bytes.count) else { return false }
        let allowed: (UInt8) -> Bool = { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
        guard bytes.allSatisfy(allowed) else { return false }
        return bytes.first != 45 && bytes.last != 45
    }

    /// A valid spelling close to `name`, when lowercasing and replacing separators gives one.
    package static func fixed(_ name: String) -> String? {
        var candidate = String(
            name.lowercased().map { $0 == "_" || $0 == " " || $0 == "." ? "-" : $0 })
        while candidate.hasPrefix("-") { candidate.removeFirst() }
        while candidate.hasSuffix("-") { candidate.removeLast() }
        return candidate != name && isValid(candidate) ? candidate : nil
    }

    private static func invalidMessage(_ name: String, kind: String) -> String {
        if name.utf8.count > 63 { return "\(kind) name '\(name.prefix(20))…' is longer than 63 characters" }
        return "\(kind) name '\(name)' must be lowercase letters, digits and inner hyphens"
    }
}
