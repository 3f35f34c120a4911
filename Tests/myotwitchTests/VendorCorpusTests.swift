import Foundation
import Testing

/// The corpus: simulated recordings with planted twitches, rewritten as each vendor's program
/// writes them, analysed end to end by the built executable. Every layout must give the right
/// rate (±0.5 %), channels and duration, and find the same twitches as the plain CSV it came
/// from, at the same times (within two samples).
@Suite(.serialized) struct VendorCorpusTests {
    struct Recording {
        var rate: Double
        var names: [String]
        var rows: [(time: Double, values: [Double])]
        var truthTwitches: [Double]
    }

    static func simulate(_ arguments: [String], in dir: URL) throws -> Recording {
        let csv = dir.appendingPathComponent("sim.csv")
        let run = try CLI.run(["simulate", "--seed", "5", "--duration", "120", "--scenario", "twitch-episodes", "--output", csv.path] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
        let names = lines[0].split(separator: ",").dropFirst().map(String.init)
        let rows = lines.dropFirst().map { line -> (Double, [Double]) in
            let f = line.split(separator: ",").map { Double($0)! }
            return (f[0], Array(f.dropFirst()))
        }
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("sim.truth.json"))) as! [String: Any]
        let events = truth["events"] as! [[String: Any]]
        let rate = Double(arguments[arguments.firstIndex(of: "--rate")! + 1])!
        return Recording(rate: rate, names: names, rows: rows,
                         truthTwitches: events.filter { $0["kind"] as? String == "twitch" }.map { $0["start"] as! Double })
    }

    struct Outcome {
        var rate: Double
        var channels: [String]
        var duration: Double
        var twitches: [Double]
        var warnings: [String]
    }

    static func analyze(_ path: String, _ extra: [String] = []) throws -> Outcome {
        let run = try CLI.run(["analyze", path, "--format", "json"] + extra)
        #expect(run.status == 0, "\(path): \(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let source = object["source"] as! [String: Any]
        let events = object["events"] as! [[String: Any]]
        let summary = object["summary"] as! [String: Any]
        return Outcome(rate: source["sampleRateHz"] as! Double, channels: source["channels"] as! [String],
                       duration: source["durationSeconds"] as! Double,
                       twitches: events.filter { $0["kind"] as? String == "twitch" }.map { $0["start"] as! Double }.sorted(),
                       warnings: ((summary["warnings"] as? [[String: Any]]) ?? []).map { $0["code"] as! String })
    }

    static func check(_ layout: Outcome, against plain: Outcome, rate: Double, channels: [String], name: String) {
        #expect(abs(layout.rate - rate) <= 0.005 * rate, "\(name): rate \(layout.rate)")
        #expect(layout.channels == channels, "\(name)")
        #expect(abs(layout.duration - plain.duration) <= 2 / rate, "\(name): duration \(layout.duration) vs \(plain.duration)")
        #expect(layout.twitches.count == plain.twitches.count, "\(name): \(layout.twitches.count) twitches vs \(plain.twitches.count)")
        for (a, b) in zip(layout.twitches, plain.twitches) where abs(a - b) > 2 / rate {
            Issue.record("\(name): twitch at \(a) s, plain CSV \(b) s")
            break
        }
        #expect(!layout.warnings.contains("gap"), "\(name): false gaps")
    }

    static func write(_ text: String, _ name: String, _ dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Planted twitches found: the plain CSV finds most of them (the detector's own recall).
    static func recall(_ outcome: Outcome, _ truth: [Double]) -> Double {
        Double(truth.filter { t in outcome.twitches.contains { abs($0 - t) < 0.1 } }.count) / Double(max(1, truth.count))
    }

    @Test func openBCIAndBrainFlowAt250Hz() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.simulate(["--rate", "250", "--channels", "2"], in: dir)
        let plain = try Self.analyze(dir.appendingPathComponent("sim.csv").path)
        #expect(Self.recall(plain, r.truthTwitches) > 0.6)
        for v6 in [false, true] {
            let aux = v6 ? "Not Used, Digital Channel 0 (D11), Analog Channel 0, Timestamp, Marker Channel, Timestamp (Formatted)"
                         : "Other, Other, Analog Channel 0, Timestamp, Other, Timestamp (Formatted)"
            var text = "%OpenBCI Raw EXG Data\n%Number of channels = 2\n%Sample Rate = 250 Hz\n%Board = OpenBCI_GUI$BoardCytonSerial\n"
                + "Sample Index, EXG Channel 0, EXG Channel 1, Accel Channel 0, Accel Channel 1, Accel Channel 2, \(aux)\n"
            for (i, row) in r.rows.enumerated() {
                let stamp = 1_714_558_923.0 + Double(i / 12) * 0.048  // host stamps, one per packet
                text += "\(i % 256).0, \(String(format: "%.3f, %.3f", row.values[0] * 1000, row.values[1] * 1000)), 0.0, 0.0, 0.0, 192.0, 0.0, 512.0, "
                    + String(format: "%.6f", stamp) + ", 0.0, 2024-05-01 10:22:03.000\n"
            }
            let layout = try Self.analyze(try Self.write(text, "OpenBCI-RAW-v\(v6 ? 6 : 5).txt", dir))
            Self.check(layout, against: plain, rate: 250, channels: ["EXG Channel 0", "EXG Channel 1"], name: "OpenBCI v\(v6 ? 6 : 5)")
        }
        var text = ""
        for (i, row) in r.rows.enumerated() {
            var f = [Double(i % 256), row.values[0] * 1000, row.values[1] * 1000, 0, 0, 0, 0, 0, 0]
            f += [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1_714_558_923.0 + Double(i / 12) * 0.048, 0]
            text += f.map { String(format: "%.6f", $0) }.joined(separator: "\t") + "\n"
        }
        let brainFlow = try Self.analyze(try Self.write(text, "BrainFlow-RAW_0.csv", dir))
        Self.check(brainFlow, against: plain, rate: 250, channels: (0..<8).map { "EXG Channel \($0)" }, name: "BrainFlow")  // the Cyton map has 8, 6 of them flat here
    }

    @Test func openSignalsDelsysShimmerAndRoundedStamps() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.simulate(["--rate", "1024", "--channels", "2"], in: dir)
        let plain = try Self.analyze(dir.appendingPathComponent("sim.csv").path)
        #expect(Self.recall(plain, r.truthTwitches) > 0.8)
        // OpenSignals: integer samples, a tab at the end of every row, digital I/O columns.
        var text = "# OpenSignals Text File Format\n# {\"00:07:80:3B:46:61\": {\"sensor\": [\"EMG\", \"EMG\"], \"column\": [\"nSeq\", \"I1\", \"I2\", \"O1\", \"O2\", \"A1\", \"A2\"], \"sampling rate\": 1024, \"label\": [\"A1\", \"A2\"], \"device\": \"bitalino_rev\"}}\n# EndOfHeader\n"
        for (i, row) in r.rows.enumerated() {
            text += "\(i % 16)\t0\t1\t0\t1\t\(Int((row.values[0] * 10_000).rounded()))\t\(Int((row.values[1] * 10_000).rounded()))\t\n"
        }
        Self.check(try Self.analyze(try Self.write(text, "opensignals.txt", dir)), against: plain, rate: 1024, channels: ["A1", "A2"], name: "OpenSignals")
        // Delsys EMGworks, European locale; the same signal also stored in ADC counts.
        text = "Application: EMGworks Analysis\nLabel: EMG 1;Sampling frequency: 1024,0000;Unit: Volts\nLabel: EMG 2;Sampling frequency: 1024,0000;Unit: Volts\n\nX [s];EMG 1 [V];X [s];EMG 2 [V]\n"
        for row in r.rows {
            let t = String(format: "%.6f", row.time).replacingOccurrences(of: ".", with: ",")
            text += "\(t);\(String(format: "%.8f", row.values[0] / 1000).replacingOccurrences(of: ".", with: ","));\(t);\(String(format: "%.8f", row.values[1] / 1000).replacingOccurrences(of: ".", with: ","))\n"
        }
        Self.check(try Self.analyze(try Self.write(text, "delsys.csv", dir)), against: plain, rate: 1024, channels: ["EMG 1 [V]", "EMG 2 [V]"], name: "Delsys")
        // Shimmer: whole-millisecond epoch stamps (rows repeat a stamp), units row, trailing tab.
        text = "\"sep=\t\"\nShimmer_5E4B_Timestamp_Unix_CAL\tShimmer_5E4B_EMG_CH1_24BIT_CAL\tShimmer_5E4B_EMG_CH2_24BIT_CAL\t\nms\tmV\tmV\t\n"
        for (i, row) in r.rows.enumerated() {
            text += "\(1_714_558_923_000 + Int((Double(i) * 1000 / 1024).rounded(.down)))\t\(String(format: "%.5f\t%.5f", row.values[0], row.values[1]))\t\n"
        }
        Self.check(try Self.analyze(try Self.write(text, "shimmer.csv", dir)), against: plain, rate: 1024,
                   channels: ["Shimmer_5E4B_EMG_CH1_24BIT_CAL", "Shimmer_5E4B_EMG_CH2_24BIT_CAL"], name: "Shimmer")
        // Plain CSV with the same electrode twice (mV and ADC): analysed once.
        text = "time,EMG1_mV,EMG2_mV,EMG1_adc\n"
        for row in r.rows { text += String(format: "%.6f,%.5f,%.5f,%d\n", row.time, row.values[0], row.values[1], Int((row.values[0] * 2000).rounded()) + 2048) }
        let duplicate = try Self.analyze(try Self.write(text, "duplicate.csv", dir))
        Self.check(duplicate, against: plain, rate: 1024, channels: ["EMG1_mV", "EMG2_mV"], name: "duplicate digitisation")
        #expect(duplicate.warnings.contains("duplicate-column"))
    }

    @Test func phoneAccelerometerExports() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.simulate(["--rate", "100", "--sensor", "accelerometer", "--unit", "m/s^2"], in: dir)
        let plain = try Self.analyze(dir.appendingPathComponent("sim.csv").path)
        #expect(Self.recall(plain, r.truthTwitches) > 0.8)
        // phyphox, with its magnitude column.
        var text = "\"Time (s)\",\"Acceleration x (m/s^2)\",\"Acceleration y (m/s^2)\",\"Acceleration z (m/s^2)\",\"Absolute acceleration (m/s^2)\"\n"
        for row in r.rows {
            let v = row.values
            text += String(format: "%.9E,%.9E,%.9E,%.9E,%.9E\n", row.time, v[0], v[1], v[2], (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).squareRoot())
        }
        Self.check(try Self.analyze(try Self.write(text, "phyphox.csv", dir)), against: plain, rate: 100, channels: ["accelerometer"], name: "phyphox")
        // A Sensor Logger export folder: only Accelerometer.csv is analysed.
        text = "time,seconds_elapsed,z,y,x\n"
        for (i, row) in r.rows.enumerated() {
            text += "\(1_714_558_923_000_000_000 + i * 10_000_000),\(String(format: "%.3f", row.time)),\(row.values[2]),\(row.values[1]),\(row.values[0])\n"
        }
        _ = try Self.write(text, "export/Accelerometer.csv", dir)
        _ = try Self.write(text, "export/Gyroscope.csv", dir)
        _ = try Self.write("time,seconds_elapsed,bearingAccuracy,speed,altitude,longitude,latitude\n1714558923000000000,0,1,0,100,13.4,52.5\n", "export/Location.csv", dir)
        let run = try CLI.run(["analyze", dir.appendingPathComponent("export").path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Gyroscope.csv") && run.stderr.contains("Location.csv"))
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let source = object?["source"] as? [String: Any]
        #expect((source?["path"] as? String)?.hasSuffix("Accelerometer.csv") == true)
        #expect(source?["startTime"] as? String == "2024-05-01T10:22:03.000Z")
    }
}
