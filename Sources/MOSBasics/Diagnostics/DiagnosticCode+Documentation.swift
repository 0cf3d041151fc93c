/// The hand-written half of `specs/diagnostics.md`: a real rendered example and the fix, per code. Both are
/// exhaustive switches, so adding a code without its documentation does not compile.
extension DiagnosticCode {
    /// The Swift case name (`unknownKey`): the code's readable title in the docs and SARIF's rule `name`.
    public var name: String { String(describing: self) }

    /// How to make the diagnostic go away, as Markdown prose.
    public var fix: String {
        switch self {
        case .yamlSyntax:
            "Fix the YAML at the mark: a tab in indentation (YAML indents with spaces only; the message says so, with libyaml's own text as a note), an unclosed bracket or quote, a key without a value. mosc reads nothing more of that file until it parses."
        case .invalidUTF8:
            "Save the file as UTF-8 (without a byte order mark is best); the column points at the first byte that is not UTF-8."
        case .duplicateKey:
            "Keep one of the two keys; the note points at the first one. Usually an edit added a new value and forgot to delete the old one."
        case .aliasNotAllowed:
            "Write the value out in full. mosc refuses `&anchor`, `*alias` and `<<:` merge keys so that what you read is what it compiles."
        case .nestingTooDeep:
            "Flatten the document: the policy language never nests deeper than a few levels, so deep nesting is a mistake or hostile input."
        case .fileTooLarge:
            "Split the file: a repository may hold any number of files, each below the limit (1 MiB)."
        case .scalarTooLong:
            "Shorten the value: no key of the language needs a scalar anywhere near the limit (16 KiB)."
        case .tooManyDocuments:
            "Split the file into several files; each may hold up to the limit of `---`-separated documents (1,000)."
        case .tooManyNodes:
            "Split the file into several smaller files (the limit is 200,000 YAML nodes per file)."
        case .unsupportedAPIVersion:
            "Start every document with `apiVersion: mosc/v1`. A newer `mosc/vN` needs a newer mosc."
        case .unknownKind:
            "Set `kind:` to `Settings`, `Cohort` or `ManagedOSPolicy`."
        case .unknownKey:
            "Correct the spelling (the hint names the closest key) or remove the key; every mapping accepts only the keys of `specs/policy-language.md`."
        case .missingKey:
            "Add the key the message names; the location is where the mapping that lacks it begins."
        case .wrongType:
            "Write the value in the shape the message expects: a mapping, a sequence or a scalar."
        case .ambiguousBoolean:
            "Write `true` or `false` for a boolean, or quote the word (`\"yes\"`) when a string is meant."
        case .unquotedVersion:
            "Quote the version (`\"15.10\"`): unquoted, other YAML tools read it as a number and `15.10` becomes `15.1`."
        case .invalidValue:
            "Use one of the values the message lists (they are case-sensitive)."
        case .unsupportedTag:
            "Remove the tag (`!!binary`, `!custom`, ...). Only `!!str` is accepted."
        case .emptyDocument:
            "Remove the stray `---` or `...`, or give the document its content."
        case .tooManyCohortsInPolicy:
            "Group the devices into fewer, larger cohorts, or split the rollout into several policies."
        case .invalidName:
            "Use lowercase letters, digits and `-`, starting and ending with a letter or digit (`mac-eng`)."
        case .duplicateName:
            "Rename one of the two; the note points at the first definition. Cohort names and policy names are separate namespaces."
        case .unknownCohort:
            "Name a cohort defined in the repository (the hint names the closest one), or define the cohort."
        case .platformMismatch:
            "List only cohorts of the policy's platform; iOS and iPadOS are different platforms. Write a second policy for the other platform."
        case .unusedCohort:
            "Name the cohort in a policy, or delete it."
        case .cohortEnforcedTwice:
            "Remove the cohort from one of the policies: a device follows one deadline. The note points at the other enforcement."
        case .duplicateSettings:
            "Merge the Settings documents into one; the note points at the first."
        case .invalidIdentifierPrefix:
            "Use dot-separated labels of letters, digits and inner hyphens, at most 32 octets: `com.example.mdm`."
        case .invalidGlob:
            "Write a relative glob inside the repository: close every `[`, and do not start with `/` or use `..`."
        case .invalidTimeZone:
            "Use an IANA zone name such as `Europe/Berlin` or `America/New_York` (the hint names the closest one)."
        case .timeZoneWithoutLegacyDevices:
            "Remove `legacy.timeZone`: every cohort of the policy is DDM-only, and DDM devices enforce the deadline in their own local time."
        case .missingTimeZone:
            "Add `legacy: {timeZone: <IANA zone>}` for the pre-DDM devices, or declare the cohort's `osVersions` from the DDM threshold so it is DDM-only."
        case .nonGeographicTimeZone:
            "Name the place the devices are in (`America/Los_Angeles`, not `PST`, `PST8PDT` or `Etc/GMT+8`): a fixed offset ignores daylight saving, so the legacy deadline lands an hour off for half the year."
        case .deadlineHasOffset:
            "Write the deadline as a local wall time without `Z` or an offset; put the zone for legacy devices in `legacy.timeZone`."
        case .invalidDeadline:
            "Write a real local date and time as `YYYY-MM-DDTHH:MM[:SS]` (no February 30th, hours 00-23)."
        case .deadlinePassed:
            "Move the deadline into the future, far enough for `minimumNotice` where it is first reached (UTC+14); the hint names the first such day. For `{afterRelease, time}`, raise `afterRelease` by the days the hint names or target a newer release. Devices that have not updated install at once."
        case .shortNotice:
            "Move the deadline later, or lower `minimumNotice` in Settings (`0m` switches the warning off)."
        case .ringOrder:
            "Order the rings so later rings have later deadlines, or reorder the cohorts."
        case .deadlineInGap:
            "Pick a wall time that exists in the time zone on that day (clocks jump forward in the gap)."
        case .deadlineInOverlap:
            "Pick a wall time that happens once, or accept the earlier of the two instants the message names."
        case .invalidDuration:
            "Write a duration as days, hours and minutes: `3d`, `12h`, `30m`, `1d12h`."
        case .invalidURL:
            "Use an absolute `https://` URL."
        case .deadlineOnSkippedDay:
            "Move the deadline to a day that is not in `skipDays`, or remove that day from `skipDays`."
        case .deadlineInBlackout:
            "Move the deadline to one of the nearest allowed times the hint names, or write it as `{afterRelease, time}` so mosc moves it past the blackout itself; if the freeze should not apply, narrow the blackout."
        case .noPreviousRing:
            "Use `afterPreviousRing` on the second ring or later; give the policy and the first ring a wall time or `{afterRelease, time}`."
        case .deadlineTwoBases:
            "Keep `afterRelease` (count from the release) or `afterPreviousRing` (count from the previous ring), not both."
        case .invalidVersion:
            "Write the version as a quoted `major.minor[.patch]`: `\"15.2\"`, `\"26.0.1\"`."
        case .invalidBuild:
            "Write an Apple build number: digits, one uppercase letter, digits, and an optional lowercase letter (`\"24G830\"`)."
        case .targetBelowCohort:
            "Raise the target, or drop the cohort: its devices already run a newer version and the policy does nothing to them."
        case .targetBelowDDMThreshold:
            "Raise the target to the DDM threshold or later (DDM cannot install older versions), or narrow the cohort's `osVersions` to pre-DDM devices."
        case .invalidVersionRange:
            "Write comparators joined by spaces: `\">=13.0 <16\"`, using `>=`, `>`, `<=` and `<` (a space after the comparator is allowed); a version without a comparator is a release line (`\"18\"` is any 18.x)."
        case .emptyVersionRange:
            "Fix the bounds so some version satisfies them (`\">=14 <16\"`, not `\">=16 <14\"`)."
        case .unsupportedOSVersion:
            "Raise the range's lower bound to the oldest version mosc manages for the platform (the hint writes the range for you): devices below it are outside what mosc plans for."
        case .installActionNotOnPlatform:
            "Use an install action the platform offers; the hint lists them."
        case .maxUserDeferralsNotAllowed:
            "Use `maxUserDeferrals` only on macOS together with `installAction: InstallLater`, or remove it."
        case .priorityNotAllowed:
            "Remove `priority`: only macOS accepts it."
        case .legacyOptionBelowOSGate:
            "Declare the cohort's `osVersions` from the version the option needs, or drop the option."
        case .installForceRestart:
            "Prefer `InstallASAP`, which also enforces but shows the user a countdown; keep `InstallForceRestart` only for unattended Macs."
        case .minorUpdateOptionOnMajorUpdate:
            "Nothing is wrong for minor updates; for the devices taking a major update the option is left out. Split the cohort by `osVersions` to silence the warning."
        case .legacyOptionsWithoutLegacyDevices:
            "Remove the `legacy:` options: every cohort of the policy is DDM-only, so no legacy command is sent."
        case .userEnrollmentUnmanaged:
            "Remove the cohort from update policies: neither DDM nor legacy commands manage OS updates on user-enrolled devices."
        case .macOSRequiresSupervision:
            "Use `enrollment: supervised` (the default): macOS updates can be managed on supervised Macs only."
        case .unsupervisedLegacyDevices:
            "Declare `osVersions` from the DDM threshold (`\">=17.0\"`, tvOS `\">=18.4\"`) so the cohort is DDM-only, or supervise the devices."
        case .legacyUpdateNeedsProductKey:
            "Declare the cohort's `osVersions`: from 12.0 (`\">=12.0\"`) when no Mac runs macOS 11, which lets ScheduleOSUpdate name the update by ProductVersion, or from 14.0 (`\">=14.0\"`) for a DDM-only cohort. Otherwise replace the placeholder ProductKey before sending, as `plan.json` says."
        case .noLegacyPath:
            "Declare `osVersions` from the platform's DDM threshold (visionOS `\">=26.0\"`)."
        case .settingNotOnPlatform:
            "Remove the setting, or move it to a policy of a platform that offers it (the hint names them)."
        case .settingNeedsSupervision:
            "Supervise the cohort's devices, or remove the setting from the policy."
        case .settingsBelowOSGate:
            "Declare the cohort's `osVersions` from the version that takes the settings declaration, or accept that older devices update without it: mosc gives them an activation that lists the enforcement alone."
        case .settingOutOfRange:
            "Use a value Apple's schema allows; the message lists the values or the range."
        case .betaProgramConflict:
            "Set `beta.programEnrollment` to match: `offerPrograms` needs `Allowed` or `AlwaysOn` and no `requireProgram`; `requireProgram` needs `AlwaysOn`."
        case .unknownRelease:
            "Use a version Apple released for the platform (see the OS release catalog)."
        case .releaseOlderThanCatalog:
            "Nothing to fix; mosc cannot check releases older than its catalog."
        case .releaseNewerThanCatalog:
            "Check the version, or update mosc so its release catalog knows it."
        case .buildNotInRelease:
            "Use a build of the target version, or remove `build`."
        case .buildUnknownInCatalog:
            "Nothing to fix; the build is used as written."
        case .deadlineBeforeRelease:
            "Move the deadline after the target's release date."
        case .newerPatchFixesExploits:
            "Target the newer patch the message names."
        case .latestResolved:
            "Nothing to fix; the note says which release `latest` stands for."
        case .invalidTrack:
            "Give a policy either `target` or `tracks`; in `tracks`, one entry per OS major, each naming its major (`latest-26`, `\"15.7.2\"`); the pre-DDM devices of one cohort follow one track, so split a cohort whose legacy devices run several majors."
        case .majorWithoutTrack:
            "Add a track for that major, or narrow the cohort's `osVersions` to the majors the tracks cover."
        case .buildPinsOneOfSeveral:
            "Leave out `target.build` so every device takes its own build of the version, or split the cohort by build line; a device on another build line never matches the pinned one."
        case .latestUnresolvable:
            "Name a version explicitly, or update mosc's release catalog."
        case .invalidPinnedCatalog:
            "Write the file with `mosc catalog import FEED.json… --output catalog.tsv` (SOFA's feeds, see `specs/policy-language.md` §15) and name it relative to the repository root: `catalog: catalog.tsv`."
        case .catalogNotFromRepository:
            "Pin the catalog: write it with `mosc catalog import FEED.json… --output catalog.tsv`, commit it, and add `catalog: catalog.tsv` to the Settings document. With `--catalog`, the note says the pin is overridden for this run; nothing to fix."
        case .catalogStale:
            "Refresh the catalog from SOFA's current feeds: `mosc catalog import macos_data_feed.json ios_data_feed.json tvos_data_feed.json visionos_data_feed.json --output catalog.tsv`, then review what moved with `mosc diff`."
        case .fleetUnknownCohort:
            "Spell the cohort as its `name:` does (the hint names the closest one), or remove the entry."
        case .fleetMappedTwice:
            "Keep one of the two: the `fleet:` block on the Cohort document or its entry under Settings' `fleet.cohorts`; the note points at the other."
        case .invalidFleetName:
            "Write the team or label as Fleet shows it: 1 to 255 bytes, no control characters, no spaces at either end."
        case .fleetLabelShared:
            "Give each cohort its own label: in Fleet a label selects devices, so two cohorts under one label are one group of devices with two deadlines (a device follows one). The note points at the other cohort."
        case .unknownSecurityImprovement:
            "Write a Background Security Improvement the catalog lists (`mosc catalog show` lists them under BSI), e.g. `26.3.1 (a)`; if Apple posted it after the catalog's date, refresh the catalog with `mosc catalog import`."
        case .securityImprovementSuperseded:
            "Target the release that superseded it (the message names it), or `latest-<major>`: devices on that release no longer need the improvement."
        case .securityImprovementNeedsDDM:
            "Raise the cohort's `osVersions` to the DDM threshold or split off its older devices: `ScheduleOSUpdate`'s `ProductVersion` cannot install these updates, so pre-DDM devices get no path to it."
        case .securityImprovementBelowBase:
            "Give the cohort `osVersions` that start at the improvement's base version (e.g. `>=26.3.1 <26.4`), and move older devices to the base release first: an improvement installs only on its base release."
        case .identifierShortened:
            "Nothing to fix; use a shorter `identifierPrefix`, policy or cohort name to keep identifiers readable."
        case .policyNotPlanned:
            "Report it with the repository: validation should have reported why the policy cannot be planned. Until then, fix the value the message names."
        case .unsafeOutputPath:
            "Report it: validation keeps names to letters, digits and hyphens, so no emitted path should ever leave the output folder."
        case .unreadableReport:
            "Send mosc the report as the device sent it: JSON or an XML property list, at most 4 MiB; convert binary plists with `plutil -convert xml1`."
        case .unknownReport:
            "Pass DDM status reports, `DeclarativeManagement` status check-ins, or responses to `OSUpdateStatus`, `ScheduleOSUpdate`, `AvailableOSUpdates` or `DeviceInformation`; leave other files out."
        case .invalidReportValue:
            "The item does not have the type Apple's schema gives it; check what produced the report. mosc ignores the item and reads the rest."
        case .unknownStatusValue:
            "mosc maps the device as Pending; if Apple added the value, update mosc. See `specs/status.md` for the mapping."
        case .unknownDevice:
            "Add the device to `devices.csv` with its cohort, or name the report after the device's serial number or UDID."
        case .invalidDeviceList:
            "Give `devices.csv` a header row with a `cohort` column and a `serial` and/or `udid` column."
        case .invalidDeviceRow:
            "Give every row a cohort and a serial number or UDID, with as many fields as the header."
        case .duplicateDevice:
            "List each device once; serial numbers and UDIDs compare without regard to case."
        case .unknownStatusCohort:
            "Use a cohort name of the compiled output (see `manifest.json`), or compile the policies that define it."
        case .unexpectedUpdatePath:
            "Check the device's OS version and its cohort: the report came over the path its cohort's devices do not take, so `osVersions` may be wrong."
        case .commandNotDone:
            "The device did not run the command; resend it. mosc ignores the response for the device's status."
        case .tooManyReports:
            "Pass fewer reports at a time, e.g. one folder per day."
        case .fleetLegacyOnlyCohort:
            "Nothing to export: Fleet updates Macs below macOS 14 with Nudge (its `macos_updates` settings) and has no place for mosc's legacy command plans. Manage these devices with `mosc compile`'s plans elsewhere, or leave them to Fleet."
        case .fleetLegacyPartNotExported:
            "The cohort's DDM devices are exported; its pre-DDM devices are not (Fleet covers Macs below macOS 14 with Nudge). Raise `osVersions` to the DDM threshold once they are updated, and the warning goes away."
        case .fleetNoTeam:
            "Give the cohort a team: `fleet: {team: …}` on the Cohort, an entry under Settings' `fleet.cohorts`, or a default `fleet.team` in Settings."
        case .fleetActivationPredicate:
            "Fleet sends configurations in its own activations and scopes them by label: express the predicate as a Fleet label and drop it from the policy; for a policy with `tracks`, give each OS major its own cohort with its own label."
        case .fleetPlatformUnsupported:
            "Fleet manages macOS, iOS and iPadOS: leave the cohort out of the Fleet export, or manage it with `mosc compile`'s output elsewhere."
        case .unroutedDevice:
            "Add an `osVersion` column to `devices.csv`: without it the device gets the DDM set and the legacy commands, and Apple ignores ScheduleOSUpdate while a DDM enforcement manages the update."
        case .unreadableFile:
            "Check the file's permissions and type: mosc reads regular files and folders."
        case .noPolicyFiles:
            "Point mosc at the repository's root folder, which holds the `*.yaml`/`*.yml` files."
        case .symlinkOutsideRepository:
            "Copy the file into the repository, or point the link at a file inside it."
        case .folderTooDeep:
            "Move the folder's policy files nearer the repository root: mosc reads folders at most 63 deep (policy-language.md §3)."
        case .deadlineMovedEarlier:
            "Keep the earlier deadline only if users were told; otherwise keep the old one. Devices get less time than they were promised."
        case .changedDeadlineShortNotice:
            "Move the new deadline later, so devices get at least `minimumNotice` after the change is deployed."
        case .targetLowered:
            "Check the version: DDM never downgrades, so devices already past the new target keep their version, and the others stop at an older release."
        case .enforcementRemoved:
            "If the devices should still update, enforce the cohort (or its `osVersions`) in a policy again; otherwise nothing to fix."
        case .deadlineMovedWhileEnforcing:
            "Wait until the old deadline has passed everywhere before changing it, or accept that some devices enforce the old one."
        case .changedDeadlinePassed:
            "Fix the deadline: a deadline that has already passed makes every device not yet updated install at once. Check the year."
        }
    }

