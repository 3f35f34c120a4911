import MyoTwitch

/// The analysis of one input: its result and envelope traces, or why it failed.
enum Outcome: Sendable {
    case success(AnalysisResult, traces: [[Double]], traceBinSeconds: Double)
    case failure(path: String, message: String)

    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }

    static func analyse(path: String, decoderOptions: DecoderOptions, settings: AnalysisSettings,
                        traces: Bool, parallel: Bool) -> Outcome {
        let options = AnalyzerOptions(collectTraces: traces, parallel: parallel)
        do {
            let (result, traceValues) = try AnalysisSession.analyze(
                path: path, decoderOptions: decoderOptions, settings: settings, options: options)
            return .success(result, traces: traceValues, traceBinSeconds: options.traceBinSeconds)
        } catch let error as InputError {
            return .failure(path: path, message: error.description)
        } catch {
            return .failure(path: path, message: "\(path): \(error)")
        }
    }
}
