/// One filter cascade run over several channels at once, a channel per SIMD lane.
///
/// Every EMG channel of a recording has the same band, notch and motion filters (one mains
/// analysis serves them all), so their recursions can share instructions: each multiply-add of
/// a section works on all lanes. The arithmetic per lane is the scalar one, operation for
/// operation (no fused multiply-add), so each lane's output is bit-identical to
/// `FilterCascade.process` on that channel alone.
struct CascadeLanes<V: SIMD> where V.Scalar == Double {
    private var b0: [V], b1: [V], b2: [V], a1: [V], a2: [V]
    private var z1: [V], z2: [V]

    /// The cascades of `V.scalarCount` channels, which must share their coefficients
    /// (`FilterCascade.hasSameCoefficients`).
    init(_ cascades: [FilterCascade]) {
        precondition(cascades.count == V.scalarCount)
        let sections = cascades[0].sections
        b0 = sections.map { V(repeating: $0.b0) }
        b1 = sections.map { V(repeating: $0.b1) }
        b2 = sections.map { V(repeating: $0.b2) }
        a1 = sections.map { V(repeating: $0.a1) }
        a2 = sections.map { V(repeating: $0.a2) }
        z1 = sections.indices.map { k in Self.lanes { cascades[$0].sections[k].z1 } }
        z2 = sections.indices.map { k in Self.lanes { cascades[$0].sections[k].z2 } }
    }

    @inline(__always)
    private static func lanes(_ value: (Int) -> Double) -> V {
        var v = V()
        for lane in 0..<V.scalarCount { v[lane] = value(lane) }
        return v
    }

    /// Copies the lanes' filter state back into the channels' cascades.
    func store(into cascades: inout [FilterCascade]) {
        for lane in 0..<V.scalarCount {
            for k in z1.indices {
                cascades[lane].setState(section: k, z1: z1[k][lane], z2: z2[k][lane])
            }
        }
    }

    /// Filters `buffer` (one vector per row) in place, three sections per pass as
    /// `FilterCascade.process` does, so that independent recursions overlap.
    mutating func process(_ buffer: UnsafeMutablePointer<V>, count: Int) {
        var k = 0
        while k + 3 <= z1.count {
            processThree(k, buffer, count)
            k += 3
        }
        while k < z1.count {
            let (b0, b1, b2, a1, a2) = (self.b0[k], self.b1[k], self.b2[k], self.a1[k], self.a2[k])
            var (p1, p2) = (z1[k], z2[k])
            for i in 0..<count {
                let x = buffer[i]
                let y = b0 * x + p1
                p1 = b1 * x - a1 * y + p2
                p2 = b2 * x - a2 * y
                buffer[i] = y
            }
            (z1[k], z2[k]) = (p1, p2)
            k += 1
        }
    }

    private mutating func processThree(_ k: Int, _ buffer: UnsafeMutablePointer<V>, _ count: Int) {
        var (p1, p2, q1, q2, r1, r2) = (z1[k], z2[k], z1[k + 1], z2[k + 1], z1[k + 2], z2[k + 2])
        let (pb0, pb1, pb2, pa1, pa2) = (b0[k], b1[k], b2[k], a1[k], a2[k])
        let (qb0, qb1, qb2, qa1, qa2) = (b0[k + 1], b1[k + 1], b2[k + 1], a1[k + 1], a2[k + 1])
        let (rb0, rb1, rb2, ra1, ra2) = (b0[k + 2], b1[k + 2], b2[k + 2], a1[k + 2], a2[k + 2])
        for i in 0..<count {
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
        (z1[k], z2[k], z1[k + 1], z2[k + 1], z1[k + 2], z2[k + 2]) = (p1, p2, q1, q2, r1, r2)
    }
}

extension FilterCascade {
    /// Whether `other` has the same sections with the same coefficients (state aside).
    func hasSameCoefficients(as other: FilterCascade) -> Bool {
        sections.count == other.sections.count && zip(sections, other.sections).allSatisfy {
            $0.b0 == $1.b0 && $0.b1 == $1.b1 && $0.b2 == $1.b2 && $0.a1 == $1.a1 && $0.a2 == $1.a2
        }
    }

    mutating func setState(section k: Int, z1: Double, z2: Double) {
        sections[k].z1 = z1
        sections[k].z2 = z2
    }
}
