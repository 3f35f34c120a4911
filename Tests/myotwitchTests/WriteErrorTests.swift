import Foundation
import Testing

/// Every write is checked (issue 19): a full device gives a message naming the destination and
/// exit status 1, for every command — never a silent status 0 with the output lost.
@Suite struct WriteErrorTests {
    /// Standard output on /dev/full.
    @Test(arguments: [
        ["analyze", "rec.csv"],
        ["analyze", "rec.csv", "--format", "markdown"],
        ["analyze", "rec.csv", "rec.csv", "--format", "csv"],
        ["stream"],
        ["stream", "--format", "text"],
        ["report", "rec.truth.json"],
        ["simulate", "--duration", "2", "--output", "-"],
        ["evaluate", "--truth", "rec.truth.json", "rec.truth.json"],
    ])
    func fullStandardOutputFails(_ arguments: [String]) throws {
        let dir = try OutputSafetyTests.recordingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let recording = try Data(contentsOf: dir.appendingPathComponent("rec.csv"))
        let r = try CLI.run(arguments, stdoutPath: "/dev/full", stdin: recording, currentDirectory: dir)
        #expect(r.status == 1, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains("cannot write standard output: No space left on device"), "\(r.stderr)")
    }

    /// A full device named by --output (made with mknod: 1:7 is the full device) stays a device.
    @Test(arguments: [
        ["analyze", "rec.csv", "--output", "full"],
        ["report", "rec.truth.json", "--format", "html", "--output", "full"],
        ["simulate", "--duration", "2", "--output", "full"],
        ["simulate", "--duration", "2", "--output", "x.csv", "--truth", "full"],
    ])
    func fullDeviceOutputFails(_ arguments: [String]) throws {
        let dir = try OutputSafetyTests.recordingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let device = dir.appendingPathComponent("full").path
        #expect(try CLI.tool(["mknod", device, "c", "1", "7"]) == 0)
        let r = try CLI.run(arguments, currentDirectory: dir)
        #expect(r.status == 1, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains("cannot write full: No space left on device"), "\(r.stderr)")
        #expect(CLI.fileType(device) == .typeCharacterSpecial)
    }
}
