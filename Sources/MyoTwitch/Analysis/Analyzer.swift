/// The incremental analysis of one recording: pushed sample blocks, it hands back events and
/// episodes as soon as they are final. `analyze` drives it from a file, `stream` from standard
/// input; the same samples give the same events whatever the block sizes.
///
/// Memory stays bounded by the analysis windows (a few seconds of samples per channel), plus the
/// events found (unless `options.keepsEvents` is off) and a few numbers per episode and cramp for
/// the summary, never by the length of the recording (unless traces are collected for reports).
public final class Analyzer {
    public let layout: RecordingLayout
    public let path: String
    public let settings: AnalysisSettings
    public let options: AnalyzerOptions
    public let profile: DetectorProfile
    /// The analysed channels' names (`layout.analysedChannels`).
    public let channels: [String]
    /// Mains frequency found in the first seconds and notched out, Hz.
    public private(set) var mainsHz: Double?
    /// Mains lines (fundamental and harmonics) being notched, Hz.
    public private(set) var notchFrequencies: [Double] = []

    let sampleRate: Double
    private let channelColumns: [[Int]]
    /// Per channel: the factor from input units to the reported amplitude unit, and its name.
    private let amplitudeUnits: [(scale: Double, unit: String?)]
    private var detectors: [ChannelDetector] = []
    private var classifiers: [EventClassifier] = []
    private var rhythm: [RhythmGate] = []
    private var recruitment: [RecruitmentGate] = []
    /// EMG only: ECG beats that passed for twitches.
    private var heartbeat: [HeartbeatGate] = []
    /// EMG only, one per column: takes the ECG out before detection (`HeartbeatCanceller`).
    private var beatCancellers: [HeartbeatCanceller] = []
    private var cancellersNeedRestart = true

    /// Samples of the first seconds, per column, held until mains and noise floor are known.
    private var warmup: [[Double]]
    private let warmupLength: Int
    private var started = false
    private var needsRestart = true

    private var timeAxis = TimeAxis()
    private var crosstalk: CrosstalkFilter
    // The state touched per tile is exempt from run-time exclusivity checks (a call into the
    // runtime per access, 1 % of an 8-channel analysis); one thread drives an analyzer.
    /// Pass-band correlation between EMG channels (several channels only).
    @exclusivity(unchecked) private var correlation: CrosstalkCorrelation?
    /// Takes neighbours' crosstalk out of each EMG channel before detection (several channels only).
    @exclusivity(unchecked) private var canceller: CrosstalkCanceller?
    /// Per-tile pointers into the detectors' band signals, reused block after block.
    @exclusivity(unchecked) private var tileSignals: [UnsafeMutablePointer<Double>] = []
    @exclusivity(unchecked) private var tileInputs: [UnsafePointer<Double>] = []
    @exclusivity(unchecked) private var changedChannels: [Bool] = []
    /// Rows held back until their correlation tile is complete, per column.
    @exclusivity(unchecked) private var carry: [[Double]] = []
    private var tracker: EpisodeTracker
    private var events: [DetectedEvent] = []
    private var episodes: [Episode] = []
    private var tally: SummaryTally
    private var gaps: [Gap] = []
    private var warnings: [InputWarning] = []
    private var warningCount = 0
    /// Twitch potentials' shapes and units (EMG; `Morphology/`).
    private var morphology: MorphologyCollector?

    /// How many input warnings the summary lists; the rest are only counted.
    static let listedWarnings = 100
    /// Seconds of signal used to find mains and seed the noise floor. 4 s give four 1 Hz-resolution
    /// spectra to average and about 200 envelope values: enough for stable medians.
    static let warmupSeconds = 4.0

