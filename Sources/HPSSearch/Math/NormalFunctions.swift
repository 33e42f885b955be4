// The standard normal distribution's functions, accurate far into the tails. TPE compares log
// densities of truncated kernels whose bounds can sit many sigmas away, and logEI needs log Φ(z)
// for z ≪ 0, so the naive `log(0.5 * erfc(...))` (which underflows near z = -38) is not enough.
import Foundation

public enum Normal {
  static let logSqrt2Pi = 0.5 * log(2 * Double.pi)
  static let invSqrt2 = 1 / 2.0.squareRoot()

  public static func pdf(_ z: Double) -> Double { exp(-0.5 * z * z - logSqrt2Pi) }

  public static func logPdf(_ z: Double) -> Double { -0.5 * z * z - logSqrt2Pi }

  /// Φ(z).
  public static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z * invSqrt2) }

  /// log Φ(z), finite for every finite z.
  public static func logCdf(_ z: Double) -> Double {
    if z > 5 { return -0.5 * erfc(z * invSqrt2) }  // log(1 - ε) ≈ -ε
    if z > -20 { return log(0.5 * erfc(-z * invSqrt2)) }
    // Asymptotic series of the Mills ratio: Φ(z) = φ(z)/|z| · (1 - 1/z² + 3/z⁴ - 15/z⁶ + …).
    let z2 = z * z
    let series = 1 - 1 / z2 + 3 / (z2 * z2) - 15 / (z2 * z2 * z2) + 105 / (z2 * z2 * z2 * z2)
    return logPdf(z) - log(-z) + log(series)
  }

  /// erfcx(x) = exp(x²)·erfc(x), without overflow for large x.
  public static func erfcx(_ x: Double) -> Double {
    if x < 25 { return exp(x * x) * erfc(x) }
    let x2 = x * x
    return (1 - 1 / (2 * x2) + 3 / (4 * x2 * x2) - 15 / (8 * x2 * x2 * x2)) / (x * Double.pi.squareRoot())
  }

  /// Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation refined by one Halley step, which
  /// brings it to full double precision. Returns ∓infinity at 0 and 1, NaN outside [0, 1].
  public static func ppf(_ p: Double) -> Double {
    if p.isNaN || p < 0 || p > 1 { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
             1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
             6.680131188771972e+01, -1.328068155288572e+01]
    let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
             -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
             3.754408661907416e+00]
    let pLow = 0.02425
    var x: Double
    if p < pLow {
      let q = (-2 * log(p)).squareRoot()
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else if p <= 1 - pLow {
      let q = p - 0.5, r = q * q
      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    } else {
      let q = (-2 * log1p(-p)).squareRoot()
      x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    // Halley refinement; in the upper tail work with the complement to keep precision.
    let e = x > 0 ? -(0.5 * erfc(x * invSqrt2) - (1 - p)) : 0.5 * erfc(-x * invSqrt2) - p
    let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
    x -= u / (1 + x * u / 2)
    return x
  }

  /// Φ⁻¹(exp(logP)): the quantile for a probability given by its logarithm, usable where the
  /// probability itself underflows (deep lower tail).
  public static func ppf(logP: Double) -> Double {
    if logP >= 0 { return .infinity }
    if logP > -700 { return ppf(exp(logP)) }
    // Newton on log Φ(z) = logP, starting from the leading asymptotic term.
    var z = -(-2 * logP).squareRoot()
    for _ in 0..<30 {
      let f = logCdf(z) - logP
      let slope = exp(logPdf(z) - logCdf(z))  // d/dz log Φ(z)
      let step = f / slope
      z -= step
      if abs(step) < 1e-14 * max(1, abs(z)) { break }
    }
    return z
  }
}
