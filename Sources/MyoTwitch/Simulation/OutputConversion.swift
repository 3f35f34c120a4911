import Foundation

/// From synthesis units (µV, g) to written values: a scale for physical units; for ADC counts a
/// step size chosen from the signal's range, a mid-scale DC offset (±5 % of full scale),
/// rounding and the converter's rails.
///
/// Rails: ADC counts clip at 0 and 2^bits − 1. Physical units clip at ±1.25 × the largest
/// magnitude of the unclipped signal (an amplifier's range a little above what it normally sees),
/// so only the deliberate clipping excursions reach them.
struct OutputConversion {
    let unit: SimulatedUnit
    /// Synthesis units per ADC count (ADC only).
    let step: Double
    /// Offset in counts (ADC only).
    let offset: Double
    let fullScale: Double
    /// The rails in synthesis units.
    let lowRail: Double
    let highRail: Double

    init(unit: SimulatedUnit, signal: [Double], random: inout SimulationRandom) {
        self.unit = unit
        let largest = signal.reduce(0) { max($0, abs($1)) }
        if let bits = unit.adcBits {
            fullScale = Double((1 << bits) - 1)
            let half = (fullScale + 1) / 2
            step = max(largest, 1e-12) * 1.25 / (0.9 * half)
            offset = half + random.uniform(-0.05, 0.05) * fullScale
            lowRail = -offset * step
            highRail = (fullScale - offset) * step
        } else {
            fullScale = 0
            step = 1
            offset = 0
            highRail = max(largest, 1e-12) * 1.25
            lowRail = -highRail
        }
    }

    /// The written value of a synthesis-unit sample.
    func output(_ value: Double) -> Double {
        if unit.adcBits != nil {
            return min(fullScale, max(0, (offset + value / step).rounded()))
        }
        return value * unit.scaleFromSynthesis
    }

    /// An amplitude (no offset) in output units.
    func amplitude(_ value: Double) -> Double {
        unit.adcBits != nil ? value / step : value * unit.scaleFromSynthesis
    }

    /// Decimal places that resolve 1/200 of the noise RMS (0 for ADC counts, which are integers).
    func decimals(noiseRMS: Double) -> Int {
        guard unit.adcBits == nil else { return 0 }
        let resolution = amplitude(noiseRMS) / 200
        return min(12, max(0, Int(Foundation.ceil(-Foundation.log10(resolution)))))
    }
}
