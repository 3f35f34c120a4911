import Foundation

/// Which share of a cohort this process analyses: shard `index` (1-based) of `count`.
///
/// Given as `--shard I/N`, or taken from the environment of a job array:
/// - Slurm: `SLURM_ARRAY_TASK_ID`, `SLURM_ARRAY_TASK_MIN` and `SLURM_ARRAY_TASK_COUNT` (or
///   `SLURM_ARRAY_TASK_MAX`): shard = ID − MIN + 1 of COUNT, for an array `--array=A-B`.
/// - Kubernetes Indexed Job: `JOB_COMPLETION_INDEX` (0-based), with the count in
///   `MYOTWITCH_SHARD_COUNT` (Kubernetes does not export the number of completions).
/// - `MYOTWITCH_SHARD_COUNT` with Slurm: the count is fixed and `SLURM_ARRAY_TASK_ID` is the
///   0-based shard, so that one task resubmitted alone (`sbatch --array=3`) is still shard 4 of N.
public struct ShardSpec: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int
    /// Where it came from, for messages (`--shard 2/4`, `SLURM_ARRAY_TASK_ID=1, …`).
    public var origin: String

    public init(index: Int, count: Int, origin: String) {
        self.index = index
        self.count = count
        self.origin = origin
    }

    public var description: String { "\(index)/\(count)" }

    /// The largest count accepted: Slurm's default `MaxArraySize` allows 1001 tasks; far more
    /// shards than that is a typing error, not a cohort.
    public static let maximumCount = 100_000

    /// An error in `--shard` or in the job array's variables, with the fix.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses `I/N` (1 ≤ I ≤ N).
    public static func parse(_ text: String) throws -> ShardSpec {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw Problem(description: "--shard takes I/N, shard I (1 … N) of N, e.g. --shard 2/8; got \"\(text)\"")
        }
        guard n >= 1 && n <= maximumCount else {
            throw Problem(description: "--shard \(text): the count must be 1 … \(maximumCount)")
        }
        guard i >= 1 && i <= n else {
            throw Problem(description: "--shard \(text): the shard number must be 1 … \(n) (shards count from 1)")
        }
        return ShardSpec(index: i, count: n, origin: "--shard \(text)")
    }

    /// The shard the environment names, or `nil` when it names none.
    public static func fromEnvironment(_ env: [String: String]) throws -> ShardSpec? {
        func number(_ name: String) throws -> Int? {
            guard let raw = env[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            guard let value = Int(raw), value >= 0 else {
                throw Problem(description: "\(name)=\(raw) is not a non-negative whole number")
            }
            return value
        }
        let fixedCount = try number("MYOTWITCH_SHARD_COUNT")
        if let fixedCount, fixedCount < 1 || fixedCount > maximumCount {
            throw Problem(description: "MYOTWITCH_SHARD_COUNT=\(fixedCount) must be 1 … \(maximumCount)")
        }
        var slurm: ShardSpec?
        if let id = try number("SLURM_ARRAY_TASK_ID") {
            if let fixedCount {
                guard id < fixedCount else {
                    throw Problem(description: "SLURM_ARRAY_TASK_ID=\(id) is not below MYOTWITCH_SHARD_COUNT=\(fixedCount): with MYOTWITCH_SHARD_COUNT the array indices are the 0-based shards, --array=0-\(fixedCount - 1)")
                }
                if let min = try number("SLURM_ARRAY_TASK_MIN"), let count = try number("SLURM_ARRAY_TASK_COUNT"),
                   count == fixedCount, min != 0 {
                    throw Problem(description: "the array starts at SLURM_ARRAY_TASK_MIN=\(min) but MYOTWITCH_SHARD_COUNT=\(fixedCount) takes 0-based indices: submit --array=0-\(fixedCount - 1)")
                }
                slurm = ShardSpec(index: id + 1, count: fixedCount,
                                  origin: "SLURM_ARRAY_TASK_ID=\(id), MYOTWITCH_SHARD_COUNT=\(fixedCount)")
            } else {
                guard let min = try number("SLURM_ARRAY_TASK_MIN") else {
                    throw Problem(description: "SLURM_ARRAY_TASK_ID=\(id) is set but SLURM_ARRAY_TASK_MIN is not; set MYOTWITCH_SHARD_COUNT or pass --shard I/N")
                }
                let max = try number("SLURM_ARRAY_TASK_MAX")
                let count = try number("SLURM_ARRAY_TASK_COUNT") ?? max.map { $0 - min + 1 }
                guard let count, count >= 1 else {
                    throw Problem(description: "SLURM_ARRAY_TASK_ID=\(id) is set but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MAX; set MYOTWITCH_SHARD_COUNT or pass --shard I/N")
                }
                if let max, max - min + 1 != count {
                    throw Problem(description: "SLURM_ARRAY_TASK_MIN=\(min) … SLURM_ARRAY_TASK_MAX=\(max) is not a range of SLURM_ARRAY_TASK_COUNT=\(count) tasks: shard over a contiguous array (--array=0-\(count - 1)), or set MYOTWITCH_SHARD_COUNT")
                }
                guard id >= min && id - min < count else {
                    throw Problem(description: "SLURM_ARRAY_TASK_ID=\(id) lies outside SLURM_ARRAY_TASK_MIN=\(min) … \(min + count - 1) (SLURM_ARRAY_TASK_COUNT=\(count))")
                }
                slurm = ShardSpec(index: id - min + 1, count: count,
                                  origin: "SLURM_ARRAY_TASK_ID=\(id), SLURM_ARRAY_TASK_MIN=\(min), SLURM_ARRAY_TASK_COUNT=\(count)")
            }
        }
        var kubernetes: ShardSpec?
        if let index = try number("JOB_COMPLETION_INDEX") {
            guard let fixedCount else {
                throw Problem(description: "JOB_COMPLETION_INDEX=\(index) is set but MYOTWITCH_SHARD_COUNT is not: set it to the Job's completions (see Scripts/slurm/myotwitch-indexed-job.yaml)")
            }
            guard index < fixedCount else {
                throw Problem(description: "JOB_COMPLETION_INDEX=\(index) is not below MYOTWITCH_SHARD_COUNT=\(fixedCount) (indices are 0 … \(fixedCount - 1))")
            }
            kubernetes = ShardSpec(index: index + 1, count: fixedCount,
                                   origin: "JOB_COMPLETION_INDEX=\(index), MYOTWITCH_SHARD_COUNT=\(fixedCount)")
        }
        if let slurm, let kubernetes, (slurm.index, slurm.count) != (kubernetes.index, kubernetes.count) {
            throw Problem(description: "the job-array variables disagree: \(slurm.origin) gives shard \(slurm), \(kubernetes.origin) gives shard \(kubernetes); pass --shard I/N")
        }
        if slurm == nil && kubernetes == nil && fixedCount != nil {
            throw Problem(description: "MYOTWITCH_SHARD_COUNT is set but neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX names this task's shard; pass --shard I/N")
        }
        return slurm ?? kubernetes
    }
}
