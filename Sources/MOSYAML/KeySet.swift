import MOSBasics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The keys a mapping may hold, with their bytes laid out once: matching a scalar key against them is a few
/// length compares and one `memcmp`, with no `String` built or retained per key. A class: every mapping read keeps
/// its key set, and as a struct each kept copy counted a reference to each of its three arrays.
public final class KeySet: Sendable, ExpressibleByArrayLiteral {
    /// The keys, in the order given.
    public let names: [String]
    @usableFromInline let bytes: [UInt8]
    @usableFromInline let ranges: [Range<Int>]

    /// Creates a set of keys.
    public init(_ names: [String]) {
        self.names = names
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for name in names {
            let start = bytes.count
            bytes += name.utf8
            ranges.append(start..<bytes.count)
        }
        self.bytes = bytes
        self.ranges = ranges
    }

    /// Creates a set of keys from a literal list.
    public convenience init(arrayLiteral names: String...) {
        self.init(names)
    }

    /// The position of the first key spelled with exactly these bytes.
    @inlinable package func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { own in
            ranges.firstIndex { UnsafeBufferPointer(rebasing: own[$0]).hasSameBytes(as: key) }
        }
    }

    /// The position of `name` (the readers ask for keys they listed, so a length compare settles most).
    @inlinable package func index(of name: String) -> Int? {
        let count = name.utf8.count
        for (index, range) in ranges.enumerated() where range.count == count && names[index] == name {
            return index
        }
        return nil
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether both hold the same bytes: a length compare, then one `memcmp`.
    @usableFromInline package func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard let base = baseAddress, let otherBase = other.baseAddress else { return true }  // both empty
        return memcmp(base, otherBase, count) == 0
    }
}
