// Ray's PopulationBasedTraining (`ray/tune/schedulers/pbt.py`), asynchronous mode. Every
// perturbation_interval a trial's score is recorded; a bottom-quantile trial exploits (clones the
// checkpoint and config of) a random top-quantile trial, then explores (perturbs the config).
import Foundation

/// How one hyperparameter mutates (Ray's `hyperparam_mutations` values).
public enum TuneMutation: Sendable {
  /// A list: resample from it, or shift one position left or right.
  case values([TuneValue])
  /// A domain: resample from it, or multiply by a perturbation factor. Note Ray treats
  /// `tune.choice` here as continuous (it multiplies the value), unlike a plain list.
  case domain(TuneDomain)
  /// A function of no arguments (`lambda: random.uniform(0, 20)`): resample or multiply.
  case function(TuneFunction)
  /// Nested hyperparameters.
  case nested([(String, TuneMutation)])
}

extension TuneMutation {
  /// Reads one `hyperparam_mutations` value: a list, a domain, or a dict of those (nested).
  /// Callables have no TuneValue form; bindings wrap them as `.function`.
  /// - Throws: Ray's TypeError text for anything else.
  public init(_ value: TuneValue, key: String = "") throws {
    switch value {
    case .list(let items): self = .values(items)
    case .domain(let d): self = .domain(d)
    case .dict(let d): self = .nested(try d.map { ($0.key, try TuneMutation($0.value, key: $0.key)) })
    default:
      throw TuneError.invalidArgument(
        function: "PopulationBasedTraining", argument: "hyperparam_mutations",
        message: "'\(key)': `hyperparam_mutation` values must be either a List, Tuple, Dict, a tune search space object, or a callable (got \(value))")
    }
  }

  /// All mutations of a `hyperparam_mutations` dict, in order.
  public static func parse(_ mutations: TuneDict) throws -> [(String, TuneMutation)] {
    try mutations.map { ($0.key, try TuneMutation($0.value, key: $0.key)) }
  }
}

/// Ray's `PopulationBasedTraining` with Ray's defaults.
public final class PopulationBasedTraining: TuneScheduler {
  final class State {
    var lastScore: Double?
    var lastCheckpoint: TuneCheckpoint?
    var lastPerturbationTime = 0.0
    var lastTrainTime = 0.0
    var lastResult: TuneDict?
  }

  public let timeAttr: String
  public let perturbationInterval: Double
  public let burnInPeriod: Double
  public let hyperparamMutations: [(String, TuneMutation)]
  public let quantileFraction: Double
  public let resampleProbability: Double
  public let perturbationFactors: (Double, Double)
  public let customExploreFn: (@Sendable (TuneValue) throws -> TuneValue)?
  public let requireAttrs: Bool
  /// Ray's `synch`: perturb all trials together at each interval.
  public let synch: Bool
  private var nextPerturbationSync: Double
  private var setting: MetricSetting
  private var states: [Int: State] = [:]
  private var stateOrder: [Int] = []
  private var exploredConfigs: [Int: TuneValue] = [:]
  private var rng: SeededRandom
  private let logger: SearchLogger
  public private(set) var numCheckpoints = 0
  public private(set) var numPerturbations = 0

  public var metric: String? { setting.metric }
  public var mode: TuneMode? { setting.mode }

