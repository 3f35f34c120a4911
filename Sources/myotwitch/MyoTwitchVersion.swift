/// What `myotwitch --version` prints: the tool's version and the output schema it writes
/// (`myotwitch.analysis/1`, `myotwitch.batch/1`; see the README's output contract). The version
/// changes with every release; the schema number only when the output contract changes.
enum MyoTwitchVersion {
    static let version = "1.0.0"
    static let schema = 1
    static var description: String { "myotwitch \(version) (output schema \(schema))" }
}
