#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation

/// Where one output goes, opened the way its kind needs:
/// - `-`: standard output (`StandardOutput`: EPIPE ends quietly, other failures exit 1);
/// - a character or block device, a FIFO or a socket: written directly — it is opened (a socket
///   connected) and written in place, never replaced, so `--output /dev/null` or a named pipe
///   stays what it is;
/// - a regular file, or a path that does not exist yet: written to a temporary file beside it
///   (`.NAME.XXXXXX`) and renamed over it by `commit()`, so a reader never sees half a report and
///   a failed run leaves an earlier file intact. A symbolic link is followed, not replaced; an
///   existing file keeps its permissions.
///
/// Every write is checked; a failure prints `myotwitch: cannot write PATH: REASON`, removes the
/// temporary file and throws `ExitCode(1)`.
final class OutputSink {
    /// The destination as the user named it, for messages.
    let name: String
    private var fd: Int32
    private let temporary: String?
    private let target: String?
    private let isStandardOutput: Bool
    private var closed = false

    private init(name: String, fd: Int32, temporary: String?, target: String?, isStandardOutput: Bool) {
        self.name = name
        self.fd = fd
        self.temporary = temporary
        self.target = target
        self.isStandardOutput = isStandardOutput
    }

    deinit { discard() }

    static var standardOutput: OutputSink {
        OutputSink(name: "standard output", fd: 1, temporary: nil, target: nil, isStandardOutput: true)
    }

    /// True when `path` names an existing file that is not a regular file or a directory
    /// (a device, FIFO or socket): such outputs are written in place.
    static func isSpecial(_ path: String) -> Bool {
        guard path != "-", let identity = FileIdentity(path: path) else { return false }
        return !identity.isRegular && identity.type != UInt32(S_IFDIR)
    }

    /// Opens `path` for writing (see the type's description).
    static func open(_ path: String) throws -> OutputSink {
        if path == "-" { return standardOutput }
        func failure(_ what: String, _ code: Int32 = errno) -> ExitCode {
            StandardOutput.error("myotwitch: cannot write \(path): \(what)\(Descriptor.reason(code))")
            return ExitCode(1)
        }
        var info = stat()
        let exists = stat(path, &info) == 0
        let type = UInt32(info.st_mode) & UInt32(S_IFMT)
        if exists && type == UInt32(S_IFDIR) {
            throw failure("", EISDIR)
        }
        if exists && type == UInt32(S_IFSOCK) {
            let fd = try connect(path, failure: failure)
            return OutputSink(name: path, fd: fd, temporary: nil, target: nil, isStandardOutput: false)
        }
        if exists && type != UInt32(S_IFREG) {
            let fd = Glibc.open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard fd >= 0 else { throw failure("cannot open it: ") }
            return OutputSink(name: path, fd: fd, temporary: nil, target: nil, isStandardOutput: false)
        }
        var target = path
        if exists, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        // The temporary file goes in the target's directory (same file system, so rename works).
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        let base = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array((directory + ".\(base).XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure("cannot create a temporary file beside it: ") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // mkstemp creates the file 0600: a replaced file keeps its mode, a new one is as readable
        // as any file the user creates (0666 less the umask).
        if exists {
            fchmod(fd, info.st_mode & 0o7777)
        } else {
            let mask = umask(0)
            umask(mask)
            fchmod(fd, 0o666 & ~mask)
        }
        return OutputSink(name: path, fd: fd, temporary: temporary, target: target, isStandardOutput: false)
    }

    /// Connects to the Unix-domain stream socket at `path`.
    private static func connect(_ path: String, failure: (String, Int32) -> ExitCode) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw failure("cannot create a socket: ", errno) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { close(fd); throw failure("socket path too long: ", ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw failure("cannot connect to the socket: ", code)
        }
        return fd
    }

    /// Writes `data`; a failure ends this output (see the type's description).
    func write(_ data: Data) throws {
        if isStandardOutput { StandardOutput.write(data); return }
        let code = Descriptor.write(data, to: fd)
        guard code == 0 else { throw fail(code) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if isStandardOutput { StandardOutput.write(Data(bytes)); return }
        let code = Descriptor.write(bytes, to: fd)
        guard code == 0 else { throw fail(code) }
    }

    /// Closes the output; a regular file's temporary copy is renamed over its path.
    func commit() throws {
        guard !isStandardOutput, !closed else { return }
        closed = true
        if close(fd) != 0 { throw fail(errno, closing: true) }
        if let temporary, let target, rename(temporary, target) != 0 {
            let code = errno
            unlink(temporary)
            StandardOutput.error("myotwitch: cannot write \(name): cannot replace it: \(Descriptor.reason(code))")
            throw ExitCode(1)
        }
    }

    /// Drops the output unfinished: the temporary file is removed, the destination untouched.
    func discard() {
        guard !isStandardOutput, !closed else { return }
        closed = true
        close(fd)
        if let temporary { unlink(temporary) }
    }

    private func fail(_ code: Int32, closing: Bool = false) -> ExitCode {
        if !closing { close(fd) }
        closed = true
        if let temporary { unlink(temporary) }
        StandardOutput.error("myotwitch: cannot write \(name): \(Descriptor.reason(code))")
        return ExitCode(1)
    }

    /// Opens `path`, writes `data` and commits: one whole document.
    static func write(_ data: Data, to path: String) throws {
        let sink = try open(path)
        try sink.write(data)
        try sink.commit()
    }
}
