/// A cluster of twitches on one channel, or one cramp.
public struct Episode: Sendable, Equatable, Codable {
    public var kind: EpisodeKind
    public var channel: String
    /// Start of the first event, in seconds from the first sample.
    public var start: Double
    /// End of the last event, in seconds from the first sample.
    public var end: Double
    /// How many events the episode holds (1 for a cramp).
    public var eventCount: Int
    /// Events per minute over the episode's span (twitch episodes); 0 for a zero-length span.
    public var ratePerMinute: Double

    public init(kind: EpisodeKind, channel: String, start: Double, end: Double,
                eventCount: Int, ratePerMinute: Double) {
        self.kind = kind
        self.channel = channel
        self.start = start
        self.end = end
        self.eventCount = eventCount
        self.ratePerMinute = ratePerMinute
    }

    /// `end - start`, in seconds.
    public var duration: Double { end - start }
}
