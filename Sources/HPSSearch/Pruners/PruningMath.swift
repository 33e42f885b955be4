// Helpers shared by the Optuna pruners: interval checks, best-so-far and NumPy's percentile.
import Foundation

enum PruningMath {
  /// True when `step` is the first reported step at or after the latest pruning boundary
  /// `warmup + k·interval` (Optuna's `_is_first_in_interval_step`).
  static func isFirstInInterval(step: Int, steps: some Sequence<Int>, warmup: Int, interval: Int) -> Bool {
    let nearestLower = (step - warmup) / interval * interval + warmup
    var secondLast = -1
    for s in steps where s > secondLast && s != step { secondLast = s }
    return secondLast < nearestLower
  }

  /// The best intermediate value so far ignoring NaN; NaN when every value is NaN.
  static func bestIntermediate(_ trial: FrozenTrial, direction: StudyDirection) -> Double {
    let values = trial.intermediateValues.values.filter { !$0.isNaN }
    guard !values.isEmpty else { return .nan }
    return direction == .maximize ? values.max() ?? .nan : values.min() ?? .nan
  }

  /// `numpy.nanpercentile(values, q)` with linear interpolation; NaN for no finite input.
  static func percentile(_ values: [Double], _ q: Double) -> Double {
    let sorted = values.filter { !$0.isNaN }.sorted()
    guard !sorted.isEmpty else { return .nan }
    let rank = q / 100 * Double(sorted.count - 1)
    let lower = Int(rank.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    let fraction = rank - Double(lower)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
  }

  static func invalid(_ pruner: String, _ argument: String, _ message: String) -> SearchError {
    .invalidArgument(function: pruner, argument: argument, message: message)
  }
}
