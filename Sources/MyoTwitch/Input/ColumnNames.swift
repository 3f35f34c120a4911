/// Reading meaning from column names: time columns and their units, sample counters, signal units
/// and accelerometer axes.
enum ColumnNames {
    /// A name reduced for matching: lower case, quotes and surrounding spaces removed.
    static func normalised(_ name: String) -> String {
        name.lowercased().trimmingCharacters(in: " \t\"'")
    }

    /// The time columns we know, best first, with the seconds per unit their name implies (nil:
    /// decide from the values' magnitude). `seconds_elapsed` beats `time` because Sensor Logger
    /// writes both, `time` in epoch nanoseconds.
    static func timeRank(_ raw: String) -> (rank: Int, scale: Double?)? {
        let name = normalised(raw)
        let exact: [String: (Int, Double?)] = [
            "seconds_elapsed": (0, 1), "elapsed": (1, nil), "time_s": (1, 1), "time (s)": (1, 1),
            "time[s]": (1, 1), "time [s]": (1, 1), "t": (2, nil), "t (s)": (1, 1), "time": (2, nil),
            "time_ms": (1, 1e-3), "time (ms)": (1, 1e-3), "time [ms]": (1, 1e-3),
            "timestamp_ms": (2, 1e-3), "time_us": (1, 1e-6), "time_ns": (1, 1e-9),
            "timestamp": (3, nil), "timestamp_ns": (2, 1e-9), "timestamp_s": (2, 1),
            "x [s]": (2, 1), "x[s]": (2, 1), "elapsed time": (1, nil), "elapsed_time": (1, nil),
        ]
        if let hit = exact[name] { return (hit.0, hit.1) }
        if name.hasPrefix("time") || name.hasSuffix("[s]") || name.contains("timestamp") {
            if name.contains("formatted") { return nil }
            return (4, unitScale(of: name))
        }
        return nil
    }

    /// Seconds per unit from a unit written in a name, e.g. `time (ms)` or `stamp_us`.
    static func unitScale(of name: String) -> Double? {
        for (token, scale) in [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1.0)] {
            if name.hasSuffix("_\(token)") || name.contains("(\(token))") || name.contains("[\(token)]")
                || name.hasSuffix(" \(token)") {
                return scale
            }
        }
        return nil
    }

    /// Counters and indices that are not signals (OpenBCI `Sample Index`, OpenSignals `nSeq`).
    static func isCounter(_ raw: String) -> Bool {
        let name = normalised(raw)
        return ["sample", "sample index", "sample_index", "sampleindex", "index", "nseq", "seq",
                "counter", "packet", "sample number", "sample_number", "#"].contains(name)
    }

    /// The unit a column name states, normalised to `V`, `mV`, `uV`, `adc`, `g` or `m/s^2`.
    static func unit(in raw: String) -> String? {
        let name = raw.trimmingCharacters(in: " \t\"'")
        let lower = name.lowercased()
        let tokens = lower.split(whereSeparator: { " _()[]{},:;".contains($0) }).map(String.init)
        let original = name.split(whereSeparator: { " _()[]{},:;".contains($0) }).map(String.init)
        if lower.contains("m/s^2") || lower.contains("m/s²") || lower.contains("m/(s^2)")
            || tokens.contains("ms2") || tokens.contains("mps2") {
            return "m/s^2"
        }
        if tokens.contains("uv") || tokens.contains("µv") || lower.contains("µv") { return "uV" }
        if tokens.contains("mv") { return "mV" }
        if original.contains("V") || tokens.last == "v" && tokens.count > 1 { return "V" }
        if tokens.contains("adc") || tokens.contains("counts") || tokens.contains("raw") { return "adc" }
        if tokens.last == "g" && tokens.count > 1 || lower.contains("(g)") || lower.contains("[g]") { return "g" }
        return nil
    }

    /// Whether a column name says accelerometer.
    static func isAcceleration(_ raw: String) -> Bool {
        let name = normalised(raw)
        let tokens = name.split(whereSeparator: { " _()[]{},:;-/".contains($0) }).map(String.init)
        if ["x", "y", "z", "ax", "ay", "az", "accx", "accy", "accz"].contains(name) { return true }
        // `ax_ms2`, `ay_g`, `az (m/s^2)`: an axis letter pair followed by a unit.
        if let first = tokens.first, ["ax", "ay", "az"].contains(first), tokens.count >= 2 { return true }
        if name.hasPrefix("acc") || name.contains("accel") || name.contains("acceleration") { return true }
        return tokens.contains { $0.hasPrefix("acc") || $0 == "accel" }
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
