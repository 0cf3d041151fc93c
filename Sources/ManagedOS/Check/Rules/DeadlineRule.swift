/// Deadlines are local wall times (`YYYY-MM-DDTHH:MM[:SS]`) on a real calendar. A passed deadline is only a
/// warning (an old policy kept in git must not fail later builds); so is short notice and a later ring
/// enforcing before an earlier one. Legacy deadlines are also read in `legacy.timeZone`, where DST gaps and
/// overlaps matter.
struct DeadlineRule: ValidationRule {
    static let codes: [DiagnosticCode] = [
        .deadlineHasOffset, .invalidDeadline, .deadlinePassed, .shortNotice, .ringOrder, .deadlineInGap,
        .deadlineInOverlap, .invalidDuration,
    ]

    /// The default `minimumNotice`.
    static let defaultMinimumNotice = DurationSpec(constantDays: 0, hours: 72)

    func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        var minimumNotice = Self.defaultMinimumNotice
        if let text = context.settings?.minimumNotice {
            minimumNotice = duration(text, key: "minimumNotice", into: &diagnostics) ?? minimumNotice
        }
        for policy in context.repository.policies {
            if let lead = policy.legacy?.downloadLeadTime {
                _ = duration(lead, key: "legacy.downloadLeadTime", into: &diagnostics)
            }
            let policyDeadline = policy.deadline.flatMap { parse($0, into: &diagnostics) }
            var overrides: [Int: LocalDateTime] = [:]
            for reference in policy.cohorts {
                if let syntax = reference.deadline, let value = parse(syntax, into: &diagnostics) {
                    overrides[reference.ring] = value
                }
            }
            var judged: Set<LocalDateTime> = []
            if let policyDeadline, let location = policy.deadline?.text.location {
                judge(policyDeadline, at: location, context: context, notice: minimumNotice, into: &diagnostics)
                judged.insert(policyDeadline)
            }
            for reference in policy.cohorts {
                guard let value = overrides[reference.ring], let location = reference.deadline?.text.location,
                    judged.insert(value).inserted
                else { continue }
                judge(value, at: location, context: context, notice: minimumNotice, into: &diagnostics)
            }
            checkRingOrder(policy, policyDeadline: policyDeadline, overrides: overrides, into: &diagnostics)
            checkZone(policy, context: context, policyDeadline: policyDeadline, overrides: overrides, into: &diagnostics)
        }
    }

    private func parse(_ syntax: DeadlineSyntax, into diagnostics: inout DiagnosticBag) -> LocalDateTime? {
        switch LocalDateTime.parse(syntax.text.value) {
        case .valid(let value):
            return value
        case .hasOffset(_, let offset):
            diagnostics.emit(
                .deadlineHasOffset,
                "deadline '\(syntax.text.value)' carries the offset '\(offset)'; deadlines are local wall times",
                at: syntax.text.location,
                hint: "DDM devices enforce in their own local time; the zone for pre-DDM devices belongs in legacy.timeZone")
            return nil
        case .notADate(let reason):
            diagnostics.emit(
                .invalidDeadline, "deadline '\(syntax.text.value)' is not a local date and time: \(reason)",
                at: syntax.text.location, hint: "write YYYY-MM-DDTHH:MM, e.g. \"2026-12-15T17:00\"")
            return nil
        }
    }

    private func judge(
        _ deadline: LocalDateTime, at location: SourceLocation, context: ValidationContext, notice: DurationSpec,
        into diagnostics: inout DiagnosticBag
    ) {
        let now = context.options.now
        let first = deadline.earliestInstantAnywhere
        if first <= now {
            diagnostics.emit(
                .deadlinePassed,
                "deadline \(deadline.wireString) has already passed for some devices at \(now.iso8601): devices not yet updated install at once",
                at: location)
        } else if now.seconds(until: first) < notice.seconds {
            diagnostics.emit(
                .shortNotice,
                "deadline \(deadline.wireString) leaves devices in UTC+14 less than \(notice) of notice (minimumNotice)",
                at: location,
                hint: "the OS bypasses Do Not Disturb only in the last 24 hours; give users time to update on their own")
        }
    }

    private func checkRingOrder(
        _ policy: PolicySyntax, policyDeadline: LocalDateTime?, overrides: [Int: LocalDateTime],
        into diagnostics: inout DiagnosticBag
    ) {
        var latest: (value: LocalDateTime, name: String)?
        for reference in policy.cohorts {
            guard let value = overrides[reference.ring] ?? policyDeadline else { continue }
            if let earlier = latest, value < earlier.value {
                diagnostics.emit(
                    .ringOrder,
                    "cohort '\(reference.name.value)' enforces at \(value.wireString), before the earlier ring '\(earlier.name)' at \(earlier.value.wireString)",
                    at: reference.deadline?.text.location ?? reference.name.location)
            }
            if latest.map({ value >= $0.value }) ?? true { latest = (value, reference.name.value) }
        }
    }

    private func checkZone(
        _ policy: PolicySyntax, context: ValidationContext, policyDeadline: LocalDateTime?,
        overrides: [Int: LocalDateTime], into diagnostics: inout DiagnosticBag
    ) {
        guard let zoneName = policy.legacy?.timeZone?.value, let zone = ZoneRules.named(zoneName) else { return }
        var seen: Set<LocalDateTime> = []
        for (reference, cohort) in context.cohorts(of: policy) where cohort.paths.hasLegacy {
            guard let value = overrides[reference.ring] ?? policyDeadline, seen.insert(value).inserted else { continue }
            let location = reference.deadline?.text.location ?? policy.deadline?.text.location ?? reference.name.location
            switch zone.resolve(value) {
            case .unique:
                break
            case .gap(_, let after, _):
                diagnostics.emit(
                    .deadlineInGap,
                    "deadline \(value.wireString) does not exist in \(zoneName): clocks skip it when daylight saving time starts",
                    at: location,
                    hint: "pick a time outside the gap, e.g. \(zone.localDateTime(at: after).wireString)")
            case .overlap(let earlier, let later):
                diagnostics.emit(
                    .deadlineInOverlap,
                    "deadline \(value.wireString) occurs twice in \(zoneName) (clocks fall back); mosc uses the first, \(earlier.iso8601), not \(later.iso8601)",
                    at: location)
            }
        }
    }

    private func duration(_ text: Located<String>, key: String, into diagnostics: inout DiagnosticBag)
        -> DurationSpec?
    {
        switch DurationSpec.parse(text.value) {
        case .valid(let value):
            return value
        case .invalid(let reason):
            diagnostics.emit(
                .invalidDuration, "\(key) '\(text.value)' is not a duration: \(reason)", at: text.location,
                hint: "write days, hours and minutes in that order, e.g. 3d, 12h, 1d12h")
            return nil
        }
    }
}
