import ManagedOS
import Testing

/// `devices.csv`: RFC 4180 quoting, CRLF, a byte order mark, and bad rows reported at file:line.
@Suite struct DeviceListTests {
    static func read(_ text: String) -> (list: DeviceList, diagnostics: [Diagnostic]) {
        var bag = DiagnosticBag()
        let list = DeviceList.read(SourceFile(path: "devices.csv", text: text), diagnostics: &bag)
        return (list, bag.sorted)
    }

    @Test func quotesCRLFAndByteOrderMark() {
        let text =
            "\u{FEFF}Serial,\"Cohort\",note\r\nC02A,mac-it,\"Lee, Robin\"\r\n\"C02\"\"B\",mac-it,\"two\r\nlines\"\r\n\r\nC02C, mac-it ,x\r\n"
        let (list, diagnostics) = Self.read(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(list.entries.map(\.serial) == ["C02A", "C02\"B", "C02C"])
        #expect(list.entries.map(\.cohort) == ["mac-it", "mac-it", "mac-it"])
        #expect(list.entries.map(\.location.line) == [2, 3, 6])
    }

    @Test func udidOnlyRows() {
        let (list, diagnostics) = Self.read("cohort,udid\nipad-kiosk,00008027-001A2D3E0C38802E")
        #expect(diagnostics.isEmpty)
        #expect(list.entries.first?.udid == "00008027-001A2D3E0C38802E")
        #expect(list.entries.first?.displayID == "00008027-001A2D3E0C38802E")
    }

    struct BadList: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var code: DiagnosticCode
        var line: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadList(name: "no header", text: "", code: .invalidDeviceList, line: 0),
        BadList(name: "no cohort column", text: "serial,udid\nA,B\n", code: .invalidDeviceList, line: 1),
        BadList(name: "no id column", text: "cohort,owner\nmac-it,x\n", code: .invalidDeviceList, line: 1),
        BadList(name: "row without cohort", text: "cohort,serial\n,C02A\n", code: .invalidDeviceRow, line: 2),
        BadList(name: "row without id", text: "cohort,serial,udid\nmac-it,,\n", code: .invalidDeviceRow, line: 2),
        BadList(name: "too many fields", text: "cohort,serial\nmac-it,A,extra\n", code: .invalidDeviceRow, line: 2),
        BadList(
            name: "unclosed quote", text: "cohort,serial\nmac-it,\"C02A\nmac-it,B\n", code: .invalidDeviceRow, line: 2),
        BadList(name: "stray quote", text: "cohort,serial\nmac-it,C0\"2A\n", code: .invalidDeviceRow, line: 2),
        BadList(name: "text after quote", text: "cohort,serial\nmac-it,\"C02A\"x\n", code: .invalidDeviceRow, line: 2),
        BadList(name: "duplicate", text: "cohort,serial\nmac-it,C02A\nmac-it,c02a\n", code: .duplicateDevice, line: 3),
    ])
    func badRowsAreDiagnosticsAtTheirLine(_ c: BadList) {
        let (_, diagnostics) = Self.read(c.text)
        #expect(diagnostics.map(\.code) == [c.code], "\(diagnostics)")
        #expect(diagnostics.first?.location?.file == "devices.csv")
        #expect(diagnostics.first?.location?.line == c.line)
    }

    @Test func unknownCohortIsAnErrorWithAHint() {
        let result = StatusFixture.run(devices: "cohort,serial\nmac-itt,C02A\n", reports: [])
        #expect(result.diagnostics.map(\.code) == [.unknownStatusCohort])
        #expect(result.diagnostics.first?.hint == "did you mean 'mac-it'?")
        #expect(result.fleet.devices.isEmpty)
    }
}
