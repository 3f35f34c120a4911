import Testing
@testable import MyoTwitch

@Suite struct CSVReportTests {
    typealias F = ReportFixtures

    /// A strict RFC 4180 reader (CRLF rows, quoted fields with doubled quotes), to read back
    /// what the report wrote.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, i = text.unicodeScalars.startIndex
        let s = text.unicodeScalars
        while i < s.endIndex {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    let next = s.index(after: i)
                    if next < s.endIndex && s[next] == "\"" { field += "\""; i = next } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r" {
                let next = s.index(after: i)
                #expect(next < s.endIndex && s[next] == "\n", "bare CR outside quotes")
                row.append(field); rows.append(row); row = []; field = ""; i = next
            } else {
                field.unicodeScalars.append(c)
            }
            i = s.index(after: i)
        }
        #expect(field.isEmpty && row.isEmpty, "last row not terminated")
        return rows
    }

    @Test(arguments: [
        ("calf", "calf"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        (" padded ", "\" padded \""),
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ])
    func untrustedTextIsQuotedAndGuarded(raw: String, written: String) {
        #expect(CSVReport.quoted(CSVReport.text(raw)) == written)
    }

    @Test func rowsHaveTheDocumentedColumnsAndReadBack() throws {
        let hostile = "=cmd|' /C calc'!A0, \"x\"\n"
        let result = F.typical(channels: [hostile, "thigh"], path: "@data/rec,1.csv")
        let text = CSVReport.render(result)
        let rows = Self.parse(text)
        #expect(rows[0] == CSVReport.columns)
        #expect(rows.count == 1 + result.events.count + result.episodes.count)
        for row in rows { #expect(row.count == CSVReport.columns.count) }
        let first = rows[1]
        #expect(first[0] == "event" && first[1] == "twitch")
        #expect(first[2] == "'" + hostile)
        #expect(first[3] == "30.000" && first[4] == "30.015" && first[5] == "0.015")
        #expect(first[6] == "0.200000" && first[7] == "mV" && first[8] == "12.0")
        #expect(first[12] == "'@data/rec,1.csv")
        let episodes = rows.filter { $0[0] == "episode" }
        #expect(episodes.map { $0[1] } == result.episodes.map(\.kind.rawValue))
        let cramp = try #require(episodes.first { $0[1] == "cramp" })
        #expect(cramp[7] == "" && cramp[9] == "1" && cramp[10] == "" && cramp[5] == "18.000")
        #expect(text.hasSuffix("\r\n"))
    }

    @Test func outputIsDeterministic() {
        #expect(CSVReport.render(F.typical()) == CSVReport.render(F.typical()))
    }

    @Test func cohortHasOneRowPerChannelAndOnePerFailure() {
        let entries: [BatchResult.Entry] = [.analysed(F.typical()), .failed(path: "-bad.csv", error: "x.csv:3: oops, bad")]
        let rows = Self.parse(CSVReport.render(cohort: entries))
        #expect(rows[0] == CSVReport.cohortColumns)
        #expect(rows.count == 1 + 2 + 1)
        for row in rows { #expect(row.count == CSVReport.cohortColumns.count) }
        #expect(rows[1][0] == "rec.csv" && rows[1][1] == "analysed" && rows[1][2] == "calf")
        #expect(rows[1][4] == "25" && rows[1][10] == "1")
        #expect(rows[1][14] == "multiple-sites twitching-without-exercise")
        #expect(rows[3][0] == "'-bad.csv" && rows[3][1] == "failed" && rows[3][15] == "x.csv:3: oops, bad")
    }

    @Test(arguments: [(0.0005, 3, "0.001"), (-0.0001, 3, "0.000"), (2.5, 0, "2"), (Double.nan, 2, "")])
    func fixedDecimals(value: Double, decimals: Int, text: String) {
        #expect(ReportText.fixed(value, decimals) == text)
    }
}
