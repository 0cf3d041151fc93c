import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput

/// Everything a sync changes on the server, computed from what is observed there and what the compile says,
/// before any write: `--dry-run` prints it, a real run prints and then carries it out.
public struct SyncPlan: Sendable, Hashable, Codable {
    /// The JSON format of the plan; changes with any incompatible change.
    public static let currentFormatVersion = 1

    /// A declaration the sync adds, changes or removes.
    public struct DeclarationChange: Sendable, Hashable, Codable {
        /// The Identifier.
        public var identifier: String
        /// The Type, when known.
        public var type: String?
        /// The cohort whose set holds it (absent for a removal).
        public var cohort: String?
    }

    /// A set's membership changes.
    public struct SetChange: Sendable, Hashable, Codable {
        /// The set name.
        public var set: String
        /// The cohort it serves; absent for a set no cohort wants any more (all its members go).
        public var cohort: String?
        /// Declarations added.
        public var add: [String]
        /// Declarations removed.
        public var remove: [String]
    }

    /// An enrollment's owned-set assignments change.
    public struct EnrollmentChange: Sendable, Hashable, Codable {
        /// The enrollment ID.
        public var enrollment: String
        /// The device as listed, when it is.
        public var device: String?
        /// Sets assigned.
        public var add: [String]
        /// Sets unassigned.
        public var remove: [String]
    }

    /// The one notify at the end.
    public struct Notify: Sendable, Hashable, Codable {
        /// Sets whose served declarations change.
        public var sets: [String]
        /// Enrollments whose sets change.
        public var enrollments: [String]
    }

    /// A command the sync does not send, and why.
    public struct HeldCommand: Sendable, Hashable, Codable {
        /// The cohort.
        public var cohort: String
        /// The command file.
        public var file: String
        /// Why.
        public var reason: String
    }

    /// The format.
    public var formatVersion = SyncPlan.currentFormatVersion
    /// `kmfddm` or `nanohub`.
    public var server: MDMServerKind
    /// The server URL.
    public var url: String
    /// The instant legacy steps are due against.
    public var now: String
    /// How the server was observed: `record` (the state record, checked against the server's lists) or `full`.
    public var observed: String
    /// Declarations uploaded because the server lacks them.
    public var added: [DeclarationChange] = []
    /// Declarations uploaded because the server holds other content under their Identifier.
    public var changed: [DeclarationChange] = []
    /// Owned declarations deleted because no set uses them any more.
    public var removed: [DeclarationChange] = []
    /// Owned declarations left as they are.
    public var unchanged = 0
    /// Set membership changes.
    public var sets: [SetChange] = []
    /// Enrollment assignment changes.
    public var enrollments: [EnrollmentChange] = []
    /// Legacy commands to enqueue, per enrollment.
    public var commands: [LegacySending] = []
    /// Legacy commands due but not sent.
    public var held: [HeldCommand] = []
    /// The notify sent at the end, when anything a device sees changes.
    public var notify: Notify?

    /// Whether the sync writes anything.
    public var hasChanges: Bool {
        !added.isEmpty || !changed.isEmpty || !removed.isEmpty || !sets.isEmpty || !enrollments.isEmpty
            || !commands.isEmpty
    }

    /// Removals the safety check counts: deleted declarations and enrollments that lose every owned set.
    public var removals: Int {
        removed.count + enrollments.filter { $0.add.isEmpty && !$0.remove.isEmpty }.count
    }
}
