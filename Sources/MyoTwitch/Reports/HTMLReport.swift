/// HTML reports: one self-contained file per recording (or one cohort summary), with inline CSS
/// and inline SVG plots, and nothing loaded from anywhere else.
///
/// The document is well-formed XHTML (it parses as XML), every string from the input is escaped
/// (in the review view's JSON data too), and a Content-Security-Policy forbids remote loads
/// outright; the one script is the report's own review view (`HTMLReport+Review`), so a hostile
/// channel name can only ever render as text. Plots merge marks per pixel, envelopes keep at most
/// `envelopePointLimit` points per channel in the overview and `reviewTracePointLimit` in the
/// review, and snippets are capped, so an hour of 8 busy channels stays under 5 MB.
/// The same result always gives the same bytes.
public enum HTMLReport {
    /// The report of one recording. `traces` are the signal envelopes drawn in the timeline,
    /// matched to rows by channel name; pass `nil` (or none) for a report from a saved result,
    /// whose timeline then shows the events only.
    public static func render(_ result: AnalysisResult, traces: [EnvelopeTrace]? = nil) -> String {
        let traces = traces ?? []
        let hasTraces = traces.contains { !$0.values.isEmpty && $0.secondsPerPoint > 0 }
        var body = "<h1>Twitch and cramp report</h1>"
        body += facts(result)
        body += "<p class=\"overview\">\(e(ReportFacts.overview(result)))</p>"
        body += "<p class=\"muted\">\(e(ReportText.notADiagnosisPointer))</p>"
        if ReportFacts.isShort(result.source) {
            body += "<p class=\"muted\">\(e(ReportFacts.shortRecordingNote))</p>"
        }
        body += "<h2>Channels</h2>" + channelTable(result)
        body += "<h2>Advisory flags</h2>" + flagList(result.summary.flags)
        body += "<h2>Timeline</h2>"
        body += legend([.twitch, .cramp, .activity, .artifact], envelope: hasTraces)
        body += timeline(result, traces: traces)
        body += hasTraces
            ? "<p class=\"muted\">The envelope is the amplitude of the filtered signal, on a log scale from each channel’s median (its resting level) to its maximum. Twitches are the ticks at the bottom of each row.</p>"
            : "<p class=\"muted\">This report was made from a saved result, which holds no signal envelope: the timeline shows the detected events only.</p>"
        body += "<h2>Review</h2>" + review(result, traces: traces)
        body += "<h2>Twitch raster</h2>" + raster(result)
        body += "<h2>Twitch rate over time</h2>" + seriesLegend(result.source.channels, reference: referenceLine(result))
        body += rateChart(result)
        body += "<p class=\"muted\">Twitches per minute in \(ReportText.fixed(rateBinSeconds(duration: result.source.durationSeconds) / 60, 0))-minute bins. \(referenceLine(result).map { "The dashed line is the highest rate seen in a healthy \(e($0.site)), the muscle of \(ReferenceRate.applicable(to: result).first.map { e($0.channels.joined(separator: ", ")) } ?? ""); other muscles, such as the small muscles of the foot, can have far more." } ?? "No reference line: no channel's muscle has a published healthy upper rate.")</p>"
        body += "<h2>Episodes</h2>" + legend([.twitch, .cramp], envelope: false) + episodeTimeline(result)
        body += "<h2>Episode durations</h2>" + legend([.twitch, .cramp], envelope: false) + durationHistogram(result)
        body += "<h2>Recurrence per channel</h2>" + recurrenceTable(result)
        body += "<h2>Cramps</h2>" + crampTable(result)
        body += "<h2>Twitch episodes</h2>" + episodeTable(result)
        body += "<h2>About this report</h2>" + about()
        return document(title: "Twitch and cramp report: \(result.source.path)", body: body)
    }

    /// The report of one recording with envelope values per channel as the analyzer collects
    /// them: `traces[i]` belongs to `result.source.channels[i]` and holds one value per
    /// `traceBinSeconds` from t = 0.
    public static func render(_ result: AnalysisResult, traces: [[Double]],
                              traceBinSeconds: Double = 0.5) -> String {
        let named = zip(result.source.channels, traces).map {
            EnvelopeTrace(channel: $0, start: 0, secondsPerPoint: traceBinSeconds, values: $1)
        }
        return render(result, traces: named)
    }

