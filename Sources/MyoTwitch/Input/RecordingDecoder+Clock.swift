import Foundation

/// The clock: the rate fitted to the stamps, anchors that keep sample times on the time column,
/// clock resets and rate changes.
extension RecordingDecoder {
    /// Rows between two anchors (and rate checks) within a run: 4096 rows are 2 s at 2048 Hz, so
    /// the fitted line is re-stated long before a drift of a fraction of a sample builds up.
    static let anchorRows = 4096
    /// A window's mean step this far from the fitted interval is a change of sample rate (a device
    /// reconfigured), not jitter: quantised or bunched stamps average out to well under 1 %.
    static let rateChangeTolerance = 0.05

    /// Standard rates a fitted rate is snapped to when within `snapTolerance`.
    static let standardRates: [Double] = [
        50, 100, 125, 128, 200, 250, 256, 400, 500, 512, 1000, 1024, 1200, 1500, 2000, 2048, 2500,
        3000, 4000, 4096, 5000, 8000, 8192, 10_000, 16_000, 16_384, 20_000, 25_000, 32_000, 32_768,
        40_000, 44_100, 48_000, 50_000, 96_000, 100_000,
    ]
    /// 0.1 %: rounding of printed stamps moves a rate fitted over 1000 rows by far less, a device
    /// clock is within 0.01 % of its nominal rate; the anchors take care of the rest.
    static let snapTolerance = 0.001

    /// The seconds per row of the least-squares line through the first run of `times` (raw, times
    /// `scale` gives seconds): up to the first step over `gapFactor` × `median`, where the rows
    /// stop being one steady run. Nil when fewer than two rows or no rise.
    static func fittedInterval(_ times: [Double], scale: Double, median: Double) -> Double? {
        var fit = ClockFit(prior: median)
        var latest = -Double.infinity
        for raw in times {
            let t = raw * scale
            if fit.rows > 0 && t - latest > gapFactor * median { break }
            if fit.rows == 0 { fit.start(at: t, prior: median) }
            fit.add(t)
            latest = max(latest, t)
        }
        guard fit.rows >= 2 else { return nil }
        let slope = fit.slope
        return slope > 0 && slope.isFinite ? slope : nil
    }

    /// A fitted rate snapped to a standard rate within `snapTolerance`, or to the nearest mHz when
    /// that is within a millionth, else as fitted.
    static func snapped(_ rate: Double) -> Double {
        if let standard = standardRates.first(where: { abs($0 - rate) <= snapTolerance * $0 }) { return standard }
        let milli = (rate * 1000).rounded() / 1000
        return abs(milli - rate) <= 1e-6 * rate ? milli : rate
    }

    /// Starts a clock run at stamp `t` (the first row, after a gap, after a rate change).
    @inline(__always)
    func startClockRun(at t: Double, prior: Double, clean: Bool = true) {
        // The first run's fitted start is the frame of all anchor times. At a gap the whole run
        // is one steady clock; at a rate change its last rows were at the new rate, so the value
        // from its last anchor is taken.
        if clockOffset == nil && rowsEmitted > 0 {
            clockOffset = clean ? clock.time(ofRow: 0) : (firstRunOffset ?? clock.time(ofRow: 0))
        }
        clock.start(at: t, prior: prior)
        checkTime = t
        checkRow = 0
        clockCountdown = Self.anchorRows
    }

    /// Adds the row at stamp `t` to the clock fit; every `anchorRows` rows of a run (a countdown,
    /// so the row path pays one decrement) states where the row lies and checks the rate.
    @inline(__always)
    func clockRow(_ t: Double, line: Int, _ sink: (DecoderOutput) throws -> Void) throws {
        clock.add(t)
        clockCountdown &-= 1
        if clockCountdown == 0 { try clockEvent(t, line: line, sink) }
    }

