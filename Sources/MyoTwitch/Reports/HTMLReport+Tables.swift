/// The tables and text blocks of the HTML report. Every string from the input goes through
/// `XMLEscaping.escape`.
extension HTMLReport {
    static func e(_ text: String) -> String { XMLEscaping.escape(text) }

    /// A table row. The first `textColumns` cells and those in `alsoText` are text (left-aligned,
    /// wrapping); the others are numbers, which never wrap.
    static func row(_ cells: [String], textColumns: Int = 1, alsoText: Set<Int> = []) -> String {
        "<tr>" + cells.enumerated().map { i, cell in
            i < textColumns || alsoText.contains(i) ? "<td class=\"text\">\(cell)</td>" : "<td>\(cell)</td>"
        }.joined() + "</tr>"
    }

    static func head(_ cells: [String], textColumns: Int = 1, alsoText: Set<Int> = []) -> String {
        "<thead><tr>" + cells.enumerated().map { i, cell in
            i < textColumns || alsoText.contains(i) ? "<th>\(cell)</th>" : "<th class=\"num\">\(cell)</th>"
        }.joined() + "</tr></thead>"
    }

    /// Header facts about the recording, as a list of label and value.
    static func facts(_ result: AnalysisResult) -> String {
        let s = result.source
        var items: [(String, String)] = [
            ("Recording", e(s.path)),
            ("Sensor", s.sensor == .emg ? "surface EMG" : "accelerometer"),
            ("Channels", e(s.channels.joined(separator: ", "))),
            ("Sample rate", "\(ReportText.fixed(s.sampleRateHz, s.sampleRateHz < 100 ? 1 : 0)) Hz"),
            ("Length", ReportText.duration(s.durationSeconds)),
            ("Format", e(s.dialect)),
            ("Time axis", e(s.timeAxis)),
        ]
        if let mains = result.summary.mainsHz { items.append(("Mains removed", "\(ReportText.fixed(mains, 0)) Hz")) }
        if result.summary.warningCount > 0 { items.append(("Input warnings", String(result.summary.warningCount))) }
        if !s.gaps.isEmpty { items.append(("Gaps", ReportText.count(s.gaps.count, "gap", "gaps"))) }
        return "<ul class=\"facts\">" + items.map { "<li><b>\($0.0)</b>\($0.1)</li>" }.joined() + "</ul>"
    }

    /// Counts and rates per channel, with the healthy reference rates in a table beside them.
    static func channelTable(_ result: AnalysisResult) -> String {
        let short = ReportFacts.isShort(result.source)
        var out = "<table>" + head(["Channel", "Muscle", "Twitches", "Twitches per minute", "Healthy reference",
                                     "Twitch episodes", "Cramps", "Time in cramps", "Activity bursts", "Artifacts"],
                                    textColumns: 2, alsoText: [4]) + "<tbody>"
        for c in result.summary.channels {
            out += row([e(c.channel), e(c.muscle ?? "–"), String(c.twitchCount),
                        short ? "–" : ReportText.fixed(c.twitchRatePerMinute, 2), e(ReferenceRate.cell(for: c)),
                        String(c.twitchEpisodeCount), String(c.crampCount),
                        ReportText.duration(c.crampSeconds), String(c.activityCount), String(c.artifactCount)],
                       textColumns: 2, alsoText: [4])
        }
        out += "</tbody></table>"
        if short { out += "<p class=\"muted\">\(e(ReferenceRate.shortRateNote))</p>" }
        let applicable = ReferenceRate.applicable(to: result)
        if !applicable.isEmpty {
            out += "<table>" + head(["Channels", "Muscle", "Healthy twitch rate", "Source"], textColumns: 4) + "<tbody>"
            for (r, channels) in applicable {
                out += row([e(channels.joined(separator: ", ")), e(r.site), e(r.rate), e(r.source)], textColumns: 4)
            }
            out += "</tbody></table>"
        }
        if applicable.reduce(0, { $0 + $1.channels.count }) < result.summary.channels.count {
            out += "<p class=\"muted\">\(e(ReferenceRate.noneNote))</p>"
        }
        return out
    }

    static func referenceTable() -> String {
        var out = "<p class=\"muted\">Healthy reference rates (surface EMG in people without nerve or muscle disease):</p><table>"
        out += head(["Muscle", "Healthy twitch rate", "Source"], textColumns: 3) + "<tbody>"
        for r in ReferenceRate.healthy {
            out += row([e(r.site), e(r.rate), e(r.source)], textColumns: 3)
        }
        return out + "</tbody></table>"
    }

