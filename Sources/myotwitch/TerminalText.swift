/// Makes text safe to print on a terminal: control characters that a name taken from a file
/// (a channel name, a file name) may carry — ESC (colour, OSC window-title sequences), BEL,
/// backspace, carriage return, the other C0 codes, DEL and the C1 codes U+0080–U+009F — are
/// written as visible escapes (`\x1b`, `\x07`, `\u{9b}`), so the text shows what the bytes are
/// and never acts on the terminal. Line feeds (and tabs) are kept, so multi-line messages and
/// reports keep their layout.
enum TerminalText {
    static func escape(_ text: String, keepingNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0, keepingNewlines: keepingNewlines) }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar, keepingNewlines: keepingNewlines) {
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
