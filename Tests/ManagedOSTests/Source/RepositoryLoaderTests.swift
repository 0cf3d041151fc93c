import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Repository layout problems found while walking the folder: MOS501, MOS502 and MOS503.
@Suite struct RepositoryLoaderTests {
    static let cohort = """
        apiVersion: mosc/v1
        kind: Cohort
        name: macs
        platform: macOS
        osVersions: ">=14.0"

        """

    /// A fresh folder under the temporary directory; the caller removes it.
    static func makeFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mosc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Loads and validates `folder`, rendering the text format with the folder shown as `repo`.
    static func validate(_ folder: URL) throws -> (diagnostics: [Diagnostic], text: String) {
        let loaded = try RepositoryLoader().load(folder.path)
        let diagnostics = Compiler.validate(loaded, options: .testing).diagnostics
        let text = TextRenderer().render(diagnostics).replacingOccurrences(of: folder.path, with: "repo")
        return (diagnostics, text)
    }

    /// A repository whose `policies/shared.yaml` links to a file in another folder.
    static func symlinkOutside() throws -> (diagnostics: [Diagnostic], text: String) {
        let root = try makeFolder()
        let outside = try makeFolder()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        try Data(cohort.utf8).write(to: root.appendingPathComponent("cohorts.yaml"))
        try Data(cohort.utf8).write(to: outside.appendingPathComponent("shared.yaml"))
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("policies"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("policies/shared.yaml"),
            withDestinationURL: outside.appendingPathComponent("shared.yaml"))
        return try validate(root)
    }

    /// A repository holding a socket named like a policy file: it exists but cannot be opened for reading,
    /// even by root (file permissions would not stop root).
    static func unreadableFile() throws -> (diagnostics: [Diagnostic], text: String) {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(cohort.utf8).write(to: root.appendingPathComponent("cohorts.yaml"))
        try makeSocket(at: root.appendingPathComponent("socket.yaml").path)
        return try validate(root)
    }

    /// A repository whose only policy file lies in a folder 64 levels below the root.
    static func tooDeep() throws -> (diagnostics: [Diagnostic], text: String) {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var folder = root
        for _ in 0..<64 { folder = folder.appendingPathComponent("d") }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(cohort.utf8).write(to: folder.appendingPathComponent("cohorts.yaml"))
        return try validate(root)
    }

    /// An empty repository.
    static func emptyRepository() throws -> (diagnostics: [Diagnostic], text: String) {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        return try validate(root)
    }

