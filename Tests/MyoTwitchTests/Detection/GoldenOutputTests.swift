import Foundation
import Testing
@testable import MyoTwitch

/// Golden outputs: every decision the detector makes on the bundled recordings and on two seeded
/// simulations — each event's kind, channel, start, end and reason — must stay exactly as stored
/// in `Tests/MyoTwitchTests/Golden/NAME.events.tsv`. A change that moves any event fails here and
/// has to be looked at; when the change is meant, regenerate with
/// `MYOTWITCH_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests` and commit the new files
/// with the measurements that justify them.
@Suite struct GoldenOutputTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden")

    enum Source: CustomStringConvertible, Sendable {
        case sample(String)
        case simulated(String, SimulationScenario)
        var description: String {
            switch self {
            case .sample(let name): name
            case .simulated(let name, _): name
            }
        }
    }

    static let sources: [Source] = [
        .sample("emg-twitches-cramp"), .sample("emg-4-channels"), .sample("accelerometer"),
        .simulated("sim-emg-2000-mixed-2ch", SimulationScenario(sampleRateHz: 2000, durationSeconds: 120,
                                                                channelCount: 2, preset: .mixed, seed: 7301)),
        .simulated("sim-emg-500-cramps", SimulationScenario(sampleRateHz: 500, durationSeconds: 180,
                                                            preset: .cramps, seed: 7302)),
    ]

    static func lines(_ result: AnalysisResult) -> String {
        result.events.map { e in
            "\(e.kind.rawValue)\t\(e.channel)\t\(e.start)\t\(e.end)\t\(e.reason)"
        }.joined(separator: "\n") + "\n"
    }

    @Test(arguments: sources)
    func decisionsAreUnchanged(source: Source) throws {
        let bytes: [UInt8]
        switch source {
        case .sample(let name):
            bytes = Array(try Data(contentsOf: Self.root.appendingPathComponent("SampleData/\(name).csv")))
        case .simulated(_, let scenario):
            bytes = Array(Simulator.generate(scenario, path: "sim.csv").csvData())
        }
        let session = AnalysisSession(path: "golden.csv", decoderOptions: DecoderOptions())
        try bytes.withUnsafeBytes { raw in _ = try session.consume(raw) }
        let text = Self.lines(try session.finish().result)
        let file = Self.golden.appendingPathComponent("\(source).events.tsv")
        if ProcessInfo.processInfo.environment["MYOTWITCH_UPDATE_GOLDEN"] != nil {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "\(source): decisions changed; see the doc comment to regenerate")
    }
}
