/// The per-row facts of a `ColumnPlan` in plain values and raw buffers, plus the block being
/// filled. Copying it copies pointers only, so the row loop does no reference counting.
struct RowFormat {
    var delimiter: UInt8 = UInt8(ascii: ",")
    var decimalComma = false
    var fieldCount = 0
    var hasTime = false
    var timeIsText = false
    var signalCount = 0
    /// Per field: -1 ignored, -2 time, ≥ 0 the signal slot.
    var roles: UnsafeMutablePointer<Int>
    /// The current row's signal values.
    var row: UnsafeMutablePointer<Double>
    /// Per signal, the block being filled (`blockRows` capacity each).
    var columns: UnsafeMutablePointer<UnsafeMutablePointer<Double>>
    /// Per row of the block, its time as parsed (relative, in the column's unit; NaN without a
    /// time column): what an uneven axis is resampled by.
    var times: UnsafeMutablePointer<Double>
    var blockFill = 0
    private var blockRows = 0
    /// The first row's time, subtracted from every time as it is parsed.
    enum TimeBase { case integer(Int64), real(Double) }
    var timeBase: TimeBase?

    /// What one line held.
    enum RowResult {
        /// A row; its values are in `row`, its time (relative to the first row, in the column's
        /// unit; NaN without a time column) is given.
        case row(Double)
        /// A blank or comment line.
        case skip
        /// A malformed row: the 1-based field (0: the row as a whole) and what was wrong.
        case problem(Int, String)
    }

    /// An empty format (before the header is known); its buffers are freed by `deallocate`.
    init() {
        roles = .allocate(capacity: 1)
        row = .allocate(capacity: 1)
        columns = .allocate(capacity: 1)
        times = .allocate(capacity: 1)
    }

    init(plan: ColumnPlan, blockRows: Int) {
        delimiter = plan.delimiter
        decimalComma = plan.decimalComma
        fieldCount = plan.fieldCount
        hasTime = plan.timeIndex != nil
        timeIsText = plan.timeIsText
        signalCount = plan.signalIndices.count
        self.blockRows = blockRows
        roles = .allocate(capacity: fieldCount)
        roles.initialize(repeating: -1, count: fieldCount)
        if let t = plan.timeIndex { roles[t] = -2 }
        for (slot, k) in plan.signalIndices.enumerated() { roles[k] = slot }
        row = .allocate(capacity: max(1, signalCount))
        row.initialize(repeating: 0, count: max(1, signalCount))
        columns = .allocate(capacity: max(1, signalCount))
        for c in 0..<signalCount { columns[c] = .allocate(capacity: blockRows) }
        times = .allocate(capacity: blockRows)
    }

    /// Parses the data line `p[start..<end]` into `row`.
    @inline(__always)
    mutating func read(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> RowResult {
        var first = start
        while first < end && (p[first] == 0x20 || p[first] == 0x09) { first += 1 }
        guard first < end else { return .skip }
        let lead = p[first]
        if lead == UInt8(ascii: "#") || lead == UInt8(ascii: "%")
            || (lead == UInt8(ascii: "/") && first + 1 < end && p[first + 1] == UInt8(ascii: "/")) {
            return .skip
        }
        var field = 0, time = Double.nan
        var problem: (Int, String)? = nil
        var fieldStart = start
        var i = start
        while i <= end {
            if i == end || p[i] == delimiter {
                if field < fieldCount {
                    let role = roles[field]
                    if role != -1 {
                        var a = fieldStart, b = i
                        while a < b && p[a] == 0x20 { a += 1 }
                        while b > a && (p[b - 1] == 0x20 || p[b - 1] == 0x09) { b -= 1 }
                        if b - a >= 2 && p[a] == 0x22 && p[b - 1] == 0x22 { a += 1; b -= 1 }
                        let value = role == -2 ? parseTime(p, a, b)
                                               : FloatParser.parse(p, a, b, decimalComma: decimalComma)
                        if let value {
                            if role == -2 { time = value } else { row[role] = value }
                        } else if problem == nil {
                            problem = (field + 1, Self.describe(p, a, b, time: role == -2 && timeIsText))
                        }
                    }
                }
                field += 1
                fieldStart = i + 1
            }
            i += 1
        }
        if let problem { return .problem(problem.0, problem.1) }
        if field != fieldCount { return .problem(0, "expected \(fieldCount) fields, found \(field)") }
        return .row(time)
    }

    private static func describe(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int, time: Bool) -> String {
        let expected = time ? "an ISO-8601 time" : "a finite number"
        guard b > a else { return "expected \(expected), found an empty cell" }
        return "expected \(expected), found \"\(Self.printable(p, a, b))\""
    }

    /// At most 40 bytes of a cell for an error message: printable ASCII as is, everything else
    /// (binary garbage, control characters, broken UTF-8) as `\xNN`, so the message stays one
    /// readable line.
    static func printable(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> String {
        var out = ""
        for k in a..<min(b, a + 40) {
            let byte = p[k]
            if byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        if b - a > 40 { out += "…" }
        return out
    }

    /// A time field as an offset from the first row's time, in the column's own unit. Integers
    /// (epoch nanoseconds need 19 digits) and ISO-8601 seconds are subtracted exactly before they
    /// become doubles, which could not hold them to the nanosecond or microsecond.
    @inline(__always)
    private mutating func parseTime(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> Double? {
        if timeIsText {
            guard let (whole, fraction) = ISO8601Time.parseParts(p, a, b) else { return nil }
            if timeBase == nil { timeBase = .integer(Int64(whole)) }
            guard case .integer(let base) = timeBase else { return nil }
            return Double(Int64(whole) &- base) + fraction
        }
        // Once the first row has shown decimal times, integer parsing would only fail first.
        if case .real(let base) = timeBase {
            return FloatParser.parse(p, a, b, decimalComma: decimalComma).map { $0 - base }
        }
        if b - a <= 20, let integer = Self.parseInteger(p, a, b) {
            if timeBase == nil { timeBase = .integer(integer) }
            switch timeBase! {
            case .integer(let base): return Double(integer &- base)
            case .real(let base): return Double(integer) - base
            }
        }
        guard let value = FloatParser.parse(p, a, b, decimalComma: decimalComma) else { return nil }
        if timeBase == nil { timeBase = .real(value) }
        switch timeBase! {
        case .integer(let base): return value - Double(base)
        case .real(let base): return value - base
        }
    }

    private static func parseInteger(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> Int64? {
        var i = a, negative = false
        if i < b && p[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        guard i < b else { return nil }
        var value: Int64 = 0
        while i < b {
            let d = p[i] &- 48
            guard d < 10 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(d))
            guard !overflow1 && !overflow2 else { return nil }
            value = sum
            i += 1
        }
        return negative ? -value : value
    }

    /// Appends the current row, parsed at `time`, to the block.
    @inline(__always)
    mutating func append(time: Double) {
        for c in 0..<signalCount { columns[c][blockFill] = row[c] }
        times[blockFill] = time
        blockFill += 1
    }

    /// The filled block as arrays; the buffers are reused.
    mutating func takeBlock() -> SampleBlock {
        let block = SampleBlock(columns: (0..<signalCount).map {
            Array(UnsafeBufferPointer(start: columns[$0], count: blockFill))
        })
        blockFill = 0
        return block
    }

    func deallocate() {
        roles.deallocate()
        row.deallocate()
        for c in 0..<signalCount { columns[c].deallocate() }
        columns.deallocate()
        times.deallocate()
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
