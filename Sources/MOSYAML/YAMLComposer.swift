internal import CYAML
import Foundation
public import MOSBasics

/// Turns libyaml's events into a `YAMLTree`, reporting problems as diagnostics.
///
/// This is the only file that calls libyaml. It is iterative (an explicit stack), so no input depth can
/// overflow the Swift stack, and it enforces `InputLimits`. Anchors and aliases are refused outright,
/// so a "billion laughs" file is rejected before anything is expanded.
public struct YAMLComposer: Sendable {
    /// The bounds applied to every file.
    public var limits: InputLimits

    /// Creates a composer with the given bounds.
    public init(limits: InputLimits = .defaults) {
        self.limits = limits
    }

    /// Parses every document of `file` into one flat tree; problems go to `diagnostics`. Documents completed
    /// before a syntax error are in the tree; the rest of the file is not.
    public func composeTree(_ file: SourceFile, diagnostics: inout DiagnosticBag) -> YAMLTree {
        if file.contents.count > limits.maxFileBytes {
            diagnostics.emit(
                .fileTooLarge,
                "file is larger than the limit of \(limits.maxFileBytes) bytes",
                at: SourceLocation(file: file.path),
                hint: "split it into several files"
            )
            return YAMLTree()
        }
        // A leading byte order mark is allowed (YAML allows it) and is no part of the text: the parser reads what
        // follows it, so line 1's columns count from the first character after it.
        let bom = file.contents.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let isASCII = Self.isASCII(bom == 0 ? file.contents : Array(file.contents[bom...]))
        if !isASCII, let bad = Self.firstInvalidUTF8(file.contents) {
            diagnostics.emit(
                .invalidUTF8,
                "invalid UTF-8 byte 0x\(String(file.contents[bad.offset], radix: 16, uppercase: true))",
                at: SourceLocation(file: file.path, line: bad.line, column: bad.column),
                hint: "save the file as UTF-8"
            )
            return YAMLTree()
        }
        return file.contents.withUnsafeBufferPointer { whole in
            let buffer = UnsafeBufferPointer(rebasing: whole[bom...])
            // The file's ID in the run's table (already there when the run listed its files first).
            let fileID = diagnostics.sources.id(for: file.path)
            var run = ComposerRun(
                path: file.path, fileID: fileID, sources: diagnostics.sources, limits: limits, isASCII: isASCII)
            if run.checkDirectives(buffer) { run.parse(buffer) }
            diagnostics.append(contentsOf: run.diagnostics.diagnostics)
            return run.tree
        }
    }

    /// Parses every document of `file` into `YAMLNode` trees; problems go to `diagnostics`.
    public func compose(_ file: SourceFile, diagnostics: inout DiagnosticBag) -> [YAMLDocument] {
        composeTree(file, diagnostics: &diagnostics).yamlDocuments
    }

    /// Whether every byte is ASCII, checked eight bytes at a time (nearly every policy file is ASCII).
    package static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw -> Bool in
            var index = 0
            while index + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                    return false
                }
                index += 8
            }
            while index < raw.count {
                if raw[index] >= 0x80 { return false }
                index += 1
            }
            return true
        }
    }

    /// The offset, line and column of the first byte that is not valid UTF-8, if any. Lines and columns are
    /// counted as libyaml counts them for every other diagnostic: `\r\n`, `\r`, `\n`, U+0085, U+2028 and U+2029
    /// each end a line, a column is a character, and a leading byte order mark is no column.
    package static func firstInvalidUTF8(_ bytes: [UInt8]) -> (offset: Int, line: Int, column: Int)? {
        if isASCII(bytes) { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        var afterCarriageReturn = false
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\n" && afterCarriageReturn {
                    // The second half of `\r\n`: the line already ended.
                } else if scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}"
                    || scalar == "\u{2029}"
                {
                    line += 1
                    column = 1
                } else if !(offset == 0 && scalar == "\u{FEFF}") {
                    column += 1
                }
                afterCarriageReturn = scalar == "\r"
                offset += encoded.count
            case .error:
                return (offset, line, column)
            case .emptyInput:
                return nil
            }
        }
    }
}

/// The mutable state of one parse.
private struct ComposerRun {
    /// An open collection: where it starts and where its children start on `pending`.
    struct Frame {
        var isMapping: Bool
        package var location: SourceMark
        package var tag: String?
        package var base: Int
    }

