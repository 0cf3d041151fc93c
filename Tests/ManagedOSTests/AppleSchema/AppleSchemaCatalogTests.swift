import ManagedOS
import Testing

@Suite struct AppleSchemaCatalogTests {
    @Test func bundledDataParsesWithoutProblems() {
        let catalog = AppleSchemaCatalog.bundled
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        #expect(catalog.items.count == AppleSchemaData.files.count)
    }

    @Test(arguments: [
        (SchemaItem.Kind.declaration, "any"),
        (.declaration, "com.apple.activation.simple"),
        (.declaration, "com.apple.configuration.softwareupdate.enforcement.specific"),
        (.declaration, "com.apple.configuration.softwareupdate.settings"),
        (.command, "ScheduleOSUpdate"),
        (.command, "ScheduleOSUpdateScan"),
        (.command, "AvailableOSUpdates"),
        (.command, "OSUpdateStatus"),
        (.command, "DeclarativeManagement"),
        (.statusItem, "management.declarations"),
        (.statusItem, "softwareupdate.beta-enrollment"),
        (.statusItem, "softwareupdate.device-id"),
        (.statusItem, "softwareupdate.failure-reason"),
        (.statusItem, "softwareupdate.install-reason"),
        (.statusItem, "softwareupdate.install-state"),
        (.statusItem, "softwareupdate.pending-version"),
    ])
    func bundlesItem(_ kind: SchemaItem.Kind, _ identifier: String) throws {
        let item = try #require(AppleSchemaCatalog.bundled.item(kind, identifier))
        // Every bundled item states a row for each of the five OSes.
        #expect(Set(item.support.keys) == Set(SchemaOS.allCases))
    }

    @Test func licenseIsEmbedded() {
        #expect(AppleSchemaData.license.hasPrefix("Copyright © 2022-2024 Apple Inc."))
        #expect(AppleSchemaData.license.contains("Permission is hereby granted, free of charge"))
    }

    @Test func readsKeyDetails() throws {
        let catalog = AppleSchemaCatalog.bundled
        let settings = try #require(catalog.declaration("com.apple.configuration.softwareupdate.settings"))
        #expect(settings.apply == "combined")
        #expect(settings.relatedStatusItems == ["softwareupdate.beta-enrollment", "softwareupdate.pending-version"])
        let notifications = try #require(settings.key(at: "Notifications"))
        #expect(notifications.type == .boolean)
        #expect(notifications.defaultValue == "true")
        #expect(notifications.combineType == "boolean-and")
        #expect(notifications.presence == .optional)
        let major = try #require(settings.key(at: "Deferrals.MajorPeriodInDays"))
        #expect(major.type == .integer)
        #expect(major.range?.integerBounds == 1...90)
        #expect(major.location.file == "AppleSchema/softwareupdate.settings.yaml")
        #expect(major.location.line > 1)
        let token = try #require(settings.key(at: "Beta.OfferPrograms[].Token"))
        #expect(token.isRequired)
        #expect(settings.key(at: "Beta.OfferPrograms[]")?.type == .dictionary)

        let enforcement = try #require(
            catalog.declaration("com.apple.configuration.softwareupdate.enforcement.specific"))
        #expect(enforcement.payloadKeys.filter(\.isRequired).map(\.name) == ["TargetOSVersion", "TargetLocalDateTime"])
        #expect(enforcement.apply == "multiple")

        let schedule = try #require(catalog.command("ScheduleOSUpdate"))
        #expect(schedule.key(at: "Updates[].Priority")?.rangeList == ["Low", "High"])
        #expect(schedule.key(at: "Updates[].Priority")?.defaultValue == "Low")
        #expect(schedule.responseKey(at: "UpdateResults[].Status") != nil)

        let base = try #require(catalog.declaration("any"))
        #expect(base.payloadKeys.map(\.name) == ["Type", "Identifier", "ServerToken", "Payload"])
        #expect(base.reasons.contains("Error.UnknownPayloadKeys"))
        #expect(base.reasons.contains("Info.Predicate"))

