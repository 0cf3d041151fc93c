import MOSBasics
import MOSDomain
import MOSOutput
import MOSYAML

/// Deadlines are local wall times (`YYYY-MM-DDTHH:MM[:SS]`) on a real calendar, or computed from the target's
/// release (`{afterRelease: 14d, time: "17:00"}`, moved past `skipDays`). A passed deadline is only a
/// warning (an old policy kept in git must not fail later builds); so is short notice, a later ring enforcing
/// before an earlier one, and a written-out deadline on a skipped day. Legacy deadlines are also read in
/// `legacy.timeZone`, where DST gaps and overlaps matter.
struct DeadlineRule: ValidationRule {
    package static let codes: [DiagnosticCode] = [
        .deadlineHasOffset, .invalidDeadline, .deadlinePassed, .shortNotice, .ringOrder, .deadlineInGap,
        .deadlineInOverlap, .invalidDuration, .deadlineOnSkippedDay, .unknownRelease, .invalidValue,
        .deadlineInBlackout, .noPreviousRing,
    ]

    /// The default `minimumNotice`.
    static let defaultMinimumNotice = MinimumNotice.atLeast(DurationSpec(constantDays: 0, hours: 72))

    package func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        var minimumNotice = Self.defaultMinimumNotice
        if let text = context.settings?.minimumNotice {
            switch MinimumNotice.parse(text.value) {
            case .success(let value):
                minimumNotice = value
            case .failure(let error):
                diagnostics.emit(
                    .invalidDuration, "minimumNotice '\(text.value)' is not a duration: \(error.reason)",
                    at: text.location,
                    hint: "write days, hours and minutes in that order, e.g. 72h, 3d; 0m turns it off")
            }
        }
        if let skipDays = context.settings?.skipDays { checkSkipDays(skipDays, into: &diagnostics) }
        // Policies share a handful of zones and deadlines: each pair is resolved in the time zone database once.
        var resolutions: [ZonedWallTime: ZoneResolution] = [:]
        for policy in context.repository.policies {
            if let lead = policy.legacy?.downloadLeadTime {
                _ = duration(lead, key: "legacy.downloadLeadTime", allowingZero: true, into: &diagnostics)
            }
            if let skipDays = policy.skipDays { checkSkipDays(skipDays, into: &diagnostics) }
            let skipDays = context.skipDays(of: policy)
            let blackouts = context.blackouts(of: policy)
            let deadlines = context.ringDeadlines(of: policy)
            let policyDeadline = deadlines.policy.flatMap { report($0, context, into: &diagnostics) }
            // A policy judges a few deadlines: a list, where a set cost an allocation and a hash per policy.
            var judged: [LocalDateTime] = []
            if let policyDeadline, let location = policy.deadline?.location {
                judge(policyDeadline, at: location, context: context, notice: minimumNotice, into: &diagnostics)
                checkSkippedDay(policyDeadline, at: location, skipDays: skipDays, into: &diagnostics)
                checkBlackout(
                    policyDeadline, at: location, skipDays: skipDays, blackouts: blackouts, into: &diagnostics)
                judged.append(policyDeadline.value)
            }
            for reference in policy.cohorts {
                // Every override is reported on; one the policy's deadline or an earlier ring shares is judged once.
                guard let result = deadlines.override(reference.ring),
                    let value = report(result, context, into: &diagnostics),
                    let location = reference.deadline?.location, !judged.contains(value.value)
                else { continue }
                judged.append(value.value)
                judge(value, at: location, context: context, notice: minimumNotice, into: &diagnostics)
                checkSkippedDay(value, at: location, skipDays: skipDays, into: &diagnostics)
                checkBlackout(value, at: location, skipDays: skipDays, blackouts: blackouts, into: &diagnostics)
            }
            checkRingOrder(policy, policyDeadline: policyDeadline?.value, deadlines: deadlines, into: &diagnostics)
            if let zone = policy.legacy?.timeZone.flatMap({ context.zone(named: $0.value) }) {
                checkZone(
                    policy, zone: zone, context: context, policyDeadline: policyDeadline?.value, deadlines: deadlines,
                    resolutions: &resolutions, into: &diagnostics)
            }
        }
    }

    /// Reports why a deadline (as `ResolvedRepository.ringDeadlines(of:)` resolved it) has no wall time.
    private func report(
        _ result: Result<ResolvedDeadline, DeadlineProblem>, _ context: ValidationContext,
        into diagnostics: inout DiagnosticBag
    ) -> ResolvedDeadline? {
        switch result {
        case .success(let value):
            return value
        case .failure(.hasOffset(let text, let offset)):
            diagnostics.emit(
                .deadlineHasOffset,
                "deadline '\(text.value)' carries the offset '\(offset)'; deadlines are local wall times",
                at: text.location,
                hint:
                    "DDM devices enforce in their own local time; the zone for pre-DDM devices belongs in legacy.timeZone"
            )
        case .failure(.notADate(let text, let reason)):
            diagnostics.emit(
                .invalidDeadline, "deadline '\(text.value)' is not a local date and time: \(reason)",
                at: text.location, hint: "write YYYY-MM-DDTHH:MM, e.g. \"2026-12-15T17:00\"")
        case .failure(.invalidDelay(let text, let reason, let key)):
            diagnostics.emit(
                .invalidDuration, "\(key) '\(text.value)' is not a duration: \(reason)", at: text.location,
                hint: "write whole days, e.g. 14d")
        case .failure(.outOfRange(let location, let value)):
            let years = ResolvedDeadline.supportedYears
            diagnostics.emit(
                .invalidDeadline,
                "deadline \(value.wireString) is outside the years mosc supports, \(years.lowerBound) to \(years.upperBound)",
                at: location, hint: "check the year")
        case .failure(.delayNotWholeDays(let text, let key)):
            diagnostics.emit(
                .invalidDuration, "\(key) '\(text.value)' is not a whole number of days", at: text.location,
                hint: "write whole days, e.g. 14d; 'time' sets the time of day")
        case .failure(.invalidTime(let text)):
            diagnostics.emit(
                .invalidDeadline, "time '\(text.value)' is not a time of day HH:MM", at: text.location,
                hint: "write 00:00 to 23:59, quoted, e.g. \"17:00\"")
        case .failure(.releaseUnknown(let location, let target)):
            diagnostics.emit(
                .unknownRelease,
                "the deadline counts from the release of \(target.platform) \(target.name), but the catalog (\(context.options.catalog.date)) has no such release",
                at: location,
                hint:
                    "write the deadline as a date and time, or refresh the catalog: mosc catalog import FEED.json… --output catalog.tsv, pinned with 'catalog: catalog.tsv' in Settings"
            )
        case .failure(.releaseDateUnknown(let location, let target)):
            diagnostics.emit(
                .unknownRelease,
                "the deadline counts from the release of \(target.platform) \(target.version), but the catalog (\(context.options.catalog.date)) does not know when it shipped: its source's date contradicts the other releases",
                at: location, hint: "write the deadline as a date and time")
        case .failure(.noPreviousRing(let text)):
            diagnostics.emit(
                .noPreviousRing,
                "afterPreviousRing '\(text.value)' counts from the ring before, but this deadline has none",
                at: text.location,
                hint:
                    "use it on the second ring or later; give the policy and the first ring a wall time or {afterRelease, time}"
            )
        case .failure(.alreadyReported):
            break
        }
        return nil
    }

    /// A `skipDays` list that holds every weekday leaves no day for a deadline.
    private func checkSkipDays(_ syntax: SkipDaysSyntax, into diagnostics: inout DiagnosticBag) {
        guard Set(syntax.days.map(\.value)).count == Weekday.allCases.count else { return }
        diagnostics.emit(
            .invalidValue, "skipDays lists every weekday, so no day is left for a deadline", at: syntax.location,
            hint: "skip at most six weekdays, e.g. [Sat, Sun]")
    }

    /// A written-out deadline is never moved: say so when it falls on a skipped day.
    private func checkSkippedDay(
        _ deadline: ResolvedDeadline, at location: SourceMark, skipDays: Set<Weekday>,
        into diagnostics: inout DiagnosticBag
    ) {
        guard !deadline.isComputed, skipDays.count < Weekday.allCases.count,
            skipDays.contains(deadline.value.weekday)
        else { return }
        let next = deadline.value.movedPast(skipDays)
        diagnostics.emit(
            .deadlineOnSkippedDay,
            "deadline \(deadline.value.wireString) falls on a \(deadline.value.weekday.fullName), which skipDays excludes",
            at: location, hint: "move it to the next allowed day, e.g. \"\(next.wireString)\"")
    }

    /// A written-out deadline is never moved: say so when it falls in a blackout, with the nearest allowed
    /// wall times before and after it (same time of day, past blackouts and skipped weekdays).
    private func checkBlackout(
        _ deadline: ResolvedDeadline, at location: SourceMark, skipDays: Set<Weekday>, blackouts: [Blackout],
        into diagnostics: inout DiagnosticBag
    ) {
        guard !deadline.isComputed, let blackout = blackouts.first(where: { $0.contains(deadline.value.date) }),
            let first = blackout.firstDay(from: deadline.value.date)
        else { return }
        let after = deadline.value.movedPast(skipDays, blackouts: blackouts).value
        var before = deadline.value.adding(days: -deadline.value.date.days(since: first) - 1)
        var steps = 0
        while steps < 3_660,
            blackouts.contains(where: { $0.contains(before.date) })
                || (skipDays.count < Weekday.allCases.count && skipDays.contains(before.weekday))
        {
            before = before.adding(days: -1)
            steps += 1
        }
        diagnostics.emit(
            .deadlineInBlackout,
            "deadline \(deadline.value.wireString) falls in the blackout \(blackout)",
            at: location, hint: "the nearest allowed times are \"\(before.wireString)\" and \"\(after.wireString)\"")
    }

    private func judge(
        _ resolved: ResolvedDeadline, at location: SourceMark, context: ValidationContext, notice: MinimumNotice,
        into diagnostics: inout DiagnosticBag
    ) {
        let deadline = resolved.value
        let now = context.options.now
        let first = deadline.earliestInstantAnywhere
        if first <= now {
            // The first clock to show the wall time is UTC+14's: that is where devices install first.
            let days = Self.daysToAdd(deadline, now: now, notice: notice)
            let hint =
                resolved.isComputed
                ? "the deadline counts from the target's release: raise afterRelease by at least \(days)d, or target a newer release"
                : "move it to \"\(deadline.adding(days: days).wireString)\" or later"
                    + (notice == .off ? "" : ", which leaves every device the minimumNotice")
            diagnostics.emit(
                .deadlinePassed,
                "deadline \(deadline.wireString) has already passed at UTC+14, where it is first reached (\(first.iso8601), before \(now.iso8601)): devices not yet updated install at once",
                at: location, hint: hint)
        } else if case .atLeast(let notice) = notice, now.seconds(until: first) < notice.seconds {
            diagnostics.emit(
                .shortNotice,
                "deadline \(deadline.wireString) leaves devices in UTC+14 only \(Self.spoken(seconds: now.seconds(until: first))) of notice, less than minimumNotice \(notice)",
                at: location,
                hint: "the OS bypasses Do Not Disturb only in the last 24 hours; give users time to update on their own"
            )
        }
    }

    /// The fewest whole days that move `deadline` to leave every device `notice` (or just to lie ahead).
    static func daysToAdd(_ deadline: LocalDateTime, now: Instant, notice: MinimumNotice) -> Int {
        let needed = max(notice.seconds, 1)
        let short = needed - now.seconds(until: deadline.earliestInstantAnywhere)
        return Int(max(1, (short + 86_399) / 86_400))
    }

    /// Seconds as days, hours and minutes, the way durations are written (`1d18h`, `45m`; under a minute `0m`).
    static func spoken(seconds: Int64) -> String {
        let minutes = max(0, seconds) / 60
        let parts = [(minutes / 1440, "d"), (minutes / 60 % 24, "h"), (minutes % 60, "m")].filter { $0.0 > 0 }
        return parts.isEmpty ? "0m" : parts.map { "\($0.0)\($0.1)" }.joined()
    }

    private func checkRingOrder(
        _ policy: PolicySyntax, policyDeadline: LocalDateTime?, deadlines: RingDeadlines,
        into diagnostics: inout DiagnosticBag
    ) {
        var latest: (value: LocalDateTime, name: String)?
        for reference in policy.cohorts {
            guard let value = deadlines.resolvedOverride(reference.ring)?.value ?? policyDeadline else { continue }
            if let earlier = latest, value < earlier.value {
                diagnostics.emit(
                    .ringOrder,
                    "cohort '\(reference.name.value)' enforces at \(value.wireString), before the earlier ring '\(earlier.name)' at \(earlier.value.wireString)",
                    at: reference.deadline?.location ?? reference.name.location)
            }
            if latest.map({ value >= $0.value }) ?? true { latest = (value, reference.name.value) }
        }
    }

    private func checkZone(
        _ policy: PolicySyntax, zone: ZoneRules, context: ValidationContext, policyDeadline: LocalDateTime?,
        deadlines: RingDeadlines, resolutions: inout [ZonedWallTime: ZoneResolution],
        into diagnostics: inout DiagnosticBag
    ) {
        let zoneName = zone.identifier
        var seen: [LocalDateTime] = []
        for (reference, cohort) in context.cohorts(of: policy) where cohort.paths.hasLegacy {
            guard let value = deadlines.resolvedOverride(reference.ring)?.value ?? policyDeadline,
                !seen.contains(value)
            else { continue }
            seen.append(value)
            let location = reference.deadline?.location ?? policy.deadline?.location ?? reference.name.location
            let resolution = resolutions.memo(ZonedWallTime(zone: zoneName, value: value)) { zone.resolve(value) }
            // What the plan enforces at (`scheduledInstant`) is what the messages name.
            let scheduled = resolution.scheduledInstant
            switch resolution {
            case .unique:
                break
            case .gap:
                diagnostics.emit(
                    .deadlineInGap,
                    "deadline \(value.wireString) does not exist in \(zoneName): clocks skip it when daylight saving time starts",
                    at: location,
                    hint: "pick a time outside the gap, e.g. \(zone.localDateTime(at: scheduled).wireString)")
            case .overlap(_, let later):
                diagnostics.emit(
                    .deadlineInOverlap,
                    "deadline \(value.wireString) occurs twice in \(zoneName) (clocks fall back); mosc uses the first, \(scheduled.iso8601), not \(later.iso8601)",
                    at: location)
            }
        }
    }

    private func duration(
        _ text: Located<String>, key: String, allowingZero: Bool = false, into diagnostics: inout DiagnosticBag
    ) -> DurationSpec? {
        switch DurationSpec.parse(text.value, allowingZero: allowingZero) {
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

/// A wall time in a named zone: the key of `DeadlineRule`'s resolutions.
private struct ZonedWallTime: Hashable {
    var zone: String
    var value: LocalDateTime
}
