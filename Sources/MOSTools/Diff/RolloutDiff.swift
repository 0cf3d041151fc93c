public import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// What a policy change does to devices: the semantic difference between two compiled sides, per cohort.
///
/// Encoded as `mosc diff --format json` (documented in `specs/diff.md`); ``formatVersion`` changes whenever a
/// key changes meaning or goes away.
public struct RolloutDiff: Sendable, Hashable, Codable {
    /// The JSON format this mosc writes. 2: `ring` counts from 1, as in the text and the manifest.
    public static let currentFormatVersion = 2

    /// One side as compared.
    public struct Side: Sendable, Hashable, Codable {
        /// How it was named.
        public var label: String
        /// `policies`, `compiled` or `git`.
        public var kind: CompiledSide.Kind
        /// How many cohorts it enforces.
        public var cohorts: Int
    }

    /// How a cohort changed.
    public enum Change: String, Sendable, Hashable, Codable {
        /// Enforced only by the head side.
        case added
        /// Enforced only by the base side: its devices lose enforcement.
        case removed
        /// Enforced by both, differently.
        case changed
    }

    /// A cohort's enforcement as one side states it (from the manifest).
    public struct Facts: Sendable, Hashable, Codable {
        /// The policy enforcing it.
        public var policy: String
        /// Its ring in the policy, from 1.
        public var ring: Int
        /// The platform.
        public var platform: String
        /// The enrollment.
        public var enrollment: String
        /// `ddm`, `legacy` or both.
        public var paths: [String]
        /// The target version.
        public var targetVersion: String
        /// The target build, when given.
        public var targetBuild: String?
        /// The deadline as a wall time.
        public var deadline: String
        /// The legacy time zone, when there is a legacy path.
        public var timeZone: String?
    }

    /// One field that differs, e.g. `deadline`, `ddm.settings.Payload.Notifications`, `legacy.step.download`.
    public struct FieldChange: Sendable, Hashable, Codable {
        /// The field's name (see `specs/diff.md` for the names).
        public var field: String
        /// The value before, absent when the field was added.
        public var before: String?
        /// The value after, absent when the field was removed.
        public var after: String?
        /// `raised`/`lowered` for versions, `later`/`earlier` for times, when the values compare.
        public var direction: String?
        /// For times: how far it moved, in seconds (negative when earlier).
        public var shiftSeconds: Int64?
    }

    /// A declaration whose ServerToken changes: devices fetch it again.
    public struct TokenChange: Sendable, Hashable, Codable {
        /// The declaration's Identifier (the head's, or the base's when it is removed).
        public var identifier: String
        /// The ServerToken before, absent for a new declaration.
        public var before: String?
        /// The ServerToken after, absent for a removed declaration.
        public var after: String?
    }

    /// Which of a cohort's devices will see something new.
    public struct Resync: Sendable, Hashable, Codable {
        /// The DeclarationsToken before and after, when it changes: DDM devices sync their declarations.
        public var declarationsTokenBefore: String?
        /// The DeclarationsToken after.
        public var declarationsTokenAfter: String?
        /// The declarations whose ServerToken changes.
        public var serverTokens: [TokenChange]
        /// Whether the legacy plan changes: the server sends pre-DDM devices new commands.
        public var legacyPlan: Bool

        /// Whether DDM devices re-sync.
        public var ddm: Bool { declarationsTokenBefore != declarationsTokenAfter }
        /// Whether any device sees a change.
        public var any: Bool { ddm || legacyPlan }
    }

    /// One cohort that differs.
    public struct CohortDiff: Sendable, Hashable, Codable {
        /// The cohort's name.
        public var cohort: String
        /// Added, removed or changed.
        public var change: Change
        /// The base side's enforcement, absent when added.
        public var base: Facts?
        /// The head side's enforcement, absent when removed.
        public var head: Facts?
        /// The fields that differ, in a fixed order: enforcement first, then DDM, then legacy.
        public var fields: [FieldChange]
        /// Which devices re-sync.
        public var resync: Resync

        /// The head's facts, else the base's.
        public var current: Facts? { head ?? base }
    }

    /// A risk flag: something about the change a reviewer must look at.
    public struct Risk: Sendable, Hashable, Codable {
        /// The stable code (`MOS6xx`).
        public var code: DiagnosticCode
        /// Its severity.
        public var severity: Severity
        /// The cohort it concerns.
        public var cohort: String
        /// What is wrong, in words.
        public var message: String
        /// Where the change is written (policy sides), or the compiled side's manifest.
        public var location: SourceLocation?

        /// The risk as a diagnostic, for the text, GitHub and SARIF renderers.
        public var diagnostic: Diagnostic {
            Diagnostic(code, message, at: location, severity: severity)
        }
    }

    /// Totals over the cohorts.
    public struct Summary: Sendable, Hashable, Codable {
        /// Cohorts only the head enforces.
        public var added: Int
        /// Cohorts only the base enforces.
        public var removed: Int
        /// Cohorts both enforce, differently.
        public var changed: Int
        /// Cohorts both enforce the same way.
        public var unchanged: Int
        /// Cohorts whose devices see something new (DDM re-sync or a new legacy plan), sorted.
        public var resync: [String]
        /// Error-level risk flags.
        public var errors: Int
        /// Warning-level risk flags.
        public var warnings: Int
    }

    /// The format version (``currentFormatVersion``).
    public var formatVersion: Int = Self.currentFormatVersion
    /// The `--now` the risks are judged at.
    public var now: String
    /// The `minimumNotice` the notice risks use, e.g. `3d`, or `off`.
    public var minimumNotice: String
    /// The base side.
    public var base: Side
    /// The head side.
    public var head: Side
    /// The cohorts that differ, sorted by name.
    public var cohorts: [CohortDiff]
    /// The risk flags, sorted by cohort and code.
    public var risks: [Risk]
    /// Totals.
    public var summary: Summary

    /// Whether the sides differ at all.
    public var hasChanges: Bool { !cohorts.isEmpty }
    /// Whether a risk is an error.
    public var hasErrors: Bool { risks.contains { $0.severity == .error } }

    /// The same diff with warning risks raised to errors (`--warnings-as-errors`).
    public func treatingWarningsAsErrors() -> RolloutDiff {
        var copy = self
        copy.risks = risks.map { risk in
            var risk = risk
            if risk.severity == .warning { risk.severity = .error }
            return risk
        }
        copy.summary.errors = copy.risks.filter { $0.severity == .error }.count
        copy.summary.warnings = copy.risks.filter { $0.severity == .warning }.count
        return copy
    }

    /// The same diff with only the risks at `minimum` or above (`--min-severity`); the changes stay.
    public func keepingRisks(atLeast minimum: Severity) -> RolloutDiff {
        var copy = self
        copy.risks = risks.filter { $0.severity >= minimum }
        copy.summary.errors = copy.risks.filter { $0.severity == .error }.count
        copy.summary.warnings = copy.risks.filter { $0.severity == .warning }.count
        return copy
    }
}
