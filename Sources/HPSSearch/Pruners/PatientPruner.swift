// Tolerate `patience` steps without improvement before consulting the wrapped pruner
// (Optuna's PatientPruner).

/// Prunes (or asks `wrapped`) only after the last `patience + 1` values failed to improve on the
/// best value before them by more than `minDelta`.
public struct PatientPruner: Pruner {
  public let wrapped: (any Pruner)?
  public let patience: Int
  public let minDelta: Double

  public init(wrapped: (any Pruner)?, patience: Int, minDelta: Double = 0) throws {
    guard patience >= 0 else {
      throw PruningMath.invalid("PatientPruner", "patience", "patience cannot be negative but got \(patience).")
    }
    guard minDelta >= 0 else {
      throw PruningMath.invalid("PatientPruner", "min_delta", "min_delta cannot be negative but got \(pythonRepr(minDelta)).")
    }
    self.wrapped = wrapped
    self.patience = patience
    self.minDelta = minDelta
  }

  public func prune(study: any StudyView, trial: FrozenTrial) throws -> Bool {
    guard trial.lastStep != nil else { return false }
    let steps = trial.intermediateValues.keys.sorted()
    guard steps.count > patience + 1 else { return false }
    let split = steps.count - patience - 1
    let before = steps[..<split].compactMap { trial.intermediateValues[$0] }.filter { !$0.isNaN }
    let after = steps[split...].compactMap { trial.intermediateValues[$0] }.filter { !$0.isNaN }
    let maybePrune: Bool
    if study.direction == .minimize {
      guard let b = before.min(), let a = after.min() else { return false }
      maybePrune = b + minDelta < a
    } else {
      guard let b = before.max(), let a = after.max() else { return false }
      maybePrune = b - minDelta > a
    }
    guard maybePrune else { return false }
    return try wrapped?.prune(study: study, trial: trial) ?? true
  }
}
