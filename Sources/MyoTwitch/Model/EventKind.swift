/// The class of a detected event (output contract, schema 1).
public enum EventKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// An isolated motor-unit discharge (fasciculation), or a doublet counted once.
    case twitch
    /// Sustained involuntary activity lasting seconds to minutes.
    case cramp
    /// Voluntary or rhythmic contraction, e.g. exercise.
    case activity
    /// Motion, electrode pop, clipping or spike noise.
    case artifact

    public static func < (lhs: EventKind, rhs: EventKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The class of an episode: a cluster of twitches on one channel, or one cramp.
public enum EpisodeKind: String, Sendable, Codable, CaseIterable {
    case twitch
    case cramp
}
