import Foundation

/// A one-line progress display on standard error (files done, throughput, time left), shown only
/// when standard error is a terminal and there is more than one file, so logs and pipes stay
/// clean.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let bytes: Int64
    private let enabled: Bool
    private let started = Date()
    private let lock = NSLock()

    init(files: [String]) {
        total = files.count
        bytes = files.reduce(0) { sum, path in
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.int64Value
            return sum + (size ?? 0)
        }
        enabled = isatty(2) == 1 && files.count > 1
    }

    func update(done: Int) {
        guard enabled else { return }
        lock.withLock {
            let elapsed = max(Date().timeIntervalSince(started), 1e-3)
            let fraction = Double(done) / Double(total)
            let rate = Double(bytes) * fraction / elapsed / 1_048_576
            let remaining = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
            let width = 24
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            StandardOutput.writeError(String(format: "\r%@ %d/%d files  %.1f MB/s  ETA %d:%02d ",
                                        bar, done, total, rate, Int(remaining) / 60, Int(remaining) % 60))
        }
    }

    func finish() {
        guard enabled else { return }
        StandardOutput.writeError("\r\u{1B}[K")
    }
}
