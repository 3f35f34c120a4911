/// Reading the header's ASCII fields: space-padded text and numbers written by many writers.
extension EDFHeader {
    /// The field's text without the padding (spaces, and NULs some writers use).
    ///
    /// EDF asks for printable ASCII; where a writer put other bytes (a latin-1 `µ` in `"µV"`), the
    /// text is read as UTF-8 when it is valid UTF-8 and as latin-1 otherwise, so nothing is lost.
    static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var slice = bytes[range]
        while let last = slice.last, last == 0x20 || last == 0 { slice.removeLast() }
        while let first = slice.first, first == 0x20 || first == 0 { slice.removeFirst() }
        if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
        if let utf8 = String(validating: slice, as: UTF8.self) { return utf8 }
        return String(String.UnicodeScalarView(slice.map { Unicode.Scalar($0) }))
    }

    /// A finite decimal number, or `nil`.
    ///
    /// Accepts what writers produce: a sign, leading zeros, an exponent (`"1e3"`), a decimal
    /// comma (`"3276,7"`, written by some locales), surrounding spaces. Rejects what Swift's
    /// parser would also take but no EDF writer means: hex, `nan`, `inf`.
    static func number(_ text: String) -> Double? {
        var text = text.trimmingEDFSpaces()
        guard !text.isEmpty, text.utf8.allSatisfy({ "0123456789+-.,eE".utf8.contains($0) }) else { return nil }
        if !text.contains("."), text.filter({ $0 == "," }).count == 1 {
            text = text.replacingCommaWithPoint()
        }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// A whole number (written as `"12"`, `"+12"` or `"12.0"`) that fits an `Int`, or `nil`.
    static func integer(_ text: String) -> Int? {
        guard let value = number(text), value == value.rounded(), abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// `text` in double quotes, for messages.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingQuotes() + "\""
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and NULs.
    func trimmingEDFSpaces() -> String {
        let junk: Set<Character> = [" ", "\t", "\0"]
        guard let first = firstIndex(where: { !junk.contains($0) }),
              let last = lastIndex(where: { !junk.contains($0) }) else { return "" }
        return String(self[first...last])
    }

    fileprivate func replacingCommaWithPoint() -> String {
        String(map { $0 == "," ? "." : $0 })
    }

    fileprivate func replacingQuotes() -> String {
        var out = ""
        for c in self { out += c == "\"" ? "\\\"" : String(c) }
        return out
    }
}
