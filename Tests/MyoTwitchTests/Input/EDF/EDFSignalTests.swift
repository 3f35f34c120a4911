import Testing
@testable import MyoTwitch

@Suite struct EDFSignalTests {
    static func signal(_ label: String, transducer: String = "", unit: String = "uV") -> EDFSignal {
        EDFSignal(number: 1, label: label, transducer: transducer, dimension: unit, physicalMinimum: -1,
                  physicalMaximum: 1, digitalMinimum: -1, digitalMaximum: 1, prefiltering: "",
                  samplesPerRecord: 1, isAnnotation: false)
    }

    @Test(arguments: [
        ("uV", "uV"), ("µV", "uV"), ("μV", "uV"), ("UV", "uV"), ("mV", "mV"), ("V", "V"),
        ("g", "g"), ("m/s^2", "m/s^2"), ("m/s2", "m/s^2"), ("m/s²", "m/s^2"), ("%", nil), ("", nil),
        ("degC", nil),
    ] as [(String, String?)])
    func unitsAreNormalised(unit: String, normalised: String?) {
        #expect(Self.signal("EMG", unit: unit).normalizedUnit == normalised)
    }

    @Test(arguments: [
        ("Acc X", "", "mV", true), ("ACCEL_Z", "", "", true), ("x", "", "", true), ("EMG Y", "", "uV", true),
        ("Wrist", "3-axis accelerometer", "", true), ("Chin", "", "g", true),
        ("EMG1", "AgAgCl electrode", "uV", false), ("Tib ant L", "", "uV", false), ("Axilla", "", "uV", false),
    ])
    func accelerometerAxesAreRecognised(label: String, transducer: String, unit: String, accelerometer: Bool) {
        #expect(Self.signal(label, transducer: transducer, unit: unit).looksLikeAccelerometer == accelerometer)
    }

    @Test func theLayoutSensorFollowsTheSignalsUnlessGiven() throws {
        let axes = ["Acc X", "Acc Y", "Acc Z"].enumerated().map { i, label in
            var s = EDFFixture.Signal(label: label, samplesPerRecord: 50, digital: Array(repeating: i, count: 50))
            s.dimension = "m/s^2"
            return s
        }
        let accelerometer = EDFFixture(reserved: "", records: 1, signals: axes).bytes()
        #expect(try EDFDecoded(accelerometer).layout?.sensor == .accelerometer)
        #expect(try EDFDecoded(accelerometer).layout?.units == ["m/s^2", "m/s^2", "m/s^2"])
        #expect(try EDFDecoded(accelerometer, options: DecoderOptions(sensor: .emg)).layout?.sensor == .emg)

        let mixed = EDFFixture(reserved: "", records: 1,
                               signals: [EDFFixture.Signal(label: "EMG", samplesPerRecord: 50)] + axes).bytes()
        let decoded = try EDFDecoded(mixed)
        #expect(decoded.layout?.sensor == .emg)
        #expect(decoded.warnings.map(\.code) == ["mixed-sensors"])
    }

    @Test func repeatedAndBlankLabelsBecomeDistinctColumnNames() throws {
        let fixture = EDFFixture(reserved: "", records: 1, signals: [
            EDFFixture.Signal(label: "EMG", samplesPerRecord: 10),
            EDFFixture.Signal(label: "", samplesPerRecord: 10),
            EDFFixture.Signal(label: "EMG", samplesPerRecord: 10),
        ])
        #expect(try EDFDecoded(fixture.bytes()).layout?.columns == ["EMG #1", "signal 2", "EMG #3"])
    }

    @Test func aGivenRateIsNotUsedButNamed() throws {
        let decoded = try EDFDecoded(EDFFixture.twoEMGWithAnnotations(records: 1).bytes(),
                                     options: DecoderOptions(sampleRateHz: 2000))
        #expect(decoded.layout?.sampleRateHz == 1000)
        #expect(decoded.warnings.map(\.message) == [
            "the EDF header gives 1000 Hz (1000 samples per 1 s record); the given rate 2000 Hz is not used",
        ])
    }
}
