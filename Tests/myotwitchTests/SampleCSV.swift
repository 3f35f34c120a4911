import Foundation

/// Small CSV recordings written by the tests themselves (deterministic).
enum SampleCSV {
    /// `seconds` of 1 kHz single-channel EMG (`time,emg_mV`): Gaussian-ish noise of RMS ≈ 0.01
    /// and biphasic twitches of peak 0.15 at `twitches` (seconds).
    static func emg(seconds: Double, twitches: [Double], rate: Double = 1000, seed: UInt64 = 1) -> String {
        var state = seed &* 0x9E3779B97F4A7C15 | 1
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var out = "time,emg_mV\n"
        let n = Int(seconds * rate)
        out.reserveCapacity(n * 20)
        for i in 0..<n {
            let t = Double(i) / rate
            var x = 0.0
            for _ in 0..<4 { x += uniform() - 0.5 }
            x *= 0.01 * 1.732
            for t0 in twitches where t >= t0 && t < t0 + 0.012 {
                let sigma = 0.002, u = t - (t0 + 0.006)
                x += 0.15 / (exp(-0.5) / sigma) * (-u / (sigma * sigma)) * exp(-u * u / (2 * sigma * sigma))
            }
            out += String(format: "%.3f,%.6f\n", t, x)
        }
        return out
    }

    static func write(_ text: String, named name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }
}
