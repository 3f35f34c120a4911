import Foundation
import Testing

/// The interop formats, `--muscle` and the cohort links, through the built executable.
@Suite struct InteropCommandTests {
    static let twitches = [5.0, 9.0, 13.5, 17.0]

    @Test func eventsTSVAndMNEAnnotations() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try SampleCSV.write(SampleCSV.emg(seconds: 20, twitches: Self.twitches), named: "rec.csv", in: dir)
        let tsv = try CLI.run(["analyze", csv.path, "--format", "events-tsv"])
        #expect(tsv.status == 0, "\(tsv.stderr)")
        let rows = tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows[0].prefix(3) == ["onset", "duration", "trial_type"])
        let onsets = rows.dropFirst().filter { $0[2] == "twitch" }.map { Double($0[0])! }
        #expect(onsets.count == Self.twitches.count)
        for (found, truth) in zip(onsets, Self.twitches) { #expect(abs(found - truth) < 0.05) }
        let mne = try CLI.run(["analyze", csv.path, "--format", "mne-annotations"])
        #expect(mne.stdout.hasPrefix("# MNE-Annotations\n# onset, duration, description\n"))
        #expect(mne.stdout.contains(",twitch/emg_mV\n"))
    }

    @Test func muscleArgumentPicksTheReference() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try SampleCSV.write(SampleCSV.emg(seconds: 20, twitches: Self.twitches), named: "rec.csv", in: dir)
        let plain = try CLI.run(["analyze", csv.path, "--format", "markdown"])
        #expect(!plain.stdout.contains("never more than 3 per minute"))
        let named = try CLI.run(["analyze", csv.path, "--format", "markdown", "--muscle", "emg_mV=tibialis anterior"])
        #expect(named.stdout.contains("| emg\\_mV | tibialis anterior |"))
        #expect(named.stdout.contains("never more than 3 per minute"))
        let json = try CLI.run(["analyze", csv.path, "--muscle", "emg_mV=biceps"])
        #expect(json.stdout.contains("\"muscle\": \"biceps\""))
        for bad in ["emg_mV", "=biceps", "emg_mV="] {
            let r = try CLI.run(["analyze", csv.path, "--muscle", bad])
            #expect(r.status == 2, "\(bad)")
            #expect(r.stderr.contains("--muscle"), "\(r.stderr)")
        }
    }

    @Test func cohortSummaryLinksReportsInNaturalOrder() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for name in ["rec10.csv", "rec2.csv", "rec1.csv"] {
            paths.append(try SampleCSV.write(SampleCSV.emg(seconds: 10, twitches: [5]), named: name, in: dir).path)
        }
        let out = dir.path + "/out/"
        let r = try CLI.run(["analyze"] + paths + ["--format", "html", "--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try String(contentsOfFile: out + "summary.html", encoding: .utf8)
        let links = summary.components(separatedBy: "href=\"").dropFirst().map { $0.components(separatedBy: "\"")[0] }
        #expect(links == ["rec1.html", "rec2.html", "rec10.html"])
        for link in links { #expect(FileManager.default.fileExists(atPath: out + link), "\(link)") }
    }
}
