import Foundation
import Testing
@testable import MyoTwitch

/// Real recordings of voluntary contractions (../shared/realdata, not in the repository): they hold
/// no cramps, and their bursts must come out as activity, not as twitches or cramps. Skipped when
/// the folder is absent.
@Suite struct RealRecordingTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/realdata")

    static let voluntary = [
        "biosignalsnotebooks__emg_bursts_biceps.csv",
        "biosignalsnotebooks__emg_fatigue_biceps.csv",
        "biosignalsnotebooks__emg_adductor_pollicis_8bit_vs_16bit.csv",
        "biosppy_examples__emg.csv",
        "biosppy_examples__emg_1.csv",
    ]

    @Test(.enabled(if: FileManager.default.fileExists(atPath: folder.path)), arguments: voluntary)
    func voluntaryBurstsAreActivityNotCramps(file: String) throws {
        let path = Self.folder.appendingPathComponent(file).path
        let (result, _) = try AnalysisSession.analyze(path: path, decoderOptions: DecoderOptions())
        let kinds = result.events.map(\.kind)
        // The fatigue protocol's late contractions, with rests under 0.5 s, merge into one 23 s
        // burst; it stays activity because its slow envelope falls back to rest between them.
        #expect(!kinds.contains(.cramp), "\(file): a voluntary contraction was called a cramp")
        #expect(kinds.contains(.activity), "\(file): the voluntary bursts were not reported")
        for channel in result.source.channels {
            let mine = result.events.filter { $0.channel == channel }
            let activitySeconds = mine.filter { $0.kind == .activity }.reduce(0) { $0 + $1.duration }
            #expect(activitySeconds > 1, "\(file) \(channel): no activity time")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: folder.path)),
          arguments: ["biosppy_examples__acc.csv", "biosignalsnotebooks__acc_triaxial_cacc.csv"])
    func accelerometerRecordingsReadAndAnalyse(file: String) throws {
        let path = Self.folder.appendingPathComponent(file).path
        let (result, _) = try AnalysisSession.analyze(path: path, decoderOptions: DecoderOptions())
        #expect(result.source.sensor == .accelerometer)
        #expect(result.source.channels == ["accelerometer"])
        #expect(!result.events.contains { $0.kind == .cramp })
    }
}
