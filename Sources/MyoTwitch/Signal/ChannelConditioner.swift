/// Turns the raw samples of one analysed channel (one EMG column, or the axes of an accelerometer)
/// into the two energies the detectors need, sample by sample:
/// - `bandEnergy`: squared pass-band signal (EMG 20–450 Hz with mains notches; accelerometer
///   5–100 Hz per axis, summed over axes, which removes gravity and forms the vector magnitude);
/// - `motionEnergy`: squared motion-band signal (EMG 3–15 Hz; accelerometer 0.3–4 Hz), the power
///   of movement and electrode artifacts.
///
/// Filter order 4 (two sections per edge) gives 24 dB/octave, enough to keep 1 Hz wander and a
/// 1 g gravity component 60–80 dB below a twitch.
struct ChannelConditioner {
    var band: [FilterCascade]
    var motion: [FilterCascade]
    let columnCount: Int

    /// - Parameters:
    ///   - notchFrequencies: mains lines to remove (fundamental and harmonics found), Hz.
    init(profile: DetectorProfile, sampleRate: Double, columnCount: Int,
         notchFrequencies: [Double]) {
        let nyquistCap = 0.45 * sampleRate
        let low = min(profile.band.low, 0.2 * sampleRate)
        let high = min(profile.band.high, nyquistCap)
        var bandFilter = FilterCascade.butterworthHighPass(order: 4, cutoff: low, sampleRate: sampleRate)
        if high < nyquistCap || profile.band.high <= nyquistCap {
            bandFilter = bandFilter.then(
                .butterworthLowPass(order: 4, cutoff: high, sampleRate: sampleRate))
        }
        let notches = FilterCascade(notchFrequencies.filter { $0 < 0.475 * sampleRate }.map {
            Biquad.notch(frequency: $0, q: 30, sampleRate: sampleRate)
        })
        bandFilter = notches.then(bandFilter)
        let motionFilter = FilterCascade.butterworthHighPass(
            order: 2, cutoff: min(profile.motionBand.low, 0.1 * sampleRate), sampleRate: sampleRate)
            .then(.butterworthLowPass(order: 2, cutoff: min(profile.motionBand.high, 0.4 * sampleRate),
                                      sampleRate: sampleRate))
        self.columnCount = columnCount
        band = Array(repeating: bandFilter, count: columnCount)
        motion = Array(repeating: motionFilter, count: columnCount)
    }

    /// Primes the filters for the first samples `values` (one per column), so that a DC offset
    /// (ADC counts, gravity) does not ring through the high-passes as a fake event.
    mutating func prime(with values: [Double]) {
        for c in 0..<columnCount {
            band[c].reset()
            motion[c].reset()
            band[c].prime(steadyInput: values[c])
            motion[c].prime(steadyInput: values[c])
        }
    }

    /// Conditions `count` rows: `columns[c]` points at column `c`'s samples. Writes the band and
    /// motion energies per row. Filters run section by section over the whole block, which keeps
    /// each section's state in registers and is several times faster than sample by sample.
    /// `bandSignal`, when given, receives the first column's pass-band signal itself (for the
    /// crosstalk correlation across EMG channels).
    mutating func process(columns: [UnsafePointer<Double>], count: Int,
                          bandEnergy: UnsafeMutablePointer<Double>,
                          motionEnergy: UnsafeMutablePointer<Double>,
                          scratch: UnsafeMutablePointer<Double>,
                          bandSignal: UnsafeMutablePointer<Double>? = nil) {
        for c in 0..<columnCount {
            let work = UnsafeMutableBufferPointer(start: scratch, count: count)
            // Band signal, squared, summed over columns.
            work.baseAddress!.update(from: columns[c], count: count)
            band[c].process(work)
            if c == 0, let bandSignal { bandSignal.update(from: work.baseAddress!, count: count) }
            if c == 0 {
                for i in 0..<count { bandEnergy[i] = work[i] * work[i] }
            } else {
                for i in 0..<count { bandEnergy[i] += work[i] * work[i] }
            }
            // Motion signal, squared, summed over columns.
            work.baseAddress!.update(from: columns[c], count: count)
            motion[c].process(work)
            if c == 0 {
                for i in 0..<count { motionEnergy[i] = work[i] * work[i] }
            } else {
                for i in 0..<count { motionEnergy[i] += work[i] * work[i] }
            }
        }
    }
}