    /// Episodes per hour, their durations and the intervals between them, per channel.
    static func recurrenceTable(_ result: AnalysisResult) -> String {
        let short = ReportFacts.isShort(result.source)
        var out = "<table>" + head(["Channel", "Twitch episodes", "Episodes per hour", "Twitch episode: median",
                                     "Longest", "Cramps", "Cramp: median", "Longest cramp",
                                     "Gap between episodes: median", "Longest gap"]) + "<tbody>"
        for c in result.summary.channels {
            let t = c.twitchEpisodeDuration ?? Statistics([]), k = c.crampDuration ?? Statistics([])
            let g = c.intervalBetweenEpisodes
            func v(_ s: Statistics, _ x: Double) -> String { s.count > 0 ? ReportText.duration(x) : "–" }
            out += row([e(c.channel), String(c.twitchEpisodeCount), short ? "–" : ReportText.fixed(c.episodesPerHour, 2),
                        v(t, t.median), v(t, t.max), String(c.crampCount), v(k, k.median), v(k, k.max),
                        v(g, g.median), v(g, g.max)])
        }
        out += "</tbody></table>"
        let settings = result.summary.settings
        out += "<p class=\"muted\">Twitch episodes (at least \(settings.episodeMinTwitches) twitches on one channel, "
            + "no more than \(ReportText.fixed(settings.episodeGapSeconds, 0)) s apart) and cramps are counted apart: "
            + "a cramp lasts seconds, a bout of twitches minutes. Episodes per hour count both; "
            + "gaps run from the end of one episode (of either kind) to the start of the next."
            + (short ? " " + e(ReferenceRate.shortRateNote) : "") + "</p>"
        return out
    }

    static func crampTable(_ result: AnalysisResult) -> String {
        let cramps = result.events.filter { $0.kind == .cramp }
        guard !cramps.isEmpty else {
            return "<p>No cramps were found." + (ReportFacts.heldContractionNote(result).map { " " + e($0) } ?? "") + "</p>"
        }
        var out = "<table>" + head(["#", "Channel", "Start", "End", "Duration", "Peak", "Signal to noise"], textColumns: 2) + "<tbody>"
        for (i, c) in cramps.prefix(MarkdownReport.maximumTableRows).enumerated() {
            out += row([String(i + 1), e(c.channel), ReportText.clock(c.start), ReportText.clock(c.end),
                        ReportText.duration(c.duration), e(ReportText.amplitude(c, 4)),
                        ReportText.fixed(c.snr, 1)], textColumns: 2)
        }
        out += "</tbody></table>"
        if cramps.count > MarkdownReport.maximumTableRows {
            out += "<p class=\"muted\">…and \(cramps.count - MarkdownReport.maximumTableRows) more in the JSON or CSV result.</p>"
        }
        return out
    }

    static func episodeTable(_ result: AnalysisResult) -> String {
        let episodes = result.episodes.filter { $0.kind == .twitch }
        guard !episodes.isEmpty else { return "<p>No twitch episodes were found.</p>" }
        var out = "<table>" + head(["Channel", "Start", "End", "Duration", "Twitches", "Twitches per minute"]) + "<tbody>"
        for p in episodes.prefix(MarkdownReport.maximumTableRows) {
            out += row([e(p.channel), ReportText.clock(p.start), ReportText.clock(p.end),
                        ReportText.duration(p.duration), String(p.eventCount),
                        p.duration >= ReferenceRate.minimumObservationSeconds ? ReportText.fixed(p.ratePerMinute, 1) : "–"])
        }
        out += "</tbody></table>"
        if episodes.contains(where: { $0.duration < ReferenceRate.minimumObservationSeconds }) {
            out += "<p class=\"muted\">\(e(ReferenceRate.shortRateNote))</p>"
        }
        if episodes.count > MarkdownReport.maximumTableRows {
            out += "<p class=\"muted\">…and \(episodes.count - MarkdownReport.maximumTableRows) more in the JSON or CSV result.</p>"
        }
        return out
    }

    static func flagList(_ flags: [AdvisoryFlag]) -> String {
        guard !flags.isEmpty else { return "<p>\(ReportText.noFlags)</p>" }
        return flags.map {
            "<div class=\"flag\"><p><code>\(e($0.code))</code>: \(e($0.message))</p><p class=\"rule\">Rule: \(e($0.rule)).</p></div>"
        }.joined()
    }

    static func about() -> String {
        "<div class=\"about\"><p>\(e(ReportText.notADiagnosis))</p><p>\(e(ReportText.whenToSeeADoctor))</p></div>"
    }

    static func legend(_ kinds: [EventKind], envelope: Bool) -> String {
        var out = "<div class=\"legend\">"
        if envelope { out += "<span><span class=\"swatch\" style=\"background:#9fb3c1\"></span>signal envelope (log scale)</span>" }
        for kind in kinds {
            out += "<span><span class=\"swatch\" style=\"background:\(colour(kind))\"></span>\(kind.rawValue)</span>"
        }
        return out + "</div>"
    }
}
