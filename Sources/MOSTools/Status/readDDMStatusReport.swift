import Foundation
import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// Reads the status items mosc uses from a StatusReport's `StatusItems`, nested per Apple
/// (`{"softwareupdate": {"install-state": …}}` is the item `softwareupdate.install-state`).
func readDDMStatusReport(_ report: [String: ReportValue], reader: inout ReportReader) -> DDMStatusItems {
    var items = DDMStatusItems()
    items.fullReport = reader.bool(report["FullReport"], "FullReport") ?? false
    let statusItems = reader.dictionary(report["StatusItems"], "StatusItems") ?? [:]
    func item(_ name: String) -> ReportValue? {
        var current: ReportValue? = .dictionary(statusItems)
        var remaining = Substring(name)
        // Each dot of an item name is one level of nesting in the report.
        while !remaining.isEmpty {
            guard let dictionary = current?.dictionary else { return nil }
            let segment = remaining.prefix { $0 != "." }
            remaining = remaining.dropFirst(segment.count).drop { $0 == "." }
            current = dictionary[String(segment)]
        }
        return current
    }
    items.osVersion = reader.string(item("device.operating-system.version"), "device.operating-system.version")
    items.buildVersion = reader.string(
        item("device.operating-system.build-version"), "device.operating-system.build-version")
    items.extraVersion = reader.string(
        item("device.operating-system.supplemental.extra-version"),
        "device.operating-system.supplemental.extra-version")
    items.installState = reader.string(item("softwareupdate.install-state"), "softwareupdate.install-state")
    if let pending = reader.dictionary(item("softwareupdate.pending-version"), "softwareupdate.pending-version") {
        let path = "softwareupdate.pending-version"
        let os = reader.required(pending, "os-version", path) { $0.string($1, $2) }
        let build = reader.required(pending, "build-version", path) { $0.string($1, $2) }
        if let os {
            items.pendingVersion = .init(
                osVersion: os, buildVersion: build ?? "",
                targetLocalDateTime: localDateTimeText(
                    pending["target-local-date-time"], "\(path).target-local-date-time", reader: &reader))
        }
    }
    if let failure = reader.dictionary(item("softwareupdate.failure-reason"), "softwareupdate.failure-reason") {
        let path = "softwareupdate.failure-reason"
        if let count = reader.required(failure, "count", path, { $0.integer($1, $2) }) {
            items.failureReason = .init(
                count: count, reason: reader.string(failure["reason"], "\(path).reason"),
                timestamp: reader.string(failure["timestamp"], "\(path).timestamp"))
        }
    }
    if let reason = reader.dictionary(item("softwareupdate.install-reason"), "softwareupdate.install-reason") {
        let path = "softwareupdate.install-reason.reason"
        let list = reader.array(reason["reason"], path) ?? []
        items.installReasons = list.compactMap { reader.string($0, path) }
    }
    if let declarations = reader.dictionary(item("management.declarations"), "management.declarations") {
        var byKind: [String: [DeclarationStatus]] = [:]
        for kind in ["activations", "configurations", "assets", "management"] {
            let path = "management.declarations.\(kind)"
            guard let list = reader.array(declarations[kind], path) else { continue }
            byKind[kind] = list.compactMap { readDeclarationStatus($0, path: path, reader: &reader) }
        }
        items.declarations = byKind
    }
    for error in reader.array(report["Errors"], "Errors") ?? [] {
        guard let error = reader.dictionary(error, "Errors[]"),
            let name = reader.required(error, "StatusItem", "Errors[]", { $0.string($1, $2) })
        else { continue }
        let reasons = (reader.array(error["Reasons"], "Errors[].Reasons") ?? []).compactMap {
            reader.string($0["Code"], "Errors[].Reasons[].Code")
        }
        items.itemErrors[name, default: []] += reasons
    }
    return items
}

/// `pending-version.target-local-date-time`: a string (26.0) or a property-list date (the 18.2 seed's
/// `<date>`, written as the instant it carries); anything else is MOS703's wrong type.
private func localDateTimeText(_ value: ReportValue?, _ path: String, reader: inout ReportReader) -> String? {
    if case .date(let date)? = value {
        let seconds = date.timeIntervalSince1970
        // Within 1970...9999 (what Instant prints); a plist date out there is no deadline.
        guard seconds.isFinite, (0...253_402_300_799).contains(seconds) else { return nil }
        return Instant(unixSeconds: Int64(seconds.rounded(.down))).iso8601
    }
    return reader.string(value, path)
}

/// One `management.declarations` item; nil (and MOS703) without an identifier.
private func readDeclarationStatus(
    _ value: ReportValue, path: String, reader: inout ReportReader
) -> DeclarationStatus? {
    guard let item = reader.dictionary(value, "\(path)[]"),
        let identifier = reader.required(item, "identifier", "\(path)[]", { $0.string($1, $2) })
    else { return nil }
    let reasons = (reader.array(item["reasons"], "\(path)[].reasons") ?? []).compactMap {
        (value: ReportValue) -> DeclarationStatus.Reason? in
        guard let code = reader.string(value["code"], "\(path)[].reasons[].code") else { return nil }
        return .init(code: code, description: reader.string(value["description"], "\(path)[].reasons[].description"))
    }
    return DeclarationStatus(
        identifier: identifier, serverToken: reader.string(item["server-token"], "\(path)[].server-token"),
        active: reader.bool(item["active"], "\(path)[].active"), valid: reader.string(item["valid"], "\(path)[].valid"),
        reasons: reasons, removed: item["_removed"]?.bool ?? false)
}
