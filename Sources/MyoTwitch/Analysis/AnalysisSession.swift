import Foundation

/// Bytes in, events out: a decoder (CSV `RecordingDecoder`, or `EDFDecoder` when the first bytes
/// say EDF/BDF) feeding an `Analyzer`. The one engine behind both
/// `analyze` (a file) and `stream` (standard input); how the bytes are chunked does not change
/// what comes out.
public final class AnalysisSession {
    public let path: String
    public let settings: AnalysisSettings
    public let options: AnalyzerOptions
    private let decoder: FormatSniffingDecoder
    private var analyzer: Analyzer?
    private var pending: [SessionOutput] = []
    /// Annotations stored with the recording (EDF+), in input order: context for reports.
    public private(set) var annotations: [RecordingAnnotation] = []

    public init(path: String, decoderOptions: DecoderOptions,
                settings: AnalysisSettings = AnalysisSettings(),
                options: AnalyzerOptions = AnalyzerOptions()) {
        self.path = path
        self.settings = settings
        self.options = options
        decoder = FormatSniffingDecoder(path: path, options: decoderOptions)
    }

    /// The layout, once the header and first rows have been read.
    public var layout: RecordingLayout? { analyzer?.layout }

    /// Feeds the next bytes; returns what became final.
    public func consume(_ bytes: UnsafeRawBufferPointer) throws -> [SessionOutput] {
        try decoder.consume(bytes) { try handle($0) }
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }

    /// Ends the input; returns the last outputs and the analysis result.
    public func finish() throws -> (outputs: [SessionOutput], result: AnalysisResult, traces: [[Double]]) {
        try decoder.finish { try handle($0) }
        return try finishAnalysis()
    }

    /// Ends the analysis once the decoder has been finished.
    private func finishAnalysis() throws -> (outputs: [SessionOutput], result: AnalysisResult, traces: [[Double]]) {
        guard let analyzer else {
            throw InputError(path: path, message: "no samples were found")
        }
        var (outputs, result) = analyzer.finish()
        if !annotations.isEmpty { result.source.annotations = annotations }
        pending += outputs.map(Self.wrap)
        defer { pending.removeAll() }
        return (pending, result, analyzer.traces)
    }

    /// The sample rates the analysis handles, Hz. Below 1 Hz no twitch or cramp can be resolved;
    /// above 1 MHz (no EMG amplifier or accelerometer samples that fast) the analysis windows
    /// would take gigabytes. A rate outside comes from a broken header or time column.
    public static let sampleRates = 1.0...1_000_000

    private func handle(_ output: DecoderOutput) throws {
        switch output {
        case .layout(let layout):
            guard Self.sampleRates.contains(layout.sampleRateHz) else {
                let source = layout.timeAxis.hasPrefix("column:")
                    ? "from the time " + layout.timeAxis : "given by --rate or the header"
                throw InputError(path: path, message: "the sample rate, \(layout.sampleRateHz) Hz \(source), is outside what can be analysed (1 Hz to 1 MHz); give the rate with --rate HZ")
            }
            analyzer = Analyzer(layout: layout, path: path, settings: settings, options: options)
        case .samples(let block):
            if let analyzer { pending += analyzer.process(block).map(Self.wrap) }
        case .gap(let gap):
            if let analyzer { pending += analyzer.gap(gap).map(Self.wrap) }
            let warning = InputWarning(
                line: gap.line, column: 0, code: "gap",
                message: "the time axis jumps from \(gap.start) s to \(gap.end) s; no samples are invented for the gap")
            analyzer?.note(warning)
            pending.append(.warning(warning))
        case .warning(let warning):
            analyzer?.note(warning)
            pending.append(.warning(warning))
        case .annotation(let annotation):
            annotations.append(annotation)
        }
    }

    private static func wrap(_ output: AnalyzerOutput) -> SessionOutput {
        switch output {
        case .event(let e): return .event(e)
        case .episode(let e): return .episode(e)
        }
    }
}

extension AnalysisSession {
    /// Size of one `read(2)`: 1 MiB amortises the system call and keeps the buffer in cache.
    public static let readSize = 1 << 20

