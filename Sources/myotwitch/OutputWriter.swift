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

    /// Writes `data` to a temporary file beside `path`, then renames it over `path`: a reader
    /// never sees half a report, and a failed run leaves any earlier report intact. (Foundation's
    /// `.atomic` option on Linux leaves an empty `TemporaryDirectory.*` in /tmp per write.)
    /// A symbolic link is followed, not replaced; a device or pipe (`/dev/stdout`) is written
    /// in place.
    private func writeFile(_ data: Data, to path: String) throws {
        // Not a usage error: say what failed and exit 1, like an unreadable input.
        func failure(_ what: String) -> ExitCode {
            StandardOutput.error("myotwitch: cannot write \(path): \(what): \(String(cString: strerror(errno)))")
            return ExitCode(1)
        }
        var target = path
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                let fd = open(path, O_WRONLY | O_TRUNC)
                guard fd >= 0 else { throw failure("cannot open") }
                let ok = Self.writeAll(data, to: fd)
                guard close(fd) == 0 && ok else { throw failure("write failed") }
                return
            }
            if let resolved = realpath(path, nil) {
                target = String(cString: resolved)
                free(resolved)
            }
        }
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "" : directory + "/") + ".\(name).XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure("cannot create a temporary file beside it") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // mkstemp creates the file 0600; a report is as readable as any file the user writes.
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
        let ok = Self.writeAll(data, to: fd)
        if close(fd) != 0 || !ok {
            let error = failure("write failed")
            unlink(temporary)
            throw error
        }
        if rename(temporary, target) != 0 {
            let error = failure("cannot replace it")
            unlink(temporary)
            throw error
        }
    }

    private static func writeAll(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var written = 0
            while written < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += n
            }
            return true
        }
    }
}
