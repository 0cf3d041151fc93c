import Foundation
import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// `detailsURL` is shown to users by the OS: it must be an absolute https URL with a host.
struct DetailsURLRule: ValidationRule {
    package static let codes: [DiagnosticCode] = [.invalidURL]

    package func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        for policy in context.repository.policies {
            guard let url = policy.detailsURL else { continue }
            guard let components = URLComponents(string: url.value), components.scheme?.lowercased() == "https",
                let host = components.host, !host.isEmpty, url.value.utf8.count <= 2048
            else {
                let hint = url.value.lowercased().hasPrefix("http://") ? "use https://" : nil
                diagnostics.emit(
                    .invalidURL, "detailsURL '\(url.value)' is not an absolute https URL", at: url.location, hint: hint)
                continue
            }
        }
    }
}
