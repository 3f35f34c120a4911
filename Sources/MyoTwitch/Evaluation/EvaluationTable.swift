import Foundation

/// Evaluation reports as tables for people: Markdown (for the README) or aligned plain text.
public enum EvaluationTable {
    public enum Style: Sendable { case markdown, text }

    /// The detailed view of one report: per-kind events, episodes and twitch diagnostics.
    public static func detail(_ report: EvaluationReport, title: String, style: Style) -> String {
        var out = style == .markdown ? "### \(title)\n\n" : "\(title)\n\n"
        let hours = report.twitch.durationSeconds / 3600
        out += "\(report.files) recording(s), \(format(hours, digits: 2)) h\n\n"
        let header = ["", "TP", "FP", "FN", "precision", "recall", "F1", "median onset error (ms)"]
        var rows: [[String]] = []
        for s in report.events { rows.append(row("\(s.kind) events", s)) }
        for s in report.episodes { rows.append(row("\(s.kind) episodes", s)) }
        out += table(header: header, rows: rows, style: style) + "\n"
        let d = report.twitch
        let facts: [(String, String)] = [
            ("twitch recall at SNR ≥ \(format(report.rules.strongTwitchSNR, digits: 0))",
             "\(format(d.strongTwitchRecall)) (\(d.strongTwitchesFound)/\(d.strongTwitches))"),
            ("false twitches per hour", "\(format(d.falseTwitchesPerHour, digits: 1)) (\(d.falseTwitches))"),
            ("false twitches on true artifacts", "\(d.falseTwitchesOnArtifacts)"),
            ("false twitches on true activity", "\(d.falseTwitchesOnActivity)"),
            ("false twitches inside true cramps", "\(d.falseTwitchesInCramps)"),
            ("true twitches reported as cramp", "\(d.twitchesReportedAsCramp)"),
            ("true cramps reported as twitches", "\(d.crampsReportedAsTwitches)"),
        ]
        out += table(header: ["twitch diagnostics", "value"], rows: facts.map { [$0.0, $0.1] }, style: style)
        return out
    }

    /// One row per group (e.g. per sample rate or unit) with the headline numbers.
    public static func groups(_ groups: [(String, EvaluationReport)], title: String, style: Style) -> String {
        let out = style == .markdown ? "### \(title)\n\n" : "\(title)\n\n"
        let header = ["group", "files", "hours", "twitch P", "twitch R", "twitch F1", "R@SNR≥5",
                      "onset ms", "false tw/h", "cramp F1", "activity F1", "tw-episode F1", "cramp-episode F1",
                      "tw→cramp", "cramp→tw"]
        let rows = groups.map { (label, r) -> [String] in
            let t = r.score(.twitch)
            return [label, "\(r.files)", format(r.twitch.durationSeconds / 3600, digits: 2),
                    format(t.precision), format(t.recall), format(t.f1), format(r.twitch.strongTwitchRecall),
                    format(t.medianOnsetErrorMs, digits: 1), format(r.twitch.falseTwitchesPerHour, digits: 1),
                    format(r.score(.cramp).f1), format(r.score(.activity).f1),
                    format(r.episodeScore(.twitch).f1), format(r.episodeScore(.cramp).f1),
                    "\(r.twitch.twitchesReportedAsCramp)", "\(r.twitch.crampsReportedAsTwitches)"]
        }
        return out + table(header: header, rows: rows, style: style)
    }

    static func row(_ label: String, _ s: KindScore) -> [String] {
        [label, "\(s.truePositives)", "\(s.falsePositives)", "\(s.falseNegatives)", format(s.precision),
         format(s.recall), format(s.f1), format(s.medianOnsetErrorMs, digits: 1)]
    }

    /// A number with fixed digits, or "–" for an undefined value.
    static func format(_ value: Double?, digits: Int = 3) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.\(digits)f", value)
    }

    static func table(header: [String], rows: [[String]], style: Style) -> String {
        switch style {
        case .markdown:
            var out = "| " + header.joined(separator: " | ") + " |\n"
            out += "|" + header.enumerated().map { $0.offset == 0 ? "---|" : "---:|" }.joined() + "\n"
            for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
            return out
        case .text:
            var widths = header.map(\.count)
            for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { i, cell in
                    let pad = String(repeating: " ", count: widths[i] - cell.count)
                    return i == 0 ? cell + pad : pad + cell
                }.joined(separator: "  ") + "\n"
            }
            return line(header) + line(widths.map { String(repeating: "-", count: $0) }) + rows.map(line).joined()
        }
    }
}
