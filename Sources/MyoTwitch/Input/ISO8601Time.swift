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
}
