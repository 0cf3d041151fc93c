public import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// A SARIF 2.1.0 log (one run) for code-scanning services, with `tool.driver.rules` built from the code catalog.
///
/// Locations keep the path as given (relative stays relative; absolute paths become `file://` URIs). A location
/// without a line has no `region`, since SARIF requires `startLine >= 1`. Hints are appended to the message,
/// notes become `relatedLocations`. Keys are sorted by `CanonicalJSON`, so equal input gives equal bytes.
///
/// Each rule carries its help (`help.text`, the summary and the fix) so a dashboard shows it without following a
/// link. A relative `helpUri` would resolve against the scanned policy repository, where the code catalog is not,
/// so rules get a `helpUri` (`<documentationURI>#mos112`) and the driver an `informationUri` only when the
/// caller names where `specs/diagnostics.md` is published (`mosc validate --help-base URL`).
public struct SARIFRenderer: DiagnosticRenderer {
    /// The SARIF version written.
    public static let sarifVersion = "2.1.0"
    /// The JSON Schema of SARIF 2.1.0.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// Where the published code catalog (`specs/diagnostics.md`) is, e.g. an https URL of the file in the
    /// organisation's copy of mosc: `tool.driver.informationUri`, and each rule's `helpUri` as
    /// `<documentationURI>#mos112`. Nil leaves both out.
    public var documentationURI: String?

    /// Creates a renderer; without `documentationURI`, rules carry their help inline and no links.
    public init(documentationURI: String? = nil) {
        self.documentationURI = documentationURI
    }

    /// Renders the diagnostics in this format.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let codes = DiagnosticCode.allCases.sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let driver = SARIFLog.Driver(
            name: "mosc", version: ManagedOSVersion.current, informationUri: documentationURI,
            rules: codes.map(rule))
        let results = diagnostics.map { diagnostic in
            var text = diagnostic.message
            if let hint = diagnostic.hint { text += "\n\(hint)" }
            return SARIFLog.Result(
                ruleId: diagnostic.code.rawValue, ruleIndex: ruleIndex[diagnostic.code] ?? 0,
                level: Self.level(diagnostic.severity), message: .init(text: text),
                locations: diagnostic.location.map { [Self.location($0, message: nil, id: nil)] } ?? [],
                relatedLocations: diagnostic.notes.isEmpty
                    ? nil
                    : diagnostic.notes.enumerated().map { index, note in
                        Self.location(note.location, message: note.message, id: index)
                    })
        }
        let log = SARIFLog(
            schema: Self.schemaURI, version: Self.sarifVersion,
            runs: [.init(tool: .init(driver: driver), columnKind: "unicodeCodePoints", results: results)])
        return CanonicalJSON.string(log)
    }

    /// The SARIF level of a severity.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// A relative path stays a relative URI reference; an absolute path becomes a `file://` URI. Characters
    /// outside RFC 3986's unreserved set and `/` are percent-encoded.
    public static func uri(forPath path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            let isUnreserved =
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F
            if isUnreserved {
                encoded.append(Character(Unicode.Scalar(byte)))
            } else {
                let hex = Array("0123456789ABCDEF")
                encoded += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0x0F)])"
            }
        }
        return path.hasPrefix("/") ? "file://\(encoded)" : encoded
    }

    private func rule(_ code: DiagnosticCode) -> SARIFLog.Rule {
        let summary = code.summary.prefix(1).uppercased() + code.summary.dropFirst()
        return SARIFLog.Rule(
            id: code.rawValue, name: code.name, shortDescription: .init(text: summary),
            fullDescription: .init(text: "\(summary). \(code.fix)"),
            defaultConfiguration: .init(level: Self.level(code.defaultSeverity)),
            help: .init(text: "\(summary). \(code.fix)"),
            helpUri: documentationURI.map { "\($0)#\(DiagnosticCatalogDocument.anchor(for: code))" })
    }

    private static func location(_ place: SourceLocation?, message: String?, id: Int?) -> SARIFLog.Location {
        let physical = place.map { place in
            SARIFLog.PhysicalLocation(
                artifactLocation: .init(uri: uri(forPath: place.file)),
                region: place.line >= 1
                    ? .init(startLine: place.line, startColumn: place.column >= 1 ? place.column : nil) : nil)
        }
        return SARIFLog.Location(id: id, message: message.map { .init(text: $0) }, physicalLocation: physical)
    }
}

/// The subset of the SARIF 2.1.0 object model mosc writes; wire names spelled out where Swift names differ.
struct SARIFLog: Encodable {
    var schema: String
    package var version: String
    package var runs: [Run]

    package enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    package struct Run: Encodable {
        var tool: Tool
        var columnKind: String
        package var results: [Result]
    }

    struct Tool: Encodable {
        package var driver: Driver
    }

    struct Driver: Encodable {
        package var name: String
        package var version: String
        var informationUri: String?
        package var rules: [Rule]
    }

    struct Rule: Encodable {
        package var id: String
        package var name: String
        var shortDescription: Message
        var fullDescription: Message
        var defaultConfiguration: Configuration
        var help: Message
        var helpUri: String?
    }

    struct Configuration: Encodable {
        package var level: String
    }

    struct Message: Encodable {
        package var text: String
    }

    package struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        package var level: String
        package var message: Message
        package var locations: [Location]
        var relatedLocations: [Location]?
    }

    struct Location: Encodable {
        package var id: Int?
        package var message: Message?
        var physicalLocation: PhysicalLocation?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        package var region: Region?
    }

    struct ArtifactLocation: Encodable {
        package var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }
}
