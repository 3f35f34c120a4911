import MyoTwitch

extension Outcome {
    /// The outcome with the channels' muscles set (`--muscle`, labels).
    func assigning(_ muscles: MuscleAssignment) -> Outcome {
        guard case .success(let result, let traces, let bin) = self else { return self }
        return .success(muscles.apply(to: result), traces: traces, traceBinSeconds: bin)
    }
}
