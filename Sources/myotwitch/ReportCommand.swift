import ArgumentParser
import Foundation
import MyoTwitch

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render reports (HTML, Markdown, CSV) from saved analysis results, without re-analysing.",
        discussion: """
        RESULTS are JSON files written by `myotwitch analyze --format json` (one analysis, \
        schema myotwitch.analysis/1, or a batch, myotwitch.batch/1), or directories holding \
        them. One analysis gives its report; several give one cohort summary table, in which \
        inputs that had failed in the batch are listed as failed. Saved results hold no signal \
        envelope, so the HTML timeline shows the detected events only.

        Examples:
          myotwitch analyze rec.csv --output rec.json && myotwitch report rec.json --format html --output rec.html
          myotwitch report results/*.json --format markdown
          myotwitch report batch.json --format html --format csv --output reports/

        Exit status: 0 all results read; 1 some result file could not be read (the others are \
        still reported); 2 usage error.
        """
    )

    /// The formats a saved result can be rendered in (JSON is already what was saved).
    static let reportFormats: [OutputFormat] = [.html, .markdown, .csv]

    @Argument(help: ArgumentHelp("Saved results: JSON files or directories of them.", valueName: "result"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("Report format: html, markdown (default) or csv. Repeat with --output DIR for several.", valueName: "format"))
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
        guard !inputs.isEmpty else { throw ValidationError("name at least one saved result (JSON)") }
        for f in formats where !Self.reportFormats.contains(f) {
            throw ValidationError("report writes --format html, markdown or csv, not \(f.rawValue)")
        }
        if formats.count > 1 && !isDirectoryOutput {
            throw ValidationError("several --format values need --output DIR (one file per format)")
        }
    }

    func run() throws {
        StandardOutput.prepare()
        var outcomes: [Outcome] = []
        var unreadable = 0
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
        if !outcomes.isEmpty {
            let writer = OutputWriter(formats: formats, output: output, directoryMode: isDirectoryOutput,
                                      protected: ProtectedInputs(paths: files))
            try writer.write(outcomes, singleInput: outcomes.count == 1)
        }
        if unreadable > 0 { throw ExitCode(1) }
    }

    /// Files as given; directories searched recursively for `.json` files, sorted by path.
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
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                guard relative.lowercased().hasSuffix(".json"),
                      !(relative as NSString).lastPathComponent.hasPrefix(".") else { continue }
                found.append((input as NSString).appendingPathComponent(relative))
            }
            files += found.sorted()
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
