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

/// The flat tree the readers use: kinds, texts, pairs and items by node, and `String` equality for keys.
@Suite struct YAMLTreeTests {
    static func tree(_ text: String) -> YAMLTree {
        var bag = DiagnosticBag()
        return YAMLComposer().composeTree(SourceFile(path: "t.yaml", text: text), diagnostics: &bag)
    }

    @Test func readsNodesByID() throws {
        let tree = Self.tree("a: 1\nb:\n  - x\n  - \"y\"\nc: ~\n---\n- z\n")
        #expect(tree.documents.count == 2)
        let root = try #require(tree.documents.first?.root)
        #expect(tree.kind(root) == .mapping)
        #expect(tree.pairCount(root) == 3)
        #expect((0..<3).map { tree.text(tree.key(root, $0)) } == ["a", "b", "c"])
        let items = try #require(tree.value(root, forKey: "b"))
        #expect(tree.kind(items) == .sequence)
        #expect(tree.items(items).map { tree.text($0) } == ["x", "y"])
        #expect(tree.items(items).map { tree.style($0) } == [.plain, .doubleQuoted])
        #expect(tree.location(items).line == 3)
        #expect(tree.isNull(try #require(tree.value(root, forKey: "c"))))
        #expect(tree.value(root, forKey: "d") == nil)
        let second = try #require(tree.documents.last?.root)
        #expect(tree.items(second).map { tree.text($0) } == ["z"])
    }

    /// Keys compare as `String`s do: an escape in an ASCII file, or a decomposed accent, still equals its text.
    @Test func keysCompareAsStrings() throws {
        let escaped = Self.tree("\"caf\\u00e9\": 1\n")
        let root = try #require(escaped.documents.first?.root)
        #expect(escaped.isScalar(escaped.key(root, 0), equalTo: "café"))
        let decomposed = Self.tree("cafe\u{301}: 1\n")
        let other = try #require(decomposed.documents.first?.root)
        #expect(decomposed.isScalar(decomposed.key(other, 0), equalTo: "caf\u{e9}"))
        #expect(!decomposed.isScalar(decomposed.key(other, 0), equalTo: "cafe"))
    }

    /// The trees built from the flat table equal what the composer reports as `YAMLNode`s.
    @Test func yamlNodesMatchTheTable() throws {
        var bag = DiagnosticBag()
        let docs = YAMLComposer().compose(SourceFile(path: "t.yaml", text: "a: [1, {b: c}]\n"), diagnostics: &bag)
        guard case .mapping(let pairs) = docs.first?.root?.content else { Issue.record("no mapping"); return }
        guard case .sequence(let items) = pairs.first?.value.content else { Issue.record("no sequence"); return }
        #expect(items.count == 2)
        #expect(items[0].scalarText == "1")
        guard case .mapping(let inner) = items[1].content else { Issue.record("no inner mapping"); return }
        #expect(inner.map { $0.key.scalarText } == ["b"])
        #expect(inner.first?.value.location.column == 12)
    }
}
