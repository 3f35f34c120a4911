/// How a cohort is split between the tasks of a job array: every recording in exactly one shard,
/// the shards balanced by bytes (analysis time grows with the length of a recording, not with
/// the number of files).
///
/// Greedy longest-processing-time: recordings from the largest to the smallest (equal sizes in
/// cohort order), each to the shard with the fewest bytes so far (equal loads: the lowest shard).
/// The result depends only on the sizes and their order, so every task computes the same plan;
/// the largest shard holds at most 4/3 of the optimum (Graham's bound).
public enum ShardPlan {
    /// The 0-based shard of each recording, for `count` shards (`count >= 1`).
    /// - Parameter sizes: bytes of each recording, in cohort order.
    public static func assign(sizes: [Int], count: Int) -> [Int] {
        precondition(count >= 1, "at least one shard")
        let order = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        var load = [Int](repeating: 0, count: count)
        var shard = [Int](repeating: 0, count: sizes.count)
        for index in order {
            var best = 0
            for s in 1..<max(count, 1) where load[s] < load[best] { best = s }
            shard[index] = best
            load[best] += max(sizes[index], 0)
        }
        return shard
    }
}
