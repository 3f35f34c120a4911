/// Parses ISO-8601 timestamps from bytes into whole seconds since 1970-01-01T00:00:00Z and a
/// fraction (kept apart so that differences between samples stay exact to the microsecond):
/// `2024-05-01T12:00:00.125Z`, `2024-05-01 12:00:00.125`, `…+02:00`, `…-0530`. Without a zone the
/// time is taken as UTC: only differences between samples matter here.
enum ISO8601Time {
    static func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        parseParts(p, start, end).map { Double($0.whole) + $0.fraction }
    }

    static func parseParts(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (whole: Int, fraction: Double)? {
        var i = start
        func number(_ count: Int) -> Int? {
            guard i + count <= end else { return nil }
            var value = 0
            for k in 0..<count {
                let d = p[i + k] &- 48
                guard d < 10 else { return nil }
                value = value * 10 + Int(d)
            }
            i += count
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < end, p[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2),
              expect(UInt8(ascii: "-")), let day = number(2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        guard i < end, p[i] == UInt8(ascii: "T") || p[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2),
              expect(UInt8(ascii: ":")), let second = number(2),
              hour < 24, minute < 60, second <= 60 else { return nil }
        var fraction = 0.0
        if i < end && (p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ",")) {
            i += 1
            var scale = 0.1
            var any = false
            while i < end, case let d = p[i] &- 48, d < 10 {
                fraction += Double(d) * scale
                scale /= 10
                any = true
                i += 1
            }
            guard any else { return nil }
        }
        var offset = 0
        if i < end {
            if p[i] == UInt8(ascii: "Z") {
                i += 1
            } else if p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
                let sign = p[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let hh = number(2) else { return nil }
                _ = expect(UInt8(ascii: ":"))
                let mm = number(2) ?? 0
                offset = sign * (hh * 3600 + mm * 60)
            }
        }
        guard i == end else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return (days * 86_400 + hour * 3600 + minute * 60 + second - offset, fraction)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `2024-05-01T10:22:03.125Z` for whole seconds since 1970 and a fraction (milliseconds,
    /// rounded; UTC).
    static func format(whole: Int, fraction: Double) -> String {
        var seconds = whole
        var millis = Int((fraction * 1000).rounded())
        if millis >= 1000 { seconds += millis / 1000; millis %= 1000 }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = civilFromDays(days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let ms = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(y)-\(two(m))-\(two(d))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)).\(ms)Z"
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's algorithm).
    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
