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
///   states wins when it agrees within 10 %). Samples are taken as evenly spaced (jitter around
///   a steady clock is tolerated); an interval over `gapFactor` × the nominal one is a gap, and
///   no samples are invented; a timestamp that goes backwards or repeats is kept in place with a
///   warning.
/// - An uneven axis (stamps that stray more than `unevenTolerance` intervals from an even one in
///   the first rows, in a file that states no rate) is resampled onto a uniform grid at the mean
///   rate by linear interpolation (`UniformGrid`), never across a gap, with a `time-resampled`
///   warning and `, resampled` in the layout's time axis.
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

    private let strict: Bool
    @exclusivity(unchecked) private var splitter = LineSplitter()
    private var header: HeaderAnalyzer
    var plan: ColumnPlan?
    /// The plan's hot facts as plain values and raw buffers: the per-row path reads no arrays and
    /// no reference-counted storage.
    @exclusivity(unchecked) var format = RowFormat()
    enum Stage { case preamble, estimating, streaming }
    @exclusivity(unchecked) var stage = Stage.preamble
    private var sawAnyLine = false
    private var preambleLines = 0

    // Rows held until the rate is known.
    var heldTimes: [Double] = []
    var heldLines: [Int] = []
    var heldValues: [[Double]] = []

    // The time axis.
    var timeScale = 1.0
    var lastTime = 0.0
    var nominalInterval = 0.0
    var rowsEmitted = 0
    /// The uniform grid an uneven time axis is resampled onto (nil: the axis is even).
    var grid: UniformGrid?
    /// The next row starts a run of the grid (the first row, or the first after a gap).
    var runStarts = true

    // The clock (see `ClockFit`): a fit to the stamps of the current run, anchors handed out with
    // the blocks, the first run's fitted start (the frame all anchor times are given in).
    @exclusivity(unchecked) var clock = ClockFit(prior: 1)
    /// Whether rows go through the clock fit (a numeric or ISO time column, no resampling grid).
    @exclusivity(unchecked) var fitsClock = false
    var pendingAnchors: [ClockAnchor] = []
    /// Rows of the run until the next anchor or rate check.
    @exclusivity(unchecked) var clockCountdown = 0
    /// What the time axis says from the last anchor or gap on: first index, its time, interval
    /// (nil: 1 / the layout's rate).
    var axisIndex = 0
    var axisTime = 0.0
    var axisInterval: Double?
    /// Warnings decided before the layout is handed out, sent right after it.
    var layoutWarnings: [InputWarning] = []
    var clockOffset: Double?
    /// A row whose stamp lay far before the latest: an outlier, or the first after a clock reset.
    @exclusivity(unchecked) var resetCandidate: (time: Double, line: Int, back: Double)?
    /// The run after a rate change gets an anchor as soon as its fit is trusted.
    var earlyAnchor = false
    /// The first run's fitted start at its latest anchor.
    var firstRunOffset: Double?
    /// Stamp and row (within the run) at the last rate check, seconds.
    var checkTime = 0.0
    var checkRow = 0
    /// The rate the layout stated (what the filters are tuned to), Hz.
    var layoutRate = 0.0
    /// Seconds added to every stamp after the clock was reset (time jumped back).
    @exclusivity(unchecked) var timeShift = 0.0
    /// The time column is coarser than the sample interval (whole-ms stamps at 1024 Hz): repeated
    /// stamps are expected and not warned about one by one.
    var quantisedStamps = false

    /// Every warning, listed or not.
    public internal(set) var warningCount = 0
    var timeWarnings: [String: Int] = [:]

    deinit { format.deallocate() }

    public init(path: String, options: DecoderOptions) {
        strict = options.strict
        self.path = path
        self.options = options
        header = HeaderAnalyzer(path: path, options: options)
    }

    /// Rows accepted so far.
    public var rowCount: Int { rowsEmitted + heldTimes.count }

    public func consume(_ bytes: UnsafeRawBufferPointer, _ sink: (DecoderOutput) throws -> Void) throws {
        splitter.begin(bytes)
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        // Rows are read in one pass up to the chunk's last LF (`RowFormat.readFast`); a line
        // that is not plain numbers, and the partial line at either end, go through `next`.
        var lastLineEnd = bytes.count - 1
        if let base { while lastLineEnd >= 0 && base[lastLineEnd] != 0x0A { lastLineEnd -= 1 } }
        while true {
            if stage == .streaming, let base, var position = splitter.nextStart {
                while position < lastLineEnd, let time = format.readFast(base, &position) {
                    try accept(time: time, line: splitter.skip(to: position), sink)
                }
            }
            let line: LineSplitter.Line?
            do {
                line = try splitter.next(bytes)
            } catch LineSplitter.Overflow.lineTooLong(let number) {
                // Strict (analyze): an error. Streaming: skipped like any malformed line.
                guard !strict, stage != .preamble else {
                    throw InputError(path: path, line: number, message: "line is longer than 1 MiB; this is not a CSV recording")
                }
                warningCount += 1
                try sink(.warning(InputWarning(line: number, column: 0, code: "malformed-row",
                                               message: "line skipped: it is longer than 1 MiB")))
                continue
            }
            guard let line else { break }
            if stage == .streaming, !line.fromCarry, let base {
                // The hot path: a data row straight from the chunk.
                switch format.read(base, line.start, line.end) {
                case .skip:
                    break
                case .problem(let column, let message):
                    try report(line: line.number, column: column, message: message, sink)
                case .row(let time):
                    try accept(time: time, line: line.number, sink)
                }
                continue
            }
            if line.fromCarry {
                try takeCarried(line, sink)
            } else if let base {
                try handleLine(base, line.start, line.end, line: line.number, sink)
            }
        }
        try flushBlock(sink)
    }

    /// A malformed row: an error in strict mode, else a warning and the row is skipped.
    private func report(line: Int, column: Int, message: String,
                        _ sink: (DecoderOutput) throws -> Void) throws {
        guard !strict else {
            throw InputError(path: path, line: line, column: column, message: message)
        }
        warningCount += 1
        try sink(.warning(InputWarning(line: line, column: column, code: "malformed-row",
                                       message: "line skipped: \(message)")))
    }

    /// Handles a line assembled from several chunks.
    private func takeCarried(_ line: LineSplitter.Line, _ sink: (DecoderOutput) throws -> Void) throws {
        let carried = splitter.carry
        splitter.clearCarry()
        try carried.withUnsafeBufferPointer { try handleLine($0.baseAddress!, line.start, line.end, line: line.number, sink) }
    }

    public func finish(_ sink: (DecoderOutput) throws -> Void) throws {
        if let last = splitter.finish() { try takeCarried(last, sink) }
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
        try settleResetCandidate(sink)
        for (code, count) in timeWarnings.sorted(by: { $0.key < $1.key }) where count > Self.listedTimeWarnings {
            try sink(.warning(InputWarning(line: 0, column: 0, code: code,
                                           message: "\(count - Self.listedTimeWarnings) more \(code) warnings were not listed")))
        }
        try flushBlock(sink)
    }

    // MARK: - Lines

    @inline(__always)
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
            } else if buffer.reduce(0, { $0 + ($1 == 0x22 ? 1 : 0) }) % 2 == 1 {
                throw InputError(path: path, line: line, message: "a quote opened on this line is not closed on it: a quoted name spanning lines is not supported; put each column name on the header line")
            } else if header.isDataLine(buffer) {
                let plan = try header.plan(first: buffer, line: line)
                self.plan = plan
                format.deallocate()
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

    /// Parses one data row into the row buffer and its time, then hands it on.
    @inline(__always)
    private func parseRow(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, line: Int,
                          _ sink: (DecoderOutput) throws -> Void) throws {
        guard format.fieldCount > 0 else { return }
        let time: Double
        switch format.read(p, start, end) {
        case .skip: return
        case .problem(let column, let message):
            try report(line: line, column: column, message: message, sink)
            return
        case .row(let t): time = t
        }
        let f = format
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