    /// One summary table for several recordings (a cohort), failed inputs listed with their
    /// error.
    public static func render(cohort entries: [BatchResult.Entry]) -> String {
        var body = "<h1>Twitch and cramp report: \(ReportText.count(entries.count, "recording", "recordings"))</h1>"
        var failed = 0
        body += "<table>" + head(["Recording", "Status", "Length", "Channels", "Twitches", "Twitches per minute",
                                   "Twitch episodes", "Longest episode", "Cramps", "Time in cramps", "Flags"],
                                  textColumns: 2, alsoText: [3, 10]) + "<tbody>"
        // Links to the per-recording reports `--output DIR` writes beside this summary; rows in
        // natural order of their paths (rec2 before rec10).
        let analysedPaths = entries.compactMap { entry -> String? in
            if case .analysed(let r) = entry { return r.source.path } else { return nil }
        }
        var links = Dictionary(zip(analysedPaths.indices, ReportFileName.stems(for: analysedPaths)), uniquingKeysWith: { a, _ in a })
        var k = 0
        let ordered = entries.map { entry -> (BatchResult.Entry, String?, String) in
            switch entry {
            case .failed(let path, _): return (entry, nil, path)
            case .analysed(let r): defer { k += 1 }; return (entry, links.removeValue(forKey: k), r.source.path)
            }
        }.enumerated().sorted { a, b in
            ReportFileName.naturalLess(a.element.2, b.element.2) || (!ReportFileName.naturalLess(b.element.2, a.element.2) && a.offset < b.offset)
        }.map(\.element)
        for (entry, stem, _) in ordered {
            switch entry {
            case .failed(let path, let error):
                failed += 1
                body += row([e(path), "failed: " + e(error), "", "", "", "", "", "", "", "", ""], textColumns: 2)
            case .analysed(let r):
                let t = ReportFacts.Totals(r)
                let flags = r.summary.flags.map { e($0.code) }.joined(separator: ", ")
                let name = stem.map { "<a href=\"\(e(ReportFileName.relativeURL($0 + ".html")))\">\(e(r.source.path))</a>" } ?? e(r.source.path)
                body += row([name, "analysed", ReportText.duration(r.source.durationSeconds),
                             e(r.source.channels.joined(separator: ", ")), String(t.twitches),
                             ReportText.fixed(t.twitchRatePerMinute, 2), String(t.twitchEpisodes),
                             t.longestTwitchEpisode > 0 ? ReportText.duration(t.longestTwitchEpisode) : "–",
                             String(t.cramps), ReportText.duration(t.crampSeconds), flags.isEmpty ? "none" : flags],
                            textColumns: 2, alsoText: [3, 10])
            }
        }
        body += "</tbody></table>"
        body += "<p class=\"muted\">Each analysed recording links to its own report (review view, waveforms), which <code>myotwitch analyze … --format html --output DIR/</code> writes beside this summary.</p>"
        if failed > 0 {
            body += "<p class=\"muted\">\(ReportText.count(failed, "input", "inputs")) could not be read; the others were analysed.</p>"
        }
        body += "<h2>Healthy reference rates</h2>" + referenceTable()
        body += "<h2>About this report</h2>" + about()
        return document(title: "Twitch and cramp report: \(entries.count) recordings", body: body)
    }

    /// The rate chart's legend: a colour per channel, then the dashed healthy reference line.
    static func seriesLegend(_ channels: [String], reference: (rate: Double, site: String)?) -> String {
        "<div class=\"legend\">" + channels.enumerated().map { i, name in
            "<span><span class=\"swatch\" style=\"background:\(seriesColours[i % seriesColours.count])\"></span>\(e(name))</span>"
        }.joined()
            + (reference.map { "<span><span class=\"dash\"></span>healthy \(e($0.site)): at most \(ReportText.fixed($0.rate, 0)) per minute</span>" } ?? "")
            + "</div>"
    }

    /// The XHTML document around `body` (already escaped markup).
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="myotwitch"/>
        <title>\(e(title))</title>
        <style>
        \(styleSheet)
        \(reviewStyle)
        </style>
        </head>
        <body><main>
        \(body)
        </main></body>
        </html>

        """
    }
}
