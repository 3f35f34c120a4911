import Foundation
import Testing

/// Outputs never replace inputs or special files (issue 19): refused with exit status 2 when an
/// output is an input; devices and FIFOs written in place.
@Suite struct OutputSafetyTests {
    /// A directory with a short simulated recording `rec.csv`, a symbolic link `link.csv` and a
    /// hard link `hard.csv` to it.
    static func recordingDirectory() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let sim = try CLI.run(["simulate", "--duration", "8", "--seed", "3", "--output", dir.appendingPathComponent("rec.csv").path])
        #expect(sim.status == 0, "\(sim.stderr)")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.csv").path, withDestinationPath: "rec.csv")
        try FileManager.default.linkItem(atPath: dir.appendingPathComponent("rec.csv").path,
                                         toPath: dir.appendingPathComponent("hard.csv").path)
        return dir
    }

    @Test(arguments: [
        ["analyze", "rec.csv", "--output", "rec.csv"],
        ["analyze", "rec.csv", "--output", "./rec.csv"],
        ["analyze", "rec.csv", "--output", "link.csv"],
        ["analyze", "rec.csv", "--output", "hard.csv"],
        ["analyze", ".", "--format", "csv", "--output", "."],
        ["analyze", "rec.csv", "--format", "csv", "--output", "./"],
        ["analyze", "link.csv", "--format", "csv", "--format", "json", "--output", "."],
        ["report", "rec.truth.json", "--output", "rec.truth.json"],
    ])
    func outputOntoAnInputIsRefused(_ arguments: [String]) throws {
        let dir = try Self.recordingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let recording = try Data(contentsOf: dir.appendingPathComponent("rec.csv"))
        let truth = try Data(contentsOf: dir.appendingPathComponent("rec.truth.json"))
        let r = try CLI.run(arguments, currentDirectory: dir)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("refusing to write") && r.stderr.contains(".csv") || r.stderr.contains(".json"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("rec.csv")) == recording)
        #expect(try Data(contentsOf: dir.appendingPathComponent("rec.truth.json")) == truth)
        #expect(CLI.fileType(dir.appendingPathComponent("link.csv").path) == .typeSymbolicLink)
    }

    /// A directory output beside the recordings is fine when no report lands on one of them.
    @Test func directoryOutputBesideTheInputsWritesOnlyReports() throws {
        let dir = try Self.recordingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let recording = try Data(contentsOf: dir.appendingPathComponent("rec.csv"))
        let r = try CLI.run(["analyze", "rec.csv", "--format", "json", "--output", "."], currentDirectory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("wrote 1 report to ."))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("rec.json").path))
        #expect(try Data(contentsOf: dir.appendingPathComponent("rec.csv")) == recording)
    }

    @Test func standardOutputOntoAnInputIsRefused() throws {
        let dir = try Self.recordingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("rec.csv").path
        let recording = try Data(contentsOf: URL(fileURLWithPath: path))
        let analyze = try CLI.run(["analyze", "rec.csv"], stdoutPath: path, currentDirectory: dir)
        #expect(analyze.status == 2 && analyze.stderr.contains("refusing to write standard output"), "\(analyze.stderr)")
        // (`stream < rec.csv >> rec.csv`, standard input and output one file: Scripts/check-cli.sh.)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == recording)
    }

    @Test func simulateRefusesOneFileForRecordingAndTruth() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["simulate", "--duration", "2", "--output", "x.csv", "--truth", "./x.csv"], currentDirectory: dir)
        #expect(r.status == 2 && r.stderr.contains("same place"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.csv").path))
    }

    /// A character device made with mknod (the null device, 1:3) stays a device: written in
    /// place, not replaced by a regular file — by every command that writes a file.
    @Test(arguments: [
        ["analyze", "rec.csv", "--output", "devnull"],
        ["analyze", "rec.csv", "--format", "html", "--output", "devnull"],
        ["simulate", "--duration", "2", "--output", "devnull"],
        ["simulate", "--duration", "2", "--output", "-", "--truth", "devnull"],
        ["simulate", "--duration", "2", "--output", "new.csv", "--truth", "devnull"],
        ["report", "rec.truth.json", "--output", "devnull"],
    ])
    func deviceNodeIsWrittenInPlace(_ arguments: [String]) throws {
        let dir = try Self.recordingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let device = dir.appendingPathComponent("devnull").path
        #expect(try CLI.tool(["mknod", device, "c", "1", "3"]) == 0)
        let r = try CLI.run(arguments, currentDirectory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(CLI.fileType(device) == .typeCharacterSpecial)
        #expect(!FileManager.default.fileExists(atPath: device + ".truth.json"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    /// A FIFO is written through, never replaced: a reader on it gets the whole report.
    @Test func fifoIsWrittenInPlace() throws {
        let dir = try Self.recordingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let received = dir.appendingPathComponent("received")
        FileManager.default.createFile(atPath: received.path, contents: nil)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        reader.arguments = ["cat", fifo]
        reader.standardOutput = try FileHandle(forWritingTo: received)
        try reader.run()
        let r = try CLI.run(["analyze", "rec.csv", "--output", "pipe"], currentDirectory: dir)
        reader.waitUntilExit()
        #expect(r.status == 0, "\(r.stderr)")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: received)) as? [String: Any]
        #expect(json?["schema"] as? String == "myotwitch.analysis/1")
    }
}
