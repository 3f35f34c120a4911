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
    static func process<V: SIMD>(
        _ conditioners: inout [ChannelConditioner], as _: V.Type, columns: [UnsafePointer<Double>],
        count: Int, bandEnergy: [UnsafeMutablePointer<Double>],
        motionEnergy: [UnsafeMutablePointer<Double>], bandSignal: [UnsafeMutablePointer<Double>?],
        scratch: UnsafeMutablePointer<V>
    ) where V.Scalar == Double {
        let lanes = V.scalarCount
        precondition(conditioners.count == lanes && columns.count == lanes)
        func gather() {
            for i in 0..<count {
                var v = V()
                for lane in 0..<lanes { v[lane] = columns[lane][i] }
                scratch[i] = v
            }
        }
        var bands = conditioners.map { $0.band[0] }
        var band = CascadeLanes<V>(bands)
        gather()
        band.process(scratch, count: count)
        band.store(into: &bands)
        for lane in 0..<lanes {
            let energy = bandEnergy[lane]
            if let signal = bandSignal[lane] {
                for i in 0..<count { signal[i] = scratch[i][lane] }
            }
            for i in 0..<count { let y = scratch[i][lane]; energy[i] = y * y }
        }
        var motions = conditioners.map { $0.motion[0] }
        var motion = CascadeLanes<V>(motions)
        gather()
        motion.process(scratch, count: count)
        motion.store(into: &motions)
        for lane in 0..<lanes {
            let energy = motionEnergy[lane]
            for i in 0..<count { let y = scratch[i][lane]; energy[i] = y * y }
            conditioners[lane].band[0] = bands[lane]
            conditioners[lane].motion[0] = motions[lane]
        }
    }
}
