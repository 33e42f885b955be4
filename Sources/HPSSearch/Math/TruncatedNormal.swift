// A normal distribution truncated to [low, high]: the kernel of TPE's Parzen estimators.
// Everything is computed in log space and with the tail that keeps precision (by reflecting an
// interval that lies right of the mean), so a kernel far from its bounds never yields -inf/NaN.
import Foundation

public enum TruncatedNormal {
  /// log(Φ(b) - Φ(a)) for standardized bounds a < b.
  public static func logMass(_ a: Double, _ b: Double) -> Double {
    if !(a < b) { return -.infinity }
    if a > 0 { return logMass(-b, -a) }  // symmetric: keep both ends in the accurate lower tail
    if b > 0 && b - a > 1 {
      // The interval holds the mean: log(1 − both tails) has no cancellation and needs no logs
      // of tails (the common case for TPE's kernels, and the fast one). Beyond 8.5σ a tail is
      // below 1e-17 and the mass is 1 to double precision.
      if a < -8.5 && b > 8.5 { return 0 }
      return log1p(-0.5 * erfc(-a * Normal.invSqrt2) - 0.5 * erfc(b * Normal.invSqrt2))
    }
    let logB = Normal.logCdf(b), logA = Normal.logCdf(a)
    return logB + LogSumExp.log1mexp(logA - logB)
  }

  /// Log density at x of N(mu, sigma²) truncated to [low, high]; -infinity outside.
  public static func logPdf(_ x: Double, mu: Double, sigma: Double, low: Double, high: Double) -> Double {
    if x < low || x > high { return -.infinity }
    let z = (x - mu) / sigma
    return Normal.logPdf(z) - log(sigma) - logMass((low - mu) / sigma, (high - mu) / sigma)
  }

  /// Draws one value by inverting the truncated cdf with a uniform draw `u` in (0, 1).
  public static func quantile(_ u: Double, mu: Double, sigma: Double, low: Double, high: Double) -> Double {
    let a = (low - mu) / sigma, b = (high - mu) / sigma
    if !(a < b) { return min(max(mu, low), high) }
    let z: Double
    if a > 0 {
      // Reflect: sample from [-b, -a] with the complementary uniform, then negate.
      z = -standardQuantile(1 - u, -b, -a)
    } else {
      z = standardQuantile(u, a, b)
    }
    return min(max(mu + sigma * z, low), high)
  }

  /// Quantile of the standard normal truncated to [a, b] with a ≤ 0, by log-space interpolation.
  static func standardQuantile(_ u: Double, _ a: Double, _ b: Double) -> Double {
    let logA = Normal.logCdf(a)
    let logMassAB = logMass(a, b)
    // log(Φ(a) + u·(Φ(b) - Φ(a)))
    let logP = LogSumExp.logAddExp(logA, log(max(u, 1e-300)) + logMassAB)
    let z = Normal.ppf(logP: logP)
    return min(max(z, a), b)
  }
}

public enum LogSumExp {
  /// log(Σ exp(xᵢ)), stable; -infinity for an empty or all -infinity input.
  public static func logSumExp(_ xs: [Double]) -> Double {
    guard let m = xs.max(), m > -.infinity else { return -.infinity }
    if m == .infinity { return .infinity }
    var s = 0.0
    for x in xs { s += exp(x - m) }
    return m + log(s)
  }

  /// log(exp(a) + exp(b)).
  public static func logAddExp(_ a: Double, _ b: Double) -> Double {
    let m = max(a, b)
    if m == -.infinity { return -.infinity }
    return m + log1p(exp(-abs(a - b)))
  }

  /// log(1 - exp(x)) for x ≤ 0 (Mächler's two-branch formula).
  public static func log1mexp(_ x: Double) -> Double {
    if x > -0.6931471805599453 { return log(-expm1(x)) }
    return log1p(-exp(x))
  }
}
