import ArgumentParser
import MyoTwitch

/// Options shared by `analyze` and `stream`: how to read the input and what to call an episode.
struct RecordingOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Sample rate in Hz, for input without a time column. On a file with one it replaces the time column: the stamps are ignored (no gaps from them), with a warning.", valueName: "hz"))
    var rate: Double?

    @Option(help: ArgumentHelp("Sensor kind: emg or accelerometer. Default: from the column names (x/y/z, ax, acc…, accel… mean accelerometer).", valueName: "kind"))
    var sensor: SensorKind?

    @Option(help: ArgumentHelp("Column names for input without a header line, comma-separated (e.g. time,emg).", valueName: "names"))
    var columns: String?

    @Option(help: ArgumentHelp("Signals to analyse, comma-separated: CSV columns by name, EDF/BDF signals by label (matched ignoring case; an unknown name is an error). Default: CSV: the signal columns of the sensor kind; EDF/BDF: all signals at the highest rate.", valueName: "labels"))
    var channels: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Twitches on one channel at most this many seconds apart form one episode.", valueName: "seconds"))
    var episodeGap: Double = 60

    @Option(parsing: .unconditional, help: ArgumentHelp("The fewest twitches that make an episode.", valueName: "count"))
    var episodeMinTwitches: Int = 2

    @Option(parsing: .unconditional, help: ArgumentHelp("Detection threshold as a multiple of the noise model's level: 1 is where each channel's own measured background alone would be crossed once in about 30 h; 1.5 reports only potentials half as large again; below 1 finds fainter potentials with more false alarms.", valueName: "factor"))
    var threshold: Double = 1

    @Option(parsing: .unconditional, help: ArgumentHelp("Sustained activity at least this long is a cramp candidate; shorter bursts are activity. On an accelerometer the detected span may fall up to 0.5 s short (a cramp's faint ramps go unseen).", valueName: "seconds"))
    var minCramp: Double = 3

    func validate() throws {
        if let rate, !(rate > 0 && rate.isFinite && rate <= 1_000_000) {
            throw ValidationError("--rate must be a positive number of Hz (at most 1000000), got \(rate)")
        }
        guard episodeGap >= 0 && episodeGap.isFinite else {
            throw ValidationError("--episode-gap must be a non-negative number of seconds, got \(episodeGap)")
        }
        guard episodeMinTwitches >= 1 else { throw ValidationError("--episode-min-twitches must be at least 1, got \(episodeMinTwitches)") }
        guard threshold > 0 && threshold.isFinite else { throw ValidationError("--threshold must be positive, got \(threshold)") }
        guard minCramp > 0 && minCramp.isFinite else { throw ValidationError("--min-cramp must be positive, got \(minCramp)") }
    }

    func decoderOptions(strict: Bool) -> DecoderOptions {
        DecoderOptions(sampleRateHz: rate, sensor: sensor,
                       columns: columns.map { $0.split(separator: ",").map { String($0).trimmingSpaces } },
                       strict: strict,
                       channels: channels.map { $0.split(separator: ",").map { String($0).trimmingSpaces } })
    }

    var settings: AnalysisSettings {
        AnalysisSettings(episodeGapSeconds: episodeGap, episodeMinTwitches: episodeMinTwitches,
                         thresholdFactor: threshold, minCrampSeconds: minCramp)
    }
}

extension SensorKind: ExpressibleByArgument {}

extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
