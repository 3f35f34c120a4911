import Testing
import Foundation

@Suite struct HelpTests {
    @Test func helpRuns() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("analyze"))
    }
}
