import Foundation
import Testing

/// Names from files never act on the user's terminal, and special files inside an input
/// directory never block a batch (issue 19).
@Suite struct TerminalSafetyTests {
    /// ESC, OSC (retitle), BEL, CSI (recolour), DEL and the C1 CSI U+009B.
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[31mEMG\u{7F}\u{9B}2J"

    static func hasControl(_ text: String, allowingCR: Bool = false) -> Bool {
        text.unicodeScalars.contains {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && !(allowingCR && $0 == "\r"))
                || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
        }
    }

    static func hostileCSV() -> Data {
        var csv = SampleCSV.emg(seconds: 10, twitches: [5])
        csv = csv.replacingOccurrences(of: "time,emg_mV\n", with: "time,\(hostile)\n")
        return Data(csv.utf8)
    }

    @Test(arguments: [["stream", "--format", "text"], ["stream"]])
    func streamEscapesChannelNames(_ arguments: [String]) throws {
        let r = try CLI.run(arguments, stdin: Self.hostileCSV())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("twitch"))
        #expect(!Self.hasControl(r.stdout), "\(r.stdout.prefix(300))")
        #expect(!Self.hasControl(r.stderr))
    }

    @Test(arguments: ["markdown", "csv", "html", "json", "jsonl"])
    func reportsEscapeChannelNames(_ format: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.hostileCSV().write(to: dir.appendingPathComponent("h.csv"))
        let r = try CLI.run(["analyze", "h.csv", "--format", format], currentDirectory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.isEmpty && !Self.hasControl(r.stdout, allowingCR: format == "csv"))
    }

    @Test func errorMessagesEscapeFileNames() throws {
        let r = try CLI.run(["analyze", "missing\u{1B}]0;pwned\u{07}.csv"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("missing\\x1b]0;pwned\\x07.csv"), "\(r.stderr)")
        #expect(!Self.hasControl(r.stderr))
    }

    /// A FIFO named .csv inside an input directory is skipped with a note (it used to hang the
    /// batch waiting for a writer); named on the command line it is read.
    @Test func specialFilesInADirectoryAreSkipped() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try SampleCSV.write(SampleCSV.emg(seconds: 10, twitches: [5]), named: "a.csv", in: dir)
        #expect(mkfifo(dir.appendingPathComponent("b.csv").path, 0o644) == 0)
        let r = try CLI.run(["analyze", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("skipping \(dir.path)/b.csv: a FIFO, not a regular file"))
        #expect(r.stdout.contains("\"path\" : \"\(data.path)\"") || r.stdout.contains(data.lastPathComponent))
        // Named, the FIFO is read like any file: a writer feeds it.
        let fifo = dir.appendingPathComponent("b.csv").path
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(SampleCSV.emg(seconds: 10, twitches: [5]).utf8))
                try? handle.close()
            }
        }
        writer.start()
        let named = try CLI.run(["analyze", fifo])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout.contains("\"twitch\""))
    }
}
