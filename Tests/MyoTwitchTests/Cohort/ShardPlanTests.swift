import Testing
@testable import MyoTwitch

@Suite struct ShardPlanTests {
    static func sizes(_ n: Int, seed: UInt64) -> [Int] {
        var state = seed | 1
        return (0..<n).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return 1000 + Int(state >> 44)  // 1 kB … 1 MB, uneven like real recordings
        }
    }

    @Test(arguments: [(1, 1), (7, 3), (100, 8), (1000, 64), (5, 9)])
    func everyRecordingIsInExactlyOneShardAndTheLoadsAreBalanced(count: Int, shards: Int) {
        let sizes = Self.sizes(count, seed: UInt64(count * 31 + shards))
        let plan = ShardPlan.assign(sizes: sizes, count: shards)
        #expect(plan.count == count)
        #expect(plan.allSatisfy { (0..<shards).contains($0) })
        var load = [Int](repeating: 0, count: shards)
        for (i, s) in plan.enumerated() { load[s] += sizes[i] }
        // Greedy LPT: a shard only receives a recording while it is the least loaded, so no two
        // loads differ by more than the largest recording.
        #expect(load.max()! - load.min()! <= sizes.max()!, "\(load)")
        #expect(ShardPlan.assign(sizes: sizes, count: shards) == plan, "deterministic")
    }

    @Test func balancesBytesNotFiles() {
        // One long recording and many short ones: by count the first shard would get 5 files of
        // which one holds most of the bytes; by size the long one has a shard of its own.
        let sizes = [900, 100, 100, 100, 100, 100, 100, 100, 100, 100]
        let plan = ShardPlan.assign(sizes: sizes, count: 2)
        #expect(plan[0] == 0)
        #expect(plan.dropFirst().allSatisfy { $0 == 1 })
    }

    @Test func equalSizesGoRoundInCohortOrder() {
        #expect(ShardPlan.assign(sizes: [5, 5, 5, 5, 5], count: 2) == [0, 1, 0, 1, 0])
    }
}
