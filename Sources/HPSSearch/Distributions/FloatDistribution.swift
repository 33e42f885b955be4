// A real-valued range, optionally log-scaled or stepped (Optuna's FloatDistribution).
import Foundation

/// Floats in `[low, high]`; with `step`, only `low + k·step`; with `log`, sampled in log space.
///
/// The initializer validates like Optuna and, when `step` does not divide `high − low`, lowers
/// `high` to the last grid point and reports a warning through `logger`.
public struct FloatDistribution: Sendable, Hashable {
  public let low: Double
  public let high: Double
  public let log: Bool
  public let step: Double?

  /// - Throws: `DistributionProblem` when the arguments are inconsistent.
  public init(
    low: Double, high: Double, log: Bool = false, step: Double? = nil,
    logger: SearchLogger = SearchLogger.current
  ) throws {
    guard low.isFinite, high.isFinite else { throw DistributionProblem.nonFiniteBound(low: low, high: high) }
    if log, let step { throw DistributionProblem.stepWithLog(step: step) }
    if let step, !(step > 0) || !step.isFinite { throw DistributionProblem.nonPositiveStep(step: step) }
    guard low <= high else { throw DistributionProblem.lowGreaterThanHigh(low: low, high: high) }
    if log, low <= 0 { throw DistributionProblem.logWithNonPositiveLow(low: low, high: high) }
    var adjustedHigh = high
    if let step {
      adjustedHigh = FloatDistribution.snapHigh(low: low, high: high, step: step)
      if adjustedHigh != high {
        logger.warning(
          "The distribution is specified by [\(pythonRepr(low)), \(pythonRepr(high))] and "
            + "step=\(pythonRepr(step)), but the range is not divisible by `step`. "
            + "It will be replaced with [\(pythonRepr(low)), \(pythonRepr(adjustedHigh))].")
      }
    }
    self.low = low
    self.high = adjustedHigh
    self.log = log
    self.step = step
  }

  /// The last grid point `low + k·step` not above `high`, computed in decimal arithmetic as
  /// Optuna does, so `0.1`-style steps do not drift (e.g. [0, 1] step 0.1 keeps high = 1.0).
  static func snapHigh(low: Double, high: Double, step: Double) -> Double {
    guard let dLow = Decimal(string: "\(low)"), let dHigh = Decimal(string: "\(high)"),
      let dStep = Decimal(string: "\(step)")
    else { return high }
    let ratio = (dHigh - dLow) / dStep
    var floored = Decimal()
    var r = ratio
    NSDecimalRound(&floored, &r, 0, .down)
    let snapped = floored * dStep + dLow
    let result = NSDecimalNumber(decimal: snapped).doubleValue
    return min(result, high)
  }

  /// True when only one value can be drawn, so samplers are not asked.
  public var isSingle: Bool {
    if low == high { return true }
    guard let step else { return false }
    return high - low < step
  }

  /// Whether an internal value lies in the range and, with a step, on the grid.
  public func contains(_ x: Double) -> Bool {
    guard !x.isNaN, low <= x, x <= high else { return false }
    guard let step else { return true }
    let k = (x - low) / step
    return abs(k - k.rounded()) < 1e-8
  }
}
