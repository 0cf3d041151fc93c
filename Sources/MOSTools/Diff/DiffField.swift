import MOSOutput

/// The name of a compared field, as `specs/diff.md` lists them: the fixed ones as constants, the families
/// (`ddm.<kind>.<key>`, `legacy.step.<step>`) built from their parts. `FieldChange.field` carries its raw value.
package struct DiffField: RawRepresentable, Hashable, Sendable {
    package let rawValue: String

    package init(rawValue: String) { self.rawValue = rawValue }

    static let policy = Self(rawValue: "policy")
    static let ring = Self(rawValue: "ring")
    static let platform = Self(rawValue: "platform")
    static let enrollment = Self(rawValue: "enrollment")
    static let paths = Self(rawValue: "paths")
    static let routingDDM = Self(rawValue: "routing.ddm")
    static let routingLegacy = Self(rawValue: "routing.legacy")
    static let targetVersion = Self(rawValue: "target.version")
    static let targetBuild = Self(rawValue: "target.build")
    static let deadline = Self(rawValue: "deadline")
    static let deadlineMovedBy = Self(rawValue: "deadline.movedBy")
    static let deadlineMovedFrom = Self(rawValue: "deadline.movedFrom")
    static let legacyTimeZone = Self(rawValue: "legacy.timeZone")
    static let legacyUpdate = Self(rawValue: "legacy.update")
    static let legacyPlan = Self(rawValue: "legacy.plan")

    /// `ddm.<kind>`: a declaration of that kind (its Identifier's last label) added or removed.
    static func ddm(_ kind: String) -> Self { Self(rawValue: "ddm.\(kind)") }
    /// `legacy.step.<step>`: a legacy step's instant.
    static func legacyStep(_ step: LegacyStep.Name) -> Self { Self(rawValue: "legacy.step.\(step.rawValue)") }
    /// `legacy.omitted.<item>`: an option the legacy plan leaves out.
    static func legacyOmitted(_ item: String) -> Self { Self(rawValue: "legacy.omitted.\(item)") }
    /// `legacy.enforce.<key>`: a key of the enforce step's ScheduleOSUpdate.
    static func legacyEnforce(_ key: String) -> Self { Self(rawValue: "legacy.enforce.\(key)") }

    /// `track.<major>`: the track of a policy with `tracks:` for that OS major, added or removed; its members
    /// `target.version`, `target.build`, `deadline`, `deadline.movedBy`, `deadline.movedFrom` as the cohort's own.
    static func track(_ major: Int) -> Self { Self(rawValue: "track.\(major)") }

    /// The major of a `track.<major>` field or of one of its members; nil for any other field.
    var trackMajor: Int? {
        let parts = rawValue.split(separator: ".")
        guard parts.count >= 2, parts[0] == "track" else { return nil }
        return Int(parts[1])
    }

    /// `<field>.<key>`: a member of this field (`ddm.enforcement.Payload.DetailsURL`, `ddm.settings.file`).
    func member(_ key: String) -> Self { Self(rawValue: "\(rawValue).\(key)") }
}

extension RolloutDiff.FieldChange {
    /// A change of `field`.
    init(_ field: DiffField, before: String?, after: String?) {
        self.init(field: field.rawValue, before: before, after: after)
    }

    /// Whether this is a change of `field`.
    func `is`(_ field: DiffField) -> Bool { self.field == field.rawValue }
}