    package let path: String
    /// `path`'s ID in the run's table, for every node's location.
    package let fileID: SourceMark.FileID
    package let limits: InputLimits
    /// Whether the file is ASCII: libyaml's mark index is then a byte offset.
    package let isASCII: Bool
    package var diagnostics: DiagnosticBag
    package var tree = YAMLTree()
    var stack: [Frame] = []
    /// The finished children of every open collection, innermost last (key and value alternately in mappings).
    package var pending: [Int32] = []
    var documentLocation = SourceMark(fileID: 0)
    var documentRoot: YAMLTree.NodeID?
    var nodeCount = 0
    /// The input, for `end`; valid while `parse` runs, which is the run's whole life.
    package var buffer = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Marks whose index is below this are on a line of the file and need no clamping (see `location`).
    var clampFrom = 0
    /// The last line and the column just past its end, as libyaml counts them; computed when first needed.
    var endOfFile: (line: Int, column: Int)?

    init(path: String, fileID: SourceMark.FileID, sources: SourceTable, limits: InputLimits, isASCII: Bool) {
        self.path = path
        self.fileID = fileID
        self.diagnostics = DiagnosticBag(sources: sources)
        self.limits = limits
        self.isASCII = isASCII
        tree.isASCII = isASCII
    }

    /// A libyaml mark as a location. At the end of a file without a final line break libyaml reports the
    /// start of a line that does not exist; that is clamped to the end of the last line.
    package mutating func location(_ mark: yaml_mark_t) -> SourceMark {
        let line = Int(mark.line) + 1
        if Int(mark.index) >= clampFrom {
            let end = endOfFile ?? Self.end(of: buffer)
            endOfFile = end
            if line > end.line { return SourceMark(fileID: fileID, line: end.line, column: end.column) }
        }
        return SourceMark(fileID: fileID, line: line, column: Int(mark.column) + 1)
    }

    /// Where clamping can start. In an ASCII file libyaml's mark index is a byte offset: a mark before the end is
    /// on a real line, and so is one at the end when the file ends with a line break. Only the other files pay
    /// for `end`, a pass over every byte.
    static func clampFrom(_ buffer: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> Int {
        guard isASCII else { return 0 }
        guard let last = buffer.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") else {
            return buffer.count
        }
        return Int.max
    }

    /// Where a file ends, counting lines and columns as libyaml does: a line break is `\r\n`, `\r`, `\n`,
    /// U+0085, U+2028 or U+2029; a column is one character; a leading byte-order mark is not counted.
    package static func end(of buffer: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < buffer.count {
            // Nearly every byte is ASCII other than a carriage return: settle those without `breakWidth`.
            let byte = buffer[index]
            if byte < 0x80 && byte != 0x0D {
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
                continue
            }
            let width = breakWidth(buffer, at: index)
            if width > 0 {
                line += 1
                column = 1
                index += width
                continue
            }
            if buffer[index] & 0xC0 != 0x80 { column += 1 }  // continuation bytes belong to the character before
            index += 1
        }
        return (line, column)
    }

