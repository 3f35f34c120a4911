import Foundation
import Testing
@testable import MyoTwitch

@Suite struct SimulatedCSVTests {
    @Test(arguments: [(200.0, "0.005"), (400, "0.0025"), (1000, "0.001"), (10000, "0.0001"), (300, "0.003333333")])
    func timeStampsAreExact(rate: Double, second: String) {
        let recording = Simulator.generate(SimulationScenario(sampleRateHz: rate, durationSeconds: 1, seed: 5))
        let lines = String(decoding: recording.csvData(), as: UTF8.self).split(separator: "\n")
        #expect(lines[0] == "time,emg_mV")
        #expect(lines.count == recording.sampleCount + 1)
        #expect(lines[2].split(separator: ",")[0] == second)
    }

    @Test func valuesRoundTripWithinTheWrittenPrecision() throws {
        let recording = Simulator.generate(SimulationScenario(durationSeconds: 2, channelCount: 3, unit: .volts, seed: 6))
        let lines = String(decoding: recording.csvData(), as: UTF8.self).split(separator: "\n").dropFirst()
        for (i, line) in lines.enumerated() where i % 97 == 0 {
            let cells = line.split(separator: ",")
            #expect(cells.count == 4)
            for c in 0..<3 {
                let value = try #require(Double(cells[c + 1]))
                let step = pow(10, -Double(recording.decimals[c]))
                #expect(abs(value - recording.samples[c][i]) <= step / 2 * 1.000001)
            }
        }
        #expect(recording.decimals.allSatisfy { $0 >= 7 })  // V: noise of µV needs ≥ 7 places
    }

    @Test(arguments: [(0.0, 3, "0.000"), (-0.0004, 3, "0.000"), (-1.25, 2, "-1.25"), (1234.5, 0, "1235"),
                      (0.000123, 6, "0.000123"), (100, 1, "100.0")])
    func fixedPointFormatting(value: Double, decimals: Int, expected: String) {
        let power = SimulatedRecording.power10(decimals)
        let units = UInt64((abs(value) * Double(power)).rounded())
        var bytes = [UInt8](repeating: 0, count: 64)
        let n = bytes.withUnsafeMutableBufferPointer {
            SimulatedRecording.writeFixed(units: units, power: power, decimals: decimals,
                                          negative: value < 0 && units > 0, to: $0.baseAddress!)
        }
        #expect(String(decoding: bytes[0..<n], as: UTF8.self) == expected)
    }
}
