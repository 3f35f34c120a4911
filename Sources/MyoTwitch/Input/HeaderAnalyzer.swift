import Foundation

/// Works out a `ColumnPlan` from the lines before the first data row (header, units row, comments,
/// vendor preambles) and the first data row itself.
struct HeaderAnalyzer {
    var path: String
    var options: DecoderOptions
    /// Lines before the first data row that are not comments, in order, with their line numbers.
    var preamble: [(line: Int, text: [UInt8])] = []
    /// Comment lines (`#…`, `%…`), decoded.
    var comments: [String] = []
    /// The delimiter a `sep=` line declared.
    var declaredDelimiter: UInt8?

    /// The delimiter for a data line: declared, else tab, else `;`, else `,`.
    func delimiter(for line: UnsafeBufferPointer<UInt8>) -> UInt8 {
        if let declaredDelimiter { return declaredDelimiter }
        if line.contains(0x09) { return 0x09 }
        if line.contains(UInt8(ascii: ";")) { return UInt8(ascii: ";") }
        return UInt8(ascii: ",")
    }

    /// Whether a line looks like data: at least one field, and most non-empty fields numbers
    /// (or ISO-8601 times).
    func isDataLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let delimiter = delimiter(for: line)
        let fields = FieldSplitter.split(line, delimiter: delimiter)
        let decimalComma = delimiter != UInt8(ascii: ",")
        var numeric = 0, text = 0
        for f in fields where f.count > 0 {
            if FloatParser.parse(line.baseAddress!, f.lowerBound, f.upperBound, decimalComma: decimalComma) != nil
                || ISO8601Time.parse(line.baseAddress!, f.lowerBound, f.upperBound) != nil {
                numeric += 1
            } else {
                text += 1
            }
        }
        return numeric > 0 && numeric >= text
    }

    /// The plan for the recording whose first data row is `first` (at `line`).
    func plan(first: UnsafeBufferPointer<UInt8>, line: Int) throws -> ColumnPlan {
        let delimiter = delimiter(for: first)
        let decimalComma = delimiter != UInt8(ascii: ",") && first.contains(UInt8(ascii: ","))
        let dataFields = FieldSplitter.split(first, delimiter: delimiter)
        let fieldCount = dataFields.count
        let rows = preamble.map { (line: $0.line, fields: FieldSplitter.strings($0.text, delimiter: delimiter)) }
        var names: [String]
        var unitsRow: [String]? = nil
        var dialect = "plain"
        var rateHint: Double? = nil

        var sensorOf: [Int: String] = [:]
        let openSignals = openSignalsHeader()
        let trailingEmpty = dataFields.last.map { $0.isEmpty } ?? false
        if let jsonNames = openSignals.columns,
           jsonNames.count == fieldCount || (trailingEmpty && jsonNames.count == fieldCount - 1) {
            // OpenSignals ends every data row in a tab: one empty field more than its columns.
            names = jsonNames + (jsonNames.count < fieldCount ? [""] : [])
            rateHint = openSignals.rate
            dialect = "opensignals"
            for (k, name) in names.enumerated() { if let sensor = openSignals.sensors[name] { sensorOf[k] = sensor } }
            // Only the analog channels the header labels are signals (nSeq and digital I/O are not).
            if !openSignals.sensors.isEmpty {
                for k in names.indices where openSignals.sensors[names[k]] == nil && !names[k].isEmpty { sensorOf[k] = "digital I/O or counter" }
            }
        } else if let given = options.columns {
            guard given.count == fieldCount else {
                throw InputError(path: path, line: line, message: "--columns names \(given.count) columns, but the data rows have \(fieldCount) fields")
            }
            names = given
        } else {
            let matching = rows.filter { $0.fields.count == fieldCount }
            if matching.count >= 2, Self.isUnitsRow(matching[matching.count - 1].fields),
               !Self.isUnitsRow(matching[matching.count - 2].fields) {
                names = matching[matching.count - 2].fields
                unitsRow = matching[matching.count - 1].fields
            } else if let header = matching.last {
                names = header.fields
            } else if let header = rows.last {
                throw InputError(path: path, line: header.line,
                                 message: "the header has \(header.fields.count) columns but the first data row (line \(line)) has \(fieldCount) fields")
            } else if let board = Self.brainFlowBoard(fieldCount: fieldCount, delimiter: delimiter, first: first, fields: dataFields) {
                names = board.names
                rateHint = board.rate
                dialect = "brainflow"
            } else {
                names = (1...fieldCount).map { "ch\($0)" }
            }
            if dialect == "plain" && (rows.count > 2 || names.contains(where: { ColumnNames.normalised($0).hasSuffix("[s]") })) {
                dialect = "delsys"
                rateHint = Self.delsysRate(rows.map { $0.fields.joined(separator: ";") })
            }
        }
        if let hint = Self.openBCIRate(comments) {
            rateHint = hint
            dialect = "openbci"
        }
        let lowered = names.map(ColumnNames.normalised)
        if lowered.contains("seconds_elapsed") {
            dialect = "sensor-logger"
            if let reason = SensorLoggerExport.skipReason(fileName: path) {
                throw InputError(path: path, message: reason)
            }
        }
        else if lowered.contains("time (s)") && names.contains(where: { $0.contains("(") }) { dialect = "phyphox" }
        else if declaredDelimiter != nil || names.contains(where: { $0.contains("Shimmer") || $0.hasSuffix("_CAL") }) { dialect = "shimmer" }

        // Roles of the fields.
        var timeIndex: Int? = nil, timeScale: Double? = nil, bestRank = Int.max
        for (k, name) in names.enumerated() {
            if let (rank, scale) = ColumnNames.timeRank(name), rank < bestRank {
                bestRank = rank
                timeIndex = k
                timeScale = scale
            }
        }
        // OpenBCI GUI: the host `Timestamp` is stamped per radio packet (bunched, 19 973 Hz by
        // its median step); the board's clock, stated in the header, is the time axis.
        var hostStamp: Int? = nil
        if (dialect == "openbci" || dialect == "brainflow") && rateHint != nil {
            hostStamp = timeIndex
            timeIndex = nil
            timeScale = nil
        }
        // A units row (Shimmer) says the time column's unit where the name does not.
        if let t = timeIndex, timeScale == nil, let unitsRow, t < unitsRow.count {
            timeScale = ColumnNames.unitScale(of: "(\(unitsRow[t].lowercased()))")
        }
        var timeIsText = false
        if let t = timeIndex {
            let f = dataFields[t]
            if FloatParser.parse(first.baseAddress!, f.lowerBound, f.upperBound, decimalComma: decimalComma) == nil {
                guard ISO8601Time.parse(first.baseAddress!, f.lowerBound, f.upperBound) != nil else {
                    throw InputError(path: path, line: line, column: t + 1,
                                     message: "time column \"\(names[t])\" holds \"\(FieldSplitter.text(first, f))\", which is neither a number nor an ISO-8601 time")
                }
                timeIsText = true
                timeScale = 1
            }
        }
        var candidates: [Int] = []
        let numericNames = (0..<fieldCount).filter { k in
            FloatParser.parse(first.baseAddress!, dataFields[k].lowerBound, dataFields[k].upperBound, decimalComma: decimalComma) != nil
        }.map { names[$0] }
        for k in 0..<fieldCount where k != timeIndex && k != hostStamp {
            let name = names[k]
            let f = dataFields[k]
            if f.count == 0 && name.isEmpty { continue }  // trailing delimiter
            if ColumnNames.isCounter(name) || ColumnNames.timeRank(name) != nil { continue }
            // A text column (a formatted date, a marker) is context, not signal; a cell that is
            // no number in a column of numbers is a malformed first row, left to the row reader.
            if FloatParser.parse(first.baseAddress!, f.lowerBound, f.upperBound, decimalComma: decimalComma) == nil
                && Self.isText(FieldSplitter.text(first, f), name: name, siblings: numericNames) { continue }
            candidates.append(k)
        }
        let selection = try selectSignals(names: names, candidates: candidates, dialect: dialect,
                                          sensorOf: sensorOf, line: line)
        let signalIndices = selection.indices
        let sensor = selection.sensor
        guard !signalIndices.isEmpty else {
            let skipped = selection.notes.isEmpty ? "" : "; not analysed: " + selection.notes.joined(separator: "; ")
            throw InputError(path: path, line: line,
                             message: "no signal columns found (columns: \(names.joined(separator: ", "))\(skipped))")
        }
        let signalNames = signalIndices.map { k -> String in
            let name = names[k].trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? "ch\(k + 1)" : name
        }
        let units = signalIndices.map { k in
            unitsRow.flatMap { ColumnNames.unit(in: "(\($0[k]))") } ?? ColumnNames.unit(in: names[k])
        }
        return ColumnPlan(delimiter: delimiter, decimalComma: decimalComma, fieldCount: fieldCount,
                          timeIndex: timeIndex, timeScale: timeScale, timeIsText: timeIsText,
                          timeName: timeIndex.map { names[$0] }, signalIndices: signalIndices,
                          signalNames: signalNames, units: units, dialect: dialect, rateHint: rateHint,
                          sensor: sensor, notes: selection.notes,
                          startTime: Self.startTime(first: first, fields: dataFields, names: names,
                                                    timeIndex: timeIndex ?? hostStamp, decimalComma: decimalComma))
    }

    /// A row of units (`ms`, `mV`, `m/(s^2)`, …) under the names (Shimmer).
    static func isUnitsRow(_ fields: [String]) -> Bool {
        let known: Set<String> = ["ms", "s", "us", "ns", "mv", "uv", "µv", "v", "g", "m/(s^2)", "m/s^2",
                                  "m/s²", "deg/s", "local_flux", "local", "degrees", "deg", "kpa", "mbar", "degrees celsius", "°c", "no units", "adc", "counts", "ma", "kohms", "%", "raw", "cal", "uncal", ""]
        let nonEmpty = fields.filter { !$0.isEmpty }
        return !nonEmpty.isEmpty && fields.allSatisfy { known.contains($0.lowercased()) }
    }

    /// OpenBCI states its rate in a comment: `%Sample Rate = 250 Hz`.
    static func openBCIRate(_ comments: [String]) -> Double? {
        for c in comments where c.lowercased().contains("sample rate") {
            let digits = c.split(whereSeparator: { !"0123456789.".contains($0) })
            if let value = digits.compactMap({ Double($0) }).first, value > 0 { return value }
        }
        return nil
    }

    /// OpenSignals (BITalino) writes a JSON object in a `# {…}` comment with the column names, the
    /// sampling rate and, per analog channel label, its sensor, nested under the device's address.
    func openSignalsHeader() -> (columns: [String]?, rate: Double?, sensors: [String: String]) {
        for c in comments {
            guard let brace = c.firstIndex(of: "{"),
                  let data = String(c[brace...]).data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            let device = (object.values.first { $0 is [String: Any] } as? [String: Any]) ?? object
            let columns = device["column"] as? [String]
            let rate = (device["sampling rate"] as? NSNumber)?.doubleValue
            var sensors: [String: String] = [:]
            if let labels = device["label"] as? [String], let kinds = device["sensor"] as? [String], labels.count == kinds.count {
                for (label, kind) in zip(labels, kinds) { sensors[label] = kind }
            }
            if columns != nil { return (columns, rate, sensors) }
        }
        return (nil, nil, [:])
    }
}
