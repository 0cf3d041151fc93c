package import MOSBasics
import MOSDomain
import MOSOutput
package import MOSYAML

/// The keys every document may have, by kind.
enum DocumentKeys {
    package static let settings: KeySet = [
        "apiVersion", "kind", "identifierPrefix", "minimumNotice", "exclude", "skipDays", "blackouts", "limits",
        "catalog", "fleet",
    ]
    package static let cohort: KeySet = [
        "apiVersion", "kind", "name", "platform", "description", "osVersions", "enrollment", "fleet",
    ]
    package static let policy: KeySet = [
        "apiVersion", "kind", "name", "platform", "description", "target", "deadline", "detailsURL", "legacy",
        "settings", "skipDays", "blackouts", "cohorts", "tracks",
    ]
    package static let target: KeySet = ["version", "build"]
    static let track: KeySet = ["target", "deadline"]
    package static let legacy: KeySet = [
        "timeZone", "installAction", "maxUserDeferrals", "priority", "downloadLeadTime",
    ]
    static let cohortReference: KeySet = ["cohort", "deadline"]
    static let relativeDeadline: KeySet = ["afterRelease", "afterPreviousRing", "time"]
    static let blackout: KeySet = ["from", "to", "date", "reason"]
    package static let kinds = ["Settings", "Cohort", "ManagedOSPolicy"]
    package static let apiVersion = "mosc/v1"
    package static let limits = KeySet(InputLimits.Key.allCases.map(\.rawValue))
    static let fleetSettings: KeySet = ["team", "cohorts"]
    static let fleetTarget: KeySet = ["team", "label"]
}

extension NodeReader {
    /// Reads one document into `repository`; problems go to this reader's bag.
    package mutating func read(
        _ document: YAMLTree.Document, limits: InputLimits, into repository: inout RepositorySyntax
    ) {
        guard let root = document.root, !tree.isNull(root) else {
            diagnostics.emit(.emptyDocument, "document is empty", at: document.location)
            return
        }
        guard tree.kind(root) == .mapping else {
            wrongType(root, expected: "a mapping with apiVersion and kind", context: "a document")
            return
        }
        guard let apiNode = tree.value(root, forKey: "apiVersion") else {
            diagnostics.emit(
                .unsupportedAPIVersion, "document is missing 'apiVersion'", at: location(root),
                hint: "add 'apiVersion: \(DocumentKeys.apiVersion)'")
            return
        }
        guard let api = string(apiNode, context: "apiVersion") else { return }
        guard api.value == DocumentKeys.apiVersion else {
            let newer = api.value.hasPrefix("mosc/v")
            diagnostics.emit(
                .unsupportedAPIVersion,
                newer
                    ? "apiVersion '\(api.value)' is not supported by this mosc (\(ManagedOSVersion.current))"
                    : "unknown apiVersion '\(api.value)'",
                at: api.location, hint: "this mosc reads '\(DocumentKeys.apiVersion)'")
            return
        }
        guard let kindNode = tree.value(root, forKey: "kind") else {
            diagnostics.emit(
                .unknownKind, "document is missing 'kind'", at: location(root),
                hint: "expected one of 'Settings', 'Cohort', 'ManagedOSPolicy'")
            return
        }
        guard let kind = string(kindNode, context: "kind") else { return }
        switch kind.value {
        case "Settings": readSettings(root, into: &repository)
        case "Cohort": readCohort(root, into: &repository)
        case "ManagedOSPolicy": readPolicy(root, limits: limits, into: &repository)
        default:
            diagnostics.emit(
                .unknownKind, "unknown kind '\(kind.value)'", at: kind.location,
                hint: NodeReader.suggestion(for: kind.value, among: DocumentKeys.kinds).map { "did you mean '\($0)'?" }
                    ?? "expected one of 'Settings', 'Cohort', 'ManagedOSPolicy'")
        }
    }

    private mutating func readSettings(_ root: Node, into repository: inout RepositorySyntax) {
        guard let map = mapping(root, context: "Settings", allowed: DocumentKeys.settings) else { return }
        var settings = SettingsSyntax(location: location(root))
        settings.identifierPrefix = map["identifierPrefix"].flatMap { string($0, context: "identifierPrefix") }
        settings.minimumNotice = map["minimumNotice"].flatMap { string($0, context: "minimumNotice") }
        if let node = map["exclude"], let items = sequence(node, context: "exclude") {
            settings.exclude = items.compactMap { string($0, context: "an exclude pattern") }
        }
        settings.skipDays = map["skipDays"].flatMap { skipDays($0) }
        settings.blackouts = map["blackouts"].map { blackouts($0) } ?? []
        settings.limits = map["limits"].flatMap { limits($0) }
        settings.catalog = map["catalog"].flatMap { string($0, context: "catalog") }
        settings.fleet = map["fleet"].flatMap { fleetSettings($0, at: keyLocation("fleet", in: map)) }
        repository.settings.append(settings)
    }

