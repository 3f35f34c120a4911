import Foundation

/// The most threads `--jobs` starts: four per core. The analysis is CPU-bound (reading from a
/// page cache or an SSD keeps up), so threads beyond the cores only take turns — and each file in
/// flight holds its analysis windows and results (about 30–60 MB for a 1 h, 8-channel file), so
/// `--jobs 100000` would multiply the memory for nothing. Four per core still lets files that wait
/// on a slow disk or network share overlap with others.
enum JobLimit {
    static var maximum: Int { 4 * max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `requested`, or the maximum with a note on standard error when it is above it.
    static func cap(_ requested: Int) -> Int {
        guard requested > maximum else { return requested }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        StandardOutput.error("myotwitch: note: --jobs \(requested) capped at \(maximum) (4 × \(cores) core\(cores == 1 ? "" : "s"): more threads only add memory)")
        return maximum
    }
}
