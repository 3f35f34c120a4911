/// Which muscle lies under each channel: from `--muscle CHANNEL=NAME`, else from what the input
/// said (a BIDS channels.tsv), else from a channel label that names a muscle (`"EMG TA"`).
public struct MuscleAssignment: Sendable, Equatable {
    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Muscle per channel name, as given.
    public var muscles: [String: String]

    public init(_ muscles: [String: String] = [:]) {
        self.muscles = muscles
    }

    /// Parses `CHANNEL=NAME` arguments; a channel named twice, an empty side or a missing `=`
    /// is an error naming the argument.
    public init(arguments: [String]) throws {
        var muscles: [String: String] = [:]
        for argument in arguments {
            guard let eq = argument.firstIndex(of: "=") else {
                throw ParseError(description: "--muscle \(argument): expected CHANNEL=NAME, e.g. EMG1=tibialis anterior")
            }
            let channel = String(argument[..<eq]).trimmingCharacters(in: " ")
            let name = String(argument[argument.index(after: eq)...]).trimmingCharacters(in: " ")
            guard !channel.isEmpty, !name.isEmpty else {
                throw ParseError(description: "--muscle \(argument): both the channel and the muscle must be named")
            }
            guard muscles[channel] == nil else {
                throw ParseError(description: "--muscle: channel \(channel) is given twice")
            }
            muscles[channel] = name
        }
        self.muscles = muscles
    }

    /// These muscles over those `input` names (a BIDS channels.tsv): a channel named by both
    /// keeps the one given here (`--muscle`).
    public func over(_ input: [String: String]) -> MuscleAssignment {
        MuscleAssignment(input.merging(muscles) { _, given in given })
    }

    /// `result` with each channel summary's `muscle` set; channels not named keep what the input
    /// said or get the muscle their label names.
    public func apply(to result: AnalysisResult) -> AnalysisResult {
        var result = result
        for i in result.summary.channels.indices {
            let channel = result.summary.channels[i].channel
            if let given = muscles[channel] {
                result.summary.channels[i].muscle = given
            } else if result.summary.channels[i].muscle == nil {
                result.summary.channels[i].muscle = ReferenceRate.muscle(fromLabel: channel)
            }
        }
        return result
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
