import Foundation
import FoundationXML
import Testing

/// Every bundled recording, and all of them as one batch, give reports in every format; the HTML
/// parses as well-formed XML (XHTML with inline SVG).
@Suite struct SampleDataReportTests {
    static let samples = ["emg-twitches-cramp.csv", "emg-4-channels.csv", "accelerometer.csv"]

    @Test(arguments: samples)
    func reportsForEachSampleRecording(file: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["analyze", "SampleData/\(file)", "--format", "json", "--format", "html",
                             "--format", "markdown", "--format", "csv", "--output", dir.path + "/"])
        #expect(r.status == 0, "\(r.stderr)")
        let stem = (file as NSString).deletingPathExtension
        for ext in ["json", "html", "md", "csv"] {
            let data = try Data(contentsOf: dir.appendingPathComponent("\(stem).\(ext)"))
            #expect(data.count > 200, "\(stem).\(ext) is nearly empty")
        }
        let html = try Data(contentsOf: dir.appendingPathComponent("\(stem).html"))
        let parser = XMLParser(data: html)
        #expect(parser.parse(), "\(stem).html is not well-formed: \(String(describing: parser.parserError))")
    }

    @Test func batchReportOverAllSamples() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["analyze", "SampleData", "--format", "html", "--format", "json",
                             "--output", dir.path + "/"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try Data(contentsOf: dir.appendingPathComponent("summary.html"))
        #expect(XMLParser(data: summary).parse())
        let batch = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("batch.json"))) as? [String: Any]
        #expect((batch?["results"] as? [Any])?.count == Self.samples.count)
    }
}
