@testable import MyoTwitch

/// Everything a decoder handed out, flattened (blocks concatenated), for comparing runs.
struct Decoded: Equatable {
    var layout: RecordingLayout?
    var columns: [[Double]] = []
    var gaps: [Gap] = []
    var warnings: [InputWarning] = []

    /// Decodes `text` fed in chunks of `chunk` bytes (nil: all at once).
    static func decode(_ text: String, chunk: Int? = nil, options: DecoderOptions = DecoderOptions(),
                       path: String = "test.csv") throws -> Decoded {
        try decode(Array(text.utf8), chunk: chunk, options: options, path: path)
    }

    static func decode(_ bytes: [UInt8], chunk: Int? = nil, options: DecoderOptions = DecoderOptions(),
                       path: String = "test.csv") throws -> Decoded {
        var result = Decoded()
        let decoder = RecordingDecoder(path: path, options: options)
        let sink: (DecoderOutput) throws -> Void = { output in
            switch output {
            case .layout(let l):
                result.layout = l
                result.columns = Array(repeating: [], count: l.columns.count)
            case .samples(let b):
                for c in b.columns.indices { result.columns[c] += b.columns[c] }
            case .gap(let g): result.gaps.append(g)
            case .warning(let w): result.warnings.append(w)
            case .annotation: break
            }
        }
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
        return result
    }
}
