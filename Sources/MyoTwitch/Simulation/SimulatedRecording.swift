/// A simulated recording: the signal columns as they would be written, and the ground truth in
/// the analysis schema (`AnalysisResult`, schema `myotwitch.analysis/1`) with `reason`
/// `"simulated"` on every event and the true peak SNR in `snr`.
public struct SimulatedRecording: Sendable {
    public var scenario: SimulationScenario
    /// Signal column names in file order (without the time column), unit in the name:
    /// `emg_mV`, `EMG2_uV`, `emg_adc`, `acc_x_g`, `ax_ms2`, …
    public var columns: [String]
    /// Samples per column, in the column's unit; sample `i` is at `i / sampleRateHz` seconds.
    public var samples: [[Double]]
    /// Decimal places written per column (0 for ADC counts).
    public var decimals: [Int]
    public var truth: AnalysisResult

    public var sampleRateHz: Double { scenario.sampleRateHz }
    public var sampleCount: Int { samples.first?.count ?? 0 }

    public init(scenario: SimulationScenario, columns: [String], samples: [[Double]], decimals: [Int],
                truth: AnalysisResult) {
        self.scenario = scenario
        self.columns = columns
        self.samples = samples
        self.decimals = decimals
        self.truth = truth
    }
}
