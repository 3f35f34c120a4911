/// Columns that are never a signal to analyse, whatever the sensor: other sensors of a logger or
/// board (gyroscope, magnetometer, orientation, location, force plate, …), vendor auxiliaries
/// (OpenBCI `Other`, `Analog Channel`, `Digital Channel`, `Not Used`, markers; OpenSignals digital
/// I/O) and magnitudes computed from axes (phyphox `Absolute acceleration`).
extension ColumnNames {
    /// What the column is, when it is not EMG or an accelerometer axis; nil for a signal.
    static func nonSignalKind(_ raw: String) -> String? {
        let name = normalised(raw)
        let tokens = name.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        let first = tokens.first ?? ""
        if ["i1", "i2", "o1", "o2"].contains(name) { return "digital I/O" }
        if name == "other" || name.hasPrefix("other ") || name == "not used" || name.hasPrefix("not used") { return "auxiliary" }
        if name.hasPrefix("analog channel") || name.hasPrefix("analog_") || name.hasPrefix("digital channel")
            || name.hasPrefix("digital_") { return "auxiliary" }
        if tokens.contains(where: { ["marker", "markers", "trigger", "triggers", "event", "events", "annotation", "sync", "button"].contains($0) }) {
            return "marker"
        }
        if tokens.contains(where: { ["absolute", "magnitude", "norm", "resultant"].contains($0) }) || name.hasPrefix("|") {
            return "magnitude"
        }
        if name.contains("gyro") || name.contains("angular") || name.contains("rotation rate") || name.contains("rotationrate")
            || ["gx", "gy", "gz"].contains(first) { return "gyroscope" }
        if name.contains("magnet") || name.contains("compass") || name.contains("heading")
            || tokens.contains(where: { ["mag", "magx", "magy", "magz"].contains($0) }) { return "magnetometer" }
        if ["mx", "my", "mz"].contains(name) { return "force plate or magnetometer" }
        if name.contains("quaternion") || ["qx", "qy", "qz", "qw", "roll", "pitch", "yaw", "azimuth", "euler"].contains(first)
            || name.contains("orientation") { return "orientation" }
        if ["latitude", "longitude", "altitude", "speed", "bearing", "course"].contains(where: { name.contains($0) })
            || name.contains("accuracy") { return "location" }
        if name.contains("pressure") || name.contains("baro") { return "barometer" }
        if name.hasPrefix("temp") || tokens.contains("temperature") { return "temperature" }
        if name.hasPrefix("batt") || tokens.contains("battery") { return "battery" }
        if name.hasPrefix("force") || name.hasPrefix("moment") || name.hasPrefix("torque") || ["fx", "fy", "fz", "cop", "copx", "copy"].contains(first)
            || name.hasPrefix("cop ") || name.hasPrefix("cop_") { return "force plate" }
        if ["ecg", "ekg", "eda", "gsr", "ppg", "resp", "spo2", "heart", "hr", "bvp", "light", "lux"].contains(first)
            || tokens.contains("ecg") || tokens.contains("ppg") { return "other physiological signal" }
        return nil
    }

    /// The sensor an accelerometer axis belongs to: the name with its axis letter taken out
    /// (`acc1_x` → `acc1_`, `Accel Channel 0` → `accel channel `, `ax_g` → `a_g`), so that two
    /// tri-axial sensors in one file are told apart.
    static func accelerometerGroup(_ raw: String) -> String {
        let name = normalised(raw)
        var chars = Array(name)
        // The axis: the last x/y/z standing alone or after the prefix a/acc, or a trailing digit
        // (OpenBCI `Accel Channel 0..2`).
        for k in stride(from: chars.count - 1, through: 0, by: -1) where "xyz".contains(chars[k]) {
            let before = k == 0 ? " " : chars[k - 1]
            let after = k + 1 < chars.count ? chars[k + 1] : " "
            if !(after.isLetter) && (!before.isLetter || before == "a" || name.hasPrefix("acc")) {
                chars.remove(at: k)
                return String(chars)
            }
        }
        if name.hasPrefix("accel channel") { return "accel channel" }
        return name
    }
}
