import Foundation
import Testing

@Suite struct SimulateCommandTests {
    @Test func simulateThenAnalyzeThenEvaluate() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("sim.csv").path
        let sim = try CLI.run(["simulate", "--seed", "5", "--duration", "30", "--channels", "2", "--rate", "1000",
                               "--unit", "uV", "--mains", "60", "--output", csv])
        #expect(sim.status == 0, "\(sim.stderr)")
        let truthPath = dir.appendingPathComponent("sim.truth.json").path
        let truth = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truthPath)))
                                 as? [String: Any])
        #expect(truth["schema"] as? String == "myotwitch.analysis/1")
        #expect(((truth["source"] as? [String: Any])?["channels"] as? [String]) == ["EMG1_uV", "EMG2_uV"])
        let detected = dir.appendingPathComponent("sim.json").path
        let analyze = try CLI.run(["analyze", csv, "--output", detected])
        #expect(analyze.status == 0, "\(analyze.stderr)")
        let evaluate = try CLI.run(["evaluate", "--truth", truthPath, detected, "--format", "json"])
        #expect(evaluate.status == 0, "\(evaluate.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(evaluate.stdout.utf8)) as? [String: Any])
        let overall = try #require(json["overall"] as? [String: Any])
        #expect(overall["schema"] as? String == "myotwitch.evaluation/1")
        let events = try #require(overall["events"] as? [[String: Any]])
        #expect(events.map { $0["kind"] as? String } == ["twitch", "cramp", "activity", "artifact"])
        // Directory mode pairs sim.truth.json with sim.json and prints tables.
        let table = try CLI.run(["evaluate", "--truth", dir.path, "--by", "rate", "--format", "markdown"])
        #expect(table.status == 0 && table.stdout.contains("| twitch events |") && table.stdout.contains("emg 1000 Hz"))
    }

    @Test func sameSeedSameBytesOnStandardOutput() throws {
        let args = ["simulate", "--sensor", "accelerometer", "--rate", "50", "--duration", "10", "--seed", "8",
                    "--unit", "m/s^2", "--output", "-"]
        let a = try CLI.run(args), b = try CLI.run(args)
        #expect(a.status == 0 && a.stdout == b.stdout)
        #expect(a.stdout.hasPrefix("time,acc_x_ms2,acc_y_ms2,acc_z_ms2\n"))
        #expect(a.stdout.split(separator: "\n").count == 501)
    }

    @Test(arguments: [["--unit", "g"], ["--mains", "55"], ["--rate", "5"], ["--channels", "0"]])
    func badOptionsAreUsageErrors(_ extra: [String]) throws {
        let r = try CLI.run(["simulate", "--output", "-"] + extra)
        #expect(r.status == 2, "\(r.stderr)")
    }

    @Test func evaluateReportsMissingDetections() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("x.csv").path
        #expect(try CLI.run(["simulate", "--duration", "5", "--output", csv]).status == 0)
        let r = try CLI.run(["evaluate", "--truth", dir.path])
        #expect(r.status == 1 && r.stderr.contains("x.json"))
    }
}
