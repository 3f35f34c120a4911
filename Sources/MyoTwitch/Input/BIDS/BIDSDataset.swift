import Foundation

/// A BIDS-EMG dataset (BIDS 1.11, BEP042): recordings at `sub-<label>/[ses-<label>/]emg/
/// *_emg.edf|bdf`, each described by a `*_channels.tsv` beside it (names, types, muscles).
///
/// A directory is a dataset when it holds a `dataset_description.json` and at least one
/// `sub-*` directory. `derivatives/` and `sourcedata/` are not searched.
public struct BIDSDataset: Sendable {
    /// One EMG recording of the dataset.
    public struct Recording: Sendable, Equatable {
        public var path: String
        /// The folder of the recording relative to the dataset root, e.g. `sub-01/ses-1/emg`.
        public var folder: String
        /// The file name without `_emg.edf`: its BIDS entities, e.g. `sub-01_ses-1_task-rest`.
        public var entities: String
        /// The channels from its channels.tsv (empty when there is none).
        public var channels: [BIDSChannel]

        /// Names of the channels of type EMG; `nil` when the channels.tsv names none (then
        /// every signal at the highest rate is analysed, as for any EDF).
        public var emgChannels: [String]? {
            let emg = channels.filter { $0.type == "EMG" }.map(\.name)
            return emg.isEmpty ? nil : emg
        }

        /// Muscle per channel name, from the channels.tsv.
        public var muscles: [String: String] {
            var out: [String: String] = [:]
            for c in channels { if let m = c.muscle { out[c.name] = m } }
            return out
        }
    }

    public let root: String
    public let recordings: [Recording]

    /// The dataset at `root`, or `nil` when `root` is no BIDS dataset. A channels.tsv that
    /// cannot be read throws, naming its file, line and column.
    public init?(root: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue,
              fm.fileExists(atPath: (root as NSString).appendingPathComponent("dataset_description.json")),
              let top = try? fm.contentsOfDirectory(atPath: root) else { return nil }
        let subjects = top.filter { $0.hasPrefix("sub-") }.sorted(by: ReportFileName.naturalLess)
        guard !subjects.isEmpty else { return nil }
        var found: [Recording] = []
        for subject in subjects {
            var folders = [subject + "/emg"]
            let inside = (try? fm.contentsOfDirectory(atPath: (root as NSString).appendingPathComponent(subject))) ?? []
            folders += inside.filter { $0.hasPrefix("ses-") }.sorted(by: ReportFileName.naturalLess).map { "\(subject)/\($0)/emg" }
            for folder in folders {
                let directory = (root as NSString).appendingPathComponent(folder)
                guard let names = try? fm.contentsOfDirectory(atPath: directory) else { continue }
                for name in names.sorted(by: ReportFileName.naturalLess) {
                    let lower = name.lowercased()
                    guard lower.hasSuffix("_emg.edf") || lower.hasSuffix("_emg.bdf") else { continue }
                    let entities = String(name.dropLast("_emg.edf".count))
                    let tsv = (directory as NSString).appendingPathComponent(entities + "_channels.tsv")
                    var channels: [BIDSChannel] = []
                    if let data = fm.contents(atPath: tsv) {
                        channels = try BIDSChannel.parse(String(decoding: data, as: UTF8.self), path: tsv)
                    }
                    found.append(Recording(path: (directory as NSString).appendingPathComponent(name),
                                           folder: folder, entities: entities, channels: channels))
                }
            }
        }
        self.root = root
        recordings = found
    }
}
