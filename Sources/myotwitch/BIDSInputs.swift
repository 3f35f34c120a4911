import Foundation
import MyoTwitch

/// The BIDS-EMG datasets among the inputs: their recordings replace the dataset directory,
/// each read with the EMG channels and muscles its channels.tsv names; with `--format
/// events-tsv --output DIR/` the events are written as a BIDS derivative under DIR.
struct BIDSInputs {
    private(set) var recordings: [String: BIDSDataset.Recording] = [:]
    private var roots: [String: BIDSDataset] = [:]

    init(_ inputs: [String]) throws {
        for input in inputs where input != "-" {
            if let dataset = try BIDSDataset(root: input) {
                roots[input] = dataset
                for r in dataset.recordings { recordings[r.path] = r }
            }
        }
    }

    var isEmpty: Bool { roots.isEmpty }

    /// The files to analyse: a dataset's EMG recordings in place of its directory.
    func expand(_ inputs: [String]) -> [String] {
        inputs.flatMap { input in roots[input].map { $0.recordings.map(\.path) } ?? InputExpansion.expand([input]) }
    }

    /// `base`, reading only the EMG channels the recording's channels.tsv names (unless
    /// `--channels` chose).
    func decoderOptions(_ base: DecoderOptions, path: String) -> DecoderOptions {
        var options = base
        if options.channels == nil, let emg = recordings[path]?.emgChannels { options.channels = emg }
        return options
    }

    func muscles(_ base: MuscleAssignment, path: String) -> MuscleAssignment {
        recordings[path].map { base.over($0.muscles) } ?? base
    }

    /// Writes the analysed BIDS recordings' events as a derivative under `directory`.
    func writeDerivative(_ outcomes: [Outcome], to directory: String) throws {
        let pairs = outcomes.compactMap { outcome -> (BIDSDataset.Recording, AnalysisResult)? in
            guard case .success(let result, _, _) = outcome, let r = recordings[result.source.path] else { return nil }
            return (r, result)
        }
        try BIDSDerivative.write(pairs, to: directory)
    }
}
