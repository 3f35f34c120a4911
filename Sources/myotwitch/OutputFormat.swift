import ArgumentParser

/// The formats `analyze` and `report` write.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case json, jsonl, csv, markdown, html
    /// BIDS `*_events.tsv` (onset, duration, trial_type, …) and the annotation text file `mne.read_annotations` loads.
    case eventsTSV = "events-tsv", mneAnnotations = "mne-annotations"

    /// File ending used in `--output DIR` mode.
    var fileExtension: String {
        switch self {
        case .json: "json"
        case .jsonl: "jsonl"
        case .csv: "csv"
        case .markdown: "md"
        case .html: "html"
        case .eventsTSV: "events.tsv"
        case .mneAnnotations: "annotations.txt"
        }
    }
}
