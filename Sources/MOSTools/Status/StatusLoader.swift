import Foundation
public import MOSBasics
public import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// Reads what `mosc status` needs from disk besides the compiled side (which `CompiledSideLoader` loads): the
/// devices list and the report files.
public struct StatusLoader: Sendable {
    /// The bounds on what is read.
    public var limits: StatusLimits
    /// The deepest folder level searched for reports.
    public var maxFolderDepth = 16

    /// A loader with the given bounds.
    public init(limits: StatusLimits = .defaults) {
        self.limits = limits
    }

    /// Reads a file, at most one byte past `limit` (so the caller can tell it is too large).
    public func readFile(_ path: String, limit: Int) throws(CompilerError) -> SourceFile {
        SourceFile(path: path, contents: try read(path, limit: limit))
    }

    /// The report files named: files as given, folders searched for `*.json` and `*.plist` (hidden ones
    /// skipped), sorted. A missing path throws; unreadable files and going over the count limit are diagnostics.
    public func loadReports(_ paths: [String]) throws(CompilerError) -> (files: [SourceFile], diagnostics: [Diagnostic])
    {
        var found: [String] = []
        var diagnostics: [Diagnostic] = []
        let fm = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isFolder) else { throw .pathNotFound(path) }
            guard isFolder.boolValue else {
                found.append(path)
                continue
            }
            let root = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
            var pending: [(String, Int)] = [(root, 0)]
            while let (folder, depth) = pending.popLast() {
                guard let names = try? fm.contentsOfDirectory(atPath: folder) else {
                    diagnostics.append(Diagnostic(.unreadableReport, "cannot read folder", at: .init(file: folder)))
                    continue
                }
                for name in names.sorted() where !name.hasPrefix(".") {
                    let child = "\(folder)/\(name)"
                    var childIsFolder: ObjCBool = false
                    guard fm.fileExists(atPath: child, isDirectory: &childIsFolder) else { continue }
                    if childIsFolder.boolValue {
                        if depth + 1 < maxFolderDepth { pending.append((child, depth + 1)) }
                    } else if name.hasSuffix(".json") || name.hasSuffix(".plist") {
                        found.append(child)
                    }
                }
            }
        }
        found = Array(Set(found)).sorted()
        if found.count > limits.maxReports {
            diagnostics.append(
                Diagnostic(
                    .tooManyReports, "\(found.count) report files; only the first \(limits.maxReports) are read",
                    at: .init(file: found[limits.maxReports])))
            found = Array(found.prefix(limits.maxReports))
        }
        var files: [SourceFile] = []
        for path in found {
            do {
                files.append(try readFile(path, limit: limits.maxReportBytes))
            } catch {
                diagnostics.append(Diagnostic(.unreadableReport, "cannot read the report", at: .init(file: path)))
            }
        }
        return (files, diagnostics)
    }

    private func read(_ path: String, limit: Int) throws(CompilerError) -> [UInt8] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .pathNotFound(path) }
        guard !isFolder.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path, "not a readable file")
        }
        defer { try? handle.close() }
        do {
            return [UInt8](try handle.read(upToCount: limit + 1) ?? Data())
        } catch {
            throw .unreadable(path, error.localizedDescription)
        }
    }
}
