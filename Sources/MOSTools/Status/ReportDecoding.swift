import Foundation
import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// Turns a report's bytes into a `ReportValue`: JSON, or an XML property list (what MDM servers receive).
enum ReportDecoding {
    /// Why bytes could not be read as a report.
    package enum Failure: Error, Equatable {
        case empty
        case binaryPropertyList
        case tooDeep(Int)
        case notJSON(String)
        case notPropertyList(String)

        package var message: String {
            switch self {
            case .empty: "the report is empty"
            case .binaryPropertyList: "binary property lists are not read; convert with 'plutil -convert xml1'"
            case .tooDeep(let limit): "the report nests deeper than \(limit) levels"
            case .notJSON(let why): "the report is not valid JSON: \(why)"
            case .notPropertyList(let why): "the report is not a valid XML property list: \(why)"
            }
        }
    }

    /// Decodes `bytes`, choosing the format from the first non-blank byte (`<` means a property list).
    package static func decode(_ bytes: [UInt8], maxDepth: Int) -> Result<ReportValue, Failure> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: Array("bplist".utf8)) { return .failure(.binaryPropertyList) }
        guard let first = body.first(where: { !isBlank($0) }) else { return .failure(.empty) }
        let isPropertyList = first == UInt8(ascii: "<")
        // Foundation's parsers recurse; refuse deep nesting before they see it.
        let depth = isPropertyList ? propertyListDepth(body) : jsonDepth(body)
        if depth > maxDepth { return .failure(.tooDeep(maxDepth)) }
        let data = Data(body)
        do {
            if isPropertyList {
                return .success(try PropertyListDecoder().decode(ReportValue.self, from: data))
            }
            return .success(try JSONDecoder().decode(ReportValue.self, from: data))
        } catch {
            let why = describe(error)
            return .failure(isPropertyList ? .notPropertyList(why) : .notJSON(why))
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The deepest bracket nesting outside strings; a scan, no recursion.
    static func jsonDepth(_ bytes: ArraySlice<UInt8>) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// The deepest `<array>`/`<dict>` nesting of an XML property list, counted from its tags.
    static func propertyListDepth(_ bytes: ArraySlice<UInt8>) -> Int {
        let text = String(decoding: bytes, as: UTF8.self)
        var depth = 0
        var deepest = 0
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close]
            if tag == "array" || tag == "dict" || tag.hasPrefix("array ") || tag.hasPrefix("dict ") {
                depth += 1
                deepest = max(deepest, depth)
            } else if tag == "/array" || tag == "/dict" {
                depth -= 1
            }
            rest = rest[rest.index(after: close)...]
        }
        return deepest
    }

    /// A short, single-line description of a decoding error.
    private static func describe(_ error: any Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .dataCorrupted(let context):
                let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return oneLine(underlying ?? context.debugDescription)
            default:
                return "unexpected shape"
            }
        }
        return oneLine("\(error)")
    }

    private static func oneLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        // House style for messages: lowercase start, no trailing period (Foundation's texts end in one).
        var lowered = line.prefix(1).lowercased() + line.dropFirst()
        while lowered.hasSuffix(".") { lowered.removeLast() }
        return String(lowered.prefix(160))
    }
}
