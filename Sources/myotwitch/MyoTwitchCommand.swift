import ArgumentParser
import Foundation

@main
struct MyoTwitchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "myotwitch",
        abstract: "Find muscle twitches (fasciculations) and cramps in surface-EMG and accelerometer recordings.",
        discussion: """
        Reads CSV exports (plain `time,emg`, phone sensor loggers, OpenBCI, Shimmer, Delsys, …), \
        detects twitches, cramps, voluntary activity and artifacts, and reports episodes by \
        duration and recurrence. Reports state facts about the recording; they are not a diagnosis.

        Examples:
          myotwitch analyze recording.csv
          myotwitch analyze data/ --format markdown
          myotwitch stream < live.csv
          myotwitch report results/*.json --format html --output report.html
          myotwitch simulate --seed 7 --output sim.csv
          myotwitch evaluate --truth sim.truth.json detected.json
        """,
        version: MyoTwitchVersion.description,
        subcommands: [AnalyzeCommand.self, StreamCommand.self, ReportCommand.self, SimulateCommand.self,
                      EvaluateCommand.self, BenchmarkCommand.self]
    )

    /// Runs the command; usage errors exit with status 2 (the Unix convention our contract names)
    /// rather than the parser's default 64.
    static func main() {
        var parsed: ParsableCommand.Type?
        StandardOutput.checkBufferedOutputAtExit()
        do {
            var command = try parseAsRoot()
            parsed = type(of: command)
            try command.run()
        } catch let refusal as Refusal {
            StandardOutput.error("myotwitch: \(refusal)")
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .validationFailure {
                // A usage error found while running a subcommand (`analyze emptydir/`) shows that
                // subcommand's usage, not the top-level one.
                if let parsed, parsed != MyoTwitchCommand.self, let name = parsed.configuration.commandName {
                    StandardOutput.error("Error: \(message(for: error))\nUsage: \(usageString(for: parsed))\n  See 'myotwitch \(name) --help' for more information.")
                } else {
                    StandardOutput.error(fullMessage(for: error))
                }
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
