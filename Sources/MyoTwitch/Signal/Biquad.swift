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
        let y = b0 * x + z1
        z1 = b1 * x - a1 * y + z2
        z2 = b2 * x - a2 * y
        return y
    }

    /// Filters `buffer` in place.
    public mutating func process(_ buffer: UnsafeMutableBufferPointer<Double>) {
        var z1 = self.z1, z2 = self.z2
        let b0 = self.b0, b1 = self.b1, b2 = self.b2, a1 = self.a1, a2 = self.a2
        for i in buffer.indices {
            let x = buffer[i]
            let y = b0 * x + z1
            z1 = b1 * x - a1 * y + z2
            z2 = b2 * x - a2 * y
            buffer[i] = y
        }
        self.z1 = z1; self.z2 = z2
    }

    /// Filters `buffer` in place through `first`, `second` and `third` in turn, sample by sample.
    /// Each section's recursion waits on its own previous output (two dependent multiply-adds),
    /// but the three recursions are independent, so the processor overlaps them: about three
    /// times the throughput of three passes, with bit-identical results.
    static func process(_ first: inout Biquad, _ second: inout Biquad, _ third: inout Biquad,
                        _ buffer: UnsafeMutableBufferPointer<Double>) {
        var (p1, p2, q1, q2, r1, r2) = (first.z1, first.z2, second.z1, second.z2, third.z1, third.z2)
        let (pb0, pb1, pb2, pa1, pa2) = (first.b0, first.b1, first.b2, first.a1, first.a2)
        let (qb0, qb1, qb2, qa1, qa2) = (second.b0, second.b1, second.b2, second.a1, second.a2)
        let (rb0, rb1, rb2, ra1, ra2) = (third.b0, third.b1, third.b2, third.a1, third.a2)
        for i in buffer.indices {
            let x = buffer[i]
            let y = pb0 * x + p1
            p1 = pb1 * x - pa1 * y + p2
            p2 = pb2 * x - pa2 * y
            let u = qb0 * y + q1
            q1 = qb1 * y - qa1 * u + q2
            q2 = qb2 * y - qa2 * u
            let v = rb0 * u + r1
            r1 = rb1 * u - ra1 * v + r2
            r2 = rb2 * u - ra2 * v
            buffer[i] = v
        }
        (first.z1, first.z2, second.z1, second.z2, third.z1, third.z2) = (p1, p2, q1, q2, r1, r2)
    }

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
