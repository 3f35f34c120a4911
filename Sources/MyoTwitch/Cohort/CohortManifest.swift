import Foundation

/// The plan of a sharded cohort (`myotwitch.cohort/1`), kept in the output directory as
/// `.myotwitch-cohort/cohort.json`: every recording in cohort order with the file-name stem of
/// its outputs and its shard, the formats and the analysis options. Every task of a job array
/// computes the same plan and the first one to finish writing it wins (the others find the
/// same bytes); a task resubmitted later follows the saved plan, so a file that grew in between
/// cannot move to another shard. `myotwitch report DIR` reads it to merge the shards in the
/// order one machine would have used and to list recordings that no shard wrote.
public struct CohortManifest: Codable, Sendable, Equatable {
    public static let schemaName = "myotwitch.cohort/1"
    /// The folder inside the output directory that holds the plan and the failure records.
    public static let folder = ".myotwitch-cohort"
    public static let fileName = "cohort.json"

    public struct Recording: Codable, Sendable, Equatable {
        /// The path as the expansion of the inputs gave it (what the results' `source.path` is).
        public var path: String
        /// Outputs are `STEM.json`, `STEM.html`, … in the output directory.
        public var stem: String
        /// 1-based shard.
        public var shard: Int
        /// Size when planned, in bytes (what the shards are balanced by).
        public var bytes: Int

        public init(path: String, stem: String, shard: Int, bytes: Int) {
            self.path = path
            self.stem = stem
            self.shard = shard
            self.bytes = bytes
        }
    }

    public var schema = CohortManifest.schemaName
    public var shards: Int
    /// File extensions of the per-recording outputs (`json`, `html`, …), in `--format` order.
    public var formats: [String]
    /// The options that change results, as text (`--episode-gap 60 …`): shards run with other
    /// options would merge into a cohort that no single run could have written.
    public var options: [String]
    public var recordings: [Recording]

    public init(shards: Int, formats: [String], options: [String], recordings: [Recording]) {
        self.shards = shards
        self.formats = formats
        self.options = options
        self.recordings = recordings
    }

    /// The plan of `paths` (cohort order) with their `stems` and `sizes` over `shards` shards.
    public static func plan(paths: [String], stems: [String], sizes: [Int], shards: Int,
                            formats: [String], options: [String]) -> CohortManifest {
        let assignment = ShardPlan.assign(sizes: sizes, count: shards)
        let recordings = paths.indices.map {
            Recording(path: paths[$0], stem: stems[$0], shard: assignment[$0] + 1, bytes: sizes[$0])
        }
        return CohortManifest(shards: shards, formats: formats, options: options, recordings: recordings)
    }

    /// How `other` (a saved plan) differs from this one in what matters for merging, or `nil`.
    public func mismatch(with other: CohortManifest) -> String? {
        if other.recordings.map(\.path) != recordings.map(\.path) {
            let saved = Set(other.recordings.map(\.path)), now = Set(recordings.map(\.path))
            let added = now.subtracting(saved).count, removed = saved.subtracting(now).count
            return "it plans \(other.recordings.count) recordings, the inputs now give \(recordings.count) (\(added) new, \(removed) gone\(added == 0 && removed == 0 ? ", in another order" : ""))"
        }
        if other.shards != shards {
            return "it was planned for \(other.shards) shards, this task is one of \(shards)"
        }
        if other.formats != formats {
            return "its formats are \(other.formats.joined(separator: ", ")), this task writes \(formats.joined(separator: ", "))"
        }
        if other.options != options {
            return "it was analysed with \(other.options.joined(separator: " ")), this task uses \(options.joined(separator: " "))"
        }
        return nil
    }

    public func encoded() throws -> Data {
        try JSONReport.encode(self) + Data("\n".utf8)
    }

    public static func decode(_ data: Data, path: String) throws -> CohortManifest {
        do {
            let manifest = try JSONDecoder().decode(CohortManifest.self, from: data)
            guard manifest.schema == schemaName else {
                throw InputError(path: path, message: "unknown schema \"\(manifest.schema)\"; expected \(schemaName)")
            }
            return manifest
        } catch let error as InputError {
            throw error
        } catch let error as DecodingError {
            throw InputError(path: path, message: "not a myotwitch cohort plan: \(JSONReport.describe(error))")
        }
    }
}
