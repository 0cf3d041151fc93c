import MOSOutput

extension JSONValue {
    /// Converts a settings value to JSON.
    package init(_ setting: SettingValue) {
        switch setting {
        case .bool(let value): self = .bool(value)
        case .integer(let value): self = .integer(value)
        case .string(let value): self = .string(value)
        case .array(let values): self = .array(values.map(JSONValue.init))
        case .object(let object): self = .object(object.mapValues(JSONValue.init))
        }
    }
}
