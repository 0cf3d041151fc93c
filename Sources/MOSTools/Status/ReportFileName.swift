import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// What a report's file name says: `<serial or udid>[-<ISO instant>].json|plist`.
struct ReportFileName: Sendable, Hashable {
    /// The device id part (a UDID may itself contain a hyphen).
    var deviceID: String
    /// The instant the report was received, when the name carries one.
    package var instant: Instant?

    /// Splits a file name (without folders). The instant is the longest suffix after a `-` that reads as an ISO
    /// 8601 instant with `Z` or an offset, in extended (`2026-11-25T09:00:00Z`) or basic (`20261125T090000Z`) form.
    init(_ fileName: String) {
        var stem = Substring(fileName)
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
        var index = stem.startIndex
        while let hyphen = stem[index...].firstIndex(of: "-") {
            let suffix = String(stem[stem.index(after: hyphen)...])
            if hyphen != stem.startIndex, let instant = Self.instant(suffix) {
                deviceID = String(stem[..<hyphen])
                self.instant = instant
                return
            }
            index = stem.index(after: hyphen)
        }
        deviceID = String(stem)
        instant = nil
    }

    /// Reads an extended or basic ISO 8601 instant.
    package static func instant(_ text: String) -> Instant? {
        if let instant = Instant.parseISO8601(text) { return instant }
        // Basic form: YYYYMMDDTHHMM[SS] then Z or an offset; colons are awkward in file names.
        let bytes = Array(text.utf8)
        guard bytes.count >= 14, bytes[8] == UInt8(ascii: "T"),
            bytes[0..<8].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        var timeDigits = 9
        while timeDigits < bytes.count, bytes[timeDigits] >= 0x30, bytes[timeDigits] <= 0x39 { timeDigits += 1 }
        let time = Array(bytes[9..<timeDigits])
        guard time.count == 4 || time.count == 6 else { return nil }
        func part(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        var extended = "\(part(bytes[0..<4]))-\(part(bytes[4..<6]))-\(part(bytes[6..<8]))T"
        extended += "\(part(time[0..<2])):\(part(time[2..<4]))"
        if time.count == 6 { extended += ":\(part(time[4..<6]))" }
        extended += part(bytes[timeDigits...])
        return Instant.parseISO8601(extended)
    }
}
