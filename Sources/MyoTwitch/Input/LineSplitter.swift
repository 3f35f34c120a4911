/// Splits a byte stream into lines across arbitrary chunk boundaries, without copying complete
/// lines out of their chunk. Accepts LF, CRLF and lone CR line ends.
///
/// Used as an iterator (`begin`, then `next` until nil) rather than with a callback, so that the
/// per-line path involves no closure contexts to retain.
struct LineSplitter {
    /// A line longer than this is an error, not an allocation: 1 MiB is far beyond any CSV row.
    static let maximumLineLength = 1 << 20

    /// The partial line carried over from the previous chunk.
    private(set) var carry: [UInt8] = []
    private var lastWasCR = false
    /// 1-based number of the next line to hand out.
    private(set) var nextLine = 1
    private var position = 0

    enum Overflow: Error { case lineTooLong(line: Int) }

    /// A line: `bytes[start..<end]`, where `bytes` is the chunk or, when `fromCarry`, `carry`.
    struct Line {
        var start: Int
        var end: Int
        var number: Int
        var fromCarry: Bool
    }

    /// Starts on a new chunk.
    mutating func begin(_ chunk: UnsafeRawBufferPointer) {
        position = 0
        if lastWasCR, chunk.count > 0, chunk[0] == 0x0A { position = 1 }  // LF of a split CRLF
        if chunk.count > 0 { lastWasCR = false }
    }

    /// After an over-long line: the rest of it is being dropped, up to its line end.
    private var discarding = false

    /// The next complete line of `chunk`, or nil when the rest is carried to the next chunk.
    /// An over-long line throws once; after that its remaining bytes are dropped, so a caller
    /// that survives the error goes on with the next line.
    mutating func next(_ chunk: UnsafeRawBufferPointer) throws -> Line? {
        guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let count = chunk.count
        if discarding {
            while position < count && base[position] != 0x0A && base[position] != 0x0D { position += 1 }
            guard position < count else { return nil }
            if base[position] == 0x0D {
                if position + 1 < count { if base[position + 1] == 0x0A { position += 1 } } else { lastWasCR = true }
            }
            position += 1
            discarding = false
            nextLine += 1
        }
        let start = position
        var i = start
        while i < count {
            let b = base[i]
            if b == 0x0A || b == 0x0D {
                var after = i + 1
                if b == 0x0D {
                    if i + 1 < count {
                        if base[i + 1] == 0x0A { after = i + 2 }
                    } else {
                        lastWasCR = true
                    }
                }
                position = after
                let number = nextLine
                nextLine += 1
                if carry.isEmpty {
                    return Line(start: start, end: i, number: number, fromCarry: false)
                }
                carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: i - start))
                return Line(start: 0, end: carry.count, number: number, fromCarry: true)
            }
            i += 1
        }
        position = count
        if start < count {
            guard carry.count + (count - start) <= Self.maximumLineLength else {
                carry.removeAll()
                discarding = true
                throw Overflow.lineTooLong(line: nextLine)
            }
            carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: count - start))
        }
        return nil
    }

    /// Where the next line starts in the current chunk, or nil while a partial line is carried
    /// (that line must come from `next`).
    var nextStart: Int? { carry.isEmpty ? position : nil }

    /// Hands out the line that starts at `nextStart` and ends just before `after` (its line end
    /// included) without scanning it: the caller read it. Returns its line number.
    mutating func skip(to after: Int) -> Int {
        position = after
        nextLine += 1
        return nextLine - 1
    }

    /// Forgets the carried line once it has been handed out and used.
    mutating func clearCarry() { carry.removeAll(keepingCapacity: true) }

    /// The last line when the input ended without a line end, or nil.
    mutating func finish() -> Line? {
        guard !carry.isEmpty, !discarding else { return nil }
        let number = nextLine
        nextLine += 1
        return Line(start: 0, end: carry.count, number: number, fromCarry: true)
    }
}
