@testable import MyoTwitch

/// A small EDF/EDF+/BDF writer for fixtures built in memory (no binary files in the repository).
///
/// Every header field is stored as the text to write, so tests can put anything in it; the
/// defaults give a valid EDF+C file.
struct EDFFixture {
    struct Signal {
        var label: String
        var transducer = "AgAgCl electrode"
        var dimension = "uV"
        var physicalMinimum = "-3276.8"
        var physicalMaximum = "3276.7"
        var digitalMinimum = "-32768"
        var digitalMaximum = "32767"
        var prefiltering = "HP:10Hz LP:500Hz"
        var samplesPerRecord: String
        /// Digital values, all records one after the other (missing ones are written as 0).
        var digital: [Int] = []
        /// For an annotation signal: the TAL bytes of each record (padded with NULs).
        var tals: [[UInt8]] = []

        init(label: String, samplesPerRecord: Int, digital: [Int] = []) {
            self.label = label
            self.samplesPerRecord = String(samplesPerRecord)
            self.digital = digital
        }

        /// An `"EDF Annotations"` signal of `bytes` bytes per record holding `tals`.
        static func annotations(_ tals: [[UInt8]], bytes: Int = 120, label: String = "EDF Annotations") -> Signal {
            var s = Signal(label: label, samplesPerRecord: bytes / 2)
            s.transducer = ""
            s.dimension = ""
            s.prefiltering = ""
            s.tals = tals
            return s
        }
    }

    var bdf = false
    var reserved = "EDF+C"
    /// Data records written.
    var records: Int
    var recordDuration = "1"
    var signals: [Signal]
    /// Overrides of the fixed fields' text (nil: the right value).
    var version: String?
    var headerBytesField: String?
    var recordCountField: String?
    var signalCountField: String?

    var bytesPerSample: Int { bdf ? 3 : 2 }

    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        if let version { out += Self.pad(version, 8) } else {
            out += bdf ? RecordingFormat.bdfVersion : Self.pad("0", 8)
        }
        out += Self.pad("X X X X", 80)
        out += Self.pad("Startdate 01-JAN-2024 X X X", 80)
        out += Self.pad("01.01.24", 8) + Self.pad("22.30.00", 8)
        out += Self.pad(headerBytesField ?? String(256 * (signals.count + 1)), 8)
        out += Self.pad(reserved, 44)
        out += Self.pad(recordCountField ?? String(records), 8)
        out += Self.pad(recordDuration, 8)
        out += Self.pad(signalCountField ?? String(signals.count), 4)
        let fields: [(Signal) -> String] = [
            \.label, \.transducer, \.dimension, \.physicalMinimum, \.physicalMaximum,
            \.digitalMinimum, \.digitalMaximum, \.prefiltering, \.samplesPerRecord, { _ in "" },
        ]
        for (field, width) in zip(fields, EDFHeader.signalFieldWidths) {
            for s in signals { out += Self.pad(field(s), width) }
        }
        for r in 0..<records {
            for s in signals {
                let spr = Int(s.samplesPerRecord) ?? Int(Double(s.samplesPerRecord) ?? 0)
                if !s.tals.isEmpty {
                    var run = r < s.tals.count ? s.tals[r] : []
                    // (A broken size field, as error tests write, leaves the TALs unpadded.)
                    precondition(spr == 0 || run.count <= spr * bytesPerSample, "TALs longer than the signal")
                    run += [UInt8](repeating: 0, count: max(0, spr * bytesPerSample - run.count))
                    out += run
                    continue
                }
                for i in 0..<spr {
                    let k = r * spr + i
                    let value = k < s.digital.count ? s.digital[k] : 0
                    let bits = UInt32(bitPattern: Int32(value))
                    for b in 0..<bytesPerSample { out.append(UInt8((bits >> (8 * UInt32(b))) & 0xFF)) }
                }
            }
        }
        return out
    }

    /// `text` as ASCII (UTF-8) bytes, cut or padded with spaces to `width`.
    static func pad(_ text: String, _ width: Int) -> [UInt8] {
        let bytes = Array(text.utf8.prefix(width))
        return bytes + [UInt8](repeating: 0x20, count: width - bytes.count)
    }

    /// One TAL: `+onset[\u{15}duration]\u{14}text\u{14}…\u{00}`. `[""]` gives a time-keeping TAL.
    static func tal(_ onset: Double, duration: Double? = nil, _ texts: [String]) -> [UInt8] {
        var s = (onset < 0 ? "" : "+") + "\(onset)"
        if let duration { s += "\u{15}\(duration)" }
        s += "\u{14}"
        for t in texts { s += t + "\u{14}" }
        return Array(s.utf8) + [0]
    }

    /// Digital value for a physical one under the default ±3276.8 µV / 16-bit scaling (0.1 µV).
    static func digital(_ physical: Double) -> Int {
        max(-32768, min(32767, Int((physical * 10).rounded())))
    }
}
