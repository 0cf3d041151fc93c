import MOSBasics
import MOSDomain

/// When a policy lets the catalog decide what devices get (a `latest` target, an `afterRelease` deadline), the
/// result must not move silently: a catalog that is not the repository's own (MOS280, a note) moves it whenever
/// mosc is rebuilt, and one older than `maximumAgeDays` at `--now` (MOS281) has missed Apple's newer releases.
/// Each is said once per run, at the first place the catalog decides. `pinCatalog` reports the pin itself
/// (MOS279, and MOS280 when `--catalog` overrides it).
struct CatalogFreshnessRule: ValidationRule {
    static let codes: [DiagnosticCode] = [.invalidPinnedCatalog, .catalogNotFromRepository, .catalogStale]

    /// The age past which a catalog is stale: Apple ships an update about every month, so a 90-day-old catalog
    /// has missed at least one.
    static let maximumAgeDays: Int64 = 90

    func check(_ context: ValidationContext, into diagnostics: inout DiagnosticBag) {
        guard let (use, what) = Self.firstDecision(in: context.repository) else { return }
        let options = context.options
        let catalog = options.catalog
        let refresh = "mosc catalog import FEED.json… --output catalog.tsv (SOFA's feeds: specs/policy-language.md §15)"
        if case .bundled = options.catalogOrigin {
            diagnostics.emit(
                .catalogNotFromRepository,
                "\(what) resolves against mosc's bundled catalog of \(catalog.date), not one pinned in the repository: the result moves when mosc is updated",
                at: use,
                hint: "pin one: \(refresh), then 'catalog: catalog.tsv' in the Settings document")
        }
        let age = Self.ageInDays(catalog.date, at: options.now)
        guard age > Self.maximumAgeDays else { return }
        var location = use
        if case .pinned = options.catalogOrigin, let pin = context.repository.settings.first?.catalog {
            location = pin.location
        }
        diagnostics.emit(
            .catalogStale,
            "\(options.catalogOrigin.label) is \(age) days old at \(options.now.iso8601) (dated \(catalog.date)); \(what) may miss newer releases",
            at: location, hint: "refresh it: \(refresh)")
    }

    /// Whole days from the catalog's date (midnight UTC) to `now`.
    static func ageInDays(_ date: CatalogDate, at now: Instant) -> Int64 {
        let midnight = LocalDateTime(date: date.localDate, hour: 0, minute: 0).secondsSinceEpochAsIfUTC
        return (now.unixSeconds - midnight) / 86_400
    }

    /// The first `latest` target or `afterRelease` deadline in file order, and how to name it.
    static func firstDecision(in repository: RepositorySyntax) -> (SourceMark, String)? {
        var first: (SourceMark, String)?
        func consider(_ location: SourceMark, _ what: @autoclosure () -> String) {
            if first.map({ location < $0.0 }) ?? true { first = (location, what()) }
        }
        for policy in repository.policies {
            if let version = policy.target?.version, version.value.hasPrefix("latest") {
                consider(version.location, "'\(version.value)'")
            }
            if case .relative(let relative)? = policy.deadline, let delay = relative.afterRelease {
                consider(delay.location, "an afterRelease deadline")
            }
            for cohort in policy.cohorts {
                if case .relative(let relative)? = cohort.deadline, let delay = relative.afterRelease {
                    consider(delay.location, "an afterRelease deadline")
                }
            }
        }
        return first
    }
}
