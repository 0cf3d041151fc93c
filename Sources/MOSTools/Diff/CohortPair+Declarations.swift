import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

extension CohortPair {
    /// Payload keys the manifest already compares as `target.version`, `target.build` and `deadline`.
    static let enforcementKeysInManifest: Set<String> = [
        "Payload.TargetOSVersion", "Payload.TargetBuildVersion", "Payload.TargetLocalDateTime",
    ]

    /// The kinds in the order they are reported.
    static let kindOrder = ["enforcement", "settings", "activation"]

    /// The declarations of both sides by kind (the Identifier's last label), compared field by field where
    /// their files differ.
    func compareDeclarations(_ before: OutputManifest.Cohort, _ after: OutputManifest.Cohort)
        -> (fields: [RolloutDiff.FieldChange], tokens: [RolloutDiff.TokenChange])
    {
        let old = declarations(before)
        let new = declarations(after)
        var fields: [RolloutDiff.FieldChange] = []
        var tokens: [RolloutDiff.TokenChange] = []
        let kinds = Set(old.keys).union(new.keys).sorted {
            (Self.kindOrder.firstIndex(of: $0) ?? 99, $0) < (Self.kindOrder.firstIndex(of: $1) ?? 99, $1)
        }
        for kind in kinds {
            let field = DiffField.ddm(kind)
            switch (old[kind], new[kind]) {
            case (let a?, nil):
                fields.append(.init(field, before: a.identifier, after: nil))
                tokens.append(.init(identifier: a.identifier, before: decode(a, from: base)?.serverToken, after: nil))
            case (nil, let b?):
                fields.append(.init(field, before: nil, after: b.identifier))
                tokens.append(.init(identifier: b.identifier, before: nil, after: decode(b, from: head)?.serverToken))
            case (let a?, let b?) where a.sha256 != b.sha256 || a.identifier != b.identifier:
                let x = decode(a, from: base)
                let y = decode(b, from: head)
                if a.identifier != b.identifier {
                    fields.append(.init(field.member("Identifier"), before: a.identifier, after: b.identifier))
                }
                if let x, let y {
                    fields += payloadFields(field, kind: kind, x, y)
                    if x.serverToken != y.serverToken {
                        tokens.append(.init(identifier: b.identifier, before: x.serverToken, after: y.serverToken))
                    }
                } else {
                    // A compiled side with a missing or unreadable file: say which, not what changed inside.
                    fields.append(.init(field.member("file"), before: a.sha256, after: b.sha256))
                }
            default:
                break
            }
        }
        return (fields, tokens)
    }

    /// The payload leaves that differ, by dotted key path.
    private func payloadFields(_ field: DiffField, kind: String, _ x: Declaration, _ y: Declaration)
        -> [RolloutDiff.FieldChange]
    {
        var old: [String: String] = [:]
        var new: [String: String] = [:]
        DiffText.flatten(["Payload": .object(x.payload)], into: &old)
        DiffText.flatten(["Payload": .object(y.payload)], into: &new)
        if x.type != y.type { old["Type"] = x.type; new["Type"] = y.type }
        var fields: [RolloutDiff.FieldChange] = []
        for key in Set(old.keys).union(new.keys).sorted() where old[key] != new[key] {
            if kind == "enforcement", Self.enforcementKeysInManifest.contains(key) { continue }
            fields.append(.init(field.member(key), before: old[key], after: new[key]))
        }
        return fields
    }

    /// A declaration file of the manifest.
    struct DeclarationFile {
        package var path: String
        package var identifier: String
        package var sha256: String
    }

    /// The cohort's declaration files by kind.
    private func declarations(_ cohort: OutputManifest.Cohort) -> [String: DeclarationFile] {
        var found: [String: DeclarationFile] = [:]
        for (path, sha) in artifacts(cohort, under: "ddm/declarations/") where path.hasSuffix(".json") {
            let identifier = String(path.split(separator: "/").last?.dropLast(5) ?? "")
            let kind = identifier.split(separator: ".").last.map(String.init) ?? identifier
            found[kind] = DeclarationFile(path: path, identifier: identifier, sha256: sha)
        }
        return found
    }

    private func decode(_ file: DeclarationFile, from side: CompiledSide) -> Declaration? {
        side.decodeJSON(Declaration.self, file.path)
    }
}
