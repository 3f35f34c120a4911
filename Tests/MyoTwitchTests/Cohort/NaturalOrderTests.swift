import Testing
@testable import MyoTwitch

@Suite struct NaturalOrderTests {
    @Test(arguments: [
        ("rec2", "rec10"), ("rec9.csv", "rec10.csv"), ("a/rec2.csv", "a/rec11.csv"),
        ("s1/rec99", "s2/rec1"), ("rec7", "rec007"), ("rec007", "rec8"), ("Rec1", "rec1"),
        ("rec", "rec1"), ("rec1", "rec1a"), ("x18446744073709551616", "x18446744073709551617"),
    ])
    func precedes(first: String, second: String) {
        #expect(NaturalOrder.precedes(first, second))
        #expect(!NaturalOrder.precedes(second, first))
    }

    @Test func sortsACohortAsPeopleNumberIt() {
        let names = (1...12).map { "cohort/rec\($0).csv" }
        #expect(NaturalOrder.sorted(names.sorted()) == names, "plain sorting gives rec1, rec10, rec11, rec12, rec2 …")
        #expect(names.sorted() != names)
    }

    @Test func isAStrictTotalOrder() {
        let values = ["a", "a0", "a00", "a1", "a01", "a10", "b", "a2b", "a2a", "a02a", "", "1", "01", "001"]
        for x in values {
            #expect(!NaturalOrder.precedes(x, x))
            for y in values where x != y {
                #expect(NaturalOrder.precedes(x, y) != NaturalOrder.precedes(y, x), "\(x) vs \(y)")
                for z in values where NaturalOrder.precedes(x, y) && NaturalOrder.precedes(y, z) {
                    #expect(NaturalOrder.precedes(x, z), "\(x) < \(y) < \(z)")
                }
            }
        }
    }
}
