import Foundation
import Testing

@Suite struct AnalyzeCommandTests {
    static let twitches = [3.0, 6.5, 9.25, 14.0, 17.5]

    @Test func singleFileGivesContractJSON() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try SampleCSV.write(SampleCSV.emg(seconds: 20, twitches: Self.twitches),
                                       named: "rec.csv", in: dir)
        let r = try CLI.run(["analyze", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "myotwitch.analysis/1")
        let source = try #require(json["source"] as? [String: Any])
        #expect(source["sensor"] as? String == "emg")
        #expect(source["sampleRateHz"] as? Double == 1000)
        #expect(source["channels"] as? [String] == ["emg_mV"])
        let events = try #require(json["events"] as? [[String: Any]])
        let twitchStarts = events.filter { $0["kind"] as? String == "twitch" }.compactMap { $0["start"] as? Double }
        #expect(twitchStarts.count == Self.twitches.count)
        for t in Self.twitches { #expect(twitchStarts.contains { abs($0 - t) < 0.01 }) }
        for e in events {
            for key in ["kind", "channel", "start", "end", "peak"] { #expect(e[key] != nil) }
        }
        #expect(json["episodes"] is [Any])
        #expect(json["summary"] is [String: Any])
    }

    /// A malformed row stops the file, naming line and column; with --skip-malformed it is
    /// skipped, listed as a warning, and the twitches around it are still found.
    @Test func malformedRowStopsOrIsSkippedOnRequest() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = SampleCSV.emg(seconds: 20, twitches: Self.twitches)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let bad = 8_000  // 0-based index into the lines: line 8001 of the file
        lines[bad] = lines[bad].split(separator: ",")[0] + ",0x1F"
        let file = dir.appendingPathComponent("bad.csv")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)

        let strict = try CLI.run(["analyze", file.path])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("bad.csv:\(bad + 1):2:"), "\(strict.stderr)")

        let lenient = try CLI.run(["analyze", file.path, "--skip-malformed"])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(lenient.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["warningCount"] as? Int == 1)
        let warning = try #require((summary["warnings"] as? [[String: Any]])?.first)
        #expect(warning["line"] as? Int == bad + 1)
        #expect(warning["column"] as? Int == 2)
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events.filter { $0["kind"] as? String == "twitch" }.count == Self.twitches.count)
    }

    @Test func outputIsByteForByteDeterministic() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try SampleCSV.write(SampleCSV.emg(seconds: 10, twitches: [4]), named: "r.csv", in: dir)
        let a = try CLI.run(["analyze", file.path]), b = try CLI.run(["analyze", file.path])
        #expect(a.status == 0 && a.stdout == b.stdout)
    }

    @Test func batchReportsAnUnreadableFileAndGoesOn() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = try SampleCSV.write(SampleCSV.emg(seconds: 10, twitches: [5]), named: "good.csv", in: dir)
        let missing = dir.appendingPathComponent("missing.csv").path
        let r = try CLI.run(["analyze", good.path, missing, "--jobs", "2"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("missing.csv"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "myotwitch.batch/1")
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results[0]["schema"] as? String == "myotwitch.analysis/1")
        #expect(results[1]["path"] as? String == missing)
        #expect((results[1]["error"] as? String)?.isEmpty == false)
    }

    @Test func directoryOutputWritesOneFilePerInputAndABatch() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("sub"), withIntermediateDirectories: true)
        _ = try SampleCSV.write(SampleCSV.emg(seconds: 8, twitches: [4]), named: "a.csv", in: data)
        _ = try SampleCSV.write(SampleCSV.emg(seconds: 8, twitches: [5]), named: "sub/b.csv", in: data)
        let out = dir.appendingPathComponent("out").path + "/"
        let r = try CLI.run(["analyze", data.path, "--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["a.json", "b.json", "batch.json"])
    }

    /// A report replaces its file whole (temporary file + rename), follows a symbolic link
    /// instead of replacing it, leaves no temporary file behind, and an unwritable place is a
    /// clear error with status 1 (not a usage error).
    @Test func reportFilesAreReplacedWholeThroughLinks() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try SampleCSV.write(SampleCSV.emg(seconds: 8, twitches: [4]), named: "a.csv", in: dir)
        let real = dir.appendingPathComponent("real.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        let link = dir.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
        let r = try CLI.run(["analyze", input.path, "--output", link])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.json")
        let written = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: real))) as? [String: Any])
        #expect(written["schema"] as? String == "myotwitch.analysis/1")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a.csv", "link.json", "real.json"])

        let missing = dir.appendingPathComponent("no/such/dir/r.json").path
        let failed = try CLI.run(["analyze", input.path, "--output", missing])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("cannot write \(missing)"))
        #expect(!failed.stderr.contains("Usage"))
    }

    @Test(arguments: [
        (["analyze"], "input"),
        (["analyze", "x.csv", "--rate", "-5"], "--rate"),
        (["analyze", "x.csv", "--format", "pdf"], "format"),
        (["analyze", "x.csv", "--format", "json", "--format", "csv"], "--output DIR"),
    ])
    func usageErrorsExitWith2(arguments: [String], mentions: String) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains(mentions))
    }
}
