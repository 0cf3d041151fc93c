import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// `tracks:` keep each device on its own OS major (Fleet #25978, #33150), so each track names one major, no two
/// name the same, and a cohort's devices on a major no track names get no enforcement (a warning: holding a
/// major back may be the point). The pre-DDM devices of one cohort get one legacy plan, so they may follow
/// one track only.
struct TrackRule: ValidationRule {
    package static let codes: [DiagnosticCode] = [.invalidTrack, .majorWithoutTrack]

    package func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        // The parser reads a policy with tracks as one value per track, next to each other and all starting where
        // the document does (a track that did not read leaves no value, so the first may not be track 0).
        var tracks: [PolicySyntax] = []
        for policy in context.repository.policies where policy.track != nil {
            if let first = tracks.first, first.location != policy.location {
                checkPolicy(tracks, context, into: &diagnostics)
                tracks = []
            }
            tracks.append(policy)
        }
        if !tracks.isEmpty { checkPolicy(tracks, context, into: &diagnostics) }
    }

    private func checkPolicy(
        _ tracks: [PolicySyntax], _ context: ValidationContext, into diagnostics: inout DiagnosticBag
    ) {
        guard let first = tracks.first, let platform = first.platform?.value else { return }
        var byMajor: [Int: SourceMark] = [:]
        var majors: [Int] = []
        for track in tracks {
            guard let version = track.target?.version, let request = context.targetRequest(version.value) else {
                continue
            }
            guard let major = request.major else {
                diagnostics.emit(
                    .invalidTrack, "the track's target '\(version.value)' names no OS major", at: version.location,
                    hint: "a track keeps devices on one major: write 'latest-<major>' or a version, e.g. 'latest-26'")
                continue
            }
            if let earlier = byMajor[major] {
                diagnostics.emit(
                    .invalidTrack, "two tracks for \(platform) \(major)", at: version.location,
                    hint: "keep one track per major", notes: [diagnostics.note("the first is here", at: earlier)])
                continue
            }
            byMajor[major] = version.location
            majors.append(major)
        }
        guard !majors.isEmpty else { return }
        let name = first.name?.value ?? "?"
        let catalogMajors = context.options.catalog.majors(platform: platform.rawValue)
        for reference in first.cohorts {
            guard let cohort = context.cohortModel(named: reference.name.value), cohort.platform == platform else {
                continue
            }
            // Majors the catalog knows that the cohort's range can hold (a future major is nobody's mistake).
            let held = catalogMajors.filter { major in
                !cohort.range.clipped(atOrAbove: OSVersion(major)).clipped(below: OSVersion(major + 1)).isEmpty
                    && OSVersion(major + 1) > cohort.lowestVersion
            }
            let uncovered = held.filter { !byMajor.keys.contains($0) }
            if !uncovered.isEmpty {
                let list = uncovered.map(String.init).joined(separator: ", ")
                diagnostics.emit(
                    .majorWithoutTrack,
                    "cohort '\(cohort.name)' can hold \(platform) \(list) devices, which no track of policy '\(name)' enforces",
                    at: reference.name.location,
                    hint:
                        "add a track for \(uncovered.count == 1 ? "that major" : "those majors"), or narrow the cohort's osVersions"
                )
            }
            // Each track sees the cohort narrowed to its major: those with pre-DDM devices there.
            let legacyMajors = tracks.compactMap { track -> Int? in
                guard let major = context.trackMajor(of: track), majors.contains(major) else { return nil }
                let narrowed = context.cohorts(of: track).first { $0.reference.ring == reference.ring }
                return narrowed?.cohort.paths.hasLegacy == true ? major : nil
            }
            if legacyMajors.count > 1 {
                diagnostics.emit(
                    .invalidTrack,
                    "cohort '\(cohort.name)' holds pre-DDM devices on \(platform) \(legacyMajors.map(String.init).joined(separator: " and ")), which different tracks enforce; its one legacy plan can follow one track",
                    at: reference.name.location, hint: "split the cohort by major with osVersions")
            }
        }
    }
}
