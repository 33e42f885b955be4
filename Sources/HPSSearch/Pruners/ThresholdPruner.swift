// Prune when the latest value leaves [lower, upper] or is NaN (Optuna's ThresholdPruner).

/// Prunes a trial whose latest intermediate value is below `lower`, above `upper`, or NaN.
public struct ThresholdPruner: Pruner {
  public let lower: Double
  public let upper: Double
  public let nWarmupSteps: Int
  public let intervalSteps: Int

  /// - Throws: when neither bound is given, `lower > upper`, or the step arguments are invalid.
  public init(lower: Double? = nil, upper: Double? = nil, nWarmupSteps: Int = 0, intervalSteps: Int = 1) throws {
    let name = "ThresholdPruner"
    guard lower != nil || upper != nil else {
      throw PruningMath.invalid(name, "lower", "Either lower or upper must be specified.")
    }
    let lo = lower ?? -.infinity
    let hi = upper ?? .infinity
    guard lo <= hi else { throw PruningMath.invalid(name, "lower", "lower should be smaller than upper.") }
    guard nWarmupSteps >= 0 else {
      throw PruningMath.invalid(name, "n_warmup_steps", "Number of warmup steps cannot be negative but got \(nWarmupSteps).")
    }
    guard intervalSteps >= 1 else {
      throw PruningMath.invalid(name, "interval_steps", "Pruning interval steps must be at least 1 but got \(intervalSteps).")
    }
    self.lower = lo
    self.upper = hi
    self.nWarmupSteps = nWarmupSteps
    self.intervalSteps = intervalSteps
  }

  public func prune(study: any StudyView, trial: FrozenTrial) -> Bool {
    guard let step = trial.lastStep, step >= nWarmupSteps else { return false }
    guard PruningMath.isFirstInInterval(step: step, steps: trial.intermediateValues.keys, warmup: nWarmupSteps, interval: intervalSteps)
    else { return false }
    guard let latest = trial.intermediateValues[step] else { return false }
    return latest.isNaN || latest < lower || latest > upper
  }
}
