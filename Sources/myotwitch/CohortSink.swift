import Foundation

/// Where a merged cohort file goes (`CohortMerge`): standard output, a device or pipe written in place, or a regular
/// file replaced atomically.
final class CohortSink {
    private var file: AtomicFile?
    private var fd: Int32 = -1
    private let path: String

    init(path: String?) throws {
        self.path = path ?? "-"
        guard let path, path != "-" else { fd = 1; return }
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            fd = open(path, O_WRONLY | O_TRUNC)
            guard fd >= 0 else {
                throw AtomicFile.Failure(description: "cannot write \(path): cannot open: \(String(cString: strerror(errno)))")
            }
        } else {
            file = try AtomicFile(path: path)
        }
    }

    func append(_ data: Data) throws {
        if let file { return try file.append(data) }
        if fd == 1 { return StandardOutput.write(data) }
        let ok = data.withUnsafeBytes { raw -> Bool in
            var written = 0
            while written < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return true
        }
        if !ok { throw AtomicFile.Failure(description: "cannot write \(path): write failed: \(String(cString: strerror(errno)))") }
    }

    func finish() throws {
        if let file { try file.commit(); return }
        if fd > 2 {
            let ok = close(fd) == 0
            fd = -1
            if !ok { throw AtomicFile.Failure(description: "cannot write \(path): write failed: \(String(cString: strerror(errno)))") }
        }
    }
}
