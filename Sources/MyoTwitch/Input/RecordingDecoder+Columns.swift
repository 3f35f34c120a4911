import Foundation

/// Columns the first rows show are not signals to analyse: a time ramp in a headerless file, and
/// a second digitisation of one signal (mV and ADC columns of the same electrode).
extension RecordingDecoder {
    /// Correlation above which two columns are one signal stored twice: independent electrodes,
    /// even neighbours sharing crosstalk, stay far below 0.9999 over a second of EMG.
    static let duplicateCorrelation = 0.9999

    /// Drops ramp and duplicate columns from the plan, with one warning naming them.
    func pruneHeldColumns(_ sink: (DecoderOutput) throws -> Void) throws {
        guard var plan, heldTimes.count >= 16 else { return }
        var drop: [(slot: Int, why: String)] = []
        let headerless = options.columns == nil && plan.signalNames.enumerated().allSatisfy { $0.element == "ch\(plan.signalIndices[$0.offset] + 1)" }
        if headerless && plan.timeIndex == nil && plan.signalIndices.count > 1 && Self.isRamp(heldValues[0]) {
            drop.append((0, "\(plan.signalNames[0]) rises evenly, row by row: a time column, not a signal (name the columns with --columns time,…)"))
        }
        if plan.sensor == .emg && plan.signalIndices.count > 1 && options.channels == nil {
            for b in 1..<plan.signalIndices.count where !drop.contains(where: { $0.slot == b }) {
                for a in 0..<b where !drop.contains(where: { $0.slot == a }) {
                    guard abs(Self.correlation(heldValues[a], heldValues[b])) > Self.duplicateCorrelation else { continue }
                    // Keep the one in physical units (mV beside ADC counts), else the first.
                    let physical = { (k: Int) in plan.units[k] != nil && plan.units[k] != "adc" }
                    let (keep, lose) = physical(b) && !physical(a) ? (b, a) : (a, b)
                    drop.append((lose, "\(plan.signalNames[lose]) is the same signal as \(plan.signalNames[keep]) (correlation > \(Self.duplicateCorrelation) over the first \(heldTimes.count) rows), stored twice; analysed once"))
                    break
                }
            }
        }
        guard !drop.isEmpty, drop.count < plan.signalIndices.count else { return }
        let slots = Set(drop.map(\.slot))
        let keep = plan.signalIndices.indices.filter { !slots.contains($0) }
        plan.signalIndices = keep.map { plan.signalIndices[$0] }
        plan.signalNames = keep.map { plan.signalNames[$0] }
        plan.units = keep.map { plan.units[$0] }
        heldValues = keep.map { heldValues[$0] }
        let timeBase = format.timeBase
        format.deallocate()
        format = RowFormat(plan: plan, blockRows: Self.blockRows)
        format.timeBase = timeBase
        self.plan = plan
        warningCount += 1
        layoutWarnings.append(InputWarning(line: heldLines.first ?? 0, column: 0, code: "duplicate-column",
                                           message: drop.sorted { $0.slot < $1.slot }.map(\.why).joined(separator: "; ")))
    }

    /// Whether values rise by a steady step (a sample counter or time ramp): every step positive
    /// and within 10 % of the mean step.
    static func isRamp(_ values: [Double]) -> Bool {
        guard values.count >= 3, let first = values.first, let last = values.last, last > first else { return false }
        let mean = (last - first) / Double(values.count - 1)
        for (a, b) in zip(values, values.dropFirst()) where abs(b - a - mean) > 0.1 * mean { return false }
        return true
    }

    /// Pearson correlation (0 when either is constant).
    static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(min(x.count, y.count))
        // A constant column carries no signal to compare (and rounding would make it look alike).
        guard n >= 2, let x0 = x.first, let y0 = y.first,
              x.contains(where: { $0 != x0 }), y.contains(where: { $0 != y0 }) else { return 0 }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return 0 }
        return sxy / (sxx * syy).squareRoot()
    }
}
