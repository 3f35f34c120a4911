import Foundation
import Testing
@testable import MyoTwitch

/// Format sniffing and whole analyses of EDF input through `AnalysisSession`.
@Suite struct EDFSessionTests {
    @Test(arguments: [
        ([], nil), (Array("0      ".utf8), nil), (Array("0       ".utf8), .edf),
        (Array("0       1234".utf8), .edf), ([0xFF] + Array("BIOSEMI".utf8), .bdf),
        (Array("time,emg\n0,1".utf8), .csv), (Array("0,1,2,3\n".utf8), .csv),
        ([0xFF] + Array("BIOSEMi".utf8), .csv),
    ] as [([UInt8], RecordingFormat?)])
    func formatIsToldFromTheFirstEightBytes(bytes: [UInt8], format: RecordingFormat?) {
        #expect(bytes.withUnsafeBytes { RecordingFormat.sniff($0) } == format)
    }

    /// Fed a byte at a time, the sniffing decoder waits for 8 bytes and then gives exactly what
    /// the EDF decoder gives.
    @Test(arguments: [1, 3, 8, 100_000])
    func sniffingForwardsEveryByte(chunk: Int) throws {
        let bytes = EDFFixture.twoEMGWithAnnotations().bytes()
        let decoder = FormatSniffingDecoder(path: "test.edf", options: DecoderOptions())
        var outputs: [DecoderOutput] = []
        try bytes.withUnsafeBytes { raw in
            var start = 0
            while start < raw.count {
                let end = min(raw.count, start + chunk)
                try decoder.consume(UnsafeRawBufferPointer(rebasing: raw[start..<end])) { outputs.append($0) }
                if end < 8 { #expect(decoder.format == nil) }
                start = end
            }
        }
        try decoder.finish { outputs.append($0) }
        #expect(decoder.format == .edf)
        let direct = try EDFDecoded(bytes)
        let same = EDFDecoded(outputs: outputs).merged == direct.merged
        #expect(same)
    }

    @Test func textInputStillGoesToTheCSVDecoder() throws {
        let decoder = FormatSniffingDecoder(path: "t.csv", options: DecoderOptions())
        try Array("time,emg\n0,1\n0.001,2\n0.002,3\n".utf8).withUnsafeBytes { try decoder.consume($0) { _ in } }
        #expect(decoder.format == .csv)
    }

    @Test func anInputShorterThanEightBytesIsTreatedAsText() throws {
        let session = AnalysisSession(path: "tiny", decoderOptions: DecoderOptions())
        _ = try Array("0   ".utf8).withUnsafeBytes { try session.consume($0) }
        #expect(throws: InputError.self) { try session.finish() }
    }

    /// 30 s of EMG at 1000 Hz (5 µV noise, 0.1 µV resolution) with one twitch at 12 s, a
    /// respiration signal at 25 Hz, and an annotation; optionally split by a gap (EDF+D).
    static func recording(twitchAt sampleTime: Double, onsets: [Double]) -> [UInt8] {
        var emg = SyntheticSignal(rate: 1000, seconds: Double(onsets.count), noise: 5, seed: 4)
        emg.addSpike(at: sampleTime, amplitude: 80)
        var tals = onsets.map { EDFFixture.tal($0, [""]) }
        tals[2] += EDFFixture.tal(onsets[2] + 0.5, duration: 1, ["leg felt jumpy"])
        var fixture = EDFFixture(records: onsets.count, signals: [
            EDFFixture.Signal(label: "EMG1", samplesPerRecord: 1000, digital: emg.samples.map(EDFFixture.digital)),
            EDFFixture.Signal(label: "Resp", samplesPerRecord: 25,
                              digital: (0..<(25 * onsets.count)).map { $0 % 50 }),
            .annotations(tals),
        ])
        fixture.reserved = onsets == (0..<onsets.count).map(Double.init) ? "EDF+C" : "EDF+D"
        return fixture.bytes()
    }

    static func analyse(_ bytes: [UInt8], chunk: Int) throws -> (AnalysisSession, [SessionOutput], AnalysisResult) {
        let session = AnalysisSession(path: "night.edf", decoderOptions: DecoderOptions())
        var outputs: [SessionOutput] = []
        try bytes.withUnsafeBytes { raw in
            var start = 0
            while start < raw.count {
                let end = min(raw.count, start + chunk)
                outputs += try session.consume(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                start = end
            }
        }
        let (last, result, _) = try session.finish()
        return (session, outputs + last, result)
    }

    @Test func aTwitchInAnEDFFileIsFoundAtItsTime() throws {
        let bytes = Self.recording(twitchAt: 12, onsets: (0..<30).map(Double.init))
        let (session, outputs, result) = try Self.analyse(bytes, chunk: AnalysisSession.readSize)
        #expect(session.layout?.dialect == "edf+")
        #expect(result.source.channels == ["EMG1"])
        #expect(result.source.sampleRateHz == 1000)
        #expect(result.source.units == ["uV"])
        let twitches = result.events.filter { $0.kind == .twitch }
        #expect(twitches.count == 1)
        #expect(twitches.allSatisfy { $0.channel == "EMG1" && abs($0.start - 12) < 0.01 })
        #expect(session.annotations == [RecordingAnnotation(onset: 2.5, duration: 1, text: "leg felt jumpy")])
        // Annotations and the header's start date and time come out with the source (JSON).
        #expect(result.source.annotations == session.annotations)
        #expect(result.source.startTime?.hasSuffix(".000Z") == true)
        let json = String(decoding: try JSONReport.encode(result, pretty: false), as: UTF8.self)
        #expect(json.contains("\"annotations\":[{\"onset\":2.5,\"duration\":1,\"text\":\"leg felt jumpy\"}]"))
        #expect(json.contains("\"startTime\":\"\(result.source.startTime ?? "")\""))
        #expect(outputs.contains { if case .warning(let w) = $0 { w.code == "signals-skipped" } else { false } })

        // The same bytes in small chunks give the same analysis.
        let (_, _, chunked) = try Self.analyse(bytes, chunk: 4099)
        #expect(chunked == result)
    }

    /// EDF+D: records at 0–10 s and 20–40 s; the twitch is in the 15th second of samples, which
    /// the records place at 25 s.
    @Test func aTwitchAfterARecordingGapIsFoundAtItsRecordedTime() throws {
        let onsets = (0..<10).map(Double.init) + (20..<40).map(Double.init)
        let (_, _, result) = try Self.analyse(Self.recording(twitchAt: 15, onsets: onsets), chunk: 65536)
        #expect(result.source.gaps == [Gap(start: 9.999, end: 20, line: 0)])
        #expect(abs(result.source.durationSeconds - 39.999) < 1e-9)
        let twitches = result.events.filter { $0.kind == .twitch }
        #expect(twitches.count == 1)
        #expect(twitches.allSatisfy { abs($0.start - 25) < 0.01 })
    }

    /// A header that announces records but holds none (or a partial first one) is an error
    /// naming the file, not an empty analysis.
    @Test(arguments: [0, 100])
    func aHeaderWithoutDataIsAnError(extra: Int) throws {
        let bytes = Self.recording(twitchAt: 12, onsets: (0..<30).map(Double.init))
        let signals = Int(String(decoding: bytes[252..<256], as: UTF8.self).trimmingCharacters(in: .whitespaces))!
        let headerBytes = 256 * (signals + 1)
        let cut = Array(bytes.prefix(headerBytes + extra))
        let error = #expect(throws: InputError.self) { try Self.analyse(cut, chunk: 4099) }
        #expect(error?.path == "night.edf")
        #expect(error?.message.contains("no complete data record") == true, "\(String(describing: error))")
    }
}
