import ArgumentParser
import Foundation
import MyoTwitch

/// `myotwitch report DIR…` over the output of sharded `analyze` runs: the recordings of the
/// plan (`DIR/.myotwitch-cohort/cohort.json`) in its order, each read from whichever DIR holds
/// it, gives the files one `analyze` of the whole cohort writes — the per-recording outputs
/// (copied when the output is another directory) and `batch.json`/`summary.*` — byte for byte.
/// A recording that failed is an entry with its error, as in a one-machine batch; one that no
/// shard wrote is an entry saying which shard to rerun. Either makes the exit status 1.
///
/// Memory holds one recording's full result at a time plus, per recording, its source and
/// summary (its events are dropped once written): it grows with the number of recordings only.
struct CohortMerge {
    let directories: [String]
    /// `nil`: the shards' formats into a directory, Markdown elsewhere.
    let formats: [OutputFormat]?
    let output: String?
    let directoryMode: Bool

    /// Whether `path` is a directory a sharded `analyze` wrote into.
    static func isShardDirectory(_ path: String) -> Bool {
        AtomicFile.isRegularFile(manifestPath(path))
    }

    static func manifestPath(_ directory: String) -> String {
        ((directory as NSString).appendingPathComponent(CohortManifest.folder) as NSString)
            .appendingPathComponent(CohortManifest.fileName)
    }

