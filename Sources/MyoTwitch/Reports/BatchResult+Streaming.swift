import Foundation

extension BatchResult {
    /// Writes the batch object one entry at a time, so a cohort of any size is merged holding
    /// one recording's result at a time. The bytes equal `JSONReport.encode(BatchResult(…))`
    /// plus a newline (the pretty form indents by two spaces per level and never puts a raw
    /// newline inside a string, so an entry encoded alone is re-indented by prefixing lines).
    public struct Stream {
        public private(set) var summary = Summary()

        public init() {}

        /// The opening, before the first entry.
        public static let head = Data("{\n  \"schema\": \"\(BatchResult.schemaName)\",\n  \"results\": [".utf8)

        /// One more entry's text (with the comma before it when it is not the first).
        public mutating func entry(_ entry: Entry) throws -> Data {
            let first = summary.inputs == 0
            summary.add(entry)
            let text = String(decoding: try JSONReport.encode(entry), as: UTF8.self)
            return Data(((first ? "" : ",") + "\n    " + text.replacingOccurrences(of: "\n", with: "\n    ")).utf8)
        }

        /// The closing, with the totals; after at least one entry.
        public func tail() throws -> Data {
            let totals = String(decoding: try JSONReport.encode(summary), as: UTF8.self)
            let close = summary.inputs == 0 ? "]" : "\n  ]"
            return Data((close + ",\n  \"summary\": " + totals.replacingOccurrences(of: "\n", with: "\n  ") + "\n}\n").utf8)
        }
    }
}
