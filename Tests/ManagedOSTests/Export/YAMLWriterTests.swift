import ManagedOS
import Testing

@testable import MOSTools

/// The export's YAML writer quotes whatever a YAML reader could take for something else, and every string
/// reads back as itself (through mosc's own libyaml reader).
@Suite struct YAMLWriterTests {
    /// Strings that must be quoted: indicators, YAML 1.1 booleans and nulls, numbers, dates, padding, escapes.
    static let quoted = [
        "", " padded", "padded ", "yes", "No", "ON", "y", "null", "~", "15.0", "0x1F", "1e3", "2026-01-01", ".inf",
        "- dash", "#hash", "a #b", "a: b", "Sydney campus: iPads", "quote\"d", "back\\slash", "line\nbreak",
        "tab\there", "bell\u{07}", "next\u{85}line", "sep\u{2028}arator", "para\u{2029}graph", "\u{FEFF}bom",
        "@at", "`tick", "!tag", "&anchor", "*alias", "%percent", "{brace}", "[bracket]", "'single'", "|pipe",
        ">fold", "?question", "💻 Workstations", "Eng #1", "a,b",
    ]
    /// Strings written plain.
    static let plain = ["IT Macs", "mac-eng", "Corporate iPhones (ADE)", "../lib/mosc/com.example.x.json", "name"]

    @Test(arguments: quoted + plain) func readsBackAsItself(_ text: String) throws {
        var writer = YAMLWriter()
        writer.pair(text, text)
        writer.item(text, indent: 0)
        let yaml = try FleetYAML(Array("m:\n".utf8) + Array(indented(writer.text).utf8), path: "t.yml")
        guard case .mapping(let pairs)? = yaml.node(at: ["m"])?.content else {
            Issue.record("not a mapping: \(writer.text)")
            return
        }
        #expect(pairs.first?.key.scalarText == text)
        #expect(pairs.first?.value.scalarText == text)
        guard case .sequence(let items)? = yaml.node(at: ["l"])?.content else {
            Issue.record("not a sequence: \(writer.text)")
            return
        }
        #expect(items.first?.scalarText == text)
        let style = pairs.first?.value.scalarStyle
        #expect((style == .plain) == Self.plain.contains(text), "\(writer.text)")
    }

    /// The pair under `m:`; the item in a sequence of its own, to read back separately.
    private func indented(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return "  \(lines[0])\nl:\n  \(lines[1])\n"
    }

    @Test func aLineBreakCannotEndAComment() throws {
        var writer = YAMLWriter()
        writer.comment(["policy x\nname: injected\u{2028}too"])
        #expect(writer.text == "# policy x name: injected too\n")
    }

    @Test func commentsAndNestingAreIndentedByTwoSpaces() {
        var writer = YAMLWriter()
        writer.comment(["why", ""])
        writer.open("controls")
        writer.itemPair("path", "a.json", indent: 1)
        writer.open("labels_include_any", indent: 2)
        writer.item("IT Macs", indent: 3)
        #expect(
            writer.text == "# why\n#\ncontrols:\n  - path: a.json\n    labels_include_any:\n      - IT Macs\n")
    }
}
