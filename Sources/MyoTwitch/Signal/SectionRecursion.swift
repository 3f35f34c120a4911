/// The arithmetic a second-order section needs, so that one recursion serves a single channel
/// (`Double`) and several channels in SIMD lanes, operation for operation (no fused
/// multiply-add): each lane's output is then bit-identical to the single-channel one.
protocol SectionSample {
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
}

extension Double: SectionSample {}
extension SIMD2: SectionSample where Scalar == Double {}
extension SIMD4: SectionSample where Scalar == Double {}
extension SIMD8: SectionSample where Scalar == Double {}

/// One section's coefficients (normalised, `a0 == 1`) and state (transposed direct form II),
/// in the sample type the recursion runs on.
struct SectionState<T: SectionSample> {
    var b0: T, b1: T, b2: T, a1: T, a2: T
    var z1: T, z2: T
}

/// The section recursions over a buffer, shared by `Biquad`/`FilterCascade` and `CascadeLanes`.
enum SectionRecursion {
    /// One sample through a section whose coefficients and state the caller keeps in locals (so
    /// that they stay in registers): returns the output and advances the state. The one place
    /// the recursion's arithmetic is written; every filter path's bits follow from it.
    @inline(__always)
    static func step<T: SectionSample>(_ x: T, _ b0: T, _ b1: T, _ b2: T, _ a1: T, _ a2: T,
                                       _ z1: inout T, _ z2: inout T) -> T {
        let y = b0 * x + z1
        z1 = b1 * x - a1 * y + z2
        z2 = b2 * x - a2 * y
        return y
    }

    /// Filters `buffer[0..<count]` in place through one section.
    @inline(__always)
    static func one<T: SectionSample>(_ s: inout SectionState<T>, _ buffer: UnsafeMutablePointer<T>, count: Int) {
        var (z1, z2) = (s.z1, s.z2)
        let (b0, b1, b2, a1, a2) = (s.b0, s.b1, s.b2, s.a1, s.a2)
        for i in 0..<count {
            buffer[i] = step(buffer[i], b0, b1, b2, a1, a2, &z1, &z2)
        }
        (s.z1, s.z2) = (z1, z2)
    }

    /// Filters `buffer[0..<count]` in place through `p`, `q` and `r` in turn, sample by sample.
    /// Each section's recursion waits on its own previous output (two dependent multiply-adds),
    /// but the three recursions are independent, so the processor overlaps them: about three
    /// times the throughput of three passes, with bit-identical results.
    @inline(__always)
    static func three<T: SectionSample>(_ p: inout SectionState<T>, _ q: inout SectionState<T>,
                                        _ r: inout SectionState<T>,
                                        _ buffer: UnsafeMutablePointer<T>, count: Int) {
        var (p1, p2, q1, q2, r1, r2) = (p.z1, p.z2, q.z1, q.z2, r.z1, r.z2)
        let (pb0, pb1, pb2, pa1, pa2) = (p.b0, p.b1, p.b2, p.a1, p.a2)
        let (qb0, qb1, qb2, qa1, qa2) = (q.b0, q.b1, q.b2, q.a1, q.a2)
        let (rb0, rb1, rb2, ra1, ra2) = (r.b0, r.b1, r.b2, r.a1, r.a2)
        for i in 0..<count {
            let y = step(buffer[i], pb0, pb1, pb2, pa1, pa2, &p1, &p2)
            let u = step(y, qb0, qb1, qb2, qa1, qa2, &q1, &q2)
            buffer[i] = step(u, rb0, rb1, rb2, ra1, ra2, &r1, &r2)
        }
        (p.z1, p.z2, q.z1, q.z2, r.z1, r.z2) = (p1, p2, q1, q2, r1, r2)
    }
}
