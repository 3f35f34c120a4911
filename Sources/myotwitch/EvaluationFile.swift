import Foundation
import MyoTwitch

/// Reads one file `evaluate` compares — ground truth or detections, both analysis JSON — and
/// says plainly what is wrong when it is something else: a CSV recording, JSON Lines, a batch, an
/// evaluation, malformed JSON, or an analysis missing a field (never a raw `DecodingError`).
enum EvaluationFile {
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "\(path): \(message)" }
    }

    static let expected = "expected one analysis object (schema myotwitch.analysis/1) as `myotwitch analyze --format json` or `myotwitch simulate` writes it"

    static func load(_ path: String) throws -> AnalysisResult {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Failure(path: path, message: "cannot read: \(SystemReason.of(error))")
        }
        try check(data, path: path)
        do {
            return try EvaluationInput.decode(data, path: path)
        } catch let error as DecodingError {
            throw Failure(path: path, message: describe(error) + "; " + expected)
        }
    }

    /// Recognises the common wrong inputs before decoding.
    static func check(_ data: Data, path: String) throws {
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        let trimmed = text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        guard let first = trimmed.first else { throw Failure(path: path, message: "is empty; " + expected) }
        guard first == "{" else {
            let looksLikeCSV = first != "[" && trimmed.prefix(while: { $0 != "\n" }).contains { ",;\t".contains($0) }
            let what = first == "[" ? "is a JSON array" : looksLikeCSV ? "is not JSON: it looks like CSV (a recording? analyse it first with `myotwitch analyze`)" : "is not JSON"
            throw Failure(path: path, message: "\(what); " + expected)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let lines = trimmed.split(separator: "\n", omittingEmptySubsequences: true)
            if lines.count > 1 && lines.prefix(3).allSatisfy({ $0.hasPrefix("{") && $0.hasSuffix("}") }) {
                throw Failure(path: path, message: "holds JSON Lines (one object per line, from `stream` or `analyze --format jsonl`); " + expected)
            }
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String).map { ": \($0)" } ?? ""
            throw Failure(path: path, message: "is not valid JSON\(detail); " + expected)
        }
        guard let dictionary = object as? [String: Any] else { return }
        switch dictionary["schema"] as? String {
        case "myotwitch.batch/1"?:
            throw Failure(path: path, message: "is a batch of several recordings (schema myotwitch.batch/1); evaluate compares one recording at a time: write one analysis per recording with `myotwitch analyze … --output DIR/` and give the directory (each analysis is schema myotwitch.analysis/1)")
        case let schema? where schema != "myotwitch.analysis/1":
            throw Failure(path: path, message: "has schema \(schema); " + expected)
        default:
            if dictionary["events"] == nil {
                throw Failure(path: path, message: "has no \"events\" list; " + expected)
            }
        }
    }

    /// `events[3].kind: expected a string` rather than Swift's `DecodingError` dump.
    static func describe(_ error: DecodingError) -> String {
        func location(_ context: DecodingError.Context, _ extra: CodingKey? = nil) -> String {
            let keys = context.codingPath + (extra.map { [$0] } ?? [])
            var path = ""
            for key in keys {
                if let index = key.intValue { path += "[\(index)]" } else { path += (path.isEmpty ? "" : ".") + key.stringValue }
            }
            return path.isEmpty ? "the top level" : path
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(location(context, key)) is missing"
        case .valueNotFound(let type, let context):
            return "\(location(context)) is null, expected \(name(of: type))"
        case .typeMismatch(let type, let context):
            return "\(location(context)) has the wrong type, expected \(name(of: type))"
        case .dataCorrupted(let context):
            if context.debugDescription.hasPrefix("Cannot initialize") {
                return "\(location(context)) has an unknown value"
            }
            return "\(location(context)): \(context.debugDescription)"
        @unknown default:
            return "cannot be read"
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Double.Type, is Int.Type, is Float.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return name.contains("Kind") || name.contains("Sensor") ? "one of the known names" : "an object"
        }
    }
}
