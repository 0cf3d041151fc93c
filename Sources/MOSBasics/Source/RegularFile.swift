import Foundation

/// Reads regular files only. A FIFO, socket or device named like a policy file would otherwise block in
/// `open(2)` forever (a FIFO), read as empty (a null device) or read until the size limit (a zero device): the
/// file is opened without blocking and refused unless `fstat` says it is a regular file.
package enum RegularFile {
    /// Why a path cannot be read as a regular file.
    package struct Refusal: Error, Sendable, Equatable {
        /// A lowercase phrase for a diagnostic, e.g. "it is a FIFO, not a regular file".
        package var reason: String
    }

    /// The kind of a file that is not regular, for messages ("a FIFO", "a socket").
    static func kindName(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }

    /// Opens `path` (raw bytes, NUL-terminated by the caller's string) for reading, never waiting: refused unless
    /// it is a regular file. Returns the descriptor, which the caller closes, and the file's size.
    /// A relative `path` is looked up in the open folder `folder` (the current one by default).
    package static func open(_ path: UnsafePointer<CChar>, in folder: Int32 = AT_FDCWD)
        -> Result<(fd: Int32, size: Int), Refusal>
    {
        let fd = openat(folder, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return .failure(Refusal(reason: String(cString: strerror(errno)).lowercased())) }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            close(fd)
            return .failure(Refusal(reason: reason))
        }
        if let kind = kindName(status.st_mode) {
            close(fd)
            return .failure(Refusal(reason: "it is \(kind), not a regular file"))
        }
        return .success((fd, Int(status.st_size)))
    }

    /// Reads at most `limit` bytes of the regular file at `path` (raw bytes, no NUL).
    package static func read(rawPath path: [UInt8], limit: Int) -> Result<[UInt8], Refusal> {
        read(in: AT_FDCWD, name: path, limit: limit)
    }

    /// Reads at most `limit` bytes of the regular file `name` (raw bytes, no NUL; a path relative to `folder`)
    /// in the open folder `folder`.
    package static func read(in folder: Int32, name path: [UInt8], limit: Int) -> Result<[UInt8], Refusal> {
        let opened = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters -> Result<(fd: Int32, size: Int), Refusal> in
                guard let base = characters.baseAddress else { return .failure(Refusal(reason: "empty path")) }
                return open(base, in: folder)
            }
        }
        switch opened {
        case .failure(let refusal): return .failure(refusal)
        case .success(let file):
            defer { close(file.fd) }
            // The size `open` saw: a second fstat per file was a measurable part of loading 5,000 policies.
            return read(file.fd, expectedSize: file.size, limit: limit)
        }
    }

    /// Reads at most `limit` bytes of the regular file at `path`.
    package static func read(_ path: String, limit: Int) -> Result<[UInt8], Refusal> {
        read(rawPath: Array(path.utf8), limit: limit)
    }

    /// Reads at most `limit` bytes from an open regular file of about `expectedSize` bytes (a guess: the file
    /// may have changed since).
    package static func read(_ fd: Int32, expectedSize: Int, limit: Int) -> Result<[UInt8], Refusal> {
        let expected = min(max(expectedSize, 0), limit)
        // The file's size plus one byte, so the read that finds the end needs no second buffer (and a whole
        // repository of small files is held at its own size, not at a page per file).
        var bytes = [UInt8](repeating: 0, count: min(expected + 1, limit))
        var count = 0
        while count < limit {
            if count == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: min(max(bytes.count, 1), limit - count)))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(fd, buffer.baseAddress.map { $0 + count }, min(buffer.count, limit) - count)
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return .failure(Refusal(reason: String(cString: strerror(errno)).lowercased())) }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }
}
