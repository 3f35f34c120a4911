/// The files of a Sensor Logger (Kelvin Choi's phone app) export: one CSV per sensor, each with
/// `time` (epoch ns), `seconds_elapsed` and the sensor's columns. Gyroscope and accelerometer
/// files have the same columns (`z, y, x`), so only the file name tells them apart.
public enum SensorLoggerExport {
    /// The files whose samples are analysed (as an accelerometer): `Accelerometer.csv` (gravity
    /// removed) and `TotalAcceleration.csv` (gravity included).
    public static let analysedFiles: Set<String> = ["accelerometer", "totalacceleration", "accelerometeruncalibrated"]

    /// Sensor files that hold something else, by base name (lower case), and what.
    static let otherFiles: [String: String] = [
        "gyroscope": "gyroscope", "gyroscopeuncalibrated": "gyroscope", "gravity": "gravity vector",
        "magnetometer": "magnetometer", "magnetometeruncalibrated": "magnetometer", "orientation": "orientation",
        "location": "location", "barometer": "barometer", "compass": "compass heading", "pedometer": "step counts",
        "battery": "battery level", "brightness": "screen brightness", "microphone": "microphone level",
        "metadata": "export metadata", "annotation": "annotations", "heartrate": "heart rate",
        "wrist motion": "wrist motion", "wristmotion": "wrist motion", "light": "light level",
    ]

    /// Why a Sensor Logger sensor file is not analysed, or nil when it is (or the name is not one
    /// of the export's). `path` may be a full path.
    public static func skipReason(fileName path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var base = name.lowercased()
        if let dot = base.lastIndex(of: ".") { base = String(base[..<dot]) }
        guard !analysedFiles.contains(base), let kind = otherFiles[base] else { return nil }
        return "a Sensor Logger \(kind) file (\(name)), not acceleration or EMG: not analysed "
            + "(Accelerometer.csv and TotalAcceleration.csv of the export are)"
    }
}
