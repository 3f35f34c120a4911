import Foundation

extension RecordingDecoder {
    /// Decides the time unit and sample rate from the held rows, hands out the layout, then the
    /// held rows as samples.
    func startStreaming(_ sink: (DecoderOutput) throws -> Void) throws {
        guard let plan else { return }
        let rate = try estimateRate(plan)
        nominalInterval = 1 / rate
        var timeAxis = "--rate"
        if let name = plan.timeName {
            let unit = plan.timeIsText ? "ISO-8601" : Self.unitName(timeScale)
            timeAxis = "column:\(name) (\(unit))"
        }
        let sensor = options.sensor ?? (plan.signalNames.allSatisfy(ColumnNames.isAcceleration) ? .accelerometer : .emg)
        try sink(.layout(RecordingLayout(sensor: sensor, sampleRateHz: rate, columns: plan.signalNames,
                                         units: plan.units, dialect: plan.dialect, timeAxis: timeAxis)))
        stage = .streaming
        let times = heldTimes, lines = heldLines, values = heldValues
        heldTimes = []; heldLines = []
        heldValues = Array(repeating: [], count: values.count)
        for r in times.indices {
            for c in 0..<format.signalCount { format.row[c] = values[c][r] }
            try accept(time: times[r], line: lines[r], sink)
        }
    }

    private static func unitName(_ scale: Double) -> String {
        switch scale {
        case 1e-3: "ms"
        case 1e-6: "µs"
        case 1e-9: "ns"
        default: "s"
        }
    }

    private func estimateRate(_ plan: ColumnPlan) throws -> Double {
        guard plan.timeIndex != nil else {
            if let rate = options.sampleRateHz ?? plan.rateHint { return rate }
            throw InputError(path: path, message: "no time column found (columns: \(plan.signalNames.joined(separator: ", "))); give the sample rate with --rate HZ")
        }
        var intervals: [Double] = []
        for (a, b) in zip(heldTimes, heldTimes.dropFirst()) where b > a { intervals.append(b - a) }
        if let given = options.sampleRateHz {
            timeScale = plan.timeScale ?? Self.guessScale(median: intervals.isEmpty ? nil : Self.median(intervals), rate: given)
            return given
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
        var estimated = 1 / (median * timeScale)
        // Timestamps printed with few decimals make the step a hair off (0.0005000000000000004):
        // snap to the nearest mHz when that is within a millionth.
        let snapped = (estimated * 1000).rounded() / 1000
        if abs(snapped - estimated) <= 1e-6 * estimated { estimated = snapped }
        if let hint = plan.rateHint, abs(hint - estimated) <= 0.1 * hint { return hint }
        return estimated
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

    /// Takes one parsed row (in `row`) at raw time `time`.
    @inline(__always)
    func accept(time raw: Double, line: Int, _ sink: (DecoderOutput) throws -> Void) throws {
        if format.hasTime {
            let t = raw * timeScale
            if rowsEmitted > 0 {
                let step = t - lastTime
                if step > Self.gapFactor * nominalInterval {
                    try flushBlock(sink)
                    try sink(.gap(Gap(start: lastTime, end: t, line: line)))
                } else if step < 0 {
                    try timeWarning("time-backwards", line: line, "time goes back by \(-step) s; the sample is kept in order", sink)
                } else if step == 0 {
                    try timeWarning("time-repeated", line: line, "the same time as the previous row; the sample is kept", sink)
                }
            }
            // Steps are measured from the latest time seen, so one out-of-order stamp does not
            // turn the next, in-order one into a gap.
            lastTime = rowsEmitted == 0 ? t : max(lastTime, t)
        }
        format.append()
        rowsEmitted += 1
        if format.blockFill >= Self.blockRows { try flushBlock(sink) }
    }

    private func timeWarning(_ code: String, line: Int, _ message: String,
                             _ sink: (DecoderOutput) throws -> Void) throws {
        warningCount += 1
        let seen = (timeWarnings[code] ?? 0) + 1
        timeWarnings[code] = seen
        if seen <= Self.listedTimeWarnings {
            try sink(.warning(InputWarning(line: line, column: (plan?.timeIndex ?? -1) + 1, code: code, message: message)))
        }
    }

    func flushBlock(_ sink: (DecoderOutput) throws -> Void) throws {
        guard stage == .streaming, format.blockFill > 0 else { return }
        let block = format.takeBlock()
        try sink(.samples(block))
    }
}
