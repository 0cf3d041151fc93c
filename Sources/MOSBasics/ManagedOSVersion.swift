/// The version of mosc, recorded in every manifest it writes.
public enum ManagedOSVersion {
    /// The current version string.
    public static let current = "0.1.0"
}
