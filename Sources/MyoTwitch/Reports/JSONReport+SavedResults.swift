import Foundation

extension JSONReport {
    /// Decodes a saved result file for `myotwitch report`: a single analysis
    /// (`myotwitch.analysis/1`) gives one entry, a batch (`myotwitch.batch/1`) one entry per
    /// input, with inputs that had failed kept as `.failed` (their `"error"` text); JSON Lines
    /// (`stream`, `analyze --format jsonl`) one entry per summary line (`decodeSavedLines`).
    ///
    /// - Throws: `InputError` with `path` and a one-line message when the data is not JSON, has an
    ///   unknown schema, or does not match it.
    public static func decodeSavedResults(_ data: Data, path: String) throws -> [BatchResult.Entry] {
        if data.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
            throw InputError(path: path, message: "empty file: no result in it (a stream that wrote nothing, or a run that was stopped?)")
        }
        if looksLikeJSONLines(data) { return try decodeSavedLines(data, path: path) }
        let decoder = JSONDecoder()
        do {
            let schema = try decoder.decode(SchemaProbe.self, from: data).schema
            switch schema {
            case AnalysisResult.schemaName:
                return [.analysed(try decodeAnalysis(data))]
            case BatchResult.schemaName:
                return try decoder.decode(SavedBatch.self, from: data).results.map(\.entry)
            case let other?:
                throw InputError(path: path, message: "unknown schema \"\(other)\"; expected \(AnalysisResult.schemaName) or \(BatchResult.schemaName)")
            case nil:
                throw InputError(path: path, message: "not a myotwitch result (no \"schema\"); save one with myotwitch analyze --format json")
            }
        } catch let error as InputError {
            throw error
        } catch let error as DecodingError {
            throw InputError(path: path, message: "not a valid myotwitch result: \(describe(error))")
        } catch {
            throw InputError(path: path, message: "not a valid myotwitch result: \(error.localizedDescription)")
        }
    }

    /// One line: what was wrong and where (`results[2].source.sampleRateHz`).
    static func describe(_ error: DecodingError) -> String {
        func at(_ path: [CodingKey]) -> String {
            guard !path.isEmpty else { return "" }
            var out = ""
            for key in path {
                if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
            }
            return " at \(out)"
        }
        switch error {
        case .dataCorrupted(let c):
            return c.codingPath.isEmpty ? "the file is not JSON" : "bad value\(at(c.codingPath))"
        case .keyNotFound(let key, let c):
            return "missing \"\(key.stringValue)\"\(at(c.codingPath))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c):
            return "unexpected value\(at(c.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }
}

/// The `schema` member alone, to choose how to decode the rest.
private struct SchemaProbe: Decodable {
    var schema: String?
}

/// The batch form as saved by `analyze` (its `summary` is recomputed, so it is not read).
private struct SavedBatch: Decodable {
    var results: [SavedEntry]
}

/// One entry of a saved batch: an analysis, or `{"path": …, "error": …}`.
private struct SavedEntry: Decodable {
    var entry: BatchResult.Entry

    private enum Keys: String, CodingKey { case path, error }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if let error = try container.decodeIfPresent(String.self, forKey: .error) {
            let path = try container.decodeIfPresent(String.self, forKey: .path) ?? "?"
            entry = .failed(path: path, error: error)
        } else {
            entry = .analysed(try AnalysisResult(from: decoder))
        }
    }
}
