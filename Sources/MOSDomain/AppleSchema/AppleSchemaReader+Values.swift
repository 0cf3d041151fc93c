import MOSBasics
import MOSYAML

/// Shape checks and the `supportedOS` rows: each reports a problem and returns nil on a mismatch.
extension AppleSchemaReader {
    package mutating func mapping(_ node: YAMLNode, _ what: String) -> SchemaFields? {
        if case .mapping(let pairs) = node.content { return SchemaFields(pairs: pairs) }
        report("expected \(what) to be a mapping, found \(node.kindDescription)", at: node.location)
        return nil
    }

    package mutating func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        if case .sequence(let items) = node.content { return items }
        report("expected \(what) to be a sequence, found \(node.kindDescription)", at: node.location)
        return nil
    }

    package mutating func text(_ node: YAMLNode, _ what: String) -> String? {
        if let text = node.scalarText { return text }
        report("expected \(what) to be a scalar, found \(node.kindDescription)", at: node.location)
        return nil
    }

    package mutating func strings(_ node: YAMLNode, _ what: String) -> [String]? {
        guard let items = sequence(node, what) else { return nil }
        return items.compactMap { text($0, "an item of \(what)") }
    }

    package mutating func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        switch node.scalarText {
        case "true": return true
        case "false": return false
        default:
            report("expected \(what) to be true or false", at: node.location)
            return nil
        }
    }

    /// A version, or nil for `n/a` (used for `deprecated` and `removed`).
    package mutating func version(_ node: YAMLNode, _ what: String) -> OSVersion? {
        guard let text = text(node, what), text != "n/a" else { return nil }
        if let version = OSVersion(text) { return version }
        report("expected \(what) to be an OS version or n/a, found '\(text)'", at: node.location)
        return nil
    }

    package mutating func mode(_ node: YAMLNode) -> UsageMode? {
        guard let text = text(node, "'mode'") else { return nil }
        if let mode = UsageMode(rawValue: text) { return mode }
        report("unknown mode '\(text)'", at: node.location)
        return nil
    }

    /// A `supportedOS` object; OS names mosc doesn't know are skipped, so a future OS can't break reading.
    package mutating func supportedOS(_ node: YAMLNode) -> [SchemaOS: OSSupport] {
        guard let fields = mapping(node, "'supportedOS'") else { return [:] }
        var rows: [SchemaOS: OSSupport] = [:]
        for pair in fields.pairs {
            guard let name = pair.key.scalarText, let os = SchemaOS(rawValue: name) else { continue }
            if let row = osRow(pair.value, os: name) { rows[os] = row }
        }
        return rows
    }

    private mutating func osRow(_ node: YAMLNode, os: String) -> OSSupport? {
        guard let fields = mapping(node, "'\(os)'") else { return nil }
        var row = OSSupport()
        if let node = fields["introduced"], let text = text(node, "'introduced'") {
            if text == "n/a" {
                row.introduced = .notAvailable
            } else if let version = OSVersion(text) {
                row.introduced = .version(version)
            } else {
                report("expected 'introduced' to be an OS version or n/a, found '\(text)'", at: node.location)
            }
        }
        row.deprecated = fields["deprecated"].flatMap { version($0, "'deprecated'") }
        row.removed = fields["removed"].flatMap { version($0, "'removed'") }
        row.allowedEnrollments = fields["allowed-enrollments"].flatMap { enrollments($0) }
        row.allowedScopes = fields["allowed-scopes"].flatMap { strings($0, "'allowed-scopes'") }.map(Set.init)
        row.supervised = fields["supervised"].flatMap { bool($0, "'supervised'") }
        row.requiresDEP = fields["requiresdep"].flatMap { bool($0, "'requiresdep'") }
        row.deviceChannel = fields["devicechannel"].flatMap { bool($0, "'devicechannel'") }
        row.userChannel = fields["userchannel"].flatMap { bool($0, "'userchannel'") }
        row.accessRights = fields["accessrights"].flatMap { text($0, "'accessrights'") }
        if let node = fields["sharedipad"], let shared = mapping(node, "'sharedipad'") {
            row.sharedIPad = SharedIPadSupport(
                mode: shared["mode"].flatMap { mode($0) },
                deviceChannel: shared["devicechannel"].flatMap { bool($0, "'devicechannel'") },
                userChannel: shared["userchannel"].flatMap { bool($0, "'userchannel'") },
                allowedScopes: shared["allowed-scopes"].flatMap { strings($0, "'allowed-scopes'") }.map(Set.init))
        }
        if let node = fields["userenrollment"], let user = mapping(node, "'userenrollment'") {
            row.userEnrollment = UserEnrollmentSupport(
                mode: user["mode"].flatMap { mode($0) },
                behavior: user["behavior"].flatMap { text($0, "'behavior'") })
        }
        return row
    }

    private mutating func enrollments(_ node: YAMLNode) -> Set<Enrollment>? {
        guard let names = strings(node, "'allowed-enrollments'") else { return nil }
        var result = Set<Enrollment>()
        for name in names {
            if let enrollment = Enrollment(rawValue: name) {
                result.insert(enrollment)
            } else {
                report("unknown enrollment '\(name)' in 'allowed-enrollments'", at: node.location)
            }
        }
        return result
    }
}
