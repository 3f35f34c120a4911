import Foundation

extension RecordingDecoder {
    /// Decides the time unit and sample rate from the held rows, hands out the layout, then the
    /// held rows as samples.
    func startStreaming(_ sink: (DecoderOutput) throws -> Void) throws {
        try pruneHeldColumns(sink)
        guard let plan else { return }
        var (rate, fitted) = try estimateRate(plan)
        let uneven = unevenAxis(plan, rate: rate, fitted: fitted)
        if let uneven {
            rate = uneven.gridRate
            grid = UniformGrid(interval: 1 / rate, signals: plan.signalNames.count)
        }
        nominalInterval = fitted ?? 1 / rate
        layoutRate = rate
        clock = ClockFit(prior: nominalInterval)
        let ignoresTime = plan.timeIndex != nil && options.sampleRateHz != nil
        fitsClock = format.hasTime && uneven == nil && !ignoresTime
        var timeAxis = "--rate"
        if ignoresTime {
            format.hasTime = false
            warningCount += 1
            layoutWarnings.append(InputWarning(
                line: heldLines.first ?? 0, column: (plan.timeIndex ?? -1) + 1, code: "time-ignored",
                message: "--rate \(Self.hertz(rate)) replaces the time column \"\(plan.timeName ?? "")\": its stamps are ignored "
                    + "(no gaps are found from them); samples are taken as evenly spaced from the first row"))
        } else if let name = plan.timeName {
            let unit = plan.timeIsText ? "ISO-8601" : Self.unitName(timeScale)
            timeAxis = "column:\(name) (\(unit))" + (uneven == nil ? "" : ", resampled")
        }
        if plan.timeIndex == nil && options.sampleRateHz == nil && plan.rateHint != nil {
            timeAxis = "header rate"
        }
        var layout = RecordingLayout(sensor: plan.sensor, sampleRateHz: rate, columns: plan.signalNames,
                                     units: plan.units, dialect: plan.dialect, timeAxis: timeAxis)
        layout.startTime = plan.startTime
        try sink(.layout(layout))
        stage = .streaming
        // Warnings found before the layout go after it, where the analysis records them.
        for warning in layoutWarnings { try sink(.warning(warning)) }
        layoutWarnings = []
        if !plan.notes.isEmpty {
            warningCount += 1
            try sink(.warning(InputWarning(
                line: heldLines.first ?? 0, column: 0, code: "columns-not-analysed",
                message: "analysed: \(HeaderAnalyzer.list(plan.signalNames)); not analysed: \(plan.notes.joined(separator: "; "))")))
        }
        if let uneven {
            warningCount += 1
            try sink(.warning(InputWarning(
                line: heldLines.first ?? 0, column: (plan.timeIndex ?? -1) + 1, code: "time-resampled",
                message: "the timestamps are uneven (they stray up to \(Self.milliseconds(uneven.deviation)) "
                    + "from an even \(Self.hertz(uneven.medianRate)) axis within the first \(heldTimes.count) rows); "
                    + "samples are interpolated onto a uniform \(Self.hertz(rate)) grid, never across a gap")))
        }
        let times = heldTimes, lines = heldLines, values = heldValues
        heldTimes = []; heldLines = []
        heldValues = Array(repeating: [], count: values.count)
        for r in times.indices {
            for c in 0..<format.signalCount { format.row[c] = values[c][r] }
            try accept(time: times[r], line: lines[r], sink)
        }
    }

    /// How far stamps may stray from an even axis, in intervals, before it is resampled. One
    /// interval: rounding of printed stamps and jitter around a steady clock stay well within
    /// it, while a clock that really runs unevenly drifts past it.
    static let unevenTolerance = 1.0

    /// Whether the held stamps call for resampling, and onto which grid. Only for time columns of
    /// files that state no rate (a device that states its rate has a steady clock, whatever its
    /// host wrote in the time column) and whose stamps increase (repeated host stamps carry no
    /// timing to interpolate by). The grid rate is `--rate`, else the mean rate of the first run.
    private func unevenAxis(_ plan: ColumnPlan, rate: Double, fitted: Double?) -> (gridRate: Double, medianRate: Double, deviation: Double)? {
        guard plan.timeIndex != nil, plan.rateHint == nil, options.sampleRateHz == nil, heldTimes.count >= 3 else { return nil }
        // Deviations are measured from the line through the stamps, so that a rate a hair off
        // the fitted one does not read as an uneven clock.
        let interval = fitted ?? 1 / rate
        let t0 = heldTimes[0] * timeScale
        var latest = t0, last = 0, deviation = 0.0, notIncreasing = 0, missing = 0
        for i in 1..<heldTimes.count {
            let t = heldTimes[i] * timeScale
            if t - latest > Self.gapFactor * interval { break }  // the first run ends at a gap
            if t <= latest { notIncreasing += 1 }
            // A step of two whole intervals is a row that was skipped (malformed), not an uneven
            // clock: phone jitter stays well under 1.8 intervals.
            let steps = (t - latest) / interval
            if steps >= 1.8 && abs(steps - steps.rounded()) < 0.2 { missing += Int(steps.rounded()) - 1 }
            latest = max(latest, t)  // one stamp out of order is a warning, not an uneven clock
            deviation = max(deviation, abs(latest - (t0 + Double(i + missing) * interval)))
            last = i
        }
        guard deviation > Self.unevenTolerance * interval, notIncreasing * 100 <= last else { return nil }
        let span = heldTimes[last] * timeScale - t0
        guard span > 0 else { return nil }
        return (options.sampleRateHz ?? Double(last) / span, rate, deviation)
    }

