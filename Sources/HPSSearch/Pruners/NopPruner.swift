// The pruner that never prunes (Optuna's NopPruner).

/// Never prunes.
public struct NopPruner: Pruner {
  public init() {}
  public func prune(study: any StudyView, trial: FrozenTrial) -> Bool { false }
}
