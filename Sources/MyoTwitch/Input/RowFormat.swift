/// The per-row facts of a `ColumnPlan` in plain values and raw buffers, plus the block being
/// filled. Copying it copies pointers only, so the row loop does no reference counting.
struct RowFormat {
    var delimiter: UInt8 = UInt8(ascii: ",")
    var decimalComma = false
    var fieldCount = 0
    var hasTime = false
    var timeIsText = false
    var signalCount = 0
    /// Per field: -1 ignored, -2 time, ≥ 0 the signal slot.
    var roles = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    /// The current row's signal values.
    var row = UnsafeMutablePointer<Double>.allocate(capacity: 1)
    /// Per signal, the block being filled (`blockRows` capacity each).
    var columns = UnsafeMutablePointer<UnsafeMutablePointer<Double>>.allocate(capacity: 1)
    var blockFill = 0
    private var blockRows = 0

    init() {}

    init(plan: ColumnPlan, blockRows: Int) {
        delimiter = plan.delimiter
        decimalComma = plan.decimalComma
        fieldCount = plan.fieldCount
        hasTime = plan.timeIndex != nil
        timeIsText = plan.timeIsText
        signalCount = plan.signalIndices.count
        self.blockRows = blockRows
        roles = .allocate(capacity: fieldCount)
        roles.initialize(repeating: -1, count: fieldCount)
        if let t = plan.timeIndex { roles[t] = -2 }
        for (slot, k) in plan.signalIndices.enumerated() { roles[k] = slot }
        row = .allocate(capacity: max(1, signalCount))
        row.initialize(repeating: 0, count: max(1, signalCount))
        columns = .allocate(capacity: max(1, signalCount))
        for c in 0..<signalCount { columns[c] = .allocate(capacity: blockRows) }
    }

    /// Appends the current row to the block.
    @inline(__always)
    mutating func append() {
        for c in 0..<signalCount { columns[c][blockFill] = row[c] }
        blockFill += 1
    }

    /// The filled block as arrays; the buffers are reused.
    mutating func takeBlock() -> SampleBlock {
        let block = SampleBlock(columns: (0..<signalCount).map {
            Array(UnsafeBufferPointer(start: columns[$0], count: blockFill))
        })
        blockFill = 0
        return block
    }

    func deallocate() {
        roles.deallocate()
        row.deallocate()
        for c in 0..<signalCount { columns[c].deallocate() }
        columns.deallocate()
    }
}
