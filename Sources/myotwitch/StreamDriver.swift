#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MyoTwitch

/// The signal that asked `stream` to stop (SIGINT, SIGTERM or SIGHUP), 0 while none has.
nonisolated(unsafe) private var stopSignal: sig_atomic_t = 0
/// The write end of the self-pipe that wakes the reading loop when a signal arrives, whichever
/// thread the system delivered it to.
nonisolated(unsafe) private var wakeDescriptor: Int32 = -1

/// Drives an `AnalysisSession` from standard input for `stream`, so that the same bytes give the
/// same output lines in the same order however they arrive.
///
/// Why: the session hands out what became final after each block it is given, and within one
/// block the outputs of several channels, held back events and closing episodes come in the
/// analyzer's order; `read(2)` returns whatever the pipe or file holds (64 KiB from a pipe, 1 MiB
/// from a file), so the blocks, and with them the order of lines within a block, used to depend
/// on how the bytes arrived (the same lines, episode and event lines moved).
///
/// How: the bytes are fed to the session in canonical cells, cut at positions that depend only on
/// the bytes: after every `linesPerCell` line ends (`initialLinesPerCell` until the layout is
/// known, then 25 ms of samples at the recording's rate), or after `maximumCellBytes` bytes
/// without enough line ends. A cell is fed once it is complete, so a live stream waits at most
/// 25 ms of signal for its cell, and at the end of input (or on a stop) the partial cell is fed
/// before finishing. Decoding and analysis run on this thread.
///
/// Stops: SIGINT, SIGTERM and SIGHUP end reading as at end of input (pending events flushed,
/// open episodes closed, the summary written); `stopSignal` says which, for the exit status
/// 128 + signal (130, 143, 129).
enum StreamDriver {
    /// Lines per cell before the sample rate is known (header, warm-up).
    static let initialLinesPerCell = 256
    /// Signal time per cell once the rate is known, seconds: a bound on the latency cells add.
    static let cellSeconds = 0.025
    /// A cell never holds more bytes than this, even without line ends.
    static let maximumCellBytes = 1 << 20

    /// The signal that stopped the stream, or 0.
    static var stoppedBy: Int32 { Int32(stopSignal) }

    /// Installs the handlers for SIGINT, SIGTERM and SIGHUP (no SA_RESTART) and unblocks them (a
    /// parent may have started us with them blocked; the mask survives exec).
    static func installStopHandlers() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            wakeDescriptor = fds[1]
            wakeRead = fds[0]
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            if stopSignal == 0 { stopSignal = sig_atomic_t(signal) }
            var byte: UInt8 = 1
            _ = Glibc.write(wakeDescriptor, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            sigaction(signal, &action, nil)
            sigaddset(&set, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    nonisolated(unsafe) private static var wakeRead: Int32 = -1

    /// Reads `fd` to its end (or a stop), feeding canonical cells to `session` and every output
    /// to `handler`; returns the final result.
    static func run(_ session: AnalysisSession, fileDescriptor fd: Int32,
                    _ handler: (SessionOutput) throws -> Void) throws -> AnalysisResult {
        let capacity = 1 << 16
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var carry: [UInt8] = []
        var lines = 0
        var linesPerCell = initialLinesPerCell

        func feed(_ bytes: UnsafeRawBufferPointer) throws {
            let outputs: [SessionOutput]
            if carry.isEmpty {
                outputs = try session.consume(bytes)
            } else {
                carry.append(contentsOf: bytes)
                outputs = try carry.withUnsafeBytes { try session.consume($0) }
                carry.removeAll(keepingCapacity: true)
            }
            for output in outputs { try handler(output) }
            lines = 0
            if let rate = session.layout?.sampleRateHz {
                linesPerCell = max(1, Int((rate * cellSeconds).rounded(.up)))
            }
        }

        reading: while stopSignal == 0 {
            var polls = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                         pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            if poll(&polls, wakeRead >= 0 ? 2 : 1, -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            if stopSignal != 0 { break }
            let n = read(fd, buffer.baseAddress, capacity)
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw InputError(path: session.path, message: "cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var start = 0, i = 0
            while i < n {
                let room = maximumCellBytes - carry.count - (i - start)
                let limit = min(n, i + room)
                if let found = memchr(base + i, 0x0A, limit - i) {
                    i = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                    lines += 1
                    if lines >= linesPerCell {
                        try feed(UnsafeRawBufferPointer(rebasing: buffer[start..<i]))
                        start = i
                    }
                } else {
                    i = limit
                    if carry.count + (i - start) >= maximumCellBytes {
                        try feed(UnsafeRawBufferPointer(rebasing: buffer[start..<i]))
                        start = i
                    }
                }
                if stopSignal != 0 { break reading }
            }
            carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start..<n]))
        }
        if !carry.isEmpty {
            let rest = carry
            carry.removeAll()
            try rest.withUnsafeBytes { try feed($0) }
        }
        let (outputs, result, _) = try session.finish()
        for output in outputs { try handler(output) }
        return result
    }
}
