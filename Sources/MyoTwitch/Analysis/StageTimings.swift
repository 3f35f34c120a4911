import Foundation

/// Wall-clock throughput of each stage of the pipeline on one recording, for the benchmark
/// script (`myotwitch benchmark`): each stage runs alone over samples already in memory, so the
/// figures show where time goes. Run it on a release build.
public enum StageTimings {
    /// One stage's result.
    public struct Stage: Sendable, Codable {
        public var name: String
        public var seconds: Double
        /// Signal samples (rows × analysed columns) per second.
        public var samplesPerSecond: Double
    }

    /// Times decoding, conditioning filters, STFT with spectral features, the detector (filters,
    /// envelopes, thresholds, segmentation) and the whole analyzer on the file at `path`.
    public static func measure(path: String, options: DecoderOptions = DecoderOptions()) throws -> [Stage] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var layout: RecordingLayout?
        var columns: [[Double]] = []
        let decoder = RecordingDecoder(path: path, options: options)
        let decodeStart = Date()
        var keepNanoseconds: UInt64 = 0
        try data.withUnsafeBytes { raw in
            var start = 0
            let sink: (DecoderOutput) throws -> Void = { output in
                switch output {
                case .layout(let l):
                    layout = l
                    columns = Array(repeating: [], count: l.columns.count)
                case .samples(let block):
                    // Keeping the samples for the later stages is not decoding: growing whole-
                    // recording arrays costs page faults (two thirds of the time on some machines).
                    let keepStart = DispatchTime.now().uptimeNanoseconds
                    for c in block.columns.indices { columns[c] += block.columns[c] }
                    keepNanoseconds += DispatchTime.now().uptimeNanoseconds - keepStart
                default: break
                }
            }
            while start < raw.count {
                let end = min(raw.count, start + AnalysisSession.readSize)
                try decoder.consume(UnsafeRawBufferPointer(rebasing: raw[start..<end]), sink)
                start = end
            }
            try decoder.finish(sink)
        }
        let decodeSeconds = Date().timeIntervalSince(decodeStart) - Double(keepNanoseconds) / 1e9
        guard let layout, let rows = columns.first?.count, rows > 0 else {
            throw InputError(path: path, message: "no samples to time")
        }
        let samples = Double(rows * columns.count)
        var stages = [Stage(name: "decode (scan + parse)", seconds: decodeSeconds,
                            samplesPerSecond: samples / decodeSeconds)]
        let profile = DetectorProfile.for(layout.sensor)
        let rate = layout.sampleRateHz
        let groups: [[Int]] = layout.sensor == .emg ? columns.indices.map { [$0] } : [Array(columns.indices)]

        func time(_ name: String, _ body: () -> Void) {
            let start = Date()
            body()
            let seconds = Date().timeIntervalSince(start)
            stages.append(Stage(name: name, seconds: seconds, samplesPerSecond: samples / seconds))
        }

        time("filters (band, notch, motion)") {
            // In the analyzer's block size: whole-recording buffers would time page faults.
            let block = RecordingDecoder.blockRows
            let band = UnsafeMutablePointer<Double>.allocate(capacity: block)
            let motion = UnsafeMutablePointer<Double>.allocate(capacity: block)
            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: block)
            defer { band.deallocate(); motion.deallocate(); scratch.deallocate() }
            for g in groups {
                var conditioner = ChannelConditioner(profile: profile, sampleRate: rate,
                                                     columnCount: g.count, notchFrequencies: [50])
                withPointers(g.map { columns[$0] }) { pointers in
                    for start in stride(from: 0, to: rows, by: block) {
                        conditioner.process(columns: pointers.map { $0 + start }, count: min(block, rows - start),
                                            bandEnergy: band, motionEnergy: motion, scratch: scratch)
                    }
                }
            }
        }
        time("STFT + spectral features (FFTW)") {
            let frame = SpectrumAccumulator.frameLength(sampleRate: rate, resolution: 8)
            for column in columns {
                let accumulator = SpectrumAccumulator(frameLength: frame, sampleRate: rate)
                column.withUnsafeBufferPointer { accumulator.add($0) }
                _ = accumulator.features
            }
        }
        time("detector (filters, envelopes, floors, segmentation)") {
            for g in groups {
                let detector = ChannelDetector(profile: profile, sampleRate: rate, columnCount: g.count,
                                               notchFrequencies: [50], collectTrace: false,
                                               traceBinSeconds: 1)
                detector.seedLevel(columns: g.map { Array(columns[$0].prefix(Int(4 * rate))) })
                var finished: [SegmentGroup] = []
                withPointers(g.map { columns[$0] }) { pointers in
                    for start in stride(from: 0, to: rows, by: RecordingDecoder.blockRows) {
                        detector.process(columns: pointers.map { $0 + start },
                                         count: min(RecordingDecoder.blockRows, rows - start),
                                         finished: &finished)
                    }
                }
            }
        }
        time("analyzer (all channels, classification, episodes)") {
            let analyzer = Analyzer(layout: layout, path: path)
            var start = 0
            while start < rows {
                let end = min(rows, start + RecordingDecoder.blockRows)
                _ = analyzer.process(SampleBlock(columns: columns.map { Array($0[start..<end]) }))
                start = end
            }
            _ = analyzer.finish()
        }
        return stages
    }
}
