/// The header of an EDF, EDF+, BDF or BDF+ file: 256 fixed bytes, then 256 bytes per signal.
///
/// Built in two steps because the size of the second part is only known from the first:
/// `init(fixed:path:)` reads the fixed 256 bytes, `readSignals(_:path:)` the per-signal fields.
struct EDFHeader {
    /// `.edf` (16-bit samples) or `.bdf` (24-bit samples).
    var format: RecordingFormat
    /// The reserved field, trimmed: `""`, `"EDF+C"`, `"EDF+D"`, `"24BIT"`, `"BDF+C"`, `"BDF+D"`.
    var reserved: String
    /// Total header size in bytes, `256 × (signalCount + 1)` (checked).
    var headerBytes: Int
    /// Data records announced by the header, or `nil` for `-1` (unknown: read to the end).
    var recordCount: Int?
    /// Duration of one data record, seconds (≥ 0; 0 only in annotation-only files).
    var recordDuration: Double
    /// Number of signals, 1…`maxSignals`.
    var signalCount: Int
    /// The signals in file order; empty until `readSignals` ran.
    var signals: [EDFSignal] = []
    /// Start of the recording from the `dd.mm.yy` and `hh.mm.ss` fields, as ISO 8601 with a `Z`
    /// (EDF states no zone; like MNE, the clock time is taken as UTC); nil when the fields are
    /// not a valid date and time. Years 85–99 are 19xx, 00–84 20xx (the EDF specification).
    var startTime: String?

    /// More signals than any amplifier has (256-channel caps are the largest in use); the cap
    /// keeps a corrupt count from sizing the header buffer.
    static let maxSignals = 4096
    /// Samples per record above this are taken as corruption (10 M is 10 s at 1 MHz).
    static let maxSamplesPerRecord = 10_000_000
    /// Size of the fixed part and of each signal's part, bytes.
    static let blockSize = 256
    /// Widths of the per-signal fields, in file order (each stored for all signals in turn).
    static let signalFieldWidths = [16, 80, 8, 8, 8, 8, 8, 80, 8, 32]

    /// `"EDF"` or `"BDF"`, for messages.
    var name: String { format == .bdf ? "BDF" : "EDF" }
    /// Bytes per stored sample: 2 (EDF, 16-bit) or 3 (BDF, 24-bit).
    var bytesPerSample: Int { format == .bdf ? 3 : 2 }
    /// EDF+ or BDF+: records carry time-keeping annotations.
    var isPlus: Bool { reserved.hasPrefix("EDF+") || reserved.hasPrefix("BDF+") }
    /// EDF+D / BDF+D: records need not follow each other in time.
    var isDiscontinuous: Bool { reserved.hasPrefix("EDF+D") || reserved.hasPrefix("BDF+D") }
    /// The dialect reported in the layout: `"edf"`, `"edf+"`, `"bdf"` or `"bdf+"`.
    var dialect: String { name.lowercased() + (isPlus ? "+" : "") }

    /// Reads the fixed part (`fixed` holds at least 256 bytes).
    init(fixed b: [UInt8], path: String) throws {
        let version = Array(b[0..<8])
        if version == RecordingFormat.edfVersion || Self.text(b, 0..<8) == "0" {
            format = .edf
        } else if version == RecordingFormat.bdfVersion {
            format = .bdf
        } else {
            throw InputError(path: path, message: "not an EDF or BDF file: the version field is \(Self.quoted(Self.text(b, 0..<8))), expected \"0\" (EDF) or 0xFF \"BIOSEMI\" (BDF)")
        }
        reserved = Self.text(b, 192..<236)
        startTime = Self.startTime(date: Self.text(b, 168..<176), time: Self.text(b, 176..<184))
        let name = format == .bdf ? "BDF" : "EDF"
        func fail(_ field: String, _ range: Range<Int>, _ expected: String) -> InputError {
            InputError(path: path, message: "\(name) header: field '\(field)' \(expected): \(Self.quoted(Self.text(b, range)))")
        }
        guard let count = Self.integer(Self.text(b, 252..<256)), count >= 0 else {
            throw fail("number of signals", 252..<256, "is not a whole number")
        }
        guard count > 0 else {
            throw InputError(path: path, message: "\(name) header: the number of signals is 0; the file holds nothing to read")
        }
        guard count <= Self.maxSignals else {
            throw InputError(path: path, message: "\(name) header: \(count) signals announced, more than the \(Self.maxSignals) this reader accepts; the header is probably corrupt")
        }
        signalCount = count
        guard let size = Self.integer(Self.text(b, 184..<192)) else {
            throw fail("number of bytes in header", 184..<192, "is not a whole number")
        }
        let expectedSize = Self.blockSize * (count + 1)
        guard size == expectedSize else {
            throw InputError(path: path, message: "\(name) header: the header size field says \(size) bytes, but \(count) signals need 256 × (\(count) + 1) = \(expectedSize) bytes")
        }
        headerBytes = size
        guard let records = Self.integer(Self.text(b, 236..<244)), records >= -1 else {
            throw fail("number of data records", 236..<244, "is not a whole number ≥ -1")
        }
        recordCount = records == -1 ? nil : records
        guard let duration = Self.number(Self.text(b, 244..<252)), duration >= 0 else {
            throw fail("duration of a data record", 244..<252, "is not a number of seconds ≥ 0")
        }
        recordDuration = duration
    }

