// Re-runs trials that died with their worker (Optuna's RetryFailedTrialCallback): installed as
// `study.staleTrialCallback`, it enqueues a copy of each stale trial with the same parameters.
import Foundation

/// Enqueues a WAITING copy of a failed (stale) trial, up to `maxRetry` times per original trial.
/// The copy records `failed_trial` (the original number) and `retry_history` in system attrs.
public struct RetryFailedTrialCallback: Sendable {
  public let maxRetry: Int?
  public let inheritIntermediateValues: Bool

  public init(maxRetry: Int? = nil, inheritIntermediateValues: Bool = false) {
    self.maxRetry = maxRetry
    self.inheritIntermediateValues = inheritIntermediateValues
  }

  /// The closure to assign to `Study.staleTrialCallback`.
  public var callback: @Sendable (Study, FrozenTrial) -> Void {
    let maxRetry = maxRetry
    let inherit = inheritIntermediateValues
    return { study, trial in
      var system = trial.systemAttrs
      if system["failed_trial"] == nil { system["failed_trial"] = .int(trial.number) }
      var history: [JSONValue] = []
      if case .array(let items)? = system["retry_history"] { history = items }
      history.append(.int(trial.number))
      system["retry_history"] = .array(history)
      if let maxRetry, maxRetry < history.count { return }
      let copy = FrozenTrial(
        number: 0, trialID: 0, state: .waiting, params: trial.params, distributions: trial.distributions,
        userAttrs: trial.userAttrs, systemAttrs: system,
        intermediateValues: inherit ? trial.intermediateValues : [:])
      do {
        try study.addTrial(copy)
      } catch {
        study.logger.warning("Could not re-enqueue failed trial \(trial.number): \(error)")
      }
    }
  }
}