    /// `profile`: every threshold of detection and labelling (nil: the sensor's,
    /// `DetectorProfile.for`); `settings.thresholdFactor` scales its false-alarm levels.
    public init(layout: RecordingLayout, path: String, settings: AnalysisSettings = AnalysisSettings(),
                options: AnalyzerOptions = AnalyzerOptions(), profile: DetectorProfile? = nil) {
        self.layout = layout
        self.path = path
        self.settings = settings
        self.options = options
        var profile = profile ?? DetectorProfile.for(layout.sensor)
        profile.thresholdScale = settings.thresholdFactor
        self.profile = profile
        sampleRate = layout.sampleRateHz
        channels = layout.analysedChannels
        channelColumns = layout.sensor == .emg ? layout.columns.indices.map { [$0] }
                                               : [Array(layout.columns.indices)]
        amplitudeUnits = channelColumns.map { columns in
            let units = columns.map { layout.units.indices.contains($0) ? layout.units[$0] : nil }
            if let n = AmplitudeUnit.normalisation(of: units, sensor: layout.sensor) { return (n.scale, n.unit) }
            return (1, units.allSatisfy { $0 == "adc" } ? "adc" : nil)
        }
        warmup = Array(repeating: [], count: layout.columns.count)
        warmupLength = max(1, Int(Self.warmupSeconds * layout.sampleRateHz))
        crosstalk = CrosstalkFilter(sampleRate: layout.sampleRateHz, thresholds: profile.crosstalk, heartbeat: profile.heartbeat,
                                    poolsHeartRhythm: layout.sensor == .emg && channels.count >= 2)
        tracker = EpisodeTracker(settings: settings)
        tally = SummaryTally(rules: AdvisoryRules(settings: settings))
        timeAxis.configure(sampleRate: layout.sampleRateHz)
    }

    /// Samples read so far, per column.
    public var sampleCount: Int { timeAxis.sampleCount }

    /// Takes the next block; returns what became final.
    public func process(_ block: SampleBlock) -> [AnalyzerOutput] {
        guard block.count > 0, block.columns.count == layout.columns.count else { return [] }
        timeAxis.advance(by: block.count, clock: block.clock)
        guard !started else { return run(block.columns, count: block.count) }
        // The warm-up takes exactly `warmupLength` samples, however the input is chunked, so the
        // floor and the mains decision are the same for any block sizes.
        let taken = min(block.count, warmupLength - warmup[0].count)
        for c in warmup.indices { warmup[c].append(contentsOf: block.columns[c][0..<taken]) }
        guard warmup[0].count >= warmupLength else { return [] }
        var outputs = start()
        if taken < block.count {
            outputs += run(block.columns.map { Array($0[taken...]) }, count: block.count - taken)
        }
        return outputs
    }

    /// The time axis jumped: ends what is open, restarts the filters after the gap.
    public func gap(_ gap: Gap) -> [AnalyzerOutput] {
        var outputs = started ? [] : start()
        outputs += runHeldBeats()
        outputs += runCarry()
        var finished: [Int: [SegmentGroup]] = [:]
        for d in detectors.indices {
            var groups: [SegmentGroup] = []
            detectors[d].flush(finished: &groups)
            finished[d] = groups
        }
        outputs += release(finished, force: true)
        gaps.append(gap)
        timeAxis.jump(to: gap.end)
        needsRestart = true
        return outputs
    }

    /// Records an input warning for the summary.
    public func note(_ warning: InputWarning) {
        warningCount += 1
        if warnings.count < Self.listedWarnings { warnings.append(warning) }
    }

    /// Ends the analysis: flushes what is open and returns the last outputs and the full result.
    public func finish() -> (outputs: [AnalyzerOutput], result: AnalysisResult) {
        var outputs = started ? [] : start()
        outputs += runHeldBeats()
        outputs += runCarry()
        var finished: [Int: [SegmentGroup]] = [:]
        for d in detectors.indices {
            var groups: [SegmentGroup] = []
            detectors[d].flush(finished: &groups)
            detectors[d].finishTrace()
            finished[d] = groups
        }
        outputs += release(finished, force: true)
        var closed: [Episode] = []
        tracker.finish(closed: &closed)
        keep(closed)
        outputs += closed.map(AnalyzerOutput.episode)
        return (outputs, result())
    }

    /// Envelope traces per channel (RMS of the conditioned signal per `options.traceBinSeconds`),
    /// empty unless `options.collectTraces`.
    public var traces: [[Double]] { detectors.map(\.trace) }

    // MARK: - Running

