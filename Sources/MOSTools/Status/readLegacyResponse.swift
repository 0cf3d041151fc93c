import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// Reads a legacy MDM command response (`OSUpdateStatus`, `ScheduleOSUpdate`, `DeviceInformation`,
/// `AvailableOSUpdates`); nil when the dictionary is none of them.
func readLegacyResponse(_ response: [String: ReportValue], reader: inout ReportReader) -> LegacyResponse? {
    if let list = response["OSUpdateStatus"] {
        let items = (reader.array(list, "OSUpdateStatus") ?? []).compactMap {
            value -> LegacyResponse.OSUpdateStatusItem? in
            let path = "OSUpdateStatus[]"
            guard let item = reader.dictionary(value, path),
                let status = reader.required(item, "Status", path, { $0.string($1, $2) })
            else { return nil }
            return .init(
                productKey: reader.string(item["ProductKey"], "\(path).ProductKey") ?? "",
                isDownloaded: reader.bool(item["IsDownloaded"], "\(path).IsDownloaded") ?? false,
                downloadPercentComplete: reader.number(
                    item["DownloadPercentComplete"], "\(path).DownloadPercentComplete") ?? 0,
                status: status)
        }
        return .osUpdateStatus(items)
    }
    if let list = response["UpdateResults"] {
        let items = (reader.array(list, "UpdateResults") ?? []).compactMap { value -> LegacyResponse.UpdateResult? in
            let path = "UpdateResults[]"
            guard let item = reader.dictionary(value, path),
                let status = reader.required(item, "Status", path, { $0.string($1, $2) })
            else { return nil }
            return .init(
                productKey: reader.string(item["ProductKey"], "\(path).ProductKey") ?? "",
                installAction: reader.string(item["InstallAction"], "\(path).InstallAction") ?? "", status: status)
        }
        return .scheduleOSUpdate(items, commandError: nil)
    }
    if let queries = response["QueryResponses"] {
        let answers = reader.dictionary(queries, "QueryResponses") ?? [:]
        return .deviceInformation(
            osVersion: reader.string(answers["OSVersion"], "QueryResponses.OSVersion"),
            buildVersion: reader.string(answers["BuildVersion"], "QueryResponses.BuildVersion"))
    }
    if let list = response["AvailableOSUpdates"] {
        let items = (reader.array(list, "AvailableOSUpdates") ?? []).compactMap {
            value -> LegacyResponse.AvailableUpdate? in
            let path = "AvailableOSUpdates[]"
            guard let item = reader.dictionary(value, path) else { return nil }
            return .init(
                productKey: reader.string(item["ProductKey"], "\(path).ProductKey") ?? "",
                version: reader.string(item["Version"], "\(path).Version"),
                build: reader.string(item["Build"], "\(path).Build"))
        }
        return .availableOSUpdates(items)
    }
    return nil
}

/// The text of an `ErrorChain`'s first `LocalizedDescription` or `ErrorDomain`/`ErrorCode`, for reasons.
func describeErrorChain(_ value: ReportValue?) -> String? {
    guard let first = value?.array?.first else { return nil }
    if let text = first["LocalizedDescription"]?.string { return text }
    if let domain = first["ErrorDomain"]?.string {
        return first["ErrorCode"]?.integer.map { "\(domain) \($0)" } ?? domain
    }
    return nil
}
