/// The EDF+ annotations of one data record, read from the bytes of an `"EDF Annotations"` signal.
///
/// The bytes hold Time-stamped Annotation Lists (TALs), each
/// `+onset[\u{15}duration]\u{14}text\u{14}[text\u{14}…]\u{00}`, followed by NUL padding. The first
/// TAL of a record's first annotation signal keeps time: its onset is when the record starts,
/// and its first annotation is empty.
struct EDFAnnotationList: Equatable {
    /// One annotation as stored: onset in seconds from the header's start time.
    struct Entry: Equatable {
        var onset: Double
        var duration: Double?
        var text: String
    }

    /// The onset of the first TAL: the record's start, seconds from the header's start time.
    var recordOnset: Double?
    /// The non-empty annotations, in stored order.
    var entries: [Entry] = []
    /// What was wrong where parsing stopped, or `nil` when all bytes were read.
    var problem: String?

    private static let durationMark: UInt8 = 0x15
    private static let textMark: UInt8 = 0x14

    init(_ bytes: [UInt8]) {
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] == 0 { i += 1; continue }  // padding after the last TAL
            guard bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") else {
                problem = "a TAL starts with byte 0x\(String(bytes[i], radix: 16)) instead of '+' or '-' at byte \(i)"
                return
            }
            var j = i
            while j < n && bytes[j] != Self.textMark && bytes[j] != Self.durationMark && bytes[j] != 0 { j += 1 }
            guard let onset = Self.seconds(bytes[i..<j]), j < n, bytes[j] != 0 else {
                problem = "unreadable onset \(Self.quoted(bytes[i..<j])) at byte \(i)"
                return
            }
            var duration: Double?
            if bytes[j] == Self.durationMark {
                let start = j + 1
                j = start
                while j < n && bytes[j] != Self.textMark && bytes[j] != 0 { j += 1 }
                guard j < n, bytes[j] == Self.textMark, let value = Self.seconds(bytes[start..<j], signed: false) else {
                    problem = "unreadable duration \(Self.quoted(bytes[start..<j])) at byte \(start)"
                    return
                }
                duration = value
            }
            if recordOnset == nil { recordOnset = onset }
            j += 1  // past the 0x14 that ends the onset (and duration)
            // Texts, each ended by 0x14, until the NUL that ends the TAL.
            while true {
                guard j < n else {
                    problem = "a TAL at byte \(i) is not ended by a NUL byte"
                    return
                }
                if bytes[j] == 0 { break }
                let start = j
                while j < n && bytes[j] != Self.textMark && bytes[j] != 0 { j += 1 }
                guard j < n, bytes[j] == Self.textMark else {
                    problem = "an annotation text at byte \(start) is not ended by 0x14"
                    return
                }
                if j > start {
                    entries.append(Entry(onset: onset, duration: duration,
                                         text: String(decoding: bytes[start..<j], as: UTF8.self)))
                }
                j += 1
            }
            i = j + 1
        }
    }

    /// Seconds written as EDF+ asks: a sign (required for onsets), digits, optionally a point
    /// and more digits. Anything else (exponents, commas, spaces) is not a valid TAL time.
    private static func seconds(_ bytes: ArraySlice<UInt8>, signed: Bool = true) -> Double? {
        var body = bytes
        if signed {
            guard let sign = body.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        } else if body.first == UInt8(ascii: "+") || body.first == UInt8(ascii: "-") {
            return nil
        }
        if signed { body = body.dropFirst() }
        guard !body.isEmpty, body.first != UInt8(ascii: "."),
              body.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }),
              body.filter({ $0 == UInt8(ascii: ".") }).count <= 1,
              let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    private static func quoted(_ bytes: ArraySlice<UInt8>) -> String {
        EDFHeader.quoted(String(decoding: bytes.prefix(40), as: UTF8.self))
    }
}
