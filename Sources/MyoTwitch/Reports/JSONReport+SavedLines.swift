import Foundation

extension JSONReport {
    /// Whether `data` is JSON Lines as `stream` and `analyze --format jsonl` write them: its
    /// first non-blank line is a whole object with a `"type"` member.
    public static func looksLikeJSONLines(_ data: Data) -> Bool {
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            let line = data[start..<end]
            if line.contains(where: { !($0 == 32 || $0 == 9 || $0 == 13) }) {
                return (try? JSONDecoder().decode(LineProbe.self, from: Data(line)))?.type != nil
            }
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return false
    }

    /// Decodes JSON Lines into one analysis per `summary` line: the `event` and `episode` lines
    /// before it are its events and episodes (sorted by start, then channel, as `analyze` orders
    /// them; `stream` writes each when it is final), `warning` lines are already counted in its
    /// summary. Lines after the last summary (a stream that was killed) become a failed entry
    /// naming the line, so the cohort lists them instead of dropping them.
    ///
    /// - Throws: `InputError` with the line number when a line is not JSON, has an unknown
    ///   `"type"`, or a summary's `eventCount`/`episodeCount` disagrees with the lines before it.
    public static func decodeSavedLines(_ data: Data, path: String) throws -> [BatchResult.Entry] {
        let decoder = JSONDecoder()
        var entries: [BatchResult.Entry] = []
        var events: [DetectedEvent] = [], episodes: [Episode] = []
        var firstPending = 0, lineNumber = 0
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            var line = Data(data[start..<end])
            start = end < data.endIndex ? data.index(after: end) : end
            lineNumber += 1
            if line.last == 13 { line.removeLast() }
            guard line.contains(where: { !($0 == 32 || $0 == 9) }) else { continue }
            do {
                guard let type = try decoder.decode(LineProbe.self, from: line).type else {
                    throw InputError(path: path, line: lineNumber, message: "a JSON Lines object without \"type\"")
                }
                if firstPending == 0 { firstPending = lineNumber }
                switch type {
                case "event": events.append(try decoder.decode(DetectedEvent.self, from: line))
                case "episode": episodes.append(try decoder.decode(Episode.self, from: line))
                case "warning": break
                case "summary":
                    let s = try decoder.decode(SummaryLine.self, from: line)
                    if let n = s.eventCount, n != events.count {
                        throw InputError(path: path, line: lineNumber, message: "the summary counts \(n) events but \(events.count) event lines precede it (lines \(firstPending)–\(lineNumber)); was the file filtered or cut?")
                    }
                    if let n = s.episodeCount, n != episodes.count {
                        throw InputError(path: path, line: lineNumber, message: "the summary counts \(n) episodes but \(episodes.count) episode lines precede it (lines \(firstPending)–\(lineNumber)); was the file filtered or cut?")
                    }
                    let byStart: (DetectedEvent, DetectedEvent) -> Bool = { ($0.start, $0.channel) < ($1.start, $1.channel) }
                    let episodeOrder: (Episode, Episode) -> Bool = { ($0.start, $0.channel) < ($1.start, $1.channel) }
                    var result = AnalysisResult(source: s.source, events: events.sorted(by: byStart),
                                                episodes: episodes.sorted(by: episodeOrder), summary: s.summary)
                    result.morphology = s.morphology
                    entries.append(.analysed(result))
                    events = []
                    episodes = []
                    firstPending = 0
                default:
                    throw InputError(path: path, line: lineNumber, message: "unknown line type \"\(type)\"; expected event, episode, warning or summary")
                }
            } catch let error as InputError {
                throw error
            } catch let error as DecodingError {
                throw InputError(path: path, line: lineNumber, message: "not a myotwitch JSON Lines record: \(describe(error))")
            }
        }
        if firstPending != 0 {
            entries.append(.failed(path: path, error: "\(path):\(firstPending): \(events.count) events and \(episodes.count) episodes from line \(firstPending) on have no summary line after them (a stream that was stopped before it ended?)"))
        }
        return entries
    }
}

/// The `type` member alone.
private struct LineProbe: Decodable {
    var type: String?
}

/// A `summary` line: the recording and its statistics.
private struct SummaryLine: Decodable {
    var source: SourceInfo
    var summary: AnalysisSummary
    var morphology: MorphologySummary?
    var eventCount: Int?
    var episodeCount: Int?
}
