/// Chooses the decoder from the first bytes (`RecordingFormat.sniff`) and forwards to it: the
/// CSV `RecordingDecoder`, or the `EDFDecoder` for EDF and BDF. Same push interface as both.
///
/// Until `RecordingFormat.sniffLength` bytes have arrived nothing can be decided, so the first
/// few bytes are held back (at most 7); an input shorter than that is handed to the CSV decoder,
/// which reports it in its own terms.
final class FormatSniffingDecoder {
    let path: String
    let options: DecoderOptions

    private enum Chosen {
        case csv(RecordingDecoder)
        case edf(EDFDecoder)
    }

    private var chosen: Chosen?
    private var head: [UInt8] = []

    init(path: String, options: DecoderOptions) {
        self.path = path
        self.options = options
    }

    /// The format chosen, or `nil` while fewer than 8 bytes have been seen.
    private(set) var format: RecordingFormat?

    func consume(_ bytes: UnsafeRawBufferPointer, _ sink: (DecoderOutput) throws -> Void) throws {
        if let chosen {
            try Self.forward(chosen, bytes, sink)
            return
        }
        if head.count + bytes.count < RecordingFormat.sniffLength {
            head.append(contentsOf: bytes)
            return
        }
        var first = head
        first.append(contentsOf: bytes[0..<(RecordingFormat.sniffLength - head.count)])
        let format = first.withUnsafeBytes { RecordingFormat.sniff($0) } ?? .csv
        let decoder: Chosen = format == .csv
            ? .csv(RecordingDecoder(path: path, options: options))
            : .edf(EDFDecoder(path: path, options: options))
        chosen = decoder
        self.format = format
        if !head.isEmpty {
            try head.withUnsafeBytes { try Self.forward(decoder, $0, sink) }
            head = []
        }
        try Self.forward(decoder, bytes, sink)
    }

    func finish(_ sink: (DecoderOutput) throws -> Void) throws {
        if chosen == nil {
            let decoder = RecordingDecoder(path: path, options: options)
            chosen = .csv(decoder)
            format = .csv
            if !head.isEmpty { try head.withUnsafeBytes { try decoder.consume($0, sink) } }
        }
        switch chosen! {
        case .csv(let d): try d.finish(sink)
        case .edf(let d): try d.finish(sink)
        }
    }

    private static func forward(_ chosen: Chosen, _ bytes: UnsafeRawBufferPointer,
                                _ sink: (DecoderOutput) throws -> Void) throws {
        switch chosen {
        case .csv(let d): try d.consume(bytes, sink)
        case .edf(let d): try d.consume(bytes, sink)
        }
    }
}
