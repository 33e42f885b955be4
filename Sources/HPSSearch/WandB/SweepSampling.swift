// Each W&B distribution through its inverse CDF (W&B samples every parameter as ppf(U(0,1))) and
// its CDF (the bayes method's coordinates). Quantized values are round-half-even(x/q)·q with no
// clipping, as numpy's round does — so they can leave [min, max] (docs/wandb.md).
import Foundation

public enum SweepSampling {
  /// Keeps unbounded distributions' coordinates off 0 and 1, where the inverse CDF is ±∞.
  static let unitClip = 1e-9

  /// The value at percentile `u` ∈ [0, 1].
  public static func ppf(_ p: SweepParameter, _ u: Double) -> JSONValue {
    let u = min(max(u, 0), 1)
    switch p.distribution {
    case .constant: return p.value ?? .null
    case .categorical:
      return p.values[min(Int(u * Double(p.values.count)), p.values.count - 1)]
    case .categoricalWithProbabilities:
      // The first value whose cumulative probability exceeds u.
      var cumulative = 0.0
      for (i, prob) in p.probabilities.enumerated() {
        cumulative += prob
        if u < cumulative { return p.values[i] }
      }
      return p.values[p.values.count - 1]
    case .intUniform:
      let n = p.intMax - p.intMin + 1
      return .int(p.intMin + min(Int(u * Double(n)), n - 1))
    case .uniform: return .double(p.min + u * (p.max - p.min))
    case .logUniform, .logUniformValues, .invLogUniform, .invLogUniformValues:
      return .double(continuous(p, u))
    case .normal, .logNormal, .beta: return .double(continuous(p, clip(u)))
    case .qUniform, .qLogUniform, .qLogUniformValues:
      return quantize(continuous(p, u), p)
    case .qNormal, .qLogNormal, .qBeta:
      return quantize(continuous(p, clip(u)), p)
    }
  }

  static func clip(_ u: Double) -> Double { min(max(u, unitClip), 1 - unitClip) }

  /// The unquantized value at percentile u.
  static func continuous(_ p: SweepParameter, _ u: Double) -> Double {
    switch p.distribution {
    case .uniform, .qUniform: return p.min + u * (p.max - p.min)
    case .logUniform, .qLogUniform: return exp(p.min + u * (p.max - p.min))
    case .logUniformValues, .qLogUniformValues:
      return exp(log(p.min) + u * (log(p.max) - log(p.min)))
    case .invLogUniform:
      // X = exp(−E) with E uniform on [min, max], drawn at 1 − u so X grows with u.
      return exp(-(p.min + (1 - u) * (p.max - p.min)))
    case .invLogUniformValues:
      // W&B's formula, exp(−(−ln max + (1−u)(ln max − ln min))), is the log-uniform on [min, max].
      return exp(-(-log(p.max) + (1 - u) * (log(p.max) - log(p.min))))
    case .normal, .qNormal: return p.mu + p.sigma * Normal.ppf(u)
    case .logNormal, .qLogNormal: return exp(p.mu + p.sigma * Normal.ppf(u))
    case .beta, .qBeta: return BetaDistribution.ppf(u, a: p.a, b: p.b)
    case .intUniform: return p.min + u * (p.max + 1 - p.min)
    case .constant, .categorical, .categoricalWithProbabilities: return u
    }
  }

  static func quantize(_ x: Double, _ p: SweepParameter) -> JSONValue {
    let r = (x / p.q).rounded(.toNearestOrEven) * p.q
    if p.qIsInteger, r.isFinite, abs(r) < 9e18 { return .int(Int(r)) }
    return .double(r)
  }

  /// The coordinate in [0, 1] of a numeric value (W&B's bayes encoding for continuous kinds).
  public static func cdf(_ p: SweepParameter, _ x: Double) -> Double {
    let c: Double
    switch p.distribution {
    case .uniform, .qUniform: c = (x - p.min) / (p.max - p.min)
    case .logUniform, .qLogUniform: c = (log(x) - p.min) / (p.max - p.min)
    case .logUniformValues, .qLogUniformValues, .invLogUniformValues:
      c = (log(x) - log(p.min)) / (log(p.max) - log(p.min))
    case .invLogUniform: c = 1 - (-log(x) - p.min) / (p.max - p.min)
    case .normal, .qNormal: c = p.sigma > 0 ? Normal.cdf((x - p.mu) / p.sigma) : 0.5
    case .logNormal, .qLogNormal: c = x > 0 && p.sigma > 0 ? Normal.cdf((log(x) - p.mu) / p.sigma) : 0
    case .beta, .qBeta: c = BetaDistribution.cdf(x, a: p.a, b: p.b)
    case .intUniform: c = p.max > p.min ? (x - p.min) / (p.max - p.min) : 0
    case .constant, .categorical, .categoricalWithProbabilities: c = 0
    }
    return c.isFinite ? min(max(c, 0), 1) : 0
  }

  /// The range a continuous distribution's (unquantized) samples cover.
  public static func range(of p: SweepParameter) -> ClosedRange<Double> {
    let a = continuous(p, 0), b = continuous(p, 1)
    return a <= b ? a...b : b...a
  }
}

/// The beta distribution's CDF (regularized incomplete beta, by Lentz's continued fraction) and
/// its inverse by bisection: enough for sampling, which needs ~1e-12 accuracy, not speed.
enum BetaDistribution {
  static func cdf(_ x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logNorm: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
    let logPowers: Double = a * log(x) + b * log(1 - x)
    let logFront = logNorm + logPowers
    // The fraction converges fast for x < (a+1)/(a+b+2); use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) otherwise.
    if x < (a + 1) / (a + b + 2) { return exp(logFront) * fraction(x, a, b) / a }
    return 1 - exp(logFront) * fraction(1 - x, b, a) / b
  }

  private static func fraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0, d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    for m in 1...300 {
      let m = Double(m)
      let evenDenominator: Double = (a + 2 * m - 1) * (a + 2 * m)
      let even: Double = m * (b - m) * x / evenDenominator
      d = 1 + even * d; if abs(d) < tiny { d = tiny }
      c = 1 + even / c; if abs(c) < tiny { c = tiny }
      d = 1 / d
      result *= d * c
      let oddDenominator: Double = (a + 2 * m) * (a + 2 * m + 1)
      let odd: Double = -(a + m) * (a + b + m) * x / oddDenominator
      d = 1 + odd * d; if abs(d) < tiny { d = tiny }
      c = 1 + odd / c; if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      result *= delta
      if abs(delta - 1) < 1e-15 { break }
    }
    return result
  }

  static func ppf(_ u: Double, a: Double, b: Double) -> Double {
    if u <= 0 { return 0 }
    if u >= 1 { return 1 }
    var lo = 0.0, hi = 1.0
    for _ in 0..<64 {
      let mid = 0.5 * (lo + hi)
      if cdf(mid, a: a, b: b) < u { lo = mid } else { hi = mid }
    }
    return 0.5 * (lo + hi)
  }
}
