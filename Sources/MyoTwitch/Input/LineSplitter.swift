/// Splits a byte stream into lines across arbitrary chunk boundaries, without copying complete
/// lines out of their chunk. Accepts LF, CRLF and lone CR line ends.
struct LineSplitter {
    /// A line longer than this is an error, not an allocation: 1 MiB is far beyond any CSV row.
    static let maximumLineLength = 1 << 20

    /// The partial line carried over from the previous chunk.
    private var carry: [UInt8] = []
    private var lastWasCR = false
    /// 1-based number of the next line to hand out.
    private(set) var nextLine = 1

    enum Overflow: Error { case lineTooLong(line: Int) }

    /// Calls `body(pointer, start, end, lineNumber)` for every complete line of `chunk`, in order.
    mutating func split(_ chunk: UnsafeRawBufferPointer,
                        _ body: (UnsafePointer<UInt8>, Int, Int, Int) throws -> Void) throws {
        guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), chunk.count > 0 else { return }
        let count = chunk.count
        var start = 0
        if lastWasCR && base[0] == 0x0A { start = 1 }  // the LF of a CRLF split across chunks
        lastWasCR = false
        var i = start
        while i < count {
            let b = base[i]
            if b == 0x0A || b == 0x0D {
                if carry.isEmpty {
                    try body(base, start, i, nextLine)
                } else {
                    carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: i - start))
                    try emitCarry(body)
                }
                nextLine += 1
                if b == 0x0D {
                    if i + 1 < count {
                        if base[i + 1] == 0x0A { i += 1 }
                    } else {
                        lastWasCR = true
                    }
                }
                start = i + 1
            }
            i += 1
        }
        if start < count {
            guard carry.count + (count - start) <= Self.maximumLineLength else {
                throw Overflow.lineTooLong(line: nextLine)
            }
            carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: count - start))
        }
    }

    /// Hands out a last line that had no line end.
    mutating func finish(_ body: (UnsafePointer<UInt8>, Int, Int, Int) throws -> Void) throws {
        guard !carry.isEmpty else { return }
        try emitCarry(body)
        nextLine += 1
    }

    private mutating func emitCarry(_ body: (UnsafePointer<UInt8>, Int, Int, Int) throws -> Void) throws {
        let line = carry
        carry.removeAll(keepingCapacity: true)
        try line.withUnsafeBufferPointer { try body($0.baseAddress!, 0, $0.count, nextLine) }
    }
}
