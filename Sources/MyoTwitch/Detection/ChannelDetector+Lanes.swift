extension ChannelDetector {
    /// Conditions block rows `rows` of `detectors` (one column each, their conditioners sharing lanes,
    /// `ChannelConditioner.sharesLanes`) together, a detector per lane of `V`: what `condition`
    /// does for each, bit for bit.
    static func conditionTogether<V: SIMD & SectionSample>(_ detectors: [ChannelDetector], as _: V.Type,
                                          columns: [UnsafePointer<Double>], rows: Range<Int>) where V.Scalar == Double {
        guard !rows.isEmpty else { return }
        for d in detectors { d.reserve(rows.upperBound) }
        let count = rows.count, first = rows.lowerBound
        let lead = detectors[0]
        let bytes = count * MemoryLayout<V>.stride
        if (lead.laneBuffer?.bytes ?? 0) < bytes {
            lead.laneBuffer?.pointer.deallocate()
            lead.laneBuffer = (.allocate(byteCount: bytes, alignment: 64), bytes)
        }
        let scratch = lead.laneBuffer!.pointer.bindMemory(to: V.self, capacity: count)
        var conditioners = detectors.map(\.conditioner)
        ChannelConditioner.process(&conditioners, as: V.self, columns: columns.map { $0 + first }, count: count,
                                   bandEnergy: detectors.map { $0.bandEnergy + first },
                                   motionEnergy: detectors.map { $0.motionEnergy + first },
                                   bandSignal: detectors.map { $0.keepsBandSignal ? $0.bandSignal + first : nil },
                                   scratch: scratch)
        for (d, conditioner) in zip(detectors, conditioners) { d.conditioner = conditioner }
    }

    /// Whether this detector's channel can be conditioned together with `other`'s.
    func sharesLanes(with other: ChannelDetector) -> Bool { conditioner.sharesLanes(with: other.conditioner) }

    /// Rows `rows` of the conditioned block's `bandSignal` were changed (a neighbour's crosstalk
    /// taken out): the band energy becomes its square. One-column (EMG) detectors only.
    func bandSignalChanged(rows: Range<Int>) {
        precondition(columnCount == 1 && keepsBandSignal && rows.upperBound <= blockCapacity)
        for i in rows { bandEnergy[i] = bandSignal[i] * bandSignal[i] }
    }
}
