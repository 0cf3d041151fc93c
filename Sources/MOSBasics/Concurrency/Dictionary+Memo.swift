extension Dictionary {
    /// The value for `key`, computed by `make` and kept the first time it is asked for: rules ask the same question
    /// of thousands of policies that share a handful of answers.
    @inlinable package mutating func memo(_ key: Key, _ make: () -> Value) -> Value {
        if let known = self[key] { return known }
        let value = make()
        self[key] = value
        return value
    }
}
