#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A file as the system knows it: device and inode. Two paths name the same file when their
/// identities are equal, whatever the spelling (`./a.csv`, `a.csv`), symbolic links (followed
/// by `stat`) or hard links.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
    /// The file type bits of `st_mode` (`S_IFREG`, `S_IFCHR`, `S_IFIFO`, `S_IFSOCK` …).
    var type: UInt32

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        type = UInt32(info.st_mode) & UInt32(S_IFMT)
    }

    /// The file `path` names (following symbolic links), or nil when there is none.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The file open on descriptor `fd`.
    init?(descriptor fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        self.init(info)
    }

    var isRegular: Bool { type == UInt32(S_IFREG) }

    static func == (a: FileIdentity, b: FileIdentity) -> Bool { a.device == b.device && a.inode == b.inode }
    func hash(into hasher: inout Hasher) { hasher.combine(device); hasher.combine(inode) }
}

/// The regular files a command reads, so that none of them is ever replaced by what it writes:
/// `analyze rec.csv --output rec.csv`, `analyze . --format csv --output .` (whose `rec.csv`
/// report would land on the recording `rec.csv`), an output that is a symbolic or hard link to
/// an input, or standard output redirected onto an input (`>> rec.csv`) are refused with exit
/// status 2 before anything is written. Only regular files are protected: a terminal or a pipe
/// may well be both standard input and standard output.
struct ProtectedInputs {
    private var inputs: [FileIdentity: String] = [:]

    init() {}

    /// `paths` as the user named them (after directory and glob expansion); `-` stands for
    /// standard input.
    init(paths: [String]) {
        for path in paths {
            let identity = path == "-" ? FileIdentity(descriptor: 0) : FileIdentity(path: path)
            if let identity, identity.isRegular, inputs[identity] == nil {
                inputs[identity] = path == "-" ? "standard input" : path
            }
        }
    }

    /// The input that `path` is (as the user named it), or nil.
    func input(at path: String) -> String? {
        FileIdentity(path: path).flatMap { inputs[$0] }
    }

    /// Refuses (exit status 2) when the file `path` is one of the inputs; `context` says why the
    /// command would write there (e.g. "the report --output . writes for ./rec.csv").
    func check(_ path: String, context: String? = nil, option: String = "--output") throws {
        guard let input = input(at: path) else { return }
        let which = input == path || input == standardInput ? "one of the inputs" : "the input \(input)"
        let why = context.map { " (\($0))" } ?? ""
        throw Refusal("refusing to write \(path)\(why): it is \(which), and writing would replace it; choose another \(option)")
    }

    /// Refuses when standard output is redirected onto one of the inputs.
    func checkStandardOutput() throws {
        guard let identity = FileIdentity(descriptor: 1), let input = inputs[identity] else { return }
        let which = input == standardInput ? "the file standard input reads" : "the input \(input)"
        throw Refusal("refusing to write standard output: it is \(which), and writing would replace it; redirect it to another file")
    }

    private let standardInput = "standard input"
}

/// A request the command will not carry out because it would destroy data: printed as
/// `myotwitch: MESSAGE`, exit status 2 (a usage error, nothing was written).
struct Refusal: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

extension FileIdentity {
    /// True when two output paths would land on the same file: equal identities when both exist,
    /// otherwise the same absolute path once the directory part is resolved (`-` is standard
    /// output, the same destination only as itself).
    static func sameDestination(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if a == "-" || b == "-" { return false }
        if let x = FileIdentity(path: a), let y = FileIdentity(path: b) { return x == y }
        return resolvedLocation(a) == resolvedLocation(b)
    }

    private static func resolvedLocation(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let directory = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        guard let resolved = realpath(directory, nil) else { return (absolute as NSString).standardizingPath }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + name
    }
}
