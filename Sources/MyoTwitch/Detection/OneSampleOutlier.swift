/// The shape test for a lone one-sample outlier in the raw signal (a glitch, a knock on a
/// sensor's bus), which the classifier calls an artifact instead of a twitch.
///
/// A one-sample spike has a second difference that dwarfs every other one nearby except its own
/// neighbours' (which the spike also moves). A potential spreads its second differences over the
/// samples it spans.
///
/// `strict` where a short potential may span only one or two samples (EMG below
/// `DetectorProfile.singleSampleMinimumRate`): then the outlier's raw neighbours must also stay
/// near the local baseline, since a potential's other phases or shoulders fill them. That test is
/// the guard at low rates, so the dominance need not be stricter there: on simulated 200, 250 and
/// 500 Hz recordings (development seeds 9001–9109, 3 h) a dominance of 0.2 flags 72 of 72
/// one-sample spikes and none of 1,609 twitches; 0.15 missed one spike (read as a twitch), 0.3
/// flags 5 twitches.
enum OneSampleOutlier {
    /// Whether any column of `rings` (raw samples, indexed by sample index `& mask`) holds a
    /// lone outlier within `span` samples of `peak`; the rings hold the samples after `oldest`
    /// and before `next`.
    static func isPresent(in rings: [UnsafeMutablePointer<Double>], mask: Int, around peak: Int,
                          span: Int, oldest: Int, next: Int, strict: Bool) -> Bool {
        let lo = max(oldest + 1, peak - span), hi = min(next - 2, peak + span)
        guard hi - lo >= 6 else { return false }
        let dominance = 0.2
        for raw in rings {
            func x(_ j: Int) -> Double { raw[j & mask] }
            func d2(_ j: Int) -> Double { abs(x(j) - 0.5 * (x(j - 1) + x(j + 1))) }
            var maxIndex = lo, maxValue = 0.0
            for j in lo...hi {
                let v = d2(j)
                if v > maxValue { maxValue = v; maxIndex = j }
            }
            guard maxValue > 0 else { continue }
            var rest = 0.0
            for j in lo...hi where abs(j - maxIndex) >= 2 { rest = max(rest, d2(j)) }
            guard rest < dominance * maxValue else { continue }
            guard strict else { return true }
            let m = maxIndex
            guard m - 3 > oldest, m + 3 < next else { continue }
            let baseline = 0.5 * (x(m - 3) + x(m + 3))
            let height = abs(x(m) - baseline)
            if max(abs(x(m - 1) - baseline), abs(x(m + 1) - baseline)) < 0.15 * height { return true }
        }
        return false
    }
}
