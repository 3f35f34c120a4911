/// The unit event amplitudes are reported in: millivolts for EMG and g (standard gravity) for
/// accelerometers, whatever the input used, so that recordings in V, µV, mV, g or m/s² compare
/// directly. ADC counts and unknown units have no known gain: their amplitudes stay as read.
public enum AmplitudeUnit {
    /// Standard gravity, m/s² (CGPM 1901): the factor from m/s² to g.
    public static let standardGravity = 9.80665

    /// The factor from `unit` (a recognised spelling of `SourceInfo.units`) to the report unit
    /// of `sensor`, and that unit's name; `nil` when the unit has no known scale.
    public static func normalisation(from unit: String?, sensor: SensorKind) -> (scale: Double, unit: String)? {
        switch (sensor, unit) {
        case (.emg, "V"?): return (1000, "mV")
        case (.emg, "mV"?): return (1, "mV")
        case (.emg, "uV"?): return (0.001, "mV")
        case (.accelerometer, "g"?): return (1, "g")
        case (.accelerometer, "m/s^2"?): return (1 / standardGravity, "g")
        default: return nil
        }
    }

    /// The normalisation of a channel made of `units` (several for an accelerometer's axes):
    /// only when they all agree.
    static func normalisation(of units: [String?], sensor: SensorKind) -> (scale: Double, unit: String)? {
        guard let first = units.first, units.allSatisfy({ $0 == first }) else { return nil }
        return normalisation(from: first, sensor: sensor)
    }
}