    private func start() -> [AnalyzerOutput] {
        started = true
        let count = warmup.first?.count ?? 0
        if layout.sensor == .emg && count > 0 {
            (mainsHz, notchFrequencies) = MainsAnalysis.find(in: warmup, sampleRate: sampleRate)
        }
        // ECG beats of the first seconds, per column (nil: none, or not cancelled).
        let warmupBeats: [[ClosedRange<Int>]?] = layout.sensor == .emg && options.cancelsHeartbeats && count > 0
            ? warmup.map { HeartbeatCanceller.heartbeats(in: $0, sampleRate: sampleRate) }
            : Array(repeating: nil, count: warmup.count)
        for columns in channelColumns {
            let detector = ChannelDetector(
                profile: profile, sampleRate: sampleRate, columnCount: columns.count,
                notchFrequencies: notchFrequencies, collectTrace: options.collectTraces,
                traceBinSeconds: options.traceBinSeconds)
            if count > 0 {
                detector.seedLevel(columns: columns.map { warmup[$0] },
                                   excluding: columns.flatMap { warmupBeats[$0] ?? [] }.sorted { $0.lowerBound < $1.lowerBound })
            }
            detectors.append(detector)
            classifiers.append(EventClassifier(profile: profile, sensor: layout.sensor,
                                               sampleRate: sampleRate, settings: settings,
                                               envelopeLength: detector.envelopeLength,
                                               profileSpacing: detector.profileSpacing))
            rhythm.append(RhythmGate(gap: Int(profile.rhythmGapSeconds * sampleRate), similarBursts: profile.similarBursts))
            recruitment.append(RecruitmentGate(window: Int(profile.recruitmentWindowSeconds * sampleRate)))
            heartbeat.append(HeartbeatGate(sampleRate: sampleRate, thresholds: profile.heartbeat))
        }
        if layout.sensor == .emg {
            morphology = MorphologyCollector(channels: channels, sampleRate: sampleRate, scales: amplitudeUnits.map(\.scale),
                                             keepsSnippets: options.collectTraces, keepsTwitchValues: options.keepsEvents)
            for detector in detectors { detector.keepsBandSignal = true }
        }
        if layout.sensor == .emg && options.cancelsHeartbeats && count > 0 {
            let showsECG = warmupBeats.map { $0 != nil }
            if showsECG.contains(true) {
                beatCancellers = showsECG.map { HeartbeatCanceller(sampleRate: sampleRate, delaysOnly: !$0) }
            }
        }
        if layout.sensor == .emg && detectors.count > 1 {
            correlation = CrosstalkCorrelation(channels: detectors.count, sampleRate: sampleRate)
            if options.cancelsCrosstalk { canceller = CrosstalkCanceller(channels: detectors.count,
                                                                          tiles: correlation!.capacity) }
            for detector in detectors { detector.keepsBandSignal = true }
        }
        let held = warmup
        warmup = Array(repeating: [], count: layout.columns.count)
        return count > 0 ? run(held, count: count) : []
    }

    /// Analyses rows after taking the ECG out of them (EMG): the cancellers hold back the last
    /// `HeartbeatCanceller.delay` rows, which `runHeldBeats` hands on at a gap or the end.
    private func run(_ columns: [[Double]], count: Int) -> [AnalyzerOutput] {
        guard !beatCancellers.isEmpty else { return runRows(columns, count: count) }
        if cancellersNeedRestart {
            for c in beatCancellers.indices { beatCancellers[c].restart(first: columns[c][0]) }
            cancellersNeedRestart = false
        }
        var produced = 0
        let cleaned = columns.indices.map { c in
            var out = [Double](repeating: 0, count: count)
            produced = out.withUnsafeMutableBufferPointer { o in
                columns[c].withUnsafeBufferPointer { beatCancellers[c].process($0.baseAddress!, count: count, into: o.baseAddress!) }
            }
            let removed = beatCancellers[c].takeRemovedSpans()
            heartbeat[c].noteRemoved(removed)
            detectors[c].noteSubtractedSpans(removed.map(\.span))
            out.removeLast(count - produced)
            return out
        }
        return produced > 0 ? runRows(cleaned, count: produced) : []
    }

    /// Analyses the rows the ECG cancellers still hold (before a gap or the end); after a gap
    /// they start again.
    private func runHeldBeats() -> [AnalyzerOutput] {
        guard !beatCancellers.isEmpty, !cancellersNeedRestart else { return [] }
        cancellersNeedRestart = true
        var produced = 0
        let held = beatCancellers.indices.map { c in
            var out = [Double](repeating: 0, count: beatCancellers[c].delay + 1)
            produced = out.withUnsafeMutableBufferPointer { beatCancellers[c].finish(into: $0.baseAddress!) }
            out.removeLast(out.count - produced)
            return out
        }
        return produced > 0 ? runRows(held, count: produced) : []
    }

