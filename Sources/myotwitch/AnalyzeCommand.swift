import ArgumentParser
import Foundation
import MyoTwitch

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse recorded files: twitches, cramps, activity and artifacts, and their episodes.",
        discussion: """
        INPUTS are CSV files, directories (searched recursively for .csv, .tsv, .txt) or quoted \
        glob patterns. A BIDS-EMG dataset directory (dataset_description.json, \
        sub-*/[ses-*/]emg/*_emg.edf|bdf) gives its recordings, read with the EMG channels and \
        muscles of their *_channels.tsv; with --format events-tsv --output DIR/ their events are \
        written as a BIDS derivative under DIR (e.g. ds/derivatives/myotwitch/). One input gives one analysis object (schema myotwitch.analysis/1); several \
        give a batch object (myotwitch.batch/1) in which a file that cannot be read carries an \
        "error" and does not stop the others. Files are analysed in parallel (--jobs).

        Times are seconds from the first sample. Detection adapts to the noise of each channel, \
        so units and gain do not matter.

        Examples:
          myotwitch analyze SampleData/emg-twitches-cramp.csv
          myotwitch analyze recording.csv --format markdown
          myotwitch analyze 'study/*.csv' --format json --format html --output reports/
          myotwitch analyze headerless.csv --rate 1000 --columns emg
          myotwitch analyze logger-export.csv --skip-malformed
          myotwitch analyze rec.edf --muscle 'EMG1=tibialis anterior' --format html --output rec.html
          myotwitch analyze bids-ds/ --format events-tsv --output bids-ds/derivatives/myotwitch/

        A row that cannot be read (a wrong field count, text where a number belongs) stops its \
        file with an error naming the line and column; --skip-malformed skips such rows and \
        lists them as warnings instead.

        Exit status: 0 all inputs analysed; 1 some input failed; 2 usage error.
        """,
        aliases: ["analyse"]
    )

    @Argument(help: ArgumentHelp("Recordings: files, directories or quoted glob patterns ('-' for standard input).", valueName: "input"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("Output format: json, jsonl, csv, markdown, html, events-tsv (BIDS events: onset, duration, trial_type, …) or mne-annotations (a .txt mne.read_annotations loads, with the start time as orig_time). Default: the one --output's ending names (.json, .jsonl, .csv, .md, .html, .tsv), otherwise json. Repeat with --output DIR for several.", valueName: "format"))
    var format: [OutputFormat] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write: a file, '-' for standard output (default), or a directory (existing, or ending in '/') for one file per input and format plus a combined summary.", valueName: "path"))
    var output: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Threads to use: files analysed at once (and, for few files, reading beside analysing and channels side by side). Default: the number of cores; at most 4 × the cores.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .customLong("skip-malformed"), help: ArgumentHelp("Skip rows that cannot be read and go on; each is listed as a warning with its line and column (summary.warnings). Without it, the first such row stops that file with an error that names its line and column."))
    var skipMalformed = false

    @OptionGroup var recording: RecordingOptions

    @Option(help: ArgumentHelp("Analyse only shard I of N of the inputs (1 ≤ I ≤ N), balanced by file size, writing each recording's files to --output DIR as it finishes; merge with `myotwitch report DIR`. Default: from SLURM_ARRAY_TASK_ID/_MIN/_COUNT or JOB_COMPLETION_INDEX with MYOTWITCH_SHARD_COUNT when set; 'none' ignores them. See README, \"Running a cohort on a cluster\".", valueName: "I/N"))
    var shard: String?

    @Flag(name: .customLong("skip-existing"), help: ArgumentHelp("Leave recordings whose outputs (every --format) are already in --output DIR, to resume a stopped or failed shard (without --shard: as shard 1/1). Outputs are written atomically, so one that exists is complete."))
    var skipExisting = false

    @Option(name: .customLong("muscle"), help: ArgumentHelp("The muscle under a channel, CHANNEL=NAME (repeat per channel), e.g. EMG1='tibialis anterior'. Picks the healthy reference rate the reports show for it (none when no published rate is known for that muscle). Overrides a muscle named by a BIDS channels.tsv or the EDF label.", valueName: "channel=name"))
    var muscle: [String] = []

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard !inputs.isEmpty else { throw ValidationError("name at least one input file or directory") }
        do { _ = try MuscleAssignment(arguments: muscle) } catch { throw ValidationError("\(error)") }
        if formats.count > 1 && !isDirectoryOutput {
            throw ValidationError("several --format values need --output DIR (one file per format)")
        }
    }

    var formats: [OutputFormat] {
        OutputFormat.resolve(format, output: output, directory: isDirectoryOutput, fallback: .json)
    }

    var isDirectoryOutput: Bool {
        guard let output, output != "-" else { return false }
        var isDirectory: ObjCBool = false
        return output.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    func run() throws {
        StandardOutput.prepare()
        let bids: BIDSInputs
        do { bids = try BIDSInputs(inputs) } catch {
            StandardOutput.error("myotwitch: \(error)")
            throw ExitCode(1)
        }
        let files = bids.expand(inputs)
        guard !files.isEmpty else {
            let endings = InputExpansion.recordingExtensions.sorted().map { "." + $0 }.joined(separator: " ")
            throw ValidationError("no recordings (\(endings) files) found in \(inputs.joined(separator: ", "))")
        }
        if let note = OutputFormat.mismatchNote(format, output: output, directory: isDirectoryOutput) {
            StandardOutput.error(note)
        }
        // Refused before any work when an output would replace an input (exit status 2).
        let writer = OutputWriter(formats: formats, output: output, directoryMode: isDirectoryOutput,
                                  protected: ProtectedInputs(paths: files))
        try writer.checkDestinations(sources: files)
        if let spec = try ShardedAnalysis.spec(shard) ?? (skipExisting ? ShardSpec(index: 1, count: 1, origin: "--skip-existing") : nil) {
            return try ShardedAnalysis(command: self, shard: spec, files: files).run()
        }
        let decoderOptions = recording.decoderOptions(strict: !skipMalformed)
        let settings = recording.settings
        let wantsTraces = formats.contains(.html)
        let jobs = JobLimit.cap(self.jobs)
        let progress = ProgressBar(files: files)
        // --jobs is the number of threads: one file per thread when there are enough files; a
        // file alone on a machine with several gets its reader and channels on threads of their own.
        let perFileParallel = jobs > 1 && files.count < jobs * 2
        let muscles = try MuscleAssignment(arguments: muscle)
        let outcomes = parallelMap(files, jobs: jobs, progress: { progress.update(done: $0) }) { path in
            Outcome.analyse(path: path, decoderOptions: bids.decoderOptions(decoderOptions, path: path), settings: settings,
                            traces: wantsTraces, parallel: perFileParallel).assigning(bids.muscles(muscles, path: path))
        }
        progress.finish()
        for outcome in outcomes {
            if case .failure(let path, let message) = outcome {
                StandardOutput.error("myotwitch: \(message.hasPrefix(path) ? message : "\(path): \(message)")")
            }
        }
        // One input that failed has nothing to write beyond its error; several inputs always
        // give the batch form, in which failures are entries.
        if !(files.count == 1 && outcomes[0].isFailure) {
            // A BIDS dataset's events.tsv go into a derivative layout under the output directory.
            let derivative = !bids.isEmpty && isDirectoryOutput && formats.contains(.eventsTSV)
            if derivative, let output { try bids.writeDerivative(outcomes, to: output) }
            let writer = derivative
                ? OutputWriter(formats: formats.filter { $0 != .eventsTSV }, output: output,
                               directoryMode: isDirectoryOutput, protected: ProtectedInputs(paths: files))
                : writer
            try writer.write(outcomes, singleInput: files.count == 1)
        }
        if outcomes.contains(where: \.isFailure) { throw ExitCode(1) }
    }
}
