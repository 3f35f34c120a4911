import ArgumentParser
import Foundation
import MyoTwitch

/// Writes analysis outcomes in the requested formats: to standard output, to one file, or to a
/// directory (one file per input and format, plus a combined batch/cohort file).
struct OutputWriter {
    var formats: [OutputFormat]
    var output: String?
    var directoryMode: Bool

    func write(_ outcomes: [Outcome], singleInput: Bool) throws {
        if directoryMode, let output {
            try writeDirectory(outcomes, to: output)
            return
        }
        let format = formats[0]
        let data = try render(outcomes, format: format, singleInput: singleInput)
        if let output, output != "-" {
            try writeFile(data, to: output)
        } else {
            StandardOutput.write(data)
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

    private func writeDirectory(_ outcomes: [Outcome], to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var used: Set<String> = []
        for outcome in outcomes {
            guard case .success(let result, let traces, let bin) = outcome else { continue }
            let stem = Self.uniqueStem(for: result.source.path, used: &used)
            for format in formats {
                let data = try Rendering.render(result, traces: traces, traceBinSeconds: bin, format: format)
                try writeFile(data, to: (directory as NSString).appendingPathComponent("\(stem).\(format.fileExtension)"))
            }
        }
        if outcomes.count > 1 || outcomes.contains(where: \.isFailure) {
            for format in formats {
                let data = try Rendering.render(batch: outcomes, format: format)
                let name = format == .json || format == .jsonl ? "batch" : "summary"
                try writeFile(data, to: (directory as NSString).appendingPathComponent("\(name).\(format.fileExtension)"))
            }
        }
    }

    /// A file-name stem derived from an input path that cannot leave the output directory: the
    /// last path component without its extension, with separators, leading dots and control
    /// characters replaced; made unique within one run.
    static func uniqueStem(for path: String, used: inout Set<String>) -> String {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var stem = String(base.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return scalar.value < 0x20 || c == "/" || c == "\\" || c == ":" ? "_" : c
        })
        while stem.hasPrefix(".") { stem.removeFirst() }
        if stem.isEmpty || stem == "batch" || stem == "summary" { stem = "recording-" + stem }
        var candidate = stem, n = 2
        while used.contains(candidate) { candidate = "\(stem)-\(n)"; n += 1 }
        used.insert(candidate)
        return candidate
    }

    private func writeFile(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ValidationError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