    /// `limits: {maxDepth: 48, …}`: whole numbers from 1 up to each bound's hard cap; anything else is MOS117
    /// (MOS114 when not a number) and leaves that bound as it was.
    private mutating func limits(_ node: Node) -> LimitsSyntax? {
        guard let map = mapping(node, context: "limits", allowed: DocumentKeys.limits) else { return nil }
        var limits = LimitsSyntax(location: location(node))
        for key in InputLimits.Key.allCases {
            guard let valueNode = map[key.rawValue] else { continue }
            let range = 1...InputLimits.hardCaps[key]
            limits.values[key] = integer(valueNode, context: "limits.\(key.rawValue)", range: range)
        }
        return limits
    }

    private mutating func readCohort(_ root: Node, into repository: inout RepositorySyntax) {
        guard
            let map = mapping(root, context: "Cohort", allowed: DocumentKeys.cohort, required: ["name", "platform"])
        else { return }
        var cohort = CohortSyntax(location: location(root))
        cohort.name = map["name"].flatMap { string($0, context: "name") }
        cohort.platform = map["platform"].flatMap { choice($0, context: "platform") }
        cohort.description = map["description"].flatMap { string($0, context: "description") }
        cohort.osVersions = map["osVersions"].flatMap { versionText($0, context: "osVersions") }
        cohort.enrollment = map["enrollment"].flatMap { choice($0, context: "enrollment") }
        cohort.fleet = map["fleet"].flatMap { fleetTarget($0, at: keyLocation("fleet", in: map), context: "fleet") }
        repository.cohorts.append(cohort)
    }

    private mutating func readPolicy(_ root: Node, limits: InputLimits, into repository: inout RepositorySyntax) {
        // With `tracks:`, each track brings its target (and may bring its deadline).
        let hasTracks = tree.kind(root) == .mapping && tree.value(root, forKey: "tracks") != nil
        guard
            let map = mapping(
                root, context: "ManagedOSPolicy", allowed: DocumentKeys.policy,
                required: hasTracks
                    ? ["name", "platform", "cohorts"] : ["name", "platform", "target", "deadline", "cohorts"])
        else { return }
        var policy = PolicySyntax(location: location(root))
        policy.name = map["name"].flatMap { string($0, context: "name") }
        policy.platform = map["platform"].flatMap { choice($0, context: "platform") }
        policy.description = map["description"].flatMap { string($0, context: "description") }
        if let node = map["target"] {
            policy.target = target(node, at: keyLocation("target", in: map), context: "target")
        }
        policy.deadline = map["deadline"].flatMap { deadline($0) }
        policy.detailsURL = map["detailsURL"].flatMap { string($0, context: "detailsURL") }
        if let node = map["legacy"], let legacy = mapping(node, context: "legacy", allowed: DocumentKeys.legacy) {
            policy.legacy = LegacySyntax(
                location: keyLocation("legacy", in: map),
                timeZone: legacy["timeZone"].flatMap { string($0, context: "legacy.timeZone") },
                installAction: legacy["installAction"].flatMap { choice($0, context: "legacy.installAction") },
                maxUserDeferrals: legacy["maxUserDeferrals"].flatMap {
                    integer($0, context: "legacy.maxUserDeferrals", range: 0...1_000)
                },
                priority: legacy["priority"].flatMap { choice($0, context: "legacy.priority") },
                downloadLeadTime: legacy["downloadLeadTime"].flatMap {
                    string($0, context: "legacy.downloadLeadTime")
                })
        }
        if let node = map["settings"] {
            policy.settings = updateSettings(node, at: keyLocation("settings", in: map))
        }
        policy.skipDays = map["skipDays"].flatMap { skipDays($0) }
        policy.blackouts = map["blackouts"].map { blackouts($0) } ?? []
        if let node = map["cohorts"] {
            policy.cohortsLocation = keyLocation("cohorts", in: map)
            policy.cohorts = cohortReferences(node, limits: limits)
        }
        guard let tracksNode = map["tracks"] else {
            repository.policies.append(policy)
            return
        }
        readTracks(tracksNode, at: keyLocation("tracks", in: map), of: policy, into: &repository)
    }

    /// `target: {version, build}` (`context` names it in messages: `target`, `tracks[1].target`).
    private mutating func target(_ node: Node, at keyLocation: SourceMark, context: String) -> TargetSyntax? {
        guard let target = mapping(node, context: context, allowed: DocumentKeys.target, required: ["version"])
        else { return nil }
        return TargetSyntax(
            location: keyLocation,
            version: target["version"].flatMap { versionText($0, context: "\(context).version") },
            build: target["build"].flatMap { string($0, context: "\(context).build") })
    }

