import Testing
@testable import MyoTwitch

/// The one-pass row reader (`RowFormat.readFast`) must decide every line as the careful reader
/// does. Fed one byte at a time the decoder never has a whole line in a chunk, so only the careful
/// reader runs; fed whole, the fast one reads every plain line. Both runs must agree bit for bit.
@Suite struct FastRowTests {
    /// A file dialect: delimiter, decimal separator, time column style, and an ignored column.
    struct Dialect: CustomTestStringConvertible, Sendable {
        var name: String
        var delimiter: String
        var decimalComma: Bool
        var time: TimeStyle
        var labelColumn: Bool
        var testDescription: String { name }
        enum TimeStyle: Sendable { case none, seconds, milliseconds }
    }

    static let dialects = [
        Dialect(name: "comma, seconds", delimiter: ",", decimalComma: false, time: .seconds, labelColumn: false),
        Dialect(name: "comma, integer ms, label column", delimiter: ",", decimalComma: false, time: .milliseconds, labelColumn: true),
        Dialect(name: "semicolon, decimal comma", delimiter: ";", decimalComma: true, time: .seconds, labelColumn: false),
        Dialect(name: "tab, no time", delimiter: "\t", decimalComma: false, time: .none, labelColumn: false),
    ]

    @Test(arguments: dialects)
    func fastAndCarefulReadersAgree(dialect: Dialect) throws {
        var random = SimulationRandom(seed: 77)
        var text = dialect.time == .none ? "" : "time\(dialect.delimiter)"
        text += ["a", "b"].joined(separator: dialect.delimiter)
        if dialect.labelColumn { text += "\(dialect.delimiter)label" }
        text += "\n"
        for i in 0..<6000 {
            var fields: [String] = []
            switch dialect.time {
            case .none: break
            case .seconds: fields.append(Self.decimal(Double(i) / 1000, dialect))
            case .milliseconds:
                // A decimal time now and then after integer ones: the careful reader's case.
                fields.append(i % 997 == 500 ? "\(i).0" : "\(i)")
            }
            fields.append(Self.number(i, &random, dialect))
            fields.append(Self.number(i + 1, &random, dialect))
            if dialect.labelColumn { fields.append(["x", "", "run 2", "7"][Int(random.next() % 4)]) }
            var line = fields.joined(separator: dialect.delimiter)
            switch random.next() % 50 {
            case 0: line = ""                                   // a blank line
            case 1: line = "# a marker"                         // a comment
            case 2: line += dialect.delimiter + "1"             // one field too many
            case 3: line = fields.dropLast().joined(separator: dialect.delimiter)
            default: break
            }
            text += line + (random.next() % 3 == 0 ? "\r\n" : "\n")
        }
        let lenient = DecoderOptions(sampleRateHz: dialect.time == .none ? 1000 : nil, strict: false)
        let fast = try Decoded.decode(text, options: lenient)
        let careful = try Decoded.decode(text, chunk: 1, options: lenient)
        #expect(fast.layout == careful.layout)
        #expect(fast.gaps == careful.gaps)
        #expect(fast.warnings == careful.warnings)
        #expect(fast.columns.map { $0.map(\.bitPattern) } == careful.columns.map { $0.map(\.bitPattern) })
        #expect(fast.columns.first?.count ?? 0 > 4500)
        #expect(fast.warnings.count > 100, "malformed lines were generated and must be reported")
    }

    /// A cell in one of many spellings: plain, signed, exponents, leading zeros, negative zero,
    /// bare points, long mantissas and huge exponents (the strtod path), and now and then
    /// something the fast reader must leave alone (spaces, quotes, empty, text).
    static func number(_ i: Int, _ random: inout SimulationRandom, _ d: Dialect) -> String {
        let v = Double(Int(random.next() % 2_000_001) - 1_000_000) / 1000
        let point = d.decimalComma ? "," : "."
        switch random.next() % 24 {
        case 0: return "\(Int(v))"
        case 1: return "+\(Int(v))"
        case 2: return "-0"
        case 3: return "-0\(point)0"
        case 4: return "\(point)5"
        case 5: return "5\(point)"
        case 6: return "1\(point)5e-3"
        case 7: return "2\(point)25E+02"
        case 8: return "007\(point)50"
        case 9: return "0\(point)000000000000000000000123"
        case 10: return "1234567890123456789012345"
        case 11: return "9007199254740993"
        case 12: return "1e30"
        case 13: return "3e-25"
        case 14: return " \(i)"
        case 15: return "\"\(i)\""
        case 16: return i % 5 == 0 ? "" : "\(i)"
        case 17: return i % 7 == 0 ? "abc" : "\(i)"
        case 18: return "12345678901234567\(point)89"
        case 19: return "1e"
        // 2^64 + 5: twenty digits that wrap to 5 in a 64-bit mantissa.
        case 20: return ["0000000000000000000012", "1234567890123456789", "9007199254740992",
                         "18446744073709551621"][i % 4]
        case 21: return "-0\(point)\(String(repeating: "0", count: i % 24))7"
        default: return Self.decimal(v, d)
        }
    }

    static func decimal(_ v: Double, _ d: Dialect) -> String {
        let s = "\(v)"
        return d.decimalComma ? s.replacingOccurrences(of: ".", with: ",") : s
    }
}
