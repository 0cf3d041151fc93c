import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// Typed reads of a report's values; a value of the wrong type is reported (MOS703) and read as absent.
struct ReportReader {
    /// The report file, for diagnostics.
    package var file: String
    /// What was found wrong so far.
    package var diagnostics: [Diagnostic] = []

    package mutating func wrongType(_ path: String, expected: String, found value: ReportValue) {
        diagnostics.append(
            Diagnostic(
                .invalidReportValue, "'\(path)' is \(value.kindName); expected \(expected)",
                at: SourceLocation(file: file)))
    }

    package mutating func string(_ value: ReportValue?, _ path: String) -> String? {
        guard let value else { return nil }
        if let string = value.string { return string }
        wrongType(path, expected: "a string", found: value)
        return nil
    }

    package mutating func bool(_ value: ReportValue?, _ path: String) -> Bool? {
        guard let value else { return nil }
        if let bool = value.bool { return bool }
        wrongType(path, expected: "a boolean", found: value)
        return nil
    }

    package mutating func integer(_ value: ReportValue?, _ path: String) -> Int64? {
        guard let value else { return nil }
        if let integer = value.integer { return integer }
        wrongType(path, expected: "an integer", found: value)
        return nil
    }

    package mutating func number(_ value: ReportValue?, _ path: String) -> Double? {
        guard let value else { return nil }
        if let number = value.number { return number }
        wrongType(path, expected: "a number", found: value)
        return nil
    }

    package mutating func dictionary(_ value: ReportValue?, _ path: String) -> [String: ReportValue]? {
        guard let value else { return nil }
        if let dictionary = value.dictionary { return dictionary }
        wrongType(path, expected: "a dictionary", found: value)
        return nil
    }

    package mutating func array(_ value: ReportValue?, _ path: String) -> [ReportValue]? {
        guard let value else { return nil }
        if let array = value.array { return array }
        wrongType(path, expected: "an array", found: value)
        return nil
    }

    /// A required key: absent is reported like a wrong type.
    package mutating func required<T>(
        _ dictionary: [String: ReportValue], _ key: String, _ path: String,
        _ read: (inout ReportReader, ReportValue?, String) -> T?
    ) -> T? {
        guard let value = dictionary[key] else {
            diagnostics.append(
                Diagnostic(.invalidReportValue, "'\(path).\(key)' is missing", at: SourceLocation(file: file)))
            return nil
        }
        return read(&self, value, "\(path).\(key)")
    }
}