    /// `tracks: [{target, deadline?}, …]`: the policy as one value per track, each with the track's target and
    /// its deadline (else the policy's); MOS238 for a policy that also has `target`, or lists no track.
    private mutating func readTracks(
        _ node: Node, at tracksLocation: SourceMark, of policy: PolicySyntax,
        into repository: inout RepositorySyntax
    ) {
        let name = policy.name.map { " '\($0.value)'" } ?? ""
        if policy.target != nil {
            diagnostics.emit(
                .invalidTrack, "policy\(name) has both 'target' and 'tracks'", at: tracksLocation,
                hint: "keep 'tracks' to give each OS major its own target, or 'target' for one version for all")
        }
        guard let items = sequence(node, context: "tracks") else { return }
        guard !items.isEmpty else {
            diagnostics.emit(
                .invalidTrack, "policy\(name) lists no track", at: tracksLocation,
                hint: "write one entry per OS major, e.g. - target: {version: latest-15}")
            return
        }
        for (index, item) in items.enumerated() {
            let context = "tracks[\(index)]"
            guard let entry = mapping(item, context: context, allowed: DocumentKeys.track, required: ["target"])
            else { continue }
            var track = policy
            track.target = entry["target"].flatMap {
                target($0, at: keyLocation("target", in: entry), context: "\(context).target")
            }
            let ownDeadline = entry["deadline"].flatMap { deadline($0) }
            if entry["deadline"] == nil, policy.deadline == nil {
                diagnostics.emit(
                    .missingKey, "\(context) has no 'deadline', and the policy has none for it to use",
                    at: location(item), hint: "give the track a deadline, or the policy one that every track uses")
            }
            track.deadline = ownDeadline ?? (entry["deadline"] == nil ? policy.deadline : nil)
            track.track = TrackSyntax(location: location(item), index: index)
            repository.policies.append(track)
        }
    }

    /// A wall-time string, `{afterRelease, time}` or `{afterPreviousRing, time?}`.
    private mutating func deadline(_ node: Node) -> DeadlineSyntax? {
        if tree.kind(node) == .mapping {
            guard
                let map = mapping(node, context: "a relative deadline", allowed: DocumentKeys.relativeDeadline)
            else { return nil }
            let relative = RelativeDeadlineSyntax(
                location: location(node),
                afterRelease: map["afterRelease"].flatMap { string($0, context: "deadline.afterRelease") },
                afterPreviousRing: map["afterPreviousRing"].flatMap {
                    string($0, context: "deadline.afterPreviousRing")
                },
                time: map["time"].flatMap { timeOfDay($0) })
            // One base: the release (with its time of day) or the previous ring (whose time of day is the default).
            switch (map.contains("afterRelease"), map.contains("afterPreviousRing")) {
            case (false, false):
                diagnostics.emit(
                    .missingKey, "a relative deadline is missing required key 'afterRelease' or 'afterPreviousRing'",
                    at: location(node), hint: "write {afterRelease: 14d, time: \"17:00\"} or {afterPreviousRing: 3d}")
            case (true, true):
                diagnostics.emit(
                    .deadlineTwoBases,
                    "a relative deadline counts from the release or from the previous ring, not both",
                    at: keyLocation("afterPreviousRing", in: map), hint: "keep one of the two")
            case (true, false) where !map.contains("time"):
                diagnostics.emit(
                    .missingKey, "a relative deadline is missing required key 'time'", at: location(node))
            default:
                break
            }
            return .relative(relative)
        }
        guard tree.kind(node) == .scalar, !tree.isNull(node) else {
            wrongType(node, expected: "a local date and time or {afterRelease, time}", context: "deadline")
            return nil
        }
        return string(node, context: "deadline").map { .wallTime($0) }
    }

    /// `time:` of a relative deadline, which must be quoted: YAML 1.1 tools read a plain `17:00` as the base-60
    /// number 1020 (MOS220, the time's own code, rather than a shape error: the value is a time, written unsafely).
    private mutating func timeOfDay(_ node: Node) -> Located<String>? {
        guard let text = string(node, context: "deadline.time") else { return nil }
        guard tree.style(node) == .plain else { return text }
        let parts = text.value.split(separator: ":", omittingEmptySubsequences: false)
        let sexagesimal =
            parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        let reading = sexagesimal ? parts.compactMap { Int($0) }.reduce(0) { $0 * 60 + $1 } : nil
        diagnostics.emit(
            .invalidDeadline,
            "time \(text.value) is unquoted"
                + (reading.map { ": YAML 1.1 tools read it as the base-60 number \($0)" }
                    ?? "; it must be a quoted string"),
            at: text.location, hint: "quote it: \"\(text.value)\"")
        return nil
    }

