import Foundation
import Testing

/// `analyze --shard` and the merge by `report DIR`: the sharded-and-merged files must be the
/// files one `analyze` of the whole cohort writes, byte for byte.
@Suite struct ShardCommandTests {
    /// A cohort of `count` recordings of different lengths (rec1 … recN: natural order matters).
    static func cohort(in dir: URL, count: Int = 7) throws -> URL {
        let cohort = dir.appendingPathComponent("cohort")
        try FileManager.default.createDirectory(at: cohort, withIntermediateDirectories: true)
        for i in 1...count {
            let seconds = Double(4 + (i * 5) % 11)
            _ = try SampleCSV.write(SampleCSV.emg(seconds: seconds, twitches: [1.5, seconds - 1.2], seed: UInt64(i)),
                                    named: "rec\(i).csv", in: cohort)
        }
        return cohort
    }

    /// Runs the executable with extra environment variables (through env(1)).
    static func run(_ arguments: [String], env: [String: String]) throws -> CLI.Result {
        try CLI.run(env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [CLI.executable.path] + arguments,
                    executable: URL(fileURLWithPath: "/usr/bin/env"))
    }

    /// Every regular, non-hidden file of `dir` by name.
    static func files(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where !name.hasPrefix(".") {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }

    static let formats = ["--format", "json", "--format", "markdown", "--format", "csv", "--format", "jsonl"]

    @Test(arguments: [1, 2, 3, 9])
    func shardsMergeToTheOneMachineFiles(shards: Int) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cohort = try Self.cohort(in: dir)
        let single = dir.appendingPathComponent("single")
        #expect(try CLI.run(["analyze", cohort.path, "--output", single.path + "/"] + Self.formats).status == 0)
        let out = dir.appendingPathComponent("out")
        var seen: Set<String> = []
        for i in 1...shards {
            let before = Set(((try? Self.files(out)) ?? [:]).keys)
            let r = try CLI.run(["analyze", cohort.path, "--shard", "\(i)/\(shards)", "--output", out.path + "/"] + Self.formats)
            #expect(r.status == 0, "\(r.stderr)")
            let added = Set(try Self.files(out).keys).subtracting(before)
            #expect(added.isDisjoint(with: seen), "a recording in two shards")
            seen.formUnion(added)
        }
        #expect(seen.count == 7 * 4, "every recording in one shard")
        let merge = try CLI.run(["report", out.path, "--output", out.path])
        #expect(merge.status == 0, "\(merge.stderr)")
        let expected = try Self.files(single), merged = try Self.files(out)
        #expect(merged.keys.sorted() == expected.keys.sorted())
        for (name, data) in expected { #expect(merged[name] == data, "\(name)") }
        // The cohort lists rec2 before rec10-style names in natural order.
        let summary = String(decoding: merged["summary.md"] ?? Data(), as: UTF8.self)
        let rows = summary.split(separator: "\n").filter { $0.hasPrefix("| \(cohort.path)") }
        #expect(rows.map { $0.split(separator: "/").last!.prefix(while: { $0 != "." }) } == (1...7).map { "rec\($0)" })
    }

    @Test func shardsInSeparateDirectoriesMergeIntoAThird() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cohort = try Self.cohort(in: dir)
        let single = dir.appendingPathComponent("single")
        _ = try CLI.run(["analyze", cohort.path, "--output", single.path + "/", "--format", "json", "--format", "markdown"])
        // The shards write JSON only; the merge renders the Markdown from it.
        let parts = (1...2).map { dir.appendingPathComponent("part\($0)") }
        for (i, part) in parts.enumerated() {
            #expect(try CLI.run(["analyze", cohort.path, "--shard", "\(i + 1)/2", "--output", part.path + "/"]).status == 0)
        }
        let merged = dir.appendingPathComponent("merged")
        let r = try CLI.run(["report"] + parts.map(\.path) + ["--format", "json", "--format", "markdown", "--output", merged.path + "/"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.files(merged) == Self.files(single))
    }

    @Test func theJobArraysVariablesChooseTheShard() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cohort = try Self.cohort(in: dir)
        let byOption = dir.appendingPathComponent("a"), bySlurm = dir.appendingPathComponent("b"), byKube = dir.appendingPathComponent("c")
        _ = try CLI.run(["analyze", cohort.path, "--shard", "2/3", "--output", byOption.path + "/"])
        let slurm = try Self.run(["analyze", cohort.path, "--output", bySlurm.path + "/"],
                                 env: ["SLURM_ARRAY_TASK_ID": "11", "SLURM_ARRAY_TASK_MIN": "10", "SLURM_ARRAY_TASK_COUNT": "3"])
        #expect(slurm.status == 0, "\(slurm.stderr)")
        #expect(slurm.stderr.contains("shard 2/3 (SLURM_ARRAY_TASK_ID=11"))
        let kube = try Self.run(["analyze", cohort.path, "--output", byKube.path + "/"],
                                env: ["JOB_COMPLETION_INDEX": "1", "MYOTWITCH_SHARD_COUNT": "3"])
        #expect(kube.status == 0, "\(kube.stderr)")
        let expected = try Self.files(byOption)
        #expect(!expected.isEmpty && expected.count < 7)
        #expect(try Self.files(bySlurm) == expected)
        #expect(try Self.files(byKube) == expected)
        // --shard none ignores the variables: every input, on standard output.
        let none = try Self.run(["analyze", cohort.path, "--shard", "none", "--format", "csv"],
                                env: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_COUNT": "3"])
        #expect(none.status == 0)
        #expect(none.stdout.contains("rec7.csv") && none.stdout.contains("rec1.csv"))
    }

    @Test(arguments: [
        (["--shard", "0/3"], [:], "shards count from 1"),
        (["--shard", "4/3"], [:], "1 … 3"),
        (["--shard", "half"], [:], "I/N"),
        ([], ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_COUNT": "2"], "outside"),
        ([], ["JOB_COMPLETION_INDEX": "0", "SLURM_ARRAY_TASK_ID": "1", "MYOTWITCH_SHARD_COUNT": "2"], "disagree"),
        (["--shard", "1/2", "--format", "markdown"], [:], "needs json"),
    ] as [([String], [String: String], String)])
    func badShardsAreUsageErrors(arguments: [String], env: [String: String], mentions: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cohort = try Self.cohort(in: dir, count: 2)
        let r = try Self.run(["analyze", cohort.path, "--output", dir.appendingPathComponent("out").path + "/"] + arguments, env: env)
        #expect(r.status == 2)
        #expect(r.stderr.contains(mentions), "\(r.stderr)")
    }

    @Test func aShardNeedsAnOutputDirectory() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cohort = try Self.cohort(in: dir, count: 2)
        let r = try Self.run(["analyze", cohort.path],
                             env: ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_COUNT": "2"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--output DIR") && r.stderr.contains("--shard none"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func aResubmittedTaskMustKeepTheCount() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cohort = try Self.cohort(in: dir, count: 4)
        let out = dir.appendingPathComponent("out").path + "/"
        #expect(try CLI.run(["analyze", cohort.path, "--shard", "1/4", "--output", out]).status == 0)
        // `sbatch --array=2` alone: Slurm says task 1 of 1.
        let r = try Self.run(["analyze", cohort.path, "--output", out],
                             env: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "2", "SLURM_ARRAY_TASK_COUNT": "1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("planned for 4 shards") && r.stderr.contains("MYOTWITCH_SHARD_COUNT=4"), "\(r.stderr)")
        let fixed = try Self.run(["analyze", cohort.path, "--output", out],
                                 env: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "2", "SLURM_ARRAY_TASK_COUNT": "1",
                                       "MYOTWITCH_SHARD_COUNT": "4"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stderr.contains("shard 3/4"))
        // Other options than the plan's are refused too.
        let other = try CLI.run(["analyze", cohort.path, "--shard", "4/4", "--threshold", "9", "--output", out])
        #expect(other.status == 2 && other.stderr.contains("--threshold 9.0"), "\(other.stderr)")
    }
}
