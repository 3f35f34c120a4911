import Foundation
import MyoTwitch

/// Turns the inputs a user typed into the files to analyse: files as given, directories walked
/// recursively for recordings, and quoted glob patterns expanded (the shell expands unquoted ones).
enum InputExpansion {
    /// File endings taken from directories (CSV exports and EDF/BDF). Explicitly named files are
    /// taken whatever their name.
    static let recordingExtensions: Set<String> = ["csv", "tsv", "txt", "edf", "bdf"]

    /// The files, in order: arguments in the order given; directory contents and glob matches
    /// in natural order (`NaturalOrder`: rec2 before rec10), so batch output is stable and a
    /// sharded cohort merges in the order one machine uses.
    static func expand(_ inputs: [String]) -> [String] {
        var files: [String] = []
        for input in inputs {
            if input == "-" { files.append(input); continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) {
                if isDirectory.boolValue { files += walk(input) } else { files.append(input) }
            } else if input.contains(where: { "*?[".contains($0) }) {
                let matches = glob(input)
                files += matches.isEmpty ? [input] : matches
            } else {
                files.append(input)  // reported as unreadable by the analysis, with its name
            }
        }
        return files
    }

    private static func walk(_ directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            let ext = (name as NSString).pathExtension.lowercased()
            // Ground-truth and result files beside recordings are JSON; skip them by extension.
            guard recordingExtensions.contains(ext) else { continue }
            let path = (directory as NSString).appendingPathComponent(relative)
            // Only regular files (or links to them) are taken from a directory: a FIFO named
            // .csv would block the batch forever waiting for a writer, and a device or socket
            // holds no recording. Named on the command line, such files are read.
            guard let identity = FileIdentity(path: path), identity.type != UInt32(S_IFDIR) else { continue }
            if identity.isRegular {
                // A Sensor Logger export's gyroscope, location, … files: skipped with a note.
                if let reason = SensorLoggerExport.skipReason(fileName: path),
                   let head = FileHandle(forReadingAtPath: path).map({ h in defer { try? h.close() }; return h.readData(ofLength: 512) }),
                   String(decoding: head, as: UTF8.self).contains("seconds_elapsed") {
                    FileHandle.standardError.write(Data("note: \(path): skipped: \(reason)\n".utf8))
                    continue
                }
                found.append(path)
            } else {
                StandardOutput.error("myotwitch: note: skipping \(path): \(Self.kind(identity)), not a regular file (name it to read it)")
            }
        }
        return NaturalOrder.sorted(found)
    }

    static func kind(_ identity: FileIdentity) -> String {
        switch identity.type {
        case UInt32(S_IFIFO): return "a FIFO"
        case UInt32(S_IFSOCK): return "a socket"
        case UInt32(S_IFCHR): return "a character device"
        case UInt32(S_IFBLK): return "a block device"
        default: return "a special file"
        }
    }

    private static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { i in
            result.gl_pathv[i].map { String(cString: $0) }
        }.sorted(by: NaturalOrder.precedes)
    }
}
