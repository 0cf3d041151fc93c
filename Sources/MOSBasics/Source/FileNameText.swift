/// How a file name the file system holds as bytes is shown in diagnostics.
enum FileNameText {
    /// The name as text: UTF-8 names as they are; in any other name each byte that is not part of valid UTF-8
    /// is written `\xHH` and a backslash `\\`, so the shown name is lossless and tells the bytes apart.
    static func shown(_ name: [UInt8]) -> String {
        if let text = String(validating: name, as: UTF8.self) { return text }
        var shown = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = name.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                shown += scalar == "\\" ? "\\\\" : String(scalar)
                offset += encoded.count
            case .error(let length):
                for byte in name[offset..<offset + length] {
                    shown += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
                }
                offset += length
            case .emptyInput:
                return shown
            }
        }
    }
}