    /// Reads `fileDescriptor` to its end with `read(2)`, feeding every chunk to the session and
    /// every output to `handler` (on the calling thread). `shouldStop` is asked after each chunk
    /// and after an interrupted read (SIGINT): when it says yes, reading ends as at end of input.
    ///
    /// Reading and decoding run on a second thread, analysis on the calling one, joined by a
    /// bounded queue: the outputs are exactly those of feeding the bytes in order, only sooner.
    public func run(fileDescriptor: Int32, shouldStop: @escaping @Sendable () -> Bool = { false },
                    _ handler: (SessionOutput) throws -> Void) throws -> (result: AnalysisResult, traces: [[Double]]) {
        guard options.parallel else {
            return try runOnOneThread(fileDescriptor: fileDescriptor, shouldStop: shouldStop, handler)
        }
        let queue = BlockQueue()
        let decoder = UnsafeSendable(self.decoder)
        let path = self.path
        // The reader alone takes SIGINT, so that an interrupt breaks its blocking read(2).
        var interrupt = sigset_t(), previous = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_BLOCK, &interrupt, &previous)
        let reader = Thread {
            var unblock = sigset_t()
            sigemptyset(&unblock)
            sigaddset(&unblock, SIGINT)
            pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readSize, alignment: 16)
            defer { buffer.deallocate() }
            do {
                while !shouldStop() {
                    guard let n = try Self.readChunk(fileDescriptor, into: buffer, path: path) else { continue }
                    if n == 0 { break }
                    var alive = true
                    try decoder.value.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) {
                        alive = alive && queue.push(.output($0))
                    }
                    if !alive { return }
                }
                try decoder.value.finish { queue.push(.output($0)) }
                queue.push(.end(nil))
            } catch {
                queue.push(.end(error))
            }
        }
        reader.stackSize = 1 << 20
        reader.start()
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        do {
            while true {
                switch queue.pop() {
                case .output(let output):
                    try handle(output)
                    for item in pending { try handler(item) }
                    pending.removeAll(keepingCapacity: true)
                case .end(let error):
                    if let error { throw error }
                    let (outputs, result, traces) = try finishAnalysis()
                    for output in outputs { try handler(output) }
                    return (result, traces)
                }
            }
        } catch {
            queue.cancel()
            throw error
        }
    }

    /// `run` without the reader thread (for `AnalyzerOptions.parallel == false`): the same
    /// outputs in the same order.
    private func runOnOneThread(fileDescriptor: Int32, shouldStop: () -> Bool,
                                _ handler: (SessionOutput) throws -> Void) throws -> (result: AnalysisResult, traces: [[Double]]) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readSize, alignment: 16)
        defer { buffer.deallocate() }
        while !shouldStop() {
            guard let n = try Self.readChunk(fileDescriptor, into: buffer, path: path) else { continue }
            if n == 0 { break }
            for output in try consume(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) { try handler(output) }
        }
        let (outputs, result, traces) = try finish()
        for output in outputs { try handler(output) }
        return (result, traces)
    }

    /// One `read(2)` into `buffer`: the bytes read (0 at end of input), or nil when a signal
    /// interrupted it (the caller checks whether to stop, then reads again).
    static func readChunk(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws -> Int? {
        let n = read(fd, buffer.baseAddress, buffer.count)
        if n >= 0 { return n }
        if errno == EINTR { return nil }
        throw InputError(path: path, message: "cannot read: \(String(cString: strerror(errno)))")
    }

    /// Analyses a whole file (or standard input for `"-"`).
    public static func analyze(path: String, decoderOptions: DecoderOptions,
                               settings: AnalysisSettings = AnalysisSettings(),
                               options: AnalyzerOptions = AnalyzerOptions()) throws -> (result: AnalysisResult, traces: [[Double]]) {
        let session = AnalysisSession(path: path, decoderOptions: decoderOptions,
                                      settings: settings, options: options)
        if path == "-" { return try session.run(fileDescriptor: 0) { _ in } }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw InputError(path: path, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        return try session.run(fileDescriptor: fd) { _ in }
    }
}
