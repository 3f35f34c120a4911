import ArgumentParser
import Foundation
import MyoTwitch

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write a simulated recording (CSV) and its ground truth (analysis JSON).",
        discussion: """
        Synthesises surface EMG (motor-unit potentials, twitches and doublets, twitch episodes, \
        cramps from irregularly firing motor-unit pools, voluntary contractions and exercise \
        bursts, 1/f and white noise, mains with harmonics, baseline wander, motion artifacts, \
        electrode pops, spikes, clipping, crosstalk between channels) or a 3-axis accelerometer \
        (gravity turning slowly, twitch transients, cramp vibration, movements and walking). \
        The ground truth is an analysis object (schema myotwitch.analysis/1) with every \
        twitch, cramp, activity and artifact labelled; `snr` is the true peak over the \
        background-noise RMS. The same options and --seed give the same bytes.

        Scenarios: mixed (everything), rest (rare twitches, artifacts; no activity), exercise, \
        cramps, twitch-episodes. Units: V, mV, uV, adc8, adc12, adc16 (EMG); g, m/s^2 (accelerometer). \
        --real-world adds coloured and heavy-tailed noise, ECG, voluntary holds with onset \
        recruitment and tonic tails, and twitch triplets.

        Examples:
          myotwitch simulate --seed 7 --output sim.csv            (also writes sim.truth.json)
          myotwitch simulate --channels 4 --rate 2000 --unit uV --mains 60 --duration 600 --output calf.csv
          myotwitch simulate --sensor accelerometer --rate 100 --unit m/s^2 --output acc.csv
          myotwitch simulate --scenario rest --output - --truth rest.truth.json | myotwitch analyze -
        """
    )

    @Option(help: ArgumentHelp("Sensor: emg or accelerometer.", valueName: "kind"))
    var sensor: SensorKind = .emg

    @Option(parsing: .unconditional, help: ArgumentHelp("Sample rate in Hz. Default: 1000 (EMG), 100 (accelerometer).", valueName: "hz"))
    var rate: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Length of the recording in seconds.", valueName: "seconds"))
    var duration: Double = 60

    @Option(parsing: .unconditional, help: ArgumentHelp("EMG channels (1–16); accelerometers always have x, y, z.", valueName: "n"))
    var channels: Int = 1

    @Option(help: ArgumentHelp("Unit: V, mV, uV, adc8, adc12, adc16 (EMG; default mV), g or m/s^2 (accelerometer; default g).", valueName: "unit"))
    var unit: SimulatedUnit?

    @Option(help: ArgumentHelp("Mains frequency: 50, 60 or none.", valueName: "hz"))
    var mains: String = "50"

    @Option(parsing: .unconditional, help: ArgumentHelp("Mains amplitude in multiples of the background-noise RMS (0–10).", valueName: "x"))
    var mainsStrength: Double = 1

    @Option(help: ArgumentHelp("What happens: mixed, rest, exercise, cramps or twitch-episodes.", valueName: "name"))
    var scenario: SimulationPreset = .mixed

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the simulator's random generator.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: ArgumentHelp("CSV to write ('-' for standard output). Its truth goes beside it as NAME.truth.json unless --truth says otherwise.", valueName: "path"))
    var output: String

    @Option(help: ArgumentHelp("Where to write the ground truth JSON ('-' for standard output; required to keep it when --output is '-', a device or a FIFO).", valueName: "path"))
    var truth: String?

    @Flag(help: "Name accelerometer axes ax_g, ay_g, az_g (or ax_ms2 …) instead of acc_x_g ….")
    var shortAxisNames = false

    @Flag(help: ArgumentHelp("Add what real recordings have and the other options do not (EMG): noise coloured inside the EMG band and heavy-tailed (Student-t, wandering level), ECG on 60 % of recordings (as on leg and trunk muscles; not labelled), voluntary holds of 3–60 s labelled activity, with single units firing at 6–35 Hz before them and tonic firing after half of them, and 10 % of twitches as triplets within 120 ms (one event). Combine with --unit adc8 for 8-bit quantisation."))
    var realWorld = false

    var mainsHz: Double? {
        switch mains.lowercased() {
        case "50": 50
        case "60": 60
        default: nil
        }
    }

    func validate() throws {
        let rate = effectiveRate
        guard rate >= 20 && rate <= 100_000 && rate.isFinite else {
            throw ValidationError("--rate must be between 20 and 100000 Hz, got \(rate)")
        }
        guard duration > 0 && duration <= 86_400 else {
            throw ValidationError("--duration must be between 0 and 86400 seconds, got \(duration)")
        }
        guard (1...16).contains(channels) else { throw ValidationError("--channels must be 1–16, got \(channels)") }
        guard ["50", "60", "none"].contains(mains.lowercased()) else {
            throw ValidationError("--mains must be 50, 60 or none")
        }
        guard mainsStrength >= 0 && mainsStrength <= 100 else {
            throw ValidationError("--mains-strength must be between 0 and 100, got \(mainsStrength)")
        }
        if realWorld && sensor != .emg {
            throw ValidationError("--real-world applies to EMG only (the accelerometer simulator has no real-world effects)")
        }
        if let unit, !unit.fits(sensor) {
            throw ValidationError("unit \(unit.rawValue) does not fit a \(sensor.rawValue) recording")
        }
    }

    var effectiveRate: Double { rate ?? (sensor == .emg ? 1000 : 100) }

    /// `X.csv` → `X.truth.json`; other names get `.truth.json` appended.
    static func truthPath(for csv: String) -> String {
        let base = csv.hasSuffix(".csv") ? String(csv.dropLast(4)) : csv
        return base + ".truth.json"
    }

    func run() throws {
        StandardOutput.prepare()
        // A device, FIFO or socket output has no file beside which a truth could go.
        let truthPath = truth ?? (output == "-" || OutputSink.isSpecial(output) ? nil : Self.truthPath(for: output))
        if truth == nil && output != "-" && truthPath == nil {
            StandardOutput.error("myotwitch: note: \(output) is not a regular file, so no ground truth is written beside it; give --truth PATH to keep it")
        }
        if let truthPath, FileIdentity.sameDestination(output, truthPath) {
            throw Refusal("refusing to write the recording and its ground truth to the same place (\(output)); give --truth another path")
        }
        let scenario = SimulationScenario(
            sensor: sensor, sampleRateHz: effectiveRate, durationSeconds: duration, channelCount: channels,
            unit: unit, mainsHz: mainsHz, mainsStrength: mainsStrength, preset: scenario, seed: seed,
            accelerometerLongNames: !shortAxisNames, realWorld: realWorld)
        let recording = Simulator.generate(scenario, path: output)
        let truthData = try JSONReport.encode(recording.truth)
        let sink = try OutputSink.open(output)
        try recording.writeCSV { chunk in try sink.write(chunk) }
        try sink.commit()
        if let truthPath {
            try OutputSink.write(truthData + Data("\n".utf8), to: truthPath)
        }
    }
}

extension SimulationPreset: ExpressibleByArgument {}

extension SimulatedUnit: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "v": self = .volts
        case "mv": self = .millivolts
        case "uv", "µv": self = .microvolts
        case "adc8": self = .adc8
        case "adc", "adc12": self = .adc12
        case "adc16": self = .adc16
        case "g": self = .g
        case "m/s^2", "m/s2", "ms2", "mps2": self = .metresPerSecondSquared
        default: return nil
        }
    }
}
