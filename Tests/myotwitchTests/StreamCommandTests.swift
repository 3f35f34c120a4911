import Foundation
import Testing

@Suite struct StreamCommandTests {
    static let twitches = [2.5, 5.0, 8.0, 12.0]

    @Test func jsonLinesWithEventsAndAFinalSummary() throws {
        let csv = SampleCSV.emg(seconds: 15, twitches: Self.twitches)
        let r = try CLI.run(["stream"], stdin: Data(csv.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.last?["type"] as? String == "summary")
        let events = objects.filter { $0["type"] as? String == "event" && $0["kind"] as? String == "twitch" }
        #expect(events.count == Self.twitches.count)
        #expect(objects.contains { $0["type"] as? String == "episode" })
    }

    /// `stream` and `analyze` give the same events for the same input.
    @Test func streamEqualsBatch() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = SampleCSV.emg(seconds: 15, twitches: Self.twitches)
        let file = try SampleCSV.write(csv, named: "r.csv", in: dir)
        let batch = try CLI.run(["analyze", file.path, "--format", "jsonl"])
        let stream = try CLI.run(["stream"], stdin: Data(csv.utf8))
        func eventLines(_ s: String) -> [String] {
            s.split(separator: "\n").filter { $0.contains("\"type\":\"event\"") || $0.contains("\"type\":\"episode\"") }
                .map(String.init).sorted()
        }
        #expect(!eventLines(batch.stdout).isEmpty)
        #expect(eventLines(batch.stdout) == eventLines(stream.stdout))
        // The stream keeps no events, yet its summary (counts, recurrence, flags) is the batch's.
        func summary(_ s: String) throws -> [String: Any] {
            let line = try #require(s.split(separator: "\n").last { $0.contains("\"type\":\"summary\"") })
            return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let b = try summary(batch.stdout), s = try summary(stream.stdout)
        #expect(NSDictionary(dictionary: try #require(b["summary"] as? [String: Any]))
                    .isEqual(to: try #require(s["summary"] as? [String: Any])))
        #expect(b["eventCount"] as? Int == s["eventCount"] as? Int)
        #expect(b["episodeCount"] as? Int == s["episodeCount"] as? Int)
        #expect((s["eventCount"] as? Int ?? 0) >= Self.twitches.count)
    }

    @Test func textFormatIsOneLinePerEvent() throws {
        let csv = SampleCSV.emg(seconds: 10, twitches: [4])
        let r = try CLI.run(["stream", "--format", "text"], stdin: Data(csv.utf8))
        #expect(r.status == 0)
        #expect(r.stdout.contains("twitch"))
        #expect(r.stdout.contains("summary:"))
    }
}
