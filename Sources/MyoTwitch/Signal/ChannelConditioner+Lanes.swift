internal import CSectionLanes

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
    ///   - kernel: the kernel eight lanes run in (at most `LaneKernel.best`; `.none` runs the
    ///     Swift lanes). Every choice gives the same bits; the tests try each.
    static func process<V: SIMD & SectionSample>(
        _ conditioners: inout [ChannelConditioner], as _: V.Type, columns: [UnsafePointer<Double>],
        count: Int, bandEnergy: [UnsafeMutablePointer<Double>],
        motionEnergy: [UnsafeMutablePointer<Double>], bandSignal: [UnsafeMutablePointer<Double>?],
        scratch: UnsafeMutablePointer<V>, kernel: LaneKernel = LaneKernel.best
    ) where V.Scalar == Double {
        let lanes = V.scalarCount
        precondition(conditioners.count == lanes && columns.count == lanes)
        let signalsAlike = bandSignal.allSatisfy { $0 == nil } || bandSignal.allSatisfy { $0 != nil }
        if lanes == 8 && kernel != .none && kernel <= LaneKernel.best && signalsAlike {
            processInKernel(&conditioners, kernel: kernel, columns: columns, count: count,
                            bandEnergy: bandEnergy, motionEnergy: motionEnergy, bandSignal: bandSignal)
            return
        }
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

    /// `process` for eight lanes in the `CSectionLanes` kernel: rows gathered and scattered by
    /// 4×4 transposes instead of a scalar insert per value, each row two 256-bit registers (the
    /// Swift recursion on `SIMD8` compiles to four 128-bit halves for the baseline x86-64 and
    /// reloads its coefficients), both cascades in chunks that stay in the first-level cache.
    /// The same operations in the same order (no fused multiply-add), so the same bits.
    private static func processInKernel(
        _ conditioners: inout [ChannelConditioner], kernel: LaneKernel, columns: [UnsafePointer<Double>], count: Int,
        bandEnergy: [UnsafeMutablePointer<Double>], motionEnergy: [UnsafeMutablePointer<Double>],
        bandSignal: [UnsafeMutablePointer<Double>?]
    ) {
        var band = LaneKernel.Cascade(conditioners.map { $0.band[0] })
        var motion = LaneKernel.Cascade(conditioners.map { $0.motion[0] })
        let columns = columns.map { Optional($0) }, bandEnergy = bandEnergy.map { Optional($0) }
        let motionEnergy = motionEnergy.map { Optional($0) }
        band.withKernelCascade { bandCascade in
            motion.withKernelCascade { motionCascade in
                if bandSignal[0] != nil {
                    myo_condition_lanes8(columns, count, bandCascade, motionCascade, bandEnergy, bandSignal,
                                         motionEnergy, kernel.rawValue)
                } else {
                    myo_condition_lanes8(columns, count, bandCascade, motionCascade, bandEnergy, nil,
                                         motionEnergy, kernel.rawValue)
                }
            }
        }
        for lane in 0..<8 {
            band.store(lane: lane, into: &conditioners[lane].band[0])
            motion.store(lane: lane, into: &conditioners[lane].motion[0])
        }
    }
}
