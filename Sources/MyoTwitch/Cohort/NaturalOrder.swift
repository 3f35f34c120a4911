/// The order in which recordings are listed everywhere (`analyze`'s expansion of directories and
/// globs, `report`'s directory walk, the cohort summary): runs of decimal digits compare by their
/// value, so `rec2` comes before `rec10`, and everything else compares by Unicode scalar value
/// (case-sensitive, independent of the locale, so every machine of a cluster agrees).
///
/// Equal values with different leading zeros (`rec7`, `rec007`) put the shorter spelling first;
/// strings that still tie are equal, so the order is a strict total order on distinct strings.
public enum NaturalOrder {
    /// `true` when `a` comes before `b`.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        compare(Array(a.unicodeScalars), Array(b.unicodeScalars)) < 0
    }

    /// `values` in natural order.
    public static func sorted(_ values: [String]) -> [String] {
        values.sorted(by: precedes)
    }

    /// Negative, zero or positive as `a` comes before, equals or comes after `b`.
    static func compare(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var i = 0, j = 0
        var zeroTieBreak = 0  // first difference in leading zeros, used only if all else ties
        while i < a.count && j < b.count {
            if isDigit(a[i]) && isDigit(b[j]) {
                var ie = i, je = j
                while ie < a.count && isDigit(a[ie]) { ie += 1 }
                while je < b.count && isDigit(b[je]) { je += 1 }
                // Strip leading zeros, then a longer number is larger; equal lengths compare digitwise.
                var is0 = i, js0 = j
                while is0 < ie - 1 && a[is0] == "0" { is0 += 1 }
                while js0 < je - 1 && b[js0] == "0" { js0 += 1 }
                let la = ie - is0, lb = je - js0
                if la != lb { return la < lb ? -1 : 1 }
                for k in 0..<la where a[is0 + k] != b[js0 + k] {
                    return a[is0 + k].value < b[js0 + k].value ? -1 : 1
                }
                if zeroTieBreak == 0 && (ie - i) != (je - j) { zeroTieBreak = (ie - i) < (je - j) ? -1 : 1 }
                i = ie
                j = je
            } else {
                if a[i] != b[j] { return a[i].value < b[j].value ? -1 : 1 }
                i += 1
                j += 1
            }
        }
        if i < a.count { return 1 }
        if j < b.count { return -1 }
        return zeroTieBreak
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
}
