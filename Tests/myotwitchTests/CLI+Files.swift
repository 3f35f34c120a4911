import Foundation

/// File-system helpers for end-to-end tests: special files, checksums, redirected output.
extension CLI {
    /// Runs a system tool (`mknod`, `mkfifo`) and returns its exit status.
    @discardableResult
    static func tool(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The file type of `path` without following a final symbolic link (`.typeCharacterSpecial`,
    /// `.typeRegular`, …), or nil.
    static func fileType(_ path: String) -> FileAttributeType? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    }

    /// Runs the executable with standard output sent to `stdoutPath` (e.g. /dev/full or an input
    /// file, opened for appending), stderr captured.
    static func run(_ arguments: [String], stdoutPath: String, stdin: Data? = nil,
                    currentDirectory: URL? = nil) throws -> Result {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent("stdin")
        let errURL = dir.appendingPathComponent("stderr")
        try (stdin ?? Data()).write(to: inURL)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        defer { try? out.close() }
        if stdoutPath != "/dev/full" { try out.seekToEnd() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = currentDirectory ?? packageRoot
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: "",
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
