/// Matching counts and scores for one kind of event or episode.
public struct KindScore: Sendable, Equatable, Codable {
    /// `twitch`, `cramp`, `activity` or `artifact` (events); `twitch` or `cramp` (episodes).
    public var kind: String
    public var truePositives: Int
    public var falsePositives: Int
    public var falseNegatives: Int
    /// Median |detected start − true start| over the matches, milliseconds; `nil` without matches.
    public var medianOnsetErrorMs: Double?
    /// Every match's |onset error| in ms, kept so that merged reports take the median over all
    /// matches (not a median of medians). Not encoded.
    public var onsetErrorsMs: [Double]

    public init(kind: String, truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0,
                onsetErrorsMs: [Double] = []) {
        self.kind = kind
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        self.onsetErrorsMs = onsetErrorsMs
        self.medianOnsetErrorMs = Self.median(onsetErrorsMs)
    }

    /// TP / (TP + FP); `nil` when nothing was detected.
    public var precision: Double? {
        truePositives + falsePositives > 0 ? Double(truePositives) / Double(truePositives + falsePositives) : nil
    }

    /// TP / (TP + FN); `nil` when there was nothing to find.
    public var recall: Double? {
        truePositives + falseNegatives > 0 ? Double(truePositives) / Double(truePositives + falseNegatives) : nil
    }

    /// 2 TP / (2 TP + FP + FN): the harmonic mean of precision and recall, defined (as 0) when
    /// only one of them is; `nil` when there was nothing to find and nothing was found.
    public var f1: Double? {
        let denominator = 2 * truePositives + falsePositives + falseNegatives
        return denominator > 0 ? Double(2 * truePositives) / Double(denominator) : nil
    }

    /// Counts summed, onset errors pooled.
    public static func + (a: KindScore, b: KindScore) -> KindScore {
        KindScore(kind: a.kind, truePositives: a.truePositives + b.truePositives,
                  falsePositives: a.falsePositives + b.falsePositives,
                  falseNegatives: a.falseNegatives + b.falseNegatives,
                  onsetErrorsMs: a.onsetErrorsMs + b.onsetErrorsMs)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    enum CodingKeys: String, CodingKey {
        case kind, truePositives, falsePositives, falseNegatives, precision, recall, f1, medianOnsetErrorMs
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try c.decode(String.self, forKey: .kind),
                  truePositives: try c.decode(Int.self, forKey: .truePositives),
                  falsePositives: try c.decode(Int.self, forKey: .falsePositives),
                  falseNegatives: try c.decode(Int.self, forKey: .falseNegatives))
        medianOnsetErrorMs = try c.decodeIfPresent(Double.self, forKey: .medianOnsetErrorMs)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(truePositives, forKey: .truePositives)
        try c.encode(falsePositives, forKey: .falsePositives)
        try c.encode(falseNegatives, forKey: .falseNegatives)
        try c.encode(precision, forKey: .precision)
        try c.encode(recall, forKey: .recall)
        try c.encode(f1, forKey: .f1)
        try c.encode(medianOnsetErrorMs, forKey: .medianOnsetErrorMs)
    }
}
