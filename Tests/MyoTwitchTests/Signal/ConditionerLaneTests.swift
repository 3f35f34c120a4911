import Foundation
import Testing
@testable import MyoTwitch

/// Conditioning EMG channels together in SIMD lanes must give what conditioning each alone
/// gives, bit for bit, block after block (the filter state carries over). Eight lanes run in the
/// Swift lanes and in the AVX2 kernel `myo_condition_lanes8` (where the processor lacks AVX2,
/// the Swift lanes again); sections go in groups of three, two and one (6 and 7 band sections,
/// 2 motion ones).
@Suite struct ConditionerLaneTests {
    @Test(arguments: [(2, [50.0, 100, 150], LaneKernel.none), (4, [60.0, 120, 180, 240], .none), (4, [], .none),
                      (8, [50.0, 100], .none), (8, [50.0, 100], .avx2), (8, [50.0, 100, 150], .avx2)])
    func lanesMatchOneChannelAtATime(lanes: Int, notches: [Double], kernel: LaneKernel) {
        let rate = 2000.0, blocks = [4096, 1, 777, 4096]
        var random = SimulationRandom(seed: UInt64(lanes * 100 + notches.count))
        let total = blocks.reduce(0, +)
        // Noise, a DC offset and mains per channel: the filters have something to do.
        let mains = notches.first ?? 50
        var signals: [[Double]] = []
        for c in 0..<lanes {
            var column: [Double] = []
            for i in 0..<total {
                let noise = Double(Int(random.next() % 20_001) - 10_000) / 1000
                let hum: Double = 5 * sin(2 * Double.pi * mains * Double(i) / rate)
                column.append(noise + 30 * Double(c) + hum)
            }
            signals.append(column)
        }
        let make = { ChannelConditioner(profile: .emg, sampleRate: rate, columnCount: 1, notchFrequencies: notches) }
        var alone = (0..<lanes).map { c -> ChannelConditioner in var k = make(); k.prime(with: [signals[c][0]]); return k }
        var together = alone
        #expect(together[0].sharesLanes(with: together[lanes - 1]))
        let capacity = blocks.max()!
        func buffers() -> [UnsafeMutablePointer<Double>] { (0..<lanes).map { _ in .allocate(capacity: capacity) } }
        let (bandA, motionA, signalA) = (buffers(), buffers(), buffers())
        let (bandT, motionT, signalT) = (buffers(), buffers(), buffers())
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: capacity)
        let vectors = UnsafeMutableRawPointer.allocate(byteCount: capacity * 64, alignment: 64)
        defer {
            for p in bandA + motionA + signalA + bandT + motionT + signalT { p.deallocate() }
            scratch.deallocate(); vectors.deallocate()
        }
        var start = 0
        for count in blocks {
            signals.withUnsafeBufferPointers { columns in
                let rows = columns.map { $0 + start }
                for c in 0..<lanes {
                    alone[c].process(columns: [rows[c]], count: count, bandEnergy: bandA[c],
                                     motionEnergy: motionA[c], scratch: scratch, bandSignal: signalA[c])
                }
                if lanes == 8 {
                    ChannelConditioner.process(&together, as: SIMD8<Double>.self, columns: rows, count: count,
                                               bandEnergy: bandT, motionEnergy: motionT, bandSignal: signalT,
                                               scratch: vectors.bindMemory(to: SIMD8<Double>.self, capacity: count),
                                               kernel: kernel)
                } else if lanes == 4 {
                    ChannelConditioner.process(&together, as: SIMD4<Double>.self, columns: rows, count: count,
                                               bandEnergy: bandT, motionEnergy: motionT, bandSignal: signalT,
                                               scratch: vectors.bindMemory(to: SIMD4<Double>.self, capacity: count))
                } else {
                    ChannelConditioner.process(&together, as: SIMD2<Double>.self, columns: rows, count: count,
                                               bandEnergy: bandT, motionEnergy: motionT, bandSignal: signalT,
                                               scratch: vectors.bindMemory(to: SIMD2<Double>.self, capacity: count))
                }
            }
            for c in 0..<lanes {
                for (a, t) in [(bandA[c], bandT[c]), (motionA[c], motionT[c]), (signalA[c], signalT[c])] {
                    let same = (0..<count).allSatisfy { a[$0].bitPattern == t[$0].bitPattern }
                    #expect(same, "lane \(c), block at row \(start)")
                }
            }
            start += count
        }
        #expect(bandA[0][0] != 0, "the filters produced output")
    }
}

private extension Array where Element == [Double] {
    func withUnsafeBufferPointers<R>(_ body: ([UnsafePointer<Double>]) -> R) -> R {
        var pointers: [UnsafePointer<Double>] = []
        func next(_ k: Int) -> R {
            guard k < count else { return body(pointers) }
            return self[k].withUnsafeBufferPointer { pointers.append($0.baseAddress!); return next(k + 1) }
        }
        return next(0)
    }
}
