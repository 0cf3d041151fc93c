/// The catalog of diagnostic codes. Raw values are the wire codes and never change or get reused:
/// `MOS1xx` reading YAML and shape, `MOS2xx` validation, `MOS3xx` lowering, `MOS4xx` emit,
/// `MOS5xx` input/output and repository layout, `MOS6xx` diff, `MOS7xx` status, `MOS8xx` export.
public enum DiagnosticCode: String, Sendable, Codable, CaseIterable, Comparable {
    // MARK: MOS1xx: YAML and document shape
    case yamlSyntax = "MOS101"
    case invalidUTF8 = "MOS102"
    case duplicateKey = "MOS103"
    case aliasNotAllowed = "MOS104"
    case nestingTooDeep = "MOS105"
    case fileTooLarge = "MOS106"
    case scalarTooLong = "MOS107"
    case tooManyDocuments = "MOS108"
    case tooManyNodes = "MOS109"
    case unsupportedAPIVersion = "MOS110"
    case unknownKind = "MOS111"
    case unknownKey = "MOS112"
    case missingKey = "MOS113"
    case wrongType = "MOS114"
    case ambiguousBoolean = "MOS115"
    case unquotedVersion = "MOS116"
    case invalidValue = "MOS117"
    case unsupportedTag = "MOS118"
    case emptyDocument = "MOS119"
    case tooManyCohortsInPolicy = "MOS120"

    // MARK: MOS2xx: names and references
    case invalidName = "MOS201"
    case duplicateName = "MOS202"
    case unknownCohort = "MOS203"
    case platformMismatch = "MOS204"
    case unusedCohort = "MOS205"
    case cohortEnforcedTwice = "MOS206"
    case duplicateSettings = "MOS207"
    case invalidIdentifierPrefix = "MOS208"
    case invalidGlob = "MOS209"

    // MARK: MOS21x: time zone
    case invalidTimeZone = "MOS210"
    case timeZoneWithoutLegacyDevices = "MOS211"
    case missingTimeZone = "MOS212"
    case deadlineHasOffset = "MOS213"
    case nonGeographicTimeZone = "MOS214"

    // MARK: MOS22x: deadlines and durations
    case invalidDeadline = "MOS220"
    case deadlinePassed = "MOS221"
    case shortNotice = "MOS222"
    case ringOrder = "MOS223"
    case deadlineInGap = "MOS224"
    case deadlineInOverlap = "MOS225"
    case invalidDuration = "MOS226"
    case invalidURL = "MOS227"
    case deadlineOnSkippedDay = "MOS228"
    case deadlineInBlackout = "MOS229"

    // MARK: MOS23x: versions
    case invalidVersion = "MOS230"
    case invalidBuild = "MOS231"
    case targetBelowCohort = "MOS232"
    case targetBelowDDMThreshold = "MOS233"
    case invalidVersionRange = "MOS234"
    case emptyVersionRange = "MOS235"
    case unsupportedOSVersion = "MOS236"
    case buildPinsOneOfSeveral = "MOS237"
    case invalidTrack = "MOS238"
    case majorWithoutTrack = "MOS239"

    // MARK: MOS24x: legacy install options
    case installActionNotOnPlatform = "MOS240"
    case maxUserDeferralsNotAllowed = "MOS241"
    case priorityNotAllowed = "MOS242"
    case legacyOptionBelowOSGate = "MOS243"
    case installForceRestart = "MOS244"
    case minorUpdateOptionOnMajorUpdate = "MOS245"
    case legacyOptionsWithoutLegacyDevices = "MOS246"

    // MARK: MOS25x: enrollment and platform gates
    case userEnrollmentUnmanaged = "MOS250"
    case macOSRequiresSupervision = "MOS251"
    case unsupervisedLegacyDevices = "MOS252"
    case noLegacyPath = "MOS253"
    case legacyUpdateNeedsProductKey = "MOS254"

    // MARK: MOS26x: software update settings
    case settingNotOnPlatform = "MOS260"
    case settingNeedsSupervision = "MOS261"
    case settingsBelowOSGate = "MOS262"
    case settingOutOfRange = "MOS263"
    case betaProgramConflict = "MOS264"

    // MARK: MOS27x: release catalog
    case unknownRelease = "MOS270"
    case releaseOlderThanCatalog = "MOS271"
    case releaseNewerThanCatalog = "MOS272"
    case buildNotInRelease = "MOS273"
    case buildUnknownInCatalog = "MOS274"
    case deadlineBeforeRelease = "MOS275"
    case newerPatchFixesExploits = "MOS276"
    case latestResolved = "MOS277"
    case latestUnresolvable = "MOS278"
    case invalidPinnedCatalog = "MOS279"
    case catalogNotFromRepository = "MOS280"
    case catalogStale = "MOS281"

