// Pins some parameters and lets another sampler choose the rest (Optuna's PartialFixedSampler).

/// Returns `fixedParams[name]` for pinned names and delegates everything else to `base`.
public final class PartialFixedSampler: Sampler, @unchecked Sendable {
  public let fixedParams: [String: ParamValue]
  public let base: any Sampler
  private let logger: SearchLogger

  public init(fixedParams: [String: ParamValue], base: any Sampler, logger: SearchLogger = SearchLogger.current) {
    self.fixedParams = fixedParams
    self.base = base
    self.logger = logger
  }

  public func inferRelativeSearchSpace(study: any StudyView, trial: FrozenTrial) -> SearchSpace {
    base.inferRelativeSearchSpace(study: study, trial: trial).filter { fixedParams[$0.key] == nil }
  }

  public func sampleRelative(study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace) throws -> [String: ParamValue] {
    try base.sampleRelative(study: study, trial: trial, searchSpace: searchSpace)
  }

  public func sampleIndependent(
    study: any StudyView, trial: FrozenTrial, name: String, distribution: Distribution
  ) throws -> ParamValue {
    guard let value = fixedParams[name] else {
      return try base.sampleIndependent(study: study, trial: trial, name: name, distribution: distribution)
    }
    if !distribution.containsExternal(value) {
      logger.warning(
        "Fixed parameter '\(name)' with value \(value) is out of range for distribution \(distribution).")
    }
    return value
  }

  public func beforeTrial(study: any StudyView, trial: FrozenTrial) { base.beforeTrial(study: study, trial: trial) }
  public func afterTrial(study: any StudyView, trial: FrozenTrial, state: TrialState, values: [Double]?) {
    base.afterTrial(study: study, trial: trial, state: state, values: values)
  }
  public func reseedRng() { base.reseedRng() }
}
