extension ChannelConditioner {
    /// Whether `other` can share SIMD lanes with this conditioner: one column each and the same
    /// band and motion coefficients (true for every EMG channel of a recording).
    func sharesLanes(with other: ChannelConditioner) -> Bool {
        columnCount == 1 && other.columnCount == 1
            && band[0].hasSameCoefficients(as: other.band[0])
            && motion[0].hasSameCoefficients(as: other.motion[0])
    }

    /// Conditions `V.scalarCount` one-column channels together, a channel per lane: the same
    /// outputs, bit for bit, as `process` on each (see `CascadeLanes`).
    /// - Parameters:
    ///   - columns: each channel's raw samples.
    ///   - outputs: each channel's band energy, motion energy and (optional) band signal.
    ///   - scratch: room for `count` vectors.
    static func process<V: SIMD & SectionSample>(
        _ conditioners: inout [ChannelConditioner], as _: V.Type, columns: [UnsafePointer<Double>],
        count: Int, bandEnergy: [UnsafeMutablePointer<Double>],
        motionEnergy: [UnsafeMutablePointer<Double>], bandSignal: [UnsafeMutablePointer<Double>?],
        scratch: UnsafeMutablePointer<V>
    ) where V.Scalar == Double {
        let lanes = V.scalarCount
        precondition(conditioners.count == lanes && columns.count == lanes)
        // Runs one cascade per channel over the raw columns in lanes; writes each lane's energy
        // (and signal, where asked) and returns the cascades with their new state.
        func run(_ cascades: [FilterCascade], energy: [UnsafeMutablePointer<Double>],
                 signal: [UnsafeMutablePointer<Double>?]) -> [FilterCascade] {
            for i in 0..<count {
                var v = V()
                for lane in 0..<lanes { v[lane] = columns[lane][i] }
                scratch[i] = v
            }
            var together = CascadeLanes<V>(cascades)
            together.process(scratch, count: count)
            var updated = cascades
            together.store(into: &updated)
            for lane in 0..<lanes {
                if let out = signal[lane] {
                    for i in 0..<count { out[i] = scratch[i][lane] }
                }
                let out = energy[lane]
                for i in 0..<count { let y = scratch[i][lane]; out[i] = y * y }
            }
            return updated
        }
        let bands = run(conditioners.map { $0.band[0] }, energy: bandEnergy, signal: bandSignal)
        let motions = run(conditioners.map { $0.motion[0] }, energy: motionEnergy,
                          signal: Array(repeating: nil, count: lanes))
        for lane in 0..<lanes {
            conditioners[lane].band[0] = bands[lane]
            conditioners[lane].motion[0] = motions[lane]
        }
    }
}