    // MARK: MOS285–289: ring offsets (deadlines, continued from MOS22x)
    case noPreviousRing = "MOS285"
    case deadlineTwoBases = "MOS286"

    // MARK: MOS29x: Background Security Improvements
    case unknownSecurityImprovement = "MOS290"
    case securityImprovementSuperseded = "MOS291"
    case securityImprovementNeedsDDM = "MOS292"
    case securityImprovementBelowBase = "MOS293"

    // MARK: MOS3xx: lowering
    case identifierShortened = "MOS301"
    case policyNotPlanned = "MOS302"

    // MARK: MOS4xx: emit
    case unsafeOutputPath = "MOS401"

    // MARK: MOS5xx: input, output and repository layout
    case unreadableFile = "MOS501"
    case noPolicyFiles = "MOS502"
    case symlinkOutsideRepository = "MOS503"
    case folderTooDeep = "MOS504"

    // MARK: MOS6xx: diff risk flags
    case deadlineMovedEarlier = "MOS601"
    case changedDeadlineShortNotice = "MOS602"
    case targetLowered = "MOS603"
    case enforcementRemoved = "MOS604"
    case deadlineMovedWhileEnforcing = "MOS605"
    case changedDeadlinePassed = "MOS606"

    // MARK: MOS7xx: status reports and device lists
    case unreadableReport = "MOS701"
    case unknownReport = "MOS702"
    case invalidReportValue = "MOS703"
    case unknownStatusValue = "MOS704"
    case unknownDevice = "MOS705"
    case invalidDeviceList = "MOS706"
    case invalidDeviceRow = "MOS707"
    case duplicateDevice = "MOS708"
    case unknownStatusCohort = "MOS709"
    case unexpectedUpdatePath = "MOS710"
    case commandNotDone = "MOS711"
    case tooManyReports = "MOS712"
    case unroutedDevice = "MOS713"

    // MARK: MOS8xx: export to another MDM's files
    case fleetLegacyOnlyCohort = "MOS801"
    case fleetLegacyPartNotExported = "MOS802"
    case fleetNoTeam = "MOS803"
    case fleetActivationPredicate = "MOS804"
    case fleetPlatformUnsupported = "MOS805"

    // MARK: MOS81x: the `fleet:` mapping the export reads, checked by validate
    case fleetUnknownCohort = "MOS810"
    case fleetMappedTwice = "MOS811"
    case invalidFleetName = "MOS812"
    case fleetLabelShared = "MOS813"

    /// The severity a diagnostic with this code has unless the rule says otherwise.
    public var defaultSeverity: Severity {
        switch self {
        case .unquotedVersion, .emptyDocument, .unusedCohort, .deadlinePassed, .shortNotice, .ringOrder,
            .deadlineInOverlap, .targetBelowCohort, .installForceRestart, .minorUpdateOptionOnMajorUpdate,
            .settingsBelowOSGate, .releaseNewerThanCatalog, .newerPatchFixesExploits, .deadlineOnSkippedDay,
            .noPolicyFiles, .symlinkOutsideRepository, .legacyOptionsWithoutLegacyDevices, .ambiguousBoolean,
            .catalogStale, .securityImprovementSuperseded, .deadlineInBlackout, .majorWithoutTrack:
            .warning
        case .nonGeographicTimeZone, .legacyUpdateNeedsProductKey, .buildPinsOneOfSeveral:
            .warning
        case .fleetLegacyOnlyCohort, .fleetLegacyPartNotExported, .fleetPlatformUnsupported:
            .warning
        case .invalidReportValue, .unknownStatusValue, .unknownDevice, .unexpectedUpdatePath, .commandNotDone,
            .unroutedDevice:
            .warning
        case .deadlineMovedEarlier, .changedDeadlineShortNotice, .targetLowered, .enforcementRemoved,
            .deadlineMovedWhileEnforcing:
            .warning
        case .releaseOlderThanCatalog, .buildUnknownInCatalog, .latestResolved, .identifierShortened,
            .catalogNotFromRepository:
            .note
        default:
            .error
        }
    }

