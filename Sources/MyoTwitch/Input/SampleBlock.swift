/// A run of consecutive, evenly spaced samples, one array per signal column (structure of arrays).
///
/// Blocks carry no timestamps: sample `i` of a block lies `i / sampleRate` after the block's first
/// sample, and consecutive blocks continue each other unless a `.gap` came between them, or a
/// `clock` anchor re-states where a sample lies (a fit to the time column).
public struct SampleBlock: Sendable, Equatable {
    /// `columns[c][i]` is sample `i` of signal column `c`; every array has `count` elements.
    public var columns: [[Double]]
    /// Anchors of the time axis within this block, by increasing offset (empty for most blocks).
    public var clock: [ClockAnchor]

    public init(columns: [[Double]], clock: [ClockAnchor] = []) {
        self.columns = columns
        self.clock = clock
    }

    /// Samples per column.
    public var count: Int { columns.first?.count ?? 0 }
}

/// What a `RecordingDecoder` hands on, in input order.
public enum DecoderOutput: Sendable, Equatable {
    /// Once, before any samples: the recording's layout.
    case layout(RecordingLayout)
    /// Consecutive samples.
    case samples(SampleBlock)
    /// The time axis jumped; samples after it start at `gap.end`.
    case gap(Gap)
    /// A survived problem (skipped row, backwards timestamp, …).
    case warning(InputWarning)
    /// A note stored with the recording (EDF+ annotations): context for the report, not a signal.
    case annotation(RecordingAnnotation)
}
