// What a sampler's `constraints_func` does after a trial (Optuna's
// `_process_constraints_after_trial`): evaluate it on the finished trial and store the values
// in the trial's system attr `constraints`, where samplers and best_trial(s) read them.

public enum ConstraintsAfterTrial {
  /// Stores `constraintsFunc(trial)` for a COMPLETE or PRUNED trial and returns the values
  /// (nil for other states). Optuna raises on NaN values; here they are stored and make the
  /// trial infeasible (its infeasibility score is infinite), since `afterTrial` cannot throw.
  @discardableResult
  public static func record(_ constraintsFunc: @Sendable (FrozenTrial) -> [Double], study: any StudyView,
                            trial: FrozenTrial, state: TrialState) -> [Double]? {
    guard state == .complete || state == .pruned else { return nil }
    let constraints = constraintsFunc(trial)
    try? study.setTrialSystemAttr(trialID: trial.trialID, key: "constraints", value: .array(constraints.map { .double($0) }))
    return constraints
  }
}
