import Testing
@testable import MyoTwitch

@Suite struct MarkdownReportTests {
    typealias F = ReportFixtures

    @Test(arguments: [
        ("calf (left)", "calf (left)"),
        ("a|b", "a\\|b"),
        ("*bold* _it_", "\\*bold\\* \\_it\\_"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("[x](http://e)", "\\[x\\](http://e)"),
        ("# title", "\\# title"),
        ("- item", "\\- item"),
        ("x-y", "x-y"),
        ("line\nbreak", "line break"),
        ("back\\slash `code` ~~s~~ &amp;", "back\\\\slash \\`code\\` \\~\\~s\\~\\~ \\&amp;"),
    ])
    func escaping(raw: String, escaped: String) {
        #expect(MarkdownReport.escape(raw) == escaped)
    }

    /// Splits a table row at unescaped pipes.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = [], cell = "", escaped = false
        for c in line {
            if escaped { cell.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; cell.append(c); continue }
            if c == "|" { cells.append(cell); cell = "" } else { cell.append(c) }
        }
        cells.append(cell)
        return Array(cells.dropFirst().dropLast())
    }

    @Test func hostileChannelNamesKeepTheTablesIntact() throws {
        let hostile = "x|y|<b>z</b>\n| evil |"
        let text = MarkdownReport.render(F.typical(channels: [hostile, "thigh"]))
        #expect(!text.contains("<b>"))
        let tableLines = text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("|") }
        var width = 0
        for line in tableLines {
            if line.hasPrefix("|---") || line.hasPrefix("| channel") || line.hasPrefix("| #") { width = Self.cells(line).count; continue }
            #expect(Self.cells(line).count == width, "\(line)")
        }
        #expect(text.contains("| x\\|y\\|\\<b\\>z\\</b\\> \\| evil \\| | – | 25 | 2.50 | muscle not given |"))
    }

    @Test func reportHasTheSectionsAndStatements() {
        let text = MarkdownReport.render(F.typical())
        for heading in ["# Twitch and cramp report", "## Channels", "## Cramps", "## Twitch episodes",
                        "## Advisory flags", "## About this report"] {
            #expect(text.contains("\n" + heading + "\n") || text.hasPrefix(heading + "\n"), "\(heading)")
        }
        #expect(text.contains("Recording: rec.csv — surface EMG, 2 channels at 1000 Hz, 10.0 min recorded, 50 Hz mains removed."))
        // No muscle given: no reference rate drawn, and the report says how to name one.
        #expect(!text.contains("never more than 3 per minute"))
        #expect(text.contains("--muscle CHANNEL=NAME"))
        let named = MarkdownReport.render(try! MuscleAssignment(arguments: ["calf=tibialis anterior"]).apply(to: F.typical()))
        #expect(named.contains("- calf (tibialis anterior (shin)): never more than 3 per minute"))
        #expect(named.contains("| calf | tibialis anterior | 25 | 2.50 | never more than 3 per minute |"))
        #expect(text.contains("It is not a diagnosis"))
        #expect(text.contains("Medical guidance suggests showing a doctor"))
        #expect(text.contains("- **multiple-sites**: Twitches were found on 2 channels"))
        #expect(text.contains("_Rule: twitches on at least 2 channels._"))
        #expect(text.contains("| 1 | calf | 5:00 | 5:18 | 18 s | 0.2000 mV | 12.0 |"))
    }

    @Test func quietShortRecordingSaysSoCalmly() {
        let text = MarkdownReport.render(F.result(channels: ["emg"], duration: 60, events: []))
        #expect(text.contains("No twitches were found. No cramps were found."))
        #expect(text.contains(ReportText.noFlags))
        #expect(text.contains("shorter than 2 minutes"))
    }

    @Test(arguments: [(119.4, true), (119.999, false), (120.0, false)])
    func shortRecordingNoteAgreesWithThePrintedLength(duration: Double, short: Bool) {
        let result = F.result(channels: ["emg"], duration: duration, events: [])
        #expect(MarkdownReport.render(result).contains("shorter than 2 minutes") == short)
        #expect(HTMLReport.render(result).contains("shorter than 2 minutes") == short)
    }

    @Test func cohortListsEveryRecordingAndFailure() {
        let entries: [BatchResult.Entry] = [.analysed(F.typical(path: "a|b.csv")), .analysed(F.typical(path: "c.csv")),
                                            .failed(path: "d.csv", error: "d.csv: cannot open")]
        let text = MarkdownReport.render(cohort: entries)
        #expect(text.hasPrefix("# Twitch and cramp report: 3 recordings\n"))
        #expect(text.contains("| a\\|b.csv | analysed | 10.0 min | calf, thigh | 28 | 2.80 |"))
        #expect(text.contains("| d.csv | failed: d.csv: cannot open |"))
        #expect(text.contains("It is not a diagnosis"))
    }

    /// A hold reported as activity because the signal shows no cramp's evidence says so, and
    /// why: at 250 Hz no cramp can show; at 1 kHz this hold's spectrum lacked the shift. Other
    /// activity (an exercise burst) adds nothing.
    @Test(arguments: [(250.0, "at 250 Hz the signal cannot tell a cramp from a voluntary hold"),
                      (1000.0, "its spectrum showed no cramp's shift to higher frequencies")])
    func heldContractionSaysWhyItIsNoCramp(rate: Double, expected: String) {
        let hold = DetectedEvent(kind: .activity, channel: "emg", start: 100, end: 112, peak: 0.2, peakTime: 105,
                                 snr: 30, reason: "sustained-contraction", peakUnit: "mV")
        var result = F.result(channels: ["emg"], duration: 300, events: [hold, F.event(.activity, "emg", 200, 201)])
        result.source.sampleRateHz = rate
        let markdown = MarkdownReport.render(result), html = HTMLReport.render(result)
        #expect(markdown.contains("1 sustained contraction of 12 s is reported as activity: "))
        #expect(markdown.contains(expected) && html.contains(expected.replacingOccurrences(of: "'", with: "&#39;")))
        #expect(markdown.contains("## Cramps\n\nNo cramps were found. 1 sustained contraction"))
        let plain = F.result(channels: ["emg"], duration: 300, events: [F.event(.activity, "emg", 200, 201)])
        #expect(!MarkdownReport.render(plain).contains("sustained contraction"))
    }

    /// The overview says how many of the artifacts are heartbeats, when any are.
    @Test(arguments: [(beats: 0, other: 2, says: "artifacts set aside: 2."),
                      (beats: 3, other: 0, says: "artifacts set aside: 3 (all heartbeats)."),
                      (beats: 1, other: 0, says: "artifacts set aside: 1 (a heartbeat)."),
                      (beats: 4, other: 1, says: "artifacts set aside: 5 (4 of them heartbeats).")])
    func overviewCountsHeartbeats(beats: Int, other: Int, says: String) {
        var events = (0..<beats).map { k -> DetectedEvent in
            var e = ReportFixtures.event(.artifact, "calf", 10 + Double(k))
            e.reason = "heartbeat"
            return e
        }
        events += (0..<other).map { ReportFixtures.event(.artifact, "calf", 50 + Double($0)) }
        let result = ReportFixtures.result(channels: ["calf"], duration: 120, events: events)
        #expect(ReportFacts.overview(result).contains(says), "\(ReportFacts.overview(result))")
    }
}
