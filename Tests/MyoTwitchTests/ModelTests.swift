import Testing
@testable import MyoTwitch

@Suite struct StatisticsTests {
    @Test(arguments: [
        ([1.0, 2, 3], 2.0, 2.0),
        ([4.0, 1, 3, 2], 2.5, 2.5),
    ])
    func meanAndMedian(values: [Double], mean: Double, median: Double) {
        let s = Statistics(values)
        #expect(s.mean == mean)
        #expect(s.median == median)
        #expect(s.count == values.count)
    }

    @Test func emptyIsAllZero() {
        let s = Statistics([])
        #expect(s.count == 0 && s.mean == 0 && s.max == 0)
    }
}
