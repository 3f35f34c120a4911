import Foundation

/// Splits one line into fields at a delimiter byte, trimming spaces and surrounding quotes
/// (`"Time (s)"`, OpenBCI's `", "`). Quoted fields may contain the delimiter.
enum FieldSplitter {
    /// Field ranges within `line`, trimmed.
    static func split(_ line: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        split(line.baseAddress!, 0, line.count, delimiter: delimiter) { fields.append($0..<$1) }
        return fields
    }

    /// Calls `body(start, end)` for each field of `p[start..<end]`, trimmed.
    @inline(__always)
    static func split(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, delimiter: UInt8,
                      _ body: (Int, Int) -> Void) {
        var fieldStart = start
        var inQuotes = false
        var i = start
        while i <= end {
            if i == end || (p[i] == delimiter && !inQuotes) {
                var a = fieldStart, b = i
                while a < b && (p[a] == 0x20 || p[a] == 0x09 && delimiter != 0x09) { a += 1 }
                while b > a && (p[b - 1] == 0x20 || p[b - 1] == 0x09 && delimiter != 0x09) { b -= 1 }
                if b - a >= 2 && p[a] == 0x22 && p[b - 1] == 0x22 { a += 1; b -= 1 }
                body(a, b)
                fieldStart = i + 1
            } else if p[i] == 0x22 {
                inQuotes.toggle()
            }
            i += 1
        }
    }

    /// The fields of a line as strings (UTF-8, or Latin-1 where the bytes are not UTF-8).
    static func strings(_ line: [UInt8], delimiter: UInt8) -> [String] {
        line.withUnsafeBufferPointer { buffer in
            guard buffer.count > 0 else { return [] }
            // RFC 4180: inside a quoted field a quote is written twice; it is read as one.
            return split(buffer, delimiter: delimiter).map { range in
                let quoted = range.lowerBound > 0 && buffer[range.lowerBound - 1] == 0x22
                    && range.upperBound < buffer.count && buffer[range.upperBound] == 0x22
                let field = text(buffer, range)
                return quoted ? field.replacingOccurrences(of: "\"\"", with: "\"") : field
            }
        }
    }

    static func text(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let bytes = UnsafeBufferPointer(rebasing: line[range])
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        return String(bytes.map { Character(Unicode.Scalar($0)) })
    }
}
