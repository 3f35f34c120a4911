import Foundation

/// The review view of the HTML report: a paged, zoomable timeline (10 s to the whole recording
/// per screen), a sortable and filterable table of every event, each twitch's conditioned
/// waveform (±100 ms with its noise band) in a gallery per channel, and the putative motor
/// units' templates. Clicking an event in the table, the timeline or the gallery shows it on
/// the timeline and its waveform in a detail panel.
///
/// The data sits in one JSON block read by one inline script; neither loads anything. Sizes
/// are bounded: at most `reviewTracePointLimit` envelope points per channel (max-pooled, so a
/// burst stays visible), `reviewEventLimit` events, and the snippets the analyzer kept (at most
/// `MorphologyCollector.snippetsPerChannel` per channel, spread over the recording), each
/// reduced to at most `snippetPointLimit` points.
extension HTMLReport {
    static let reviewEventLimit = 50_000
    static let reviewTracePointLimit = 20_000
    static let snippetPointLimit = 200

    static func review(_ result: AnalysisResult, traces: [EnvelopeTrace]) -> String {
        let channels = result.source.channels
        let shown = result.events.prefix(reviewEventLimit)
        var out = "<p id=\"rv-noscript\" class=\"muted\">The review view (paged timeline, event table, twitch waveforms) needs JavaScript, which this viewer does not run.</p>"
        out += "<div class=\"review\" hidden=\"hidden\">"
        out += "<div class=\"bar\"><label>Window <select id=\"rv-win\"></select></label>"
            + "<button id=\"rv-prev\" type=\"button\">\u{25C0} earlier</button><button id=\"rv-next\" type=\"button\">later \u{25B6}</button>"
            + "<input id=\"rv-pos\" type=\"range\" min=\"0\" max=\"1000\" value=\"0\" aria-label=\"Position in the recording\"/>"
            + "<span id=\"rv-where\"></span></div>"
        out += "<canvas id=\"rv-timeline\" aria-label=\"Paged timeline of the signal envelope and events\"></canvas>"
        out += "<p class=\"muted\">Envelope on a log scale per channel; twitches are ticks at the bottom of a row, artifacts a thin grey strip at its top (so that many of them, such as one per heartbeat, never cover the signal), cramps and activity shaded.</p>"
        out += "<div id=\"rv-detail\"><p class=\"muted\">Click an event in the table, on the timeline or in a gallery to see it here.</p><canvas style=\"display:none\"></canvas></div>"
        out += "<h3>Events</h3><div class=\"bar\">"
            + "<label>Kind <select id=\"rv-kind\"><option value=\"\">all</option></select></label>"
            + "<label>Channel <select id=\"rv-channel\"><option value=\"\">all</option></select></label>"
            + "<label>SNR at least <input id=\"rv-snr\" type=\"number\" min=\"0\" step=\"1\" value=\"0\" style=\"width:5em\"/></label>"
            + "<label>Reason <input id=\"rv-text\" type=\"search\" placeholder=\"e.g. short-spike\"/></label>"
            + "<button id=\"rv-pgprev\" type=\"button\">previous page</button><button id=\"rv-pgnext\" type=\"button\">next page</button>"
            + "<span id=\"rv-count\"></span></div>"
        out += "<div id=\"rv-table\"><table><thead><tr>"
            + ["Kind", "Channel", "Time", "Duration", "Amplitude", "SNR", "Reason", "Unit"].map { "<th>\($0)</th>" }.joined()
            + "</tr></thead><tbody id=\"rv-body\"></tbody></table></div>"
        if result.events.count > reviewEventLimit {
            out += "<p class=\"muted\">The table holds the first \(reviewEventLimit) of \(result.events.count) events; all are in the JSON, CSV and events.tsv outputs.</p>"
        }
        out += "<p class=\"muted\">Click a column heading to sort by it (again to reverse).</p>"
        let units = result.morphology?.units ?? []
        out += "<h3>Putative motor units</h3>"
        if units.isEmpty {
            out += "<p>No twitch potentials were clustered (no EMG twitches, or a report from a result without morphology).</p><div id=\"rv-units\" class=\"gallery\"></div>"
        } else {
            out += "<div id=\"rv-units\" class=\"gallery\"></div><p class=\"muted\">Twitches of one channel whose potentials have the same shape and size (mean-square difference from the unit’s mean potential at most \(ReportText.fixed(result.morphology?.matchThreshold ?? 0, 1)) × the noise variance, aligned on the peak) are grouped as one putative motor unit; the templates show each unit’s mean potential, ±25 ms.</p>"
        }
        out += "<h3>Twitch waveforms</h3>"
        if result.reviewSnippets.isEmpty {
            out += "<p class=\"muted\">No waveforms: they are kept while a recording is analysed (EMG only) and are not part of a saved JSON result.</p>"
        } else {
            out += "<p class=\"muted\">The conditioned signal ±100 ms around each twitch’s peak, the grey band ±3 × the local noise RMS. At most \(MorphologyCollector.snippetsPerChannel) per channel are kept, spread evenly over the recording.</p>"
        }
        out += "<div id=\"rv-gallery\"></div></div>"
        out += "<script type=\"application/json\" id=\"rv-data\">" + reviewData(result, events: Array(shown), traces: traces, channels: channels) + "</script>"
        out += "<script>" + reviewScript + "</script>"
        return out
    }

