import Foundation
import Testing

/// Options do what their help says (issue 19): the format follows --output's ending, CSV keeps
/// one layout, evaluate explains a wrong input.
@Suite struct CLIHonestyTests {
    @Test(arguments: [
        ("r.html", "<!DOCTYPE html>"), ("r.HTM", "<!DOCTYPE html>"), ("r.md", "# "),
        ("r.markdown", "# "), ("r.csv", "record,kind,channel"), ("r.json", "{\n"),
        ("r.jsonl", "{\"type\":"), ("r.ndjson", "{\"type\":"), ("r.txt", "{\n"), ("r", "{\n"),
    ])
    func formatFollowsTheOutputEnding(_ name: String, _ prefix: String) throws {
        let dir = try OutputSafetyTests.recordingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["analyze", "rec.csv", "--output", name], currentDirectory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        #expect(text.hasPrefix(prefix), "\(name): \(text.prefix(40))")
    }

    @Test func explicitFormatWinsWithANote() throws {
        let dir = try OutputSafetyTests.recordingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["analyze", "rec.csv", "--format", "csv", "--output", "r.html"], currentDirectory: dir)
        #expect(r.status == 0 && r.stderr.contains("writing csv to r.html, whose ending says html"), "\(r.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("r.html"), encoding: .utf8).hasPrefix("record,"))
    }

    /// One input or several (and a failed one): the same header, one row layout.
    @Test func csvHasOneLayoutWhateverTheNumberOfInputs() throws {
        let dir = try OutputSafetyTests.recordingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let one = try CLI.run(["analyze", "rec.csv", "--format", "csv"], currentDirectory: dir)
        let two = try CLI.run(["analyze", "rec.csv", "hard.csv", "missing.csv", "--format", "csv"], currentDirectory: dir)
        #expect(one.status == 0 && two.status == 1)
        let oneRows = one.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let twoRows = two.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(oneRows.first == twoRows.first)
        #expect(oneRows.count > 1)
        #expect(twoRows.count == 2 * (oneRows.count - 1) + 2)
        #expect(twoRows.filter { $0.hasSuffix(",hard.csv") }.count == oneRows.count - 1)
        let failed = try #require(twoRows.last)
        #expect(failed.hasPrefix("failed,") && failed.hasSuffix(",missing.csv"), "\(failed)")
        let columns = oneRows[0].split(separator: ",").count
        for row in twoRows where !row.contains("\"") { #expect(row.split(separator: ",", omittingEmptySubsequences: false).count == columns) }
    }

    @Test(arguments: [
        ("time,emg\n0,1\n0.001,2\n", "looks like CSV"),
        ("", "is empty"),
        ("{\"events\": [1,", "is not valid JSON"),
        ("{\"type\":\"event\"}\n{\"type\":\"event\"}\n{\"type\":\"summary\"}\n", "holds JSON Lines"),
        ("{\"schema\":\"myotwitch.batch/1\",\"results\":[]}", "is a batch"),
        ("{\"schema\":\"myotwitch.evaluation/1\"}", "has schema myotwitch.evaluation/1"),
        ("{\"source\":{}}", "has no \"events\" list"),
        ("{\"events\":[{\"kind\":\"twitch\",\"start\":1,\"end\":2}]}", "events[0].channel is missing"),
        ("{\"events\":[{\"kind\":\"bogus\",\"channel\":\"a\",\"start\":1,\"end\":2}]}", "events[0].kind has an unknown value"),
        ("[1, 2]", "is a JSON array"),
    ])
    func evaluateExplainsAWrongInput(_ content: String, _ message: String) throws {
        let dir = try OutputSafetyTests.recordingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(content.utf8).write(to: dir.appendingPathComponent("wrong.json"))
        for arguments in [["--truth", "rec.truth.json", "wrong.json"], ["--truth", "wrong.json", "rec.truth.json"]] {
            let r = try CLI.run(["evaluate"] + arguments, currentDirectory: dir)
            #expect(r.status == 1)
            #expect(r.stderr.contains("wrong.json: ") && r.stderr.contains(message), "\(r.stderr)")
            #expect(r.stderr.contains("myotwitch.analysis/1"))
            #expect(!r.stderr.contains("DecodingError") && !r.stderr.contains("Error Domain") && !r.stderr.contains("CodingKeys"))
        }
    }
}
