import Foundation

/// Window functions for spectral estimates.
public enum WindowFunction {
    /// A periodic Hann window of `length` samples (the right choice for overlapping STFT frames:
    /// at 50 % overlap the frames sum to a constant).
    public static func hann(_ length: Int) -> [Double] {
        (0..<length).map { 0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(length)) }
    }
}
