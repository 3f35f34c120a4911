import ArgumentParser
import Foundation
import MyoTwitch

/// Times each pipeline stage on a file (used by Scripts/benchmark.sh; build in release mode).
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Time each pipeline stage on a recording (for Scripts/benchmark.sh; use a release build).",
        shouldDisplay: false
    )

    @Argument(help: "A recording.") var input: String
    @OptionGroup var recording: RecordingOptions

    func run() throws {
        let stages = try StageTimings.measure(path: input, options: recording.decoderOptions(strict: true))
        StandardOutput.write(try JSONReport.encode(stages, pretty: false) + Data("\n".utf8))
    }
}
