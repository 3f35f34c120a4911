import Foundation

/// Makes text safe to print on a terminal: control characters that a name taken from a file
/// (a channel name, a file name) may carry — ESC (colour, OSC window-title sequences), BEL,
/// backspace, carriage return, the other C0 codes, DEL and the C1 codes U+0080–U+009F — are
/// written as visible escapes (`\x1b`, `\x07`, `\u{9b}`), so the text shows what the bytes are
/// and never acts on the terminal. Line feeds (and tabs) are kept, so multi-line messages and
/// reports keep their layout.
enum TerminalText {
    static func escape(_ text: String, keepingNewlines: Bool = true, keepingCarriageReturns: Bool = false) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool {
            isControl(scalar, keepingNewlines: keepingNewlines) && !(keepingCarriageReturns && scalar == "\r")
        }
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if escapes(scalar) {
                let hex = String(scalar.value, radix: 16)
                let escaped = scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
                out.append(contentsOf: escaped.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func isControl(_ scalar: Unicode.Scalar, keepingNewlines: Bool) -> Bool {
        let v = scalar.value
        if keepingNewlines && (v == 0x0A || v == 0x09) { return false }
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v)
    }
}

extension TerminalText {
    /// JSON with DEL and the C1 controls (U+007F–U+009F, which JSON allows raw inside strings)
    /// written as `\u007f` … `\u009f`: the same JSON value, safe to print on a terminal. Other
    /// control characters are already escaped by the encoder; the structure is ASCII, so these
    /// code points can only occur inside strings.
    static func json(_ data: Data) -> Data {
        guard data.contains(where: { $0 == 0x7F || $0 == 0xC2 }) else { return data }
        var out = Data(capacity: data.count + 16)
        var i = data.startIndex
        while i < data.endIndex {
            let byte = data[i]
            let next = data.index(after: i)
            if byte == 0x7F {
                out.append(contentsOf: Array("\\u007f".utf8))
            } else if byte == 0xC2, next < data.endIndex, (0x80...0x9F).contains(data[next]) {
                out.append(contentsOf: Array(("\\u00" + String(data[next], radix: 16)).utf8))
                i = data.index(after: next)
                continue
            } else {
                out.append(byte)
            }
            i = next
        }
        return out
    }
}
