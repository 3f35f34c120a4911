import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct ReportCommandTests {
    static let twitches = [3.0, 6.5, 9.25, 14.0, 17.5]

    /// A recording and its saved JSON result, in a fresh directory.
    static func saved(in dir: URL, name: String = "rec") throws -> (csv: URL, json: URL) {
        let csv = try SampleCSV.write(SampleCSV.emg(seconds: 20, twitches: twitches), named: "\(name).csv", in: dir)
        let json = dir.appendingPathComponent("\(name).json")
        let r = try CLI.run(["analyze", csv.path, "--output", json.path])
        #expect(r.status == 0, "\(r.stderr)")
        return (csv, json)
    }

    static func wellFormed(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    @Test(arguments: ["html", "markdown", "csv"])
    func analyzeWritesEachReportFormat(format: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try SampleCSV.write(SampleCSV.emg(seconds: 20, twitches: Self.twitches), named: "rec.csv", in: dir)
        let r = try CLI.run(["analyze", csv.path, "--format", format])
        #expect(r.status == 0, "\(r.stderr)")
        switch format {
        case "html":
            #expect(Self.wellFormed(r.stdout))
            #expect(r.stdout.contains("signal envelope (log scale)"), "analyze passes the traces")
        case "markdown":
            #expect(r.stdout.hasPrefix("# Twitch and cramp report\n"))
            #expect(r.stdout.contains("| emg\\_mV | – | 5 | – | muscle not given |"), "20 s: no rate, no muscle")
        default:
            let lines = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines[0] == "record,kind,channel,start_s,end_s,duration_s,peak,peak_unit,snr,event_count,rate_per_min,reason,source")
            #expect(lines.filter { $0.hasPrefix("event,twitch,emg_mV,") }.count == Self.twitches.count)
        }
    }

    @Test func reportFromASavedResultMatchesAnalyzeWithoutTraces() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (csv, json) = try Self.saved(in: dir)
        for format in ["markdown", "csv"] {
            let direct = try CLI.run(["analyze", csv.path, "--format", format])
            let report = try CLI.run(["report", json.path, "--format", format])
            #expect(report.status == 0, "\(report.stderr)")
            #expect(report.stdout == direct.stdout, "\(format)")
        }
        let out = dir.appendingPathComponent("rec.html")
        let html = try CLI.run(["report", json.path, "--format", "html", "--output", out.path])
        #expect(html.status == 0 && html.stdout.isEmpty)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(Self.wellFormed(text))
        #expect(text.contains("holds no signal envelope"))
    }

    @Test func severalResultsGiveACohortAndAnUnreadableOneIsNamed() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Self.saved(in: dir, name: "a").json, b = try Self.saved(in: dir, name: "b").json
        let broken = try SampleCSV.write("{\"schema\": 3", named: "broken.json", in: dir)
        let missing = dir.appendingPathComponent("missing.json").path
        let r = try CLI.run(["report", a.path, b.path, broken.path, missing, "--format", "markdown"])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("# Twitch and cramp report: 2 recordings\n"))
        let errors = r.stderr.split(separator: "\n")
        #expect(errors.count == 2)
        #expect(errors[0].hasPrefix("myotwitch: \(broken.path): not a valid myotwitch result"))
        #expect(errors[1] == "myotwitch: \(missing): cannot read: No such file or directory")
    }

    @Test func aSavedBatchListsItsFailedInputs() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try SampleCSV.write(SampleCSV.emg(seconds: 10, twitches: [5]), named: "good.csv", in: dir)
        let missing = dir.appendingPathComponent("gone.csv").path
        let batch = dir.appendingPathComponent("batch.json")
        #expect(try CLI.run(["analyze", csv.path, missing, "--output", batch.path]).status == 1)
        let r = try CLI.run(["report", batch.path, "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 3)
        // The one-recording layout (issue 19: one CSV layout whatever the number of inputs).
        #expect(rows[1].hasPrefix("event,twitch,emg_mV,5.0") && rows[1].hasSuffix(",\(csv.path)"))
        #expect(rows[2].hasPrefix("failed,") && rows[2].hasSuffix(",\(missing)"))
        #expect(rows[2].contains("No such file or directory"))
    }

    @Test func directoryOutputNamesStayInsideTheDirectory() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = try Self.saved(in: dir).json
        let text = try String(contentsOf: json, encoding: .utf8)
        let original = dir.appendingPathComponent("rec.csv").path
        for (i, hostile) in ["../../escape.csv", "/", "..", "sub/../../x\u{1}.csv"].enumerated() {
            let copy = text.replacingOccurrences(of: "\"path\": \"\(original)\"", with: "\"path\": \"\(hostile.replacingOccurrences(of: "\u{1}", with: "\\u0001"))\"")
            try Data(copy.utf8).write(to: dir.appendingPathComponent("h\(i).json"))
        }
        let out = dir.appendingPathComponent("reports/inner/")
        let inputs = (0..<4).map { dir.appendingPathComponent("h\($0).json").path }
        let r = try CLI.run(["report"] + inputs + ["--format", "html", "--format", "csv", "--output", out.path + "/"])
        #expect(r.status == 0, "\(r.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written.count == 4 * 2 + 2)
        #expect(written.contains("summary.html") && written.contains("summary.csv"))
        #expect(written.allSatisfy { !$0.hasPrefix(".") && !$0.contains("/") })
        let outside = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("reports").path)
        #expect(outside == ["inner"])
        #expect(!FileManager.default.fileExists(atPath: dir.deletingLastPathComponent().appendingPathComponent("escape.html").path))
    }

    @Test(arguments: [
        (["report"], "<result>"),
        (["report", "r.json", "--format", "pdf"], "format"),
        (["report", "r.json", "--format", "html", "--format", "csv"], "--output DIR"),
    ])
    func usageErrorsExitWith2(arguments: [String], mentions: String) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains(mentions))
    }

    @Test func batchAnalysisWritesCohortReports() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        for name in ["a", "b"] {
            _ = try SampleCSV.write(SampleCSV.emg(seconds: 10, twitches: [3, 6]), named: "\(name).csv", in: dir.appendingPathComponent("data"))
        }
        let html = try CLI.run(["analyze", dir.appendingPathComponent("data").path, "--format", "html"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(Self.wellFormed(html.stdout))
        #expect(html.stdout.contains("Twitch and cramp report: 2 recordings"))
    }

    @Test func aDirectoryOfResultsIsSearchedForJSONFilesOnly() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let nested = dir.appendingPathComponent("results/nested")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let a = try Self.saved(in: dir, name: "a")
        try FileManager.default.moveItem(at: a.json, to: nested.appendingPathComponent("a.json"))
        // A hidden file and a CSV beside the results are not results and are left alone.
        _ = try SampleCSV.write("{\"schema\": 3", named: ".hidden.json", in: nested)
        _ = try SampleCSV.write("time,emg\n", named: "notes.csv", in: nested)
        let r = try CLI.run(["report", dir.appendingPathComponent("results").path, "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\r\n")
        #expect(rows.first?.hasPrefix("record,kind,channel,") == true, "one result gives its own rows")
        #expect(rows.dropFirst().allSatisfy { $0.hasSuffix(",\(a.csv.path)") })
        #expect(rows.contains { $0.hasPrefix("event,twitch,") })
    }

    @Test func aDirectoryWrittenByAnalyzeCountsEachRecordingOnce() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Self.saved(in: dir, name: "a").csv, b = try Self.saved(in: dir, name: "b").csv
        let out = dir.appendingPathComponent("out")
        #expect(try CLI.run(["analyze", a.path, b.path, "--output", out.path + "/", "--format", "json", "--format", "jsonl"]).status == 0)
        let r = try CLI.run(["report", out.path, "--format", "markdown"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("# Twitch and cramp report: 2 recordings\n"), "not 4 (batch + per-file) nor 6 (and JSON Lines)")
        // Named twice by hand: counted once, with a note.
        let twice = try CLI.run(["report", out.appendingPathComponent("batch.json").path, out.appendingPathComponent("a.json").path])
        #expect(twice.stdout.hasPrefix("# Twitch and cramp report: 2 recordings\n"))
        #expect(twice.stderr.contains("note:") && twice.stderr.contains("counted once"))
    }

    /// Every format `report --help` lists is written, and json/jsonl give what analyze writes.
    @Test func everyFormatTheHelpListsWorks() throws {
        let help = try CLI.run(["report", "--help"]).stdout
        let listed = ["json", "jsonl", "csv", "markdown", "html"].filter { help.contains($0) }
        #expect(listed.count == 5, "\(help)")
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (csv, json) = try Self.saved(in: dir)
        for format in listed {
            let r = try CLI.run(["report", json.path, "--format", format])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            #expect(!r.stdout.isEmpty)
            if format == "json" || format == "jsonl" {
                #expect(r.stdout == (try CLI.run(["analyze", csv.path, "--format", format])).stdout, "\(format)")
            }
        }
    }

    @Test(arguments: ["stream", "analyze"])
    func readsTheJSONLinesThatStreamAndAnalyzeWrite(writer: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (csv, json) = try Self.saved(in: dir)
        let lines = writer == "stream"
            ? try CLI.run(["stream"], stdin: try Data(contentsOf: csv))
            : try CLI.run(["analyze", csv.path, "--format", "jsonl"])
        let jsonl = try SampleCSV.write(lines.stdout, named: "rec.jsonl", in: dir)
        let r = try CLI.run(["report", jsonl.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let saved = try String(contentsOf: json, encoding: .utf8)
        let path = writer == "stream" ? "<stdin>" : csv.path
        // A live stream keeps no per-twitch values (its memory must not grow with the twitches),
        // so its unit statistics are partial: compared without the morphology summary.
        func comparable(_ text: String) -> String {
            guard writer == "stream", let units = text.range(of: ",\n  \"morphology\": {") else { return text }
            return String(text[..<units.lowerBound]) + "\n}\n"
        }
        #expect(comparable(r.stdout) == comparable(saved.replacingOccurrences(of: "\"path\": \"\(csv.path)\"", with: "\"path\": \"\(path)\"")))
        // A stream stopped before its summary: its lines are a failed row, not dropped.
        let cut = lines.stdout.split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
        let partial = try SampleCSV.write(lines.stdout + cut, named: "two.jsonl", in: dir)
        let md = try CLI.run(["report", partial.path, "--format", "markdown"])
        #expect(md.stdout.hasPrefix("# Twitch and cramp report: 2 recordings\n"), "\(md.stdout)")
        #expect(md.stdout.contains("have no summary line after them"))
    }

    @Test func jsonLinesThatDisagreeWithTheirSummaryAreRefused() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (csv, _) = try Self.saved(in: dir)
        let lines = try CLI.run(["analyze", csv.path, "--format", "jsonl"]).stdout.split(separator: "\n")
        let filtered = lines.dropFirst().joined(separator: "\n") + "\n"  // one event line removed
        let file = try SampleCSV.write(filtered, named: "cut.jsonl", in: dir)
        let r = try CLI.run(["report", file.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(file.path):\(lines.count - 1): the summary counts 5 events but 4 event lines"), "\(r.stderr)")
    }

    @Test func recordingsAreListedInNaturalOrder() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for i in [1, 2, 10, 11] {
            _ = try SampleCSV.write(SampleCSV.emg(seconds: 3, twitches: [1]), named: "rec\(i).csv", in: data)
        }
        let out = dir.appendingPathComponent("out")
        func names(_ markdown: String) -> [String] {
            markdown.split(separator: "\n").filter { $0.hasPrefix("| \(data.path)") }
                .map { String($0.split(separator: "/").last!.prefix(while: { $0 != "." })) }
        }
        let analysed = try CLI.run(["analyze", data.path, "--format", "markdown"])
        #expect(names(analysed.stdout) == ["rec1", "rec2", "rec10", "rec11"], "analyze's expansion")
        _ = try CLI.run(["analyze", data.path, "--output", out.path + "/"])
        try FileManager.default.removeItem(at: out.appendingPathComponent("batch.json"))
        let reported = try CLI.run(["report", out.path, "--format", "markdown"]).stdout
        #expect(names(reported) == ["rec1", "rec2", "rec10", "rec11"], "report's directory walk")
    }

    @Test(arguments: ["", "\n  \n"])
    func anEmptyResultFileIsNamed(content: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try SampleCSV.write(content, named: "live.jsonl", in: dir)
        let r = try CLI.run(["report", file.path])
        #expect(r.status == 1)
        #expect(r.stderr == "myotwitch: \(file.path): empty file: no result in it (a stream that wrote nothing, or a run that was stopped?)\n")
    }
}
