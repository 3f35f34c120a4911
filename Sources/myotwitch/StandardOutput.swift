#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Unbuffered output through `write(2)` (via `Descriptor`): a consumer on a pipe sees each line as
/// soon as it is written. Every write is checked:
/// - a closed pipe downstream (`myotwitch stream | head`, EPIPE) ends the program quietly with
///   status 0, as Unix filters do;
/// - any other failure (a full disk, `> /dev/full`, an I/O error) ends it with
///   `myotwitch: cannot write standard output: REASON` and status 1 — nothing can be delivered
///   any more, and a silent status 0 would tell a script that the output is complete.
enum StandardOutput {
    /// Ignore SIGPIPE so that writing to a closed pipe fails with EPIPE instead of killing us.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Checks, at exit, what went through C's buffered `stdout` — the help and `--version` text
    /// the argument parser prints with `print` — so that `myotwitch --version > /dev/full` fails
    /// too (status 1, with the reason) instead of losing the text silently.
    static func checkBufferedOutputAtExit() {
        atexit {
            if fflush(nil) != 0 {
                let code = errno
                if code == EPIPE { return }
                StandardOutput.error("myotwitch: cannot write standard output: \(Descriptor.reason(code))")
                _exit(1)
            }
        }
    }

    static func write(_ data: Data) {
        let failure = Descriptor.write(data, to: 1)
        guard failure != 0 else { return }
        if failure == EPIPE { exit(0) }
        error("myotwitch: cannot write standard output: \(Descriptor.reason(failure))")
        exit(1)
    }

    static func write(_ text: String) {
        write(Data(text.utf8))
    }

    /// Text on standard error, as given (the progress bar's carriage returns). A failure to
    /// write standard error has nowhere to be reported and is ignored.
    static func writeError(_ text: String) {
        _ = Descriptor.write(Data(text.utf8), to: 2)
    }

    /// One line on standard error; control characters in it (from file or channel names) are
    /// shown escaped, so that a name cannot retitle or recolour the user's terminal.
    static func error(_ text: String) {
        writeError(TerminalText.escape(text) + "\n")
    }
}
