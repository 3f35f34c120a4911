import Foundation

/// Parses decimal numbers straight from bytes, correctly rounded.
///
/// The fast path is exact (Clinger's): up to 19 significant digits whose value is below 2^53,
/// scaled by a power of ten up to 10^22, is one correctly rounded multiply or divide of two exact
/// doubles. Everything else (long mantissas, large exponents) goes to `strtod`, which is correctly
/// rounded in glibc. Accepts `-0`, `.5`, `5.`, `+3`, `1E-3`; rejects `nan`, `inf`, hex and empty
/// fields (the caller reports them with their position).
enum FloatParser {
    static let exactPowers: [Double] = (0...22).map { pow(10, Double($0)) }

    /// The value of `bytes[start..<end]`, or nil when it is not a finite decimal number.
    /// `decimalComma` accepts `,` as the decimal separator (European exports).
    @inline(__always)
    static func parse(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int,
                      decimalComma: Bool = false) -> Double? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        else if bytes[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, exponent = 0, sawDigit = false, truncated = false
        while i < end, case let d = bytes[i] &- 48, d < 10 {
            sawDigit = true
            if digits < 19 {
                if mantissa != 0 || d != 0 { mantissa = mantissa &* 10 &+ UInt64(d); if mantissa != 0 { digits += 1 } }
            } else {
                exponent += 1
                if d != 0 { truncated = true }
            }
            i += 1
        }
        if i < end && (bytes[i] == UInt8(ascii: ".") || (decimalComma && bytes[i] == UInt8(ascii: ","))) {
            i += 1
            while i < end, case let d = bytes[i] &- 48, d < 10 {
                sawDigit = true
                if digits < 19 {
                    if mantissa != 0 || d != 0 {
                        mantissa = mantissa &* 10 &+ UInt64(d)
                        if mantissa != 0 { digits += 1 }
                    }
                    exponent -= 1
                } else if d != 0 {
                    truncated = true
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < end && (bytes[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < end && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0, expDigits = 0
            while i < end, case let d = bytes[i] &- 48, d < 10 {
                if e < 100_000 { e = e * 10 + Int(d) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == end else { return nil }
        if !truncated && mantissa < (1 << 53) && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            value = exponent >= 0 ? value * exactPowers[exponent] : value / exactPowers[-exponent]
            return negative ? -value : value
        }
        return slowPath(bytes, start, end, decimalComma: decimalComma)
    }

    /// `strtod` on a NUL-terminated copy (a comma turned into a point).
    private static func slowPath(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int,
                                 decimalComma: Bool) -> Double? {
        let length = end - start
        guard length < 4096 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
            for k in 0..<length {
                let b = bytes[start + k]
                buffer[k] = CChar(bitPattern: decimalComma && b == UInt8(ascii: ",") ? UInt8(ascii: ".") : b)
            }
            buffer[length] = 0
            var endPointer: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(buffer.baseAddress!, &endPointer)
            guard endPointer == buffer.baseAddress! + length, value.isFinite else { return nil }
            return value
        }
    }
}
