/// Escaping of untrusted text for XHTML and SVG, so that any input string renders as text and
/// the document stays well-formed XML.
enum XMLEscaping {
    /// `text` safe in element content and in double- or single-quoted attributes: `& < > " '`
    /// become character references; characters XML 1.0 forbids (C0 controls other than tab, LF
    /// and CR, and U+FFFE/U+FFFF) become U+FFFD, because a parser would reject the whole file
    /// for one of them; CR and LF become spaces so attribute values keep one line.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `text` cut to `limit` characters (with `…`) and escaped, for plot labels with little room.
    static func label(_ text: String, limit: Int = 22) -> String {
        escape(text.count > limit ? String(text.prefix(limit - 1)) + "…" : text)
    }
}
