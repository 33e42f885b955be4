// Best-trial queries: best_trial/best_value/best_params for one objective, best_trials (the
// Pareto front) for several.
import Foundation

extension Study {
  /// The completed trial with the best value (the lowest number among ties).
  /// - Throws: `multiObjectiveNotSupported` on a multi-objective study, `noCompletedTrials`.
  public func bestTrial() throws -> FrozenTrial {
    guard !isMultiObjective else { throw SearchError.multiObjectiveNotSupported(api: "best_trial") }
    var best: FrozenTrial?
    let completed = try getTrials(states: [.complete])
    let candidates = Study.feasible(completed)
    if candidates.isEmpty, !completed.isEmpty { throw SearchError.noFeasibleTrials }
    for trial in candidates {
      guard let value = trial.value else { continue }
      if let current = best?.value, !direction.isBetter(value, than: current) { continue }
      best = trial
    }
    guard let best else { throw SearchError.noCompletedTrials }
    return best
  }

  public func bestValue() throws -> Double {
    guard !isMultiObjective else { throw SearchError.multiObjectiveNotSupported(api: "best_value") }
    guard let value = try bestTrial().value else { throw SearchError.noCompletedTrials }
    return value
  }

  public func bestParams() throws -> [String: ParamValue] {
    guard !isMultiObjective else { throw SearchError.multiObjectiveNotSupported(api: "best_params") }
    return try bestTrial().params
  }

  /// The Pareto front of completed trials (for one objective: all trials tied for best).
  public func bestTrials() throws -> [FrozenTrial] {
    ParetoFront.trials(Study.feasible(try getTrials(states: [.complete])), directions: directions)
  }

  /// Only feasible trials compete for "best" (Optuna: every constraint value ≤ 0; a trial
  /// without constraints is feasible).
  static func feasible(_ trials: [FrozenTrial]) -> [FrozenTrial] {
    trials.filter(\.isFeasible)
  }

}

/// Non-domination over objective vectors, after turning every objective into a loss.
public enum ParetoFront {
  /// Whether `a` dominates `b`: no worse in every objective and better in one.
  public static func dominates(_ a: [Double], _ b: [Double], directions: [StudyDirection]) -> Bool {
    var strictlyBetter = false
    for (i, d) in directions.enumerated() where i < a.count && i < b.count {
      let x = d.asLoss(a[i])
      let y = d.asLoss(b[i])
      if x > y { return false }
      if x < y { strictlyBetter = true }
    }
    return strictlyBetter
  }

  /// The trials no other trial dominates, in trial-number order. O(n²), fine for studies of
  /// thousands of trials.
  public static func trials(_ trials: [FrozenTrial], directions: [StudyDirection]) -> [FrozenTrial] {
    let scored = trials.filter { $0.values?.count == directions.count }
    return scored.filter { candidate in
      guard let v = candidate.values else { return false }
      return !scored.contains { other in other.values.map { dominates($0, v, directions: directions) } ?? false }
    }
  }
}
