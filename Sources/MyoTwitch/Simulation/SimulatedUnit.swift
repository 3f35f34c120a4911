/// The unit in which a simulated recording is written, and how its columns are named.
///
/// EMG is synthesised in microvolts and accelerometer signals in g; the unit only scales (and for
/// ADC counts also offsets, quantises and clips) the written values. Column names carry the unit
/// the way real exports do, so the reader's unit sniffing is exercised too.
public enum SimulatedUnit: String, Sendable, Codable, CaseIterable {
    case volts = "V"
    case millivolts = "mV"
    case microvolts = "uV"
    /// 12-bit ADC counts (0…4095) around a mid-scale DC offset.
    case adc12
    /// 8-bit ADC counts (0…255) around a mid-scale DC offset: coarse quantisation, the noise
    /// floor only one or two counts (as in 8-bit armbands).
    case adc8
    /// 16-bit ADC counts (0…65535) around a mid-scale DC offset.
    case adc16
    case g
    case metresPerSecondSquared = "m/s^2"

    /// Whether this unit can carry `sensor`'s signal.
    public func fits(_ sensor: SensorKind) -> Bool {
        switch self {
        case .g, .metresPerSecondSquared: sensor == .accelerometer
        default: sensor == .emg
        }
    }

    /// ADC resolution in bits, or `nil` for physical units.
    public var adcBits: Int? {
        switch self {
        case .adc8: 8
        case .adc12: 12
        case .adc16: 16
        default: nil
        }
    }

    /// Output units per synthesis unit (µV for EMG, g for accelerometers); 1 for ADC counts,
    /// whose scale is chosen per recording from the signal's range.
    var scaleFromSynthesis: Double {
        switch self {
        case .volts: 1e-6
        case .millivolts: 1e-3
        case .microvolts, .adc8, .adc12, .adc16, .g: 1
        case .metresPerSecondSquared: 9.80665
        }
    }

    /// The unit as the analysis reports it (`SourceInfo.units`).
    var reportedName: String {
        adcBits == nil ? rawValue : "adc"
    }
}
