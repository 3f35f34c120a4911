/// How segments join groups (one twitch or doublet, a twitch train, a burst) and when a group
/// is handed out.
extension ChannelDetector {
    /// Adds a finished segment to the open group, or closes that group and starts a new one.
    func add(_ segment: Segment, finished: inout [SegmentGroup]) {
        // While the slow detector is inside a burst, everything belongs to that burst.
        if !group.isEmpty && !slowActive {
            // A new slow activation may join after the longer restart gap; a spike only after the
            // spike gap.
            let allowed = segment.sustained ? groupCloseGap : spikeJoinGap
            if segment.onset - group.end > allowed { closeGroup(last: index - 1, finished: &finished) }
        }
        group.segments.append(segment)
        if segment.sustained { group.holdsSlowActivation = true }
    }

    /// The quiet gap, in samples, within which a spike still joins the open group: longer once
    /// the group is sustained.
    var spikeJoinGap: Int { group.end - group.onset >= sustainedLength ? sustainedGap : groupGap }

    /// The quiet gap, in samples, after which the open group closes: a group holding a slow
    /// activation waits as long as a restart of it may take.
    var groupCloseGap: Int {
        group.holdsSlowActivation ? max(spikeJoinGap, slowRestartGap) : spikeJoinGap
    }

    /// Closes the open group once the allowed gap has passed with nothing new.
    func closeGroupIfDue(at n: Int, finished: inout [SegmentGroup]) {
        guard !group.isEmpty, !slowActive else { return }
        if n - group.end > groupCloseGap { closeGroup(last: n, finished: &finished) }
    }

    /// Hands the open group out, its train check completed with what the ring holds up to
    /// sample `last`, and starts a new one.
    func closeGroup(last: Int, finished: inout [SegmentGroup]) {
        markTrains(in: &group, last: last)
        finished.append(group)
        group = SegmentGroup()
    }
}
