import Foundation
internal import CFFTW

/// A real-to-complex FFT of one fixed length, owning its FFTW plan and aligned buffers.
///
/// Plans are made with `FFTW_ESTIMATE`, which is deterministic (`FFTW_MEASURE` picks algorithms by
/// timing and gives run-to-run different bits). The FFTW planner is not thread-safe, so plan
/// creation and destruction go through one process-wide lock; executing a plan is thread-safe.
/// One instance belongs to one owner at a time (it is not `Sendable`).
public final class RealFFT {
    /// Transform length, samples.
    public let length: Int
    private let input: UnsafeMutablePointer<Double>
    private let output: UnsafeMutablePointer<fftw_complex>
    private let plan: fftw_plan

    private static let plannerLock = NSLock()

    /// - Parameter length: the transform length, ≥ 2.
    public init(length: Int) {
        precondition(length >= 2, "FFT length must be at least 2")
        self.length = length
        let (input, output, plan) = Self.plannerLock.withLock {
            let input = fftw_alloc_real(length)!
            let output = fftw_alloc_complex(length / 2 + 1)!
            let plan = fftw_plan_dft_r2c_1d(Int32(length), input, output, UInt32(FFTW_ESTIMATE))!
            return (input, output, plan)
        }
        self.input = input
        self.output = output
        self.plan = plan
    }

    deinit {
        Self.plannerLock.withLock {
            fftw_destroy_plan(plan)
            fftw_free(input)
            fftw_free(output)
        }
    }

    /// Number of frequency bins, `length / 2 + 1`.
    public var binCount: Int { length / 2 + 1 }

    /// Transforms `samples` (exactly `length` of them, multiplied by `window` when given) and
    /// writes the squared magnitude of each bin into `power` (`binCount` elements).
    public func powerSpectrum(of samples: UnsafeBufferPointer<Double>,
                              window: UnsafeBufferPointer<Double>? = nil,
                              into power: UnsafeMutableBufferPointer<Double>) {
        precondition(samples.count == length && power.count >= binCount)
        if let window {
            for i in 0..<length { input[i] = samples[i] * window[i] }
        } else {
            for i in 0..<length { input[i] = samples[i] }
        }
        fftw_execute(plan)
        let raw = UnsafeMutableRawPointer(output).assumingMemoryBound(to: Double.self)
        for k in 0..<binCount {
            let re = raw[2 * k], im = raw[2 * k + 1]
            power[k] = re * re + im * im
        }
    }
}
