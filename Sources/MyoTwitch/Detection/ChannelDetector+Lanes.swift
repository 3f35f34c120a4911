extension ChannelDetector {
    /// Conditions `count` rows of `detectors` (one column each, their conditioners sharing lanes,
    /// `ChannelConditioner.sharesLanes`) together, a detector per lane of `V`: what `condition`
    /// does for each, bit for bit.
    static func conditionTogether<V: SIMD & SectionSample>(_ detectors: [ChannelDetector], as _: V.Type,
                                          columns: [UnsafePointer<Double>], count: Int) where V.Scalar == Double {
        guard count > 0 else { return }
        for d in detectors { d.reserve(count) }
        let lead = detectors[0]
        let bytes = count * MemoryLayout<V>.stride
        if (lead.laneBuffer?.bytes ?? 0) < bytes {
            lead.laneBuffer?.pointer.deallocate()
            lead.laneBuffer = (.allocate(byteCount: bytes, alignment: 64), bytes)
        }
        let scratch = lead.laneBuffer!.pointer.bindMemory(to: V.self, capacity: count)
        var conditioners = detectors.map(\.conditioner)
        ChannelConditioner.process(&conditioners, as: V.self, columns: columns, count: count,
                                   bandEnergy: detectors.map(\.bandEnergy),
                                   motionEnergy: detectors.map(\.motionEnergy),
                                   bandSignal: detectors.map { $0.keepsBandSignal ? $0.bandSignal : nil },
                                   scratch: scratch)
        for (d, conditioner) in zip(detectors, conditioners) { d.conditioner = conditioner }
    }

    /// Whether this detector's channel can be conditioned together with `other`'s.
    func sharesLanes(with other: ChannelDetector) -> Bool { conditioner.sharesLanes(with: other.conditioner) }

    /// `bandSignal` of the conditioned block was changed (a neighbour's crosstalk taken out):
    /// the band energy becomes its square. One-column (EMG) detectors only.
    func bandSignalChanged(count: Int) {
        precondition(columnCount == 1 && keepsBandSignal && count <= blockCapacity)
        for i in 0..<count { bandEnergy[i] = bandSignal[i] * bandSignal[i] }
    }
}
