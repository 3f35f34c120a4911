/// Decodes EDF, EDF+, BDF and BDF+ recordings pushed in chunks of any size (a file read in
/// large chunks, or standard input as it arrives); the outputs are the same for any chunking,
/// except for where sample blocks are cut.
///
/// Outputs, in order: one `.layout` once the header is read (followed by warnings about the
/// selection), then per data record its `.annotation`s, a `.gap` before a record that does not
/// follow its predecessor (EDF+D), and `.samples` in PHYSICAL units, in blocks of whole records.
/// Blocks collect records up to `blockSamples` per column and are also handed on at the end of
/// every `consume` call that completed a record, so that a live stream stays live.
///
/// Options: `channels` selects signals by label, `sensor` overrides the detection; a given
/// `sampleRateHz` is not used (the header's rate is exact; a warning names both), and `strict`
/// changes nothing: a binary file has no rows to skip, and what is survived (a truncated last
/// record, a malformed annotation) is a warning in both modes.
///
/// Memory: the header (≤ 1 MiB, checked before it is buffered) and the samples of one block;
/// nothing is sized from header numbers that were not checked first.
public final class EDFDecoder {
    public let path: String
    public let options: DecoderOptions

    /// Samples per column after which a block is handed on: about 30 KiB per column, small
    /// enough to stay in cache, large enough to amortise the per-block work of the analysis.
    public static let blockSamples = 4096

    /// The header bytes read so far (until the whole header is known).
    var headerBuffer: [UInt8] = []
    /// Bytes the header has: 256 until the fixed part told the signal count.
    var headerLength = EDFHeader.blockSize
    var header: EDFHeader?
    var plan: EDFRecordPlan?

    /// Position in the current record: its signal run and the byte within that run.
    var segment = 0
    var segmentOffset = 0
    /// Bytes of a sample split across chunks (at most 2).
    var carry: [UInt8] = [0, 0, 0]
    var carryCount = 0
    /// The current record's samples per column, and its annotation bytes per annotation signal.
    var recordColumns: [[Double]] = []
    var recordAnnotations: [[UInt8]] = []
    /// Completed records not yet handed on, per column.
    var pendingColumns: [[Double]] = []

    /// Complete data records read.
    public internal(set) var recordsRead = 0
    /// Bytes after the number of records the header announced (ignored).
    var trailingBytes = 0
    /// Where records lie in time: see `EDFDecoder+Records`.
    var origin: Double?
    var expectedOnset = 0.0

    public init(path: String, options: DecoderOptions) {
        self.path = path
        self.options = options
    }

    /// Takes the next bytes of the input.
    public func consume(_ bytes: UnsafeRawBufferPointer, _ sink: (DecoderOutput) throws -> Void) throws {
        var i = 0
        if plan == nil {
            i = try readHeader(bytes, sink)
            if plan == nil { return }
        }
        guard let plan, let header, let base = bytes.baseAddress else { return }
        while i < bytes.count {
            if let announced = header.recordCount, recordsRead >= announced {
                trailingBytes += bytes.count - i
                break
            }
            let run = plan.segments[segment]
            let take = min(run.byteCount - segmentOffset, bytes.count - i)
            switch run.role {
            case .skip:
                break
            case .column(let index, let scaling):
                decode(base + i, take, into: index, scaling: scaling)
            case .annotation(let index):
                recordAnnotations[index].append(contentsOf: UnsafeRawBufferPointer(start: base + i, count: take))
            }
            i += take
            segmentOffset += take
            if segmentOffset == run.byteCount {
                segmentOffset = 0
                segment += 1
                if segment == plan.segments.count {
                    segment = 0
                    try completeRecord(sink)
                }
            }
        }
        try flush(sink)
    }

    /// Ends the input: reports an incomplete last record (dropped) and missing records.
    public func finish(_ sink: (DecoderOutput) throws -> Void) throws {
        guard let plan, let header else {
            let name = headerBuffer.first == 0xFF ? "BDF" : "EDF"
            throw InputError(path: path, message: "\(name) header: the input ends after \(headerBuffer.count) bytes, inside the \(headerLength)-byte header")
        }
        try flush(sink)
        let partial = plan.segments[0..<segment].reduce(0) { $0 + $1.byteCount } + segmentOffset
        guard recordsRead > 0 else {
            let announced = header.recordCount.map { "the header announces \($0) data record\($0 == 1 ? "" : "s"), but " } ?? ""
            throw InputError(path: path, message: "\(header.name) file holds no complete data record: \(announced)the input ends "
                + (partial > 0 ? "\(partial) bytes into the first (\(plan.recordBytes) bytes long)" : "right after the \(header.headerBytes)-byte header"))
        }
        if partial > 0 {
            try sink(.warning(InputWarning(
                line: 0, column: 0, code: "truncated-record",
                message: "the input ends inside data record \(recordsRead + 1) (\(partial) of \(plan.recordBytes) bytes); that record was dropped")))
        }
        if let announced = header.recordCount, recordsRead < announced {
            try sink(.warning(InputWarning(
                line: 0, column: 0, code: "records-missing",
                message: "the header announces \(announced) data records, the input holds \(recordsRead) complete ones")))
        }
        if trailingBytes > 0 {
            try sink(.warning(InputWarning(
                line: 0, column: 0, code: "trailing-bytes",
                message: "\(trailingBytes) bytes after the \(header.recordCount ?? 0) data records the header announces were ignored")))
        }
    }

    /// Buffers header bytes; once the header is complete, checks it, plans the records and
    /// hands on the layout. Returns how many bytes of `bytes` were used.
    private func readHeader(_ bytes: UnsafeRawBufferPointer, _ sink: (DecoderOutput) throws -> Void) throws -> Int {
        var used = 0
        while used < bytes.count && plan == nil {
            let take = min(headerLength - headerBuffer.count, bytes.count - used)
            headerBuffer.append(contentsOf: bytes[used..<(used + take)])
            used += take
            guard headerBuffer.count == headerLength else { break }
            if header == nil {
                let fixed = try EDFHeader(fixed: headerBuffer, path: path)
                header = fixed
                headerLength = fixed.headerBytes
                if headerBuffer.count < headerLength { continue }
            }
            try header!.readSignals(headerBuffer, path: path)
            let plan = try EDFRecordPlan(header: header!, options: options, path: path)
            self.plan = plan
            headerBuffer = []
            recordColumns = Array(repeating: [], count: plan.columnCount)
            pendingColumns = recordColumns
            recordAnnotations = Array(repeating: [], count: plan.annotationSignalCount)
            try sink(.layout(plan.layout))
            for warning in plan.warnings { try sink(.warning(warning)) }
        }
        return used
    }
}
