import ManagedOS

/// Options fixed once: the pinned `now` of the examples, default bounds.
private let options = CompilerOptions(now: Instant(unixSeconds: 1_795_608_000))

/// libFuzzer's entry point: any bytes as a policy file, through the whole pipeline (nothing is written to disk).
/// The input is also split at NUL bytes into several files, so cross-file references get exercised.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parts = bytes.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
    let files = parts.enumerated().map { index, part in
        SourceFile(path: "repo/file\(index).yaml", contents: Array(part))
    }
    let result = Compiler.compile(root: "repo", files: files, options: options)
    if let output = result.output {
        // Touch what the writer would write, so emit-side work is not optimised away.
        precondition(output.tree.files["manifest.json"] != nil)
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's entry point as `<Target>_main`; hand control to libFuzzer's driver from there.
@_cdecl("MoscFuzz_main")
public func moscFuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzz)
}
