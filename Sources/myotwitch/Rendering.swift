import Foundation
import MyoTwitch

/// Renders results in each output format.
enum Rendering {
    static func render(_ result: AnalysisResult, traces: [[Double]], traceBinSeconds: Double,
                       format: OutputFormat) throws -> Data {
        switch format {
        case .json:
            return TerminalText.json(try JSONReport.encode(result)) + Data("\n".utf8)
        case .jsonl:
            return TerminalText.json(try jsonLines(result))
        case .csv:
            return safe(CSVReport.render(result), csv: true)
        case .markdown:
            return safe(MarkdownReport.render(result))
        case .html:
            return safe(HTMLReport.render(result, traces: traces, traceBinSeconds: traceBinSeconds))
        case .eventsTSV:
            return safe(EventsTSVReport.render(result))
        case .mneAnnotations:
            return safe(EventsTSVReport.mneAnnotations(result))
        }
    }

    /// Several inputs: the batch object (JSON), every result's lines (JSON Lines), every result's
    /// rows in the one-recording layout (CSV; failed inputs as `failed` rows), or one cohort
    /// summary table with failed inputs listed (Markdown, HTML; CSV when `summary`, the
    /// `summary.csv` of a directory output).
    static func render(batch outcomes: [Outcome], format: OutputFormat, summary: Bool = false) throws -> Data {
        let entries: [BatchResult.Entry] = outcomes.map {
            switch $0 {
            case .success(let result, _, _): .analysed(result)
            case .failure(let path, let message): .failed(path: path, error: message)
            }
        }
        switch format {
        case .json:
            return TerminalText.json(try JSONReport.encode(BatchResult(results: entries))) + Data("\n".utf8)
        case .jsonl:
            var data = Data()
            for case .success(let result, _, _) in outcomes { data += try jsonLines(result) }
            return TerminalText.json(data)
        case .csv:
            return safe(summary ? CSVReport.render(cohort: entries) : CSVReport.render(batch: entries), csv: true)
        case .markdown:
            return safe(MarkdownReport.render(cohort: entries))
        case .html:
            return safe(HTMLReport.render(cohort: entries))
        case .eventsTSV:
            return safe(EventsTSVReport.render(cohort: entries))
        case .mneAnnotations:
            return safe(EventsTSVReport.mneAnnotations(cohort: entries))
        }
    }

    /// A text report with control characters from names (channel names, paths) escaped, so
    /// that printing it on a terminal cannot recolour or retitle it (`TerminalText`); line
    /// feeds, tabs and CSV's CR LF line ends stay. JSON escapes control characters itself.
    static func safe(_ text: String, csv: Bool = false) -> Data {
        Data(TerminalText.escape(text, keepingCarriageReturns: csv).utf8)
    }

    /// The JSON Lines form: events, episodes, then a summary line, as `stream` writes them.
    static func jsonLines(_ result: AnalysisResult) throws -> Data {
        var data = Data()
        for event in result.events { data += try JSONReport.encode(StreamLine.event(event), pretty: false) + Data("\n".utf8) }
        for episode in result.episodes { data += try JSONReport.encode(StreamLine.episode(episode), pretty: false) + Data("\n".utf8) }
        data += try JSONReport.encode(StreamLine.summary(result), pretty: false) + Data("\n".utf8)
        return data
    }
}
