/// A problem in the input that was survived: a skipped row, a backwards timestamp, a gap.
public struct InputWarning: Sendable, Equatable, Codable {
    /// 1-based line number in the input, or 0 when the warning is not about one line.
    public var line: Int
    /// 1-based column (field) number, or 0 when not about one field.
    public var column: Int
    /// A short machine-readable code: `"malformed-row"`, `"time-backwards"`, `"gap"`, …
    public var code: String
    /// A sentence for people.
    public var message: String

    public init(line: Int, column: Int, code: String, message: String) {
        self.line = line
        self.column = column
        self.code = code
        self.message = message
    }
}
