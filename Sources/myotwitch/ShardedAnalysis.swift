import ArgumentParser
import Foundation
import MyoTwitch

/// `analyze --shard I/N` (or a job array's variables): analyses this task's share of the
/// cohort and writes each recording's outputs the moment it is done, atomically, into the
/// shared `--output DIR`; `myotwitch report DIR` merges the shards afterwards.
///
/// The plan (who analyses what, and every recording's file names, chosen over the whole
/// cohort so that the names are those of a one-machine run) is `DIR/.myotwitch-cohort/cohort.json`.
/// A recording that cannot be analysed leaves `DIR/.myotwitch-cohort/failed/STEM.json` with
/// its error, removed again once a rerun analyses it.
struct ShardedAnalysis {
    let command: AnalyzeCommand
    let shard: ShardSpec
    let files: [String]

    /// The shard to run as: `--shard` (`none` turns sharding off), else the job array's
    /// variables, else `nil` (an ordinary run).
    static func spec(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ShardSpec? {
        do {
            if let option {
                return option == "none" ? nil : try ShardSpec.parse(option)
            }
            return try ShardSpec.fromEnvironment(environment)
        } catch let problem as ShardSpec.Problem {
            throw ValidationError(problem.description)
        }
    }

    /// The options that change results, recorded in the plan so that shards run differently
    /// are refused instead of merged.
    static func resultOptions(_ command: AnalyzeCommand) -> [String] {
        let r = command.recording
        var options = ["--episode-gap", "\(r.episodeGap)", "--episode-min-twitches", "\(r.episodeMinTwitches)",
                       "--threshold", "\(r.threshold)", "--min-cramp", "\(r.minCramp)"]
        if let rate = r.rate { options += ["--rate", "\(rate)"] }
        if let sensor = r.sensor { options += ["--sensor", sensor.rawValue] }
        if let columns = r.columns { options += ["--columns", columns] }
        if let channels = r.channels { options += ["--channels", channels] }
        if command.skipMalformed { options.append("--skip-malformed") }
        return options
    }

    func run() throws {
        guard command.isDirectoryOutput, let directory = command.output else {
            throw ValidationError("shard \(shard) (from \(shard.origin)) writes one file per recording: give --output DIR (a directory shared by all shards), or --shard none to analyse every input in this task")
        }
        guard command.formats.contains(.json) else {
            throw ValidationError("shard \(shard) needs json among its --format values: the merge (myotwitch report DIR) reads each recording's JSON")
        }
        if files.contains("-") {
            throw ValidationError("standard input ('-') cannot be shared between shards; name files or directories")
        }
        let plan = try loadOrSavePlan(in: directory)
        let mine = plan.recordings.filter { $0.shard == shard.index }
        let extensions = command.formats.map(\.fileExtension)
        let todo = command.skipExisting
            ? mine.filter { r in !extensions.allSatisfy { AtomicFile.isRegularFile(Self.output(directory, r.stem, $0)) } }
            : mine
        let decoderOptions = command.recording.decoderOptions(strict: !command.skipMalformed)
        let settings = command.recording.settings
        let formats = command.formats
        let traces = formats.contains(.html)
        let jobs = command.jobs
        let perFileParallel = jobs > 1 && todo.count < jobs * 2
        let progress = ProgressBar(files: todo.map(\.path))
        let failedFolder = Self.failedFolder(directory)
        try FileManager.default.createDirectory(atPath: failedFolder, withIntermediateDirectories: true)
        let problems = parallelMap(todo, jobs: jobs, progress: { progress.update(done: $0) }) { recording -> String? in
            let outcome = Outcome.analyse(path: recording.path, decoderOptions: decoderOptions, settings: settings,
                                          traces: traces, parallel: perFileParallel)
            let failureRecord = (failedFolder as NSString).appendingPathComponent("\(recording.stem).json")
            do {
                switch outcome {
                case .success(let result, let values, let bin):
                    for format in formats {
                        let data = try Rendering.render(result, traces: values, traceBinSeconds: bin, format: format)
                        try AtomicFile.write(data, to: Self.output(directory, recording.stem, format.fileExtension))
                    }
                    unlink(failureRecord)  // an earlier failure of this recording is history now
                    return nil
                case .failure(let path, let message):
                    let record = try JSONReport.encode(CohortFailure(path: path, error: message)) + Data("\n".utf8)
                    try AtomicFile.write(record, to: failureRecord)
                    return message.hasPrefix(path) ? message : "\(path): \(message)"
                }
            } catch {
                return "\(error)"
            }
        }
        progress.finish()
        let failures = problems.compactMap { $0 }
        for message in failures { StandardOutput.error("myotwitch: \(message)") }
        let bytes = mine.reduce(0) { $0 + $1.bytes }
        StandardOutput.error("myotwitch: shard \(shard) (\(shard.origin)): \(mine.count) of \(plan.recordings.count) recordings, "
            + String(format: "%.1f MB", Double(bytes) / 1_000_000)
            + (command.skipExisting ? ", \(mine.count - todo.count) already complete" : "")
            + ", \(todo.count - failures.count) analysed, \(failures.count) failed; "
            + "when every shard is done: myotwitch report \(directory) --output \(directory)")
        if !failures.isEmpty { throw ExitCode(1) }
    }

    /// The saved plan if an earlier task wrote one (it must describe the same cohort), else
    /// this task's plan, saved unless another task saved the same plan first.
    private func loadOrSavePlan(in directory: String) throws -> CohortManifest {
        var used: Set<String> = []
        let stems = files.map { OutputWriter.uniqueStem(for: $0, used: &used) }
        let sizes = files.map { path -> Int in
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : 0
        }
        let planned = CohortManifest.plan(paths: files, stems: stems, sizes: sizes, shards: shard.count,
                                          formats: command.formats.map(\.fileExtension),
                                          options: Self.resultOptions(command))
        let folder = (directory as NSString).appendingPathComponent(CohortManifest.folder)
        let path = (folder as NSString).appendingPathComponent(CohortManifest.fileName)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("cannot create \(folder): \(ReportCommand.reason(error))")
        }
        if !AtomicFile.isRegularFile(path) {
            let file = try AtomicFile(path: path)
            try file.append(try planned.encoded())
            if try file.commit(exclusive: true) { return planned }
        }
        let saved = try CohortManifest.decode(try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        if let difference = planned.mismatch(with: saved) {
            throw ValidationError("\(path) belongs to another run: \(difference). "
                + (saved.shards != shard.count
                    ? "A task resubmitted alone needs the count fixed: MYOTWITCH_SHARD_COUNT=\(saved.shards) (0-based SLURM_ARRAY_TASK_ID) or --shard I/\(saved.shards). "
                    : "")
                + "To start over, use a new --output directory or remove \(folder)")
        }
        return saved
    }

    static func output(_ directory: String, _ stem: String, _ ext: String) -> String {
        (directory as NSString).appendingPathComponent("\(stem).\(ext)")
    }

    static func failedFolder(_ directory: String) -> String {
        ((directory as NSString).appendingPathComponent(CohortManifest.folder) as NSString).appendingPathComponent("failed")
    }
}