    private static func milliseconds(_ seconds: Double) -> String {
        String(format: "%.1f ms", seconds * 1000)
    }

    private static func hertz(_ rate: Double) -> String {
        String(format: rate >= 100 ? "%.1f Hz" : "%.3f Hz", rate)
    }

    private static func unitName(_ scale: Double) -> String {
        switch scale {
        case 1e-3: "ms"
        case 1e-6: "µs"
        case 1e-9: "ns"
        default: "s"
        }
    }

    /// The layout's rate and, from a time column, the fitted seconds per row (unsnapped).
    private func estimateRate(_ plan: ColumnPlan) throws -> (Double, Double?) {
        guard plan.timeIndex != nil else {
            if let rate = options.sampleRateHz ?? plan.rateHint { return (rate, nil) }
            throw InputError(path: path, message: "no time column found (columns: \(plan.signalNames.joined(separator: ", "))); give the sample rate with --rate HZ")
        }
        var intervals: [Double] = []
        for (a, b) in zip(heldTimes, heldTimes.dropFirst()) where b > a { intervals.append(b - a) }
        if let given = options.sampleRateHz {
            timeScale = plan.timeScale ?? Self.guessScale(median: intervals.isEmpty ? nil : Self.median(intervals), rate: given)
            return (given, nil)
        }
        guard !intervals.isEmpty else {
            throw InputError(path: path, line: heldLines.first ?? 0,
                             message: heldTimes.count < 2
                                ? "only one data row; at least two are needed to estimate the sample rate (or give --rate HZ)"
                                : "the time column never increases; cannot estimate the sample rate (give --rate HZ)")
        }
        let median = Self.median(intervals)
        if let scale = plan.timeScale {
            timeScale = scale
        } else {
            guard let scale = Self.plausibleScale(median: median) else {
                throw InputError(path: path, line: heldLines.first ?? 0,
                                 message: "cannot tell the unit of time column \"\(plan.timeName ?? "")\": its median step \(median) gives no plausible sample rate in s, ms, µs or ns (give --rate HZ)")
            }
            timeScale = scale
        }
        // The rate is the slope of a line through the stamps of the first run, not the median
        // step: printed steps are rounded or quantised (see `ClockFit`).
        let fitted = Self.fittedInterval(heldTimes, scale: timeScale, median: median * timeScale) ?? median * timeScale
        let estimated = Self.snapped(1 / fitted)
        // Repeated stamps, and no step finer than the fitted interval: the column's resolution is
        // coarser than the samples (whole milliseconds at 1024 Hz), so repeats are expected.
        let repeats = zip(heldTimes, heldTimes.dropFirst()).filter { $0 == $1 }.count
        quantisedStamps = repeats >= max(3, heldTimes.count / 200) && (intervals.min() ?? 0) * timeScale >= 0.999 * fitted
        if let hint = plan.rateHint, abs(hint - estimated) <= 0.1 * hint { return (hint, 1 / hint) }
        return (estimated, fitted)
    }

    /// The unit (seconds per step) that makes a median step a plausible sample rate: 5 Hz to
    /// 200 kHz, trying s, ms, µs, ns in that order.
    static func plausibleScale(median: Double) -> Double? {
        for scale in [1, 1e-3, 1e-6, 1e-9] {
            let rate = 1 / (median * scale)
            if rate >= 5 && rate <= 200_000 { return scale }
        }
        return nil
    }

