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
        var summary = Summary()
        for entry in results { summary.add(entry) }
        self.summary = summary
    }
}

extension BatchResult.Summary {
    /// No inputs yet.
    public init() {
        self.init(inputs: 0, analysed: 0, failed: 0, durationSeconds: 0,
                  twitches: 0, cramps: 0, activity: 0, artifacts: 0, episodes: 0)
    }

    /// Counts one more input (in batch order: `durationSeconds` is summed in that order, so a
    /// merged cohort's total has the same bits as one machine's).
    public mutating func add(_ entry: BatchResult.Entry) {
        inputs += 1
        switch entry {
        case .failed:
            failed += 1
        case .analysed(let r):
            analysed += 1
            durationSeconds += r.source.durationSeconds
            for e in r.events {
                switch e.kind {
                case .twitch: twitches += 1
                case .cramp: cramps += 1
                case .activity: activity += 1
                case .artifact: artifacts += 1
                }
            }
            episodes += r.episodes.count
        }
    }
}
