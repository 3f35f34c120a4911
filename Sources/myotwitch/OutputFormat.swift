import ArgumentParser

/// The formats `analyze` and `report` write.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case json, jsonl, csv, markdown, html

    /// File ending used in `--output DIR` mode.
    var fileExtension: String {
        switch self {
        case .json: "json"
        case .jsonl: "jsonl"
        case .csv: "csv"
        case .markdown: "md"
        case .html: "html"
        }
    }
}
