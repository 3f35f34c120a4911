/// The one-pass row reader for the common case: plain numbers between delimiters, the line ended
/// by LF or CRLF.
///
/// `read` first finds each field's end and then parses it, and trims, unquotes and reports; that
/// costs two passes over every byte. Here each number is parsed where it starts and the byte it
/// stops at must be the delimiter or the line end. Whatever is not that simple — spaces, quotes,
/// empty cells, long mantissas, a wrong field count, comments, blank lines, text times — makes
/// the reader give up on the line without side effects that matter, and the caller hands the
/// line to `read`, which decides it exactly as before. The values it accepts are the ones `read`
/// would produce, bit for bit (the same exact Clinger path as `FloatParser`).
extension RowFormat {
    /// Reads the data row that starts at `position` and moves `position` past its line end.
    /// Returns the row's time (as `read` would: relative to the first row, NaN without a time
    /// column), or nil, with `position` unchanged, when the line needs `read`.
    ///
    /// The caller guarantees an LF at or after `position` inside the buffer: every scan stops at
    /// it, so nothing past it is read.
    @inline(__always)
    mutating func readFast(_ p: UnsafePointer<UInt8>, _ position: inout Int) -> Double? {
        var i = position
        var time = Double.nan
        let last = fieldCount - 1
        for field in 0...last {
            let role = roles[field]
            if role >= 0 {
                guard let value = Self.scanNumber(p, &i, decimalComma: decimalComma) else { return nil }
                row[role] = value
            } else if role == -2 {
                guard let t = scanTime(p, &i) else { return nil }
                time = t
            } else {
                // An ignored column (a counter, a label): `read` does not look inside it either.
                while p[i] != delimiter && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
            }
            let stop = p[i]
            if field < last {
                guard stop == delimiter else { return nil }
                i += 1
            } else if stop == 0x0A {
                i += 1
            } else if stop == 0x0D && p[i + 1] == 0x0A {
                i += 2
            } else {
                return nil
            }
        }
        position = i
        return time
    }

    /// A numeric time, as `parseTime` gives it; nil for text times and for anything the integer
    /// or decimal scan does not take whole.
    @inline(__always)
    private func scanTime(_ p: UnsafePointer<UInt8>, _ i: inout Int) -> Double? {
        guard !timeIsText, let timeBase else { return nil }
        switch timeBase {
        case .real(let base):
            guard let value = Self.scanNumber(p, &i, decimalComma: decimalComma) else { return nil }
            return value - base
        case .integer(let base):
            // `parseTime` reads an integer of up to 20 bytes exactly; 18 digits never overflow.
            var j = i, negative = false
            if p[j] == UInt8(ascii: "-") { negative = true; j += 1 }
            var value: Int64 = 0, digits = 0
            while case let d = p[j] &- 48, d < 10 {
                guard digits < 18 else { return nil }
                value = value &* 10 &+ Int64(d)
                digits += 1
                j += 1
            }
            guard digits > 0 else { return nil }
            let next = p[j]
            // A decimal point or an exponent: a decimal time after integer ones, for `read`.
            if next == UInt8(ascii: ".") || next | 0x20 == UInt8(ascii: "e")
                || (decimalComma && next == UInt8(ascii: ",")) { return nil }
            i = j
            return Double((negative ? -value : value) &- base)
        }
    }

    /// 10^k for 0 ≤ k ≤ 22, exact. A switch, not the `FloatParser` table: a global's lazy
    /// initialisation check on every number was 1 % of an 8-channel analysis.
    @inline(__always)
    static func powerOfTen(_ k: Int) -> Double {
        switch k {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// `FloatParser.parse` for a number that starts at `i`, ending at the first byte that cannot
    /// continue it; nil (and `i` unchanged) outside the exact fast path or without a digit.
    @inline(__always)
    static func scanNumber(_ p: UnsafePointer<UInt8>, _ i: inout Int, decimalComma: Bool) -> Double? {
        var j = i
        var negative = false
        if p[j] == UInt8(ascii: "-") { negative = true; j += 1 }
        else if p[j] == UInt8(ascii: "+") { j += 1 }
        // Every digit goes into the mantissa, leading zeros too (they add nothing), and more
        // than 19 digits in all gives up: the loops carry no branch but the digit test. A number
        // with so many digits (or leading zeros) is rare and `read` takes it as before.
        let integerStart = j
        var mantissa: UInt64 = 0
        while case let d = p[j] &- 48, d < 10 {
            mantissa = mantissa &* 10 &+ UInt64(d)
            j &+= 1
        }
        var digits = j &- integerStart, exponent = 0
        if p[j] == UInt8(ascii: ".") || (decimalComma && p[j] == UInt8(ascii: ",")) {
            j &+= 1
            let fractionStart = j
            while case let d = p[j] &- 48, d < 10 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                j &+= 1
            }
            exponent = fractionStart &- j
            digits &+= j &- fractionStart
        }
        guard digits > 0, digits <= 19 else { return nil }
        if p[j] | 0x20 == UInt8(ascii: "e") {
            j += 1
            var expNegative = false
            if p[j] == UInt8(ascii: "-") || p[j] == UInt8(ascii: "+") {
                expNegative = p[j] == UInt8(ascii: "-")
                j += 1
            }
            var e = 0, expDigits = 0
            while case let d = p[j] &- 48, d < 10 {
                if e < 100_000 { e = e * 10 + Int(d) }
                expDigits += 1
                j += 1
            }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -e : e
        }
        guard mantissa < (1 << 53), exponent >= -22, exponent <= 22 else { return nil }
        var value = Double(mantissa)
        value = exponent >= 0 ? value * Self.powerOfTen(exponent) : value / Self.powerOfTen(-exponent)
        i = j
        return negative ? -value : value
    }
}
