import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// A cohort's `osVersions`: comparators that parse, match some version, and reach no lower than mosc supports.
struct VersionRangeRule: ValidationRule {
    package static let codes: [DiagnosticCode] = [.invalidVersionRange, .emptyVersionRange, .unsupportedOSVersion]

    package func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        // Cohorts repeat a handful of ranges (">=14.0"): each distinct text is parsed once.
        var parsed: [String: Result<VersionRange, VersionRange.ParseError>] = [:]
        let cohorts = context.repository.cohorts
        for index in cohorts.indices {
            guard let text = cohorts[index].osVersions else { continue }
            switch parsed.memo(text.value, { VersionRange.parse(text.value) }) {
            case .failure(let error):
                diagnostics.emit(
                    .invalidVersionRange, Self.message(error, text: text.value), at: text.location,
                    hint: "write comparators joined by spaces, e.g. \">=13.0 <16\"")
            case .success(let range):
                if range.isEmpty {
                    diagnostics.emit(
                        .emptyVersionRange, "osVersions '\(text.value)' matches no version", at: text.location)
                } else if let platform = cohorts[index].platform?.value {
                    let floor = PlatformFloors.floor(for: platform)
                    if range.isWhollyBelow(floor) {
                        diagnostics.emit(
                            .unsupportedOSVersion,
                            "osVersions '\(text.value)' lies below \(platform) \(floor), the oldest version mosc manages",
                            at: text.location)
                    } else if let lower = range.lower, lower.version < floor {
                        // Devices below the floor are outside what mosc plans for (§8): a plan for them would
                        // name update forms they do not take.
                        let raised = VersionRange(lower: .init(version: floor, inclusive: true), upper: range.upper)
                        diagnostics.emit(
                            .unsupportedOSVersion,
                            "osVersions '\(text.value)' reaches below \(platform) \(floor), the oldest version mosc manages",
                            at: text.location, hint: "start the range at \(floor): osVersions: \"\(raised)\"")
                    }
                }
            }
        }
    }

    private static func message(_ error: VersionRange.ParseError, text: String) -> String {
        switch error {
        case .empty: "osVersions is empty"
        case .badComparator(let term): "osVersions term '\(term)' has no comparator mosc knows (>=, >, <=, <)"
        case .badVersion(let version): "osVersions term '\(version)' is not a version"
        case .missingVersion(let comparator): "osVersions comparator '\(comparator)' has no version after it"
        }
    }
}
