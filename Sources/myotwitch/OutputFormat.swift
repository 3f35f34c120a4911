import ArgumentParser

/// The formats `analyze` and `report` write.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case json, jsonl, csv, markdown, html
    /// BIDS `*_events.tsv` (onset, duration, trial_type, …) and the annotation text file `mne.read_annotations` loads.
    case eventsTSV = "events-tsv", mneAnnotations = "mne-annotations"

    /// The names `--format` takes: the raw values, and the file endings `md`, `htm`, `ndjson`.
    init?(argument: String) {
        switch argument.lowercased() {
        case "md": self = .markdown
        case "htm": self = .html
        case "ndjson": self = .jsonl
        default:
            guard let format = OutputFormat(rawValue: argument.lowercased()) else { return nil }
            self = format
        }
    }

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

    /// The format a file name's ending asks for, when `--format` is not given: `.json`,
    /// `.jsonl`/`.ndjson`, `.csv`, `.md`/`.markdown`, `.html`/`.htm` (any case). Nil for other
    /// endings (`.txt`, `.out`, none), standard output (`-`) and directories: the command's
    /// default format applies — guessing from an unknown ending would only hide a typo.
    static func inferred(fromOutput path: String?) -> OutputFormat? {
        guard let path, path != "-", !path.hasSuffix("/") else { return nil }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "json": return .json
        case "jsonl", "ndjson": return .jsonl
        case "csv": return .csv
        case "md", "markdown": return .markdown
        case "html", "htm": return .html
        case "tsv": return .eventsTSV
        default: return nil
        }
    }
}

extension OutputFormat {
    /// The formats to write: those given, else the one `output`'s ending names, else `fallback`.
    static func resolve(_ given: [OutputFormat], output: String?, directory: Bool,
                        fallback: OutputFormat) -> [OutputFormat] {
        if !given.isEmpty { return given }
        return [(directory ? nil : inferred(fromOutput: output)) ?? fallback]
    }

    /// A note when an explicit `--format` contradicts the output file's ending
    /// (`--format csv --output report.html`): the file is written as asked, the user told.
    static func mismatchNote(_ given: [OutputFormat], output: String?, directory: Bool) -> String? {
        guard given.count == 1, !directory, let output, let named = inferred(fromOutput: output),
              named != given[0] else { return nil }
        return "myotwitch: note: writing \(given[0].rawValue) to \(output), whose ending says \(named.rawValue)"
    }
}
