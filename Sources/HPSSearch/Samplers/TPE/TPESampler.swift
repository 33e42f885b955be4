// Optuna's TPESampler over the study contract, with Optuna 5.0's defaults (multivariate for a
// single objective, constant liar on, the neighbour-distance bandwidth). `optuna4()` gives the
// 4.x behaviour: univariate, no liar, Scott bandwidth when multivariate, capped multi-objective
// gamma and hypervolume-weighted good set.
import Foundation

public final class TPESampler: Sampler, @unchecked Sendable {
  public let seed: Int?
  public let nStartupTrials: Int
  public let nEICandidates: Int
  /// nil: multivariate for a single objective, univariate for several (Optuna 5.0).
  public let multivariate: Bool?
  public let group: Bool
  public let constantLiar: Bool
  public let constraintsFunc: (@Sendable (FrozenTrial) -> [Double])?
  let options: TPEOptions
  private let rng: Locked<SeededRandom>
  /// The trials read for the trial being sampled: one read of the study per trial serves the
  /// search-space inference and every sample call of that trial.
  private let fetched = Locked<(studyName: String, number: Int, trials: [FrozenTrial])?>(nil)
  /// Incremental intersection of the finished trials' spaces (Optuna's, pruned trials included).
  private let intersection = Locked<(studyName: String?, space: SearchSpace?, seen: Set<Int>)>((nil, nil, []))
  /// Converted finished trials, by the search space they were converted for.
  private let cache = Locked<(studyName: String?, bySpace: [SearchSpace: [Int: TPEObservedTrial]])>((nil, [:]))

  /// - Throws: `SearchError` naming the parameter when a count is out of range.
  public init(
    seed: Int? = nil, nStartupTrials: Int = 10, nEICandidates: Int = 24,
    multivariate: Bool? = nil, group: Bool = false, constantLiar: Bool = true,
    priorWeight: Double = 1.0, considerMagicClip: Bool = true, considerEndpoints: Bool = false,
    gamma: (@Sendable (Int) -> Int)? = nil, weights: (@Sendable (Int) -> [Double])? = nil,
    constraintsFunc: (@Sendable (FrozenTrial) -> [Double])? = nil,
    optuna4Bandwidth: Bool = false, hypervolumeWeightsBelow: Bool = false
  ) throws {
    guard nStartupTrials >= 0 else { throw SamplerArgumentError("n_startup_trials", nStartupTrials, "must be >= 0") }
    if group && multivariate == false {
      throw SamplerArgumentError("group", group, "requires multivariate=True")
    }
    guard nEICandidates >= 1 else { throw SamplerArgumentError("n_ei_candidates", nEICandidates, "must be >= 1") }
    guard priorWeight >= 0, priorWeight.isFinite else { throw SamplerArgumentError("prior_weight", priorWeight, "must be a non-negative number") }
    self.seed = seed
    self.nStartupTrials = nStartupTrials
    self.nEICandidates = nEICandidates
    self.multivariate = multivariate
    self.group = group
    self.constantLiar = constantLiar
    self.constraintsFunc = constraintsFunc
    var o = TPEOptions()
    o.nStartupTrials = nStartupTrials
    o.nEICandidates = nEICandidates
    o.estimator = ParzenEstimatorOptions(priorWeight: priorWeight, considerMagicClip: considerMagicClip,
                                         considerEndpoints: considerEndpoints, scottBandwidth: optuna4Bandwidth)
    if let gamma { o.gamma = gamma }
    if let weights { o.weights = weights }
    o.hypervolumeWeightsBelow = hypervolumeWeightsBelow
    options = o
    rng = Locked(SeededRandom(seed: seed))
  }

  /// Optuna 4.x defaults: univariate, no constant liar (and, when asked for multivariate, the
  /// Scott-style bandwidth); the multi-objective good set weighted by hypervolume contribution.
  public static func optuna4(seed: Int? = nil, multivariate: Bool = false) throws -> TPESampler {
    try TPESampler(seed: seed, multivariate: multivariate, constantLiar: false,
                   optuna4Bandwidth: true, hypervolumeWeightsBelow: true)
  }

  func isMultivariate(_ study: any StudyView) -> Bool { multivariate ?? !study.isMultiObjective }

  public func reseedRng() { rng.withLock { $0 = SeededRandom(seed: nil as UInt64?) } }

  public func inferRelativeSearchSpace(study: any StudyView, trial: FrozenTrial) -> SearchSpace {
    guard isMultivariate(study) else { return [:] }
    let trials = history(study: study, trial: trial)
    if group {
      var union: SearchSpace = [:]
      for g in GroupDecomposedSearchSpace.groups(trials) { union.merge(g.filter { !$0.value.isSingle }) { a, _ in a } }
      return union
    }
    let space = intersection.withLock { c -> SearchSpace in
      if c.studyName != study.studyName { c = (study.studyName, nil, []) }
      for t in trials where (t.state == .complete || t.state == .pruned) && !c.seen.contains(t.number) {
        c.seen.insert(t.number)
        if let current = c.space {
          c.space = current.filter { t.distributions[$0.key] == $0.value }
        } else {
          c.space = t.distributions
        }
      }
      return c.space ?? [:]
    }
    return space.filter { !$0.value.isSingle }
  }

  /// The study's COMPLETE, PRUNED (and, with the liar, RUNNING) trials, read once per trial.
  func history(study: any StudyView, trial: FrozenTrial) -> [FrozenTrial] {
    if let f = fetched.current, f.studyName == study.studyName, f.number == trial.number { return f.trials }
    let states: Set<TrialState> = constantLiar ? [.complete, .pruned, .running] : [.complete, .pruned]
    let trials = study.trials(states: states)
    fetched.withLock { $0 = (study.studyName, trial.number, trials) }
    return trials
  }

