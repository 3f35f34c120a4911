/// One row of a BIDS `*_channels.tsv`: a channel's name (the EDF/BDF signal label), type
/// (`EMG`, `ECG`, `ACCEL`, `TRIG`, `MISC`, …), units and, for EMG, the muscle under it.
public struct BIDSChannel: Sendable, Equatable {
    public var name: String
    public var type: String
    public var units: String?
    /// From the `target_muscle` column (BIDS-EMG), or `muscle` where a dataset names it so.
    public var muscle: String?

    public init(name: String, type: String, units: String? = nil, muscle: String? = nil) {
        self.name = name
        self.type = type
        self.units = units
        self.muscle = muscle
    }

    /// Reads a channels.tsv: tab-separated, a header row naming at least `name` and `type`,
    /// `n/a` for a missing value. Errors name the file, line and column.
    public static func parse(_ text: String, path: String) throws -> [BIDSChannel] {
        struct Failure: Error, CustomStringConvertible { var description: String }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { String($0).hasSuffix("\r") ? String(String($0).dropLast()) : String($0) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw Failure(description: "\(path):1:1: empty channels.tsv (expected a header with name and type)") }
        let columns = header.split(separator: "\t", omittingEmptySubsequences: false).map { $0.lowercased() }
        guard let nameColumn = columns.firstIndex(of: "name"), let typeColumn = columns.firstIndex(of: "type") else {
            throw Failure(description: "\(path):1:1: channels.tsv header needs the columns name and type, found \(columns.joined(separator: ", "))")
        }
        let unitsColumn = columns.firstIndex(of: "units")
        let muscleColumn = columns.firstIndex(of: "target_muscle") ?? columns.firstIndex(of: "muscle")
        var channels: [BIDSChannel] = []
        for (i, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == columns.count else {
                throw Failure(description: "\(path):\(i + 1):\(min(cells.count, columns.count) + 1): expected \(columns.count) tab-separated fields, found \(cells.count)")
            }
            func value(_ c: Int?) -> String? {
                guard let c else { return nil }
                let v = cells[c].trimmingSpaces
                return v.isEmpty || v == "n/a" ? nil : v
            }
            guard let name = value(nameColumn) else {
                throw Failure(description: "\(path):\(i + 1):\(nameColumn + 1): a channel without a name")
            }
            channels.append(BIDSChannel(name: name, type: value(typeColumn)?.uppercased() ?? "MISC",
                                        units: value(unitsColumn), muscle: value(muscleColumn)))
        }
        return channels
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
