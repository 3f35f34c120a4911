/// Markdown reports for terminals and notebooks: the recording, a table per channel with healthy
/// reference rates beside the measured ones, cramps, twitch episodes, advisory flags with their
/// rules, and the plain statement that the report is not a diagnosis.
///
/// Text from the input (paths, channel names, classifier reasons) is escaped, so a channel named
/// `*x*|<b>` shows as written and cannot break a table or inject HTML into a rendered notebook.
public enum MarkdownReport {
    /// Rows listed in the cramp and episode tables; the rest are counted in a closing line.
    public static let maximumTableRows = 50

    /// The report of one recording.
    public static func render(_ result: AnalysisResult) -> String {
        var out = "# Twitch and cramp report\n\n"
        out += "Recording: \(escape(result.source.path)) — " + ReportFacts.sourceLine(result.source)
        if let mains = result.summary.mainsHz { out += ", \(ReportText.fixed(mains, 0)) Hz mains removed" }
        out += ".\n\n"
        out += ReportFacts.overview(result) + "\n\n"
        out += "_" + ReportText.notADiagnosisPointer + "_\n\n"
        if ReportFacts.isShort(result.source) {
            out += "_" + ReportFacts.shortRecordingNote + "_\n\n"
        }
        out += channelSection(result)
        out += crampSection(result)
        out += episodeSection(result)
        out += flagSection(result.summary.flags)
        if result.summary.warningCount > 0 || !result.source.gaps.isEmpty {
            out += "## Input notes\n\n"
            if result.summary.warningCount > 0 {
                out += "- \(ReportText.count(result.summary.warningCount, "input warning", "input warnings")) (skipped rows, backwards times, …); see the JSON result for the list.\n"
            }
            if !result.source.gaps.isEmpty {
                let total = result.source.gaps.reduce(0) { $0 + $1.end - $1.start }
                out += "- \(ReportText.count(result.source.gaps.count, "gap", "gaps")) in the time axis, \(ReportText.duration(total)) in all, where nothing was recorded.\n"
            }
            out += "\n"
        }
        out += aboutSection()
        return out
    }

    /// One summary table for several recordings (a cohort), failed inputs included.
    public static func render(cohort entries: [BatchResult.Entry]) -> String {
        var out = "# Twitch and cramp report: \(ReportText.count(entries.count, "recording", "recordings"))\n\n"
        out += "| recording | status | duration | channels | twitches | twitches/min | twitch episodes | longest episode | cramps | cramp time | flags |\n"
        out += "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---|\n"
        // Natural order of the paths (rec2 before rec10), input order among equals.
        func path(_ e: BatchResult.Entry) -> String {
            switch e { case .failed(let p, _): p; case .analysed(let r): r.source.path }
        }
        let ordered = entries.enumerated().sorted { a, b in
            ReportFileName.naturalLess(path(a.element), path(b.element))
                || (!ReportFileName.naturalLess(path(b.element), path(a.element)) && a.offset < b.offset)
        }.map(\.element)
        for entry in ordered {
            switch entry {
            case .failed(let path, let error):
                out += "| \(escape(path)) | failed: \(escape(error)) | | | | | | | | | |\n"
            case .analysed(let r):
                let t = ReportFacts.Totals(r)
                let flags = r.summary.flags.map { escape($0.code) }.joined(separator: ", ")
                out += "| \(escape(r.source.path)) | analysed | \(ReportText.duration(r.source.durationSeconds)) "
                    + "| \(r.source.channels.map(escape).joined(separator: ", ")) | \(t.twitches) "
                    + "| \(ReportText.fixed(t.twitchRatePerMinute, 2)) | \(t.twitchEpisodes) "
                    + "| \(t.longestTwitchEpisode > 0 ? ReportText.duration(t.longestTwitchEpisode) : "–") "
                    + "| \(t.cramps) | \(ReportText.duration(t.crampSeconds)) | \(flags.isEmpty ? "none" : flags) |\n"
            }
        }
        out += "\n"
        out += referenceList()
        out += aboutSection()
        return out
    }

    // MARK: - Sections

