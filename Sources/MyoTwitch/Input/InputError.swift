/// An input that cannot be read, with the position of the problem.
///
/// Its description is one line in the form compilers use, `file:line:column: message`, so that
/// editors and terminals can jump to it.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it (`"-"` or `"<stdin>"` for standard input).
    public var path: String
    /// 1-based line, or 0 when the problem is not on one line (e.g. an empty file).
    public var line: Int
    /// 1-based column (field number), or 0 when the problem is not in one field.
    public var column: Int
    /// What was wrong and what was expected.
    public var message: String

    public init(path: String, line: Int = 0, column: Int = 0, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var position = path
        if line > 0 { position += ":\(line)" }
        if line > 0 && column > 0 { position += ":\(column)" }
        return "\(position): \(message)"
    }
}
