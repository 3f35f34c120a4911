import Foundation
import Testing
@testable import MyoTwitch

/// Exports laid out as the vendors' programs write them (from their documentation and public
/// example files), each quirk in a small fixture: the right columns, rate and clock, and nothing
/// that is not a signal of the analysed kind.
@Suite struct VendorLayoutTests {
    static func rows(_ count: Int, _ row: (Int) -> String) -> String {
        (0..<count).map(row).joined(separator: "\n") + "\n"
    }

    /// OpenBCI GUI v5/v6 (Cyton): the host `Timestamp` is stamped per packet (bunches of rows
    /// share one, then it jumps), so its median step says ~20 kHz; `%Sample Rate` says 250 Hz.
    static func openBCI(v6: Bool, rows count: Int = 2000) -> String {
        let aux = v6
            ? "Not Used, Digital Channel 0 (D11), Digital Channel 1 (D12), Digital Channel 2 (D13), Digital Channel 3 (D17), Not Used, Digital Channel 4 (D18), Analog Channel 0, Analog Channel 1, Analog Channel 2, Timestamp, Marker Channel, Timestamp (Formatted)"
            : "Other, Other, Other, Other, Other, Other, Other, Analog Channel 0, Analog Channel 1, Analog Channel 2, Timestamp, Other, Timestamp (Formatted)"
        let header = "%OpenBCI Raw EXG Data\n%Number of channels = 8\n%Sample Rate = 250 Hz\n%Board = OpenBCI_GUI$BoardCytonSerial\n"
            + "Sample Index, " + (0..<8).map { "EXG Channel \($0)" }.joined(separator: ", ")
            + ", Accel Channel 0, Accel Channel 1, Accel Channel 2, " + aux + "\n"
        return header + rows(count) { i in
            let stamp = 1_714_558_923.125 + Double(i / 12) * 0.048 + 0.0003 * Double(i % 5)
            let exg = (0..<8).map { String(format: "%.2f", 1000 + Double((i * ($0 + 2) + $0 * $0) % 11)) }.joined(separator: ", ")  // independent channels
            return "\(i % 256).0, \(exg), 0.012, -0.004, 0.998, 192.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 512.0, 480.0, 0.0, "
                + String(format: "%.6f", stamp) + ", 0.0, 2024-05-01 10:22:03.125"
        }
    }

    @Test(arguments: [false, true])
    func openBCIGUIHeaderRateAndEXGOnly(v6: Bool) throws {
        let d = try Decoded.decode(Self.openBCI(v6: v6), path: "OpenBCI-RAW-2024-05-01_10-22-03.txt")
        let layout = try #require(d.layout)
        #expect(layout.dialect == "openbci")
        #expect(layout.sampleRateHz == 250)
        #expect(layout.timeAxis == "header rate")
        #expect(layout.columns == (0..<8).map { "EXG Channel \($0)" })
        #expect(layout.startTime == "2024-05-01T10:22:03.125Z")
        #expect(d.gaps.isEmpty)
        #expect(d.columns[0].count == 2000)
        let note = try #require(d.warnings.first { $0.code == "columns-not-analysed" })
        #expect(note.message.contains("Accel Channel 0") && note.message.contains("--sensor accelerometer"))
        // With --sensor accelerometer: the board's three axes, nothing else.
        let acc = try Decoded.decode(Self.openBCI(v6: v6), options: DecoderOptions(sensor: .accelerometer))
        #expect(acc.layout?.columns == ["Accel Channel 0", "Accel Channel 1", "Accel Channel 2"])
        #expect(acc.layout?.sensor == .accelerometer)
    }

