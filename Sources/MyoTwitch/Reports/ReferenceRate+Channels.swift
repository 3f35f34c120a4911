extension ReferenceRate {
    /// The healthy references that apply to `result`'s channels (by their muscle), in the
    /// order of `healthy`, each with the channels it applies to.
    static func applicable(to result: AnalysisResult) -> [(reference: ReferenceRate, channels: [String])] {
        healthy.compactMap { r in
            let channels = result.summary.channels.filter { forMuscle($0.muscle) == r }.map(\.channel)
            return channels.isEmpty ? nil : (r, channels)
        }
    }

    /// The reference rate cell of a channel: the published rate, or why there is none.
    static func cell(for channel: ChannelSummary) -> String {
        guard let muscle = channel.muscle else { return "muscle not given" }
        return forMuscle(muscle)?.rate ?? "none published for \(muscle)"
    }

    /// Said under the channel table when some channel has no reference rate.
    static let noneNote = """
        A healthy reference rate is shown only for a channel whose muscle is known and has a \
        published rate (tibialis anterior, abductor hallucis): rates differ from muscle to muscle, \
        so a shin's "at most 3 per minute" says nothing about an arm. Name a channel's muscle \
        with --muscle CHANNEL=NAME (a BIDS channels.tsv or a label such as "EMG TA" names it too).
        """

    /// Said when rates are left out because the recording or episode is too short.
    static let shortRateNote = """
        Rates are given only over at least 2 minutes: about 70–90 seconds are needed to see one \
        twitch with confidence, 2 minutes for about five (JNER 2012;9:78).
        """
}
