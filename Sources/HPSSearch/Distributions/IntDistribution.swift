// An integer range, optionally log-scaled or stepped (Optuna's IntDistribution).
import Foundation

/// Integers in `[low, high]` (both inclusive) on the grid `low + k·step`.
public struct IntDistribution: Sendable, Hashable {
  public let low: Int
  public let high: Int
  public let log: Bool
  public let step: Int

  /// - Throws: `DistributionProblem` when the arguments are inconsistent.
  public init(
    low: Int, high: Int, log: Bool = false, step: Int = 1, logger: SearchLogger = SearchLogger.current
  ) throws {
    if log, step != 1 { throw DistributionProblem.logIntWithStep(step: step) }
    guard step > 0 else { throw DistributionProblem.nonPositiveStep(step: Double(step)) }
    guard low <= high else {
      throw DistributionProblem.intLowGreaterThanHigh(low: low, high: high)
    }
    if log, low < 1 { throw DistributionProblem.logIntWithLowBelowOne(low: low, high: high) }
    let span = high.subtractingReportingOverflow(low)
    guard !span.overflow else {
      throw DistributionProblem.nonFiniteBound(low: Double(low), high: Double(high))
    }
    let adjustedHigh = span.partialValue / step * step + low
    if adjustedHigh != high {
      logger.warning(
        "The distribution is specified by [\(low), \(high)] and step=\(step), but the range is not "
          + "divisible by `step`. It will be replaced with [\(low), \(adjustedHigh)].")
    }
    self.low = low
    self.high = adjustedHigh
    self.log = log
    self.step = step
  }

  /// True when only one value can be drawn.
  public var isSingle: Bool {
    if log { return low == high }
    return low == high || high - low < step
  }

  /// Whether an internal value is an integer on the grid inside the range.
  public func contains(_ x: Double) -> Bool {
    guard x.isFinite, x.rounded() == x, Double(low) <= x, x <= Double(high) else { return false }
    let k = (x - Double(low)) / Double(step)
    return k.rounded() == k
  }
}
