import Foundation

/// Which columns are analysed: the signals of the analysed kind, never another sensor's columns,
/// vendor auxiliaries or magnitudes; `--channels` picks by name.
extension HeaderAnalyzer {
    struct Selection {
        var indices: [Int]
        var sensor: SensorKind
        /// What was left out or chosen, for one warning.
        var notes: [String]
    }

    /// Chooses among `candidates` (numeric fields that are not time or counters).
    /// `sensorOf` maps a column to the sensor a vendor header states for it (OpenSignals).
    func selectSignals(names: [String], candidates: [Int], dialect: String,
                       sensorOf: [Int: String], line: Int) throws -> Selection {
        if let wanted = options.channels, !wanted.isEmpty {
            return try selectByName(wanted, names: names, candidates: candidates, line: line)
        }
        var notes: [String] = []
        var excluded: [(Int, String)] = []
        var emg: [Int] = [], accelerometer: [Int] = []
        let openBCINames = names.contains { ColumnNames.normalised($0).hasPrefix("exg channel") }
        for k in candidates {
            let name = names[k]
            if (dialect == "openbci" || dialect == "brainflow") && openBCINames {
                // OpenBCI GUI and BrainFlow: only the EXG channels are EMG, only the board's
                // accelerometer is an accelerometer; everything else is auxiliary.
                let lower = ColumnNames.normalised(name)
                if lower.hasPrefix("exg channel") || lower.hasPrefix("eeg channel") || lower.hasPrefix("emg channel") { emg.append(k) }
                else if lower.hasPrefix("accel channel") { accelerometer.append(k) }
                else { excluded.append((k, "auxiliary")) }
                continue
            }
            if let stated = sensorOf[k] {
                let upper = stated.uppercased()
                if upper.hasPrefix("EMG") { emg.append(k) }
                else if upper.hasPrefix("ACC") || upper == "XYZ" { accelerometer.append(k) }
                else { excluded.append((k, "\(stated) sensor")) }
                continue
            }
            if let kind = ColumnNames.nonSignalKind(name) { excluded.append((k, kind)); continue }
            if ColumnNames.isAcceleration(name) { accelerometer.append(k) } else { emg.append(k) }
        }
        let sensor: SensorKind = options.sensor ?? (emg.isEmpty && !accelerometer.isEmpty ? .accelerometer : .emg)
        var chosen = sensor == .accelerometer ? accelerometer : emg
        let other = sensor == .accelerometer ? emg : accelerometer
        if chosen.isEmpty && options.sensor != nil && !other.isEmpty {
            chosen = other  // the user said what the columns are
        } else if !other.isEmpty {
            let kind = sensor == .accelerometer ? "EMG" : "accelerometer"
            let hint = sensor == .accelerometer ? "--sensor emg" : "--sensor accelerometer"
            notes.append("\(Self.list(other.map { names[$0] })) (\(kind); analyse with \(hint))")
        }
        if sensor == .accelerometer {
            // Two tri-axial sensors in one file are two sensors, not one with six axes.
            var groups: [(key: String, columns: [Int])] = []
            for k in chosen {
                let key = ColumnNames.accelerometerGroup(names[k])
                if let g = groups.firstIndex(where: { $0.key == key }) { groups[g].columns.append(k) }
                else { groups.append((key, [k])) }
            }
            if groups.count > 1 {
                chosen = groups[0].columns
                for g in groups.dropFirst() {
                    notes.append("\(Self.list(g.columns.map { names[$0] })) (a second accelerometer; analyse it with --channels \(g.columns.map { names[$0] }.joined(separator: ",")))")
                }
            }
        }
        var byKind: [String: [String]] = [:]
        var kinds: [String] = []
        for (k, kind) in excluded {
            if byKind[kind] == nil { kinds.append(kind) }
            byKind[kind, default: []].append(names[k])
        }
        notes = kinds.map { "\(Self.list(byKind[$0]!)) (\($0))" } + notes
        return Selection(indices: chosen, sensor: sensor, notes: notes)
    }

    /// `--channels`: the named columns, in file order; an unknown name is an error that lists
    /// the columns there are.
    private func selectByName(_ wanted: [String], names: [String], candidates: [Int], line: Int) throws -> Selection {
        var chosen: [Int] = []
        for w in wanted {
            let key = ColumnNames.normalised(w)
            guard let k = candidates.first(where: { ColumnNames.normalised(names[$0]) == key }) else {
                throw InputError(path: path, line: line, message: "--channels names \"\(w)\", which is not a signal column here (signal columns: \(candidates.map { names[$0] }.joined(separator: ", ")))")
            }
            if !chosen.contains(k) { chosen.append(k) }
        }
        chosen.sort()
        let sensor = options.sensor ?? (chosen.allSatisfy { ColumnNames.isAcceleration(names[$0]) } ? .accelerometer : .emg)
        let left = candidates.filter { !chosen.contains($0) }
        return Selection(indices: chosen, sensor: sensor,
                         notes: left.isEmpty ? [] : ["\(Self.list(left.map { names[$0] })) (not named by --channels)"])
    }

    static func list(_ names: [String]) -> String {
        names.count <= 4 ? names.joined(separator: ", ")
                         : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
    }
}