  /// - Throws: Ray's errors: no mutations and no custom function (TuneError), quantile_fraction
  ///   outside [0, 0.5], perturbation_interval <= 0, `sample_from` as a mutation.
  public init(
    timeAttr: String = "time_total_s", metric: String? = nil, mode: TuneMode? = nil,
    perturbationInterval: Double = 60.0, burnInPeriod: Double = 0.0,
    hyperparamMutations: [(String, TuneMutation)] = [], quantileFraction: Double = 0.25,
    resampleProbability: Double = 0.25, perturbationFactors: (Double, Double) = (1.2, 0.8),
    customExploreFn: (@Sendable (TuneValue) throws -> TuneValue)? = nil, requireAttrs: Bool = true,
    synch: Bool = false, seed: Int? = nil, logger: SearchLogger = SearchLogger.current
  ) throws {
    let fn = "PopulationBasedTraining"
    func checkMutations(_ mutations: [(String, TuneMutation)], _ prefix: String) throws {
      for (key, m) in mutations {
        switch m {
        case .domain(let d) where d.isFunction:
          throw TuneError.invalidArgument(
            function: fn, argument: "hyperparam_mutations",
            message: "'\(prefix)\(key)': arbitrary tune.sample_from objects are not supported for `hyperparam_mutation` "
              + "values. You must use other built in primitives like tune.uniform, tune.loguniform, etc.")
        case .values(let list) where list.isEmpty:
          throw TuneError.invalidArgument(function: fn, argument: "hyperparam_mutations", message: "'\(prefix)\(key)': the list of values is empty")
        case .domain(let d):
          if case .choice = d.kind {
            logger.warning(
              "PopulationBasedTraining: '\(prefix)\(key)' mutates with tune.choice, which Ray treats as continuous: "
                + "perturbation multiplies the value by \(pythonRepr(perturbationFactors.0)) or \(pythonRepr(perturbationFactors.1)). "
                + "Pass a plain list to move between neighbouring values instead.")
          }
        case .nested(let inner):
          try checkMutations(inner, prefix + key + "/")
        default:
          break
        }
      }
    }
    try checkMutations(hyperparamMutations, "")
    guard !hyperparamMutations.isEmpty || customExploreFn != nil else {
      throw TuneError.tuneError(message: "You must specify at least one of `hyperparam_mutations` or `custom_explore_fn` to use PBT.")
    }
    guard (0...0.5).contains(quantileFraction) else {
      throw TuneError.invalidArgument(
        function: fn, argument: "quantile_fraction",
        message: "You must set `quantile_fraction` to a value between 0 and 0.5. Current value: '\(pythonRepr(quantileFraction))'")
    }
    guard perturbationInterval > 0 else {
      throw TuneError.invalidArgument(
        function: fn, argument: "perturbation_interval",
        message: "perturbation_interval must be a positive number greater than 0. Current value: '\(pythonRepr(perturbationInterval))'")
    }
    guard (0...1).contains(resampleProbability) else {
      throw TuneError.invalidArgument(function: fn, argument: "resample_probability", message: "must be in [0, 1] (got \(pythonRepr(resampleProbability)))")
    }
    self.timeAttr = timeAttr
    self.perturbationInterval = perturbationInterval
    self.burnInPeriod = burnInPeriod
    self.hyperparamMutations = hyperparamMutations
    self.quantileFraction = quantileFraction
    self.resampleProbability = resampleProbability
    self.perturbationFactors = perturbationFactors
    self.customExploreFn = customExploreFn
    self.requireAttrs = requireAttrs
    self.synch = synch
    nextPerturbationSync = Swift.max(perturbationInterval, burnInPeriod)
    setting = MetricSetting(metric: metric, mode: mode)
    rng = SeededRandom(seed: seed)
    self.logger = logger
  }

  public func setSearchProperties(metric: String?, mode: TuneMode?) -> Bool { setting.set(metric: metric, mode: mode) }

  /// Registers the trial; hyperparameters missing from its config are sampled from the mutations
  /// (Ray's `_fill_config`).
  public func onTrialAdd(runner: any TuneTrialRunner, trial: TuneTrial) throws {
    if let searcher = runner.searchAlgorithm, searcher.isModelBased {
      throw TuneError.invalidArgument(
        function: "PopulationBasedTraining", argument: "search_alg",
        message: "Search algorithms cannot be used with PopulationBasedTraining schedulers. Please remove \(type(of: searcher)).")
    }
    _ = try setting.require("PopulationBasedTraining")
    if states[trial.number] == nil { stateOrder.append(trial.number) }
    states[trial.number] = State()
    var config = trial.config
    try fill(&config, hyperparamMutations)
    trial.config = config
  }

  private func fill(_ config: inout TuneValue, _ mutations: [(String, TuneMutation)]) throws {
    guard case .dict(var d) = config else { return }
    for (key, m) in mutations {
      if case .nested(let inner) = m {
        var child = d[key] ?? .dict(TuneDict())
        try fill(&child, inner)
        d[key] = child
      } else if d[key] == nil {
        d[key] = try resample(m)
      }
    }
    config = .dict(d)
  }

  private func resample(_ m: TuneMutation) throws -> TuneValue {
    switch m {
    case .values(let list): return list[rng.nextIndex(list.count)]
    case .domain(let d): return try d.sample(rng: &rng)
    case .function(let f): return try f.body(TuneSpec(config: .dict(TuneDict()), seed: rng.next()))
    case .nested(let inner):
      var d = TuneDict()
      for (k, v) in inner { d[k] = try resample(v) }
      return .dict(d)
    }
  }