    static func makeSocket(at path: String) throws {
        #if canImport(Glibc)
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SocketError.failed("socket") }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { throw SocketError.failed("path too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else { throw SocketError.failed("bind") }
    }

    enum SocketError: Error { case failed(String) }

    @Test func symlinkOutsideTheRepositoryIsSkippedWithAWarning() throws {
        let (diagnostics, _) = try Self.symlinkOutside()
        let problems = diagnostics.filter { $0.code != .unusedCohort }
        #expect(problems.map(\.code) == [.symlinkOutsideRepository])
        #expect(problems.first?.location?.file.hasSuffix("/policies/shared.yaml") == true)
        #expect(problems.first?.severity == .warning)
    }

    @Test func unreadableFileIsReported() throws {
        let (diagnostics, _) = try Self.unreadableFile()
        let problems = diagnostics.filter { $0.code != .unusedCohort }
        #expect(problems.map(\.code) == [.unreadableFile])
        #expect(problems.first?.location?.file.hasSuffix("/socket.yaml") == true)
    }

    @Test func emptyRepositoryHasNoPolicyFiles() throws {
        let (diagnostics, text) = try Self.emptyRepository()
        #expect(diagnostics.map(\.code) == [.noPolicyFiles])
        #expect(diagnostics.first?.severity == .warning)
        #expect(text.contains("repo: warning: "))
    }

    @Test func symlinkInsideTheRepositoryIsRead() throws {
        let root = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(Self.cohort.utf8).write(to: root.appendingPathComponent("cohorts.yaml"))
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("alias.yml"),
            withDestinationURL: root.appendingPathComponent("cohorts.yaml"))
        let loaded = try RepositoryLoader().load(root.path)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.files.count == 2)
    }

    /// A repository with Settings at its root, cohorts in `cohorts/` and a policy in `policies/` that names one.
    static func nestedRepository() throws -> URL {
        let root = try makeFolder()
        for folder in ["cohorts", "policies"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("apiVersion: mosc/v1\nkind: Settings\nidentifierPrefix: com.example\n".utf8).write(
            to: root.appendingPathComponent("settings.yaml"))
        try Data(cohort.utf8).write(to: root.appendingPathComponent("cohorts/macs.yaml"))
        let policy = """
            apiVersion: mosc/v1
            kind: ManagedOSPolicy
            name: macos-26
            platform: macOS
            target: {version: "26.6.2", build: "25G83"}
            deadline: "2027-01-12T18:00"
            cohorts: [macs, mac-egn]

            """
        try Data(policy.utf8).write(to: root.appendingPathComponent("policies/macos-26.yaml"))
        return root
    }

    @Test(arguments: ["policies", "policies/", "policies/macos-26.yaml"])
    func aFolderOrFileBelowTheRootIsReadWithTheRepository(_ named: String) throws {
        let root = try Self.nestedRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let loaded = try RepositoryLoader().load(root.appendingPathComponent(named).path)
        #expect(loaded.root == root.path)
        #expect(loaded.files.count == 3)
        let diagnostics = Compiler.validate(loaded, options: .testing).diagnostics
        // 'macs' exists in cohorts/: only the real typo is unknown, and nothing outside the named place shows.
        #expect(diagnostics.map(\.code) == [.unknownCohort], "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("'mac-egn'") == true)
    }

    /// The root is the nearest folder with a Settings document as the parser reads one, however it is spelt;
    /// a comment or another key naming Settings does not make one.
    @Test(arguments: [
        ("apiVersion: mosc/v1\nkind: \"Settings\"\n", true),
        ("{apiVersion: mosc/v1, kind: Settings}\n", true),
        ("apiVersion: mosc/v1\nkind: Settings  # the repository's defaults\n", true),
        ("# kind: Settings is elsewhere\napiVersion: mosc/v1\nkind: Cohort\nname: x\nplatform: macOS\n", false),
        ("apiVersion: mosc/v1\nkind: Cohort\nname: x\nplatform: macOS\ndescription: \"kind: Settings\"\n", false),
    ])
    func theRootIsWhereTheParserFindsSettings(_ text: String, _ isRoot: Bool) throws {
        let root = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let policies = root.appendingPathComponent("policies")
        try FileManager.default.createDirectory(at: policies, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: root.appendingPathComponent("settings.yaml"))
        try Data(Self.cohort.utf8).write(to: policies.appendingPathComponent("cohort.yaml"))
        let loaded = try RepositoryLoader().load(policies.path)
        #expect((loaded.root == root.path) == isRoot, "\(loaded.root)")
    }

    @Test func compilingANamedFolderReportsTheWholeRepository() throws {
        let root = try Self.nestedRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("apiVersion: mosc/v1\nkind: Cohort\nname: Bad_Name\nplatform: macOS\n".utf8).write(
            to: root.appendingPathComponent("cohorts/bad.yaml"))
        let policy = root.appendingPathComponent("policies/macos-26.yaml")
        try Data(try String(contentsOf: policy, encoding: .utf8).replacingOccurrences(of: ", mac-egn", with: "").utf8)
            .write(to: policy)
        let loaded = try RepositoryLoader().load(root.appendingPathComponent("policies").path)
        let out = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = Compiler.compile(loaded, options: .testing, stagingFor: out.appendingPathComponent("out").path)
        #expect(result.staged == nil)
        #expect(result.diagnostics.contains { $0.code == .invalidName }, "\(result.diagnostics)")
    }

    /// Files 63 folders deep are read; a folder at level 64 is reported (MOS504) rather than skipped in silence.
    @Test func aFolderDeeperThanTheBoundIsAnError() throws {
        let (diagnostics, text) = try Self.tooDeep()
        #expect(diagnostics.filter { $0.code != .noPolicyFiles }.map(\.code) == [.folderTooDeep])
        #expect(diagnostics.first { $0.code == .folderTooDeep }?.severity == .error)
        #expect(text.contains("mosc reads at most 63"))

        let root = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var folder = root
        for _ in 0..<63 { folder = folder.appendingPathComponent("d") }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.cohort.utf8).write(to: folder.appendingPathComponent("cohorts.yaml"))
        let loaded = try RepositoryLoader().load(root.path)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.files.count == 1)
    }

    /// A link named like a policy file that leads nowhere or loops is an error, not a silent skip.
    @Test func danglingAndLoopingLinksAreErrors() throws {
        let root = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(Self.cohort.utf8).write(to: root.appendingPathComponent("cohorts.yaml"))
        let fm = FileManager.default
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("renamed.yaml").path, withDestinationPath: "gone.yaml")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a.yml").path, withDestinationPath: "b.yml")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("b.yml").path, withDestinationPath: "a.yml")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("notes").path, withDestinationPath: "gone")
        let (diagnostics, text) = try Self.validate(root)
        let problems = diagnostics.filter { $0.code != .unusedCohort }
        #expect(problems.map(\.code) == [.unreadableFile, .unreadableFile, .unreadableFile])
        #expect(problems.allSatisfy { $0.severity == .error })
        #expect(text.contains("repo/renamed.yaml: error: cannot read file: symbolic link leads nowhere"))
        #expect(text.contains("repo/a.yml: error: cannot read file: symbolic link loops"))
    }

    /// FIFOs, sockets and devices named like policy files, or linked under such names, are MOS501 and never
    /// waited on; so is a named non-policy FIFO or device.
    @Test func onlyRegularFilesAreRead() throws {
        let root = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(Self.cohort.utf8).write(to: root.appendingPathComponent("cohorts.yaml"))
        #expect(mkfifo(root.appendingPathComponent("fifo.yaml").path, 0o644) == 0)
        #expect(mkfifo(root.appendingPathComponent("other.fifo").path, 0o644) == 0)
        try Self.makeSocket(at: root.appendingPathComponent("socket.yml").path)
        let fm = FileManager.default
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("null.yaml").path, withDestinationPath: "/dev/null")
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("zero.yaml").path, withDestinationPath: "/dev/zero")
        let (diagnostics, text) = try Self.validate(root)
        let problems = diagnostics.filter { $0.code != .unusedCohort }
        #expect(problems.map(\.code) == Array(repeating: .unreadableFile, count: 4))
        for line in [
            "repo/fifo.yaml: error: cannot read file: it is a FIFO, not a regular file",
            "repo/socket.yml: error: cannot read file: it is a socket, not a regular file",
            "repo/null.yaml: error: cannot read file: it is a character device, not a regular file",
            "repo/zero.yaml: error: cannot read file: it is a character device, not a regular file",
        ] {
            #expect(text.contains(line), "\(text)")
        }
        for named in ["fifo.yaml", "other.fifo"] {
            let loaded = try RepositoryLoader().load(root.appendingPathComponent(named).path)
            let result = Compiler.validate(loaded, options: .testing)
            #expect(result.diagnostics.map(\.code) == [.unreadableFile], "\(named)")
        }
        let device = try RepositoryLoader().load("/dev/null")
        #expect(device.diagnostics.contains { $0.code == .unreadableFile && $0.location?.file == "/dev/null" })
    }

    /// `.YAML` and `.Yml` are policy files too.
    @Test func extensionsInAnyCaseAreRead() throws {
        let root = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(Self.cohort.utf8).write(to: root.appendingPathComponent("A.YAML"))
        try Data(Self.cohort.replacingOccurrences(of: "macs", with: "b").utf8).write(
            to: root.appendingPathComponent("b.Yml"))
        try Data("not yaml".utf8).write(to: root.appendingPathComponent("c.yamlx"))
        let loaded = try RepositoryLoader().load(root.path)
        #expect(loaded.files.map { ($0.path as NSString).lastPathComponent } == ["A.YAML", "b.Yml"])
    }

    /// A name that is not UTF-8 is opened by its bytes and shown with the stray byte escaped.
    @Test func nonUTF8NamesAreReadAndShownEscaped() throws {
        let root = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array("\\x.yaml".utf8)
        let path = Array(root.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(fd >= 0)
        let text = Self.cohort + "colour: red\n"
        _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let (diagnostics, rendered) = try Self.validate(root)
        #expect(diagnostics.map(\.code).contains(.unknownKey), "the file was read: \(rendered)")
        #expect(rendered.contains("repo/caf\\xE9\\\\x.yaml:6:1: error: unknown key 'colour'"), "\(rendered)")
    }
}
