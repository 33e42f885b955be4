// The truncated-normal quantile exactly as Optuna's TPE computes it when it draws candidates
// (optuna/samplers/_tpe/_truncnorm.py): log Φ by erf/erfc and an asymptotic series, the target
// probability combined in log space, then Newton's method on log Φ(x) = y run over the whole batch
// until every element has converged. Following the same formulas and the same batch-wide
// stopping rule (rather than an independently accurate quantile) keeps hps's candidates equal to
// Optuna's to the last bits, so a seeded hps study walks the same path as a seeded Optuna study.
import Foundation

enum OptunaTruncatedNormal {
  // The constants are written as the exact bits of the expressions beside them (a test checks
  // they agree): computed `static let`s are lazily initialized, and the check behind each read
  // cost ~1% of a suggestion at trial 1,000 in the Newton loop below.
  /// √2.
  static let sqrt2 = 0x1.6a09e667f3bcdp+0
  /// 1/√2.
  static let halfInvSqrt2 = 0x1.6a09e667f3bccp-1
  /// log √(2π), as Python computes `math.log(math.sqrt(2 * math.pi))`.
  static let logNormPdfC = 0x1.d67f1c864beb4p-1
  /// √3/π: the logistic approximation's slope.
  static let logisticC = 0x1.1a47c7ee5a514p-1
  private static let ln2 = 0.693147180559945309417232121458176568

  /// Φ(a) by the branch that keeps precision.
  static func ndtr(_ a: Double) -> Double {
    let x = a / sqrt2
    if x < -halfInvSqrt2 { return 0.5 * erfc(-x) }
    if x < halfInvSqrt2 { return 0.5 + 0.5 * erf(x) }
    return 1.0 - 0.5 * erfc(x)
  }

  /// log Φ(a); below −20 by the asymptotic series, summed until it stops changing.
  static func logNdtr(_ a: Double) -> Double {
    if a > 6 { return -ndtr(-a) }
    if a > -20 { return Foundation.log(ndtr(a)) }
    let logLHS = -0.5 * (a * a) - Foundation.log(-a) - 0.5 * Foundation.log(2 * Double.pi)
    var lastTotal = 0.0, rightHandSide = 1.0, numerator = 1.0, denomFactor = 1.0
    let denomCons = 1 / (a * a)
    var sign = 1.0
    var i = 0.0
    while abs(lastTotal - rightHandSide) > Double.ulpOfOne {
      i += 1
      lastTotal = rightHandSide
      sign = -sign
      denomFactor *= denomCons
      numerator *= 2 * i - 1
      rightHandSide += sign * numerator * denomFactor
    }
    return logLHS + Foundation.log(rightHandSide)
  }

  /// numpy's `logaddexp`.
  static func logAddExp(_ x: Double, _ y: Double) -> Double {
    if x == y { return x + ln2 }
    let d = x - y
    if d > 0 { return x + log1p(exp(-d)) }
    if d <= 0 { return y + log1p(exp(d)) }
    return d
  }

  /// log(Φ(b) − Φ(a)), working in the left tail.
  static func logGaussMass(_ a: Double, _ b: Double) -> Double {
    func left(_ a: Double, _ b: Double) -> Double {
      let lb = logNdtr(b), la = logNdtr(a)
      return lb + log1p(-exp(la - lb))
    }
    if b <= 0 { return left(a, b) }
    if a > 0 { return left(-b, -a) }
    // The interval holds the mean: Optuna's vectorised Φ here is always 0.5 + 0.5·erf.
    return log1p(-(0.5 + 0.5 * erf(a / sqrt2)) - (0.5 + 0.5 * erf(-b / sqrt2)))
  }

  /// x with log Φ(x) = y for every y of the batch; Newton stops once every step is below 1e-8
  /// of its x (one rule for the batch, as Optuna's vectorised loop has).
  static func ndtriExp(_ y: [Double]) -> [Double] {
    let flipped = y.map { $0 > -1e-2 }
    var z = y
    for i in z.indices where flipped[i] { z[i] = Foundation.log(-expm1(y[i])) }
    var x = z.map { v in v < -5 ? -(-2.0 * (v + logNormPdfC)).squareRoot() : -logisticC * Foundation.log(expm1(-v)) }
    // An element whose step came out exactly 0 sits on a fixed point: every later iteration would
    // compute the same zero step (and the same verdict), so it is not computed again.
    var settled = [UInt8](repeating: 0, count: x.count)  // 1: fixed and converged, 2: fixed, not
    x.withUnsafeMutableBufferPointer { x in
      z.withUnsafeBufferPointer { z in
        for _ in 0..<100 {
          var converged = true
          for i in x.indices {
            if settled[i] != 0 {
              if settled[i] == 2 { converged = false }
              continue
            }
            let logNdtrX = logNdtr(x[i])
            let logNormPdfX = -0.5 * (x[i] * x[i]) - logNormPdfC
            let dx = (logNdtrX - z[i]) * exp(logNdtrX - logNormPdfX)
            x[i] -= dx
            let small = abs(dx) < 1e-8 * abs(x[i])
            if !small { converged = false }
            if dx == 0 { settled[i] = small ? 1 : 2 }
          }
          if converged { break }
        }
      }
    }
    for i in x.indices where flipped[i] { x[i] = -x[i] }
    return x
  }

  /// The standardized quantiles at `q` of normals truncated to [aᵢ, bᵢ] (Optuna's `ppf`): left
  /// (a < 0) and right elements are solved as two batches, the right ones mirrored.
  /// `memo`, when given, remembers each truncation's two log tail terms across calls (they depend
  /// only on the bounds, and TPE draws from the same kernels suggestion after suggestion).
  static func ppf(_ q: [Double], _ a: [Double], _ b: [Double], memo: TruncatedNormalMemo? = nil) -> [Double] {
    var out = [Double](repeating: 0, count: q.count)
    let leftIndices = q.indices.filter { a[$0] < 0 }
    let rightIndices = q.indices.filter { !(a[$0] < 0) }
    func tails(_ i: Int) -> (below: Double, inside: Double) {
      memo?.value(a[i], b[i]) ?? logTails(a[i], b[i])
    }
    let leftTargets = leftIndices.map { i in
      let t = tails(i)
      return logAddExp(t.below, Foundation.log(q[i]) + t.inside)
    }
    for (i, x) in zip(leftIndices, ndtriExp(leftTargets)) { out[i] = x }
    let rightTargets = rightIndices.map { i in
      let t = tails(i)
      return logAddExp(t.below, log1p(-q[i]) + t.inside)
    }
    for (i, x) in zip(rightIndices, ndtriExp(rightTargets)) { out[i] = -x }
    for i in q.indices {
      if q[i] == 0 { out[i] = a[i] }
      if q[i] == 1 { out[i] = b[i] }
      if a[i] == b[i] { out[i] = .nan }
    }
    return out
  }

  /// The normal's log mass outside the truncation on the side the quantile is solved from
  /// (log Φ(a) when a < 0, else log Φ(−b)) and inside it (log(Φ(b) − Φ(a))).
  static func logTails(_ a: Double, _ b: Double) -> (below: Double, inside: Double) {
    (a < 0 ? logNdtr(a) : logNdtr(-b), logGaussMass(a, b))
  }
}
