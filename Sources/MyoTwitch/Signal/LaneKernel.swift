internal import CSectionLanes

/// The eight-lane conditioning kernel (`CSectionLanes`): whether the processor runs it, and its
/// view of a cascade.
enum LaneKernel: Int32, Comparable {
    /// No kernel: the Swift lanes.
    case none = 0
    /// A row of eight channels as two 256-bit halves (AVX2, x86-64 processors since about 2013).
    /// A 512-bit version (one register per row) measured no faster on this project's AVX-512
    /// machine class (probably because the recursions' latency, not the width, sets the pace).
    case avx2 = 1

    /// The kernel this processor runs, checked once.
    static let best = LaneKernel(rawValue: myo_condition_lanes8_level()) ?? .none

    static func < (a: LaneKernel, b: LaneKernel) -> Bool { a.rawValue < b.rawValue }

    /// Eight channels' cascades (same coefficients) as the kernel takes them: b0, b1, b2, a1,
    /// a2 per section; z1[8], z2[8] per section.
    struct Cascade {
        var coefficients: [Double]
        var state: [Double]
        let sections: Int

        init(_ cascades: [FilterCascade]) {
            let first = cascades[0].sections
            sections = first.count
            coefficients = first.flatMap { [$0.b0, $0.b1, $0.b2, $0.a1, $0.a2] }
            state = Array(repeating: 0, count: 16 * sections)
            for k in 0..<sections {
                for lane in 0..<8 {
                    state[16 * k + lane] = cascades[lane].sections[k].z1
                    state[16 * k + 8 + lane] = cascades[lane].sections[k].z2
                }
            }
        }

        mutating func withKernelCascade<R>(_ body: (myo_lanes8_cascade) -> R) -> R {
            let sections = self.sections
            return coefficients.withUnsafeBufferPointer { c in
                state.withUnsafeMutableBufferPointer { z in
                    body(myo_lanes8_cascade(coefficients: c.baseAddress, state: z.baseAddress, sections: sections))
                }
            }
        }

        /// Copies lane `lane`'s filter state back into its channel's cascade.
        func store(lane: Int, into cascade: inout FilterCascade) {
            for k in 0..<sections {
                cascade.setState(section: k, z1: state[16 * k + lane], z2: state[16 * k + 8 + lane])
            }
        }
    }
}
