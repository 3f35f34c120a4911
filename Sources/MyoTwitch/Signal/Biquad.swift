import Foundation

/// A second-order IIR section (transposed direct form II), the building block of every filter here.
///
/// Coefficients follow the bilinear transform with frequency pre-warping (R. Bristow-Johnson's
/// cookbook), normalised so that `a0 == 1`. Higher orders are cascades of sections, which stay
/// numerically stable at low cut-offs where a single high-order polynomial would not.
public struct Biquad: Sendable, Equatable {
    public var b0: Double, b1: Double, b2: Double, a1: Double, a2: Double
    /// The state (transposed direct form II), internal so that `CascadeLanes` can run it.
    var z1 = 0.0, z2 = 0.0

    public init(b0: Double, b1: Double, b2: Double, a1: Double, a2: Double) {
        self.b0 = b0; self.b1 = b1; self.b2 = b2; self.a1 = a1; self.a2 = a2
    }

    /// Filters one sample.
    @inline(__always)
    public mutating func process(_ x: Double) -> Double {
        SectionRecursion.step(x, b0, b1, b2, a1, a2, &z1, &z2)
    }

    /// Filters `buffer` in place.
    public mutating func process(_ buffer: UnsafeMutableBufferPointer<Double>) {
        guard let base = buffer.baseAddress else { return }
        var s = state
        SectionRecursion.one(&s, base, count: buffer.count)
        (z1, z2) = (s.z1, s.z2)
    }

    /// Filters `buffer` in place through `first`, `second` and `third` in turn, sample by sample
    /// (`SectionRecursion.three`: the three recursions overlap in the processor).
    static func process(_ first: inout Biquad, _ second: inout Biquad, _ third: inout Biquad,
                        _ buffer: UnsafeMutableBufferPointer<Double>) {
        guard let base = buffer.baseAddress else { return }
        var (p, q, r) = (first.state, second.state, third.state)
        SectionRecursion.three(&p, &q, &r, base, count: buffer.count)
        (first.z1, first.z2, second.z1, second.z2, third.z1, third.z2) = (p.z1, p.z2, q.z1, q.z2, r.z1, r.z2)
    }

    /// Coefficients and state for `SectionRecursion`.
    @inline(__always)
    var state: SectionState<Double> { SectionState(b0: b0, b1: b1, b2: b2, a1: a1, a2: a2, z1: z1, z2: z2) }

    /// Clears the state, as after a gap in the time axis.
    public mutating func reset() { z1 = 0; z2 = 0 }

    /// Primes the state so that a constant input `x` produces its steady-state output at once,
    /// which avoids a start-up transient that would look like an event.
    public mutating func prime(steadyInput x: Double) {
        let dcGain = (b0 + b1 + b2) / (1 + a1 + a2)
        let y = dcGain * x
        z2 = b2 * x - a2 * y
        z1 = b1 * x - a1 * y + z2
    }

    /// The magnitude response at `frequency` (Hz) for `sampleRate` (Hz).
    public func magnitude(at frequency: Double, sampleRate: Double) -> Double {
        let w = 2 * Double.pi * frequency / sampleRate
        let (c1, s1, c2, s2) = (cos(w), -sin(w), cos(2 * w), -sin(2 * w))
        let numRe = b0 + b1 * c1 + b2 * c2, numIm = b1 * s1 + b2 * s2
        let denRe = 1 + a1 * c1 + a2 * c2, denIm = a1 * s1 + a2 * s2
        return ((numRe * numRe + numIm * numIm) / (denRe * denRe + denIm * denIm)).squareRoot()
    }
}

extension Biquad {
    private static func normalised(_ b0: Double, _ b1: Double, _ b2: Double,
                                   _ a0: Double, _ a1: Double, _ a2: Double) -> Biquad {
        Biquad(b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: a1 / a0, a2: a2 / a0)
    }

    /// A second-order low-pass section with quality factor `q` at `cutoff` Hz.
    public static func lowPass(cutoff: Double, q: Double, sampleRate: Double) -> Biquad {
        let w = 2 * Double.pi * cutoff / sampleRate, alpha = sin(w) / (2 * q), c = cos(w)
        return normalised((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha)
    }

    /// A second-order high-pass section with quality factor `q` at `cutoff` Hz.
    public static func highPass(cutoff: Double, q: Double, sampleRate: Double) -> Biquad {
        let w = 2 * Double.pi * cutoff / sampleRate, alpha = sin(w) / (2 * q), c = cos(w)
        return normalised((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha)
    }

    /// A notch at `frequency` Hz whose -3 dB width is `frequency / q`.
    public static func notch(frequency: Double, q: Double, sampleRate: Double) -> Biquad {
        let w = 2 * Double.pi * frequency / sampleRate, alpha = sin(w) / (2 * q), c = cos(w)
        return normalised(1, -2 * c, 1, 1 + alpha, -2 * c, 1 - alpha)
    }

    /// The quality factors of the second-order sections of an even-order Butterworth filter.
    static func butterworthQs(order: Int) -> [Double] {
        precondition(order >= 2 && order % 2 == 0, "Butterworth order must be even")
        return (0..<(order / 2)).map { k in
            1 / (2 * sin(Double.pi * Double(2 * k + 1) / Double(2 * order)))
        }
    }
}
