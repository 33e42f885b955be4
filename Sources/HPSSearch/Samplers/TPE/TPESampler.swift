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
  /// The candidates' stream: numpy's `RandomState(seed)`, as Optuna's `LazyRandomState(seed)`.
  private let rng: Locked<NumpyRandomState>
  /// Startup trials and parameters outside the model come from Optuna's own arrangement: a
  /// `RandomSampler(seed)` with its separate stream.
  private let randomSampler: RandomSampler
  /// What the sampler remembers of the study it samples (rebuilt when the study changes).
  /// Suggestions run under this lock, then the rng's.
  private let memory = Locked<TPEStudyState?>(nil)
  /// Tests only: forget everything between trials, so each suggestion is built from scratch.
  var rebuildsEveryTrial = false

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
    rng = Locked(NumpyRandomState(seed: seed))
    randomSampler = RandomSampler(seed: seed)
  }

  /// Optuna 4.x defaults: univariate, no constant liar (and, when asked for multivariate, the
  /// Scott-style bandwidth); the multi-objective good set weighted by hypervolume contribution.
  public static func optuna4(seed: Int? = nil, multivariate: Bool = false) throws -> TPESampler {
    try TPESampler(seed: seed, multivariate: multivariate, constantLiar: false,
                   optuna4Bandwidth: true, hypervolumeWeightsBelow: true)
  }

  func isMultivariate(_ study: any StudyView) -> Bool { multivariate ?? !study.isMultiObjective }

  public func reseedRng() {
    rng.withLock { $0 = NumpyRandomState(seed: nil) }
    randomSampler.reseedRng()
  }

  public func inferRelativeSearchSpace(study: any StudyView, trial: FrozenTrial) -> SearchSpace {
    guard isMultivariate(study) else { return [:] }
    return withMemory(study: study, trial: trial) { m in
      if group {
        var union: SearchSpace = [:]
        for g in GroupDecomposedSearchSpace.groups(m.history(constantLiar: constantLiar)) {
          union.merge(g.filter { !$0.value.isSingle }) { a, _ in a }
        }
        return union
      }
      return m.intersectionSpace().filter { !$0.value.isSingle }
    }
  }

  /// Runs `body` on the study's memory, read up to date for `trial`.
  func withMemory<T>(study: any StudyView, trial: FrozenTrial, _ body: (TPEStudyState) throws -> T) rethrows -> T {
    try memory.withLock { m in
      let state: TPEStudyState
      if let kept = m, kept.studyName == study.studyName, !rebuildsEveryTrial || kept.hasRead(trial.number) {
        state = kept
      } else {
        state = TPEStudyState(studyName: study.studyName)
        m = state
      }
      state.refresh(study: study, trialNumber: trial.number)
      return try body(state)
    }
  }

  /// The study's COMPLETE, PRUNED (and, with the liar, RUNNING) trials, read once per trial.
  func history(study: any StudyView, trial: FrozenTrial) -> [FrozenTrial] {
    withMemory(study: study, trial: trial) { $0.history(constantLiar: constantLiar) }
  }

  public func sampleRelative(study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace) throws -> [String: ParamValue] {
    guard !searchSpace.isEmpty else { return [:] }
    if group {
      // One joint model per group of parameters that always appear together, in the groups'
      // first-seen order: Optuna's order, which fixes the order the groups draw from the stream.
      var out: [String: ParamValue] = [:]
      let groups = GroupDecomposedSearchSpace.groups(history(study: study, trial: trial))
      for g in groups {
        let sub = g.filter { searchSpace[$0.key] == $0.value && !$0.value.isSingle }
        if sub.isEmpty { continue }
        out.merge(try sampleJointly(study: study, trial: trial, searchSpace: sub)) { a, _ in a }
      }
      shareRelativeParams(out, study: study, trial: trial)
      return out
    }
    let out = try sampleJointly(study: study, trial: trial, searchSpace: searchSpace)
    shareRelativeParams(out, study: study, trial: trial)
    return out
  }

  /// Optuna's `tpe:relative_params:<i>` system attrs: with the liar, a running trial's whole
  /// relative sample is published as JSON (in chunks of 2,045 characters) when it is drawn, so
  /// other workers — threads or processes — model it before its parameters are suggested.
  func shareRelativeParams(_ params: [String: ParamValue], study: any StudyView, trial: FrozenTrial) {
    guard constantLiar, !params.isEmpty else { return }
    let json = JSONValue.object(params.mapValues(\.json)).jsonText
    if json.utf8.count <= TPESampler.systemAttrMaxLength {
      try? study.setTrialSystemAttr(trialID: trial.trialID, key: TPESampler.relativeParamsKey + ":0", value: .string(json))
      return
    }
    let text = Array(json)
    var index = 0
    var start = 0
    while start < text.count {
      let end = min(start + TPESampler.systemAttrMaxLength, text.count)
      try? study.setTrialSystemAttr(trialID: trial.trialID, key: "\(TPESampler.relativeParamsKey):\(index)",
                                    value: .string(String(text[start..<end])))
      index += 1
      start = end
    }
  }

  static let relativeParamsKey = "tpe:relative_params"
  static let systemAttrMaxLength = 2045

  /// A running trial's published relative sample, or nil (none, or chunks still being written).
  static func sharedRelativeParams(_ t: FrozenTrial) -> [String: ParamValue]? {
    var text = ""
    var index = 0
    while case .string(let chunk)? = t.systemAttrs["\(relativeParamsKey):\(index)"] {
      text += chunk
      index += 1
    }
    guard index > 0, case .object(let fields)? = try? JSONValue.parse(text) else { return nil }
    return fields.compactMapValues { ParamValue(json: $0) }
  }

  func sampleJointly(study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace) throws -> [String: ParamValue] {
    let names = searchSpace.keys.sorted()
    let space = names.compactMap { n in searchSpace[n].map { (name: n, parameter: $0.tpeParameter) } }
    let suggestion = suggest(study: study, trial: trial, names: names, space: space, searchSpace: searchSpace)
    guard let suggestion else { return [:] }
    var out: [String: ParamValue] = [:]
    for (name, value) in suggestion { if let d = searchSpace[name] { out[name] = d.toExternal(value) } }
    return out
  }

  /// One TPE suggestion over the remembered history (nil during the startup trials).
  func suggest(study: any StudyView, trial: FrozenTrial, names: [String],
               space: [(name: String, parameter: TPEParameter)], searchSpace: SearchSpace) -> [String: Double]? {
    let directions = study.directions
    return withMemory(study: study, trial: trial) { m in
      m.withObserved(space: searchSpace, names: names, current: trial.number, constantLiar: constantLiar,
                     convert: { convert($0, names: names, space: searchSpace, directions: directions) }) { history, cache in
        rng.withLock { r in
          TPEAlgorithm.suggest(space: space, trials: history, options: options,
                               constraintsEnabled: true, rng: &r, cache: cache)
        }
      }
    }
  }

  public func sampleIndependent(study: any StudyView, trial: FrozenTrial, name: String, distribution: Distribution) throws -> ParamValue {
    let space: SearchSpace = [name: distribution]
    let suggestion = suggest(study: study, trial: trial, names: [name], space: [(name, distribution.tpeParameter)],
                             searchSpace: space)
    if let v = suggestion?[name] { return distribution.toExternal(v) }
    return randomSampler.sample(distribution)
  }

  public func afterTrial(study: any StudyView, trial: FrozenTrial, state: TrialState, values: [Double]?) {
    guard let constraintsFunc,
          let constraints = ConstraintsAfterTrial.record(constraintsFunc, study: study, trial: trial, state: state) else { return }
    var stored = trial
    stored.systemAttrs[TPESampler.constraintsKey] = .array(constraints.map { .double($0) })
    let violation = stored.infeasibilityScore
    memory.withLock { m in
      guard let m, m.studyName == study.studyName else { return }
      m.patch(number: trial.number, constraints: constraints, key: TPESampler.constraintsKey, violation: violation)
    }
  }

  static let constraintsKey = "constraints"

  /// A trial as TPE sees it, parameters in `names` order (NaN where it lacks one: it still
  /// counts towards the split, so n and gamma match Optuna, but the estimators skip it).
  func convert(_ t: FrozenTrial, names: [String], space: SearchSpace, directions: [StudyDirection]) -> TPEObservedTrial {
    var params = [Double](repeating: .nan, count: names.count)
    // A running trial counts with its whole published relative sample (Optuna's `_get_params`),
    // its own suggested values taking precedence.
    let shared = t.state == .running ? TPESampler.sharedRelativeParams(t) : nil
    for (i, name) in names.enumerated() {
      guard let dist = space[name] else { continue }
      if let td = t.distributions[name], td == dist, let v = t.internalValue(name) {
        params[i] = v
      } else if t.distributions[name] == nil, let value = shared?[name], let v = try? dist.toInternal(value) {
        params[i] = v
      }
    }
    let kind: TPEObservedTrial.Kind = t.state == .running ? .running : (t.state == .complete ? .complete : .pruned)
    var losses: [Double] = []
    if kind == .complete, let values = t.values {
      losses = zip(values, directions).map { $1.asLoss($0) }
    }
    var lastIntermediate: Double?
    if let step = t.lastStep, let v = t.intermediateValues[step] { lastIntermediate = directions.first?.asLoss(v) }
    // Optuna 5 ranks infeasible trials by their summed violation whether the constraints came
    // from constraints_func or from Trial.set_constraint.
    let violation = t.state == .running ? nil : t.infeasibilityScore
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
