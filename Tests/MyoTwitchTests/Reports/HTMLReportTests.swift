import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MyoTwitch

/// Parses a document as XML and keeps what the tests look at.
final class XMLProbe: NSObject, XMLParserDelegate {
    var text = ""
    var elements: [String: Int] = [:]
    var attributes: [String] = []
    var error: Error?

    static func parse(_ document: String) -> XMLProbe {
        let probe = XMLProbe()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = probe
        if !parser.parse() { probe.error = parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return probe
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        elements[name, default: 0] += 1
        self.attributes += attributes.values
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

@Suite struct HTMLReportTests {
    typealias F = ReportFixtures

    /// The text of the document's script elements.
    static func scripts(_ html: String) -> String {
        html.components(separatedBy: "<script").dropFirst().map { $0.components(separatedBy: "</script>")[0] }.joined()
    }

    static func withoutScripts(_ html: String) -> String {
        html.components(separatedBy: "<script").enumerated().map { i, part in
            i == 0 ? part : part.components(separatedBy: "</script>").dropFirst().joined()
        }.joined()
    }

    @Test(arguments: [true, false])
    func singleReportIsWellFormedXHTMLWithEveryPlot(withTraces: Bool) throws {
        let result = F.typical()
        let html = HTMLReport.render(result, traces: withTraces ? F.traces(for: result) : [], traceBinSeconds: 0.5)
        let probe = XMLProbe.parse(html)
        #expect(probe.error == nil, "\(String(describing: probe.error))")
        #expect(probe.elements["html"] == 1 && probe.elements["style"] == 1)
        // Timeline, raster, rate, episodes, histogram.
        #expect(probe.elements["svg"] == 5)
        for label in ["Signal envelope and events per channel", "Twitch raster", "Twitch rate per minute over time",
                      "Episode timeline", "Histogram of episode durations"] {
            #expect(probe.attributes.contains(label), "\(label)")
        }
        #expect(probe.text.contains("It is not a diagnosis"))
        #expect(!probe.text.contains("never more than 3 per minute"), "no muscle given: no reference")
        #expect(probe.text.contains("muscle not given"))
        let named = HTMLReport.render(try MuscleAssignment(arguments: ["calf=TA"]).apply(to: result))
        #expect(named.contains("never more than 3 per minute"))
        #expect(named.contains("class=\"ref\""), "the dashed reference line is drawn")
        #expect(!html.contains("class=\"ref\""))
        #expect(probe.elements["canvas"] == 2 && probe.elements["script"] == 2, "the review view")
        #expect(probe.text.contains("multiple-sites"))
        #expect(probe.text.contains("Rule: twitches on at least 2 channels."))
        #expect(html.contains("signal envelope (log scale)") == withTraces)
        #expect(html.contains("holds no signal envelope") == !withTraces)
    }

    @Test(arguments: ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "a&b;'\u{0001}\u{FFFE}", "]]><!--"])
    func hostileTextRendersAsText(name: String) throws {
        let result = F.typical(channels: [name, "thigh"], path: name + ".csv")
        for html in [HTMLReport.render(result, traces: F.traces(for: result)),
                     HTMLReport.render(cohort: [.analysed(result), .failed(path: name, error: name)])] {
            let probe = XMLProbe.parse(html)
            #expect(probe.error == nil, "\(String(describing: probe.error))")
            // Only the report's own two scripts (review data and code); the name is inert text,
            // also inside the review data, where <, > and & are \u-escaped.
            #expect((probe.elements["script"] ?? 0) <= 2 && probe.elements["img"] == nil)
            #expect(html.components(separatedBy: "<script").count - 1 == (probe.elements["script"] ?? 0))
            #expect(!html.contains("<img"))
            #expect(!Self.scripts(html).contains("<") && !Self.scripts(html).contains("&"))
            let shown = name.replacingOccurrences(of: "\u{0001}", with: "\u{FFFD}").replacingOccurrences(of: "\u{FFFE}", with: "\u{FFFD}")
            #expect(probe.text.contains(shown))
        }
    }

    @Test func nothingIsLoadedFromElsewhere() {
        let html = HTMLReport.render(F.typical(), traces: F.traces(for: F.typical()))
        #expect(html.components(separatedBy: "<script").count - 1 == 2, "the review view's data and code only")
        #expect(html.contains("<script type=\"application/json\" id=\"rv-data\">"))
        for forbidden in ["<script src", "src=", "href=", "url(", "@import", "<link", "fetch(", "XMLHttpRequest", "import("] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        let http = html.components(separatedBy: "http://").count - 1
        #expect(http == 1 + 5, "only the XHTML and SVG namespaces")
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
    }

    @Test func outputIsDeterministic() {
        let result = F.typical()
        #expect(HTMLReport.render(result, traces: F.traces(for: result)) == HTMLReport.render(result, traces: F.traces(for: result)))
    }

    @Test func anHourOfEightBusyChannelsStaysUnderFiveMegabytes() throws {
        let channels = (1...8).map { "EMG \($0)" }
        var events: [DetectedEvent] = []
        for (c, channel) in channels.enumerated() {
            // 100 twitches a minute on every channel, a cramp every 10 minutes, activity bursts.
            for i in 0..<6000 { events.append(F.event(.twitch, channel, Double(i) * 0.6 + Double(c) * 0.01)) }
            for k in 0..<6 { events.append(F.event(.cramp, channel, Double(k) * 600 + 100, Double(k) * 600 + 130)) }
            for k in 0..<30 { events.append(F.event(.activity, channel, Double(k) * 120 + 50, Double(k) * 120 + 52)) }
        }
        let result = F.result(channels: channels, duration: 3600, events: events)
        let traces = F.traces(for: result)
        #expect(traces[0].count == 7200)
        let html = HTMLReport.render(result, traces: traces, traceBinSeconds: 0.5)
        let size = html.utf8.count
        #expect(size < 5_000_000, "\(size) bytes")
        #expect(XMLProbe.parse(html).error == nil)
    }

    /// An ECG gives an artifact per heartbeat: they are drawn as a thin strip at the top of the
    /// row, so they cannot cover the envelope and the twitch ticks.
    @Test func manyArtifactsStayAThinStrip() {
        var events = (0..<500).map { F.event(.artifact, "leg", Double($0) * 1.1 + 0.5, Double($0) * 1.1 + 0.6) }
        events.append(F.event(.twitch, "leg", 300))
        let result = F.result(channels: ["leg"], duration: 600, events: events)
        let html = HTMLReport.render(result, traces: F.traces(for: result))
        let svg = html.components(separatedBy: "aria-label=\"Signal envelope and events per channel\"")[1]
            .components(separatedBy: "</svg>")[0]
        let greys = svg.components(separatedBy: "fill=\"#a3a3a3\"").count - 1
        #expect(greys > 0)
        #expect(!svg.contains("height=\"64.0\" fill=\"#a3a3a3\""), "no full-height artifact band")
        #expect(svg.components(separatedBy: "height=\"5\" fill=\"#a3a3a3\"").count - 1 == greys)
    }

    /// Ten hours of eight channels: the review keeps at most `reviewTracePointLimit` envelope
    /// points per channel, so the report stays small enough to open.
    @Test func tenHoursStayNavigableAndSmall() throws {
        let channels = (1...8).map { "EMG \($0)" }
        var events: [DetectedEvent] = []
        for channel in channels { for i in 0..<3000 { events.append(F.event(.twitch, channel, Double(i) * 12)) } }
        let result = F.result(channels: channels, duration: 36_000, events: events)
        let traces = F.traces(for: result)
        #expect(traces[0].count == 72_000)
        let html = HTMLReport.render(result, traces: traces, traceBinSeconds: 0.5)
        #expect(html.utf8.count < 5_000_000, "\(html.utf8.count) bytes")
        let data = html.components(separatedBy: "id=\"rv-data\">")[1].components(separatedBy: "</script>")[0]
        let trace = data.components(separatedBy: "\"tr\":{\"dt\":")[1]
        #expect(trace.hasPrefix("2,") || trace.hasPrefix("2.0"), "72,000 half-second points reduced 4x: \(trace.prefix(12))")
    }

    @Test func extremeButFiniteValuesFromASavedResultRenderInEveryFormat() throws {
        // Any finite number can come from a saved JSON file; none may trap a conversion.
        var events = [F.event(.twitch, "a", 1e300), F.event(.cramp, "a", -5, 1e308), F.event(.twitch, "a", 10)]
        events[0].peakTime = 1e300
        events[1].peak = -1e308
        let huge = F.result(channels: ["a"], duration: 1e308, events: events)
        let decoded = try JSONReport.decodeAnalysis(try JSONReport.encode(huge))
        for result in [decoded, F.result(channels: ["a"], duration: 0, events: events),
                       F.result(channels: ["a"], duration: -3, events: events)] {
            let trace = EnvelopeTrace(channel: "a", start: -1e300, secondsPerPoint: 1e300,
                                      values: [0, .nan, 1e-320, .infinity, 5])
            let html = HTMLReport.render(result, traces: [trace])
            let probe = XMLProbe.parse(html)
            #expect(probe.error == nil, "\(String(describing: probe.error))")
            let shown = Self.withoutScripts(html)
            #expect(!shown.contains("nan") && !shown.contains("inf"))
            #expect(!Self.scripts(html).contains("nan,") && !Self.scripts(html).contains("inf,"))
            #expect(!MarkdownReport.render(result).isEmpty)
            #expect(CSVReport.render(result).contains("\r\n"))
        }
    }

    @Test(arguments: [(31.9, 40.0, 10.0), (3.3, 4.0, 1.0), (110.0, 150.0, 50.0), (0.4, 0.4, 0.1), (5.0, 5.0, 1.0), (0.0, 1.0, 1.0)])
    func rateAxisHasRoundTicksInAtMostFiveSteps(highest: Double, max: Double, step: Double) {
        let scale = HTMLReport.niceScale(highest)
        #expect(abs(scale.max - max) < 1e-9 && abs(scale.step - step) < 1e-9)
        #expect(scale.max >= highest && (scale.max / scale.step).rounded() <= 5)
    }

    @Test func ratesUseMinuteBinsAndHalfABinForATinyLastBin() {
        let events = [F.event(.twitch, "a", 10), F.event(.twitch, "a", 20), F.event(.twitch, "a", 125)]
        let (bin, rates) = HTMLReport.twitchRates(F.result(channels: ["a"], duration: 130, events: events))
        #expect(bin == 60)
        #expect(rates == [[2, 0, 2]])
        #expect(HTMLReport.rateBinSeconds(duration: 36_000) == 60)
        #expect(HTMLReport.rateBinSeconds(duration: 36_001) == 120)
    }

    @Test func cohortIsWellFormedAndListsFailures() {
        let html = HTMLReport.render(cohort: [.analysed(F.typical()), .failed(path: "b.csv", error: "b.csv: cannot open")])
        let probe = XMLProbe.parse(html)
        #expect(probe.error == nil)
        #expect(probe.text.contains("failed: b.csv: cannot open"))
        #expect(probe.text.contains("1 input could not be read"))
        #expect(probe.text.contains("It is not a diagnosis"))
    }

    @Test func savedResultsDecodeSingleAndBatchFormsWithFailures() throws {
        let result = F.typical()
        let single = try JSONReport.encode(result)
        #expect(try JSONReport.decodeSavedResults(single, path: "r.json").count == 1)
        let batch = try JSONReport.encode(BatchResult(results: [.analysed(result), .failed(path: "x.csv", error: "x.csv: bad")]))
        let entries = try JSONReport.decodeSavedResults(batch, path: "b.json")
        guard entries.count == 2, case .analysed(let decoded) = entries[0], case .failed(let path, let error) = entries[1] else {
            Issue.record("unexpected entries \(entries)"); return
        }
        #expect(decoded == result)
        #expect(path == "x.csv" && error == "x.csv: bad")
        #expect(throws: InputError(path: "o.json", message: "unknown schema \"other/1\"; expected myotwitch.analysis/1 or myotwitch.batch/1")) {
            try JSONReport.decodeSavedResults(Data(#"{"schema":"other/1"}"#.utf8), path: "o.json")
        }
        #expect(throws: InputError(path: "n.json", message: "not a valid myotwitch result: the file is not JSON")) {
            try JSONReport.decodeSavedResults(Data("time,emg\n".utf8), path: "n.json")
        }
        #expect(throws: InputError(path: "m.json", message: "not a valid myotwitch result: missing \"source\"")) {
            try JSONReport.decodeSavedResults(Data(#"{"schema":"myotwitch.analysis/1"}"#.utf8), path: "m.json")
        }
    }
}
