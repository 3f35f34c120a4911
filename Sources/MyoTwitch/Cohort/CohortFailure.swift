/// A recording that a shard could not analyse: `.myotwitch-cohort/failed/STEM.json`, written
/// so that the merge lists it with the same error text one machine would have written.
public struct CohortFailure: Codable, Sendable, Equatable {
    public var path: String
    public var error: String

    public init(path: String, error: String) {
        self.path = path
        self.error = error
    }
}
