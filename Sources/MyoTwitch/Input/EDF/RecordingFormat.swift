/// The container a recording comes in, told from its first bytes.
public enum RecordingFormat: Sendable, Equatable {
    /// Delimited text (every dialect the CSV decoder knows): anything that is not EDF or BDF.
    case csv
    /// European Data Format (EDF or EDF+), 16-bit samples.
    case edf
    /// BioSemi Data Format (BDF or BDF+), 24-bit samples.
    case bdf

    /// Bytes needed before `sniff` can decide.
    public static let sniffLength = 8

    /// Tells the format from the start of the input.
    ///
    /// EDF files begin with the version field `"0       "` (a zero and seven spaces), BDF files
    /// with the byte `0xFF` followed by `"BIOSEMI"`. Returns `nil` while fewer than
    /// `sniffLength` bytes are known (not decided yet); any other start is `.csv`.
    public static func sniff(_ firstBytes: UnsafeRawBufferPointer) -> RecordingFormat? {
        guard firstBytes.count >= sniffLength else { return nil }
        let head = Array(firstBytes[0..<sniffLength])
        if head == edfVersion { return .edf }
        if head == bdfVersion { return .bdf }
        return .csv
    }

    /// The EDF version field: `"0"` padded with spaces.
    static let edfVersion: [UInt8] = Array("0       ".utf8)
    /// The BDF version field: `0xFF` and `"BIOSEMI"`.
    static let bdfVersion: [UInt8] = [0xFF] + Array("BIOSEMI".utf8)
}
