import ManagedOS

extension DiagnosticCase {
    /// The repository root the case's files live under, as diagnostics show it.
    public static let root = "repo"

    /// Validates the case's repository (markers removed), as `expectDiagnostics` does.
    public func validate() -> ValidationResult {
        let sources = files.map { SourceFile(path: "\(Self.root)/\($0.path)", text: MarkedText($0.marked).text) }
        return Compiler.validate(root: Self.root, files: sources, options: options)
    }

    /// The codes the case expects.
    public var expectedCodes: Set<DiagnosticCode> { Set(expected.map(\.code)) }

    /// The case's diagnostics in the text format, without colour.
    public func renderedText() -> String {
        TextRenderer().render(validate().diagnostics)
    }
}

extension CompilerOptions {
    /// The testing options with some input limits changed, to trigger a bound cheaply.
    public static func testing(limits edit: (inout InputLimits) -> Void) -> CompilerOptions {
        var options = CompilerOptions.testing
        edit(&options.limits)
        return options
    }
}