    /// BrainFlow `write_file` (OpenBCI GUI `BrainFlow-RAW_*.csv`): no header, tabs, the Cyton map.
    @Test func brainFlowCytonFile() throws {
        let text = Self.rows(1000) { (i: Int) -> String in
            var values: [Double] = [Double(i % 256)]
            for c in 0..<8 { values.append(10 + Double(c) + Double((i * (c + 2) + c * c) % 11)) }
            values += [0.01, 0.02, 0.98, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
            values += [1_714_558_923.0 + Double(i / 10) * 0.04, 0]
            return values.map { String(format: "%.6f", $0) }.joined(separator: "\t")
        }
        let d = try Decoded.decode(text, path: "BrainFlow-RAW_2024-05-01_10-22-03_0.csv")
        let layout = try #require(d.layout)
        #expect(layout.dialect == "brainflow")
        #expect(layout.sampleRateHz == 250)
        #expect(layout.columns == (0..<8).map { "EXG Channel \($0)" })
        #expect(d.columns[0].first == 10)  // channel 0, row 0
        #expect(layout.startTime == "2024-05-01T10:22:03.000Z")
    }

    /// OpenSignals: rows end in a tab; the JSON header's sensor list says A1 is EMG, A2 ECG.
    @Test func openSignalsTrailingTabAndSensorList() throws {
        let header = """
        # OpenSignals Text File Format
        # {"00:07:80:3B:46:61": {"sensor": ["EMG", "ECG"], "device name": "00:07:80:3B:46:61", "column": ["nSeq", "I1", "I2", "O1", "O2", "A1", "A2"], "sync interval": 2, "time": "10:22:3.125", "comments": "", "device connection": "BTH00:07:80:3B:46:61", "channels": [1, 2], "date": "2024-5-1", "mode": 0, "digital IO": [0, 0, 1, 1], "firmware version": 52, "device": "bitalino_rev", "position": 0, "sampling rate": 1000, "label": ["A1", "A2"], "resolution": [4, 1, 1, 1, 1, 10, 10], "special": [{}, {}]}}
        # EndOfHeader

        """
        let d = try Decoded.decode(header + Self.rows(1500) { "\($0 % 16)\t0\t1\t0\t1\t\(510 + $0 % 5)\t\(500 + $0 % 3)\t" })
        let layout = try #require(d.layout)
        #expect(layout.dialect == "opensignals")
        #expect(layout.sampleRateHz == 1000)
        #expect(layout.columns == ["A1"])
        #expect(d.columns[0].prefix(2) == [510, 511])
        let note = try #require(d.warnings.first { $0.code == "columns-not-analysed" })
        #expect(note.message.contains("A2 (ECG sensor)") && note.message.contains("I1"))
    }

    /// Delsys EMGworks in a European locale: `;`, decimal comma, `Label:` lines with the rate.
    @Test func delsysEuropeanLocale() throws {
        let rate = 1925.9259
        let header = "Application: EMGworks Analysis\nDate: 01.05.2024 10:22:03\n"
            + "Label: EMG 1;Sampling frequency: 1925,9259;Number of points: 3000;start: 0;Unit: Volts;Domain Unit: s\n"
            + "Label: EMG 2;Sampling frequency: 1925,9259;Number of points: 3000;start: 0;Unit: Volts;Domain Unit: s\n\n"
            + "X [s];EMG 1 [V];X [s];EMG 2 [V]\n"
        let text = header + Self.rows(3000) { i in
            let t = String(format: "%.6f", Double(i) / rate).replacingOccurrences(of: ".", with: ",")
            return "\(t);0,0000\(i % 9)1;\(t);-0,0000\(i % 7)2"
        }
        let d = try Decoded.decode(text)
        let layout = try #require(d.layout)
        #expect(layout.dialect == "delsys")
        #expect(abs(layout.sampleRateHz - rate) < 1e-6)
        #expect(layout.columns == ["EMG 1 [V]", "EMG 2 [V]"])
        #expect(layout.units == ["V", "V"])
        #expect(d.columns[0].first == 0.000001)
        #expect(d.gaps.isEmpty)
    }

    /// phyphox "Acceleration with g": the magnitude column is not a fourth axis.
    @Test func phyphoxMagnitudeIsNotAnAxis() throws {
        let text = "\"Time (s)\",\"Acceleration x (m/s^2)\",\"Acceleration y (m/s^2)\",\"Acceleration z (m/s^2)\",\"Absolute acceleration (m/s^2)\"\n"
            + Self.rows(500) { String(format: "%.9E,%.9E,%.9E,%.9E,%.9E", Double($0) * 0.01, 0.1, 0.2, 9.8, 9.803) }
        let d = try Decoded.decode(text)
        #expect(d.layout?.sensor == .accelerometer)
        #expect(d.layout?.columns == ["Acceleration x (m/s^2)", "Acceleration y (m/s^2)", "Acceleration z (m/s^2)"])
        #expect(d.layout?.sampleRateHz == 100)
    }

    static let sensorLogger = "time,seconds_elapsed,z,y,x\n"
        + rows(500) { "\(1_714_558_923_125_000_000 + $0 * 10_000_000),\(String(format: "%.2f", Double($0) * 0.01)),9.8,0.1,-0.2" }

    /// Sensor Logger: each sensor file by its name; the gyroscope has the accelerometer's columns.
    @Test(arguments: [("Accelerometer.csv", true), ("TotalAcceleration.csv", true), ("Gyroscope.csv", false),
                      ("Magnetometer.csv", false), ("Gravity.csv", false)])
    func sensorLoggerFilesByName(name: String, analysed: Bool) throws {
        if analysed {
            let d = try Decoded.decode(Self.sensorLogger, path: "export/\(name)")
            #expect(d.layout?.sensor == .accelerometer)
            #expect(d.layout?.sampleRateHz == 100)
            #expect(d.layout?.startTime == "2024-05-01T10:22:03.125Z")
        } else {
            #expect(throws: InputError.self) { try Decoded.decode(Self.sensorLogger, path: "export/\(name)") }
            #expect(SensorLoggerExport.skipReason(fileName: "export/\(name)")?.contains("not analysed") == true)
        }
    }

    @Test func sensorLoggerLocationIsNotEMG() throws {
        let text = "time,seconds_elapsed,bearingAccuracy,speedAccuracy,verticalAccuracy,horizontalAccuracy,speed,bearing,altitude,longitude,latitude\n"
            + Self.rows(20) { "\(1_714_558_923_000_000_000 + $0 * 1_000_000_000),\($0),0,0,1,3,0.5,90,100,13.4,52.5" }
        let error = #expect(throws: InputError.self) { try Decoded.decode(text, path: "renamed.csv") }
        #expect(error?.message.contains("location") == true)
    }

    /// Shimmer with accelerometer, gyroscope and magnetometer: only the accelerometer is analysed.
    @Test func shimmerIMUColumns() throws {
        let names = ["Timestamp_Unix_CAL", "Accel_LN_X_CAL", "Accel_LN_Y_CAL", "Accel_LN_Z_CAL",
                     "Gyro_X_CAL", "Gyro_Y_CAL", "Gyro_Z_CAL", "Mag_X_CAL", "Mag_Y_CAL", "Mag_Z_CAL"].map { "Shimmer_5E4B_\($0)" }
        let text = "\"sep=\t\"\n" + names.joined(separator: "\t") + "\t\nms\tm/(s^2)\tm/(s^2)\tm/(s^2)\tdeg/s\tdeg/s\tdeg/s\tlocal_flux\tlocal_flux\tlocal_flux\t\n"
            + Self.rows(1024) { i in "\(1_714_558_923_125 + Int(Double(i) * 1000 / 512))\t0.1\t0.2\t9.7\t1\t2\t3\t0.4\t0.5\t0.6\t" }
        let d = try Decoded.decode(text)
        let layout = try #require(d.layout)
        #expect(layout.sensor == .accelerometer)
        #expect(layout.columns == Array(names[1...3]))
        #expect(layout.sampleRateHz == 512)
        #expect(layout.startTime == "2024-05-01T10:22:03.125Z")
        #expect(d.warnings.contains { $0.code == "columns-not-analysed" && $0.message.contains("gyroscope") })
    }

    /// Force-plate cells beside an accelerometer are never analysed as EMG.
    @Test func forcePlateCellsAreNotEMG() throws {
        let text = "time,Fx,Fy,Fz,Mx,My,Mz,acc_x,acc_y,acc_z\n" + Self.rows(600) { String(format: "%.3f", Double($0) / 200) + ",1,2,700,3,4,5,0.01,0.02,1.0" }
        let d = try Decoded.decode(text)
        #expect(d.layout?.sensor == .accelerometer)
        #expect(d.layout?.columns == ["acc_x", "acc_y", "acc_z"])
        #expect(d.warnings.contains { $0.message.contains("force plate") })
    }

    /// Two tri-axial accelerometers: the first is analysed, the user is told how to get the second.
    @Test func twoAccelerometersAreNotSummed() throws {
        let text = "time,acc1_x,acc1_y,acc1_z,acc2_x,acc2_y,acc2_z\n" + Self.rows(600) { String(format: "%.3f", Double($0) / 100) + ",0,0,1,0.5,0.5,0.7" }
        let d = try Decoded.decode(text)
        #expect(d.layout?.columns == ["acc1_x", "acc1_y", "acc1_z"])
        #expect(d.warnings.contains { $0.message.contains("--channels acc2_x,acc2_y,acc2_z") })
        let second = try Decoded.decode(text, options: DecoderOptions(channels: ["acc2_x", "ACC2_Y", "acc2_z"]))
        #expect(second.layout?.columns == ["acc2_x", "acc2_y", "acc2_z"])
        #expect(second.layout?.sensor == .accelerometer)
        #expect(second.columns[0].first == 0.5)
    }

    @Test func channelsSelectsByNameAndRejectsUnknownNames() throws {
        let text = "time,emg1,emg2,emg3\n" + Self.rows(100) { String(format: "%.3f", Double($0) / 1000) + ",1,2,3" }
        let d = try Decoded.decode(text, options: DecoderOptions(channels: ["emg3", "emg1"]))
        #expect(d.layout?.columns == ["emg1", "emg3"])
        #expect(d.columns.map(\.first) == [1, 3])
        let error = #expect(throws: InputError.self) { try Decoded.decode(text, options: DecoderOptions(channels: ["emg4"])) }
        #expect(error?.message.contains("emg4") == true && error?.message.contains("emg1, emg2, emg3") == true)
    }

    /// A malformed first data row is a malformed row like any other, never a dropped channel.
    @Test(arguments: ["abc", "", "1.2.3", "x"])
    func aMalformedFirstRowIsAMalformedRow(cell: String) throws {
        let text = "time,emg1,emg2\n0.000,1.5,\(cell)\n" + Self.rows(100) { String(format: "%.3f", Double($0 + 1) / 1000) + ",1,2" }
        let error = #expect(throws: InputError.self) { try Decoded.decode(text) }
        #expect(error?.line == 2 && error?.column == 3)
        let lenient = try Decoded.decode(text, options: DecoderOptions(strict: false))
        #expect(lenient.layout?.columns == ["emg1", "emg2"])
        #expect(lenient.columns[1].count == 100)
        #expect(lenient.warnings.contains { $0.code == "malformed-row" && $0.line == 2 })
    }

    /// Absolute stamps give the start time: zoned ISO 8601 and epoch seconds.
    @Test(arguments: [("time\n2024-05-01T12:22:03.125+02:00", "2024-05-01T10:22:03.125Z"),
                      ("timestamp\n1714558923.125", "2024-05-01T10:22:03.125Z"),
                      ("time_s\n0.000", nil)])
    func startTimeFromAbsoluteStamps(first: String, expected: String?) throws {
        let lines = first.split(separator: "\n").map(String.init)
        let text = "\(lines[0]),emg\n\(lines[1]),1\n" + Self.rows(50) { _ in "" }.replacingOccurrences(of: "\n", with: "")
        let d = try Decoded.decode(text, options: DecoderOptions(sampleRateHz: 1000))
        #expect(d.layout?.startTime == expected)
    }
}
