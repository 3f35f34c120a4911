import Foundation
import Testing
@testable import MyoTwitch

/// Small fixtures written from the format descriptions in DOMAIN.md, one per export people have.
@Suite struct DialectTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var text: String
        var latin1 = false
        var dialect: String
        var sensor: SensorKind
        var columns: [String]
        var units: [String?]
        var rate: Double
        var first: [Double]
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "phyphox, semicolon and decimal comma",
             text: "\"Time (s)\";\"Acceleration x (m/s^2)\";\"Acceleration y (m/s^2)\";\"Acceleration z (m/s^2)\"\n"
                 + (0..<50).map { "\(String(format: "%.3f", Double($0) * 0.01).replacingOccurrences(of: ".", with: ","));0,12;-0,5;9,81" }.joined(separator: "\n"),
             dialect: "phyphox", sensor: .accelerometer,
             columns: ["Acceleration x (m/s^2)", "Acceleration y (m/s^2)", "Acceleration z (m/s^2)"],
             units: ["m/s^2", "m/s^2", "m/s^2"], rate: 100, first: [0.12, -0.5, 9.81]),
        Case(name: "phyphox, tab",
             text: "\"Time (s)\"\t\"Acceleration x (m/s^2)\"\t\"Acceleration y (m/s^2)\"\t\"Acceleration z (m/s^2)\"\n"
                 + (0..<50).map { "\(String(format: "%.4f", Double($0) * 0.005))\t0.1\t0.2\t9.7" }.joined(separator: "\n"),
             dialect: "phyphox", sensor: .accelerometer,
             columns: ["Acceleration x (m/s^2)", "Acceleration y (m/s^2)", "Acceleration z (m/s^2)"],
             units: ["m/s^2", "m/s^2", "m/s^2"], rate: 200, first: [0.1, 0.2, 9.7]),
        Case(name: "short axis names with units",
             text: "time,ax_ms2,ay_ms2,az_ms2\n" + (0..<50).map { "\(String(format: "%.2f", Double($0) * 0.01)),0.1,0.2,9.8" }.joined(separator: "\n"),
             dialect: "plain", sensor: .accelerometer, columns: ["ax_ms2", "ay_ms2", "az_ms2"],
             units: ["m/s^2", "m/s^2", "m/s^2"], rate: 100, first: [0.1, 0.2, 9.8]),
        Case(name: "Sensor Logger",
             text: "time,seconds_elapsed,z,y,x\n"
                 + (0..<50).map { "\(1_698_765_432_000_000_000 + $0 * 10_000_000),\(String(format: "%.2f", Double($0) * 0.01)),9.8,0.1,-0.2" }.joined(separator: "\n"),
             dialect: "sensor-logger", sensor: .accelerometer, columns: ["z", "y", "x"],
             units: [nil, nil, nil], rate: 100, first: [9.8, 0.1, -0.2]),
        Case(name: "OpenBCI",
             text: """
             %OpenBCI Raw EXG Data
             %Number of channels = 2
             %Sample Rate = 250 Hz
             %Board = OpenBCI_GUI$BoardCytonSerial
             Sample Index, EXG Channel 0, EXG Channel 1, Accel Channel 0, Accel Channel 1, Accel Channel 2, Timestamp, Timestamp (Formatted)

             """ + (0..<60).map { "\($0 % 256), 12.5, -3.25, 0.0, 0.0, 0.0, \(String(format: "%.6f", 1_700_000_000.0 + Double($0) * 0.004 + ($0 % 3 == 0 ? 0.0005 : 0))), 2023-11-14 22:13:20.000" }.joined(separator: "\n"),
             dialect: "openbci", sensor: .emg, columns: ["EXG Channel 0", "EXG Channel 1"],
             units: [nil, nil], rate: 250, first: [12.5, -3.25]),
        Case(name: "Shimmer",
             text: "sep=,\nShimmer_ABCD_Timestamp_Unix_CAL,Shimmer_ABCD_EMG_CH1_24BIT_CAL,Shimmer_ABCD_EMG_CH2_24BIT_CAL,\nms,mV,mV,\n"
                 + (0..<50).map { "\(1_700_000_000_000 + $0 * 2),0.\(100 + $0),-0.05," }.joined(separator: "\n"),
             dialect: "shimmer", sensor: .emg,
             columns: ["Shimmer_ABCD_EMG_CH1_24BIT_CAL", "Shimmer_ABCD_EMG_CH2_24BIT_CAL"],
             units: ["mV", "mV"], rate: 500, first: [0.1, -0.05]),
        Case(name: "Delsys, Latin-1 preamble and per-channel time columns",
             text: "Application: EMGworks\nDate: 01/02/2024\nLabel: EMG 1 Sampling frequency: 1000\n\nX [s],EMG 1 [V],X [s],EMG 2 [V]\n"
                 + (0..<50).map { "\(String(format: "%.3f", Double($0) * 0.001)),0.00001,\(String(format: "%.3f", Double($0) * 0.001)),-0.00002" }.joined(separator: "\n"),
             latin1: true, dialect: "delsys", sensor: .emg, columns: ["EMG 1 [V]", "EMG 2 [V]"],
             units: ["V", "V"], rate: 1000, first: [0.00001, -0.00002]),
        Case(name: "OpenSignals (BITalino)",
             text: """
             # OpenSignals Text File Format
             # {"00:07:80:0F:30:26": {"sensor": ["EMG"], "device name": "00:07:80:0F:30:26", "column": ["nSeq", "I1", "I2", "O1", "O2", "A1"], "sync interval": 2, "time": "10:38:54.360", "comments": "", "device connection": "BTH00:07:80:0F:30:26", "channels": [1], "date": "2024-1-3", "mode": 0, "digital IO": [0, 0, 1, 1], "firmware version": 52, "device": "bitalino_rev", "position": 0, "sampling rate": 1000, "label": ["A1"], "resolution": [4, 1, 1, 1, 1, 10], "special": [{}, {}, {}, {}, {}, {}]}}
             # EndOfHeader

             """ + (0..<50).map { "\($0 % 16)\t0\t0\t0\t0\t\(512 + $0 % 3)" }.joined(separator: "\n"),
             dialect: "opensignals", sensor: .emg, columns: ["A1"],
             units: [nil], rate: 1000, first: [512]),
    ]

    @Test(arguments: cases)
    func readsTheRightChannelsRateUnitsAndValues(c: Case) throws {
        let bytes: [UInt8] = c.latin1
            ? Array((c.text.replacingOccurrences(of: "EMGworks", with: "EMGworks \u{B5}V")).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
            : Array(c.text.utf8)
        for chunk in [nil, 7] as [Int?] {
            let d = try Decoded.decode(bytes, chunk: chunk)
            let layout = try #require(d.layout)
            #expect(layout.dialect == c.dialect)
            #expect(layout.sensor == c.sensor)
            #expect(layout.columns == c.columns)
            #expect(layout.units == c.units)
            #expect(abs(layout.sampleRateHz - c.rate) < 1e-9 * c.rate)
            #expect(d.columns.map { $0.first ?? .nan } == c.first)
            #expect(d.gaps.isEmpty)
        }
    }
}