  public func onTrialResult(runner: any TuneTrialRunner, trial: TuneTrial, result: TuneDict) throws -> SchedulerDecision {
    let (metric, sign) = try setting.require("PopulationBasedTraining")
    for attr in [timeAttr, metric] where result.number(attr) == nil {
      let message = "Cannot find \(attr == timeAttr ? "time_attr" : "metric") \(attr) in trial result \(result). "
        + "Make sure that this attribute is returned in the results of your Trainable."
      if requireAttrs {
        throw TuneError.runtime(message: message + " If this error is expected, you can change this to a warning message by setting PBT(require_attrs=False)")
      }
      logger.warning(message)
      return .continue
    }
    let time = result.number(timeAttr)!
    guard let state = states[trial.number] else { return .continue }
    if time < burnInPeriod { return .continue }
    if time - state.lastPerturbationTime < perturbationInterval { return .continue }
    state.lastScore = sign * result.number(metric)!
    state.lastTrainTime = time
    state.lastResult = result
    if synch { return try synchronousStep(runner: runner, trial: trial, time: time) }
    state.lastPerturbationTime = time
    let (lower, upper) = quantiles(runner: runner)
    // Ray time-multiplexes a population larger than the cluster: at a perturbation point a
    // trial yields (pauses) when another is waiting to run.
    let otherwise: SchedulerDecision =
      runner.trials.contains { $0 !== trial && ($0.status == .pending || $0.status == .paused) } ? .pause : .continue
    guard let (source, newConfig) = try checkpointOrExploit(trial, runner: runner, lower: lower, upper: upper) else {
      return otherwise
    }
    exploredConfigs[trial.number] = newConfig
    return .exploit(sourceTrialNumber: source, params: VariantGenerator.flattenParams(newConfig))
  }

  /// Ray's `_checkpoint_or_exploit`: a top-quantile trial keeps its checkpoint; a bottom-quantile
  /// one picks a random top trial and returns it with the explored config (nil: no exploit).
  private func checkpointOrExploit(
    _ trial: TuneTrial, runner: any TuneTrialRunner, lower: [Int], upper: [Int]
  ) throws -> (Int, TuneValue)? {
    guard let state = states[trial.number] else { return nil }
    if upper.contains(trial.number) {
      state.lastCheckpoint = runner.saveCheckpoint(trial)
      numCheckpoints += 1
    } else {
      state.lastCheckpoint = nil
    }
    guard lower.contains(trial.number), !upper.isEmpty else { return nil }
    let source = upper[rng.nextIndex(upper.count)]
    guard let sourceState = states[source], let sourceTrial = runner.trials.first(where: { $0.number == source }) else {
      return nil
    }
    guard sourceState.lastCheckpoint != nil else {
      logger.info("[pbt]: no checkpoint for trial \(sourceTrial.trialID). Skip exploit for Trial \(trial.trialID)")
      return nil
    }
    let newConfig = try explore(sourceTrial.config)
    state.lastPerturbationTime = sourceState.lastPerturbationTime
    state.lastTrainTime = sourceState.lastTrainTime
    numPerturbations += 1
    return (source, newConfig)
  }

  /// Ray's synchronous mode: every trial pauses at the perturbation point; when the last live
  /// trial arrives, all are ranked at once (top quantile first, so checkpoints exist before the
  /// bottom exploits them) and the next sync point moves on.
  private func synchronousStep(runner: any TuneTrialRunner, trial: TuneTrial, time: Double) throws -> SchedulerDecision {
    let waiting = runner.liveTrials.contains { t in
      t !== trial && (states[t.number]?.lastTrainTime ?? 0) < nextPerturbationSync
    }
    if !waiting {
      let (lower, upper) = quantiles(runner: runner)
      let middle = runner.trials.map(\.number).filter { !lower.contains($0) && !upper.contains($0) }
      for number in upper + middle + lower {
        guard let t = runner.trials.first(where: { $0.number == number }), let state = states[number] else { continue }
        state.lastPerturbationTime = time
        if let (source, config) = try checkpointOrExploit(t, runner: runner, lower: lower, upper: upper) {
          runner.exploit(t, source: source, config: config, checkpoint: states[source]?.lastCheckpoint)
        }
      }
      let latest = runner.trials.compactMap { states[$0.number]?.lastTrainTime }.max() ?? 0
      nextPerturbationSync = Swift.max(nextPerturbationSync + perturbationInterval, latest)
    }
    return .pause
  }

