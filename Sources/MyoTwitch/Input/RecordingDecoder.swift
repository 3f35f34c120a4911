/// Decodes CSV bytes into a recording: dialect and header first, then evenly spaced sample blocks,
/// gaps and warnings. Push-based, so files and standard input are read the same way, and any
/// chunking of the same bytes (down to one byte at a time) gives the same samples, gaps and
/// warnings.
///
/// Rules, in order:
/// - Lines end in LF, CRLF or CR; a UTF-8 byte-order mark is skipped; blank lines are skipped;
///   `#…`, `%…` and `//…` lines are comments (read for a stated sample rate); `sep=X` declares the
///   delimiter.
/// - The first line whose fields are mostly numbers is the first data row. The delimiter is the one
///   it uses (tab, then `;`, then `,`); with `;` or tab a `,` inside numbers is a decimal comma.
///   The header is the last earlier line with as many fields; a units row under it is recognised.
/// - The time column is found by name (see `ColumnNames`), its unit by name or else by magnitude;
///   ISO-8601 text times are accepted. Counters and text columns are ignored.
/// - The sample rate is `--rate`, else the median of the first 1024 intervals (a rate the header
///   states wins when it agrees within 10 %). Samples are taken as evenly spaced (jitter is
///   tolerated); an interval over `gapFactor` × the nominal one is a gap, and no samples are
///   invented; a timestamp that goes backwards or repeats is kept in place with a warning.
public final class RecordingDecoder {
    public let path: String
    public let options: DecoderOptions
    /// An interval longer than this many nominal intervals is a gap. 3: phone loggers jitter by
    /// up to ±50 %, while a dropped packet or a pause is several intervals long.
    public static let gapFactor = 3.0
    /// Rows used to estimate the sample rate.
    public static let estimationRows = 1025
    /// Rows per emitted block (also flushed at the end of every `consume`).
    public static let blockRows = 4096
    /// Warnings of one kind about timestamps that are listed; the rest are counted.
    static let listedTimeWarnings = 20

    private var splitter = LineSplitter()
    private var header: HeaderAnalyzer
    var plan: ColumnPlan?
    /// The plan's hot facts as plain values and raw buffers: the per-row path reads no arrays and
    /// no reference-counted storage.
    @exclusivity(unchecked) var format = RowFormat()
    enum Stage { case preamble, estimating, streaming }
    var stage = Stage.preamble
    private var sawAnyLine = false
    private var preambleLines = 0

    // Rows held until the rate is known.
    var heldTimes: [Double] = []
    var heldLines: [Int] = []
    var heldValues: [[Double]] = []

    // The time axis.
    var timeScale = 1.0
    /// The first row's time, subtracted from every time as it is parsed.
    enum TimeBase { case integer(Int64), real(Double) }
    var timeBase: TimeBase?
    var lastTime = 0.0
    var nominalInterval = 0.0
    var rowsEmitted = 0

    /// Every warning, listed or not.
    public internal(set) var warningCount = 0
    var timeWarnings: [String: Int] = [:]

    deinit { format.deallocate() }

    public init(path: String, options: DecoderOptions) {
        self.path = path
        self.options = options
        header = HeaderAnalyzer(path: path, options: options)
    }

    /// Rows accepted so far.
    public var rowCount: Int { rowsEmitted + heldTimes.count }

    public func consume(_ bytes: UnsafeRawBufferPointer, _ sink: (DecoderOutput) throws -> Void) throws {
        do {
            try splitter.split(bytes) { p, start, end, line in
                try handleLine(p, start, end, line: line, sink)
            }
        } catch LineSplitter.Overflow.lineTooLong(let line) {
            throw InputError(path: path, line: line, message: "line is longer than 1 MiB; this is not a CSV recording")
        }
        try flushBlock(sink)
    }

    public func finish(_ sink: (DecoderOutput) throws -> Void) throws {
        try splitter.finish { p, start, end, line in try handleLine(p, start, end, line: line, sink) }
        switch stage {
        case .preamble:
            throw InputError(path: path, message: sawAnyLine
                ? "no data rows: found \(preambleLines) header or text line(s) but no row of numbers"
                : "the file is empty")
        case .estimating:
            try startStreaming(sink)
        case .streaming:
            break
        }
        for (code, count) in timeWarnings.sorted(by: { $0.key < $1.key }) where count > Self.listedTimeWarnings {
            try sink(.warning(InputWarning(line: 0, column: 0, code: code,
                                           message: "\(count - Self.listedTimeWarnings) more \(code) warnings were not listed")))
        }
        try flushBlock(sink)
    }

    // MARK: - Lines