    /// The length in bytes of the line break at `index`, or 0.
    static func breakWidth(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = buffer[index]
        let next = index + 1 < buffer.count ? buffer[index + 1] : 0
        let third = index + 2 < buffer.count ? buffer[index + 2] : 0
        if byte == 0x0A { return 1 }
        if byte == 0x0D { return next == 0x0A ? 2 : 1 }
        if byte == 0xC2 && next == 0x85 { return 2 }
        if byte == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9) { return 3 }
        return 0
    }

    /// Checks the `%YAML` directives before each document, which libyaml reads too leniently (`%YAML 1.1#x`
    /// passes it): `%YAML`, blanks, `major.minor`, then only blanks and a comment that starts after a blank;
    /// one per document. Reports the first malformed one as MOS101 and returns false (the file is not read).
    mutating func checkDirectives(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        // Nearly every file has no `%` at all (memchr finds that at memory speed); only a `%` at the start of a
        // line needs the line scan.
        guard let base = buffer.baseAddress else { return true }
        var from = 0
        var atLineStart = false
        while from < buffer.count, let hit = memchr(base + from, Int32(UInt8(ascii: "%")), buffer.count - from) {
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if index == 0 || buffer[index - 1] == UInt8(ascii: "\n") || buffer[index - 1] == UInt8(ascii: "\r") {
                atLineStart = true
                break
            }
            from = index + 1
        }
        guard atLineStart else { return true }
        var line = 1
        var start = 0
        var inPrologue = true  // where directives may stand: before the first document, or after `...`
        var versionLine: Int?
        while start < buffer.count {
            var end = start
            while end < buffer.count && Self.breakWidth(buffer, at: end) == 0 { end += 1 }
            let text = buffer[start..<end]
            if text.starts(with: "---".utf8) && (text.count == 3 || text[start + 3] == 0x20 || text[start + 3] == 0x09)
            {
                inPrologue = false
                versionLine = nil
            } else if text.starts(with: "...".utf8) {
                inPrologue = true
                versionLine = nil
            } else if inPrologue, text.starts(with: "%YAML".utf8) {
                if let problem = Self.versionDirectiveProblem(text) {
                    diagnostics.emit(
                        .yamlSyntax, "malformed %YAML directive: \(problem.message)",
                        at: SourceMark(fileID: fileID, line: line, column: problem.column + 1),
                        hint: "write '%YAML 1.2' alone on its line, or leave the directive out")
                    return false
                }
                if let first = versionLine {
                    diagnostics.emit(
                        .yamlSyntax, "a second %YAML directive for one document",
                        at: SourceMark(fileID: fileID, line: line, column: 1),
                        notes: [
                            diagnostics.note(
                                "the first is here", at: SourceMark(fileID: fileID, line: first, column: 1))
                        ])
                    return false
                }
                versionLine = line
            } else if inPrologue, let first = text.first, first != UInt8(ascii: "%"), first != UInt8(ascii: "#"),
                !text.allSatisfy({ $0 == 0x20 || $0 == 0x09 })
            {
                inPrologue = false  // a document without `---`
            }
            line += 1
            start = end + (end < buffer.count ? Self.breakWidth(buffer, at: end) : 0)
        }
        return true
    }

    /// What is wrong with a `%YAML` line, and the 0-based column where; nil when it is well formed.
    static func versionDirectiveProblem(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> (message: String, column: Int)? {
        let bytes = Array(text)
        func isBlank(_ index: Int) -> Bool { index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) }
        func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        var index = 5
        guard isBlank(index) else { return ("expected a blank after %YAML", index) }
        while isBlank(index) { index += 1 }
        let versionStart = index
        while isDigit(index) { index += 1 }
        guard index > versionStart, index < bytes.count, bytes[index] == UInt8(ascii: ".") else {
            return ("expected a version such as 1.2", versionStart)
        }
        index += 1
        let minorStart = index
        while isDigit(index) { index += 1 }
        guard index > minorStart else { return ("expected a version such as 1.2", versionStart) }
        if index == bytes.count { return nil }
        guard isBlank(index) else {
            return bytes[index] == UInt8(ascii: "#")
                ? ("a comment needs a blank before '#'", index) : ("unexpected text after the version", index)
        }
        while isBlank(index) { index += 1 }
        if index == bytes.count || bytes[index] == UInt8(ascii: "#") { return nil }
        return ("unexpected text after the version", index)
    }

    package mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        clampFrom = Self.clampFrom(buffer, isASCII: isASCII)
        // Policy files hold about one node per ten bytes and half their bytes in scalars: sized once, not doubled.
        tree.reserve(bytes: buffer.count)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.emit(.yamlSyntax, "the YAML parser could not start", at: SourceLocation(file: path))
            return
        }
        defer { yaml_parser_delete(&parser) }
        if let base = buffer.baseAddress {
            yaml_parser_set_input_string(&parser, base, buffer.count)
        } else {
            var empty: UInt8 = 0
            yaml_parser_set_input_string(&parser, &empty, 0)
        }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                reportParserError(parser)
                return
            }
            let keepGoing = handle(event)
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if !keepGoing || done { return }
        }
    }

    mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown syntax error"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(problem) \(context)"
        }
        // libyaml's problem_mark is where it noticed; its context_mark where the construct began.
        let mark = parser.problem_mark
        var notes: [Diagnostic.Note] = []
        if parser.context != nil {
            let context = parser.context_mark
            if context.line != mark.line || context.column != mark.column {
                notes.append(diagnostics.note("the construct starts here", at: location(context)))
            }
        }
        if Self.isIndentingTab(buffer, line: Int(mark.line), column: Int(mark.column)) {
            // libyaml's text names the token it could not start, not the cause: say the cause, keep its text.
            diagnostics.emit(
                .yamlSyntax, "tab used for indentation: YAML indents with spaces only", at: location(mark),
                hint: "replace the tab with spaces",
                notes: [diagnostics.note("libyaml: \(message)", at: location(mark))] + notes)
            return
        }
        diagnostics.emit(.yamlSyntax, message, at: location(mark), notes: notes)
    }

    /// Whether the character at a 0-based line and column is a tab with only spaces and tabs before it on its line.
    static func isIndentingTab(_ buffer: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> Bool {
        var index = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var current = 0
        while current < line && index < buffer.count {
            let width = breakWidth(buffer, at: index)
            if width > 0 {
                current += 1
                index += width
            } else {
                index += 1
            }
        }
        // Indentation is ASCII, so up to the mark a column is a byte.
        guard current == line, index + column < buffer.count, buffer[index + column] == UInt8(ascii: "\t") else {
            return false
        }
        return buffer[index..<(index + column)].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// Handles one event; returns false to stop reading the file.
    package mutating func handle(_ event: yaml_event_t) -> Bool {
        // Ends of collections, documents and the stream need no location of their own.
        switch event.type {
        case YAML_DOCUMENT_END_EVENT:
            tree.documents.append(YAMLTree.Document(root: documentRoot, location: documentLocation))
            return true
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return true }
            let items = pending[frame.base...]
            if frame.isMapping { reportDuplicateKeys(items) }
            let node = tree.addCollection(
                frame.isMapping ? .mapping : .sequence, items: items, tag: frame.tag, at: frame.location)
            pending.removeSubrange(frame.base...)
            return add(node)
        case YAML_STREAM_START_EVENT, YAML_STREAM_END_EVENT:
            return true
        default:
            break
        }
        let here = location(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            if tree.documents.count >= limits.maxDocuments {
                diagnostics.emit(
                    .tooManyDocuments, "file holds more than \(limits.maxDocuments) documents", at: here)
                return false
            }
            documentLocation = here
            documentRoot = nil
            stack.removeAll()
            pending.removeAll()
        case YAML_ALIAS_EVENT:
            diagnostics.emit(
                .aliasNotAllowed, "YAML aliases are not allowed", at: here,
                hint: "write the value out in full; mosc refuses anchors and aliases so nothing can expand")
            return false
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            if scalar.anchor != nil { return refuseAnchor(here) }
            if scalar.length > limits.maxScalarBytes {
                diagnostics.emit(
                    .scalarTooLong, "scalar is \(scalar.length) bytes; the limit is \(limits.maxScalarBytes)",
                    at: here)
                return false
            }
            let style: ScalarStyle =
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: .literal
                case YAML_FOLDED_SCALAR_STYLE: .folded
                default: .plain
                }
            let tag = scalar.tag.map { String(cString: $0) }
            let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.value == nil ? 0 : Int(scalar.length))
            return add(tree.addScalar(bytes, style: style, tag: tag, at: here))
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            if start.anchor != nil { return refuseAnchor(here) }
            guard push(at: here) else { return false }
            stack.append(
                Frame(isMapping: false, location: here, tag: start.tag.map { String(cString: $0) }, base: pending.count)
            )
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            if start.anchor != nil { return refuseAnchor(here) }
            guard push(at: here) else { return false }
            stack.append(
                Frame(isMapping: true, location: here, tag: start.tag.map { String(cString: $0) }, base: pending.count))
        default:
            break
        }
        return true
    }

    mutating func refuseAnchor(_ here: SourceMark) -> Bool {
        diagnostics.emit(
            .aliasNotAllowed, "YAML anchors are not allowed", at: here,
            hint: "write the value out in full; mosc refuses anchors and aliases so nothing can expand")
        return false
    }

    mutating func push(at here: SourceMark) -> Bool {
        if stack.count >= limits.maxDepth {
            diagnostics.emit(.nestingTooDeep, "nesting is deeper than \(limits.maxDepth) levels", at: here)
            return false
        }
        return true
    }

    /// Counts a finished node and adds it to the open collection, or makes it the document's root.
    package mutating func add(_ node: YAMLTree.NodeID) -> Bool {
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            diagnostics.emit(
                .tooManyNodes, "file holds more than \(limits.maxNodes) YAML nodes", at: tree.location(node))
            return false
        }
        if stack.isEmpty {
            documentRoot = node
        } else {
            pending.append(node.index)
        }
        return true
    }

    /// Reports every key of a mapping (`items`: key and value alternately) that an earlier key repeats.
    mutating func reportDuplicateKeys(_ items: ArraySlice<Int32>) {
        let count = items.count / 2
        guard count > 1 else { return }
        let base = items.startIndex
        func key(_ index: Int) -> YAMLTree.NodeID { YAMLTree.NodeID(index: items[base + 2 * index]) }
        // Policy mappings hold a handful of keys: comparing each with the earlier ones beats building a table.
        if count <= 16 {
            for index in 1..<count where tree.kind(key(index)) == .scalar {
                guard let first = (0..<index).first(where: { tree.scalarsEqual(key($0), key(index)) }) else { continue }
                reportDuplicate(key(index), first: tree.location(key(first)))
            }
            return
        }
        var seen: [String: SourceMark] = [:]
        seen.reserveCapacity(count)
        for index in 0..<count where tree.kind(key(index)) == .scalar {
            let text = tree.text(key(index))
            if let first = seen[text] {
                reportDuplicate(key(index), first: first)
            } else {
                seen[text] = tree.location(key(index))
            }
        }
    }

    mutating func reportDuplicate(_ key: YAMLTree.NodeID, first: SourceMark) {
        let text = tree.text(key)
        diagnostics.emit(
            .duplicateKey, "duplicate key '\(text)'", at: tree.location(key),
            notes: [diagnostics.note("'\(text)' is first defined here", at: first)])
    }
}
