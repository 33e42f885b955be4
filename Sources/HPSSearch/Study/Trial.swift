// A running trial, as the objective sees it: suggest parameters, report intermediate values,
// ask whether to stop. One Trial belongs to one thread; its writes go straight to storage.
import Foundation

/// Thrown by an objective (or by `Trial.pruneIfNeeded()`) to end the trial as PRUNED
/// (Optuna's `optuna.TrialPruned`).
public struct TrialPruned: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public init(_ message: String = "") { self.message = message }
  public var description: String { message.isEmpty ? "TrialPruned" : "TrialPruned: \(message)" }
}

/// The handle an objective receives. Suggested values are written to storage immediately.
public final class Trial: @unchecked Sendable {
  public let study: Study
  public let trialID: Int
  public let number: Int
  /// A local mirror of the stored trial, kept in step with every write this handle makes.
  private var cached: FrozenTrial
  private var relativeSearchSpace: SearchSpace = [:]
  private var relativeParams: [String: ParamValue]?
  /// The study as the sampler sees it for this trial: under a HyperbandPruner, only the trials
  /// of this trial's bracket (as Optuna's TPE does), otherwise the whole study.
  private lazy var samplerView: any StudyView = study.samplerView(forTrialNumber: number)

  init(study: Study, frozen: FrozenTrial) {
    self.study = study
    self.trialID = frozen.trialID
    self.number = frozen.number
    self.cached = frozen
  }

  /// Lets the sampler see the trial and draws the relative sample once, at the start (as Optuna
  /// does when the trial object is created).
  func start() throws {
    study.sampler.beforeTrial(study: study, trial: cached)
    cached = try study.storage.trial(id: trialID)  // beforeTrial may have set system attrs
    relativeSearchSpace = study.sampler.inferRelativeSearchSpace(study: samplerView, trial: cached)
    _ = try ensureRelativeParams()
  }

  private func ensureRelativeParams() throws -> [String: ParamValue] {
    if let relativeParams { return relativeParams }
    let params =
      relativeSearchSpace.isEmpty
      ? [:] : try study.sampler.sampleRelative(study: samplerView, trial: cached, searchSpace: relativeSearchSpace)
    relativeParams = params
    return params
  }

  // MARK: - Properties

  public var params: [String: ParamValue] { cached.params }
  public var distributions: [String: Distribution] { cached.distributions }
  public var userAttrs: [String: JSONValue] { cached.userAttrs }
  public var systemAttrs: [String: JSONValue] { cached.systemAttrs }
  public var intermediateValues: [Int: Double] { cached.intermediateValues }
  public var datetimeStart: Date? { cached.datetimeStart }
  /// The relative sample proposed for this trial (empty when the sampler makes none).
  public var relativeParamsProposed: [String: ParamValue] { relativeParams ?? [:] }
  /// A snapshot of the trial as stored now.
  public var frozen: FrozenTrial { cached }

  // MARK: - Suggest

  /// A float in `[low, high]` (Optuna's `suggest_float`).
  /// - Throws: `SearchError.invalidDistribution` naming the parameter, or a conflict with an
  ///   earlier suggestion of the same name.
  public func suggestFloat(_ name: String, low: Double, high: Double, step: Double? = nil, log: Bool = false) throws -> Double {
    let dist = try make("suggest_float", name) {
      .float(try FloatDistribution(low: low, high: high, log: log, step: step, logger: study.logger))
    }
    return try suggest(name, dist).doubleValue ?? low
  }

  /// An integer in `[low, high]`, both inclusive (Optuna's `suggest_int`).
  public func suggestInt(_ name: String, low: Int, high: Int, step: Int = 1, log: Bool = false) throws -> Int {
    let dist = try make("suggest_int", name) {
      .int(try IntDistribution(low: low, high: high, log: log, step: step, logger: study.logger))
    }
    return try suggest(name, dist).intValue ?? low
  }