    /// Analyses rows, holding back (with several EMG channels) those whose correlation tile is
    /// not yet complete: the crosstalk canceller judges each tile whole.
    private func runRows(_ columns: [[Double]], count: Int) -> [AnalyzerOutput] {
        guard let tileLength = correlation?.tileLength else {
            return withPointers(columns) { analyse($0, count: count) }
        }
        var outputs: [AnalyzerOutput] = []
        var first = detectors[0].index, used = 0
        if let held = carry.first?.count, held > 0 {
            // The held rows and the block's first rows complete a tile, analysed on its own, so
            // that the block is not copied behind the held rows.
            let need = (first / tileLength + 1) * tileLength - first - held
            guard count >= need else {
                for c in carry.indices { carry[c] += columns[c] }
                return []
            }
            let tile = carry.indices.map { carry[$0] + columns[$0][0..<need] }
            carry = []
            outputs += withPointers(tile) { analyse($0, count: held + need) }
            first += held + need
            used = need
        }
        // After a gap the rows may start inside a tile (the part before the gap was analysed
        // on its own): then nothing is whole until the next tile boundary.
        let whole = max(0, (first + count - used) / tileLength * tileLength - first)
        carry = columns.map { Array($0[(used + whole)...]) }
        if whole > 0 {
            outputs += withPointers(columns) { pointers in analyse(pointers.map { $0 + used }, count: whole) }
        }
        return outputs
    }

    /// Analyses the rows held back for an incomplete tile (before a gap or the end).
    private func runCarry() -> [AnalyzerOutput] {
        guard let held = carry.first?.count, held > 0 else { return [] }
        let rows = carry
        carry = []
        return withPointers(rows) { analyse($0, count: held) }
    }

    /// Analyses `count` rows (`pointers[c]`: column `c`'s first row).
    private func analyse(_ pointers: [UnsafePointer<Double>], count: Int) -> [AnalyzerOutput] {
        var finished: [Int: [SegmentGroup]] = [:]
        if needsRestart {
            for (d, columnIndices) in channelColumns.enumerated() {
                detectors[d].restart(first: columnIndices.map { pointers[$0][0] })
            }
        }
        ChannelWork.condition(detectors: detectors, columns: channelColumns, pointers: pointers,
                              count: count, parallel: options.parallel)
        if correlation != nil { acrossChannels(count: count) }
        morphology?.record(detectors.map { UnsafePointer($0.bandSignal) }, count: count, first: detectors[0].index)
        let groups = ChannelWork.detect(detectors: detectors, columns: channelColumns,
                                        pointers: pointers, count: count, parallel: options.parallel)
        if let morphology { for (d, g) in groups.enumerated() where !g.isEmpty { morphology.capture(g, channel: d) } }
        for (d, g) in groups.enumerated() where !g.isEmpty { finished[d] = g }
        needsRestart = false
        var outputs = release(finished, force: false)
        var closed: [Episode] = []
        // Only once no event still to come can join it: its gap has passed the earliest onset.
        tracker.advance(to: timeAxis.time(ofSample: earliestUnreleasedOnset), closed: &closed)
        keep(closed)
        outputs += closed.map(AnalyzerOutput.episode)
        return outputs
    }

    /// Between conditioning and detection (several EMG channels): feeds the pass-band signals to
    /// the correlation a tile at a time and takes the crosstalk out of each tile.
    private func acrossChannels(count: Int) {
        let first = detectors[0].index
        let tileLength = correlation!.tileLength
        if tileSignals.count != detectors.count {
            tileSignals = detectors.map(\.bandSignal)
            tileInputs = detectors.map { UnsafePointer($0.bandSignal) }
            changedChannels = Array(repeating: false, count: detectors.count)
        }
        for d in detectors.indices { changedChannels[d] = false }
        var i = 0
        while i < count {
            let end = min(count, ((first + i) / tileLength + 1) * tileLength - first)
            for d in detectors.indices {
                tileSignals[d] = detectors[d].bandSignal + i
                tileInputs[d] = UnsafePointer(tileSignals[d])
            }
            correlation!.add(tileInputs, count: end - i, first: first + i)
            canceller?.clean(tileSignals, count: end - i, tile: (first + i) / tileLength,
                             correlation: correlation!, changed: &changedChannels)
            i = end
        }
        for d in detectors.indices where changedChannels[d] { detectors[d].bandSignalChanged(count: count) }
    }

