import Foundation

/// JSON encoding of results, per the output contract (schema 1).
///
/// Keys come in declaration order (schema, source, events, episodes, summary) and numbers are
/// printed in their shortest round-trip form, so output is stable byte for byte for the same input.
public enum JSONReport {
    /// Encodes `value` as JSON; `pretty` indents it for people, otherwise one line (JSON Lines).
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) throws -> Data {
        try OrderedJSONEncoder(pretty: pretty).encode(value)
    }

    /// Decodes a saved single-input analysis result.
    public static func decodeAnalysis(_ data: Data) throws -> AnalysisResult {
        try JSONDecoder().decode(AnalysisResult.self, from: data)
    }
}
