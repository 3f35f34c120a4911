import Foundation

/// The file names `analyze --output DIR` gives per-recording reports, so that a cohort summary
/// can link to them, and the natural order ("rec2" before "rec10") the cohort tables list
/// recordings in.
public enum ReportFileName {
    /// The stem of each analysed recording's files, in `paths` order, made unique the way the
    /// directory writer does: the last path component without its extension, separators,
    /// control characters and leading dots replaced, `-2`, `-3`, … on repeats.
    public static func stems(for paths: [String]) -> [String] {
        var used: Set<String> = []
        return paths.map { path in
            let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            var stem = String(base.unicodeScalars.map { scalar -> Character in
                let c = Character(scalar)
                return scalar.value < 0x20 || c == "/" || c == "\\" || c == ":" ? "_" : c
            })
            while stem.hasPrefix(".") { stem.removeFirst() }
            if stem.isEmpty || stem == "batch" || stem == "summary" { stem = "recording-" + stem }
            var candidate = stem, n = 2
            while used.contains(candidate) { candidate = "\(stem)-\(n)"; n += 1 }
            used.insert(candidate)
            return candidate
        }
    }

    /// `name` as a relative URL: everything but unreserved ASCII percent-encoded (UTF-8).
    public static func relativeURL(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (c.isLetter || c.isNumber || "-._~".contains(c)) { out.append(c) }
            else { out += String(format: "%%%02X", byte) }
        }
        return out
    }

    /// Whether `a` comes before `b` when runs of digits compare as numbers ("rec2" < "rec10").
    public static func naturalLess(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        var i = 0, j = 0
        while i < x.count && j < y.count {
            let dx = ("0"..."9").contains(x[i]), dy = ("0"..."9").contains(y[j])
            if dx && dy {
                var p = i, q = j
                while p < x.count && ("0"..."9").contains(x[p]) { p += 1 }
                while q < y.count && ("0"..."9").contains(y[q]) { q += 1 }
                let u = String(String.UnicodeScalarView(x[i..<p])).drop { $0 == "0" }
                let v = String(String.UnicodeScalarView(y[j..<q])).drop { $0 == "0" }
                if u.count != v.count { return u.count < v.count }
                if u != v { return u < v }
                i = p; j = q
            } else {
                if x[i] != y[j] { return x[i].value < y[j].value }
                i += 1; j += 1
            }
        }
        return x.count - i < y.count - j
    }
}
