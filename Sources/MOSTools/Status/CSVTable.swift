import MOSBasics
import MOSCompiler
import MOSDomain
import MOSOutput
import MOSYAML

/// RFC 4180 CSV: fields split at commas, records at CRLF or LF; a field in double quotes may hold commas,
/// line breaks and doubled quotes. A leading UTF-8 byte order mark is skipped. Blank lines are dropped.
struct CSVTable: Sendable, Hashable {
    /// One record and the line it starts on (1-based).
    struct Record: Sendable, Hashable {
        package var line: Int
        package var fields: [String]
    }

    /// A malformed record: where, and what is wrong.
    package struct Problem: Sendable, Hashable {
        package var line: Int
        package var column: Int
        package var message: String
    }

    /// The records in order.
    var records: [Record] = []
    /// What could not be read; the record holding a problem is dropped.
    package var problems: [Problem] = []

    /// Parses `bytes` (UTF-8).
    init(_ bytes: [UInt8]) {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var column = 1
        var fields: [String] = []
        var field: [UInt8] = []
        var recordLine = 1
        var recordProblem: Problem?
        var inQuotes = false
        var quoteLine = 1
        var afterQuote = false  // a quoted field ended; only a comma or a line break may follow

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field = []
            afterQuote = false
        }
        func endRecord() {
            endField()
            if let problem = recordProblem {
                problems.append(problem)
            } else if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            recordProblem = nil
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                        column += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    field.append(byte)
                }
                if byte == 0x0A {
                    line += 1
                    column = 0
                }
                column += 1
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                endField()
            case 0x0D where index < bytes.count && bytes[index] == 0x0A:
                break  // the LF ends the record
            case 0x0A, 0x0D:
                endRecord()
                line += 1
                column = 0
                recordLine = line
            case UInt8(ascii: "\"") where field.isEmpty && !afterQuote:
                inQuotes = true
                quoteLine = line
            default:
                if recordProblem == nil, afterQuote || byte == UInt8(ascii: "\"") {
                    let what = afterQuote ? "text after a closing quote" : "a quote inside an unquoted field"
                    recordProblem = Problem(line: line, column: column, message: "\(what); quote the whole field")
                }
                field.append(byte)
            }
            column += 1
        }
        if inQuotes {
            recordProblem =
                recordProblem ?? Problem(line: quoteLine, column: 0, message: "a quoted field is never closed")
        }
        if !fields.isEmpty || !field.isEmpty || recordProblem != nil || afterQuote { endRecord() }
    }
}
