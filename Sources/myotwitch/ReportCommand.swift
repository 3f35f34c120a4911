import ArgumentParser
import Foundation
import MyoTwitch

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render reports from saved results without re-analysing, and merge sharded cohorts.",
        discussion: """
        RESULTS are what `analyze` or `stream` saved: JSON (one analysis, schema \
        myotwitch.analysis/1, or a batch, myotwitch.batch/1), JSON Lines (`stream`, `analyze \
        --format jsonl`: one recording per summary line), or directories holding them, searched \
        recursively for .json and .jsonl in natural order (rec2 before rec10, as `analyze` \
        orders its inputs). A directory that `analyze --output DIR` wrote is read through its \
        batch file (batch.json, else batch.jsonl), so each recording counts once; the same \
        result named twice is counted once, with a note. One analysis gives its report; several \
        give one cohort summary, in which inputs that had failed are listed as failed. Saved \
        results hold no signal envelope, so the HTML timeline shows the detected events only.

        Merging a sharded cohort: given the --output directories of `analyze --shard` (they \
        hold .myotwitch-cohort/), report writes what one `analyze` of the whole cohort writes, \
        byte for byte: with --output DIR the per-recording files (the shards' own, copied if DIR \
        is another directory) and batch.json/summary.* in the shards' formats (or --format), \
        otherwise the cohort summary. Recordings that failed, and recordings no shard wrote, are \
        listed with the shard to rerun; either gives exit status 1.

        Examples:
          myotwitch analyze rec.csv --output rec.json && myotwitch report rec.json --format html --output rec.html
          myotwitch report results/ --format markdown
          myotwitch stream < live.csv > live.jsonl; myotwitch report live.jsonl --format html --output live.html
          myotwitch report batch.json --format html --format csv --output reports/
          myotwitch report cohort-out/ --output cohort-out/          (merge the shards in place)

        Exit status: 0 all results read; 1 some result file could not be read, or a merged \
        cohort has failed or missing recordings (the others are still reported); 2 usage error.
        """
    )

    @Argument(help: ArgumentHelp("Saved results: JSON or JSON Lines files, or directories of them (or of sharded analyze output, to merge).", valueName: "result"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("Report format: json, jsonl, csv, markdown (default), html, events-tsv (BIDS) or mne-annotations (MNE); merging into a directory: the shards' formats. Repeat with --output DIR for several.", valueName: "format"))
    var format: [OutputFormat] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write: a file, '-' for standard output (default), or a directory (existing, or ending in '/') for one file per result and format plus a cohort summary.", valueName: "path"))
    var output: String?

    var formats: [OutputFormat] { format.isEmpty ? [.markdown] : format }

    var isDirectoryOutput: Bool {
        guard let output, output != "-" else { return false }
        var isDirectory: ObjCBool = false
        return output.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name at least one saved result (JSON or JSON Lines)") }
        if formats.count > 1 && !isDirectoryOutput {
            throw ValidationError("several --format values need --output DIR (one file per format)")
        }
    }

    func run() throws {
        StandardOutput.prepare()
        let shardDirectories = inputs.filter(CohortMerge.isShardDirectory)
        if !shardDirectories.isEmpty {
            let others = inputs.filter { !CohortMerge.isShardDirectory($0) }
            guard others.isEmpty else {
                throw ValidationError("\(shardDirectories.joined(separator: ", ")) hold sharded analyze output, \(others.joined(separator: ", ")) do not: merge the shards on their own")
            }
            do {
                try CohortMerge(directories: inputs, formats: format.isEmpty ? nil : format, output: output,
                                directoryMode: isDirectoryOutput).run()
            } catch let failure as AtomicFile.Failure {
                StandardOutput.error("myotwitch: \(failure)")
                throw ExitCode(1)
            }
            return
        }
        var outcomes: [Outcome] = []
        var unreadable = 0
        var seen: [String: [(entry: BatchResult.Entry, file: String)]] = [:]
        var duplicates = 0, firstDuplicate = ""
        let files = Self.expand(inputs)
        for file in files {
            do {
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: file))
                } catch {
                    throw InputError(path: file, message: "cannot read: \(Self.reason(error))")
                }
                for entry in try JSONReport.decodeSavedResults(data, path: file) {
                    let key: String
                    switch entry {
                    case .analysed(let result): key = result.source.path
                    case .failed(let path, _): key = path
                    }
                    if let earlier = seen[key]?.first(where: { Self.same($0.entry, entry) }) {
                        if duplicates == 0 { firstDuplicate = "\(key) in \(file) and \(earlier.file)" }
                        duplicates += 1
                        continue
                    }
                    seen[key, default: []].append((entry, file))
                    switch entry {
                    case .analysed(let result):
                        outcomes.append(.success(result, traces: [], traceBinSeconds: AnalyzerOptions().traceBinSeconds))
                    case .failed(let path, let error):
                        outcomes.append(.failure(path: path, message: error))
                    }
                }
            } catch {
                unreadable += 1
                StandardOutput.error("myotwitch: \(error)")
            }
        }
        if duplicates > 0 {
            StandardOutput.error("myotwitch: note: \(duplicates) \(duplicates == 1 ? "result was" : "results were") read twice and counted once (the first: \(firstDuplicate))")
        }
        if !outcomes.isEmpty {
            let writer = OutputWriter(formats: formats, output: output, directoryMode: isDirectoryOutput,
                                      protected: ProtectedInputs(paths: files))
            try writer.write(outcomes, singleInput: outcomes.count == 1)
        }
        if unreadable > 0 { throw ExitCode(1) }
    }

    /// The same recording's same result (or the same failure) read twice.
    static func same(_ a: BatchResult.Entry, _ b: BatchResult.Entry) -> Bool {
        switch (a, b) {
        case (.analysed(let x), .analysed(let y)): x == y
        case (.failed(let p, let e), .failed(let q, let f)): p == q && e == f
        default: false
        }
    }

    /// Files as given; directories searched recursively for `.json` and `.jsonl` files (hidden
    /// files and folders left out), in natural order. In a folder holding `batch.json` (or
    /// `batch.jsonl`), as `analyze --output DIR` writes, that file alone is read: the other
    /// results beside it are the same recordings.
    static func expand(_ inputs: [String]) -> [String] {
        var files: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory),
                  isDirectory.boolValue,
                  let walker = FileManager.default.enumerator(atPath: input) else {
                files.append(input)
                continue
            }
            var byFolder: [String: [String]] = [:]
            while let relative = walker.nextObject() as? String {
                let lower = relative.lowercased()
                guard lower.hasSuffix(".json") || lower.hasSuffix(".jsonl"),
                      !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                let path = (input as NSString).appendingPathComponent(relative)
                guard AtomicFile.isRegularFile(path) else { continue }
                byFolder[(relative as NSString).deletingLastPathComponent, default: []].append(path)
            }
            var found: [String] = []
            for (_, paths) in byFolder {
                let names = Set(paths.map { ($0 as NSString).lastPathComponent })
                if let batch = ["batch.json", "batch.jsonl"].first(where: names.contains) {
                    found += paths.filter { ($0 as NSString).lastPathComponent == batch }
                } else {
                    found += paths
                }
            }
            files += NaturalOrder.sorted(found)
        }
        return files
    }

    /// The system's reason without Foundation's wrapping ("The file … couldn't be opened …").
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoSuchFileError {
            return "No such file or directory"
        }
        return ns.localizedDescription
    }
}