  /// Runs pending trials first, then paused ones, least trained first; in synchronous mode only
  /// trials that have not reached the next sync point (Ray's `choose_trial_to_run`).
  public func chooseTrialToRun(runner: any TuneTrialRunner) -> TuneTrial? {
    runner.trials.enumerated().filter { _, t in
      (t.status == .pending || t.status == .paused)
        && (!synch || (states[t.number]?.lastTrainTime ?? 0) < nextPerturbationSync)
    }.min { a, b in
      let x = states[a.element.number]?.lastTrainTime ?? 0, y = states[b.element.number]?.lastTrainTime ?? 0
      return x != y ? x < y : a.offset < b.offset
    }?.element
  }

  /// The checkpoint PBT kept for `trialNumber` when it was last in the top quantile.
  public func exploitCheckpoint(of trialNumber: Int) -> TuneCheckpoint? { states[trialNumber]?.lastCheckpoint }

  public func takeExploredConfig(for trialNumber: Int) -> TuneValue? {
    defer { exploredConfigs[trialNumber] = nil }
    return exploredConfigs[trialNumber]
  }

  /// Bottom and top quantiles among unfinished trials with a score, ranked by score (Ray's
  /// `_quantiles`): size ceil(N·q) capped at floor(N/2); empty with fewer than two trials.
  func quantiles(runner: any TuneTrialRunner) -> (lower: [Int], upper: [Int]) {
    let finished = Set(runner.trials.filter { $0.status.isFinished }.map(\.number))
    let ranked = stateOrder.filter { states[$0]?.lastScore != nil && !finished.contains($0) }
      .enumerated().sorted { a, b in
        let x = states[a.element]!.lastScore!, y = states[b.element]!.lastScore!
        return x != y ? x < y : a.offset < b.offset
      }.map(\.element)
    guard ranked.count > 1 else { return ([], []) }
    var size = Int((Double(ranked.count) * quantileFraction).rounded(.up))
    if Double(size) > Double(ranked.count) / 2 { size = ranked.count / 2 }
    return (Array(ranked.prefix(size)), Array(ranked.suffix(size)))
  }

  /// Ray's `_explore`: perturb each mutated hyperparameter of `config`, then the custom function.
  public func explore(_ config: TuneValue) throws -> TuneValue {
    var out = try explore(config, hyperparamMutations)
    if let customExploreFn { out = try customExploreFn(out) }
    return out
  }

  private func explore(_ config: TuneValue, _ mutations: [(String, TuneMutation)]) throws -> TuneValue {
    guard case .dict(var d) = config else { return config }
    for (key, m) in mutations {
      let current = d[key] ?? .none
      switch m {
      case .nested(let inner):
        d[key] = try explore(current, inner)
      case .values(let list):
        if rng.nextUniform() < resampleProbability || !list.contains(current) {
          d[key] = list[rng.nextIndex(list.count)]
        } else {
          let shift = rng.nextIndex(2) == 0 ? -1 : 1
          let index = Swift.min(Swift.max(list.firstIndex(of: current)! + shift, 0), list.count - 1)
          d[key] = list[index]
        }
      case .domain, .function:
        var value: TuneValue
        if rng.nextUniform() < resampleProbability {
          value = try resample(m)
        } else {
          let factor = rng.nextIndex(2) == 0 ? perturbationFactors.0 : perturbationFactors.1
          guard let x = current.doubleValue else {
            throw TuneError.runtime(message: "PopulationBasedTraining: cannot perturb '\(key)' = \(current): it is not a number")
          }
          value = .float(x * factor)
        }
        // An int hyperparameter stays an int (truncated, as Python's int()).
        if case .int = current, let x = value.doubleValue { value = .int(Int(x.rounded(.towardZero))) }
        d[key] = value
      }
    }
    return .dict(d)
  }
}

extension VariantGenerator {
  /// Scalar leaves as HPSSearch parameters keyed by "a/b" path.
  public static func flattenParams(_ config: TuneValue) -> [String: ParamValue] {
    var out: [String: ParamValue] = [:]
    for (path, value) in flatten(config) { if let p = value.paramValue { out[path] = p } }
    return out
  }
}
