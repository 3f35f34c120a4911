import Foundation
import Testing
@testable import MyoTwitch

@Suite struct FloatParserTests {
    static func parse(_ s: String, comma: Bool = false) -> Double? {
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBufferPointer { FloatParser.parse($0.baseAddress!, 0, $0.count, decimalComma: comma) }
    }

    @Test(arguments: [
        "0", "-0", "1", "-1", ".5", "5.", "+3", "1E-3", "1e308", "-1e308", "4.9e-324", "2.2250738585072014e-308",
        "0.1", "0.30000000000000004", "123456789012345678901234567890", "9007199254740993",
        "1.7976931348623157e308", "3.141592653589793238462643383279", "0.000001234", "1e-400", "00012.5000",
    ])
    func matchesSwiftsCorrectlyRoundedParser(text: String) {
        let expected = Double(text)!
        let parsed = Self.parse(text)
        #expect(parsed?.bitPattern == expected.bitPattern, "\(text)")
    }

    @Test(arguments: ["", "-", "+", ".", "e5", "1e", "1e+", "nan", "inf", "-inf", "0x1p3", "1.2.3", "12a", " 1", "1,5", "1e999"])
    func rejectsWhatIsNotAFiniteDecimal(text: String) {
        #expect(Self.parse(text) == nil, "\(text)")
    }

    @Test func decimalComma() {
        #expect(Self.parse("3,25", comma: true) == 3.25)
        #expect(Self.parse("-0,001", comma: true) == -0.001)
    }

    /// Property: random decimal strings (short and long mantissas, extreme exponents) round-trip
    /// exactly as Foundation parses them.
    @Test func randomRoundTrip() {
        var state: UInt64 = 0x1234_5678
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 17
        }
        for _ in 0..<20_000 {
            let digits = Int(next() % 25) + 1
            var mantissa = ""
            for _ in 0..<digits { mantissa.append(Character(String(next() % 10))) }
            let point = Int(next() % UInt64(digits + 1))
            mantissa.insert(".", at: mantissa.index(mantissa.startIndex, offsetBy: point))
            let exponent = Int(next() % 640) - 320
            let text = (next() % 2 == 0 ? "-" : "") + mantissa + (next() % 3 == 0 ? "" : "e\(exponent)")
            guard let expected = Double(text), expected.isFinite else { continue }
            if Self.parse(text)?.bitPattern != expected.bitPattern {
                Issue.record("\(text): got \(String(describing: Self.parse(text))), expected \(expected)")
                return
            }
        }
    }
}
