import ArgumentParser
import Foundation
import MyoTwitch

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score detections against ground truth: precision, recall, F1, onset error, false twitches per hour.",
        discussion: """
        Compares analysis JSON (from `myotwitch analyze`) with ground truth in the same schema \
        (from `myotwitch simulate`, or labelled by hand). Give one truth file and one detection \
        file, or two directories: every NAME.truth.json under the truth directory is paired with \
        NAME.json in the detection directory (the layout `analyze --output DIR` writes); the \
        detection directory defaults to the truth directory.

        Matching, one-to-one per kind and channel, greedy by best overlap: a twitch matches when \
        the detection overlaps the true interval widened by ±100 ms; a cramp when intersection \
        over union ≥ 0.5; activity and artifacts on any overlap; twitch and cramp episodes at \
        IoU ≥ 0.5. Over several files counts are summed before precision, recall and F1 are \
        computed; the median onset error is over all matches.

        Examples:
          myotwitch evaluate --truth sim.truth.json sim.json
          myotwitch evaluate --truth evalset/ results/ --by sensor --by rate --format markdown

        Exit status: 0 evaluated; 1 some truth file had no detections or could not be read; 2 usage error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case sensor, rate, unit, channels, name, file
    }

    @Option(help: ArgumentHelp("Ground truth: a .truth.json file or a directory of them.", valueName: "path"))
    var truth: String

    @Argument(help: ArgumentHelp("Detections: an analysis .json file, or a directory of NAME.json files.", valueName: "detected"))
    var detected: String?

    @Option(help: ArgumentHelp("Output format: text, markdown or json.", valueName: "format"))
    var format: Format = .text

    @Option(help: ArgumentHelp("Also break results down by sensor, rate (sensor and sample rate), unit, channels, name (file-name prefix before the first '-') or file. Repeatable.", valueName: "key"))
    var by: [Grouping] = []

    struct Pair {
        var name: String
        var truth: String
        var detected: String
    }

    func pairs() throws -> (pairs: [Pair], missing: [String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: truth, isDirectory: &isDirectory) else {
            throw ValidationError("no such file or directory: \(truth)")
        }
        if !isDirectory.boolValue {
            guard let detected else { throw ValidationError("name the detections file to compare with \(truth)") }
            let name = ((truth as NSString).lastPathComponent as NSString).deletingPathExtension
            return ([Pair(name: name.replacingOccurrences(of: ".truth", with: ""), truth: truth,
                          detected: detected)], [])
        }
        let detectedDirectory = detected ?? truth
        var pairs: [Pair] = [], missing: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: truth)
        var relatives: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".truth.json") { relatives.append(relative) }
        }
        for relative in relatives.sorted() {
            let name = String((relative as NSString).lastPathComponent.dropLast(".truth.json".count))
            let candidate = (detectedDirectory as NSString).appendingPathComponent(name + ".json")
            if FileManager.default.fileExists(atPath: candidate) {
                pairs.append(Pair(name: name, truth: (truth as NSString).appendingPathComponent(relative),
                                  detected: candidate))
            } else {
                missing.append(candidate)
            }
        }
        guard !pairs.isEmpty || !missing.isEmpty else { throw ValidationError("no .truth.json files in \(truth)") }
        return (pairs, missing)
    }

    func run() throws {
        StandardOutput.prepare()
        let (pairs, missing) = try pairs()
        try ProtectedInputs(paths: pairs.flatMap { [$0.truth, $0.detected] }).checkStandardOutput()
        var failed = !missing.isEmpty
        for path in missing { StandardOutput.error("myotwitch: no detections for truth: \(path) is missing") }
        var results: [(pair: Pair, truth: AnalysisResult, report: EvaluationReport)] = []
        for pair in pairs {
            do {
                let truth = try EvaluationFile.load(pair.truth)
                let detected = try EvaluationFile.load(pair.detected)
                results.append((pair, truth, Evaluator.evaluate(truth: truth, detected: detected)))
            } catch {
                failed = true
                StandardOutput.error("myotwitch: \(error)")
            }
        }
        let overall = EvaluationReport.merged(results.map(\.report))
        var groupings: [(Grouping, [(String, EvaluationReport)])] = []
        for grouping in by {
            var buckets: [String: [EvaluationReport]] = [:]
            var order: [String] = []
            for result in results {
                let key = Self.key(grouping, name: result.pair.name, truth: result.truth)
                if buckets[key] == nil { order.append(key) }
                buckets[key, default: []].append(result.report)
            }
            let sortedKeys = grouping == .rate ? order.sorted(by: Self.rateOrder) : order.sorted()
            groupings.append((grouping, sortedKeys.map { ($0, EvaluationReport.merged(buckets[$0]!)) }))
        }
        StandardOutput.write(try render(overall: overall, groupings: groupings))
        if failed { throw ExitCode(1) }
    }

    func render(overall: EvaluationReport, groupings: [(Grouping, [(String, EvaluationReport)])]) throws -> Data {
        switch format {
        case .json:
            let output = Output(overall: overall, groups: groupings.flatMap { grouping, rows in
                rows.map { Output.Group(by: grouping.rawValue, group: $0.0, report: $0.1) }
            })
            return try JSONReport.encode(output) + Data("\n".utf8)
        case .markdown, .text:
            let style: EvaluationTable.Style = format == .markdown ? .markdown : .text
            var text = EvaluationTable.detail(overall, title: "Overall", style: style)
            for (grouping, rows) in groupings {
                text += "\n" + EvaluationTable.groups(rows, title: "By \(grouping.rawValue)", style: style)
            }
            return Data(text.utf8)
        }
    }

    struct Output: Encodable {
        struct Group: Encodable {
            var by: String
            var group: String
            var report: EvaluationReport
        }
        var overall: EvaluationReport
        var groups: [Group]
    }

    static func key(_ grouping: Grouping, name: String, truth: AnalysisResult) -> String {
        let source = truth.source
        switch grouping {
        case .sensor: return source.sensor.rawValue
        case .rate: return "\(source.sensor.rawValue) \(String(format: "%.0f", source.sampleRateHz)) Hz"
        case .unit: return "\(source.sensor.rawValue) \(source.units.first.flatMap { $0 } ?? "?")"
        case .channels: return "\(source.sensor.rawValue) \(source.channels.count) ch"
        case .name: return String(name.split(separator: "-").first ?? Substring(name))
        case .file: return name
        }
    }

    /// Rate keys ("emg 200 Hz") by sensor, then numerically.
    static func rateOrder(_ a: String, _ b: String) -> Bool {
        let pa = a.split(separator: " "), pb = b.split(separator: " ")
        if pa.first != pb.first { return a < b }
        return (Double(pa.dropFirst().first ?? "") ?? 0) < (Double(pb.dropFirst().first ?? "") ?? 0)
    }
}
