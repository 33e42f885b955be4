// The pruner contract (Optuna's BasePruner: one method) and the richer scheduler decision that
// the Ray Tune and W&B dialects need (pause, exploit/explore), expressed on the same snapshots.

/// Decides whether a running trial should stop early, from its reported intermediate values.
///
/// `trial` is the running trial's snapshot, including every value reported so far. Pruners may
/// record per-trial bookkeeping through `study.setTrialSystemAttr` (SuccessiveHalving stores
/// rung values there, so several processes share them through storage). Thread-safe.
public protocol Pruner: Sendable {
  func prune(study: any StudyView, trial: FrozenTrial) throws -> Bool
}

/// What a scheduler wants done with a running trial after a report.
///
/// Optuna pruners only ever answer `.continue` or `.stop`. Ray's synchronous HyperBand and
/// median-stopping rule can `.pause` a trial until its bracket catches up; Ray's PBT answers
/// `.exploit`: copy the state of a better trial and continue with perturbed hyperparameters.
public enum SchedulerDecision: Sendable, Equatable {
  case `continue`
  case stop
  case pause
  /// Load the checkpoint of trial `sourceTrialNumber` and continue with `params`.
  case exploit(sourceTrialNumber: Int, params: [String: ParamValue])
}

/// A pruner that can answer with more than stop/continue. Every `Pruner` is one through the
/// default `decide`; Ray-style schedulers implement `decide` and answer `prune` with
/// `decide(...) == .stop`.
public protocol TrialScheduler: Pruner {
  func decide(study: any StudyView, trial: FrozenTrial) throws -> SchedulerDecision
}

extension TrialScheduler {
  public func decide(study: any StudyView, trial: FrozenTrial) throws -> SchedulerDecision {
    try prune(study: study, trial: trial) ? .stop : .continue
  }
}