  /// One of `choices` (Optuna's `suggest_categorical`).
  public func suggestCategorical(_ name: String, choices: [ParamValue]) throws -> ParamValue {
    let dist = try make("suggest_categorical", name) { .categorical(try CategoricalDistribution(choices: choices)) }
    return try suggest(name, dist)
  }

  /// Deprecated alias: `suggest_uniform(name, low, high)` = `suggest_float(name, low, high)`.
  public func suggestUniform(_ name: String, low: Double, high: Double) throws -> Double {
    deprecated("suggest_uniform", "suggest_float(..., low, high)")
    return try suggestFloat(name, low: low, high: high)
  }

  /// Deprecated alias: `suggest_loguniform` = `suggest_float(..., log=True)`.
  public func suggestLogUniform(_ name: String, low: Double, high: Double) throws -> Double {
    deprecated("suggest_loguniform", "suggest_float(..., log=True)")
    return try suggestFloat(name, low: low, high: high, log: true)
  }

  /// Deprecated alias: `suggest_discrete_uniform(name, low, high, q)` = `suggest_float(..., step=q)`.
  public func suggestDiscreteUniform(_ name: String, low: Double, high: Double, q: Double) throws -> Double {
    deprecated("suggest_discrete_uniform", "suggest_float(..., step=...)")
    return try suggestFloat(name, low: low, high: high, step: q)
  }

  private func deprecated(_ old: String, _ new: String) {
    study.logger.warning("\(old) has been deprecated in v3.0.0. Use \(new) instead.")
  }

  /// Suggests a value for an already-built distribution (ask(fixed_distributions:) uses this).
  @discardableResult
  public func suggest(_ name: String, _ distribution: Distribution) throws -> ParamValue {
    if let existing = cached.distributions[name], let value = cached.params[name] {
      try existing.checkCompatible(with: distribution, parameter: name)
      if existing != distribution {
        study.logger.warning(
          "Inconsistent parameter values for distribution with name \"\(name)\"! This might be a "
            + "configuration mistake. Optuna allows to call the same distribution with the same name "
            + "more than once in a trial. When the parameter values are inconsistent optuna only uses "
            + "the values of the first call and ignores all following. Using these values: \(existing)")
      }
      return value
    }
    try checkAcrossTrials(name, distribution)
    let value = try chooseValue(name, distribution)
    let internalValue = try distribution.toInternal(value, parameter: name)
    try study.storage.setTrialParam(trialID: trialID, name: name, distribution: distribution, internalValue: internalValue)
    cached.params[name] = distribution.toExternal(internalValue)
    cached.distributions[name] = distribution
    return cached.params[name] ?? value
  }

  private func chooseValue(_ name: String, _ distribution: Distribution) throws -> ParamValue {
    // 1. A value fixed by enqueue_trial / PartialFixed wins, even outside the range (with a warning).
    if let fixed = cached.systemAttrs["fixed_params"]?[name], let value = ParamValue(json: fixed) {
      if !distribution.containsExternal(value) {
        study.logger.warning(
          "Fixed parameter '\(name)' with value \(value) is out of range for distribution \(distribution).")
      }
      if (try? distribution.toInternal(value, parameter: name)) != nil { return value }
    }
    // 2. A single-value distribution needs no sampler.
    if distribution.isSingle { return distribution.toExternal(singleInternalValue(distribution)) }
    // 3. The relative sample, when it covered this name with the same distribution.
    if relativeSearchSpace[name] == distribution, let value = try ensureRelativeParams()[name] {
      return value
    }
    return try study.sampler.sampleIndependent(study: samplerView, trial: cached, name: name, distribution: distribution)
  }

  private func singleInternalValue(_ d: Distribution) -> Double {
    switch d {
    case .float(let f): return f.low
    case .int(let i): return Double(i.low)
    case .categorical: return 0
    }
  }