    func run() throws {
        var plans: [CohortManifest] = []
        for directory in directories {
            let path = Self.manifestPath(directory)
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw ValidationError("\(path): cannot read: \(ReportCommand.reason(error))")
            }
            do { plans.append(try CohortManifest.decode(data, path: path)) } catch {
                throw ValidationError("\(error)")
            }
        }
        let plan = plans[0]
        for (directory, other) in zip(directories, plans).dropFirst() {
            if let difference = plan.mismatch(with: other) {
                throw ValidationError("\(directory) holds shards of another run than \(directories[0]): \(difference)")
            }
        }
        let formats = self.formats ?? (directoryMode
            ? plan.formats.compactMap { ext in OutputFormat.allCases.first { $0.fileExtension == ext } }
            : [.markdown])
        if plan.recordings.count == 1 {
            return try mergeOne(plan, formats: formats)
        }
        if directoryMode, let output {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        }
        // The cohort files: JSON and JSON Lines written entry by entry, the tables at the end.
        var sinks: [(OutputFormat, CohortSink)] = []
        for format in formats where format == .json || format == .jsonl {
            sinks.append((format, try CohortSink(path: cohortPath(format))))
        }
        var stream = BatchResult.Stream()
        for (format, sink) in sinks where format == .json { try sink.append(BatchResult.Stream.head) }
        var slim: [Outcome] = []
        var used: Set<String> = []
        var failed = 0, missing: [Int: Int] = [:]
        for recording in plan.recordings {
            let (entry, foundIn, isMissing) = load(recording, plan: plan)
            switch entry {
            case .analysed(var result):
                if directoryMode, let output {
                    let stem = OutputWriter.uniqueStem(for: result.source.path, used: &used)
                    try place(recording, result, from: foundIn!, to: output, stem: stem, formats: formats)
                }
                for (format, sink) in sinks {
                    try sink.append(format == .json ? try stream.entry(entry) : try Rendering.jsonLines(result))
                }
                // The cohort tables need the summary, source and episodes only; the CSV written to a
                // file or standard output has a row per event, as `analyze` writes it.
                if directoryMode || !formats.contains(.csv) { result.events = [] }
                slim.append(.success(result, traces: [], traceBinSeconds: 0))
            case .failed(let path, let error):
                if isMissing { missing[recording.shard, default: 0] += 1 } else { failed += 1 }
                StandardOutput.error("myotwitch: \(error.hasPrefix(path) ? error : "\(path): \(error)")")
                for (format, sink) in sinks where format == .json { try sink.append(try stream.entry(entry)) }
                slim.append(.failure(path: path, message: error))
            }
        }
        for (format, sink) in sinks {
            if format == .json { try sink.append(try stream.tail()) }
            try sink.finish()
        }
        for format in formats where format != .json && format != .jsonl {
            let sink = try CohortSink(path: cohortPath(format))
            try sink.append(try Rendering.render(batch: slim, format: format, summary: directoryMode))
            try sink.finish()
        }
        let missingCount = missing.values.reduce(0, +)
        StandardOutput.error("myotwitch: merged \(plan.recordings.count) recordings of \(plan.shards) shards: "
            + "\(plan.recordings.count - failed - missingCount) analysed, \(failed) failed, \(missingCount) missing"
            + (missing.isEmpty ? "" : " (shard " + missing.keys.sorted().map { "\($0) (\(missing[$0]!))" }.joined(separator: ", ")
                + "; rerun with --skip-existing)"))
        if failed + missingCount > 0 { throw ExitCode(1) }
    }

    /// Where a cohort file goes: `batch.json`/`summary.md`… in directory mode, else `--output`.
    private func cohortPath(_ format: OutputFormat) -> String? {
        guard directoryMode, let output else { return output }
        let name = format == .json || format == .jsonl ? "batch" : "summary"
        return (output as NSString).appendingPathComponent("\(name).\(format.fileExtension)")
    }

    /// A cohort of one: what `analyze` writes for one input (its report; no batch unless it failed).
    private func mergeOne(_ plan: CohortManifest, formats: [OutputFormat]) throws {
        let (entry, foundIn, _) = load(plan.recordings[0], plan: plan)
        switch entry {
        case .analysed(let result):
            if directoryMode, let output {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                var used: Set<String> = []
                let stem = OutputWriter.uniqueStem(for: result.source.path, used: &used)
                try place(plan.recordings[0], result, from: foundIn!, to: output, stem: stem, formats: formats)
            } else {
                let sink = try CohortSink(path: output)
                try sink.append(try Rendering.render(result, traces: [], traceBinSeconds: 0, format: formats[0]))
                try sink.finish()
            }
        case .failed(let path, let error):
            StandardOutput.error("myotwitch: \(error.hasPrefix(path) ? error : "\(path): \(error)")")
            if directoryMode, output != nil {
                for format in formats {
                    let sink = try CohortSink(path: cohortPath(format))
                    try sink.append(try Rendering.render(batch: [.failure(path: path, message: error)], format: format, summary: true))
                    try sink.finish()
                }
            }
            throw ExitCode(1)
        }
    }

    /// The recording's result from the first directory holding it, else its failure record,
    /// else a failed entry saying that no shard wrote it (`missing`).
    private func load(_ recording: CohortManifest.Recording, plan: CohortManifest)
        -> (entry: BatchResult.Entry, foundIn: String?, missing: Bool) {
        for directory in directories {
            let path = ShardedAnalysis.output(directory, recording.stem, "json")
            guard AtomicFile.isRegularFile(path) else { continue }
            do {
                let entries = try JSONReport.decodeSavedResults(try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
                guard entries.count == 1, case .analysed(let result) = entries[0], result.source.path == recording.path else {
                    return (.failed(path: recording.path, error: "\(path) is not the result of \(recording.path); was the directory reused?"), nil, false)
                }
                return (entries[0], directory, false)
            } catch {
                return (.failed(path: recording.path, error: "\(error)"), nil, false)
            }
        }
        for directory in directories {
            let path = (ShardedAnalysis.failedFolder(directory) as NSString).appendingPathComponent("\(recording.stem).json")
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)),
                  let failure = try? JSONDecoder().decode(CohortFailure.self, from: data) else { continue }
            return (.failed(path: failure.path, error: failure.error), nil, false)
        }
        return (.failed(path: recording.path,
                        error: "\(recording.path): no result: shard \(recording.shard)/\(plan.shards) has not written it (not run, still running, or stopped); rerun that shard with --skip-existing"),
                nil, true)
    }

    /// The recording's per-format outputs in `output`: the shard's files themselves when they
    /// are there already, copied byte for byte from another directory, or rendered from the
    /// saved result for a format the shards did not write (HTML then has no signal envelope).
    private func place(_ recording: CohortManifest.Recording, _ result: AnalysisResult, from directory: String,
                       to output: String, stem: String, formats: [OutputFormat]) throws {
        for format in formats {
            let source = ShardedAnalysis.output(directory, recording.stem, format.fileExtension)
            let target = ShardedAnalysis.output(output, stem, format.fileExtension)
            if AtomicFile.isRegularFile(source) {
                if Self.samePath(source, target) { continue }
                try AtomicFile.write(try Data(contentsOf: URL(fileURLWithPath: source)), to: target)
            } else {
                try AtomicFile.write(try Rendering.render(result, traces: [], traceBinSeconds: AnalyzerOptions().traceBinSeconds,
                                                          format: format), to: target)
            }
        }
    }

    static func samePath(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
