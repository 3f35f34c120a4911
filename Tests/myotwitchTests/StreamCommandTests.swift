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

/// The same bytes on standard input give the same lines in the same order whether they come
/// from a file (1 MiB reads) or a pipe written in small, odd pieces (issue 19).
@Suite struct StreamOrderTests {
    static func streamThroughPipe(_ data: Data, piece: Int) throws -> String {
        let (process, input, output) = try CLI.startStream()
        let writer = Thread {
            var offset = 0
            while offset < data.count {
                let end = min(data.count, offset + piece)
                input.fileHandleForWriting.write(data[offset..<end])
                offset = end
            }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: out, as: UTF8.self)
    }

    /// (Seed 1, 100 s, 3 channels: before canonical cells its episode and event lines moved.)
    @Test func pipeAndFileGiveTheSameLinesInTheSameOrder() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("s.csv")
        let sim = try CLI.run(["simulate", "--seed", "1", "--duration", "100", "--channels", "3", "--output", csv.path])
        #expect(sim.status == 0)
        let data = try Data(contentsOf: csv)
        let fromFile = try CLI.run(["stream"], stdin: data)
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout.split(separator: "\n").count > 20)
        for piece in [997] {
            let fromPipe = try Self.streamThroughPipe(data, piece: piece)
            #expect(fromPipe == fromFile.stdout, "pieces of \(piece) bytes")
        }
    }
}
