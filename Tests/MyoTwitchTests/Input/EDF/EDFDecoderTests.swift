import Testing
@testable import MyoTwitch

@Suite struct EDFDecoderTests {
    @Test func edfPlusContinuousGivesLayoutPhysicalValuesAndAnnotations() throws {
        let fixture = EDFFixture.twoEMGWithAnnotations()
        let decoded = try EDFDecoded(fixture.bytes())
        let layout = try #require(decoded.layout)
        var expected = RecordingLayout(sensor: .emg, sampleRateHz: 1000, columns: ["EMG1", "EMG2"],
                                       units: ["uV", "mV"], dialect: "edf+",
                                       timeAxis: "edf+ data records of 1 s")
        expected.startTime = "2024-01-01T22:30:00.000Z"  // the header's 01.01.24 22.30.00
        #expect(layout == expected)
        let columns = decoded.columns
        #expect(columns.map(\.count) == [3000, 3000])
        // (Compared outside #expect: a mismatch would print thousands of values.)
        let first = columns[0] == fixture.signals[0].digital.map { EDFFixture.physical($0) }
        let second = columns[1] == fixture.signals[1].digital.map {
            EDFFixture.physical($0, min: -5, max: 5, digitalMin: -2048, digitalMax: 2047)
        }
        #expect(first && second)
        #expect(abs(columns[0][1] - (-96.3)) < 1e-9)  // digital -963 at 0.1 µV per step
        #expect(decoded.annotations == [
            RecordingAnnotation(onset: 1.25, duration: 2.5, text: "cramp left calf"),
            RecordingAnnotation(onset: 2.5, duration: nil, text: "lights off"),
            RecordingAnnotation(onset: 2.5, duration: nil, text: "Wadenkrampf ä"),
        ])
        #expect(decoded.warnings.isEmpty)
        #expect(decoded.gaps.isEmpty)
        guard case .layout? = decoded.outputs.first else {
            Issue.record("the layout must come first")
            return
        }
    }

    /// BDF stores 24-bit two's complement; with physical = digital the values come out exactly.
    @Test(arguments: [false, true])
    func extremeDigitalValuesAreSignExtended(bdf: Bool) throws {
        let values = bdf ? [-8_388_608, -1, -2, 8_388_607, 0, -4660, 1 << 16, -(1 << 16)]
                         : [-32768, -1, -2, 32767, 0, -4660, 256, -256]
        var signal = EDFFixture.Signal(label: "EMG", samplesPerRecord: 4, digital: values)
        let range = bdf ? ("-8388608", "8388607") : ("-32768", "32767")
        (signal.physicalMinimum, signal.physicalMaximum) = range
        (signal.digitalMinimum, signal.digitalMaximum) = range
        var fixture = EDFFixture(reserved: bdf ? "24BIT" : "", records: 2, signals: [signal])
        fixture.bdf = bdf
        let decoded = try EDFDecoded(fixture.bytes(), path: bdf ? "t.bdf" : "t.edf")
        #expect(decoded.layout?.dialect == (bdf ? "bdf" : "edf"))
        #expect(decoded.columns == [values.map(Double.init)])
    }

    @Test func bdfPlusReadsAnnotationsFromThreeByteSamples() throws {
        var fixture = EDFFixture(reserved: "BDF+C", records: 2, signals: [
            EDFFixture.Signal(label: "EXG1", samplesPerRecord: 8, digital: Array(-8..<8)),
            .annotations([EDFFixture.tal(0, [""]), EDFFixture.tal(1, [""]) + EDFFixture.tal(1.5, ["twitch"])],
                         bytes: 60, label: "BDF Annotations"),
        ])
        fixture.bdf = true
        fixture.recordDuration = "0.5"
        let decoded = try EDFDecoded(fixture.bytes())
        #expect(decoded.layout?.dialect == "bdf+")
        #expect(decoded.layout?.sampleRateHz == 16)
        #expect(decoded.columns[0] == (-8..<8).map { EDFFixture.physical($0) })
        #expect(decoded.annotations == [RecordingAnnotation(onset: 1.5, text: "twitch")])
        // Onsets 0 and 1 for records of 0.5 s: a gap of 0.5 s, flagged as the header says continuous.
        #expect(decoded.gaps == [Gap(start: 0.5 - 1.0 / 16, end: 1, line: 0)])
        #expect(decoded.warnings.map(\.code) == ["discontinuous"])
    }

    @Test(arguments: [
        // physMin, physMax, digMin, digMax, digital, expected
        (-3276.8, 3276.7, -32768.0, 32767.0, 1000, 100.0),
        (-3276.8, 3276.7, -32768.0, 32767.0, -32768, -3276.8),
        (-3276.8, 3276.7, -32768.0, 32767.0, 0, 0.0),
        (0.0, 1.0, 0.0, 1000.0, 250, 0.25),
        (-200.0, 200.0, -2048.0, 2047.0, -2048, -200.0),
        (1.0, -1.0, -100.0, 100.0, 50, -0.5),  // inverted polarity
        (-100.0, 100.0, -8_388_608.0, 8_388_607.0, -4_194_304, -49.99999701976758),
    ])
    func physicalScalingFollowsTheEDFFormula(physMin: Double, physMax: Double, digMin: Double,
                                              digMax: Double, digital: Int, expected: Double) throws {
        var signal = EDFFixture.Signal(label: "EMG", samplesPerRecord: 1, digital: [digital])
        signal.physicalMinimum = "\(physMin)"
        signal.physicalMaximum = "\(physMax)"
        signal.digitalMinimum = "\(Int(digMin))"
        signal.digitalMaximum = "\(Int(digMax))"
        var fixture = EDFFixture(reserved: "", records: 1, signals: [signal])
        fixture.bdf = abs(digMin) > 32768
        let value = try #require(try EDFDecoded(fixture.bytes()).columns.first?.first)
        // Bit for bit the documented formula, and within rounding of the hand-computed value.
        #expect(value == physMin + (Double(digital) - digMin) * (physMax - physMin) / (digMax - digMin))
        #expect(abs(value - expected) <= 1e-12 * max(1, abs(expected)))
        if Double(digital) == digMin { #expect(value == physMin) }
    }

    @Test func withoutSelectionTheFastestSignalsAreReadAndTheOthersNamed() throws {
        let decoded = try EDFDecoded(EDFFixture.mixedRates().bytes())
        #expect(decoded.layout?.columns == ["EMG1", "EMG2"])
        #expect(decoded.layout?.sampleRateHz == 500)
        #expect(decoded.layout?.dialect == "edf")
        #expect(decoded.columns[1] == (-1000..<0).map { EDFFixture.physical($0) })
        let warning = try #require(decoded.warnings.first)
        #expect(decoded.warnings.count == 1)
        #expect(warning.code == "signals-skipped")
        #expect(warning.message.contains("\"Resp\" (25 Hz)") && warning.message.contains("\"Pos\" (1 Hz)"))
    }

    @Test(arguments: [
        (["resp"], ["Resp"], 25.0),
        ([" EMG2 ", "emg1"], ["EMG1", "EMG2"], 500.0),  // file order, case and spaces ignored
        (["Pos", "pos"], ["Pos"], 1.0),
    ])
    func channelsSelectSignalsByLabel(wanted: [String], columns: [String], rate: Double) throws {
        let decoded = try EDFDecoded(EDFFixture.mixedRates().bytes(), options: DecoderOptions(channels: wanted))
        #expect(decoded.layout?.columns == columns)
        #expect(decoded.layout?.sampleRateHz == rate)
        #expect(decoded.warnings.isEmpty)
        if columns == ["Resp"] { #expect(decoded.columns == [(100..<150).map { EDFFixture.physical($0) }]) }
    }

    @Test(arguments: [
        (["EMG3"], "no signal is labelled \"EMG3\"; available: \"EMG1\" (500 Hz), \"Resp\" (25 Hz), \"EMG2\" (500 Hz), \"Pos\" (1 Hz)"),
        (["EMG1", "Resp"], "the selected signals have different sample rates (\"EMG1\" 500 Hz, \"Resp\" 25 Hz)"),
    ])
    func impossibleSelectionsAreClearErrors(wanted: [String], message: String) throws {
        let error = try #require(throws: InputError.self) {
            try EDFDecoded(EDFFixture.mixedRates().bytes(), options: DecoderOptions(channels: wanted))
        }
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.message.contains("available: \"EMG1\" (500 Hz)"))
        #expect(error.path == "test.edf")
    }

    @Test func theAnnotationSignalCannotBeSelected() throws {
        let error = try #require(throws: InputError.self) {
            try EDFDecoded(EDFFixture.twoEMGWithAnnotations().bytes(),
                           options: DecoderOptions(channels: ["edf annotations"]))
        }
        #expect(error.message == "EDF: \"EDF Annotations\" holds annotations, not samples; available: \"EMG1\" (1000 Hz), \"EMG2\" (1000 Hz)")
    }

    @Test func discontinuousRecordsGiveAGapBetweenTheirSamples() throws {
        let decoded = try EDFDecoded(EDFFixture.discontinuous(onsets: [0, 1, 2, 10, 11]).bytes())
        #expect(decoded.layout?.dialect == "edf+")
        #expect(decoded.warnings.isEmpty)
        let shape: [String] = decoded.merged.map {
            switch $0 {
            case .layout: "layout"
            case .samples(let b): "samples \(b.count)"
            case .gap(let g): "gap \(g.start)…\(g.end)"
            case .warning(let w): "warning \(w.code)"
            case .annotation(let a): "annotation \(a.text)"
            }
        }
        #expect(shape == ["layout", "samples 300", "gap 2.99…10.0", "samples 200"])
        #expect(decoded.columns[0] == (0..<500).map { EDFFixture.physical($0) })
    }

    /// Onsets that differ from the expected one by less than half a sample (decimal rounding)
    /// are no gap; a record that starts before its predecessor ends is placed after it.
    @Test func smallOnsetJitterIsNoGapAndOverlapsAreWarned() throws {
        let decoded = try EDFDecoded(EDFFixture.discontinuous(onsets: [5, 6.004, 7, 7.5, 9]).bytes())
        #expect(decoded.gaps.isEmpty)
        #expect(decoded.warnings.map(\.code) == ["time-backwards"])
        #expect(decoded.columns[0].count == 500)
    }

    @Test func annotationOnsetsCountFromTheFirstRecord() throws {
        var fixture = EDFFixture.discontinuous(onsets: [100, 101])
        fixture.signals[1].tals[1] += EDFFixture.tal(101.5, ["arousal"])
        let decoded = try EDFDecoded(fixture.bytes())
        #expect(decoded.annotations == [RecordingAnnotation(onset: 1.5, text: "arousal")])
    }

    @Test func aTruncatedLastRecordIsDroppedWithAWarning() throws {
        let bytes = EDFFixture.twoEMGWithAnnotations().bytes()
        let recordBytes = 2 * (1000 + 1000 + 60)
        let decoded = try EDFDecoded(Array(bytes.dropLast(recordBytes / 2)))
        #expect(decoded.columns.map(\.count) == [2000, 2000])
        #expect(decoded.warnings.map(\.code) == ["truncated-record", "records-missing"])
        #expect(decoded.warnings[0].message == "the input ends inside data record 3 (2060 of 4120 bytes); that record was dropped")
        #expect(decoded.warnings[1].message == "the header announces 3 data records, the input holds 2 complete ones")
        // The dropped record's annotations are not handed on.
        #expect(decoded.annotations.map(\.text) == ["cramp left calf"])
    }

    @Test func anUnknownRecordCountReadsToTheEndAndExtraBytesAreIgnored() throws {
        var unknown = EDFFixture.mixedRates()
        unknown.recordCountField = "-1"
        let all = try EDFDecoded(unknown.bytes())
        #expect(all.columns[0].count == 1000)
        #expect(all.warnings.map(\.code) == ["signals-skipped"])

        var short = EDFFixture.mixedRates()
        short.recordCountField = "1"
        let one = try EDFDecoded(short.bytes())
        #expect(one.columns[0] == (0..<500).map { EDFFixture.physical($0) })
        #expect(one.warnings.map(\.code) == ["signals-skipped", "trailing-bytes"])
    }

    static let chunkingFixtures: [(String, [UInt8])] = {
        var bdf = EDFFixture.mixedRates()
        bdf.bdf = true
        bdf.reserved = "24BIT"
        return [("edf+c", EDFFixture.twoEMGWithAnnotations().bytes()),
                ("edf+d", EDFFixture.discontinuous(onsets: [0, 1, 4, 5, 5.5]).bytes()),
                ("bdf", bdf.bytes()),
                ("truncated", Array(EDFFixture.twoEMGWithAnnotations().bytes().dropLast(7)))]
    }()

    /// Any chunking gives the same outputs; only where sample blocks are cut may differ, and
    /// blocks always hold whole records.
    @Test(arguments: [1, 2, 3, 5, 255, 256, 257, 1023, 4096])
    func chunkingDoesNotChangeTheOutputs(chunk: Int) throws {
        for (name, bytes) in Self.chunkingFixtures {
            let reference = try EDFDecoded(bytes)
            let chunked = try EDFDecoded(bytes, chunk: chunk)
            let same = chunked.merged == reference.merged
            #expect(same, "\(name) in chunks of \(chunk) bytes")
            let spr = reference.layout!.sampleRateHz == 1000 ? 1000 : Int(reference.layout!.sampleRateHz)
            #expect(chunked.blocks.allSatisfy { $0.count % spr == 0 }, "\(name): blocks of whole records")
        }
    }

    /// A live stream: each consume that completes a record hands its samples on at once.
    @Test func recordsAreHandedOnAsSoonAsTheyAreComplete() throws {
        let bytes = EDFFixture.twoEMGWithAnnotations().bytes()
        let decoder = EDFDecoder(path: "live", options: DecoderOptions())
        var samples = 0
        try bytes.withUnsafeBytes { raw in
            try decoder.consume(UnsafeRawBufferPointer(rebasing: raw[0..<(1024 + 4120 + 10)])) {
                if case .samples(let b) = $0 { samples += b.count }
            }
        }
        #expect(samples == 1000)
        #expect(decoder.recordsRead == 1)
    }

    @Test func largeFilesComeInBlocksOfAboutBlockSamples() throws {
        // 100 contiguous records of 100 samples: blocks close at the first record reaching 4096.
        let decoded = try EDFDecoded(EDFFixture.discontinuous(onsets: (0..<100).map(Double.init)).bytes())
        #expect(decoded.blocks.map(\.count) == [4100, 4100, 1800])
    }
}
