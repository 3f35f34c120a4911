import ArgumentParser
import Foundation
import MyoTwitch

/// Set by the SIGINT handler; read by the reading loop after `read(2)` returns EINTR.
nonisolated(unsafe) private var interruptRequested: sig_atomic_t = 0

struct StreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Analyse CSV arriving on standard input, writing events the moment they are final.",
        discussion: """
        Reads CSV from standard input (header line first, or --columns for headerless input) and \
        writes one JSON object per line (--format jsonl, default): "event" objects as soon as \
        they are final (at most about 0.5 s of signal after an event ends), "episode" objects \
        when an episode's gap has passed, "warning" objects for skipped malformed lines (with \
        their line number), and a last "summary". --format text prints one readable line each.

        End of input or Ctrl-C flushes pending events, closes open episodes and writes the \
        summary (Ctrl-C then exits with status 130). A closed pipe downstream ends quietly.

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
        installInterruptHandler()
        let session = AnalysisSession(path: "<stdin>", decoderOptions: recording.decoderOptions(strict: false),
                                      settings: recording.settings,
                                      options: AnalyzerOptions(keepsEvents: false))
        let format = self.format
        do {
            let (result, _) = try session.run(fileDescriptor: 0, shouldStop: { interruptRequested != 0 }) { output in
                StandardOutput.write(try Self.line(for: output, format: format))
            }
            StandardOutput.write(try Self.summaryLine(result, format: format))
        } catch let error as InputError {
            StandardOutput.error("myotwitch: \(error)")
            throw ExitCode(1)
        }
        if interruptRequested != 0 { throw ExitCode(130) }
    }

    private func installInterruptHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptRequested = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a blocked read(2) returns EINTR so we can finish up
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked (the mask survives exec); unblock it
        // so Ctrl-C and `kill -INT` reach the handler.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static func line(for output: SessionOutput, format: Format) throws -> Data {
        switch format {
        case .jsonl:
            return try JSONReport.encode(StreamLine(output), pretty: false) + Data("\n".utf8)
        case .text:
            return Data((TextLine.describe(output) + "\n").utf8)
        }
    }

    static func summaryLine(_ result: AnalysisResult, format: Format) throws -> Data {
        switch format {
        case .jsonl:
            return try JSONReport.encode(StreamLine.summary(result), pretty: false) + Data("\n".utf8)
        case .text:
            return Data((TextLine.describe(result) + "\n").utf8)
        }
    }
}
