/// The linear map from stored (digital) values to physical values of one signal.
///
/// `physical = physMin + (digital - digMin) * (physMax - physMin) / (digMax - digMin)`, evaluated
/// in exactly this order (left to right) so that results are reproducible bit for bit and
/// `digMin` maps to `physMin` exactly.
struct EDFScaling: Equatable {
    let physicalMinimum: Double
    let physicalSpan: Double
    let digitalMinimum: Double
    let digitalSpan: Double

    /// Requires `digMax != digMin` (checked by the caller, which names the signal).
    init(_ signal: EDFSignal) {
        physicalMinimum = signal.physicalMinimum
        physicalSpan = signal.physicalMaximum - signal.physicalMinimum
        digitalMinimum = signal.digitalMinimum
        digitalSpan = signal.digitalMaximum - signal.digitalMinimum
    }

    @inline(__always)
    func physical(_ digital: Int32) -> Double {
        physicalMinimum + (Double(digital) - digitalMinimum) * physicalSpan / digitalSpan
    }
}