  public func sampleRelative(study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace) throws -> [String: ParamValue] {
    guard !searchSpace.isEmpty else { return [:] }
    if group {
      // One joint model per group of parameters that always appear together.
      var out: [String: ParamValue] = [:]
      let groups = GroupDecomposedSearchSpace.groups(history(study: study, trial: trial))
      for g in groups.sorted(by: { ($0.keys.min() ?? "") < ($1.keys.min() ?? "") }) {
        let sub = g.filter { searchSpace[$0.key] == $0.value && !$0.value.isSingle }
        if sub.isEmpty { continue }
        out.merge(try sampleJointly(study: study, trial: trial, searchSpace: sub)) { a, _ in a }
      }
      return out
    }
    return try sampleJointly(study: study, trial: trial, searchSpace: searchSpace)
  }

  func sampleJointly(study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace) throws -> [String: ParamValue] {
    let names = searchSpace.keys.sorted()
    let space = names.compactMap { n in searchSpace[n].map { (name: n, parameter: $0.tpeParameter) } }
    let history = observedTrials(study: study, current: trial, names: names, space: searchSpace)
    let suggestion = rng.withLock { r in
      TPEAlgorithm.suggest(space: space, trials: history, options: options,
                           constraintsEnabled: constraintsFunc != nil, rng: &r)
    }
    guard let suggestion else { return [:] }
    var out: [String: ParamValue] = [:]
    for (name, value) in suggestion { if let d = searchSpace[name] { out[name] = d.toExternal(value) } }
    return out
  }

  public func sampleIndependent(study: any StudyView, trial: FrozenTrial, name: String, distribution: Distribution) throws -> ParamValue {
    let history = observedTrials(study: study, current: trial, names: [name], space: [name: distribution])
    return rng.withLock { r in
      let suggestion = TPEAlgorithm.suggest(space: [(name, distribution.tpeParameter)], trials: history,
                                            options: options, constraintsEnabled: constraintsFunc != nil, rng: &r)
      if let v = suggestion?[name] { return distribution.toExternal(v) }
      return IndependentDraw.externalValue(distribution, rng: &r)
    }
  }

  public func afterTrial(study: any StudyView, trial: FrozenTrial, state: TrialState, values: [Double]?) {
    guard let constraintsFunc, state == .complete || state == .pruned else { return }
    let constraints = constraintsFunc(trial)
    try? study.setTrialSystemAttr(trialID: trial.trialID, key: TPESampler.constraintsKey,
                                  value: .array(constraints.map { .double($0) }))
  }

  static let constraintsKey = "constraints"

  /// The history as TPE sees it, parameters in `names` order. Trials lacking a parameter still
  /// count towards the split (so n and gamma match Optuna); the estimator skips them. Finished
  /// trials never change, so their conversion is cached per search space: a suggestion only
  /// converts the trials that finished since the previous one.
  func observedTrials(study: any StudyView, current: FrozenTrial, names: [String], space: SearchSpace) -> [TPEObservedTrial] {
    let directions = study.directions
    let trials = history(study: study, trial: current)
    return cache.withLock { c in
      var rows = c.studyName == study.studyName ? (c.bySpace[space] ?? [:]) : [:]
      if c.studyName != study.studyName { c.bySpace = [:]; c.studyName = study.studyName }
      var out: [TPEObservedTrial] = []
      out.reserveCapacity(trials.count)
      for t in trials where t.number != current.number {
        if t.state != .running, let cached = rows[t.number] { out.append(cached); continue }
        let observed = convert(t, names: names, space: space, directions: directions)
        if t.state != .running { rows[t.number] = observed }
        out.append(observed)
      }
      c.bySpace[space] = rows
      return out
    }
  }

  func convert(_ t: FrozenTrial, names: [String], space: SearchSpace, directions: [StudyDirection]) -> TPEObservedTrial {
    var params = [Double](repeating: .nan, count: names.count)
    for (i, name) in names.enumerated() {
      guard let dist = space[name], let td = t.distributions[name], td == dist, let v = t.internalValue(name) else { continue }
      params[i] = v
    }
    let kind: TPEObservedTrial.Kind = t.state == .running ? .running : (t.state == .complete ? .complete : .pruned)
    var losses: [Double] = []
    if kind == .complete, let values = t.values {
      losses = zip(values, directions).map { $1.asLoss($0) }
    }
    var lastIntermediate: Double?
    if let step = t.lastStep, let v = t.intermediateValues[step] { lastIntermediate = directions.first?.asLoss(v) }
    var violation: Double?
    if constraintsFunc != nil, case .array(let items)? = t.systemAttrs[TPESampler.constraintsKey] {
      violation = items.compactMap { $0.doubleValue }.filter { $0 > 0 }.reduce(0, +)
    }
    return TPEObservedTrial(number: t.number, kind: kind, losses: losses, params: params,
                            lastStep: t.lastStep, lastIntermediateLoss: lastIntermediate,
                            constraintViolation: violation)
  }
}

/// A constructor argument out of its valid range, named as Optuna names it.
public struct SamplerArgumentError: Error, CustomStringConvertible, Sendable {
  public let parameter: String
  public let value: String
  public let requirement: String
  public init(_ parameter: String, _ value: Any, _ requirement: String) {
    self.parameter = parameter
    self.value = "\(value)"
    self.requirement = requirement
  }
  public var description: String { "ValueError: \(parameter) \(requirement), but got \(value)." }
}
