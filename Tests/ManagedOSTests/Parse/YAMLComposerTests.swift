import ManagedOS
import Testing

@Suite struct YAMLComposerTests {
    @Test func composesMappingWithMarks() {
        var bag = DiagnosticBag()
        let docs = YAMLComposer().compose(SourceFile(path: "a.yaml", text: "a: 1\nb:\n  - x\n"), diagnostics: &bag)
        #expect(bag.diagnostics.isEmpty)
        #expect(docs.count == 1)
        guard case .mapping(let pairs) = docs.first?.root?.content else { Issue.record("no mapping"); return }
        #expect(pairs.map { $0.key.scalarText } == ["a", "b"])
        #expect(pairs[1].value.location.line == 3)
        #expect(pairs[1].value.location.column == 3)
    }
}
