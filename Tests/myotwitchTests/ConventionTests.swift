import Foundation
import Testing

/// Command-line conventions (issue 19).
@Suite struct ConventionTests {
    @Test func versionIsPrinted() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("myotwitch ") && r.stdout.contains("output schema 1"), "\(r.stdout)")
    }

    @Test func analyseIsAnAliasOfAnalyze() throws {
        let a = try CLI.run(["analyse", "SampleData/emg-twitches-cramp.csv", "--format", "csv"])
        let b = try CLI.run(["analyze", "SampleData/emg-twitches-cramp.csv", "--format", "csv"])
        #expect(a.status == 0 && a.stdout == b.stdout && !a.stdout.isEmpty)
    }

    /// Negative numbers reach the option's own check instead of "Missing value".
    @Test(arguments: [
        (["analyze", "x.csv", "--jobs", "-3"], "--jobs must be at least 1, got -3"),
        (["analyze", "x.csv", "--rate", "-5"], "--rate must be a positive number"),
        (["stream", "--rate", "-5"], "--rate must be a positive number"),
        (["analyze", "x.csv", "--episode-gap", "-1"], "--episode-gap must be a non-negative"),
        (["analyze", "x.csv", "--min-cramp", "-2"], "--min-cramp must be positive"),
        (["simulate", "--output", "-", "--duration", "-4"], "--duration must be between 0 and 86400 seconds, got -4"),
        (["simulate", "--output", "-", "--channels", "-1"], "--channels must be 1–16, got -1"),
    ])
    func negativeNumbersGetAClearMessage(_ arguments: [String], _ message: String) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!r.stderr.contains("Missing value"))
    }

    @Test func jobsAreCapped() throws {
        let r = try CLI.run(["analyze", "SampleData/emg-twitches-cramp.csv", "--jobs", "100000", "--format", "csv"])
        #expect(r.status == 0)
        let cap = 4 * ProcessInfo.processInfo.activeProcessorCount
        #expect(r.stderr.contains("--jobs 100000 capped at \(cap)"), "\(r.stderr)")
    }

    @Test func emptyDirectoryShowsAnalyzeUsage() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["analyze", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no recordings (.bdf .csv .edf .tsv .txt files) found in"))
        #expect(r.stderr.contains("Usage: myotwitch analyze"), "\(r.stderr)")
    }

    @Test func directoryOutputSaysWhereItWrote() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("reports").path + "/"
        let r = try CLI.run(["analyze", "SampleData", "--format", "json", "--format", "md", "--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(r.stderr.hasSuffix("myotwitch: wrote \(files.count) reports to \(out)\n"), "\(r.stderr)")
    }
}
