/// A cascade of biquads applied in order: Butterworth band edges, mains notches.
public struct FilterCascade: Sendable, Equatable {
    public internal(set) var sections: [Biquad]

    public init(_ sections: [Biquad] = []) {
        self.sections = sections
    }

    /// Butterworth high-pass of even `order` at `cutoff` Hz.
    public static func butterworthHighPass(order: Int = 4, cutoff: Double,
                                           sampleRate: Double) -> FilterCascade {
        FilterCascade(Biquad.butterworthQs(order: order).map {
            Biquad.highPass(cutoff: cutoff, q: $0, sampleRate: sampleRate)
        })
    }

    /// Butterworth low-pass of even `order` at `cutoff` Hz.
    public static func butterworthLowPass(order: Int = 4, cutoff: Double,
                                          sampleRate: Double) -> FilterCascade {
        FilterCascade(Biquad.butterworthQs(order: order).map {
            Biquad.lowPass(cutoff: cutoff, q: $0, sampleRate: sampleRate)
        })
    }

    /// Notches at `fundamental` and its harmonics below 0.95 × Nyquist.
    ///
    /// Q = 30 gives a notch about 2 Hz wide at 50 Hz: narrow enough to keep the EMG energy beside
    /// the line, wide enough for mains drifting by ±0.5 Hz.
    public static func mainsNotches(fundamental: Double, sampleRate: Double,
                                    q: Double = 30) -> FilterCascade {
        var sections: [Biquad] = []
        var harmonic = fundamental
        while harmonic < 0.475 * sampleRate {
            sections.append(Biquad.notch(frequency: harmonic, q: q, sampleRate: sampleRate))
            harmonic += fundamental
        }
        return FilterCascade(sections)
    }

    /// `self` followed by `other`.
    public func then(_ other: FilterCascade) -> FilterCascade {
        FilterCascade(sections + other.sections)
    }

    /// Filters one sample through every section.
    @inline(__always)
    public mutating func process(_ x: Double) -> Double {
        var y = x
        for i in sections.indices { y = sections[i].process(y) }
        return y
    }

    /// Filters `buffer` in place, three sections per pass (see `Biquad.process(_:_:_:_:)`), the
    /// rest one by one.
    public mutating func process(_ buffer: UnsafeMutableBufferPointer<Double>) {
        var k = 0
        sections.withUnsafeMutableBufferPointer { s in
            while k + 3 <= s.count {
                Biquad.process(&s[k], &s[k + 1], &s[k + 2], buffer)
                k += 3
            }
            while k < s.count {
                s[k].process(buffer)
                k += 1
            }
        }
    }

    /// Filters `buffer` in place.
    public mutating func process(_ buffer: inout [Double]) {
        buffer.withUnsafeMutableBufferPointer { process($0) }
    }

    public mutating func reset() {
        for i in sections.indices { sections[i].reset() }
    }

    /// Primes every section for a constant input `x` (see `Biquad.prime`).
    public mutating func prime(steadyInput x: Double) {
        var value = x
        for i in sections.indices {
            sections[i].prime(steadyInput: value)
            value *= (sections[i].b0 + sections[i].b1 + sections[i].b2)
                / (1 + sections[i].a1 + sections[i].a2)
        }
    }

    /// The magnitude response at `frequency` Hz.
    public func magnitude(at frequency: Double, sampleRate: Double) -> Double {
        sections.reduce(1) { $0 * $1.magnitude(at: frequency, sampleRate: sampleRate) }
    }
}
