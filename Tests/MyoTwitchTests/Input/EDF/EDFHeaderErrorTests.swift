import Testing
@testable import MyoTwitch

/// Every kind of malformed header field is a clear `InputError` (never a crash or a guess).
@Suite struct EDFHeaderErrorTests {
    /// A valid 2-signal EDF+C file, changed by `change`.
    static func broken(_ change: (inout EDFFixture) -> Void) -> [UInt8] {
        var fixture = EDFFixture.twoEMGWithAnnotations(records: 1)
        change(&fixture)
        return fixture.bytes()
    }

    static let cases: [(String, @Sendable (inout EDFFixture) -> Void, String)] = [
        ("version", { $0.version = "1" },
         "not an EDF or BDF file: the version field is \"1\", expected \"0\" (EDF) or 0xFF \"BIOSEMI\" (BDF)"),
        ("signal count", { $0.signalCountField = "abc" },
         "EDF header: field 'number of signals' is not a whole number: \"abc\""),
        ("no signals", { $0.signalCountField = "0" },
         "EDF header: the number of signals is 0; the file holds nothing to read"),
        ("too many signals", { $0.signalCountField = "5000" },
         "EDF header: 5000 signals announced, more than the 4096 this reader accepts; the header is probably corrupt"),
        ("header size", { $0.headerBytesField = "1k" },
         "EDF header: field 'number of bytes in header' is not a whole number: \"1k\""),
        ("header size vs signals", { $0.headerBytesField = "512" },
         "EDF header: the header size field says 512 bytes, but 3 signals need 256 × (3 + 1) = 1024 bytes"),
        ("record count", { $0.recordCountField = "many" },
         "EDF header: field 'number of data records' is not a whole number ≥ -1: \"many\""),
        ("negative record count", { $0.recordCountField = "-2" },
         "EDF header: field 'number of data records' is not a whole number ≥ -1: \"-2\""),
        ("duration", { $0.recordDuration = "1 s" },
         "EDF header: field 'duration of a data record' is not a number of seconds ≥ 0: \"1 s\""),
        ("zero duration", { $0.recordDuration = "0" },
         "EDF header: the duration of a data record is 0 s, so the signals have no sample rate"),
        ("implausible rate", { $0.recordDuration = "1e-9" },
         "EDF header: 1000 samples per 1e-09 s data record is 999999999999.9999 Hz, above the 1000000 Hz this tool analyses; the record duration is probably corrupt"),
        ("physical minimum", { $0.signals[1].physicalMinimum = "abc" },
         "EDF header: field 'physical minimum' of signal 2 (\"EMG2\") is not a number: \"abc\""),
        ("physical maximum", { $0.signals[0].physicalMaximum = "1e999" },
         "EDF header: field 'physical maximum' of signal 1 (\"EMG1\") is not a number: \"1e999\""),
        ("digital minimum", { $0.signals[0].digitalMinimum = "-32768.5" },
         "EDF header: field 'digital minimum' of signal 1 (\"EMG1\") is not a whole number: \"-32768.5\""),
        ("digital maximum", { $0.signals[1].digitalMaximum = "" },
         "EDF header: field 'digital maximum' of signal 2 (\"EMG2\") is not a number: \"\""),
        ("samples per record", { $0.signals[0].samplesPerRecord = "0" },
         "EDF header: field 'number of samples in each data record' of signal 1 (\"EMG1\") is not a whole number from 1 to 10000000: \"0\""),
        ("samples per record too many", { $0.signals[1].samplesPerRecord = "20000000" },
         "EDF header: field 'number of samples in each data record' of signal 2 (\"EMG2\") is not a whole number from 1 to 10000000: \"20000000\""),
        ("annotation samples per record", { $0.signals[2].samplesPerRecord = "x" },
         "EDF header: field 'number of samples in each data record' of signal 3 (\"EDF Annotations\") is not a whole number from 1 to 10000000: \"x\""),
        ("digital range", { $0.signals[1].digitalMaximum = "-2048" },
         "EDF header: signal 2 (\"EMG2\") has digital minimum = digital maximum = -2048, so its values cannot be scaled"),
        ("physical range", { $0.signals[0].physicalMaximum = "-3276.8" },
         "EDF header: signal 1 (\"EMG1\") has physical minimum = physical maximum = -3276.8, so its values cannot be scaled"),
        ("only annotations", { $0.signals.removeFirst(2) },
         "EDF: the file holds only annotations, no signal to analyse"),
    ]

    @Test(arguments: 0..<cases.count)
    func malformedFieldIsAClearError(index: Int) throws {
        let (name, change, message) = Self.cases[index]
        let bytes = Self.broken(change)
        for chunk in [nil, 1] as [Int?] {
            let error = try #require(throws: InputError.self, "\(name)") {
                try EDFDecoded(bytes, chunk: chunk, path: "broken.edf")
            }
            #expect(error == InputError(path: "broken.edf", line: 0, column: 0, message: message), "\(name)")
        }
    }

    /// A degenerate range on a signal that is not read does not stop the others being read.
    @Test func aBrokenRangeOnASkippedSignalIsNoError() throws {
        let bytes = Self.broken { $0.signals[1].digitalMaximum = "-2048" }
        let decoded = try EDFDecoded(bytes, options: DecoderOptions(channels: ["EMG1"]))
        #expect(decoded.layout?.columns == ["EMG1"])
    }

    @Test(arguments: [0, 100, 256, 700])
    func anInputEndingInsideTheHeaderIsAnError(length: Int) throws {
        let bytes = Array(EDFFixture.twoEMGWithAnnotations().bytes().prefix(length))
        let error = try #require(throws: InputError.self) { try EDFDecoded(bytes, chunk: 64) }
        let size = length < 256 ? 256 : 1024
        #expect(error.message == "EDF header: the input ends after \(length) bytes, inside the \(size)-byte header")
    }

    @Test(arguments: [
        ("  -3276.8", -3276.8), ("1e3", 1000), ("+5", 5), ("3276,7", 3276.7), ("007", 7),
        ("-.5", -0.5), ("0x10", nil), ("nan", nil), ("inf", nil), ("", nil), ("1.2.3", nil),
        ("1,000.5", nil), ("12 34", nil),
    ] as [(String, Double?)])
    func headerNumbersAreReadAsWritersWriteThem(text: String, value: Double?) {
        #expect(EDFHeader.number(text) == value)
    }

    /// Fields padded in unusual ways still read: numbers with leading spaces, a decimal comma,
    /// an exponent, and a latin-1 `µ` in the unit.
    @Test func unusualButReadableFieldsAreAccepted() throws {
        var fixture = EDFFixture.twoEMGWithAnnotations(records: 1)
        fixture.recordDuration = " 1e0"
        fixture.signals[0].physicalMinimum = " -3276,8"
        fixture.signals[0].samplesPerRecord = "1000.0"
        var bytes = fixture.bytes()
        // The first signal's unit field: after the fixed part, 3 labels and 3 transducers.
        let unit = 256 + 3 * 16 + 3 * 80
        bytes[unit] = 0xB5
        bytes[unit + 1] = UInt8(ascii: "V")
        let decoded = try EDFDecoded(bytes)
        #expect(decoded.layout?.units == ["uV", "mV"])
        #expect(decoded.layout?.sampleRateHz == 1000)
        let same = decoded.columns[0] == fixture.signals[0].digital.map { EDFFixture.physical($0) }
        #expect(same)
    }
}