    /// Classifies finished groups and hands out the candidates no other channel can still
    /// contradict (crosstalk), as events in time order.
    private func release(_ finished: [Int: [SegmentGroup]], force: Bool) -> [AnalyzerOutput] {
        for d in detectors.indices {
            for group in finished[d] ?? [] {
                for classified in classifiers[d].classify(group) {
                    let candidate = layout.sensor == .emg ? heartbeat[d].take(classified) : classified
                    for context in recruitment[d].take(candidate) {
                        for released in rhythm[d].take(context) { crosstalk.add(released, channel: d) }
                    }
                }
            }
            let pending = detectors[d].earliestPendingOnset
            for context in force ? recruitment[d].flush() : recruitment[d].advance(pending: pending) {
                for released in rhythm[d].take(context) { crosstalk.add(released, channel: d) }
            }
            let due = force ? rhythm[d].flush() : rhythm[d].advance(pending: pending)
            for released in due { crosstalk.add(released, channel: d) }
        }
        let horizon = force ? Int.max : detectors.indices.map { d in
            min(detectors[d].earliestPendingOnset, rhythm[d].earliestHeldOnset ?? Int.max,
                recruitment[d].earliestHeldOnset ?? Int.max)
        }.min() ?? Int.max
        var outputs: [AnalyzerOutput] = []
        var closed: [Episode] = []
        for (channel, released) in crosstalk.release(before: horizon, correlation: correlation,
                                                              canceller: canceller) {
            var c = released
            let peak = c.peakAmplitude * amplitudeUnits[channel].scale
            // Rule 3 of `KindDecision`: a spike whose potential is several units' is activity. The
            // measurement is the one a twitch then reports (`shape`), taken once.
            var measured: PotentialShape? = nil
            if c.kind == .twitch, let morphology {
                measured = morphology.measure(channel: channel, peakIndex: c.peakIndex, peak: peak, snr: c.snr)
                if let phases = measured?.phases, phases >= profile.multiUnitPhases {
                    c.note(.multiUnit)
                    morphology.discard(channel: channel, peakIndex: c.peakIndex)
                }
            }
            var event = DetectedEvent(
                kind: c.kind, channel: channels[channel],
                start: timeAxis.time(ofSample: c.onset), end: timeAxis.time(ofSample: c.end),
                peak: peak, peakTime: timeAxis.time(ofSample: c.peakIndex),
                snr: c.snr, reason: c.reason,
                medianFrequencyHz: layout.sensor == .emg ? c.spectrum?.medianFrequency : nil,
                lowFrequencyFraction: layout.sensor == .emg ? c.spectrum?.lowFrequencyFraction : nil,
                peakUnit: amplitudeUnits[channel].unit)
            if c.kind == .twitch {
                event.morphology = morphology?.shape(channel: channel, peakIndex: c.peakIndex, peakTime: event.peakTime,
                                                     peak: peak, snr: c.snr, measured: measured)
            }
            if options.keepsEvents { events.append(event) }
            tally.add(event)
            outputs.append(.event(event))
            tracker.add(event, closed: &closed)
        }
        let unreleased = earliestUnreleasedOnset
        tally.settle(before: timeAxis.time(ofSample: unreleased))
        morphology?.forget(before: force ? Int.max : unreleased)
        if let canceller, let correlation { canceller.forgetGains(before: unreleased / correlation.tileLength) }
        keep(closed)
        outputs += closed.map(AnalyzerOutput.episode)
        return outputs
    }

    private func keep(_ closed: [Episode]) {
        for episode in closed { tally.add(episode) }
        if options.keepsEvents { episodes += closed }
    }

    /// The earliest sample an event not yet handed out can start at.
    private var earliestUnreleasedOnset: Int {
        var earliest = crosstalk.earliestPendingOnset ?? Int.max
        for d in detectors.indices {
            earliest = min(earliest, detectors[d].earliestPendingOnset, rhythm[d].earliestHeldOnset ?? Int.max,
                           recruitment[d].earliestHeldOnset ?? Int.max)
        }
        return min(earliest, timeAxis.sampleCount)
    }

    // MARK: - Result

    private func result() -> AnalysisResult {
        let duration = timeAxis.duration
        let sortedEvents = events.sorted { ($0.start, $0.channel) < ($1.start, $1.channel) }
        let sortedEpisodes = episodes.sorted { ($0.start, $0.channel) < ($1.start, $1.channel) }
        var source = SourceInfo(
            path: path, sensor: layout.sensor, sampleRateHz: sampleRate, channels: channels,
            durationSeconds: duration, sampleCount: timeAxis.sampleCount, columns: layout.columns,
            units: layout.units, dialect: layout.dialect, timeAxis: layout.timeAxis, gaps: gaps)
        source.startTime = layout.startTime
        let (summaries, flags) = tally.finish(channelNames: channels, durationSeconds: duration)
        let summary = AnalysisSummary(
            channels: summaries, flags: flags, mainsHz: mainsHz, warningCount: warningCount,
            warnings: warnings, settings: settings)
        var result = AnalysisResult(source: source, events: sortedEvents, episodes: sortedEpisodes,
                                    summary: summary)
        result.morphology = morphology?.summary(durationSeconds: duration)
        result.reviewSnippets = morphology?.reviewSnippets ?? []
        return result
    }
}