        let declarations = try #require(catalog.statusItem("management.declarations"))
        #expect(
            declarations.key(at: "management.declarations.configurations[].valid")?.rangeList
                == ["unknown", "invalid", "valid"])
    }

    @Test func keyOverridesInheritFieldByField() throws {
        let settings = try #require(
            AppleSchemaCatalog.bundled.declaration("com.apple.configuration.softwareupdate.settings"))
        let deferrals = try #require(settings.key(at: "Deferrals"))
        // Deferrals overrides only iOS's allowed-enrollments: introduced and scopes still come from the payload.
        #expect(deferrals.ownSupport[.iOS]?.introduced == nil)
        #expect(deferrals.support(on: .iOS).introducedVersion == OSVersion(18, 0))
        #expect(deferrals.support(on: .iOS).allowedEnrollments == [.supervised])
        #expect(deferrals.support(on: .iOS).allowedScopes == ["system"])
        // A nested key inherits from its parent key, not only from the payload.
        let combined = try #require(settings.key(at: "Deferrals.CombinedPeriodInDays"))
        #expect(combined.support(on: .iOS).allowedEnrollments == [.supervised])
        #expect(combined.support(on: .macOS).introduced == .notAvailable)
        #expect(combined.support(on: .macOS).allowedEnrollments == [.supervised])
    }

    @Test func legacyRowsReadEveryField() throws {
        let schedule = try #require(AppleSchemaCatalog.bundled.command("ScheduleOSUpdate"))
        let iOS = schedule.support(on: .iOS)
        #expect(iOS.introducedVersion == OSVersion(9, 0))
        #expect(iOS.supervised == true)
        #expect(iOS.requiresDEP == false)
        #expect(iOS.accessRights == "AllowAppInstallation")
        #expect(iOS.sharedIPad == SharedIPadSupport(mode: .allowed, deviceChannel: true, userChannel: false))
        #expect(iOS.userEnrollment?.mode == .forbidden)
        #expect(schedule.support(on: .visionOS).introduced == .notAvailable)
        let status = try #require(AppleSchemaCatalog.bundled.command("OSUpdateStatus"))
        #expect(status.support(on: .macOS).introducedVersion?.description == "10.11.5")
    }
}

@Suite struct AppleSchemaReaderProblemTests {
    private func read(_ yaml: String) -> AppleSchemaCatalog {
        AppleSchemaCatalog(files: [SourceFile(path: "bad.yaml", text: yaml)])
    }

    @Test(arguments: [
        "not: [closed",
        "- a\n- b\n",
        "title: x\n",
        "payload: 3\n",
        "payload:\n  title: no identifier\n",
        "payload:\n  requesttype: X\n  supportedOS:\n    iOS:\n      introduced: soon\n",
        "payload:\n  requesttype: X\n  supportedOS:\n    iOS:\n      allowed-enrollments: [local]\n",
        "payload:\n  requesttype: X\n  supportedOS:\n    macOS:\n      supervised: yes\n",
        "payload:\n  requesttype: X\npayloadkeys:\n- key: A\n  type: <text>\n",
        "payload:\n  requesttype: X\npayloadkeys:\n- key: A\n  type: <integer>\n  range:\n    min: one\n",
        "payload:\n  requesttype: X\npayloadkeys:\n- type: <string>\n",
        "payload:\n  requesttype: X\npayloadkeys: {}\n",
        "",
    ])
    func reportsProblemWithoutTrapping(_ yaml: String) {
        let catalog = read(yaml)
        #expect(!catalog.problems.isEmpty)
        #expect(catalog.problems.allSatisfy { $0.location.file == "bad.yaml" })
    }

    @Test func keepsTheRestOfAFileWithABadField() throws {
        let catalog = read(
            """
            payload:
              requesttype: X
              supportedOS:
                iOS:
                  introduced: '9.0'
                  supervised: maybe
                futureOS:
                  introduced: '1.0'
            payloadkeys:
            - key: Good
              type: <string>
              newfield: ignored
            - key: Bad
              type: <wat>
            """)
        #expect(catalog.problems.count == 2)
        let item = try #require(catalog.command("X"))
        #expect(item.support(on: .iOS).introducedVersion == OSVersion(9, 0))
        #expect(item.payloadKeys.map(\.name) == ["Good"])
    }

    @Test func expandsGeneratorAnchors() throws {
        let catalog = read(
            """
            payload:
              requesttype: X
            payloadkeys:
            - key: A
              type: <array>
              subkeys: &shared
              - key: Item
                type: <dictionary>
                subkeys:
                - key: Inner
                  type: <string>
                  presence: required

            - key: B
              type: <dictionary>
              subkeys:
              - key: C
                type: <array>
                subkeys: *shared
            """)
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        let item = try #require(catalog.command("X"))
        #expect(item.key(at: "A[].Inner")?.isRequired == true)
        #expect(item.key(at: "B.C[].Inner")?.isRequired == true)
        #expect(item.payloadKeys.map(\.name) == ["A", "B"])
    }

    @Test(arguments: [
        "payload:\n  requesttype: X\npayloadkeys: *nothing\n",
        "payload: &p\n  requesttype: X\nother:\n- *p\n",
        "payload:\n  requesttype: &r X\n",
    ])
    func refusesAnchorsItCannotExpand(_ yaml: String) {
        #expect(read(yaml).problems.contains { $0.message.contains("MOS104") })
    }

    @Test func emptyCatalogAnswersNothing() {
        let gates = SoftwareUpdateGates(catalog: AppleSchemaCatalog(files: []))
        #expect(gates.ddmThreshold(for: .macOS) == nil)
        #expect(gates.installActions(for: .macOS).isEmpty)
        #expect(gates.legacyCommandSupport(.scheduleOSUpdate, platform: .iOS) == nil)
        #expect(gates.settingsKeys.isEmpty)
        #expect(gates.enforcementEnrollments(for: .iOS).isEmpty)
    }
}
