import Foundation

/// Number, time and wording helpers shared by the CSV, Markdown and HTML reports, so that the
/// three formats print the same facts the same way.
///
/// Every number goes through `fixed(_:_:)`: a fixed count of decimals, `.` as the decimal point
/// whatever the locale, and no `-0.0`, so reports are identical byte for byte across runs and
/// machines.
enum ReportText {
    /// `value` with exactly `decimals` decimals; an empty string for NaN or infinity.
    /// An event's peak with its unit, e.g. `"0.4123 mV"` (just the number when the unit is
    /// unknown). Not escaped: the unit may come from a saved result.
    static func amplitude(_ event: DetectedEvent, _ decimals: Int) -> String {
        let number = fixed(event.peak, decimals)
        guard let unit = event.peakUnit, !unit.isEmpty, !number.isEmpty else { return number }
        return number + " " + unit
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "" }
        let text = String(format: "%.\(decimals)f", value)
        // "-0.000" would differ from "0.000" only by the sign of a rounded-away value.
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    /// A time from the start of the recording as `m:ss` or `h:mm:ss` (whole seconds, rounded down).
    static func clock(_ seconds: Double) -> String {
        // Clamped before conversion (`Int(_:)` traps beyond its range) to about 31,700 years.
        let total = seconds.isFinite ? Int(min(max(0, seconds.rounded(.down)), 1e12)) : 0
        let h = total / 3600, m = (total % 3600) / 60, s = total % 60
        let ss = s < 10 ? "0\(s)" : "\(s)"
        if h > 0 { return "\(h):\(m < 10 ? "0\(m)" : "\(m)"):\(ss)" }
        return "\(m):\(ss)"
    }

    /// A duration for people: `"45 s"`, `"7.5 min"`, `"1.25 h"`.
    static func duration(_ seconds: Double) -> String {
        if seconds == 0 { return "0 s" }
        if seconds < 120 { return "\(fixed(seconds, seconds < 10 ? 1 : 0)) s" }
        if seconds < 7200 { return "\(fixed(seconds / 60, 1)) min" }
        return "\(fixed(seconds / 3600, 2)) h"
    }

    /// Minutes as a short number without trailing zeros (`30`, `2.5`), for rule texts.
    static func minutes(_ seconds: Double) -> String {
        let m = seconds / 60
        return m == m.rounded() ? fixed(m, 0) : fixed(m, 1)
    }

    /// `"1 twitch"`, `"3 twitches"`.
    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) \(n == 1 ? singular : plural)"
    }

    /// The plain statement every report carries.
    static let notADiagnosis = """
        This report describes recorded signals. It is not a diagnosis: twitches are very \
        common in healthy people (about 7 in 10 have them), often after exercise, with tiredness, \
        stress, caffeine or low fluids.
        """

    /// A pointer near the top of a report, so nobody has to scroll to the end to read that the
    /// report is no diagnosis.
    static let notADiagnosisPointer = """
        This report describes what the sensors recorded; it is not a diagnosis. See “About this \
        report” at the end for when guidance suggests seeing a doctor.
        """

    /// When guidance suggests showing the recording to a doctor (DOMAIN.md), as a plain sentence.
    static let whenToSeeADoctor = """
        Medical guidance suggests showing a doctor twitching that persists for more than a few \
        minutes at a time, that occurs consistently outside exercise, or that affects more than \
        one area of the body, and any cramps that keep coming back. The advisory flags point out \
        such patterns where a recording shows them, with the rule each one used.
        """

    /// Said instead of a flag list when no rule fired.
    static let noFlags = "No advisory pattern was found in this recording."
}
