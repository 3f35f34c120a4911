/// ISO 8601 UTC times (`source.startTime`) turned into seconds and back, without Foundation's
/// locale- and time-zone-dependent formatters, so exported absolute onsets are the same bytes on
/// every machine.
///
/// Accepts `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (a space instead of `T` too); prints
/// `YYYY-MM-DDTHH:MM:SS.ffffffZ` (microseconds, the resolution MNE keeps for `orig_time`).
public struct WallClock: Sendable, Equatable {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public var epochSeconds: Int64
    /// Microseconds within the second, 0…999,999.
    public var microseconds: Int64

    public init?(iso text: String) {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= b.count else { return nil }
            var v: Int64 = 0
            for i in from..<(from + count) {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int64(b[i] - 48)
            }
            return v
        }
        guard b.count >= 19, b[4] == 45, b[7] == 45, b[10] == 84 || b[10] == 32 || b[10] == 116,
              b[13] == 58, b[16] == 58,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var i = 19
        var micro: Int64 = 0
        if i < b.count, b[i] == 46 {
            i += 1
            var digits = 0
            while i < b.count, b[i] >= 48 && b[i] <= 57 {
                if digits < 6 { micro = micro * 10 + Int64(b[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 6) { micro *= 10 }
        }
        var offset: Int64 = 0
        if i < b.count {
            if b[i] == 90 || b[i] == 122 {
                i += 1
            } else if b[i] == 43 || b[i] == 45, let h = number(i + 1, 2), b.count > i + 3, b[i + 3] == 58,
                      let m = number(i + 4, 2) {
                offset = (h * 3600 + m * 60) * (b[i] == 45 ? -1 : 1)
                i += 6
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        epochSeconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        microseconds = micro
    }

    public init(epochSeconds: Int64, microseconds: Int64) {
        self.epochSeconds = epochSeconds
        self.microseconds = microseconds
    }

    /// This time plus `seconds` (rounded to the microsecond).
    public func adding(_ seconds: Double) -> WallClock {
        guard seconds.isFinite, abs(seconds) < 1e12 else { return self }
        let total = microseconds + Int64((seconds * 1_000_000).rounded())
        let carry = total >= 0 ? total / 1_000_000 : (total - 999_999) / 1_000_000
        return WallClock(epochSeconds: epochSeconds + carry, microseconds: total - carry * 1_000_000)
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    public var iso: String {
        let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
        let secondOfDay = epochSeconds - days * 86_400
        let (y, m, d) = Self.civil(fromDays: days)
        func pad(_ v: Int64, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2)).\(pad(microseconds, 6))Z"
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (`ISO8601Time`'s, in 64 bits).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        Int64(ISO8601Time.daysFromCivil(year: Int(year), month: Int(month), day: Int(day)))
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let (y, m, d) = ISO8601Time.civilFromDays(Int(z0))
        return (Int64(y), Int64(m), Int64(d))
    }
}
