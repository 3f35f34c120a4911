import Foundation

/// Writes results as a BIDS derivative dataset (`derivatives/myotwitch/`): a
/// `dataset_description.json` (DatasetType `derivative`, GeneratedBy myotwitch) and, per
/// recording, `<folder>/<entities>_events.tsv` (`EventsTSVReport`) with its `_events.json`
/// sidecar, mirroring the raw dataset's `sub-*/[ses-*/]emg/` layout.
public enum BIDSDerivative {
    /// Writes the derivative under `directory` (created when missing) and returns the paths
    /// written, relative to it. Existing events files of the same recordings are replaced.
    @discardableResult
    public static func write(_ results: [(recording: BIDSDataset.Recording, result: AnalysisResult)],
                             to directory: String) throws -> [String] {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        func put(_ text: String, _ relative: String) throws {
            let path = (directory as NSString).appendingPathComponent(relative)
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            written.append(relative)
        }
        try put("""
            {
              "Name": "myotwitch: twitches, cramps, activity and artifacts",
              "BIDSVersion": "1.11.0",
              "DatasetType": "derivative",
              "GeneratedBy": [{"Name": "myotwitch", "Description": "Twitch (fasciculation) and cramp detection in surface EMG; events in *_events.tsv."}]
            }

            """, "dataset_description.json")
        for (recording, result) in results {
            let stem = recording.folder + "/" + recording.entities
            try put(EventsTSVReport.render(result), stem + "_events.tsv")
            try put(EventsTSVReport.sidecar(), stem + "_events.json")
        }
        return written
    }
}