    static func channelSection(_ result: AnalysisResult) -> String {
        var out = "## Channels\n\n"
        let short = ReportFacts.isShort(result.source)
        out += "| channel | muscle | twitches | twitches/min | healthy reference | twitch episodes | episodes/h | twitch episode median | longest | cramps | cramp median | cramp time | activity | artifacts |\n"
        out += "|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for c in result.summary.channels {
            let t = c.twitchEpisodeDuration ?? Statistics([]), k = c.crampDuration ?? Statistics([])
            out += "| \(escape(c.channel)) | \(escape(c.muscle ?? "–")) | \(c.twitchCount) "
                + "| \(short ? "–" : ReportText.fixed(c.twitchRatePerMinute, 2)) | \(escape(ReferenceRate.cell(for: c))) "
                + "| \(c.twitchEpisodeCount) | \(short ? "–" : ReportText.fixed(c.episodesPerHour, 2)) "
                + "| \(t.count > 0 ? ReportText.duration(t.median) : "–") | \(t.count > 0 ? ReportText.duration(t.max) : "–") "
                + "| \(c.crampCount) | \(k.count > 0 ? ReportText.duration(k.median) : "–") "
                + "| \(ReportText.duration(c.crampSeconds)) | \(c.activityCount) | \(c.artifactCount) |\n"
        }
        out += "\nTwitch episodes and cramps are counted apart (a cramp lasts seconds, a bout of twitches minutes). "
        out += "A twitch episode is at least \(result.summary.settings.episodeMinTwitches) twitches "
        out += "on one channel with gaps of at most \(ReportText.fixed(result.summary.settings.episodeGapSeconds, 0)) s.\n\n"
        if short { out += ReferenceRate.shortRateNote + "\n\n" }
        out += referenceList(result)
        return out
    }

    /// The references that apply to the channels' muscles, and a note for those without one.
    static func referenceList(_ result: AnalysisResult) -> String {
        let applicable = ReferenceRate.applicable(to: result)
        var out = ""
        if !applicable.isEmpty {
            out += "Healthy reference rates (surface EMG, people without nerve or muscle disease):\n\n"
            for (r, channels) in applicable {
                out += "- \(channels.map(escape).joined(separator: ", ")) (\(r.site)): \(r.rate) (\(r.source))\n"
            }
            out += "\n"
        }
        if applicable.reduce(0, { $0 + $1.channels.count }) < result.summary.channels.count {
            out += ReferenceRate.noneNote + "\n\n"
        }
        return out
    }

    static func referenceList() -> String {
        var out = "Healthy reference rates (surface EMG, people without nerve or muscle disease):\n\n"
        for r in ReferenceRate.healthy {
            out += "- \(r.site): \(r.rate) (\(r.source))\n"
        }
        return out + "\n"
    }

    static func crampSection(_ result: AnalysisResult) -> String {
        let cramps = result.events.filter { $0.kind == .cramp }
        guard !cramps.isEmpty else {
            return "## Cramps\n\nNo cramps were found."
                + (ReportFacts.heldContractionNote(result).map { " " + $0 } ?? "") + "\n\n"
        }
        var out = "## Cramps\n\n| # | channel | start | end | duration | peak | SNR |\n|---:|---|---:|---:|---:|---:|---:|\n"
        for (i, c) in cramps.prefix(maximumTableRows).enumerated() {
            out += "| \(i + 1) | \(escape(c.channel)) | \(ReportText.clock(c.start)) | \(ReportText.clock(c.end)) "
                + "| \(ReportText.duration(c.duration)) | \(escape(ReportText.amplitude(c, 4))) | \(ReportText.fixed(c.snr, 1)) |\n"
        }
        if cramps.count > maximumTableRows { out += "\n…and \(cramps.count - maximumTableRows) more in the JSON or CSV result.\n" }
        return out + "\n"
    }

    static func episodeSection(_ result: AnalysisResult) -> String {
        let episodes = result.episodes.filter { $0.kind == .twitch }
        guard !episodes.isEmpty else { return "## Twitch episodes\n\nNo twitch episodes were found.\n\n" }
        var out = "## Twitch episodes\n\n| channel | start | end | duration | twitches | twitches/min |\n|---|---:|---:|---:|---:|---:|\n"
        for e in episodes.prefix(maximumTableRows) {
            out += "| \(escape(e.channel)) | \(ReportText.clock(e.start)) | \(ReportText.clock(e.end)) "
                + "| \(ReportText.duration(e.duration)) | \(e.eventCount) "
                + "| \(e.duration >= ReferenceRate.minimumObservationSeconds ? ReportText.fixed(e.ratePerMinute, 1) : "–") |\n"
        }
        if episodes.count > maximumTableRows { out += "\n…and \(episodes.count - maximumTableRows) more in the JSON or CSV result.\n" }
        return out + "\n"
    }

    static func flagSection(_ flags: [AdvisoryFlag]) -> String {
        var out = "## Advisory flags\n\n"
        guard !flags.isEmpty else { return out + ReportText.noFlags + "\n\n" }
        for f in flags {
            out += "- **\(escape(f.code))**: \(escape(f.message)) _Rule: \(escape(f.rule))._\n"
        }
        return out + "\n"
    }

    static func aboutSection() -> String {
        "## About this report\n\n\(ReportText.notADiagnosis)\n\n\(ReportText.whenToSeeADoctor)\n"
    }

    // MARK: - Escaping

    /// `text` safe inside Markdown paragraphs and table cells: line breaks and other control
    /// characters become spaces; characters that start emphasis, code, links, HTML, entities or
    /// table cells get a backslash (CommonMark lets any ASCII punctuation be escaped), as do
    /// `#`, `+`, `-` and `!` at the start, where they could begin a heading, list or image.
    /// Parentheses stay as they are: without an unescaped `]` before them they cannot form a link.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += " "
            } else if "\\`*_[]<>|~&".unicodeScalars.contains(scalar)
                        || (out.isEmpty && "#+-!".unicodeScalars.contains(scalar)) {
                out += "\\"
                out.unicodeScalars.append(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
