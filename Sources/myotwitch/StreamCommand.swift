import ArgumentParser
import Foundation
import MyoTwitch

struct StreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Analyse CSV arriving on standard input, writing events the moment they are final.",
        discussion: """
        Reads CSV from standard input (header line first, or --columns for headerless input) and \
        writes one JSON object per line (--format jsonl, default): "event" objects as soon as \
        they are final (on one EMG channel about 0.45 s after an event ends, accelerometers about 1.6 s, \
        cramps about 10 s; with several channels a long burst still undecided on one holds the \
        later events of all — README, Latency of stream), "episode" objects \
        when an episode's gap has passed, "warning" objects for skipped malformed lines (with \
        their line number), and a last "summary". --format text prints one readable line each.

        End of input, Ctrl-C (SIGINT), SIGTERM (a service manager stopping it) or SIGHUP (its \
        terminal closed) flushes pending events, closes open episodes and writes the summary; \
        after a signal the exit status is 128 + its number: 130 (SIGINT), 143 (SIGTERM), 129 \
        (SIGHUP). A closed pipe downstream ends quietly (status 0); any other failure to write \
        ends with an error and status 1. The same bytes give the same lines in the same order \
        whether standard input is a pipe or a file.

        Examples:
          sensor-logger | myotwitch stream
          tail -f live.csv | myotwitch stream --format text
          amplifier --raw | myotwitch stream --rate 2000 --columns emg1,emg2
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, text }

    @Option(help: ArgumentHelp("Output format: jsonl (one JSON object per line) or text.", valueName: "format"))
    var format: Format = .jsonl

    @OptionGroup var recording: RecordingOptions

    func run() throws {
        StandardOutput.prepare()
        // `stream < rec.csv >> rec.csv` would read back its own output.
        try ProtectedInputs(paths: ["-"]).checkStandardOutput()
        StreamDriver.installStopHandlers()
        let session = AnalysisSession(path: "<stdin>", decoderOptions: recording.decoderOptions(strict: false),
                                      settings: recording.settings,
                                      options: AnalyzerOptions(keepsEvents: false))
        let format = self.format
        do {
            let result = try StreamDriver.run(session, fileDescriptor: 0) { output in
                StandardOutput.write(try Self.line(for: output, format: format))
            }
            StandardOutput.write(try Self.summaryLine(result, format: format))
        } catch let error as InputError {
            StandardOutput.error("myotwitch: \(error)")
            throw ExitCode(1)
        }
        // Stopped by a signal: the conventional status 128 + signal (SIGINT 130, SIGTERM 143, SIGHUP 129).
        if StreamDriver.stoppedBy != 0 { throw ExitCode(128 + StreamDriver.stoppedBy) }
    }

    static func line(for output: SessionOutput, format: Format) throws -> Data {
        switch format {
        case .jsonl:
            return TerminalText.json(try JSONReport.encode(StreamLine(output), pretty: false)) + Data("\n".utf8)
        case .text:
            return Data((TerminalText.escape(TextLine.describe(output), keepingNewlines: false) + "\n").utf8)
        }
    }

    static func summaryLine(_ result: AnalysisResult, format: Format) throws -> Data {
        switch format {
        case .jsonl:
            return TerminalText.json(try JSONReport.encode(StreamLine.summary(result), pretty: false)) + Data("\n".utf8)
        case .text:
            return Data((TerminalText.escape(TextLine.describe(result)) + "\n").utf8)
        }
    }
}
