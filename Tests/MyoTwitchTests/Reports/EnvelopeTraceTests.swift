import Foundation
import Testing
@testable import MyoTwitch

@Suite struct EnvelopeTraceTests {
    typealias F = ReportFixtures

    @Test(arguments: [(7200, 2000, 4, 1800), (2000, 2000, 1, 2000), (2001, 2000, 2, 1001), (10, 3, 4, 3)])
    func decimationBoundsPointsAndWidensBins(count: Int, limit: Int, factor: Int, points: Int) {
        let trace = EnvelopeTrace(channel: "a", start: 2, secondsPerPoint: 0.5, values: (0..<count).map(Double.init))
        let reduced = trace.decimated(maxPoints: limit)
        #expect(reduced.values.count == points)
        #expect(reduced.values.count <= limit)
        #expect(reduced.secondsPerPoint == 0.5 * Double(factor))
        #expect(reduced.start == 2 && reduced.channel == "a")
        // Every group keeps its maximum, the last value included.
        #expect(reduced.values.last == Double(count - 1))
    }

    @Test func decimationKeepsAShortPeakAndSkipsNaN() {
        var values = Array(repeating: 1.0, count: 7200)
        values[4321] = 9
        values[0] = .nan
        let reduced = EnvelopeTrace(channel: "a", secondsPerPoint: 0.5, values: values).decimated(maxPoints: 2000)
        #expect(reduced.values.max() == 9)
        #expect(reduced.values[0] == 1, "a NaN gives way to the group's numbers")
        #expect(EnvelopeTrace(channel: "a", secondsPerPoint: 1, values: [1, 2]).decimated(maxPoints: 0).values == [1, 2])
    }

    @Test func traceIsCodableAndKnowsItsEnd() throws {
        let trace = EnvelopeTrace(channel: "EMG \"1\"", start: 1.5, secondsPerPoint: 0.25, values: [0.1, 0.2, 0.3])
        #expect(trace.end == 2.25)
        let decoded = try JSONDecoder().decode(EnvelopeTrace.self, from: JSONEncoder().encode(trace))
        #expect(decoded == trace)
    }

    @Test func tracesAreMatchedToRowsByChannelName() {
        let result = F.typical()
        let values = F.traces(for: result)
        let envelope = "fill=\"#9fb3c1\" fill-opacity=\"0.55\""
        // Only the second channel has a trace, given first: one envelope, in the thigh row.
        let onlyThigh = HTMLReport.render(result, traces: [
            EnvelopeTrace(channel: "thigh", secondsPerPoint: 0.5, values: values[1]),
            EnvelopeTrace(channel: "not a channel", secondsPerPoint: 0.5, values: values[0]),
        ])
        #expect(onlyThigh.components(separatedBy: envelope).count - 1 == 1)
        #expect(onlyThigh.contains("signal envelope (log scale)"))
        // The analyzer's form (values per channel in channel order) draws the same as named traces.
        let named = result.source.channels.enumerated().map {
            EnvelopeTrace(channel: $1, secondsPerPoint: 0.5, values: values[$0])
        }
        #expect(HTMLReport.render(result, traces: values, traceBinSeconds: 0.5) == HTMLReport.render(result, traces: named))
        #expect(HTMLReport.render(result, traces: nil) == HTMLReport.render(result, traces: [EnvelopeTrace]()))
        #expect(!HTMLReport.render(result).contains(envelope))
    }

    @Test func aTraceStartingLaterIsDrawnFromItsStart() {
        let result = F.typical()
        let html = HTMLReport.render(result, traces: [EnvelopeTrace(channel: "calf", start: 300, secondsPerPoint: 1, values: [1, 5, 1])])
        // 300 s of 600 s on the 930-pixel axis that starts at x = 150.
        #expect(html.contains("<path d=\"M615.0 "))
    }
}
