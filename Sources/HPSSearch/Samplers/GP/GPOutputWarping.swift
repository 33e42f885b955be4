// Yeo–Johnson power transform of the losses before the GP sees them, its λ by maximum likelihood
// (as HEBO and scikit-learn's PowerTransformer do). Losses of hyperparameter searches are skewed:
// a few very bad trials (diverged runs, the far walls of a valley) dominate the spread, and after
// plain standardization the differences between the good trials — the ones that decide where to
// look next — are a tiny fraction of one unit, below the GP's noise floor. A concave transform
// (λ < 1) compresses the bad tail and spreads the good end; the order of the trials is kept.
import Foundation

enum GPOutputWarping {
  /// Standardizes `losses`, finds the Yeo–Johnson λ in [−2, 2] of largest profile likelihood, and
  /// returns the transformed losses, standardized again.
  static func warp(_ losses: [Double]) -> [Double] {
    let z = standardized(losses)
    guard z.count >= 3 else { return z }
    // Golden-section search on the (unimodal in practice) profile log likelihood.
    var a = -2.0, b = 2.0
    let g = (5.0.squareRoot() - 1) / 2
    var c = b - g * (b - a), d = a + g * (b - a)
    var fc = logLikelihood(z, c), fd = logLikelihood(z, d)
    for _ in 0..<40 {
      if fc > fd { b = d; d = c; fd = fc; c = b - g * (b - a); fc = logLikelihood(z, c) }
      else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = logLikelihood(z, d) }
    }
    let lambda = (a + b) / 2
    return standardized(z.map { transform($0, lambda) })
  }

  static func standardized(_ v: [Double]) -> [Double] {
    let mean = v.reduce(0, +) / Double(max(v.count, 1))
    var sd = (v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(v.count, 1))).squareRoot()
    if !(sd > 1e-12) { sd = 1 }
    return v.map { ($0 - mean) / sd }
  }

  static func transform(_ y: Double, _ lambda: Double) -> Double {
    if y >= 0 {
      return abs(lambda) < 1e-8 ? log1p(y) : (pow(1 + y, lambda) - 1) / lambda
    }
    return abs(lambda - 2) < 1e-8 ? -log1p(-y) : -(pow(1 - y, 2 - lambda) - 1) / (2 - lambda)
  }

  /// Profile log likelihood of λ for a normal model of the transformed values (up to constants).
  static func logLikelihood(_ y: [Double], _ lambda: Double) -> Double {
    let t = y.map { transform($0, lambda) }
    let n = Double(t.count)
    let mean = t.reduce(0, +) / n
    let variance = t.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n
    guard variance > 0, variance.isFinite else { return -.infinity }
    let jacobian = y.reduce(0) { $0 + ($1 >= 0 ? 1 : -1) * log1p(abs($1)) }
    return -0.5 * n * log(variance) + (lambda - 1) * jacobian
  }
}
