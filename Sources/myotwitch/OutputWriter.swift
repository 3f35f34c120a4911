import ArgumentParser
import Foundation
import MyoTwitch

/// Writes analysis outcomes in the requested formats: to standard output, to one file, or to a
/// directory (one file per input and format, plus a combined batch/cohort file). Every
/// destination goes through `OutputSink` (devices and FIFOs written in place, regular files
/// replaced atomically, every write checked), and none may be one of the `protected` inputs.
struct OutputWriter {
    var formats: [OutputFormat]
    var output: String?
    var directoryMode: Bool
    /// The files the command read; writing over one is refused (exit status 2).
    var protected = ProtectedInputs()

    func write(_ outcomes: [Outcome], singleInput: Bool) throws {
        if directoryMode, let output {
            try writeDirectory(outcomes, to: output)
            return
        }
        let format = formats[0]
        if let output, output != "-" {
            try protected.check(output)
            let data = try render(outcomes, format: format, singleInput: singleInput)
            try OutputSink.write(data, to: output)
        } else {
            try protected.checkStandardOutput()
            let data = try render(outcomes, format: format, singleInput: singleInput)
            if format == .html && isatty(1) == 1 {
                StandardOutput.error("myotwitch: note: writing an HTML report to the terminal; save it with --output report.html and open it in a browser")
            }
            StandardOutput.write(data)
        }
    }

    /// Checks, before any analysis, that the files this writer would create for `sources` (the
    /// input paths, all assumed to succeed) replace none of the inputs.
    func checkDestinations(sources: [String]) throws {
        if directoryMode, let output {
            for file in plan(sources: sources, in: output) { try check(file, sources: sources, directory: output) }
        } else if let output, output != "-" {
            try protected.check(output)
        } else {
            try protected.checkStandardOutput()
        }
    }

    /// One document for all outcomes: a single result when there was one input, otherwise the
    /// batch form (JSON) or a cohort report.
    func render(_ outcomes: [Outcome], format: OutputFormat, singleInput: Bool) throws -> Data {
        if singleInput, case .success(let result, let traces, let bin) = outcomes[0] {
            return try Rendering.render(result, traces: traces, traceBinSeconds: bin, format: format)
        }
        return try Rendering.render(batch: outcomes, format: format)
    }

    /// What a directory output holds: for each source (nil: a failed input, which gets no file of
    /// its own) and format, the path and the index of the source it renders (nil: the combined
    /// batch or summary file, written when there are several inputs or a failure).
    func plan(sources: [String?], in directory: String) -> [(path: String, source: Int?, format: OutputFormat)] {
        var used: Set<String> = []
        var files: [(String, Int?, OutputFormat)] = []
        for (index, source) in sources.enumerated() {
            guard let source else { continue }
            let stem = Self.uniqueStem(for: source, used: &used)
            for format in formats {
                files.append(((directory as NSString).appendingPathComponent("\(stem).\(format.fileExtension)"), index, format))
            }
        }
        if sources.count > 1 || sources.contains(where: { $0 == nil }) {
            for format in formats {
                let name = format == .json || format == .jsonl ? "batch" : "summary"
                files.append(((directory as NSString).appendingPathComponent("\(name).\(format.fileExtension)"), nil, format))
            }
        }
        return files
    }

    private func check(_ file: (path: String, source: Int?, format: OutputFormat), sources: [String?],
                       directory: String) throws {
        let what = file.source.flatMap { sources[$0] }.map { "the \(file.format.rawValue) report of \($0)" }
            ?? "the \(file.format.rawValue) summary"
        try protected.check(file.path, context: "\(what) that --output \(directory) writes")
    }

    private func writeDirectory(_ outcomes: [Outcome], to directory: String) throws {
        let sources: [String?] = outcomes.map {
            if case .success(let result, _, _) = $0 { return result.source.path }
            return nil
        }
        let files = plan(sources: sources, in: directory)
        // Every destination is checked before the first is written: a refusal leaves nothing half done.
        for file in files { try check(file, sources: sources, directory: directory) }
        try Self.createDirectory(directory)
        for file in files {
            let data: Data
            if let index = file.source, case .success(let result, let traces, let bin) = outcomes[index] {
                data = try Rendering.render(result, traces: traces, traceBinSeconds: bin, format: file.format)
            } else {
                data = try Rendering.render(batch: outcomes, format: file.format, summary: true)
            }
            try OutputSink.write(data, to: file.path)
        }
        StandardOutput.error("myotwitch: wrote \(files.count) report\(files.count == 1 ? "" : "s") to \(directory)")
    }

    /// `mkdir -p` with `mkdir(2)`, so a failure names the system's reason ("Not a directory",
    /// "Permission denied") and the part of the path that failed, not Foundation's wrapped error.
    static func createDirectory(_ directory: String) throws {
        var path = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            path += (path.isEmpty || path.hasSuffix("/") ? "" : "/") + component
            if mkdir(path, 0o777) == 0 || errno == EEXIST {
                var info = stat()
                if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { continue }
                errno = ENOTDIR
            }
            let reason = Descriptor.reason(errno)
            let part = path == directory || path + "/" == directory ? "" : " (at \(path))"
            StandardOutput.error("myotwitch: cannot create directory \(directory)\(part): \(reason)")
            throw ExitCode(1)
        }
    }

    /// A file-name stem derived from an input path that cannot leave the output directory: the
    /// last path component without its extension, with separators, leading dots and control
    /// characters replaced; made unique within one run.
    static func uniqueStem(for path: String, used: inout Set<String>) -> String {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var stem = String(base.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || c == "/" || c == "\\" || c == ":" ? "_" : c
        })
        while stem.hasPrefix(".") { stem.removeFirst() }
        if stem.isEmpty || stem == "batch" || stem == "summary" { stem = "recording-" + stem }
        var candidate = stem, n = 2
        while used.contains(candidate) { candidate = "\(stem)-\(n)"; n += 1 }
        used.insert(candidate)
        return candidate
    }
}
