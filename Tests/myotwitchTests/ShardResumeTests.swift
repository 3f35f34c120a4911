import Foundation
import Testing

/// Resuming and merging incomplete shards: nothing half-written, nothing silently dropped.
@Suite struct ShardResumeTests {
    static func inode(_ url: URL) throws -> UInt64 {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    @Test func skipExistingLeavesCompleteRecordingsAndRedoesIncompleteOnes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cohort = try ShardCommandTests.cohort(in: dir, count: 3)
        let out = dir.appendingPathComponent("out")
        let args = ["analyze", cohort.path, "--output", out.path + "/", "--format", "json", "--format", "markdown"]
        #expect(try CLI.run(args + ["--shard", "1/1"]).status == 0)
        let kept = out.appendingPathComponent("rec1.json"), redone = out.appendingPathComponent("rec2.json")
        let keptInode = try Self.inode(kept), keptBytes = try Data(contentsOf: kept)
        try FileManager.default.removeItem(at: out.appendingPathComponent("rec2.md"))  // rec2 incomplete
        try Data("stale".utf8).write(to: redone)
        let r = try CLI.run(args + ["--skip-existing"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("2 already complete, 1 analysed"), "\(r.stderr)")
        #expect(try Self.inode(kept) == keptInode, "a complete recording is left alone")
        #expect(try Data(contentsOf: kept) == keptBytes)
        #expect(try Data(contentsOf: redone) != Data("stale".utf8), "an incomplete one is analysed again")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("rec2.md").path))
    }

    @Test func aKilledTaskLeavesOnlyCompleteOutputs() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cohort = dir.appendingPathComponent("cohort")
        try FileManager.default.createDirectory(at: cohort, withIntermediateDirectories: true)
        let text = SampleCSV.emg(seconds: 30, twitches: [5, 12, 20])
        for i in 1...12 { _ = try SampleCSV.write(text, named: "rec\(i).csv", in: cohort) }
        let out = dir.appendingPathComponent("out")
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["analyze", cohort.path, "--shard", "1/1", "--jobs", "1", "--output", out.path + "/"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it as soon as the first result is there (SIGKILL: no chance to clean up).
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning,
              ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter({ !$0.hasPrefix(".") }).isEmpty {
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let reference = try CLI.run(["analyze", cohort.appendingPathComponent("rec1.csv").path])
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }
        #expect(!written.isEmpty)
        for name in written {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            let stem = String(name.dropLast(5))
            #expect(text == reference.stdout.replacingOccurrences(of: "rec1.csv", with: "\(stem).csv"), "\(name) is whole")
        }
        // The merge lists what the killed task did not write; resuming completes it.
        let merge = try CLI.run(["report", out.path, "--format", "csv"])
        if written.count < 12 {
            #expect(merge.status == 1)
            #expect(merge.stderr.contains("\(12 - written.count) missing (shard 1 ("), "\(merge.stderr)")
        }
        #expect(try CLI.run(process.arguments! + ["--skip-existing"]).status == 0)
        let complete = try CLI.run(["report", out.path, "--format", "csv"])
        #expect(complete.status == 0, "\(complete.stderr)")
        #expect(complete.stdout == (try CLI.run(["analyze", cohort.path, "--format", "csv"])).stdout)
    }

    @Test func failedAndMissingRecordingsAreListedNotDropped() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cohort = try ShardCommandTests.cohort(in: dir, count: 4)
        _ = try SampleCSV.write("time,emg\n0,abc\n", named: "rec5.csv", in: cohort)
        let single = dir.appendingPathComponent("single"), out = dir.appendingPathComponent("out")
        let one = try CLI.run(["analyze", cohort.path, "--output", single.path + "/"])
        #expect(one.status == 1)
        for i in 1...2 {
            let r = try CLI.run(["analyze", cohort.path, "--shard", "\(i)/3", "--output", out.path + "/"])
            #expect(r.status == (r.stderr.contains("rec5.csv:2:") ? 1 : 0), "\(r.stderr)")
        }
        let partial = try CLI.run(["report", out.path, "--format", "markdown"])
        #expect(partial.status == 1)
        #expect(partial.stdout.hasPrefix("# Twitch and cramp report: 5 recordings\n"), "missing ones are rows too")
        #expect(partial.stdout.contains("no result: shard 3/3 has not written it"))
        #expect(partial.stderr.contains("missing (shard 3 ("), "\(partial.stderr)")
        _ = try CLI.run(["analyze", cohort.path, "--shard", "3/3", "--output", out.path + "/"])
        let merge = try CLI.run(["report", out.path, "--output", out.path])
        #expect(merge.status == 1, "a failed recording still fails the merge, as it fails analyze")
        #expect(merge.stderr.contains("rec5.csv:2:") && merge.stderr.contains("1 failed, 0 missing"), "\(merge.stderr)")
        #expect(try ShardCommandTests.files(out) == ShardCommandTests.files(single))
    }
}
