// The uniform draw the model-based samplers fall back to before they have a model (Optuna's
// RandomSampler semantics): log parameters uniform in log space, stepped and int parameters
// uniform over the half-step-widened range then snapped onto the grid, categoricals uniform.
import Foundation

enum IndependentDraw {
  static func internalValue(_ distribution: Distribution, rng: inout SeededRandom) -> Double {
    switch distribution {
    case .categorical(let c):
      return Double(rng.nextIndex(c.choices.count))
    case .float(let d):
      return fromUnit(rng.nextUniform(), distribution)
        .clamped(d.low, d.step == nil && d.high > d.low ? d.high.nextDown : d.high)
    case .int:
      return fromUnit(rng.nextUniform(), distribution)
    }
  }

  /// Maps u in [0, 1] onto the distribution's internal value the way a uniform draw would.
  static func fromUnit(_ u: Double, _ distribution: Distribution) -> Double {
    switch distribution {
    case .categorical(let c):
      return Double(min(Int(u * Double(c.choices.count)), c.choices.count - 1))
    case .float(let d):
      return numeric(u, low: d.low, high: d.high, log: d.log, step: d.step)
    case .int(let d):
      return numeric(u, low: Double(d.low), high: Double(d.high), log: d.log, step: Double(d.step))
    }
  }

  static func numeric(_ u: Double, low: Double, high: Double, log isLog: Bool, step: Double?) -> Double {
    let half = (step ?? 0) / 2
    var lo = low - half, hi = high + half
    if isLog { lo = log(max(lo, Double.leastNormalMagnitude)); hi = log(hi) }
    var x = lo + u * (hi - lo)
    if isLog { x = exp(x) }
    if let step {
      x = low + ((x - low) / step).rounded() * step
    }
    return x.clamped(low, high)
  }

  static func externalValue(_ distribution: Distribution, rng: inout SeededRandom) -> ParamValue {
    distribution.toExternal(internalValue(distribution, rng: &rng))
  }
}

extension Double {
  func clamped(_ low: Double, _ high: Double) -> Double { Swift.min(Swift.max(self, low), high) }
}

extension Distribution {
  /// The distribution as TPE models it.
  var tpeParameter: TPEParameter {
    switch self {
    case .float(let d): return .numeric(low: d.low, high: d.high, log: d.log, step: d.step)
    case .int(let d): return .numeric(low: Double(d.low), high: Double(d.high), log: d.log, step: Double(d.step))
    case .categorical(let c): return .categorical(choices: c.choices.count)
    }
  }

  /// Maps an internal value onto [0, 1] (log-scaled for log parameters; categoricals keep the index).
  func unitCoordinate(_ x: Double) -> Double {
    switch self {
    case .categorical: return x
    case .float(let d): return Distribution.unit(x, Double(d.low), Double(d.high), d.log)
    case .int(let d): return Distribution.unit(x, Double(d.low), Double(d.high), d.log)
    }
  }

  /// Inverse of `unitCoordinate`, snapped onto the step grid and clipped into range.
  func internalValue(unit u: Double) -> Double {
    switch self {
    case .categorical(let c): return u.rounded().clamped(0, Double(c.choices.count - 1))
    case .float(let d):
      var x = Distribution.fromUnit(u, d.low, d.high, d.log)
      if let step = d.step { x = d.low + ((x - d.low) / step).rounded() * step }
      return x.clamped(d.low, d.high)
    case .int(let d):
      let x = Distribution.fromUnit(u, Double(d.low), Double(d.high), d.log)
      let step = Double(d.step)
      return (Double(d.low) + ((x - Double(d.low)) / step).rounded() * step).clamped(Double(d.low), Double(d.high))
    }
  }

  /// The GP's view: continuous, a grid of levels, or categorical. Ranges with more than
  /// `GPDimension.maxGridLevels` values are treated as continuous and rounded on the way out
  /// (searching such a grid level by level would cost more than it gains).
  var gpDimension: GPDimension {
    switch self {
    case .categorical(let c): return .categorical(choices: c.choices.count)
    case .float(let d):
      guard let step = d.step, !d.log else { return .continuous }
      let levels = Int(((d.high - d.low) / step).rounded()) + 1
      return levels <= GPDimension.maxGridLevels ? .discrete(levels: levels) : .continuous
    case .int(let d):
      let levels = (d.high - d.low) / d.step + 1
      guard levels <= GPDimension.maxGridLevels else { return .continuous }
      if d.log {
        return .grid((0..<levels).map { unitCoordinate(Double(d.low + $0 * d.step)) })
      }
      return .discrete(levels: levels)
    }
  }

  private static func unit(_ x: Double, _ low: Double, _ high: Double, _ isLog: Bool) -> Double {
    guard high > low else { return 0.5 }
    if isLog { return (log(x) - log(low)) / (log(high) - log(low)) }
    return (x - low) / (high - low)
  }

  private static func fromUnit(_ u: Double, _ low: Double, _ high: Double, _ isLog: Bool) -> Double {
    let v = u.clamped(0, 1)
    if isLog { return exp(log(low) + v * (log(high) - log(low))) }
    return low + v * (high - low)
  }
}
