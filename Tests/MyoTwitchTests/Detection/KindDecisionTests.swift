import Testing
@testable import MyoTwitch

/// `KindDecision`, the one place an event's kind is decided: each context rule, its precedence,
/// and that a finding which does not apply to the classifier's verdict changes nothing.
@Suite struct KindDecisionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let kind: EventKind
        let findings: ContextFindings
        let expected: EventKind
        let reason: String
        var testDescription: String { "\(kind) + \(findings.rawValue) → \(expected) (\(reason))" }
    }

    static let cases: [Case] = [
        // No finding: the classifier's verdict stands.
        Case(kind: .twitch, findings: [], expected: .twitch, reason: "short-spike"),
        Case(kind: .cramp, findings: [], expected: .cramp, reason: "short-spike"),
        // Rule 1 and 2, twitches.
        Case(kind: .twitch, findings: .heartbeat, expected: .artifact, reason: "heartbeat"),
        Case(kind: .twitch, findings: .nearContraction, expected: .activity, reason: "recruitment"),
        Case(kind: .twitch, findings: [.heartbeat, .nearContraction], expected: .artifact, reason: "heartbeat"),
        // Rule 3, twitches: several units' potentials; after the two before it.
        Case(kind: .twitch, findings: .multiUnit, expected: .activity, reason: "multi-unit"),
        Case(kind: .twitch, findings: [.nearContraction, .multiUnit], expected: .activity, reason: "recruitment"),
        Case(kind: .twitch, findings: [.heartbeat, .multiUnit], expected: .artifact, reason: "heartbeat"),
        Case(kind: .cramp, findings: .multiUnit, expected: .cramp, reason: "short-spike"),
        // Rule 4, twitches: in a muscle taking part in another's contraction; after the three before it.
        Case(kind: .twitch, findings: .synergistActivity, expected: .activity, reason: "synergist-activity"),
        Case(kind: .twitch, findings: [.multiUnit, .synergistActivity], expected: .activity, reason: "multi-unit"),
        Case(kind: .twitch, findings: [.heartbeat, .synergistActivity], expected: .artifact, reason: "heartbeat"),
        Case(kind: .cramp, findings: .synergistActivity, expected: .cramp, reason: "short-spike"),
        // Rule 5 and 6, cramps.
        Case(kind: .cramp, findings: .repeatedContractions, expected: .activity, reason: "repeated-contractions"),
        Case(kind: .cramp, findings: .coContraction, expected: .activity, reason: "co-contraction"),
        Case(kind: .cramp, findings: [.coContraction, .repeatedContractions], expected: .activity,
             reason: "repeated-contractions"),
        // Findings that do not apply to the verdict.
        Case(kind: .cramp, findings: [.heartbeat, .nearContraction], expected: .cramp, reason: "short-spike"),
        Case(kind: .twitch, findings: [.repeatedContractions, .coContraction], expected: .twitch, reason: "short-spike"),
        Case(kind: .activity, findings: [.heartbeat, .nearContraction, .repeatedContractions, .coContraction],
             expected: .activity, reason: "short-spike"),
        Case(kind: .artifact, findings: [.heartbeat, .coContraction], expected: .artifact, reason: "short-spike"),
    ]

    @Test(arguments: cases)
    func decides(_ c: Case) {
        let decided = KindDecision.decide(kind: c.kind, reason: "short-spike", findings: c.findings)
        #expect(decided.kind == c.expected)
        #expect(decided.reason == c.reason)
    }

    /// A candidate reports the decision, and keeps the classifier's verdict beside it.
    @Test func candidateCarriesVerdictAndFindings() {
        var c = EventClassifier.Candidate(kind: .twitch, reason: "short-spike", onset: 10, end: 20,
                                          peakIndex: 15, peakAmplitude: 1, snr: 9)
        #expect(c.kind == .twitch && c.reason == "short-spike")
        c.note(.nearContraction)
        #expect(c.kind == .activity && c.reason == "recruitment")
        #expect(c.signalKind == .twitch && c.signalReason == "short-spike")
        #expect(c.findings == .nearContraction)
    }

    /// The gates only record evidence; the decision turns it into the kind (a gate that wrote a
    /// kind of its own would bypass this table).
    @Test func rhythmGateRecordsAFinding() {
        var gate = RhythmGate(gap: 1000)
        var released: [EventClassifier.Candidate] = []
        for k in 0..<3 {
            released += gate.take(EventClassifier.Candidate(kind: .cramp, reason: "sustained", onset: k * 5_000,
                                                            end: k * 5_000 + 4_000, peakIndex: k * 5_000 + 2_000,
                                                            peakAmplitude: 30, snr: 30))
        }
        released += gate.flush()
        #expect(released.count == 3)
        #expect(released.allSatisfy { $0.signalKind == .cramp && $0.findings == .repeatedContractions })
        #expect(released.allSatisfy { $0.kind == .activity && $0.reason == "repeated-contractions" })
    }
}
