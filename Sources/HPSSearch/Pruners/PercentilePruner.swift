// Prune a trial whose best intermediate value is worse than a percentile of the completed trials'
// values at the same step (Optuna's PercentilePruner; MedianPruner is percentile 50).

/// Keeps a trial only while its best value so far is within the top `percentile` of completed
/// trials at the current step.
public struct PercentilePruner: Pruner {
  public let percentile: Double
  public let nStartupTrials: Int
  public let nWarmupSteps: Int
  public let intervalSteps: Int
  public let nMinTrials: Int

  /// - Throws: `SearchError.invalidArgument` for a percentile outside [0, 100], negative startup
  ///   or warmup counts, `intervalSteps < 1` or `nMinTrials < 1`.
  public init(
    percentile: Double, nStartupTrials: Int = 5, nWarmupSteps: Int = 0, intervalSteps: Int = 1, nMinTrials: Int = 1
  ) throws {
    let name = "PercentilePruner"
    guard (0...100).contains(percentile) else {
      throw PruningMath.invalid(name, "percentile", "Percentile must be between 0 and 100 inclusive but got \(pythonRepr(percentile)).")
    }
    guard nStartupTrials >= 0 else {
      throw PruningMath.invalid(name, "n_startup_trials", "Number of startup trials cannot be negative but got \(nStartupTrials).")
    }
    guard nWarmupSteps >= 0 else {
      throw PruningMath.invalid(name, "n_warmup_steps", "Number of warmup steps cannot be negative but got \(nWarmupSteps).")
    }
    guard intervalSteps >= 1 else {
      throw PruningMath.invalid(name, "interval_steps", "Pruning interval steps must be at least 1 but got \(intervalSteps).")
    }
    guard nMinTrials >= 1 else {
      throw PruningMath.invalid(name, "n_min_trials", "Number of trials for pruning must be at least 1 but got \(nMinTrials).")
    }
    self.percentile = percentile
    self.nStartupTrials = nStartupTrials
    self.nWarmupSteps = nWarmupSteps
    self.intervalSteps = intervalSteps
    self.nMinTrials = nMinTrials
  }

  public func prune(study: any StudyView, trial: FrozenTrial) -> Bool {
    let completed = study.trials(states: [.complete])
    if completed.isEmpty || completed.count < nStartupTrials { return false }
    guard let step = trial.lastStep, step >= nWarmupSteps else { return false }
    guard PruningMath.isFirstInInterval(step: step, steps: trial.intermediateValues.keys, warmup: nWarmupSteps, interval: intervalSteps)
    else { return false }
    let direction = study.direction
    let best = PruningMath.bestIntermediate(trial, direction: direction)
    if best.isNaN { return true }
    let atStep = completed.compactMap { $0.intermediateValues[step] }
    guard atStep.count >= nMinTrials else { return false }
    let q = direction == .maximize ? 100 - percentile : percentile
    let p = PruningMath.percentile(atStep, q)
    if p.isNaN { return false }
    return direction == .maximize ? best < p : best > p
  }
}

/// Prunes a trial whose best value so far is worse than the median of completed trials at the
/// same step (Optuna's MedianPruner; the study default).
public struct MedianPruner: Pruner {
  public let base: PercentilePruner

  public init(nStartupTrials: Int = 5, nWarmupSteps: Int = 0, intervalSteps: Int = 1, nMinTrials: Int = 1) throws {
    base = try PercentilePruner(
      percentile: 50, nStartupTrials: nStartupTrials, nWarmupSteps: nWarmupSteps, intervalSteps: intervalSteps,
      nMinTrials: nMinTrials)
  }

  /// The defaults (5 startup trials, no warmup, every step, one trial at the step).
  public init() {
    // The default arguments are valid by construction; the fallback keeps Sources free of `try!`.
    base = (try? PercentilePruner(percentile: 50)) ?? PercentilePruner(unchecked: 50)
  }

  public func prune(study: any StudyView, trial: FrozenTrial) -> Bool { base.prune(study: study, trial: trial) }
}

extension PercentilePruner {
  /// Defaults with no validation, for built-in constants known to be valid.
  init(unchecked percentile: Double) {
    self.percentile = percentile
    nStartupTrials = 5
    nWarmupSteps = 0
    intervalSteps = 1
    nMinTrials = 1
  }
}
