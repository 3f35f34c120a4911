/// The result of analysing several inputs (`myotwitch.batch/1`): one entry per input, in the
/// order given, and totals. An input that failed is an entry with `"error"`; it does not stop the
/// others.
public struct BatchResult: Encodable, Sendable {
    public static let schemaName = "myotwitch.batch/1"

    public enum Entry: Encodable, Sendable {
        case analysed(AnalysisResult)
        case failed(path: String, error: String)

        private enum Keys: String, CodingKey { case path, error }

        public func encode(to encoder: Encoder) throws {
            switch self {
            case .analysed(let result):
                try result.encode(to: encoder)
            case .failed(let path, let error):
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(path, forKey: .path)
                try container.encode(error, forKey: .error)
            }
        }
    }

    /// Totals over the analysed inputs.
    public struct Summary: Encodable, Sendable {
        public var inputs: Int
        public var analysed: Int
        public var failed: Int
        public var durationSeconds: Double
        public var twitches: Int
        public var cramps: Int
        public var activity: Int
        public var artifacts: Int
        public var episodes: Int
    }

    public var schema = BatchResult.schemaName
    public var results: [Entry]
    public var summary: Summary

    public init(results: [Entry]) {
        self.results = results
        var summary = Summary(inputs: results.count, analysed: 0, failed: 0, durationSeconds: 0,
                              twitches: 0, cramps: 0, activity: 0, artifacts: 0, episodes: 0)
        for entry in results {
            switch entry {
            case .failed:
                summary.failed += 1
            case .analysed(let r):
                summary.analysed += 1
                summary.durationSeconds += r.source.durationSeconds
                for e in r.events {
                    switch e.kind {
                    case .twitch: summary.twitches += 1
                    case .cramp: summary.cramps += 1
                    case .activity: summary.activity += 1
                    case .artifact: summary.artifacts += 1
                    }
                }
                summary.episodes += r.episodes.count
            }
        }
        self.summary = summary
    }
}
