@testable import MyoTwitch

/// Fixtures several tests share.
extension EDFFixture {
    /// EDF+C, 3 records of 1 s: `"EMG1"` (µV) and `"EMG2"` (mV) at 1000 Hz, and annotations:
    /// `"cramp left calf"` at 1.25 s for 2.5 s, two notes at 2.5 s in one TAL.
    static func twoEMGWithAnnotations(records: Int = 3) -> EDFFixture {
        var emg1 = Signal(label: "EMG1", samplesPerRecord: 1000,
                          digital: (0..<(1000 * records)).map { ($0 * 37) % 2001 - 1000 })
        emg1.transducer = "AgAgCl electrode"
        var emg2 = Signal(label: "EMG2  ", samplesPerRecord: 1000,
                          digital: (0..<(1000 * records)).map { -($0 % 500) })
        emg2.dimension = "mV"
        emg2.physicalMinimum = "-5"
        emg2.physicalMaximum = "5"
        emg2.digitalMinimum = "-2048"
        emg2.digitalMaximum = "2047"
        var tals: [[UInt8]] = (0..<records).map { tal(Double($0), [""]) }
        if records > 1 { tals[1] += tal(1.25, duration: 2.5, ["cramp left calf"]) }
        if records > 2 { tals[2] += tal(2.5, ["lights off", "Wadenkrampf ä"]) }
        return EDFFixture(records: records, signals: [emg1, emg2, .annotations(tals)])
    }

    /// EDF+D whose records start at `onsets` (1 s each, 100 Hz, one signal counting samples).
    static func discontinuous(onsets: [Double], reserved: String = "EDF+D") -> EDFFixture {
        let emg = Signal(label: "EMG", samplesPerRecord: 100, digital: Array(0..<(100 * onsets.count)))
        var fixture = EDFFixture(records: onsets.count,
                                 signals: [emg, .annotations(onsets.map { tal($0, [""]) })])
        fixture.reserved = reserved
        return fixture
    }

    /// Plain EDF with signals at several rates (records of 1 s).
    static func mixedRates() -> EDFFixture {
        EDFFixture(reserved: "", records: 2, signals: [
            Signal(label: "EMG1", samplesPerRecord: 500, digital: Array(0..<1000)),
            Signal(label: "Resp", samplesPerRecord: 25, digital: Array(100..<150)),
            Signal(label: "EMG2", samplesPerRecord: 500, digital: Array(-1000..<0)),
            Signal(label: "Pos", samplesPerRecord: 1, digital: [7, 8]),
        ])
    }

    /// Physical values the default scaling gives for `digital`, by the EDF formula.
    static func physical(_ digital: Int, min: Double = -3276.8, max: Double = 3276.7,
                         digitalMin: Double = -32768, digitalMax: Double = 32767) -> Double {
        min + (Double(digital) - digitalMin) * (max - min) / (digitalMax - digitalMin)
    }
}
