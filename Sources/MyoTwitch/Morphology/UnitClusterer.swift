/// Groups the twitch potentials of one channel into putative motor units by template matching,
/// as fasciculation studies do: a potential, aligned on its peak (±`maxShiftSeconds` for
/// sub-sample jitter), joins the unit whose template leaves the smallest residual, when that
/// residual's mean square is at most `matchThreshold` × the noise variance; otherwise it starts
/// a new unit. Templates are the running mean of their members.
///
/// Why a residual and not a correlation: a discharge of the same unit differs from the template
/// only by noise, so the residual is noise whatever the potential's size or length — its mean
/// square is (1 + 1/n) σ² for a template of n members (2 σ² for the first). A correlation over
/// the ±25 ms window is dominated by noise for a short or small potential and by shape alone for
/// a large one (two units of one shape and different sizes would merge). The ±25 ms window of a
/// 2 kHz channel holds ~40 independent noise values after the 20–450 Hz band-pass, so the mean
/// square of a same-unit residual scatters by about ±0.45 σ² around 2 σ²; 3 σ² lets ≥ 98 % of
/// same-unit discharges join while a different unit of SNR ≥ 8 leaves several σ² more. Measured
/// on `UnitClusteringTests`' simulated units (purity, units found against true, printed).
///
/// Deterministic: potentials are taken in the order the analyzer hands twitches out, which does
/// not depend on block sizes.
struct UnitClusterer {
    /// Largest mean-square residual, in units of the noise variance, for a potential to join.
    static let matchThreshold = 3.0
    static let maxShiftSeconds = 0.0005
    /// Units per channel at most; later potentials that match none stay unassigned (bounded
    /// memory and work on a stream).
    static let maxUnits = 64

    struct Unit {
        var sum: [Double]
        var count: Int
        var template: [Double]
        var peakToPeaks: [Double] = []
        var firstTime: Double
    }

    let sampleRate: Double
    let half: Int
    let shift: Int
    private(set) var units: [Unit] = []

    init(sampleRate: Double) {
        self.sampleRate = sampleRate
        half = max(2, Int((PotentialMeasure.coreSeconds * sampleRate).rounded()))
        shift = max(1, Int((Self.maxShiftSeconds * sampleRate).rounded()))
    }

    /// Assigns the potential (`snippet` with its peak at `centre`) to a unit; returns the unit's
    /// index in `units`, or `nil` when no unit matches and no new one can be opened.
    mutating func assign(_ snippet: [Double], centre: Int, peakToPeak: Double, noiseRMS: Double, time: Double,
                         keepsValue: Bool = true) -> Int? {
        guard centre - half - shift >= 0, centre + half + shift < snippet.count else { return nil }
        var best: (index: Int, score: Double, offset: Int)? = nil
        let variance = noiseRMS * noiseRMS
        guard variance > 0 else { return nil }
        for (u, unit) in units.enumerated() {
            for offset in -shift...shift {
                let score = Self.residual(unit.template, snippet, from: centre - half + offset) / variance
                if score <= Self.matchThreshold && score < (best?.score ?? .infinity) { best = (u, score, offset) }
            }
        }
        if let best {
            let from = centre - half + best.offset
            for k in 0..<units[best.index].sum.count { units[best.index].sum[k] += snippet[from + k] }
            units[best.index].count += 1
            let n = Double(units[best.index].count)
            units[best.index].template = units[best.index].sum.map { $0 / n }
            if keepsValue { units[best.index].peakToPeaks.append(peakToPeak) }
            return best.index
        }
        guard units.count < Self.maxUnits else { return nil }
        let window = Array(snippet[(centre - half)...(centre + half)])
        units.append(Unit(sum: window, count: 1, template: window, peakToPeaks: [peakToPeak], firstTime: time))
        return units.count - 1
    }

    /// Mean square of `signal[from ..< from + template.count] - template`.
    static func residual(_ template: [Double], _ signal: [Double], from: Int) -> Double {
        var sum = 0.0
        for k in template.indices {
            let d = signal[from + k] - template[k]
            sum += d * d
        }
        return sum / Double(template.count)
    }
}
