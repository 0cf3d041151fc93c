import MOSBasics
public import MOSDomain
import MOSOutput
import MOSYAML

/// What `target.version` asks for: one version, the newest release, or the newest release of one major.
public enum TargetRequest: Sendable, Hashable, CustomStringConvertible {
    /// A version written out, `major.minor[.patch]`.
    case version(OSVersion)
    /// `latest`: the platform's newest release in the catalog.
    case latest
    /// `latest-<major>`, e.g. `latest-15`: the newest release of that major.
    case latestOfMajor(Int)
    /// A Background Security Improvement as admins write it, `26.3.1 (a)` or `26.3.1(a)`: its base version
    /// and its letter.
    case securityImprovement(OSVersion, letter: String)

    /// Reads `latest`, `latest-<major>`, `major.minor[.patch]` (the minor must be written) or such a version
    /// followed by a Background Security Improvement letter in parentheses (`26.3.1 (a)`).
    /// - Returns: nil for anything else.
    public init?(_ text: String) {
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let letter = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            var base = text[..<open]
            if base.hasSuffix(" ") { base = base.dropLast() }
            guard SecurityImprovement.isValidLetter(letter), case .version(let version)? = Self(String(base)) else {
                return nil
            }
            self = .securityImprovement(version, letter: letter)
            return
        }
        if text == "latest" {
            self = .latest
        } else if text.hasPrefix("latest-") {
            let digits = text.dropFirst("latest-".count)
            guard (1...6).contains(digits.utf8.count), digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                digits == "0" || digits.first != "0", let major = Int(digits)
            else { return nil }
            self = .latestOfMajor(major)
        } else {
            guard text.split(separator: ".", omittingEmptySubsequences: false).count >= 2,
                let version = OSVersion(text)
            else { return nil }
            self = .version(version)
        }
    }

    /// Whether the catalog decides the version (`latest`, `latest-<major>`).
    public var isLatest: Bool {
        switch self {
        case .latest, .latestOfMajor: true
        case .version, .securityImprovement: false
        }
    }

    /// The request as written: `15.7.9`, `latest` or `latest-15`.
    public var description: String {
        switch self {
        case .version(let version): version.description
        case .latest: "latest"
        case .latestOfMajor(let major): "latest-\(major)"
        case .securityImprovement(let version, let letter): "\(version) (\(letter))"
        }
    }

    /// The OS major the request stays on; nil for `latest`, which follows the newest major.
    public var major: Int? {
        switch self {
        case .version(let version): version.major
        case .latest: nil
        case .latestOfMajor(let major): major
        case .securityImprovement(let version, _): version.major
        }
    }

    /// The base version and letter of a Background Security Improvement target; nil for other forms.
    public var securityImprovement: (base: OSVersion, letter: String)? {
        if case .securityImprovement(let version, let letter) = self { return (version, letter) }
        return nil
    }
}
