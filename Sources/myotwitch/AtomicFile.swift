import Foundation

/// A regular file written whole or not at all: the bytes go to a hidden temporary file beside
/// the target (`.NAME.XXXXXX`, same directory, so the rename cannot cross file systems), which
/// is renamed over the target on `commit()`. A task killed half-way leaves the target as it
/// was (absent, or the previous complete version) and at most a hidden temporary file, which
/// `report` and `--skip-existing` never take for an output.
///
/// Used by the sharded `analyze` and the merging `report`, where a result's presence is what
/// says it is complete.
final class AtomicFile {
    /// A failed system call, naming the file: printed as `myotwitch: cannot write PATH: …`.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let path: String
    private let temporary: String
    private var fd: Int32
    private var failed = false

    /// Creates the temporary file for `path` (a regular file or a path that does not exist yet).
    init(path: String) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "" : directory + "/") + ".\(name).XXXXXX").utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard fd >= 0 else { throw Self.failure(path, "cannot create a temporary file beside it") }
        // mkstemp creates the file 0600; an output is as readable as any file the user writes.
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(temporary)
        }
    }

    func append(_ data: Data) throws {
        let ok = data.withUnsafeBytes { raw -> Bool in
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
        guard ok else { throw Self.failure(path, "write failed") }
    }

    /// Flushes and renames the temporary file over `path`; or, with `exclusive`, links it there
    /// only if `path` does not exist yet (returns `false` when another process was first).
    @discardableResult
    func commit(exclusive: Bool = false) throws -> Bool {
        let closed = close(fd) == 0
        fd = -1
        defer { unlink(temporary) }
        guard closed else { throw Self.failure(path, "write failed") }
        if exclusive {
            if link(temporary, path) == 0 { return true }
            if errno == EEXIST { return false }
            throw Self.failure(path, "cannot create it")
        }
        guard rename(temporary, path) == 0 else { throw Self.failure(path, "cannot replace it") }
        return true
    }

    /// Writes `data` to `path` atomically.
    static func write(_ data: Data, to path: String) throws {
        let file = try AtomicFile(path: path)
        try file.append(data)
        try file.commit()
    }

    /// Whether `path` is an existing regular file (not a directory, device or dangling link).
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private static func failure(_ path: String, _ what: String) -> Failure {
        Failure(description: "cannot write \(path): \(what): \(String(cString: strerror(errno)))")
    }
}
