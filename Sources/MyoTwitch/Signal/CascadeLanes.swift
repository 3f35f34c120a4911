/// One filter cascade run over several channels at once, a channel per SIMD lane.
///
/// Every EMG channel of a recording has the same band, notch and motion filters (one mains
/// analysis serves them all), so their recursions can share instructions: each multiply-add of
/// a section works on all lanes. The arithmetic per lane is the scalar one, operation for
/// operation (no fused multiply-add), so each lane's output is bit-identical to
/// `FilterCascade.process` on that channel alone.
struct CascadeLanes<V: SIMD & SectionSample> where V.Scalar == Double {
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
            var (p, q, r) = (section(k), section(k + 1), section(k + 2))
            SectionRecursion.three(&p, &q, &r, buffer, count: count)
            (z1[k], z2[k], z1[k + 1], z2[k + 1], z1[k + 2], z2[k + 2]) = (p.z1, p.z2, q.z1, q.z2, r.z1, r.z2)
            k += 3
        }
        while k < z1.count {
            var s = section(k)
            SectionRecursion.one(&s, buffer, count: count)
            (z1[k], z2[k]) = (s.z1, s.z2)
            k += 1
        }
    }

    @inline(__always)
    private func section(_ k: Int) -> SectionState<V> {
        SectionState(b0: b0[k], b1: b1[k], b2: b2[k], a1: a1[k], a2: a2[k], z1: z1[k], z2: z2[k])
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
