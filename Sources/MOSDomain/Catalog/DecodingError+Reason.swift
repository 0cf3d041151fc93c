import Foundation

extension DecodingError {
    /// One line for a person: where in the JSON the problem is (`OSVersions[0].SecurityReleases[2].Build`) and
    /// what was expected there, instead of Swift's dump of the error and its coding keys. `data` is what was
    /// decoded, read again only to say where text that is not JSON goes wrong.
    func reason(decoding data: Data) -> String {
        switch self {
        case .typeMismatch(let type, let context):
            return "\(Self.place(context.codingPath)): expected \(Self.kind(type))"
        case .valueNotFound(let type, let context):
            return "\(Self.place(context.codingPath)): expected \(Self.kind(type)), found null"
        case .keyNotFound(let key, let context):
            let within = context.codingPath.isEmpty ? "at the top level" : "in \(Self.path(context.codingPath))"
            return "missing key '\(key.stringValue)' \(within)"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            // JSONDecoder on Linux drops the parser's position; JSONSerialization says "around character 17".
            var position: String?
            do { _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
                position = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            }
            return "not JSON: \(Self.sentence(position ?? context.debugDescription))"
        case .dataCorrupted(let context):
            return "\(Self.place(context.codingPath)): \(Self.sentence(context.debugDescription))"
        @unknown default:
            return Self.sentence(String(describing: self))
        }
    }

    /// `at OSVersions[0].Build`, or `at the top level`.
    private static func place(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "at the top level" : "at \(path(codingPath))"
    }

    /// A JSON path: keys joined by dots, array positions in brackets.
    private static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    /// What a JSON value of the Swift type looks like.
    private static func kind(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String", "Substring": return "a string"
        case "Bool": return "true or false"
        case _ where name.hasPrefix("Int") || name.hasPrefix("UInt") || name == "Double" || name == "Float":
            return "a number"
        case _ where name.hasPrefix("Array"):
            return "an array"
        case _ where name.hasPrefix("Dictionary"):
            return "an object"
        default: return "a value of type \(name)"
        }
    }

    /// House style for messages: one line, lowercase start, no trailing period (Foundation's texts end in one).
    private static func sentence(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        var result = line.prefix(1).lowercased() + line.dropFirst()
        while result.hasSuffix(".") { result.removeLast() }
        return String(result.prefix(200))
    }
}