    /// A list of three-letter weekday names (`[Sat, Sun]`); other spellings are reported with the right one.
    private mutating func skipDays(_ node: Node) -> SkipDaysSyntax? {
        guard let items = sequence(node, context: "skipDays") else { return nil }
        var days: [Located<Weekday>] = []
        for item in items {
            guard let text = string(item, context: "skipDays") else { continue }
            if let day = Weekday.allCases.first(where: { $0.shortName == text.value }) {
                days.append(Located(day, at: text.location))
                continue
            }
            let names = Weekday.allCases.map(\.shortName)
            diagnostics.emit(
                .invalidValue, "'\(text.value)' is not a weekday in skipDays", at: text.location,
                hint: (Weekday.parse(text.value)?.shortName ?? Self.suggestion(for: text.value, among: names))
                    .map { "write '\($0)'" } ?? "expected one of \(names.map { "'\($0)'" }.joined(separator: ", "))")
        }
        return SkipDaysSyntax(location: location(node), days: days)
    }

    /// `blackouts:`: `{from, to, reason}` with two dates (`2026-12-21`) or two yearly days (`12-24`), or
    /// `{date, reason}` for one day. Unreadable entries are reported (MOS113, MOS117) and left out.
    private mutating func blackouts(_ node: Node) -> [Located<Blackout>] {
        guard let items = sequence(node, context: "blackouts") else { return [] }
        var blackouts: [Located<Blackout>] = []
        for item in items {
            guard
                let map = mapping(item, context: "a blackout", allowed: DocumentKeys.blackout, required: ["reason"]),
                let reason = map["reason"].flatMap({ string($0, context: "blackout.reason") })
            else { continue }
            let from = (map["from"] ?? map["date"]).flatMap { string($0, context: "blackout.from") }
            let to = (map["to"] ?? map["date"]).flatMap { string($0, context: "blackout.to") }
            guard let from, let to, (map["date"] == nil) == (map["from"] != nil && map["to"] != nil) else {
                diagnostics.emit(
                    .missingKey, "a blackout needs 'date', or 'from' and 'to'", at: location(item),
                    hint: "write {from: \"2026-12-21\", to: \"2027-01-01\", reason: …} or {date: \"12-25\", reason: …}")
                continue
            }
            if let first = LocalDate(text: from.value), let last = LocalDate(text: to.value), first <= last {
                blackouts.append(
                    Located(Blackout(days: .dates(from: first, to: last), reason: reason.value), at: from.location))
            } else if let first = MonthDay(from.value), let last = MonthDay(to.value) {
                blackouts.append(
                    Located(Blackout(days: .yearly(from: first, to: last), reason: reason.value), at: from.location))
            } else {
                diagnostics.emit(
                    .invalidValue,
                    "blackout '\(from.value)' to '\(to.value)' is not two dates in order (YYYY-MM-DD) or two yearly days (MM-DD)",
                    at: from.location, hint: "e.g. {from: \"2026-12-21\", to: \"2027-01-01\"} or {date: \"12-25\"}")
            }
        }
        return blackouts
    }

    private mutating func cohortReferences(_ node: Node, limits: InputLimits) -> [CohortReferenceSyntax] {
        guard let items = sequence(node, context: "cohorts") else { return [] }
        if items.count > limits.maxCohortsPerPolicy {
            diagnostics.emit(
                .tooManyCohortsInPolicy,
                "policy lists \(items.count) cohorts; the limit is \(limits.maxCohortsPerPolicy)", at: location(node))
            return []
        }
        if items.isEmpty {
            // The spec asks for 1 to 1,000: a policy that names no cohort enforces nothing, silently.
            diagnostics.emit(
                .invalidValue, "policy lists no cohorts, so it enforces nothing", at: location(node),
                hint: "list the cohorts to update, in rollout order, e.g. cohorts: [mac-eng]")
            return []
        }
        var references: [CohortReferenceSyntax] = []
        for (ring, item) in items.enumerated() {
            if tree.kind(item) == .mapping {
                guard
                    let map = mapping(
                        item, context: "a cohorts entry", allowed: DocumentKeys.cohortReference, required: ["cohort"]),
                    let name = map["cohort"].flatMap({ string($0, context: "cohort") })
                else { continue }
                references.append(
                    CohortReferenceSyntax(name: name, deadline: map["deadline"].flatMap { deadline($0) }, ring: ring))
            } else if let name = string(item, context: "a cohorts entry") {
                references.append(CohortReferenceSyntax(name: name, deadline: nil, ring: ring))
            }
        }
        return references
    }
}