  /// Categorical choices may not change between trials of one study (Optuna's rule). The
  /// first distribution seen for a name is remembered by the study; on a miss the stored trials
  /// are scanned once (they may come from another process).
  private func checkAcrossTrials(_ name: String, _ distribution: Distribution) throws {
    guard case .categorical = distribution else { return }
    var previous = study.knownDistributions.withLock { $0[name] }
    if previous == nil {
      for other in study.trials(states: nil) where other.trialID != trialID {
        if let d = other.distributions[name] {
          previous = d
          break
        }
      }
    }
    if let previous { try previous.checkCompatible(with: distribution, parameter: name) }
    study.knownDistributions.withLock { if $0[name] == nil { $0[name] = previous ?? distribution } }
  }

  private func make(_ function: String, _ name: String, _ build: () throws -> Distribution) throws -> Distribution {
    do {
      return try build()
    } catch let problem as DistributionProblem {
      throw SearchError.invalidDistribution(function: function, parameter: name, problem: problem)
    }
  }

  // MARK: - Report and prune

  /// Records an intermediate objective value at `step` (Optuna's `report`).
  /// - Throws: for multi-objective studies and negative steps. A repeated step is ignored with
  ///   a warning.
  public func report(_ value: Double, step: Int) throws {
    guard !study.isMultiObjective else {
      throw SearchError.multiObjectiveNotSupported(api: "Trial.report")
    }
    guard step >= 0 else {
      throw SearchError.invalidArgument(function: "report", argument: "step", message: "must be >= 0 (got \(step))")
    }
    if cached.intermediateValues[step] != nil {
      study.logger.warning(
        "The reported value is ignored because this `step` \(step) is already reported.")
      return
    }
    try study.storage.setTrialIntermediateValue(trialID: trialID, step: step, value: value)
    cached.intermediateValues[step] = value
  }

  /// Whether the study's pruner says to stop this trial now.
  /// - Throws: for multi-objective studies (Optuna raises NotImplementedError).
  public func shouldPrune() throws -> Bool {
    guard !study.isMultiObjective else {
      throw SearchError.multiObjectiveNotSupported(api: "Trial.should_prune")
    }
    cached = try study.storage.trial(id: trialID)
    return try study.pruner.prune(study: study, trial: cached)
  }

  /// The scheduler decision for richer pruners (Ray-style); `.stop` for plain pruners that prune.
  public func schedulerDecision() throws -> SchedulerDecision {
    cached = try study.storage.trial(id: trialID)
    if let scheduler = study.pruner as? any TrialScheduler {
      return try scheduler.decide(study: study, trial: cached)
    }
    return try study.pruner.prune(study: study, trial: cached) ? .stop : .continue
  }

  // MARK: - Attributes

  public func setUserAttr(_ key: String, _ value: JSONValue) throws {
    try study.storage.setTrialUserAttr(trialID: trialID, key: key, value: value)
    cached.userAttrs[key] = value
  }

  /// Records a constraint value (Optuna 5's `Trial.set_constraint`): the trial is feasible when
  /// every value is ≤ 0. Samplers (TPE, NSGA-II) and `best_trial(s)` read it. A key set twice
  /// keeps its first value and logs a warning, as Optuna does.
  /// - Throws: `invalidArgument` for NaN.
  public func setConstraint(_ key: String, _ value: Double) throws {
    guard !value.isNaN else {
      throw SearchError.invalidArgument(function: "set_constraint", argument: "value",
                                        message: "Attempted to set a constraint for '\(key)', but NaN is not allowed.")
    }
    let attr = FrozenTrial.constraintKeyPrefix + key
    if cached.systemAttrs[attr] != nil {
      study.logger.warning("The constraint value is ignored because this constraint `key='\(key)'` is already set.")
      return
    }
    try setSystemAttr(attr, .double(value))
  }

  public func setSystemAttr(_ key: String, _ value: JSONValue) throws {
    try study.storage.setTrialSystemAttr(trialID: trialID, key: key, value: value)
    cached.systemAttrs[key] = value
  }
}
