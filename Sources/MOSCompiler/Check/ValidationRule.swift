public import MOSBasics
import MOSYAML

/// One validation rule (or a tight family): reads the context, reports diagnostics.
public protocol ValidationRule: Sendable {
    /// The codes this rule can report, for the catalog test and the docs.
    static var codes: [DiagnosticCode] { get }
    /// Checks the repository.
    func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag)
}
