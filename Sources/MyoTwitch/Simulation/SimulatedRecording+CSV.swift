import Foundation

extension SimulatedRecording {
    /// The header line: `time` (seconds) and the signal columns.
    public var csvHeader: String {
        (["time"] + columns).joined(separator: ",") + "\n"
    }

    /// Writes the recording as CSV (`time` in seconds, then the columns; `\n` line ends) in
    /// chunks of about 1 MiB handed to `sink`.
    ///
    /// Numbers are formatted by hand into a byte buffer, fixed-point with `decimals` places per
    /// column and the fewest places that print every time stamp exactly (9 when the period has no
    /// finite decimal form): an hour at 2 kHz × 8 channels takes seconds, and the bytes depend
    /// only on the samples.
    public func writeCSV(_ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        let capacity = 1 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 4096)
        defer { buffer.deallocate() }
        var used = 0
        for byte in csvHeader.utf8 { buffer[used] = byte; used += 1 }
        let time = TimeFormat(rate: sampleRateHz)
        let powers = decimals.map { Self.power10($0) }
        let factors = decimals.map { Double(Self.power10($0)) }
        for i in 0..<sampleCount {
            used += Self.writeFixed(units: time.units(i), power: time.power, decimals: time.decimals,
                                    negative: false, to: buffer + used)
            for c in 0..<samples.count {
                buffer[used] = UInt8(ascii: ","); used += 1
                let v = samples[c][i]
                let units = UInt64((abs(v) * factors[c]).rounded())
                used += Self.writeFixed(units: units, power: powers[c], decimals: decimals[c],
                                        negative: v < 0 && units > 0, to: buffer + used)
            }
            buffer[used] = UInt8(ascii: "\n"); used += 1
            if used >= capacity {
                try sink(UnsafeRawBufferPointer(start: buffer, count: used))
                used = 0
            }
        }
        if used > 0 { try sink(UnsafeRawBufferPointer(start: buffer, count: used)) }
    }

    /// The whole CSV in memory (for tests and small recordings).
    public func csvData() -> Data {
        var data = Data()
        writeCSV { data.append(contentsOf: $0) }
        return data
    }

    /// Writes the CSV to `handle` in ~1 MiB chunks.
    public func writeCSV(to handle: FileHandle) throws {
        try writeCSV { chunk in try handle.write(contentsOf: Data(chunk)) }
    }

    static func power10(_ n: Int) -> UInt64 {
        var p: UInt64 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// Writes `units / power` with `decimals` places at `out`; returns the bytes written.
    @inline(__always)
    static func writeFixed(units: UInt64, power: UInt64, decimals: Int, negative: Bool,
                           to out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        if negative { out[n] = UInt8(ascii: "-"); n += 1 }
        var whole = units / power
        // Whole part: reverse the digits into an integer (with their count, for trailing zeros),
        // then emit most significant first. Values stay far below 10^18.
        var reversed: UInt64 = 0, digitCount = 0
        repeat {
            reversed = reversed * 10 + whole % 10
            digitCount += 1
            whole /= 10
        } while whole > 0
        for _ in 0..<digitCount {
            out[n] = UInt8(ascii: "0") + UInt8(reversed % 10); n += 1
            reversed /= 10
        }
        if decimals > 0 {
            out[n] = UInt8(ascii: "."); n += 1
            var fraction = units % power
            var k = decimals - 1
            while k >= 0 {
                out[n + k] = UInt8(ascii: "0") + UInt8(fraction % 10)
                fraction /= 10
                k -= 1
            }
            n += decimals
        }
        return n
    }
}

/// Time stamps `i / rate` as exact fixed-point integers: `units(i) / 10^decimals` seconds.
struct TimeFormat {
    let decimals: Int
    let power: UInt64
    private let unitsPerSample: UInt64?
    private let rate: Double

    init(rate: Double) {
        self.rate = rate
        for d in 0...9 {
            let perSample = Double(SimulatedRecording.power10(d)) / rate
            if perSample >= 1, abs(perSample - perSample.rounded()) < 1e-9 * perSample {
                decimals = d
                power = SimulatedRecording.power10(d)
                unitsPerSample = UInt64(perSample.rounded())
                return
            }
        }
        decimals = 9
        power = 1_000_000_000
        unitsPerSample = nil
    }

    func units(_ i: Int) -> UInt64 {
        if let unitsPerSample { return UInt64(i) * unitsPerSample }
        return UInt64((Double(i) / rate * 1e9).rounded())
    }
}