    private static func guessScale(median: Double?, rate: Double) -> Double {
        guard let median else { return 1 }
        // With a given rate, the unit is the one whose step comes closest to it.
        func misfit(_ scale: Double) -> Double { abs(log(1 / (scale * median) / rate)) }
        let scales: [Double] = [1, 1e-3, 1e-6, 1e-9]
        return scales.min { misfit($0) < misfit($1) }!
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    /// Takes one parsed row (in `row`) at raw time `time`. The common row (time rising by less
    /// than a gap) takes the short path, small enough to stay inlined in the row loop; everything
    /// else goes through `acceptTime`.
    @inline(__always)
    func accept(time raw: Double, line: Int, _ sink: (DecoderOutput) throws -> Void) throws {
        if format.hasTime {
            let t = raw * timeScale + timeShift
            let step = t - lastTime
            if step > 0 && step <= Self.gapFactor * nominalInterval && rowsEmitted > 0 && resetCandidate == nil {
                if fitsClock {
                    clock.add(t)
                    clockCountdown &-= 1
                    if clockCountdown == 0 { try clockEvent(t, line: line, sink) }
                }
                lastTime = t
            } else {
                try acceptTime(t, line: line, sink)
            }
        }
        // Times go into the block with the values; an uneven axis is resampled a block at a
        // time in `flushBlock`, out of this loop (a branch into it here cost the even, common
        // case a fifth of its speed).
        format.append(time: raw)
        rowsEmitted += 1
        if format.blockFill >= Self.blockRows { try flushBlock(sink) }
    }

    /// The time of a row that is not simply the next: the first, after a gap, backwards (an
    /// outlier or a clock reset), repeated, or after a held far-back stamp.
    @inline(never)
    private func acceptTime(_ stamp: Double, line: Int, _ sink: (DecoderOutput) throws -> Void) throws {
        var t = stamp
        var fitted = t
        if rowsEmitted > 0 {
            let step = t - lastTime
            if step > Self.gapFactor * nominalInterval {
                try flushBlock(sink)
                try sink(.gap(Gap(start: lastTime, end: t, line: line)))
                (axisIndex, axisTime) = (rowsEmitted, t)
                runStarts = true
                if fitsClock { startClockRun(at: t, prior: clock.interval) }
            } else if step < 0 {
                if fitsClock && -step > Self.gapFactor * nominalInterval {
                    // One stamp far back is an outlier; two in a row, continuing each other,
                    // are a clock reset. Decided on the next row.
                    if let candidate = resetCandidate, t > candidate.time,
                       t - candidate.time <= Self.gapFactor * nominalInterval {
                        t = try clockReset(t, line: line, sink)
                        fitted = t
                    } else {
                        try settleResetCandidate(sink)
                        resetCandidate = (t, line, -step)
                        fitted = clock.time(ofRow: clock.rows)  // the row counts at its fitted time
                    }
                } else {
                    try timeWarning("time-backwards", line: line, "time goes back by \(-step) s; the sample is kept in order", sink)
                }
            } else if step == 0 && !quantisedStamps {
                try timeWarning("time-repeated", line: line, "the same time as the previous row; the sample is kept", sink)
            }
        } else if fitsClock {
            startClockRun(at: t, prior: nominalInterval)
            anchor(time: 0, interval: nominalInterval)
        }
        if let candidate = resetCandidate, candidate.line != line { try settleResetCandidate(sink) }
        if fitsClock { try clockRow(fitted, line: line, sink) }
        // Steps are measured from the latest time seen, so one out-of-order stamp does not
        // turn the next, in-order one into a gap.
        lastTime = rowsEmitted == 0 ? t : max(lastTime, t)
    }

    /// The block's rows placed on the uniform grid (an uneven axis); empties the block.
    private func resampledBlock() -> SampleBlock {
        let signals = format.signalCount
        var out = Array(repeating: [Double](), count: signals)
        var row = [Double](repeating: 0, count: signals)
        for r in 0..<format.blockFill {
            let t = format.times[r] * timeScale
            for c in 0..<signals { row[c] = format.columns[c][r] }
            row.withUnsafeBufferPointer { current in
                let x = current.baseAddress!
                if runStarts {
                    runStarts = false
                    grid!.start(at: t, row: x)
                    for c in 0..<signals { out[c].append(x[c]) }
                    return
                }
                if t > grid!.previousTime {
                    while let fraction = grid!.nextFraction(upTo: t) {
                        for c in 0..<signals {
                            let p = grid!.previous[c]
                            out[c].append(p + fraction * (x[c] - p))
                        }
                    }
                }
                grid!.remember(t, x)
            }
        }
        format.blockFill = 0
        return SampleBlock(columns: out)
    }

    func flushBlock(_ sink: (DecoderOutput) throws -> Void) throws {
        guard stage == .streaming, format.blockFill > 0 else { return }
        var block = grid == nil ? format.takeBlock() : resampledBlock()
        if !pendingAnchors.isEmpty {
            block.clock = pendingAnchors
            pendingAnchors.removeAll(keepingCapacity: true)
        }
        if block.count > 0 { try sink(.samples(block)) }
    }

    func timeWarning(_ code: String, line: Int, _ message: String,
                             _ sink: (DecoderOutput) throws -> Void) throws {
        warningCount += 1
        let seen = (timeWarnings[code] ?? 0) + 1
        timeWarnings[code] = seen
        if seen <= Self.listedTimeWarnings {
            try sink(.warning(InputWarning(line: line, column: (plan?.timeIndex ?? -1) + 1, code: code, message: message)))
        }
    }

}
