import MOSOutput

/// One fleet's (team's) fragment of Fleet GitOps YAML: its `name:`, the declarations under
/// `controls.apple_settings.configuration_profiles` scoped by label, and Fleet's own OS update settings cleared.
struct FleetTeamFile {
    /// One declaration and the label it is scoped to.
    struct Profile {
        /// The path relative to the team file (`../lib/mosc/<Identifier>.json`).
        var path: String
        /// The label that stands for the cohort.
        var label: String
    }

    /// One cohort's profiles, with what the comment above them says.
    struct CohortProfiles {
        /// The cohort.
        var cohort: String
        /// One line about the policy, target and deadline.
        var summary: String
        /// Its declarations.
        var profiles: [Profile]
    }

    /// The team's name, as Fleet's `name:` key spells it.
    var team: String
    /// The cohorts, sorted by name.
    var cohorts: [CohortProfiles]

    /// The YAML text.
    var text: String {
        var yaml = YAMLWriter()
        yaml.comment([
            "Written by mosc export fleet: do not edit; change the policies and export again.",
            "A fragment of this fleet's GitOps file: merge its keys into the file whose name: is the same.",
        ])
        yaml.pair("name", team)
        yaml.open("controls")
        yaml.open("apple_settings", indent: 1)
        yaml.open("configuration_profiles", indent: 2)
        for cohort in cohorts {
            yaml.comment(["\(cohort.cohort): \(cohort.summary)"], indent: 3)
            for profile in cohort.profiles {
                yaml.itemPair("path", profile.path, indent: 3)
                yaml.open("labels_include_any", indent: 4)
                yaml.item(profile.label, indent: 5)
            }
        }
        yaml.comment(
            [
                "Fleet refuses a custom OS update declaration while its own OS update settings are set for any",
                "Apple platform of the fleet (\"OS updates are already configured. Remove the OS updates settings",
                "first.\"), so they are cleared here: the declarations above take their place. \"\" is the",
                "documented default of both keys (no minimum version, no deadline).",
            ], indent: 1)
        for key in ["macos_updates", "ios_updates", "ipados_updates"] {
            yaml.open(key, indent: 1)
            yaml.pair("deadline", "", indent: 2)
            yaml.pair("minimum_version", "", indent: 2)
        }
        return yaml.text
    }

    /// File names for team names: lowercase letters and digits joined by `-` (`💻 Workstations` →
    /// `workstations.yml`); a name that leaves nothing, or the same as another's, gets a hash of the full name.
    static func fileNames(for teams: [String]) -> [String: String] {
        let slugs = teams.map { (team: $0, slug: slug($0)) }
        var counts: [String: Int] = [:]
        for entry in slugs { counts[entry.slug, default: 0] += 1 }
        var names: [String: String] = [:]
        for (team, slug) in slugs {
            let unique = !slug.isEmpty && counts[slug] == 1
            let hash = String(ContentHash.hex(team).prefix(8))
            names[team] = (unique ? slug : (slug.isEmpty ? "fleet-\(hash)" : "\(slug)-\(hash)")) + ".yml"
        }
        return names
    }

    /// Lowercase ASCII letters and digits of `name`, other runs as one `-`, at most 60 characters.
    static func slug(_ name: String) -> String {
        var out: [UInt8] = []
        var pendingDash = false
        for byte in name.lowercased().utf8 {
            let keep = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= 48 && byte <= 57)
            if keep {
                if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                out.append(byte)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        var slug = String(decoding: out.prefix(60), as: UTF8.self)
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }
}
