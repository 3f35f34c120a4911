import Foundation
import Testing

/// Collects a child's standard output line by line as it arrives, with arrival times.
private final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = Data()
    private(set) var lines: [(time: Date, text: String)] = []

    func start(reading handle: FileHandle) -> Thread {
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock {
                    buffer += chunk
                    while let newline = buffer.firstIndex(of: 0x0A) {
                        lines.append((Date(), String(decoding: buffer[..<newline], as: UTF8.self)))
                        buffer.removeSubrange(...newline)
                    }
                }
            }
        }
        thread.start()
        return thread
    }

    var snapshot: [(time: Date, text: String)] { lock.withLock { lines } }
}

@Suite(.serialized) struct LiveStreamTests {
    /// Lines written slowly to a pipe: the twitch event must arrive long before end of input.
    @Test func eventsArriveBeforeEndOfInput() throws {
        let (process, input, output) = try CLI.startStream()
        let collector = LineCollector()
        _ = collector.start(reading: output.fileHandleForReading)
        // 8 s of signal with a twitch at 6 s, then the writer pauses (the stream stays open).
        let csv = SampleCSV.emg(seconds: 8, twitches: [6])
        input.fileHandleForWriting.write(Data(csv.utf8))
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && !collector.snapshot.contains(where: { $0.text.contains("\"twitch\"") }) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let arrivedLive = collector.snapshot.contains { $0.text.contains("\"kind\":\"twitch\"") }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(arrivedLive, "the twitch event did not arrive while the input was still open")
        #expect(process.terminationStatus == 0)
        #expect(collector.snapshot.last?.text.contains("\"summary\"") == true)
    }

    /// Ctrl-C (SIGINT), a service manager's SIGTERM and a closed terminal's SIGHUP all flush what
    /// is final, write the summary and exit with 128 + the signal.
    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143)), (SIGHUP, Int32(129))])
    func stopSignalWritesTheSummary(_ signal: Int32, _ status: Int32) throws {
        let (process, input, output) = try CLI.startStream()
        let collector = LineCollector()
        let reader = collector.start(reading: output.fileHandleForReading)
        input.fileHandleForWriting.write(Data(SampleCSV.emg(seconds: 6, twitches: [3]).utf8))
        Thread.sleep(forTimeInterval: 0.5)
        kill(process.processIdentifier, signal)
        // Never hang the suite: a child that ignores the signal is killed after 10 s.
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        while reader.isExecuting { Thread.sleep(forTimeInterval: 0.01) }
        #expect(process.terminationReason == .exit && process.terminationStatus == status)
        #expect(collector.snapshot.last?.text.contains("\"summary\"") == true)
        #expect(collector.snapshot.contains { $0.text.contains("\"kind\":\"twitch\"") })
        try? input.fileHandleForWriting.close()
    }

    /// `myotwitch stream | head -1` ends quietly with status 0 when head closes the pipe.
    @Test func closedPipeEndsQuietly() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try SampleCSV.write(SampleCSV.emg(seconds: 60, twitches: Array(stride(from: 2.0, to: 58, by: 0.7))),
                                       named: "many.csv", in: dir)
        let r = try CLI.run(["-o", "pipefail", "-c", "'\(CLI.executable.path)' stream < '\(file.path)' | head -1"],
                            executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 1)
        #expect(r.stderr.isEmpty)
    }
}
