import Foundation
import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// Reads one report file: a DDM status report (bare, or inside a `DeclarativeManagement` check-in message for
/// the `status` endpoint) or a legacy command response. Problems become diagnostics naming the file; nil when
/// nothing usable is left.
func readReport(_ file: SourceFile, limits: StatusLimits, diagnostics: inout DiagnosticBag) -> DeviceReport? {
    let location = SourceLocation(file: file.path)
    guard file.contents.count <= limits.maxReportBytes else {
        diagnostics.emit(
            .unreadableReport, "the report is larger than the limit of \(limits.maxReportBytes) bytes", at: location)
        return nil
    }
    var top: [String: ReportValue]
    switch ReportDecoding.decode(file.contents, maxDepth: limits.maxDepth) {
    case .failure(let failure):
        diagnostics.emit(.unreadableReport, failure.message, at: location)
        return nil
    case .success(let value):
        guard let dictionary = value.dictionary else {
            diagnostics.emit(.unknownReport, "the report is \(value.kindName); expected a dictionary", at: location)
            return nil
        }
        top = dictionary
    }
    var reader = ReportReader(file: file.path)
    defer { diagnostics.append(contentsOf: reader.diagnostics) }
    var udid = reader.string(top["UDID"], "UDID")
    if top["MessageType"]?.string == "DeclarativeManagement" {
        guard let inner = unwrapCheckIn(top, location: location, limits: limits, diagnostics: &diagnostics) else {
            return nil
        }
        top = inner
    }
    let fileName = ReportFileName((file.path as NSString).lastPathComponent)
    if top["StatusItems"] != nil {
        let items = readDDMStatusReport(top, reader: &reader)
        let identifier = top["StatusItems"]?["device"]?["identifier"]
        let serial = reader.string(identifier?["serial-number"], "device.identifier.serial-number")
        udid = reader.string(identifier?["udid"], "device.identifier.udid") ?? udid
        return DeviceReport(file: file.path, fileName: fileName, serialNumber: serial, udid: udid, content: .ddm(items))
    }
    if let response = readLegacyResponse(top, reader: &reader) {
        var serial: String?
        if let queries = top["QueryResponses"] {
            serial = queries["SerialNumber"]?.string
            udid = queries["UDID"]?.string ?? udid
        }
        return DeviceReport(
            file: file.path, fileName: fileName, serialNumber: serial, udid: udid, content: .legacy(response))
    }
    // A response without a result key: the command failed or was postponed as a whole.
    if let status = top["Status"]?.string, ["Error", "CommandFormatError", "NotNow"].contains(status) {
        let why = describeErrorChain(top["ErrorChain"]).map { ": \($0)" } ?? ""
        if top["RequestType"]?.string == "ScheduleOSUpdate", status != "NotNow" {
            return DeviceReport(
                file: file.path, fileName: fileName, serialNumber: nil, udid: udid,
                content: .legacy(.scheduleOSUpdate([], commandError: "ScheduleOSUpdate returned '\(status)'\(why)")))
        }
        diagnostics.emit(.commandNotDone, "the command response has Status '\(status)'\(why); ignored", at: location)
        return nil
    }
    let keys = top.keys.sorted().prefix(5).map { "'\($0)'" }.joined(separator: ", ")
    diagnostics.emit(
        .unknownReport,
        "not a status report or an OSUpdateStatus, ScheduleOSUpdate, DeviceInformation or AvailableOSUpdates "
            + "response (keys: \(keys.isEmpty ? "none" : keys))",
        at: location)
    return nil
}

/// The status report inside a `DeclarativeManagement` check-in message (`Endpoint` `status`, `Data` the JSON).
private func unwrapCheckIn(
    _ message: [String: ReportValue], location: SourceLocation, limits: StatusLimits,
    diagnostics: inout DiagnosticBag
) -> [String: ReportValue]? {
    let endpoint = message["Endpoint"]?.string ?? ""
    guard endpoint == "status" else {
        diagnostics.emit(
            .unknownReport, "a DeclarativeManagement check-in for endpoint '\(endpoint)'; expected 'status'",
            at: location)
        return nil
    }
    var bytes: [UInt8]?
    switch message["Data"] {
    case .data(let data): bytes = [UInt8](data)
    case .string(let base64): bytes = Data(base64Encoded: base64, options: .ignoreUnknownCharacters).map { [UInt8]($0) }
    default: bytes = nil
    }
    guard let bytes else {
        diagnostics.emit(.unknownReport, "the check-in message has no readable 'Data'", at: location)
        return nil
    }
    switch ReportDecoding.decode(bytes, maxDepth: limits.maxDepth) {
    case .success(let value) where value.dictionary != nil:
        return value.dictionary
    case .success(let value):
        diagnostics.emit(
            .unknownReport, "the check-in 'Data' is \(value.kindName); expected a dictionary", at: location)
    case .failure(let failure):
        diagnostics.emit(.unreadableReport, "the check-in 'Data': \(failure.message)", at: location)
    }
    return nil
}
