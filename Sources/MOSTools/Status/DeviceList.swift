public import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// The devices to report on, from `devices.csv`: a header row naming `cohort` and `serial` and/or `udid`
/// (any order, any case; an optional `osVersion`; other columns ignored), then one device per row.
public struct DeviceList: Sendable, Hashable {
    /// One device.
    public struct Entry: Sendable, Hashable, Codable {
        /// The cohort the device belongs to.
        public var cohort: String
        /// The serial number, when listed.
        public var serial: String?
        /// The UDID, when listed.
        public var udid: String?
        /// The row, for diagnostics.
        public var location: SourceLocation
        /// The OS version the device runs, when the list says (`osVersion` column): routes mixed cohorts in sync.
        public var osVersion: String?

        /// Creates an entry.
        public init(
            cohort: String, serial: String?, udid: String?, location: SourceLocation, osVersion: String? = nil
        ) {
            self.cohort = cohort
            self.serial = serial
            self.udid = udid
            self.location = location
            self.osVersion = osVersion
        }

        /// The id shown for the device: the serial, else the UDID.
        public var displayID: String { serial ?? udid ?? "" }
    }

    /// The devices in file order.
    public var entries: [Entry]

    /// Creates a list.
    public init(entries: [Entry]) {
        self.entries = entries
    }
}

extension DeviceList {
    /// Reads a devices list; problems (header, bad rows, duplicates) become diagnostics at `file:line`.
    public static func read(_ file: SourceFile, limits: StatusLimits = .defaults, diagnostics: inout DiagnosticBag)
        -> DeviceList
    {
        let whole = SourceLocation(file: file.path)
        guard file.contents.count <= limits.maxDeviceListBytes else {
            diagnostics.emit(
                .invalidDeviceList, "the devices list is larger than the limit of \(limits.maxDeviceListBytes) bytes",
                at: whole)
            return DeviceList(entries: [])
        }
        let table = CSVTable(file.contents)
        for problem in table.problems {
            diagnostics.emit(
                .invalidDeviceRow, problem.message,
                at: SourceLocation(file: file.path, line: problem.line, column: problem.column))
        }
        guard let header = table.records.first else {
            diagnostics.emit(.invalidDeviceList, "the devices list is empty; expected a header row", at: whole)
            return DeviceList(entries: [])
        }
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        let cohortColumn = names.firstIndex(of: "cohort")
        let serialColumn = names.firstIndex(of: "serial")
        let udidColumn = names.firstIndex(of: "udid")
        let osVersionColumn = names.firstIndex(of: "osversion")
        guard let cohortColumn, serialColumn != nil || udidColumn != nil else {
            let found = header.fields.map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.emit(
                .invalidDeviceList,
                "the header row must name 'cohort' and 'serial' and/or 'udid'; found \(found)",
                at: SourceLocation(file: file.path, line: header.line))
            return DeviceList(entries: [])
        }
        var entries: [Entry] = []
        var seen: [String: SourceLocation] = [:]
        for record in table.records.dropFirst() {
            let location = SourceLocation(file: file.path, line: record.line)
            guard record.fields.count <= names.count else {
                diagnostics.emit(
                    .invalidDeviceRow, "the row has \(record.fields.count) fields; the header has \(names.count)",
                    at: location)
                continue
            }
            func field(_ column: Int?) -> String? {
                guard let column, column < record.fields.count else { return nil }
                let value = record.fields[column].trimmingSpaces
                return value.isEmpty ? nil : value
            }
            guard let cohort = field(cohortColumn) else {
                diagnostics.emit(.invalidDeviceRow, "the row has no cohort", at: location)
                continue
            }
            let osVersion = field(osVersionColumn)
            if let osVersion, DeviceVersion(osVersion) == nil {
                diagnostics.emit(
                    .invalidDeviceRow, "osVersion '\(osVersion)' is not a version such as 14.7.1", at: location)
                continue
            }
            let entry = Entry(
                cohort: cohort, serial: field(serialColumn), udid: field(udidColumn), location: location,
                osVersion: osVersion)
            guard entry.serial != nil || entry.udid != nil else {
                diagnostics.emit(.invalidDeviceRow, "the row has neither a serial nor a udid", at: location)
                continue
            }
            let keys = [entry.serial.map { "serial \($0.uppercased())" }, entry.udid.map { "udid \($0.uppercased())" }]
            if let key = keys.compactMap({ $0 }).first(where: { seen[$0] != nil }), let first = seen[key] {
                diagnostics.emit(
                    .duplicateDevice, "device '\(entry.displayID)' is listed twice", at: location,
                    notes: [.init("first listed here", at: first)])
                continue
            }
            for key in keys.compactMap({ $0 }) { seen[key] = location }
            entries.append(entry)
        }
        return DeviceList(entries: entries)
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[start...end])
    }
}
