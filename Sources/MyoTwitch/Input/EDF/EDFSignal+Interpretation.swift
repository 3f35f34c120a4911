/// What a signal's label, transducer and unit say about it.
extension EDFSignal {
    /// The unit in the normalised spelling of `RecordingLayout.units` (`"uV"`, `"mV"`, `"V"`,
    /// `"g"`, `"m/s^2"`), or `nil` for anything else (`"%"`, `"degC"`, blank, …).
    var normalizedUnit: String? {
        let unit = String(dimension.filter { $0 != " " })
        switch unit.lowercased() {
        case "uv", "µv", "μv", "microvolt", "microvolts": return "uV"
        case "mv", "millivolt", "millivolts": return "mV"
        case "v", "volt", "volts": return "V"
        case "g": return "g"
        case "m/s^2", "m/s2", "m/s²", "m/(s^2)", "m/s/s", "ms^-2", "ms-2", "m*s^-2": return "m/s^2"
        default: return nil
        }
    }

    /// The label and transducer suggest an accelerometer axis: a word starting with `"acc"`
    /// (`"Acc X"`, `"ACCEL_Z"`, `"accelerometer"`), a bare axis word (`"x"`, `"Y"`), or an
    /// acceleration unit. Anything else is taken as EMG, the tool's main input.
    var looksLikeAccelerometer: Bool {
        if normalizedUnit == "g" || normalizedUnit == "m/s^2" { return true }
        let words = (label + " " + transducer).lowercased()
            .split { !($0.isLetter || $0.isNumber) }
        if words.contains(where: { $0.hasPrefix("acc") }) { return true }
        return label.lowercased().split { !($0.isLetter || $0.isNumber) }
            .contains { ["x", "y", "z", "ax", "ay", "az"].contains($0) }
    }

    /// The sample rate for records of `recordDuration` seconds, Hz.
    func sampleRate(recordDuration: Double) -> Double {
        Double(samplesPerRecord) / recordDuration
    }
}