    /// The JSON the script reads. Numbers are printed with fixed precision, so the bytes are
    /// the same for the same result; `<`, `>` and `&` never occur (escaped in strings).
    static func reviewData(_ result: AnalysisResult, events: [DetectedEvent], traces: [EnvelopeTrace],
                           channels: [String]) -> String {
        let channelIndex = Dictionary(channels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var reasons: [String] = [], reasonIndex: [String: Int] = [:]
        var snippetOf: [String: Int] = [:]
        for (k, s) in result.reviewSnippets.enumerated() { snippetOf["\(s.channel)|\(s.peakTime)"] = k }
        var eventOfSnippet = Array(repeating: -1, count: result.reviewSnippets.count)
        var rows: [String] = []
        rows.reserveCapacity(events.count)
        for (i, e) in events.enumerated() {
            let c = channelIndex[e.channel] ?? 0
            let r = reasonIndex[e.reason] ?? { reasons.append(e.reason); reasonIndex[e.reason] = reasons.count - 1; return reasons.count - 1 }()
            let kind = [EventKind.twitch, .cramp, .activity, .artifact].firstIndex(of: e.kind) ?? 0
            var snippet = -1
            if e.kind == .twitch, let k = snippetOf["\(e.channel)|\(e.peakTime)"] { snippet = k; eventOfSnippet[k] = i }
            rows.append("[\(kind),\(c),\(n(e.start, 4)),\(n(e.end, 4)),\(g(e.peak)),\(n(e.snr, 1)),\(r),\(e.morphology?.unit ?? 0),\(snippet)]")
        }
        let units = channels.map { ch in
            result.events.first { $0.channel == ch && $0.peakUnit != nil }?.peakUnit ?? ""
        }
        var values: [String] = []
        var dt = 0.5
        let traceByName = Dictionary(traces.map { ($0.channel, $0) }, uniquingKeysWith: { a, _ in a })
        let reduced = channels.map { traceByName[$0]?.decimated(maxPoints: reviewTracePointLimit) }
        if let first = reduced.compactMap({ $0 }).first { dt = first.secondsPerPoint }
        // The traces of one recording share their bin and length, so they are reduced alike.
        for t in reduced { values.append("[" + (t?.values.map(g).joined(separator: ",") ?? "") + "]") }
        let snippets = result.reviewSnippets.enumerated().map { k, s -> String in
            let step = max(1, (s.samples.count + snippetPointLimit - 1) / snippetPointLimit)
            let ys = stride(from: 0, to: s.samples.count, by: step).map { g(s.samples[$0]) }.joined(separator: ",")
            return "{\"c\":\(channelIndex[s.channel] ?? 0),\"t\":\(n(s.peakTime, 4)),\"b\":\(g(s.noiseBand)),\"u\":\(s.unit ?? 0),\"e\":\(eventOfSnippet[k]),\"y\":[\(ys)]}"
        }
        let templates = (result.morphology?.units ?? []).map { u -> String in
            "{\"c\":\(channelIndex[u.channel] ?? 0),\"id\":\(u.id),\"n\":\(u.count),\"b\":0,\"y\":[\(u.template.map(g).joined(separator: ","))]}"
        }
        return "{\"d\":\(n(max(result.source.durationSeconds, 1e-3), 4)),\"cap\":\(MorphologyCollector.snippetsPerChannel),"
            + "\"ch\":[\(channels.map(jsonString).joined(separator: ","))],\"un\":[\(units.map(jsonString).joined(separator: ","))],"
            + "\"rs\":[\(reasons.map(jsonString).joined(separator: ","))],"
            + "\"tr\":{\"dt\":\(n(dt, 6)),\"v\":[\(values.joined(separator: ","))]},"
            + "\"ev\":[\(rows.joined(separator: ","))],\"sn\":[\(snippets.joined(separator: ","))],\"tp\":[\(templates.joined(separator: ","))]}"
    }

    /// A finite number with `decimals` decimals (0 for NaN and infinities), valid JSON.
    static func n(_ v: Double, _ decimals: Int) -> String {
        let text = ReportText.fixed(v, decimals)
        return text.isEmpty ? "0" : text
    }

    /// Four significant digits, valid JSON (`1.234e-05`), 0 for NaN and infinities.
    static func g(_ v: Double) -> String {
        guard v.isFinite, v != 0 else { return "0" }
        var text = String(format: "%.4g", v)
        if text.hasPrefix("-0"), Double(text) == 0 { text.removeFirst() }
        return text
    }

    /// A JSON string literal with `<`, `>`, `&`, control characters and U+2028/9 escaped, so it
    /// is inert inside XHTML and a script element.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += String(format: "\\u%04x", u.value)
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0xFFFE || u.value == 0xFFFF {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
