import ArgumentParser

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
          myotwitch simulate --seed 7 --output sim.csv
        """,
        subcommands: [AnalyzeCommand.self, StreamCommand.self]
    )
}
