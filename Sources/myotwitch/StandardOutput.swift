#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Unbuffered output through `write(2)`: a consumer on a pipe sees each line as soon as it is
/// written. A closed pipe downstream (`myotwitch stream | head`) ends the program quietly with
/// status 0, as Unix filters do.
enum StandardOutput {
    /// Ignore SIGPIPE so that writing to a closed pipe fails with EPIPE instead of killing us.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
    }

    static func write(_ data: Data, to fd: Int32 = 1) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { exit(0) }
                    return
                }
                offset += n
            }
        }
    }

    static func write(_ text: String, to fd: Int32 = 1) {
        write(Data(text.utf8), to: fd)
    }

    /// One line on standard error.
    static func error(_ text: String) {
        write(text + "\n", to: 2)
    }
}
