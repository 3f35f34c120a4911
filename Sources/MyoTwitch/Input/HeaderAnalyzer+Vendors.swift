import Foundation

/// Vendor layouts that the header alone does not name: BrainFlow's headerless CSV, Delsys
/// preambles in any locale, absolute start times, text columns.
extension HeaderAnalyzer {
    /// BrainFlow `write_file` output (OpenBCI GUI `BrainFlow-RAW_*.csv`): tab-separated, no
    /// header, one row per sample in the board's channel map. Cyton: package number, 8 EXG,
    /// 3 accelerometer, 7 other, 3 analog, timestamp, marker (24 columns, 250 Hz); Cyton + Daisy:
    /// package, 16 EXG, 3 accelerometer, 7 other, 3 analog, timestamp, marker (32 columns,
    /// 125 Hz). Recognised by the count, the tab and an epoch timestamp in its place.
    static func brainFlowBoard(fieldCount: Int, delimiter: UInt8, first: UnsafeBufferPointer<UInt8>,
                               fields: [Range<Int>]) -> (names: [String], rate: Double)? {
        let exg: Int, rate: Double
        switch fieldCount {
        case 24: (exg, rate) = (8, 250)
        case 32: (exg, rate) = (16, 125)
        default: return nil
        }
        guard delimiter == 0x09 else { return nil }
        let stampField = fields[fieldCount - 2]
        guard let stamp = FloatParser.parse(first.baseAddress!, stampField.lowerBound, stampField.upperBound, decimalComma: false),
              stamp > 1e9 && stamp < 4.2e9 else { return nil }
        var names = ["Package Num"]
        names += (0..<exg).map { "EXG Channel \($0)" }
        names += (0..<3).map { "Accel Channel \($0)" }
        names += Array(repeating: "Other", count: 7)
        names += (0..<3).map { "Analog Channel \($0)" }
        names += ["Timestamp", "Marker Channel"]
        return (names, rate)
    }

    /// The rate a Delsys EMGworks preamble states (`Label: EMG 1 Sampling frequency: 1925,9259 …`
    /// or `… 1925.925926 …`): the first one.
    static func delsysRate(_ lines: [String]) -> Double? {
        for line in lines {
            guard let range = line.range(of: "sampling frequency:", options: .caseInsensitive) else { continue }
            let rest = line[range.upperBound...].drop(while: { $0 == " " })
            let number = rest.prefix(while: { $0.isNumber || $0 == "." || $0 == "," })
            // A decimal comma (European locale), or a comma separating the next field.
            var text = String(number)
            if let comma = text.firstIndex(of: ","), text[text.index(after: comma)...].allSatisfy(\.isNumber),
               text.index(after: comma) < text.endIndex {
                text.replaceSubrange(comma...comma, with: ".")
            } else if let comma = text.firstIndex(of: ",") {
                text = String(text[..<comma])
            }
            if let value = Double(text), value > 0 { return value }
        }
        return nil
    }

    /// Whether a non-numeric cell of the first data row makes its column a text column (a
    /// formatted date, a marker) rather than a malformed number: it holds a letter, and the
    /// column's name does not say signal (EMG, EXG, acceleration, `ch3`, or the name of a
    /// numeric sibling with another number: `emg2` beside `emg1`).
    static func isText(_ cell: String, name: String, siblings: [String]) -> Bool {
        guard cell.unicodeScalars.contains(where: { CharacterSet.letters.contains($0) }) else { return false }
        let lower = ColumnNames.normalised(name)
        if lower.contains("emg") || lower.hasPrefix("exg") || ColumnNames.isAcceleration(name)
            || lower.range(of: #"^ch(annel)?[ _]?\d+$"#, options: .regularExpression) != nil { return false }
        let stem = Self.stem(lower)
        if !stem.isEmpty && stem != lower && siblings.contains(where: { Self.stem(ColumnNames.normalised($0)) == stem }) { return false }
        return true
    }

    /// A name without its trailing number and separators (`emg 2` → `emg`).
    static func stem(_ name: String) -> String {
        var s = Substring(name)
        while let last = s.last, last.isNumber || last == " " || last == "_" || last == "-" { s.removeLast() }
        return String(s)
    }

    /// The wall-clock time of the first sample, ISO 8601 UTC with milliseconds, from the first
    /// data row: an ISO-8601 time with a zone, or epoch seconds, milliseconds, microseconds or
    /// nanoseconds in the time column (or in any column named time/timestamp: Sensor Logger's
    /// `time` beside `seconds_elapsed`). Nil when the row states no absolute time.
    static func startTime(first: UnsafeBufferPointer<UInt8>, fields: [Range<Int>], names: [String],
                          timeIndex: Int?, decimalComma: Bool) -> String? {
        var order: [Int] = timeIndex.map { [$0] } ?? []
        for (k, name) in names.enumerated() where k != timeIndex && k < fields.count {
            let n = ColumnNames.normalised(name)
            if n == "time" || n.hasPrefix("timestamp") && !n.contains("formatted") { order.append(k) }
        }
        for k in order where k < fields.count {
            let f = fields[k]
            let text = FieldSplitter.text(first, f)
            if let parts = ISO8601Time.parseParts(first.baseAddress!, f.lowerBound, f.upperBound) {
                // Only a time that states its zone is a UTC instant.
                guard text.hasSuffix("Z") || text.range(of: #"[+-]\d\d:?\d\d$"#, options: .regularExpression) != nil else { continue }
                return ISO8601Time.format(whole: parts.whole, fraction: parts.fraction)
            }
            guard let value = FloatParser.parse(first.baseAddress!, f.lowerBound, f.upperBound, decimalComma: decimalComma) else { continue }
            for scale in [1.0, 1e-3, 1e-6, 1e-9] {
                let seconds = value * scale
                // 2001-09-09 to 2103: epoch stamps of any recording made with this tool.
                if seconds >= 1e9 && seconds < 4.2e9 {
                    let whole = seconds.rounded(.down)
                    return ISO8601Time.format(whole: Int(whole), fraction: seconds - whole)
                }
            }
        }
        return nil
    }
}
