/// How to take a data record apart: which byte runs become which column, which hold
/// annotations and which are skipped; plus the layout this selection gives.
///
/// Built once from the header and the options, with every check that needs the selection:
/// the selected signals exist, share one rate and have usable scaling ranges.
struct EDFRecordPlan {
    /// What to do with one signal's bytes in a record.
    enum Role: Equatable {
        /// A signal that was not selected.
        case skip
        /// A selected signal: decode into column `index` with `scaling`.
        case column(index: Int, scaling: EDFScaling)
        /// An annotation signal: collect the TAL bytes (`index` counts annotation signals).
        case annotation(index: Int)
    }

    /// One signal's run of bytes within a record.
    struct Segment {
        var byteCount: Int
        var role: Role
    }

    /// The signals' runs in file order.
    var segments: [Segment]
    /// Bytes per data record (≤ 4096 × 10⁷ × 3, so it fits an `Int`).
    var recordBytes: Int
    var columnCount: Int
    var annotationSignalCount: Int
    /// Samples per column per record.
    var samplesPerRecord: Int
    var layout: RecordingLayout
    /// Warnings about the selection, to hand on right after the layout.
    var warnings: [InputWarning]

    init(header: EDFHeader, options: DecoderOptions, path: String) throws {
        let name = header.name
        let ordinary = header.signals.filter { !$0.isAnnotation }
        guard !ordinary.isEmpty else {
            throw InputError(path: path, message: "\(name): the file holds only annotations, no signal to analyse")
        }
        guard header.recordDuration > 0 else {
            throw InputError(path: path, message: "\(name) header: the duration of a data record is 0 s, so the signals have no sample rate")
        }
        let duration = header.recordDuration
        func hz(_ signal: EDFSignal) -> String { Self.format(signal.sampleRate(recordDuration: duration)) + " Hz" }
        let available = ordinary.map { "\(EDFHeader.quoted($0.label)) (\(hz($0)))" }.joined(separator: ", ")

        var selected: [EDFSignal] = []
        var warnings: [InputWarning] = []
        if let wanted = options.channels, !wanted.isEmpty {
            for request in wanted {
                let key = request.trimmingEDFSpaces().lowercased()
                guard let match = header.signals.first(where: { $0.label.lowercased() == key }) else {
                    throw InputError(path: path, message: "\(name): no signal is labelled \(EDFHeader.quoted(request)); available: \(available)")
                }
                guard !match.isAnnotation else {
                    throw InputError(path: path, message: "\(name): \(EDFHeader.quoted(match.label)) holds annotations, not samples; available: \(available)")
                }
                if !selected.contains(match) { selected.append(match) }
            }
            selected.sort { $0.number < $1.number }
            if Set(selected.map(\.samplesPerRecord)).count > 1 {
                let rates = selected.map { "\(EDFHeader.quoted($0.label)) \(hz($0))" }.joined(separator: ", ")
                throw InputError(path: path, message: "\(name): the selected signals have different sample rates (\(rates)); select signals of one rate; available: \(available)")
            }
        } else {
            // Without a choice, the fastest signals: EMG is sampled faster than anything else
            // recorded with it (respiration, position, SpO2), and they share one time base.
            let fastest = ordinary.map(\.samplesPerRecord).max()!
            selected = ordinary.filter { $0.samplesPerRecord == fastest }
            let skipped = ordinary.filter { $0.samplesPerRecord != fastest }
            if !skipped.isEmpty {
                let list = skipped.map { "\(EDFHeader.quoted($0.label)) (\(hz($0)))" }.joined(separator: ", ")
                warnings.append(InputWarning(
                    line: 0, column: 0, code: "signals-skipped",
                    message: "read the signals at \(hz(selected[0])); skipped the signals at other rates: \(list); select signals by label to read those"))
            }
        }
        for signal in selected {
            if signal.digitalMaximum == signal.digitalMinimum {
                throw InputError(path: path, message: "\(name) header: signal \(signal.number) (\(EDFHeader.quoted(signal.label))) has digital minimum = digital maximum = \(Self.format(signal.digitalMinimum)), so its values cannot be scaled")
            }
            if signal.physicalMaximum == signal.physicalMinimum {
                throw InputError(path: path, message: "\(name) header: signal \(signal.number) (\(EDFHeader.quoted(signal.label))) has physical minimum = physical maximum = \(Self.format(signal.physicalMinimum)), so its values cannot be scaled")
            }
        }

        let width = header.bytesPerSample
        var annotations = 0
        segments = header.signals.map { signal in
            let bytes = signal.samplesPerRecord * width
            if let index = selected.firstIndex(of: signal) {
                return Segment(byteCount: bytes, role: .column(index: index, scaling: EDFScaling(signal)))
            }
            if signal.isAnnotation {
                annotations += 1
                return Segment(byteCount: bytes, role: .annotation(index: annotations - 1))
            }
            return Segment(byteCount: bytes, role: .skip)
        }
        recordBytes = segments.reduce(0) { $0 + $1.byteCount }
        columnCount = selected.count
        annotationSignalCount = annotations
        samplesPerRecord = selected[0].samplesPerRecord

        let rate = selected[0].sampleRate(recordDuration: duration)
        guard rate <= Self.maxSampleRate else {
            throw InputError(path: path, message: "\(name) header: \(samplesPerRecord) samples per \(Self.format(duration)) s data record is \(Self.format(rate)) Hz, above the \(Self.format(Self.maxSampleRate)) Hz this tool analyses; the record duration is probably corrupt")
        }
        let accelerometer = selected.filter(\.looksLikeAccelerometer)
        let sensor: SensorKind = options.sensor ?? (accelerometer.count == selected.count ? .accelerometer : .emg)
        if options.sensor == nil && !accelerometer.isEmpty && accelerometer.count < selected.count {
            let list = accelerometer.map { EDFHeader.quoted($0.label) }.joined(separator: ", ")
            warnings.append(InputWarning(
                line: 0, column: 0, code: "mixed-sensors",
                message: "\(list) look like accelerometer axes but are analysed as EMG with the other signals; select them by label (and the sensor) to analyse them as an accelerometer"))
        }
        if let given = options.sampleRateHz, given != rate {
            warnings.append(InputWarning(
                line: 0, column: 0, code: "rate-ignored",
                message: "the \(name) header gives \(Self.format(rate)) Hz (\(samplesPerRecord) samples per \(Self.format(duration)) s record); the given rate \(Self.format(given)) Hz is not used"))
        }
        layout = RecordingLayout(
            sensor: sensor, sampleRateHz: rate, columns: Self.uniqueNames(selected),
            units: selected.map(\.normalizedUnit), dialect: header.dialect,
            timeAxis: "\(header.dialect) data records of \(Self.format(duration)) s")
        layout.startTime = header.startTime
        self.warnings = warnings
    }

    /// The highest sample rate accepted, Hz: the limit of `--rate` too. Surface EMG needs at most
    /// a few kHz; far higher rates come from corrupt durations (and would size analysis buffers).
    static let maxSampleRate = 1_000_000.0

    /// Column names: the labels, made unique (`"EMG #3"`) where a label repeats, since channels
    /// are told apart by name in every report; a blank label becomes `"signal N"`.
    static func uniqueNames(_ signals: [EDFSignal]) -> [String] {
        var uses: [String: Int] = [:]
        for signal in signals { uses[signal.label, default: 0] += 1 }
        return signals.map { signal in
            if signal.label.isEmpty { return "signal \(signal.number)" }
            return uses[signal.label]! > 1 ? "\(signal.label) #\(signal.number)" : signal.label
        }
    }

    /// A number for messages: `1000`, not `1000.0`.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