    /// One line saying what the code is about; feeds `specs/diagnostics.md` and SARIF rules.
    public var summary: String {
        switch self {
        case .yamlSyntax: "the file is not valid YAML"
        case .invalidUTF8: "the file is not UTF-8 text"
        case .duplicateKey: "a mapping has the same key twice"
        case .aliasNotAllowed: "YAML anchors, aliases and merge keys are not allowed"
        case .nestingTooDeep: "the document nests deeper than the limit"
        case .fileTooLarge: "the file is larger than the limit"
        case .scalarTooLong: "a scalar is longer than the limit"
        case .tooManyDocuments: "the file holds more documents than the limit"
        case .tooManyNodes: "the file holds more YAML nodes than the limit"
        case .unsupportedAPIVersion: "the document's apiVersion is missing or not 'mosc/v1'"
        case .unknownKind: "the document's kind is missing or unknown"
        case .unknownKey: "a key is not part of the policy language"
        case .missingKey: "a required key is missing"
        case .wrongType: "a value has the wrong type"
        case .ambiguousBoolean: "a plain yes/no/on/off, which YAML 1.1 reads as a boolean"
        case .unquotedVersion: "a version written as a plain number"
        case .invalidValue: "a value is not one of the allowed values"
        case .unsupportedTag: "an explicit YAML tag is not supported"
        case .emptyDocument: "a document is empty"
        case .tooManyCohortsInPolicy: "a policy lists more cohorts than the limit"
        case .invalidName: "a cohort or policy name is not a valid name"
        case .duplicateName: "two cohorts or two policies have the same name"
        case .unknownCohort: "a policy names a cohort that does not exist"
        case .platformMismatch: "a policy's cohort is of another platform"
        case .unusedCohort: "no policy enforces an update on a cohort"
        case .cohortEnforcedTwice: "two enforcements target the same cohort"
        case .duplicateSettings: "the repository has more than one Settings document"
        case .invalidIdentifierPrefix: "identifierPrefix is not a reverse-DNS name"
        case .invalidGlob: "an exclude pattern is not a valid glob"
        case .invalidTimeZone: "legacy.timeZone is not an IANA time zone"
        case .timeZoneWithoutLegacyDevices: "a time zone is set but no cohort can hold pre-DDM devices"
        case .missingTimeZone: "a cohort can hold pre-DDM devices but legacy.timeZone is missing"
        case .deadlineHasOffset: "a deadline carries a UTC offset or Z"
        case .nonGeographicTimeZone: "legacy.timeZone is a fixed offset or a legacy zone rather than a place"
        case .invalidDeadline: "a deadline is not a real local date and time"
        case .deadlinePassed: "a deadline has already passed for some devices"
        case .shortNotice: "a deadline leaves less notice than minimumNotice"
        case .ringOrder: "a later ring's deadline precedes an earlier ring's"
        case .deadlineInGap: "a legacy deadline falls in a daylight-saving gap of its time zone"
        case .deadlineInOverlap: "a legacy deadline falls in a daylight-saving overlap of its time zone"
        case .invalidDuration: "a duration is not of the form 3d, 12h, 30m or combined"
        case .invalidURL: "a URL is not an absolute https URL"
        case .deadlineOnSkippedDay: "an explicit deadline falls on a skipped weekday"
        case .deadlineInBlackout: "an explicit deadline falls in a blackout (a change freeze or holiday)"
        case .noPreviousRing: "an afterPreviousRing deadline has no previous ring to count from"
        case .deadlineTwoBases: "a relative deadline counts from both the release and the previous ring"
        case .invalidVersion: "a version is not major.minor[.patch]"
        case .invalidBuild: "a build is not an Apple build number"
        case .targetBelowCohort: "the target is below every OS version the cohort runs"
        case .targetBelowDDMThreshold: "the target is below the DDM threshold on a cohort with DDM devices"
        case .invalidVersionRange: "osVersions is not a valid version range"
        case .emptyVersionRange: "osVersions matches no version"
        case .unsupportedOSVersion: "the cohort's OS versions are older than mosc supports"
        case .installActionNotOnPlatform: "the install action is not available on the platform"
        case .maxUserDeferralsNotAllowed: "maxUserDeferrals needs macOS and installAction InstallLater"
        case .priorityNotAllowed: "priority is available on macOS only"
        case .legacyOptionBelowOSGate: "a legacy option needs a newer OS than the cohort's oldest devices run"
        case .installForceRestart: "InstallForceRestart may lose the user's unsaved work"
        case .minorUpdateOptionOnMajorUpdate: "an option that applies to minor updates only, on a major update"
        case .legacyOptionsWithoutLegacyDevices: "legacy options are set but no cohort can hold pre-DDM devices"
        case .userEnrollmentUnmanaged: "user-enrolled devices cannot have OS updates managed"
        case .macOSRequiresSupervision: "macOS updates can be managed on supervised devices only"
        case .unsupervisedLegacyDevices: "unsupervised devices below the DDM threshold cannot take legacy commands"
        case .noLegacyPath: "the platform has no legacy update path below its DDM threshold"
        case .legacyUpdateNeedsProductKey:
            "a cohort without osVersions can hold devices whose legacy update needs a ProductKey mosc cannot know"
        case .settingNotOnPlatform: "a software update setting does not exist on the platform"
        case .settingNeedsSupervision: "a software update setting needs supervised devices"
        case .settingsBelowOSGate: "some of the cohort's devices are too old for the settings declaration"
        case .settingOutOfRange: "a software update setting's value is out of range"
        case .betaProgramConflict: "beta program settings contradict each other"
        case .unknownRelease: "the target version is not an Apple release"
        case .releaseOlderThanCatalog: "the target is older than the catalog covers"
        case .releaseNewerThanCatalog: "the target is newer than the catalog"
        case .buildNotInRelease: "the build does not belong to the target version"
        case .buildUnknownInCatalog: "the catalog does not know the target version's builds"
        case .deadlineBeforeRelease: "the deadline precedes the target's release date"
        case .newerPatchFixesExploits: "a newer patch fixes actively exploited vulnerabilities"
        case .latestResolved: "how a 'latest' target was resolved"
        case .latestUnresolvable: "a 'latest' target matches no release in the catalog"
        case .invalidPinnedCatalog: "the catalog named in Settings cannot be read or is not a mosc catalog"
        case .catalogNotFromRepository: "the catalog that decides a target or deadline is not the repository's own"
        case .catalogStale: "the catalog that decides a target or deadline is older than 90 days"
        case .buildPinsOneOfSeveral: "the target release shipped as several builds and the policy pins one"
        case .invalidTrack: "a policy's tracks are not one target per OS major"
        case .majorWithoutTrack: "a cohort can hold devices on an OS major that no track of its policy enforces"
        case .fleetUnknownCohort: "Settings' fleet.cohorts names a cohort that does not exist"
        case .fleetMappedTwice: "a cohort's Fleet team and label are given both in Settings and on the cohort"
        case .invalidFleetName: "a Fleet team or label name is empty, too long, padded or holds control characters"
        case .fleetLabelShared: "two cohorts have the same Fleet team and label, so the same devices"
        case .unknownSecurityImprovement: "the target names a Background Security Improvement the catalog does not list"
        case .securityImprovementSuperseded: "a release has superseded the targeted Background Security Improvement"
        case .securityImprovementNeedsDDM:
            "a Background Security Improvement is targeted on a cohort that can hold pre-DDM devices"
        case .securityImprovementBelowBase:
            "a Background Security Improvement is targeted on a cohort with devices below its base version"
        case .identifierShortened: "a declaration identifier was shortened to fit 64 octets"
        case .policyNotPlanned: "a policy could not be planned although it validated"
        case .unsafeOutputPath: "an output path would leave the output folder"
        case .unreadableFile: "a file or folder cannot be read"
        case .noPolicyFiles: "the repository holds no policy files"
        case .symlinkOutsideRepository: "a symbolic link points outside the repository and is skipped"
        case .folderTooDeep: "a folder lies deeper below the repository root than the bound; its files are not read"
        case .deadlineMovedEarlier: "the change moves a cohort's deadline earlier"
        case .changedDeadlineShortNotice: "a deadline the change sets or moves leaves less notice than minimumNotice"
        case .targetLowered: "the change lowers a cohort's target version"
        case .enforcementRemoved: "the change stops enforcing a cohort, or one of its update paths"
        case .deadlineMovedWhileEnforcing: "the change moves a deadline that devices may already be enforcing"
        case .changedDeadlinePassed: "a deadline the change sets or moves has already passed"
        case .unreadableReport: "a report cannot be read: too large, too deep, or not JSON or an XML property list"
        case .unknownReport: "a report is neither a DDM status report nor a known legacy command response"
        case .invalidReportValue: "a status item or response key has the wrong type; it is ignored"
        case .unknownStatusValue: "a status value Apple does not document; mapped to the stated fallback"
        case .unknownDevice: "a report's device is not in the devices list"
        case .invalidDeviceList: "the devices list lacks a header with cohort and serial or udid, or is not CSV"
        case .invalidDeviceRow: "a devices list row lacks a cohort or a device id, or has extra fields"
        case .duplicateDevice: "the devices list names the same device twice"
        case .unknownStatusCohort: "a device's cohort is not in the compiled output"
        case .unexpectedUpdatePath: "a device reports over a path (DDM or legacy) its cohort does not use"
        case .commandNotDone: "a legacy command response has Status Error or NotNow; it is ignored"
        case .tooManyReports: "more report files than the limit; the rest are not read"
        case .fleetLegacyOnlyCohort: "a legacy-only cohort has no place in Fleet's files; Fleet covers it with Nudge"
        case .fleetLegacyPartNotExported:
            "the legacy part of a mixed cohort is not exported; Fleet covers it with Nudge"
        case .fleetNoTeam: "a cohort to export names no Fleet team, and Settings gives no default"
        case .fleetActivationPredicate: "a cohort's activation has a predicate, which Fleet's own activations drop"
        case .fleetPlatformUnsupported: "a cohort's platform is one Fleet does not manage; it is not exported"
        case .unroutedDevice: "a device of a cohort with both paths has no osVersion: sync gives it both"
        }
    }

    /// Orders values for sorted, stable output.
    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
