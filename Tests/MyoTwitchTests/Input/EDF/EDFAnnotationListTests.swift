import Testing
@testable import MyoTwitch

@Suite struct EDFAnnotationListTests {
    typealias Entry = EDFAnnotationList.Entry

    @Test func talsAreReadWithOnsetsDurationsAndSeveralTexts() {
        let bytes = EDFFixture.tal(12, [""]) + EDFFixture.tal(12.5, duration: 0.25, ["twitch", "left calf"])
            + EDFFixture.tal(-0.5, ["before start"]) + [0, 0, 0]
        let list = EDFAnnotationList(bytes)
        #expect(list.recordOnset == 12)
        #expect(list.problem == nil)
        #expect(list.entries == [
            Entry(onset: 12.5, duration: 0.25, text: "twitch"),
            Entry(onset: 12.5, duration: 0.25, text: "left calf"),
            Entry(onset: -0.5, duration: nil, text: "before start"),
        ])
    }

    @Test func emptyBytesHoldNothing() {
        let list = EDFAnnotationList([0, 0, 0, 0])
        #expect(list == EDFAnnotationList([]))
        #expect(list.recordOnset == nil && list.entries.isEmpty && list.problem == nil)
    }

    @Test(arguments: [
        ("12\u{14}\u{14}\u{0}", "a TAL starts with byte 0x31 instead of '+' or '-' at byte 0"),
        ("+1e3\u{14}\u{14}\u{0}", "unreadable onset \"+1e3\" at byte 0"),
        ("+\u{14}\u{14}\u{0}", "unreadable onset \"+\" at byte 0"),
        ("+1\u{15}-2\u{14}x\u{14}\u{0}", "unreadable duration \"-2\" at byte 3"),
        ("+1\u{14}text", "an annotation text at byte 3 is not ended by 0x14"),
        ("+1\u{14}text\u{14}", "a TAL at byte 0 is not ended by a NUL byte"),
    ])
    func malformedTALsStopWithAProblem(text: String, problem: String) {
        #expect(EDFAnnotationList(Array(text.utf8)).problem == problem)
    }

    /// What was read before the problem is kept; the decoder reports the problem as a warning.
    @Test func aMalformedTALIsAWarningAndEarlierAnnotationsAreKept() throws {
        var fixture = EDFFixture.discontinuous(onsets: [0, 1], reserved: "EDF+C")
        fixture.signals[1].tals[1] += EDFFixture.tal(1.5, ["kept"]) + Array("+2\u{14}lost".utf8)
        let decoded = try EDFDecoded(fixture.bytes())
        #expect(decoded.annotations == [RecordingAnnotation(onset: 1.5, text: "kept")])
        #expect(decoded.warnings.map(\.message) == [
            "data record 2, annotation signal 1: an annotation text at byte 21 is not ended by 0x14; the rest of its annotations were skipped",
        ])
        #expect(decoded.columns[0].count == 200)
    }

    @Test func anEDFPlusRecordWithoutTimeKeepingIsTakenAsContiguous() throws {
        var fixture = EDFFixture.discontinuous(onsets: [0, 1, 2])
        fixture.signals[1].tals[1] = []
        let decoded = try EDFDecoded(fixture.bytes())
        #expect(decoded.gaps.isEmpty)
        #expect(decoded.warnings.map(\.code) == ["record-onset-missing"])
    }
}
