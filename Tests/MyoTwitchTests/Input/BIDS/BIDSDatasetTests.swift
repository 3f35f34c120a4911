import Foundation
import Testing
@testable import MyoTwitch

@Suite struct BIDSDatasetTests {
    @Test func channelsTSVGivesNamesTypesAndMuscles() throws {
        let text = "name\ttype\tunits\ttarget_muscle\r\nTA\temg\tuV\ttibialis anterior\r\nECG\tECG\tmV\tn/a\r\n"
        let channels = try BIDSChannel.parse(text, path: "c.tsv")
        #expect(channels == [BIDSChannel(name: "TA", type: "EMG", units: "uV", muscle: "tibialis anterior"),
                             BIDSChannel(name: "ECG", type: "ECG", units: "mV", muscle: nil)])
    }

    @Test(arguments: [
        ("", "c.tsv:1:1: empty channels.tsv"),
        ("label\tkind\nA\tEMG\n", "c.tsv:1:1: channels.tsv header needs the columns name and type"),
        ("name\ttype\nA\tEMG\textra\n", "c.tsv:2:3: expected 2 tab-separated fields, found 3"),
        ("name\ttype\nn/a\tEMG\n", "c.tsv:2:1: a channel without a name"),
    ])
    func badChannelsTSVNamesTheLine(text: String, message: String) {
        #expect { try BIDSChannel.parse(text, path: "c.tsv") } throws: { "\($0)".hasPrefix(message) }
    }

    @Test func recordingsAreFoundUnderSubjectsAndSessions() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bids-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try BIDSDataset(root: root) == nil)
        let fm = FileManager.default
        for folder in ["sub-10/emg", "sub-2/ses-b/emg", "sub-2/ses-a/emg", "derivatives/myotwitch/sub-2/emg"] {
            try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        #expect(try BIDSDataset(root: root) == nil, "no dataset_description.json")
        fm.createFile(atPath: root + "/dataset_description.json", contents: Data("{}".utf8))
        for file in ["sub-10/emg/sub-10_task-x_emg.edf", "sub-2/ses-b/emg/sub-2_ses-b_emg.BDF",
                     "sub-2/ses-a/emg/sub-2_ses-a_emg.edf", "sub-2/ses-a/emg/sub-2_ses-a_events.tsv",
                     "derivatives/myotwitch/sub-2/emg/sub-2_emg.edf"] {
            fm.createFile(atPath: root + "/" + file, contents: Data())
        }
        fm.createFile(atPath: root + "/sub-2/ses-a/emg/sub-2_ses-a_channels.tsv",
                      contents: Data("name\ttype\ttarget_muscle\nL\tEMG\tsoleus\nH\tECG\tn/a\n".utf8))
        let dataset = try #require(try BIDSDataset(root: root))
        #expect(dataset.recordings.map(\.entities) == ["sub-2_ses-a", "sub-2_ses-b", "sub-10_task-x"])
        #expect(dataset.recordings[0].emgChannels == ["L"])
        #expect(dataset.recordings[0].muscles == ["L": "soleus"])
        #expect(dataset.recordings[1].emgChannels == nil, "no channels.tsv: every signal")
        #expect(dataset.recordings[0].folder == "sub-2/ses-a/emg")
    }
}
