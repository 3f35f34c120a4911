#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The one place where the command writes bytes to a file descriptor: standard output,
/// standard error, report files, devices, FIFOs and sockets all go through `write(_:to:)`.
enum Descriptor {
    /// Writes all of `bytes` to `fd`, looping over partial writes and retrying after EINTR.
    /// Returns 0 on success, otherwise the `errno` of the failed `write(2)` (EPIPE, ENOSPC, EIO …),
    /// so that the caller can name the destination in its message.
    static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }  // a zero-length write of a non-empty buffer: no progress
            offset += n
        }
        return 0
    }

    static func write(_ data: Data, to fd: Int32) -> Int32 {
        data.withUnsafeBytes { write($0, to: fd) }
    }

    /// The system's text for an `errno` value ("No space left on device").
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