    /// A real `mosc validate` text rendering of this code (produced by running mosc on a small input), or an
    /// empty string while no stage reports the code yet.
    public var example: String {
        switch self {
        case .yamlSyntax:
            #"""
            examples/invalid/tab-indentation/settings.yaml:7:1: error: tab used for indentation: YAML indents with spaces only [MOS101]
            examples/invalid/tab-indentation/settings.yaml:7:1: note: replace the tab with spaces
            examples/invalid/tab-indentation/settings.yaml:7:1: note: libyaml: found character that cannot start any token while scanning for the next token
            """#
        case .invalidTrack:
            #"""
            repo/policy.yaml:15:23: error: two tracks for macOS 26 [MOS238]
            repo/policy.yaml:15:23: note: keep one track per major
            repo/policy.yaml:13:23: note: the first is here
            """#
        case .majorWithoutTrack:
            #"""
            repo/policy.yaml:16:11: warning: cohort 'macs' can hold macOS 14 devices, which no track of policy 'majors' enforces [MOS239]
            repo/policy.yaml:16:11: note: add a track for that major, or narrow the cohort's osVersions
            """#
        case .buildPinsOneOfSeveral:
            #"""
            repo/policy.yaml:23:36: warning: iOS 26.6.1 shipped as builds '23G83' and '23G6083': pinning '23G83' leaves devices on '23G6083' without a matching update [MOS237]
            repo/policy.yaml:23:36: note: leave out the build so each device takes its own build of 26.6.1
            """#
        case .identifierShortened:
            #"""
            repo/cohorts.yaml:1:1: note: declaration identifier shortened to 'com.example.mdm.macos-26.aaaaaaaaaaaaaaaa-30ca75d137.enforcement' to fit Apple's 64 octets [MOS301]
            """#
        case .policyNotPlanned:
            #"""
            repo/repo.yaml:6:1: error: cannot plan policy 'p': its target does not resolve against the catalog [MOS302]
            """#
        case .unsafeOutputPath:
            #"""
            mosc: error: refused to write 'cohorts/../../etc/ddm/set.txt': it would leave the output folder [MOS401]
            """#
        case .unreadableReport:
            #"""
            reports/C02AAA0001.json: error: the report is not valid JSON: the given data was not valid JSON [MOS701]
            """#
        case .unknownReport:
            #"""
            reports/C02AAA0001.json: error: not a status report or an OSUpdateStatus, ScheduleOSUpdate, DeviceInformation or AvailableOSUpdates response (keys: 'Hello') [MOS702]
            """#
        case .invalidReportValue:
            #"""
            reports/C02AAA0001.json: warning: 'softwareupdate.failure-reason.count' is a string; expected an integer [MOS703]
            """#
        case .unknownStatusValue:
            #"""
            reports/C02AAA0001.json: warning: unknown install-state 'verifying'; read as Pending (expected one of 'downloading', 'failed', 'installing', 'none', 'prepared', 'waiting') [MOS704]
            """#
        case .unknownDevice:
            #"""
            reports/SOMEONEELSE.json: warning: device 'SOMEONEELSE' is not in the devices list; report ignored [MOS705]
            """#
        case .invalidDeviceList:
            #"""
            devices.csv:1: error: the header row must name 'cohort' and 'serial' and/or 'udid'; found 'serial', 'udid' [MOS706]
            """#
        case .invalidDeviceRow:
            #"""
            devices.csv:2: error: the row has no cohort [MOS707]
            """#
        case .duplicateDevice:
            #"""
            devices.csv:3: error: device 'c02a' is listed twice [MOS708]
            """#
        case .unknownStatusCohort:
            #"""
            devices.csv:2: error: cohort 'mac-itt' is not in the compiled output [MOS709]
            """#
        case .unexpectedUpdatePath:
            #"""
            reports/C02FD00001.json: warning: device 'C02FD00001' reports over DDM but cohort 'mac-frontdesk' has no ddm path [MOS710]
            """#
        case .commandNotDone:
            #"""
            reports/C02AAA0001.json: warning: the command response has Status 'Error': nope; ignored [MOS711]
            """#
        case .deadlineMovedEarlier:
            #"""
            head/fleet.yaml:31:11: warning: cohort 'mac-office' deadline moved earlier by 7d, from 2027-01-26T18:00:00 to 2027-01-19T18:00:00 [MOS601]
            """#
        case .changedDeadlineShortNotice:
            #"""
            head/fleet.yaml:38:15: warning: cohort 'mac-it' deadline 2026-11-27T18:00:00 leaves some devices 1d16h of notice, less than minimumNotice (3d) [MOS602]
            """#
        case .targetLowered:
            #"""
            head/fleet.yaml:29:12: warning: cohort 'mac-it' target lowered from 26.6.1 to 26.6: devices already on a newer version stay there, and none downgrades [MOS603]
            """#
        case .enforcementRemoved:
            #"""
            base/fleet.yaml:39:5: warning: cohort 'mac-office' is no longer enforced (policy 'macos-26' enforced it): its devices lose their deadline and stay on the OS they run [MOS604]
            """#
        case .deadlineMovedWhileEnforcing:
            #"""
            head/fleet.yaml:38:15: warning: cohort 'mac-it' deadline moved while devices may already be enforcing the old one: 2026-12-08T18:00:00 falls between 2026-12-08T04:00:00Z and 2026-12-09T06:00:00Z, and it is 2026-12-08T10:00:00Z [MOS605]
            """#
        case .changedDeadlinePassed:
            #"""
            head/fleet.yaml:38:15: error: cohort 'mac-it' deadline 2026-11-20T18:00:00 has already passed at 2026-11-25T12:00:00Z: devices not yet updated install at once; check the year [MOS606]
            """#
        case .tooManyReports:
            #"""
            reports/C.json: error: 3 report files; only the first 2 are read [MOS712]
            """#
        case .unroutedDevice:
            #"""
            devices.csv:2: warning: device 'C02MIX0001' of cohort 'mac-mixed' has no osVersion: it gets both the DDM set and the legacy commands [MOS713]
            """#
        case .invalidUTF8:
            #"""
            repo/cohorts.yaml:3:10: error: invalid UTF-8 byte 0xE9 [MOS102]
            repo/cohorts.yaml:3:10: note: save the file as UTF-8
            """#
        case .duplicateKey:
            #"""
            examples/invalid/duplicate-key/repo.yaml:19:1: error: duplicate key 'deadline' [MOS103]
            examples/invalid/duplicate-key/repo.yaml:18:1: note: 'deadline' is first defined here
            """#
        case .aliasNotAllowed:
            #"""
            examples/invalid/anchor-alias/settings.yaml:7:16: error: YAML anchors are not allowed [MOS104]
            examples/invalid/anchor-alias/settings.yaml:7:16: note: write the value out in full; mosc refuses anchors and aliases so nothing can expand
            """#
        case .nestingTooDeep:
            #"""
            repo/policy.yaml:11:9: error: nesting is deeper than 1 levels [MOS105]
            """#
        case .fileTooLarge:
            #"""
            repo/policy.yaml: error: file is larger than the limit of 32 bytes [MOS106]
            repo/policy.yaml: note: split it into several files
            """#
        case .scalarTooLong:
            #"""
            repo/policy.yaml:5:14: error: scalar is 28 bytes; the limit is 16 [MOS107]
            """#
        case .tooManyDocuments:
            #"""
            repo/policy.yaml:5:1: error: file holds more than 1 documents [MOS108]
            """#
        case .tooManyNodes:
            #"""
            repo/policy.yaml:3:7: error: file holds more than 5 YAML nodes [MOS109]
            """#
        case .unsupportedAPIVersion:
            #"""
            repo/policy.yaml:1:1: error: document is missing 'apiVersion' [MOS110]
            repo/policy.yaml:1:1: note: add 'apiVersion: mosc/v1'
            """#
        case .unknownKind:
            #"""
            examples/invalid/unknown-kind/settings.yaml:5:7: error: unknown kind 'Setting' [MOS111]
            examples/invalid/unknown-kind/settings.yaml:5:7: note: did you mean 'Settings'?
            """#
        case .unknownKey:
            #"""
            examples/invalid/unknown-key-typo/policy.yaml:14:5: error: unknown key 'deadlin' in a cohorts entry [MOS112]
            examples/invalid/unknown-key-typo/policy.yaml:14:5: note: did you mean 'deadline'?
            """#
        case .missingKey:
            #"""
            examples/invalid/missing-key/repo.yaml:11:1: error: ManagedOSPolicy is missing required key 'deadline' [MOS113]
            """#
        case .wrongType:
            #"""
            examples/invalid/wrong-type/repo.yaml:15:9: error: target must be a mapping, found a string [MOS114]
            """#
        case .ambiguousBoolean:
            #"""
            repo/policy.yaml:5:14: warning: plain 'yes' in description is read as a boolean by YAML 1.1 tools [MOS115]
            repo/policy.yaml:5:14: note: quote it: "yes"
            """#
        case .unquotedVersion:
            #"""
            examples/invalid/unquoted-version/repo.yaml:16:12: warning: target.version 26.6 is unquoted: YAML reads it as a number [MOS116]
            examples/invalid/unquoted-version/repo.yaml:16:12: note: write it as a string: "26.6"
            """#
        case .invalidValue:
            #"""
            repo/policy.yaml:4:11: error: 'macos' is not a valid platform [MOS117]
            repo/policy.yaml:4:11: note: did you mean 'macOS'?
            """#
        case .unsupportedTag:
            #"""
            repo/policy.yaml:5:14: error: explicit tag 'tag:yaml.org,2002:binary' is not supported [MOS118]
            repo/policy.yaml:5:14: note: remove the tag; quote the value if it must be a string
            """#
        case .emptyDocument:
            #"""
            repo/policy.yaml:1:1: warning: document is empty [MOS119]
            """#
        case .tooManyCohortsInPolicy:
            #"""
            repo/policy.yaml:19:10: error: policy lists 2 cohorts; the limit is 1 [MOS120]
            """#
        case .invalidName:
            #"""
            examples/invalid/invalid-cohort-name/repo.yaml:6:7: error: cohort name 'Mac_Eng' must be lowercase letters, digits and inner hyphens [MOS201]
            examples/invalid/invalid-cohort-name/repo.yaml:6:7: note: did you mean 'mac-eng'?
            """#
        case .duplicateName:
            #"""
            examples/invalid/duplicate-cohort-name/cohorts/labs.yaml:6:7: error: cohort 'mac-eng' is defined twice [MOS202]
            examples/invalid/duplicate-cohort-name/cohorts/engineering.yaml:5:7: note: first defined here
            """#
        case .unknownCohort:
            #"""
            examples/invalid/unknown-cohort/policy.yaml:14:5: error: policy 'macos-26' names unknown cohort 'mac-egn' [MOS203]
            examples/invalid/unknown-cohort/policy.yaml:14:5: note: did you mean 'mac-eng'?
            """#
        case .platformMismatch:
            #"""
            examples/invalid/platform-mismatch/policy.yaml:13:5: error: cohort 'ipad-sales' is iPadOS but policy 'ios-26' is iOS [MOS204]
            examples/invalid/platform-mismatch/cohorts.yaml:13:11: note: cohort 'ipad-sales' is defined here
            """#
        case .unusedCohort:
            #"""
            examples/invalid/unknown-cohort/cohorts.yaml:13:7: warning: no policy enforces an update on cohort 'mac-eng' [MOS205]
            """#
        case .cohortEnforcedTwice:
            #"""
            examples/invalid/cohort-enforced-twice/policies/macos-26.yaml:13:5: error: cohort 'mac-eng' is already enforced by policy 'macos-15'; a device follows one deadline [MOS206]
            examples/invalid/cohort-enforced-twice/policies/macos-15.yaml:12:5: note: first enforced here
            """#
        case .duplicateSettings:
            #"""
            repo/policy.yaml:4:1: error: the repository has more than one Settings document [MOS207]
            repo/policy.yaml:1:1: note: the first Settings document is here
            """#
        case .invalidIdentifierPrefix:
            #"""
            repo/policy.yaml:3:19: error: identifierPrefix 'com..example' is not a reverse-DNS name such as 'com.example.mdm' [MOS208]
            """#
        case .invalidGlob:
            #"""
            repo/policy.yaml:3:20: error: exclude pattern '../shared/*.yaml' must be a relative path glob inside the repository [MOS209]
            """#
        case .invalidTimeZone:
            #"""
            examples/invalid/bad-time-zone/repo.yaml:20:13: error: 'Europe/Munich' is not an IANA time zone [MOS210]
            examples/invalid/bad-time-zone/repo.yaml:20:13: note: did you mean 'Europe/Zurich' or 'Europe/Monaco'?
            """#
        case .nonGeographicTimeZone:
            #"""
            repo/policy.yaml:13:20: warning: legacy.timeZone 'EST' is a fixed offset, UTC-05:00, that ignores daylight saving: where the devices' clocks change, the legacy deadline lands an hour off for part of the year [MOS214]
            repo/policy.yaml:13:20: note: did you mean 'America/New_York'?
            """#
        case .timeZoneWithoutLegacyDevices:
            #"""
            examples/invalid/timezone-all-ddm/repo.yaml:20:13: error: legacy.timeZone is set, but every cohort of policy 'macos-26' is DDM-only: DDM enforces the deadline in each device's local time and no time zone can be set [MOS211]
            examples/invalid/timezone-all-ddm/repo.yaml:20:13: note: remove legacy.timeZone
            """#
        case .missingTimeZone:
            #"""
            examples/invalid/missing-timezone/repo.yaml:20:5: error: cohort 'mac-office' can hold devices below macOS 14.0, whose legacy deadline needs legacy.timeZone [MOS212]
            examples/invalid/missing-timezone/repo.yaml:20:5: note: add 'legacy: {timeZone: <IANA zone>}', e.g. 'America/New_York'
            """#
        case .deadlineHasOffset:
            #"""
            examples/invalid/deadline-with-offset/repo.yaml:18:11: error: deadline '2027-01-12T18:00:00Z' carries the offset 'Z'; deadlines are local wall times [MOS213]
            examples/invalid/deadline-with-offset/repo.yaml:18:11: note: DDM devices enforce in their own local time; the zone for pre-DDM devices belongs in legacy.timeZone
            """#
        case .invalidDeadline:
            #"""
            examples/invalid/impossible-date/repo.yaml:18:11: error: deadline '2026-02-30T17:00' is not a local date and time: February 2026 has 28 days [MOS220]
            examples/invalid/impossible-date/repo.yaml:18:11: note: write YYYY-MM-DDTHH:MM, e.g. "2026-12-15T17:00"
            """#
        case .deadlinePassed:
            #"""
            repo/policy.yaml:23:11: warning: deadline 2026-11-25T20:00:00 has already passed at UTC+14, where it is first reached (2026-11-25T06:00:00Z, before 2026-11-25T12:00:00Z): devices not yet updated install at once [MOS221]
            repo/policy.yaml:23:11: note: move it to "2026-11-29T20:00:00" or later, which leaves every device the minimumNotice
            """#
        case .shortNotice:
            #"""
            repo/policy.yaml:23:11: warning: deadline 2026-11-27T12:00:00 leaves devices in UTC+14 only 1d10h of notice, less than minimumNotice 3d [MOS222]
            repo/policy.yaml:23:11: note: the OS bypasses Do Not Disturb only in the last 24 hours; give users time to update on their own
            """#
        case .ringOrder:
            #"""
            examples/invalid/ring-order/repo.yaml:30:15: warning: cohort 'mac-eng' enforces at 2026-12-08T18:00:00, before the earlier ring 'mac-it' at 2027-01-12T18:00:00 [MOS223]
            """#
        case .deadlineInGap:
            #"""
            examples/invalid/deadline-in-dst-gap/repo.yaml:18:11: error: deadline 2027-03-14T02:30:00 does not exist in America/New_York: clocks skip it when daylight saving time starts [MOS224]
            examples/invalid/deadline-in-dst-gap/repo.yaml:18:11: note: pick a time outside the gap, e.g. 2027-03-14T03:30:00
            """#
        case .deadlineInOverlap:
            #"""
            repo/policy.yaml:23:11: warning: deadline 2027-10-31T02:30:00 occurs twice in Europe/Berlin (clocks fall back); mosc uses the first, 2027-10-31T00:30:00Z, not 2027-10-31T01:30:00Z [MOS225]
            """#
        case .invalidDuration:
            #"""
            examples/invalid/bad-duration/repo.yaml:21:21: error: legacy.downloadLeadTime '1w' is not a duration: unknown unit 'w'; use d (days), h (hours) or m (minutes) [MOS226]
            examples/invalid/bad-duration/repo.yaml:21:21: note: write days, hours and minutes in that order, e.g. 3d, 12h, 1d12h
            """#
        case .invalidURL:
            #"""
            examples/invalid/details-url-http/repo.yaml:19:13: error: detailsURL 'http://it.example.com/updates/macos-26' is not an absolute https URL [MOS227]
            examples/invalid/details-url-http/repo.yaml:19:13: note: use https://
            """#
        case .invalidVersion:
            #"""
            repo/policy.yaml:17:19: error: target version '15' is not major.minor[.patch], 'latest' or 'latest-<major>' [MOS230]
            repo/policy.yaml:17:19: note: write "15.0"
            """#
        case .invalidBuild:
            #"""
            repo/policy.yaml:17:32: error: build '24-C' is not an Apple build number such as '24C101' [MOS231]
            """#
        case .targetBelowCohort:
            #"""
            repo/p.yaml:13:19: warning: target 17.0 does nothing for cohort 'phones': its devices run >=17.0 [MOS232]
            repo/p.yaml:15:11: note: cohort 'phones' is listed here
            """#
        case .targetBelowDDMThreshold:
            #"""
            examples/invalid/target-below-ddm-threshold/repo.yaml:16:12: error: target 13.7.8 is below macOS 14.0, the DDM threshold, but cohort 'mac-office' holds DDM devices, which cannot downgrade [MOS233]
            examples/invalid/target-below-ddm-threshold/repo.yaml:22:5: note: cohort 'mac-office' is listed here
            """#
        case .invalidVersionRange:
            #"""
            repo/policy.yaml:5:13: error: osVersions term '~>13' has no comparator mosc knows (>=, >, <=, <) [MOS234]
            repo/policy.yaml:5:13: note: write comparators joined by spaces, e.g. ">=13.0 <16"
            """#
        case .emptyVersionRange:
            #"""
            repo/policy.yaml:11:13: error: osVersions '>=15 <14' matches no version [MOS235]
            """#
        case .unsupportedOSVersion:
            #"""
            repo/policy.yaml:5:13: error: osVersions '>=10.13 <10.15' lies below macOS 11.0, the oldest version mosc manages [MOS236]
            """#
        case .installActionNotOnPlatform:
            #"""
            examples/invalid/ios-install-later/repo.yaml:20:18: error: installAction 'InstallLater' is not available on iOS [MOS240]
            examples/invalid/ios-install-later/repo.yaml:20:18: note: iOS allows 'Default', 'DownloadOnly', 'InstallASAP'
            """#
        case .maxUserDeferralsNotAllowed:
            #"""
            examples/invalid/deferrals-without-install-later/repo.yaml:22:21: error: maxUserDeferrals needs installAction InstallLater [MOS241]
            examples/invalid/deferrals-without-install-later/repo.yaml:22:21: note: add 'installAction: InstallLater' or remove maxUserDeferrals
            """#
        case .priorityNotAllowed:
            #"""
            repo/policy.yaml:15:13: error: priority is available on macOS only [MOS242]
            """#
        case .legacyOptionBelowOSGate:
            #"""
            repo/policy.yaml:15:13: error: priority needs macOS 12.3, but cohort 'old' can hold devices from 12.0 [MOS243]
            repo/policy.yaml:15:13: note: declare the cohort's 'osVersions' from 12.3, or drop the option
            repo/policy.yaml:1:1: note: cohort 'old' is defined here
            """#
        case .installForceRestart:
            #"""
            repo/policy.yaml:15:18: warning: InstallForceRestart restarts the Mac without waiting for the user; Apple warns it may lose unsaved work [MOS244]
            repo/policy.yaml:15:18: note: InstallASAP also enforces, with a countdown the user sees
            """#
        case .minorUpdateOptionOnMajorUpdate:
            #"""
            repo/policy.yaml:16:21: warning: maxUserDeferrals applies to minor updates only; devices of cohort 'old' from 13.0 take a major update to 14.8.9 and ignore it [MOS245]
            """#
        case .legacyOptionsWithoutLegacyDevices:
            #"""
            repo/policy.yaml:24:25: warning: legacy.installAction does nothing: every cohort of this policy is DDM-only [MOS246]
            """#
        case .userEnrollmentUnmanaged:
            #"""
            examples/invalid/user-enrollment/repo.yaml:10:13: error: cohort 'iphone-byod' is user-enrolled: Apple allows neither the DDM enforcement nor the legacy update commands on user enrollment [MOS250]
            """#
        case .macOSRequiresSupervision:
            #"""
            examples/invalid/macos-device-enrollment/repo.yaml:10:13: error: cohort 'mac-contractors': macOS updates can be managed on supervised devices only [MOS251]
            examples/invalid/macos-device-enrollment/repo.yaml:10:13: note: set 'enrollment: supervised' if these devices are supervised
            """#
        case .unsupervisedLegacyDevices:
            #"""
            examples/invalid/ios-device-pre-ddm/repo.yaml:9:13: error: cohort 'iphone-field' is device-enrolled and can hold devices below iOS 17.0; the legacy update commands need supervision [MOS252]
            examples/invalid/ios-device-pre-ddm/repo.yaml:9:13: note: declare 'osVersions: ">=17.0"' so the cohort is DDM-only, or supervise the devices
            """#
        case .noLegacyPath:
            #"""
            examples/invalid/visionos-below-threshold/repo.yaml:9:13: error: cohort 'vision-lab' can hold visionOS devices below visionOS 26.0, which have no update path [MOS253]
            examples/invalid/visionos-below-threshold/repo.yaml:9:13: note: declare 'osVersions: ">=26.0"'
            """#
        case .legacyUpdateNeedsProductKey:
            #"""
            repo/policy.yaml:4:11: warning: cohort 'macs' has no osVersions, so it can hold macOS 11.0 devices, whose ScheduleOSUpdate needs a ProductKey only the device knows: the compiled legacy commands would hold a placeholder that cannot be sent [MOS254]
            repo/policy.yaml:4:11: note: declare 'osVersions: ">=12.0"' if no device runs macOS below 12.0, or 'osVersions: ">=14.0"' for a DDM-only cohort
            """#
        case .settingNotOnPlatform:
            #"""
            repo/policy.yaml:15:23: error: settings.recommendedCadence (RecommendedCadence) does not exist on macOS [MOS260]
            repo/policy.yaml:15:23: note: Apple offers it on iOS, iPadOS
            """#
        case .settingNeedsSupervision:
            #"""
            repo/policy.yaml:16:15: error: settings.automaticActions.download needs supervised devices, but cohort 'fleet' is device-enrolled [MOS261]
            repo/policy.yaml:1:1: note: cohort 'fleet' is defined here
            """#
        case .settingsBelowOSGate:
            #"""
            repo/policy.yaml:14:1: warning: cohort 'fleet' runs >=13.0: its devices below macOS 15.0 cannot take these settings (their activation lists the enforcement alone) [MOS262]
            """#
        case .settingOutOfRange:
            #"""
            repo/policy.yaml:16:24: error: settings.deferrals.majorPeriodInDays is 120; expected 1 to 90 [MOS263]
            """#
        case .betaProgramConflict:
            #"""
            repo/policy.yaml:17:21: error: settings.beta.requireProgram needs programEnrollment AlwaysOn [MOS264]
            """#
        case .unreadableFile:
            #"""
            repo/socket.yaml: error: cannot read file: it is a socket, not a regular file [MOS501]
            """#
        case .noPolicyFiles:
            #"""
            repo: warning: no *.yaml or *.yml files below 'repo' [MOS502]
            """#
        case .symlinkOutsideRepository:
            #"""
            repo/policies/shared.yaml: warning: symbolic link leads outside the repository; skipped [MOS503]
            """#
        case .folderTooDeep:
            #"""
            repo/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d: error: folder is 64 folders below the repository root; mosc reads at most 63, so its files are not read [MOS504]
            """#
        // No stage reports these yet; DiagnosticExamplesTests asks for an example once one does.
        case .deadlineOnSkippedDay:
            #"""
            repo/policy.yaml:18:11: warning: deadline 2026-12-12T17:00:00 falls on a Saturday, which skipDays excludes [MOS228]
            """#
        case .deadlineInBlackout:
            #"""
            repo/policy.yaml:19:11: warning: deadline 2026-12-23T17:00:00 falls in the blackout 'Holiday change freeze' (2026-12-21 to 2027-01-01) [MOS229]
            repo/policy.yaml:19:11: note: the nearest allowed times are "2026-12-20T17:00:00" and "2027-01-02T17:00:00"
            """#
        case .noPreviousRing:
            #"""
            repo/policy.yaml:30:48: error: afterPreviousRing '3d' counts from the ring before, but this deadline has none [MOS285]
            repo/policy.yaml:30:48: note: use it on the second ring or later; give the policy and the first ring a wall time or {afterRelease, time}
            """#
        case .deadlineTwoBases:
            #"""
            repo/policy.yaml:31:65: error: a relative deadline counts from the release or from the previous ring, not both [MOS286]
            repo/policy.yaml:31:65: note: keep one of the two
            """#
        case .unknownRelease:
            #"""
            repo/policy.yaml:23:19: error: macOS 15.4.3 is not an Apple release [MOS270]
            """#
        case .releaseOlderThanCatalog:
            #"""
            repo/policy.yaml:23:19: note: macOS 11.7.10 cannot be checked: the catalog covers macOS 12 and later [MOS271]
            """#
        case .releaseNewerThanCatalog:
            #"""
            repo/policy.yaml:23:19: warning: macOS 27.1 is newer than every release in the catalog of 2026-08-22 (newest: 26.6.2) [MOS272]
            """#
        case .buildNotInRelease:
            #"""
            repo/policy.yaml:23:36: error: build '24G830' is not a build of macOS 15.7.8, whose builds are 24G824 [MOS273]
            """#
        case .buildUnknownInCatalog:
            #"""
            repo/policy.yaml:23:36: note: the catalog lists no builds for macOS 15.7.5; build '24G517' cannot be checked [MOS274]
            """#
        case .deadlineBeforeRelease:
            #"""
            repo/policy.yaml:24:11: error: deadline 2026-08-05T17:00:00 precedes the release of macOS 15.7.9 on 2026-08-06 [MOS275]
            """#
        case .newerPatchFixesExploits:
            #"""
            repo/policy.yaml:23:19: warning: macOS 15.7.9 fixes 1 actively exploited vulnerability that 15.7.8 leaves open [MOS276]
            """#
        case .latestResolved:
            #"""
            repo/policy.yaml:23:19: note: latest-15 resolves to 15.7.9 (catalog 2026-08-22) [MOS277]
            """#
        case .latestUnresolvable:
            #"""
            repo/policy.yaml:23:19: error: 'latest-11' matches no macOS release in the catalog (2026-08-22) [MOS278]
            """#
        case .invalidPinnedCatalog:
            #"""
            repo/settings.yaml:3:10: error: catalog '../catalog.tsv' must be a file path relative to the repository root, inside it [MOS279]
            repo/settings.yaml:3:10: note: write e.g. catalog: catalog.tsv
            """#
        case .catalogNotFromRepository:
            #"""
            repo/policy.yaml:5:19: note: 'latest-15' resolves against mosc's bundled catalog of 2026-08-22, not one pinned in the repository: the result moves when mosc is updated [MOS280]
            repo/policy.yaml:5:19: note: pin one: mosc catalog import FEED.json… --output catalog.tsv (SOFA's feeds: specs/policy-language.md §15), then 'catalog: catalog.tsv' in the Settings document
            """#
        case .catalogStale:
            #"""
            repo/policy.yaml:5:19: warning: mosc's bundled catalog is 95 days old at 2026-11-25T12:00:00Z (dated 2026-08-22); 'latest-15' may miss newer releases [MOS281]
            repo/policy.yaml:5:19: note: refresh it: mosc catalog import FEED.json… --output catalog.tsv (SOFA's feeds: specs/policy-language.md §15)
            """#
        case .fleetUnknownCohort:
            #"""
            repo/policy.yaml:5:5: error: fleet.cohorts names unknown cohort 'mac-egn' [MOS810]
            repo/policy.yaml:5:5: note: did you mean 'mac-eng'?
            """#
        case .fleetMappedTwice:
            #"""
            repo/policy.yaml:11:1: error: cohort 'mac-eng' has a fleet block and an entry under Settings' fleet.cohorts; keep one [MOS811]
            repo/policy.yaml:5:5: note: the Settings entry is here
            """#
        case .invalidFleetName:
            #"""
            repo/policy.yaml:5:35: error: Fleet label ' Engineering Macs' starts or ends with a space [MOS812]
            """#
        case .fleetLabelShared:
            #"""
            repo/policy.yaml:16:1: error: cohorts 'mac-eng' and 'mac-it' are both label 'Macs' in Fleet team 'Workstations': their devices would take both enforcements [MOS813]
            repo/policy.yaml:10:1: note: cohort 'mac-eng' is mapped here
            """#
        case .fleetLegacyOnlyCohort:
            #"""
            examples/fleet/cohorts/macos.yaml:42:7: warning: cohort 'mac-frontdesk' is legacy-only (macOS >=13.0 <14.0): Fleet's files have no place for mosc's legacy command plans, so it is not exported; Fleet covers these Macs with Nudge [MOS801]
            """#
        case .fleetLegacyPartNotExported:
            #"""
            examples/fleet/cohorts/macos.yaml:26:7: warning: cohort 'mac-office' is mixed: its devices on macOS >=14.0 are exported, those on >=13.0 <14.0 are not (Fleet's files have no place for their legacy command plan); Fleet covers these Macs with Nudge [MOS802]
            """#
        case .fleetNoTeam:
            #"""
            repo/policy.yaml:8:7: error: cohort 'mac-eng' names no Fleet team, and Settings' fleet block gives no default [MOS803]
            repo/policy.yaml:8:7: note: add 'fleet: {team: …}' to the cohort, or a default team to Settings' fleet block
            """#
        case .fleetActivationPredicate:
            #"""
            repo/policy.yaml:8:7: error: cohort 'mac-eng' is activated under a predicate, but Fleet sends configurations in its own activations, scoped by label only [MOS804]
            """#
        case .fleetPlatformUnsupported:
            #"""
            repo/policy.yaml:7:7: warning: cohort 'lobby-tv' is tvOS, which Fleet does not manage; it is not exported [MOS805]
            """#
        case .unknownSecurityImprovement:
            #"""
            repo/policy.yaml:11:19: error: macOS 26.3.1 (b) is not a Background Security Improvement in the catalog (2026-08-22) [MOS290]
            repo/policy.yaml:11:19: note: the catalog lists macOS 26.3.1 (a), 26.3.2 (a)
            """#
        case .securityImprovementSuperseded:
            #"""
            repo/policy.yaml:11:19: warning: macOS 26.4, released 2026-03-24, supersedes the Background Security Improvement 26.3.1 (a) [MOS291]
            repo/policy.yaml:11:19: note: target "26.4", or 'latest-26'
            """#
        case .securityImprovementNeedsDDM:
            #"""
            repo/policy.yaml:11:19: error: Background Security Improvement 26.3.1 (a) cannot reach cohort 'fleet': it can hold pre-DDM devices (macOS >=13.0), and ScheduleOSUpdate's ProductVersion is not usable for these updates [MOS292]
            repo/policy.yaml:13:11: note: cohort 'fleet' is listed here
            """#
        case .securityImprovementBelowBase:
            #"""
            repo/policy.yaml:11:19: error: Background Security Improvement 26.3.1 (a) installs only on macOS 26.3.1, but cohort 'fleet' runs >=26.0 [MOS293]
            repo/policy.yaml:11:19: note: start the cohort's osVersions at 26.3.1, and update older devices to 26.3.1 first
            repo/policy.yaml:13:11: note: cohort 'fleet' is listed here
            """#
        }
    }
}
