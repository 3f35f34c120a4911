/// Calls `body` with stable pointers to the storage of each array.
func withPointers<R>(_ arrays: [[Double]], _ body: ([UnsafePointer<Double>]) -> R) -> R {
    func recurse(_ k: Int, _ acc: [UnsafePointer<Double>]) -> R {
        if k == arrays.count { return body(acc) }
        return arrays[k].withUnsafeBufferPointer { recurse(k + 1, acc + [$0.baseAddress!]) }
    }
    return recurse(0, [])
}