    /// Reads the per-signal fields (`b` holds the whole header, `headerBytes` bytes).
    mutating func readSignals(_ b: [UInt8], path: String) throws {
        let ns = signalCount
        var starts: [Int] = []
        var offset = Self.blockSize
        for width in Self.signalFieldWidths {
            starts.append(offset)
            offset += width * ns
        }
        func field(_ f: Int, _ s: Int) -> String {
            let start = starts[f] + s * Self.signalFieldWidths[f]
            return Self.text(b, start..<(start + Self.signalFieldWidths[f]))
        }
        signals = []
        for s in 0..<ns {
            let label = field(0, s)
            let isAnnotation = ["edf annotations", "bdf annotations"].contains(label.lowercased())
            func fail(_ name: String, _ text: String, _ expected: String) -> InputError {
                InputError(path: path, message: "\(self.name) header: field '\(name)' of signal \(s + 1) (\(Self.quoted(label))) \(expected): \(Self.quoted(text))")
            }
            // Annotation signals carry text, not samples: their range fields are not used, so
            // only the size field has to be right.
            func number(_ f: Int, _ name: String) throws -> Double {
                let text = field(f, s)
                if let value = Self.number(text) { return value }
                if isAnnotation { return 0 }
                throw fail(name, text, "is not a number")
            }
            func digital(_ f: Int, _ name: String) throws -> Double {
                let value = try number(f, name)
                guard value == value.rounded() else { throw fail(name, field(f, s), "is not a whole number") }
                return value
            }
            let spr = field(8, s)
            guard let samples = Self.integer(spr), samples >= 1, samples <= Self.maxSamplesPerRecord else {
                throw fail("number of samples in each data record", spr, "is not a whole number from 1 to \(Self.maxSamplesPerRecord)")
            }
            signals.append(EDFSignal(
                number: s + 1, label: label, transducer: field(1, s), dimension: field(2, s),
                physicalMinimum: try number(3, "physical minimum"),
                physicalMaximum: try number(4, "physical maximum"),
                digitalMinimum: try digital(5, "digital minimum"),
                digitalMaximum: try digital(6, "digital maximum"),
                prefiltering: field(7, s), samplesPerRecord: samples, isAnnotation: isAnnotation))
        }
    }

    /// `dd.mm.yy` and `hh.mm.ss` as `yyyy-mm-ddThh:mm:ss.000Z`, or nil.
    static func startTime(date: String, time: String) -> String? {
        let d = date.split(separator: ".").compactMap { Int($0) }
        let t = time.split(separator: ".").compactMap { Int($0) }
        guard d.count == 3, t.count == 3, date.count == 8, time.count == 8,
              (1...12).contains(d[1]), (1...31).contains(d[0]), t[0] < 24, t[1] < 60, t[2] < 61 else { return nil }
        let year = d[2] >= 85 ? 1900 + d[2] : 2000 + d[2]
        let days = ISO8601Time.daysFromCivil(year: year, month: d[1], day: d[0])
        return ISO8601Time.format(whole: days * 86_400 + t[0] * 3600 + t[1] * 60 + t[2], fraction: 0)
    }
}
