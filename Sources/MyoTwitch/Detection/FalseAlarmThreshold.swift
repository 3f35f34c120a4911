import Foundation

/// The constant-false-alarm-rate threshold of a moving-RMS envelope of Gaussian noise.
///
/// The squared envelope of band-limited Gaussian noise, times its degrees of freedom, follows a
/// chi-square law with `2 × bandwidth × window` degrees of freedom per column (fewer than the
/// window's samples when the band is narrower than Nyquist). The threshold is the ratio of the
/// envelope's `1 − p` quantile to its median, so the quiet median alone sets an absolute level
/// that noise exceeds with probability `p` per independent window, whatever the sample rate.
enum FalseAlarmThreshold {
    /// Envelope amplitude ratio (quantile / median) for `dof` degrees of freedom and tail `p`.
    static func ratio(degreesOfFreedom dof: Double, tail p: Double) -> Double {
        (quantile(dof, p) / median(dof)).squareRoot()
    }

    /// Wilson–Hilferty approximation of the chi-square upper quantile (exact for 2 degrees of
    /// freedom, where the law is exponential); within a few per cent for k ≥ 3.
    static func quantile(_ k: Double, _ p: Double) -> Double {
        if abs(k - 2) < 1e-9 { return -2 * log(p) }
        let z = normalUpperQuantile(p)
        let c = 2 / (9 * k)
        return k * pow(max(0, 1 - c + z * c.squareRoot()), 3)
    }

    static func median(_ k: Double) -> Double {
        if abs(k - 2) < 1e-9 { return 2 * log(2) }
        let c = 2 / (9 * k)
        return k * pow(1 - c, 3)
    }

    /// The standard normal upper quantile z with P(Z > z) = p (Acklam's rational approximation,
    /// relative error below 1e-9 in the tail used here).
    static func normalUpperQuantile(_ p: Double) -> Double {
        let q = (-2 * log(p)).squareRoot()
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                 3.754408661907416e+00]
        let num = ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]
        let den = (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
        return -num / den
    }
}
