import MOSBasics
import MOSYAML

/// A device platform a policy targets; iPadOS is separate here but shares iOS's rows in Apple's schema.
public enum Platform: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case macOS
    case iOS
    case iPadOS
    case tvOS
    case visionOS

    /// The OS name Apple's schema uses in `supportedOS`: iPadOS is listed as iOS.
    public var schemaName: String { schemaOS.rawValue }

    /// The schema's OS row for this platform.
    public var schemaOS: SchemaOS {
        switch self {
        case .macOS: return .macOS
        case .iOS, .iPadOS: return .iOS
        case .tvOS: return .tvOS
        case .visionOS: return .visionOS
        }
    }

    /// The platform's name as Apple writes it.
    public var description: String { rawValue }

    /// Its slot, from 0, in per-platform tables (found without hashing); every case has its own, and the slots
    /// have no gaps (a test holds both).
    package var position: Int {
        switch self {
        case .macOS: 0
        case .iOS: 1
        case .iPadOS: 2
        case .tvOS: 3
        case .visionOS: 4
        }
    }
}

/// An OS row of `supportedOS` in Apple's schema, including watchOS, which mosc doesn't target.
public enum SchemaOS: String, Sendable, Hashable, Codable, CaseIterable {
    case iOS
    case macOS
    case tvOS
    case visionOS
    case watchOS
}
