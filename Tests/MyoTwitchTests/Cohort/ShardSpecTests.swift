import Testing
@testable import MyoTwitch

@Suite struct ShardSpecTests {
    @Test(arguments: [("1/1", 1, 1), ("2/8", 2, 8), ("8/8", 8, 8)])
    func parses(text: String, index: Int, count: Int) throws {
        let spec = try ShardSpec.parse(text)
        #expect((spec.index, spec.count) == (index, count))
    }

    @Test(arguments: ["0/4", "5/4", "2", "a/b", "1/0", "-1/4", "1/4/2", "1/1000000"])
    func rejects(text: String) {
        #expect(throws: ShardSpec.Problem.self) { try ShardSpec.parse(text) }
    }

    @Test(arguments: [
        // A full array --array=0-3 and --array=1-4, and Slurm without _COUNT (older versions).
        (["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MAX": "3"], 3, 4),
        (["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "4"], 4, 4),
        (["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "5", "SLURM_ARRAY_TASK_MAX": "9"], 1, 5),
        // One task resubmitted alone (--array=2): the fixed count keeps it shard 3 of 4.
        (["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "2", "SLURM_ARRAY_TASK_COUNT": "1", "MYOTWITCH_SHARD_COUNT": "4"], 3, 4),
        (["JOB_COMPLETION_INDEX": "0", "MYOTWITCH_SHARD_COUNT": "10"], 1, 10),
        // Both schedulers' variables, agreeing.
        (["JOB_COMPLETION_INDEX": "3", "SLURM_ARRAY_TASK_ID": "3", "MYOTWITCH_SHARD_COUNT": "5"], 4, 5),
    ])
    func readsTheJobArraysVariables(env: [String: String], index: Int, count: Int) throws {
        let spec = try #require(try ShardSpec.fromEnvironment(env))
        #expect((spec.index, spec.count) == (index, count))
    }

    @Test func noVariablesNoShard() throws {
        #expect(try ShardSpec.fromEnvironment(["PATH": "/bin"]) == nil)
    }

    @Test(arguments: [
        (["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_COUNT": "3"], "outside"),
        (["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MAX": "5"], "contiguous"),
        (["SLURM_ARRAY_TASK_ID": "2"], "SLURM_ARRAY_TASK_MIN"),
        (["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_MIN": "0"], "whole number"),
        (["SLURM_ARRAY_TASK_ID": "4", "MYOTWITCH_SHARD_COUNT": "4"], "0-based"),
        (["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "4", "MYOTWITCH_SHARD_COUNT": "4"], "--array=0-3"),
        (["JOB_COMPLETION_INDEX": "1"], "MYOTWITCH_SHARD_COUNT"),
        (["JOB_COMPLETION_INDEX": "2", "SLURM_ARRAY_TASK_ID": "1", "MYOTWITCH_SHARD_COUNT": "4"], "disagree"),
        (["MYOTWITCH_SHARD_COUNT": "4"], "neither"),
        (["MYOTWITCH_SHARD_COUNT": "0", "JOB_COMPLETION_INDEX": "0"], "MYOTWITCH_SHARD_COUNT=0"),
    ])
    func explainsVariablesThatDisagree(env: [String: String], mentions: String) {
        do {
            _ = try ShardSpec.fromEnvironment(env)
            Issue.record("accepted \(env)")
        } catch {
            #expect("\(error)".contains(mentions), "\(error)")
        }
    }
}
