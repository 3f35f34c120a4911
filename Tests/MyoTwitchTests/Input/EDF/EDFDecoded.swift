@testable import MyoTwitch

/// What an `EDFDecoder` handed out for some bytes, fed in chunks of a given size.
struct EDFDecoded {
    /// The outputs as handed out.
    var outputs: [DecoderOutput] = []

    init(outputs: [DecoderOutput]) {
        self.outputs = outputs
    }

    /// Decodes `bytes` fed in chunks of `chunk` bytes (nil: all at once).
    init(_ bytes: [UInt8], chunk: Int? = nil, options: DecoderOptions = DecoderOptions(),
         path: String = "test.edf") throws {
        let decoder = EDFDecoder(path: path, options: options)
        var outputs: [DecoderOutput] = []
        let sink: (DecoderOutput) throws -> Void = { outputs.append($0) }
        try bytes.withUnsafeBytes { raw in
            let size = chunk ?? max(1, raw.count)
            var start = 0
            while start < raw.count {
                let end = min(raw.count, start + size)
                try decoder.consume(UnsafeRawBufferPointer(rebasing: raw[start..<end]), sink)
                start = end
            }
        }
        try decoder.finish(sink)
        self.outputs = outputs
    }

    /// The outputs with consecutive sample blocks joined: what must not depend on chunking.
    var merged: [DecoderOutput] {
        var result: [DecoderOutput] = []
        for output in outputs {
            if case .samples(let next) = output, case .samples(var block)? = result.last {
                for c in block.columns.indices { block.columns[c] += next.columns[c] }
                result[result.count - 1] = .samples(block)
            } else {
                result.append(output)
            }
        }
        return result
    }

    var layout: RecordingLayout? {
        for case .layout(let l) in outputs { return l }
        return nil
    }

    /// All samples per column, blocks joined.
    var columns: [[Double]] {
        var columns = Array(repeating: [Double](), count: layout?.columns.count ?? 0)
        for case .samples(let b) in outputs {
            for c in b.columns.indices { columns[c] += b.columns[c] }
        }
        return columns
    }

    var blocks: [SampleBlock] { outputs.compactMap { if case .samples(let b) = $0 { b } else { nil } } }
    var gaps: [Gap] { outputs.compactMap { if case .gap(let g) = $0 { g } else { nil } } }
    var warnings: [InputWarning] { outputs.compactMap { if case .warning(let w) = $0 { w } else { nil } } }
    var annotations: [RecordingAnnotation] {
        outputs.compactMap { if case .annotation(let a) = $0 { a } else { nil } }
    }
}