    private func handleLine(_ p: UnsafePointer<UInt8>, _ rawStart: Int, _ end: Int, line: Int,
                            _ sink: (DecoderOutput) throws -> Void) throws {
        var start = rawStart
        if line == 1 && end - start >= 3 && p[start] == 0xEF && p[start + 1] == 0xBB && p[start + 2] == 0xBF {
            start += 3
        }
        var first = start
        while first < end && (p[first] == 0x20 || p[first] == 0x09) { first += 1 }
        guard first < end else { return }
        sawAnyLine = true
        let lead = p[first]
        let isComment = lead == UInt8(ascii: "#") || lead == UInt8(ascii: "%")
            || (lead == UInt8(ascii: "/") && first + 1 < end && p[first + 1] == UInt8(ascii: "/"))
        switch stage {
        case .preamble:
            let buffer = UnsafeBufferPointer(start: p + start, count: end - start)
            if isComment {
                header.comments.append(FieldSplitter.text(buffer, 0..<buffer.count))
            } else if end - start >= 5, String(decoding: buffer.prefix(4), as: UTF8.self).lowercased() == "sep=" {
                header.declaredDelimiter = buffer[4]
            } else if header.isDataLine(buffer) {
                let plan = try header.plan(first: buffer, line: line)
                self.plan = plan
                format = RowFormat(plan: plan, blockRows: Self.blockRows)
                heldValues = Array(repeating: [], count: plan.signalIndices.count)
                stage = .estimating
                try parseRow(p, start, end, line: line, sink)
            } else {
                preambleLines += 1
                guard preambleLines <= 1000 else {
                    throw InputError(path: path, line: line, message: "no row of numbers in the first 1000 lines; is this a CSV recording?")
                }
                header.preamble.append((line, Array(buffer)))
            }
        case .estimating, .streaming:
            if isComment { return }
            try parseRow(p, start, end, line: line, sink)
        }
    }

    /// A time field as an offset from the first row's time, in the column's own unit. Integers
    /// (epoch nanoseconds need 19 digits) and ISO-8601 seconds are subtracted exactly before they
    /// become doubles, which could not hold them to the nanosecond or microsecond.
    @inline(__always)
    private func parseTime(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int, text: Bool, comma: Bool) -> Double? {
        if text {
            guard let (whole, fraction) = ISO8601Time.parseParts(p, a, b) else { return nil }
            if timeBase == nil { timeBase = .integer(Int64(whole)) }
            guard case .integer(let base) = timeBase else { return nil }
            return Double(Int64(whole) &- base) + fraction
        }
        if b - a <= 20, let integer = Self.parseInteger(p, a, b) {
            if timeBase == nil { timeBase = .integer(integer) }
            switch timeBase! {
            case .integer(let base): return Double(integer &- base)
            case .real(let base): return Double(integer) - base
            }
        }
        guard let value = FloatParser.parse(p, a, b, decimalComma: comma) else { return nil }
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

    /// Parses one data row into `row` and its time, then hands it on.
    private func parseRow(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, line: Int,
                          _ sink: (DecoderOutput) throws -> Void) throws {
        let f = format
        guard f.fieldCount > 0 else { return }
        var field = 0, time = Double.nan
        var problem: (column: Int, message: String)? = nil
        let delimiter = f.delimiter, comma = f.decimalComma
        var fieldStart = start
        var i = start
        while i <= end {
            if i == end || p[i] == delimiter {
                if field < f.fieldCount {
                    let role = f.roles[field]
                    if role != -1 {
                        var a = fieldStart, b = i
                        while a < b && p[a] == 0x20 { a += 1 }
                        while b > a && (p[b - 1] == 0x20 || p[b - 1] == 0x09) { b -= 1 }
                        if b - a >= 2 && p[a] == 0x22 && p[b - 1] == 0x22 { a += 1; b -= 1 }
                        let value = role == -2 ? parseTime(p, a, b, text: f.timeIsText, comma: comma)
                                               : FloatParser.parse(p, a, b, decimalComma: comma)
                        if let value {
                            if role == -2 { time = value } else { f.row[role] = value }
                        } else if problem == nil {
                            let text = String(decoding: UnsafeBufferPointer(start: p + a, count: min(b - a, 40)), as: UTF8.self)
                            let expected = role == -2 && f.timeIsText ? "an ISO-8601 time" : "a finite number"
                            problem = (field + 1, b == a ? "expected \(expected), found an empty cell"
                                                         : "expected \(expected), found \"\(text)\"")
                        }
                    }
                }
                field += 1
                fieldStart = i + 1
            }
            i += 1
        }
        if problem == nil && field != f.fieldCount {
            problem = (0, "expected \(f.fieldCount) fields, found \(field)")
        }
        if let problem {
            guard !options.strict else {
                throw InputError(path: path, line: line, column: problem.column, message: problem.message)
            }
            warningCount += 1
            try sink(.warning(InputWarning(line: line, column: problem.column, code: "malformed-row",
                                           message: "line skipped: \(problem.message)")))
            return
        }
        switch stage {
        case .estimating:
            heldTimes.append(time)
            heldLines.append(line)
            for c in 0..<f.signalCount { heldValues[c].append(f.row[c]) }
            if heldTimes.count >= Self.estimationRows { try startStreaming(sink) }
        case .streaming:
            try accept(time: time, line: line, sink)
        case .preamble:
            break
        }
    }
}
