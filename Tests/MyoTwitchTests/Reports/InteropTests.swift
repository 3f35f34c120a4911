import Foundation
import Testing
@testable import MyoTwitch

@Suite struct InteropTests {
    @Test func eventsTSVIsSortedTabSeparatedWithNA() {
        var result = ReportFixtures.typical(channels: ["calf\tleft", "thigh"])
        result.events.reverse()  // the renderer sorts, whatever the input order
        let lines = EventsTSVReport.render(result).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "onset\tduration\ttrial_type\tchannel\tpeak\tpeak_unit\tpeak_time\tsnr\treason\tpeak_to_peak\tpotential_ms\tphases\tturns\tunit")
        let rows = lines.dropFirst().filter { !$0.isEmpty }.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == result.events.count)
        #expect(rows.allSatisfy { $0.count == EventsTSVReport.columns.count })
        let onsets = rows.map { Double($0[0])! }
        #expect(onsets == onsets.sorted())
        #expect(rows[0][3] == "calf left")  // a tab inside a name would shift every column
        #expect(rows[0][13] == "n/a")
        #expect(lines.last == "")
    }

    @Test func mneAnnotationsCarryTheStartTime() {
        var result = ReportFixtures.typical()
        #expect(!EventsTSVReport.mneAnnotations(result).contains("orig_time"))
        result.source.startTime = "2024-02-29T23:59:59.5Z"
        let text = EventsTSVReport.mneAnnotations(result)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "# MNE-Annotations")
        #expect(lines[1] == "# orig_time : 2024-02-29 23:59:59.500000")
        #expect(lines[2] == "# onset, duration, description")
        #expect(lines[3] == "30.000000,0.015000,twitch/calf")
    }

    @Test(arguments: [
        ("2024-03-01T08:15:00Z", "2024-03-01T08:15:00.000000Z"),
        ("2024-03-01 08:15:00.123456789+01:00", "2024-03-01T07:15:00.123456Z"),
        ("1969-12-31T23:59:59.5Z", "1969-12-31T23:59:59.500000Z"),
        ("2000-02-29T12:00:00-05:30", "2000-02-29T17:30:00.000000Z"),
    ])
    func wallClockRoundTrips(input: String, expected: String) {
        #expect(WallClock(iso: input)?.iso == expected)
    }

    @Test func wallClockAddsAcrossMidnight() {
        let start = WallClock(iso: "2023-12-31T23:59:59.9Z")!
        #expect(start.adding(0.2).iso == "2024-01-01T00:00:00.100000Z")
        #expect(start.adding(-86_400).iso == "2023-12-30T23:59:59.900000Z")
    }

    @Test(arguments: ["", "2024-13-01T00:00:00Z", "2024-03-01", "2024-03-01T08:15:00Zjunk", "2024-03-01T08:15:00."])
    func wallClockRejects(input: String) {
        #expect(WallClock(iso: input) == nil)
    }

    @Test func referenceRatesApplyOnlyToTheirMuscle() {
        #expect(ReferenceRate.forMuscle("tibialis anterior")?.upperPerMinute == 3)
        #expect(ReferenceRate.forMuscle("EMG_TA_L")?.upperPerMinute == 3)
        #expect(ReferenceRate.forMuscle("Abductor hallucis")?.site.hasPrefix("abductor") == true)
        #expect(ReferenceRate.forMuscle("biceps brachii") == nil)
        #expect(ReferenceRate.forMuscle("EMG1") == nil)
        #expect(ReferenceRate.forMuscle("data") == nil)  // "ta" inside a word is not the muscle
        #expect(ReferenceRate.forMuscle(nil) == nil)
    }

    @Test func muscleArgumentsAreParsedAndApplied() throws {
        let assignment = try MuscleAssignment(arguments: ["calf = tibialis anterior", "thigh=vastus lateralis"])
        let result = assignment.apply(to: ReportFixtures.typical())
        #expect(result.summary.channels.map(\.muscle) == ["tibialis anterior", "vastus lateralis"])
        let labelled = MuscleAssignment().apply(to: ReportFixtures.typical(channels: ["EMG TA", "EMG2"]))
        #expect(labelled.summary.channels.map(\.muscle) == ["tibialis anterior", nil])
        #expect(throws: MuscleAssignment.ParseError.self) { try MuscleAssignment(arguments: ["calf"]) }
        #expect(throws: MuscleAssignment.ParseError.self) { try MuscleAssignment(arguments: ["calf=a", "calf=b"]) }
        #expect(throws: MuscleAssignment.ParseError.self) { try MuscleAssignment(arguments: ["=soleus"]) }
    }

    @Test func episodeStatisticsKeepCrampsApart() {
        let c = ReportFixtures.typical().summary.channels[0]
        #expect(c.crampDuration?.count == 1)
        #expect(c.crampDuration?.max == 18)
        #expect(c.twitchEpisodeDuration?.count == 1)
        #expect((c.twitchEpisodeDuration?.min ?? 0) > 100)
        #expect(c.ratesMeaningful == true)
        let short = ReportFixtures.result(channels: ["a"], duration: 60, events: [ReportFixtures.event(.twitch, "a", 10)])
        #expect(short.summary.channels[0].ratesMeaningful == false)
    }

    @Test func absentOptionalsAreLeftOutOfTheJSON() throws {
        let json = String(decoding: try JSONReport.encode(ReportFixtures.typical()), as: UTF8.self)
        #expect(!json.contains("null"))
        #expect(!json.contains("\"morphology\""))
    }

    @Test func cohortTablesListRecordingsInNaturalOrder() {
        let entries: [BatchResult.Entry] = ["rec10.csv", "rec2.csv", "rec1.csv"].map { .analysed(ReportFixtures.typical(path: $0)) }
        let markdown = MarkdownReport.render(cohort: entries)
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| rec") && !$0.hasPrefix("| recording") }.map { $0.split(separator: " ")[1] }
        #expect(rows == ["rec1.csv", "rec2.csv", "rec10.csv"])
        #expect(ReportFileName.naturalLess("a9", "a10") && !ReportFileName.naturalLess("a10", "a9"))
        #expect(ReportFileName.naturalLess("a01", "a2") && ReportFileName.naturalLess("a", "a1"))
    }
}
