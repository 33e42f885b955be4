// Asynchronous successive halving (Optuna's SuccessiveHalvingPruner, after Li et al., "A System
// for Massively Parallel Hyperparameter Tuning", 2020). Rung values are kept in each trial's
// system attributes so workers in other processes see them through storage.
import Foundation

/// Promotes a trial past rung r only when its value is in the top 1/`reductionFactor` of all
/// values recorded at that rung.
public final class SuccessiveHalvingPruner: Pruner, @unchecked Sendable {
  /// `auto` estimates the minimum resource from the longest completed trial (its last step / 100).
  public enum MinResource: Sendable, Equatable {
    case auto
    case steps(Int)
  }

  public let reductionFactor: Int
  public let minEarlyStoppingRate: Int
  public let bootstrapCount: Int
  public let requestedMinResource: MinResource
  private let minResource: Locked<Int?>

  public init(
    minResource: MinResource = .auto, reductionFactor: Int = 4, minEarlyStoppingRate: Int = 0, bootstrapCount: Int = 0
  ) throws {
    let name = "SuccessiveHalvingPruner"
    if case .steps(let r) = minResource, r < 1 {
      throw PruningMath.invalid(name, "min_resource", "The value of `min_resource` is \(r), but must be either `min_resource` >= 1 or `min_resource` == 'auto'")
    }
    guard reductionFactor >= 2 else {
      throw PruningMath.invalid(name, "reduction_factor", "The value of `reduction_factor` is \(reductionFactor), but must be `reduction_factor` >= 2")
    }
    guard minEarlyStoppingRate >= 0 else {
      throw PruningMath.invalid(name, "min_early_stopping_rate", "The value of `min_early_stopping_rate` is \(minEarlyStoppingRate), but must be `min_early_stopping_rate` >= 0")
    }
    guard bootstrapCount >= 0 else {
      throw PruningMath.invalid(name, "bootstrap_count", "The value of `bootstrap_count` is \(bootstrapCount), but must be `bootstrap_count` >= 0")
    }
    if bootstrapCount > 0, minResource == .auto {
      throw PruningMath.invalid(name, "bootstrap_count", "bootstrap_count > 0 and min_resource == 'auto' are mutually incompatible, bootstrap_count is \(bootstrapCount)")
    }
    self.requestedMinResource = minResource
    self.reductionFactor = reductionFactor
    self.minEarlyStoppingRate = minEarlyStoppingRate
    self.bootstrapCount = bootstrapCount
    if case .steps(let r) = minResource { self.minResource = Locked(r) } else { self.minResource = Locked(nil) }
  }

  static func rungKey(_ rung: Int) -> String { "completed_rung_\(rung)" }

  public func prune(study: any StudyView, trial: FrozenTrial) throws -> Bool {
    guard let step = trial.lastStep, let value = trial.intermediateValues[step] else { return false }
    var rung = 0
    while trial.systemAttrs[Self.rungKey(rung)] != nil { rung += 1 }
    var trials: [FrozenTrial]?
    while true {
      var resource = minResource.current
      if resource == nil {
        let all = trials ?? study.trials(states: nil)
        trials = all
        let steps = all.filter { $0.state == .complete }.compactMap(\.lastStep)
        guard let longest = steps.max() else { return false }
        resource = max(longest / 100, 1)
        minResource.withLock { $0 = resource }
      }
      guard let minimum = resource else { return false }
      let promotionStep = minimum * Self.power(reductionFactor, minEarlyStoppingRate + rung)
      if step < promotionStep { return false }
      if value.isNaN { return true }
      let all = trials ?? study.trials(states: nil)
      trials = all
      let key = Self.rungKey(rung)
      try study.setTrialSystemAttr(trialID: trial.trialID, key: key, value: .double(value))
      var competing = all.filter { $0.trialID != trial.trialID }.compactMap { $0.systemAttrs[key]?.doubleValue }
      competing.append(value)
      // `competing` includes this trial, hence `<=`.
      if competing.count <= bootstrapCount { return true }
      if !Self.isPromotable(value, competing, reductionFactor, study.direction) { return true }
      rung += 1
    }
  }

  /// Top max(1, ⌊N/rf⌋) of the N values at the rung (the first rf−1 trials are judged against
  /// the best, since trials cannot be paused and resumed here).
  static func isPromotable(_ value: Double, _ competing: [Double], _ rf: Int, _ direction: StudyDirection) -> Bool {
    var index = competing.count / rf - 1
    if index == -1 { index = 0 }
    let sorted = competing.sorted()
    if direction == .maximize { return value >= sorted[sorted.count - 1 - index] }
    return value <= sorted[index]
  }

  static func power(_ base: Int, _ exponent: Int) -> Int {
    var result = 1
    for _ in 0..<max(exponent, 0) {
      let (r, overflow) = result.multipliedReportingOverflow(by: base)
      if overflow { return Int.max }
      result = r
    }
    return result
  }
}