    /// The countdown ran out: an anchor (and, every `anchorRows` rows, a rate check).
    @inline(never)
    func clockEvent(_ t: Double, line: Int, _ sink: (DecoderOutput) throws -> Void) throws {
        if earlyAnchor && clock.rows == ClockFit.minimumRows {
            // After a rate change the carried interval is off: the run's first anchor comes as
            // soon as its own fit is trusted.
            earlyAnchor = false
            clockCountdown = Self.anchorRows - ClockFit.minimumRows
        } else {
            clockCountdown = Self.anchorRows
            try checkRate(t, line: line, sink)
        }
        let k = clock.rows - 1
        if clockOffset == nil { firstRunOffset = clock.time(ofRow: 0) }
        let offset = clockOffset ?? clock.time(ofRow: 0)
        anchor(time: clock.time(ofRow: k) - offset, interval: clock.interval)
    }

    /// States that the next row (index `rowsEmitted`) lies at `time` with `interval` to the next,
    /// unless the time axis already says so: an interval within a millionth of the layout's rate
    /// is that rate, and a time within 1 % of an interval of the axis's own is no news. So a file
    /// whose stamps keep the stated rate gets no anchors, and its times are exactly
    /// index ÷ rate, as without a time fit.
    func anchor(time: Double, interval: Double) {
        let stated: Double? = abs(interval * layoutRate - 1) < 1e-6 ? nil : interval
        let step = stated ?? 1 / layoutRate
        let predicted = stated == nil && axisInterval == nil
            ? axisTime + Double(rowsEmitted - axisIndex) / layoutRate
            : axisTime + Double(rowsEmitted - axisIndex) * (axisInterval ?? 1 / layoutRate)
        if stated == axisInterval && abs(time - predicted) < 0.01 * step { return }
        axisIndex = rowsEmitted
        axisTime = time
        axisInterval = stated
        pendingAnchors.append(ClockAnchor(offset: format.blockFill, time: time, interval: stated))
    }

    /// The held far-back stamp was not followed by a second: it was one outlying stamp.
    func settleResetCandidate(_ sink: (DecoderOutput) throws -> Void) throws {
        guard let candidate = resetCandidate else { return }
        resetCandidate = nil
        try timeWarning("time-backwards", line: candidate.line,
                        "time goes back by \(candidate.back) s; the sample is kept in order", sink)
    }

    /// Compares the mean step since the last check with the fitted interval; a change of sample
    /// rate restarts the fit at this row (times follow the stamps) with one warning.
    private func checkRate(_ t: Double, line: Int, _ sink: (DecoderOutput) throws -> Void) throws {
        let steps = clock.rows - 1 - checkRow
        let window = (t - checkTime) / Double(max(1, steps))
        checkTime = t
        checkRow = clock.rows - 1
        let fitted = clock.interval
        guard window > 0, abs(window / fitted - 1) > Self.rateChangeTolerance else { return }
        startClockRun(at: t, prior: window, clean: false)
        clock.add(t)
        earlyAnchor = true
        clockCountdown = ClockFit.minimumRows - 1
        nominalInterval = window
        warningCount += 1
        try sink(.warning(InputWarning(
            line: line, column: (plan?.timeIndex ?? -1) + 1, code: "rate-changed",
            message: String(format: "the time column's rate changes from %.6g Hz to %.6g Hz (within the %d rows before this line); "
                            + "event times follow the time column, but the filters stay tuned to %.6g Hz",
                            1 / fitted, 1 / window, steps, layoutRate))))
    }

    /// A stamp far before the latest one: the device clock was reset (or the file was spliced).
    /// The samples are taken to continue at the fitted rate, and every later stamp is shifted by
    /// the jump; one warning says where and by how much.
    func clockReset(_ t: Double, line: Int, _ sink: (DecoderOutput) throws -> Void) throws -> Double {
        guard let candidate = resetCandidate else { return t }
        resetCandidate = nil
        // The first far-back row counted at its fitted time, one interval after the latest.
        let shift = clock.time(ofRow: clock.rows - 1) - candidate.time
        timeShift += shift
        warningCount += 1
        try sink(.warning(InputWarning(
            line: candidate.line, column: (plan?.timeIndex ?? -1) + 1, code: "time-reset",
            message: String(format: "the time column jumps back by %.6g s (a clock reset?); the samples from this line on are taken "
                            + "to continue at the sample rate, their stamps shifted by +%.6g s", candidate.back, shift))))
        return t + shift
    }
}
