// `ray.tune.schedulers`: FIFOScheduler, AsyncHyperBandScheduler (ASHAScheduler),
// HyperBandScheduler, MedianStoppingRule and PopulationBasedTraining with Ray's keyword names and
// defaults, each wrapping the engine scheduler of the same name.
import Foundation
import HPSScript
import HPSSearch

enum TuneSchedulers {
  final class Holder {
    let scheduler: any TuneScheduler
    init(_ s: any TuneScheduler) { scheduler = s }
  }

  static func scheduler(_ v: Value) -> (any TuneScheduler)? { NativeClass.payload(v, as: Holder.self)?.scheduler }

  static let base = NativeClass(
    name: "TrialScheduler", module: "ray.tune.schedulers", doc: "Base class of Tune's trial schedulers.", subclassable: false,
    methods: [
      NativeFunction("__repr__", Signature([.init("self")])) { _, a in
        guard case .instance(let i) = a["self"] else { return .str("<scheduler>") }
        let s = scheduler(a["self"])
        return .str("\(i.cls.name)(metric=\(s?.metric.map { "'\($0)'" } ?? "None"), mode=\(s?.mode.map { "'\($0.rawValue)'" } ?? "None"))")
      }
    ])

  static func make(
    _ name: String, _ params: [Signature.Parameter], doc: String, _ build: @escaping (VM, BoundArguments) throws -> any TuneScheduler
  ) -> NativeClass {
    NativeClass(
      name: name, module: "ray.tune.schedulers", doc: doc, base: base, subclassable: false,
      initializer: NativeFunction("__init__", Signature([.init("self")] + params)) { vm, a in
        guard case .instance(let i) = a["self"] else { throw vm.error("TypeError", "\(name).__init__ needs an instance") }
        i.native = Holder(try RayBridge.engine(vm) { try build(vm, a) })
        return .none
      })
  }

  static let metricMode: [Signature.Parameter] = [.init("metric", default: Value.none), .init("mode", default: Value.none)]

  static func metric(_ a: BoundArguments, _ vm: VM, _ fn: String) throws -> String? { try RayBridge.optionalString(a["metric"], vm, fn, "metric") }
  static func d(_ a: BoundArguments, _ vm: VM, _ fn: String, _ k: String) throws -> Double { try RayBridge.double(a[k], vm, fn, k) }

  static let fifo = make("FIFOScheduler", [], doc: "Runs trials in order and never stops them early (the default).") { _, _ in FIFOScheduler() }

  static let asha = make(
    "AsyncHyperBandScheduler",
    [.init("time_attr", default: .str("training_iteration"))] + metricMode + [
      .init("max_t", default: .int(100)), .init("grace_period", default: .int(1)), .init("reduction_factor", default: .int(4)),
      .init("brackets", default: .int(1)), .init("stop_last_trials", default: .bool(true)),
    ],
    doc: "ASHA: stops a trial at a rung (grace_period * reduction_factor**k) when it is below the top 1/reduction_factor of trials there."
  ) { vm, a in
    let fn = "AsyncHyperBandScheduler"
    return try AsyncHyperBandScheduler(
      timeAttr: try vm.str(a["time_attr"]), metric: try metric(a, vm, fn), mode: try RayBridge.mode(a["mode"], vm, fn),
      maxT: try d(a, vm, fn, "max_t"), gracePeriod: try d(a, vm, fn, "grace_period"), reductionFactor: try d(a, vm, fn, "reduction_factor"),
      brackets: try RayBridge.int(a["brackets"], vm, fn, "brackets"), stopLastTrials: try RayBridge.bool(a["stop_last_trials"], vm))
  }

  static let hyperband = make(
    "HyperBandScheduler",
    [.init("time_attr", default: .str("training_iteration"))] + metricMode + [
      .init("max_t", default: .int(81)), .init("reduction_factor", default: .int(3)), .init("stop_last_trials", default: .bool(true)),
    ],
    doc: "Synchronous HyperBand: pauses trials at each milestone and continues the best 1/reduction_factor of each bracket."
  ) { vm, a in
    let fn = "HyperBandScheduler"
    return try HyperBandScheduler(
      timeAttr: try vm.str(a["time_attr"]), metric: try metric(a, vm, fn), mode: try RayBridge.mode(a["mode"], vm, fn),
      maxT: try d(a, vm, fn, "max_t"), reductionFactor: try d(a, vm, fn, "reduction_factor"),
      stopLastTrials: try RayBridge.bool(a["stop_last_trials"], vm))
  }

  static let median = make(
    "MedianStoppingRule",
    [.init("time_attr", default: .str("time_total_s"))] + metricMode + [
      .init("grace_period", default: .float(60)), .init("min_samples_required", default: .int(3)),
      .init("min_time_slice", default: .int(0)), .init("hard_stop", default: .bool(true)),
    ],
    doc: "Stops a trial whose best result is worse than the median of the other trials' running means at the same time."
  ) { vm, a in
    let fn = "MedianStoppingRule"
    return try MedianStoppingRule(
      timeAttr: try vm.str(a["time_attr"]), metric: try metric(a, vm, fn), mode: try RayBridge.mode(a["mode"], vm, fn),
      gracePeriod: try d(a, vm, fn, "grace_period"), minSamplesRequired: try RayBridge.int(a["min_samples_required"], vm, fn, "min_samples_required"),
      minTimeSlice: try d(a, vm, fn, "min_time_slice"), hardStop: try RayBridge.bool(a["hard_stop"], vm))
  }

  static let pbt = make(
    "PopulationBasedTraining",
    [.init("time_attr", default: .str("time_total_s"))] + metricMode + [
      .init("perturbation_interval", default: .float(60)), .init("burn_in_period", default: .float(0)),
      .init("hyperparam_mutations", default: Value.none), .init("quantile_fraction", default: .float(0.25)),
      .init("resample_probability", default: .float(0.25)), .init("perturbation_factors", default: .tuple([.float(1.2), .float(0.8)])),
      .init("custom_explore_fn", default: Value.none), .init("log_config", default: .bool(true)), .init("require_attrs", default: .bool(true)),
      .init("synch", default: .bool(false)),
    ],
    doc: "PBT: every perturbation_interval a bottom-quantile trial clones a top-quantile trial's checkpoint and config, then perturbs the hyperparameters in hyperparam_mutations (lists, domains, functions, nested dicts)."
  ) { vm, a in
    let fn = "PopulationBasedTraining"
    var mutations: [(String, TuneMutation)] = []
    if !a["hyperparam_mutations"].isNone {
      guard case .dict = a["hyperparam_mutations"] else {
        throw vm.error("TypeError", "PopulationBasedTraining() argument 'hyperparam_mutations' must be a dict, not \(a["hyperparam_mutations"].typeName)")
      }
      mutations = try parseMutations(a["hyperparam_mutations"], vm)
    }
    guard let factors = a["perturbation_factors"].asArray, factors.count == 2 else {
      throw vm.error("ValueError", "PopulationBasedTraining() argument 'perturbation_factors' must be a pair of numbers such as (1.2, 0.8)")
    }
    var explore: (@Sendable (TuneValue) throws -> TuneValue)?
    if !a["custom_explore_fn"].isNone {
      let f = a["custom_explore_fn"]
      guard vm.isCallableObject(f) else { throw vm.error("TypeError", "PopulationBasedTraining() argument 'custom_explore_fn' must be callable") }
      let captured = UncheckedSendable((vm, f))
      explore = { config in
        let (vm, f) = captured.value
        do {
          return try RayState.onInterpreter(vm) { try RayBridge.toTune(try vm.callValue(f, [try RayBridge.toScript(config, vm)]), vm) }
        } catch {
          RayRun.recordControllerError(error, vm)
          throw error
        }
      }
    }
    return try PopulationBasedTraining(
      timeAttr: try vm.str(a["time_attr"]), metric: try metric(a, vm, fn), mode: try RayBridge.mode(a["mode"], vm, fn),
      perturbationInterval: try d(a, vm, fn, "perturbation_interval"), burnInPeriod: try d(a, vm, fn, "burn_in_period"),
      hyperparamMutations: mutations, quantileFraction: try d(a, vm, fn, "quantile_fraction"),
      resampleProbability: try d(a, vm, fn, "resample_probability"),
      perturbationFactors: (try RayBridge.double(factors[0], vm, fn, "perturbation_factors"), try RayBridge.double(factors[1], vm, fn, "perturbation_factors")),
      customExploreFn: explore, requireAttrs: try RayBridge.bool(a["require_attrs"], vm), synch: try RayBridge.bool(a["synch"], vm))
  }

  /// A `hyperparam_mutations` dict: lists, domains, callables of no arguments, nested dicts.
  static func parseMutations(_ v: Value, _ vm: VM) throws -> [(String, TuneMutation)] {
    try vm.dictItems(v).map { k, item in
      guard let key = k.asString else { throw vm.error("TypeError", "hyperparam_mutations keys must be strings, not \(k.typeName)") }
      switch item {
      case .list, .tuple:
        return (key, .values(try (item.asArray ?? []).map { try RayBridge.toTune($0, vm) }))
      case .dict:
        return (key, .nested(try parseMutations(item, vm)))
      default:
        if let d = TuneDomains.domain(of: item) { return (key, .domain(d)) }
        if vm.isCallableObject(item) {
          let captured = UncheckedSendable((vm, item))
          return (key, .function(TuneFunction { _ in
            let (vm, f) = captured.value
            do { return try RayState.onInterpreter(vm) { try RayBridge.toTune(try vm.callValue(f, []), vm) } } catch {
              RayRun.recordControllerError(error, vm)
              throw error
            }
          }))
        }
        throw vm.error(
          "TypeError", "PopulationBasedTraining: hyperparam_mutations['\(key)'] must be a list, tuple, dict, a tune search space object or a callable, not \(item.typeName)")
      }
    }
  }

  static var members: [(String, Value)] {
    [
      ("TrialScheduler", base.value), ("FIFOScheduler", fifo.value), ("AsyncHyperBandScheduler", asha.value),
      ("ASHAScheduler", asha.value), ("HyperBandScheduler", hyperband.value), ("MedianStoppingRule", median.value),
      ("PopulationBasedTraining", pbt.value),
    ]
  }
}

// MARK: - Search algorithms

/// `ray.tune.search`: BasicVariantGenerator, ConcurrencyLimiter and OptunaSearch.
enum TuneSearchers {
  final class Holder {
    let searcher: any TuneSearchAlgorithm
    init(_ s: any TuneSearchAlgorithm) { searcher = s }
  }

  static func searcher(_ v: Value) -> (any TuneSearchAlgorithm)? { NativeClass.payload(v, as: Holder.self)?.searcher }

  static let base = NativeClass(name: "Searcher", module: "ray.tune.search", doc: "Base class of Tune's search algorithms.", subclassable: false)

  static func make(
    _ name: String, module: String, _ params: [Signature.Parameter], doc: String,
    _ build: @escaping (VM, BoundArguments) throws -> any TuneSearchAlgorithm
  ) -> NativeClass {
    NativeClass(
      name: name, module: module, doc: doc, base: base, subclassable: false,
      initializer: NativeFunction("__init__", Signature([.init("self")] + params)) { vm, a in
        guard case .instance(let i) = a["self"] else { throw vm.error("TypeError", "\(name).__init__ needs an instance") }
        i.native = Holder(try RayBridge.engine(vm) { try build(vm, a) })
        return .none
      })
  }

  static func points(_ v: Value, _ vm: VM, _ fn: String) throws -> [TuneValue] {
    if v.isNone { return [] }
    guard let items = v.asArray else { throw vm.error("TypeError", "\(fn)() argument 'points_to_evaluate' must be a list of dicts") }
    return try items.map { try RayBridge.toTune($0, vm) }
  }

  static let basic = make(
    "BasicVariantGenerator", module: "ray.tune.search.basic_variant",
    [.init("points_to_evaluate", default: Value.none), .init("max_concurrent", default: .int(0)),
     .init("constant_grid_search", default: .bool(false)), .init("random_state", default: Value.none)],
    doc: "Random and grid search (the default): every grid_search combination num_samples times, domains sampled at random."
  ) { vm, a in
    let fn = "BasicVariantGenerator"
    return try BasicVariantGenerator(
      pointsToEvaluate: try points(a["points_to_evaluate"], vm, fn), maxConcurrent: try RayBridge.int(a["max_concurrent"], vm, fn, "max_concurrent"),
      constantGridSearch: try RayBridge.bool(a["constant_grid_search"], vm),
      randomState: try RayBridge.optionalInt(a["random_state"], vm, fn, "random_state"))
  }

  static let limiter = make(
    "ConcurrencyLimiter", module: "ray.tune.search",
    [.init("searcher"), .init("max_concurrent"), .init("batch", default: .bool(false))],
    doc: "Caps how many trials of searcher run at once."
  ) { vm, a in
    guard let inner = searcher(a["searcher"]) else {
      throw vm.error("TypeError", "ConcurrencyLimiter() argument 'searcher' must be a search algorithm such as OptunaSearch(), not \(a["searcher"].typeName)")
    }
    return try ConcurrencyLimiter(inner, maxConcurrent: try RayBridge.int(a["max_concurrent"], vm, "ConcurrencyLimiter", "max_concurrent"))
  }

  static let samplerNames = ["tpe", "random", "gp", "cmaes", "qmc"]

  /// A sampler argument: None (TPE), a name, or any object whose native payload is an engine sampler
  /// (the `optuna` module's sampler objects).
  static func sampler(_ v: Value, seed: Int?, _ vm: VM) throws -> any Sampler {
    if v.isNone { return try TPESampler(seed: seed) }
    if case .instance(let i) = v, let s = i.native as? any Sampler { return s }
    if case .instance(let i) = v, let box = i.native as? Box<any Sampler> { return box.value }  // optuna.samplers.*
    guard let name = v.asString?.lowercased() else {
      throw vm.error("TypeError", "OptunaSearch() argument 'sampler' must be an optuna sampler or one of \(samplerNames), not \(v.typeName)")
    }
    switch name.replacingOccurrences(of: "sampler", with: "") {
    case "tpe": return try TPESampler(seed: seed)
    case "random": return RandomSampler(seed: seed)
    case "gp": return try GPSampler(seed: seed)
    case "cmaes", "cma-es": return try CmaEsSampler(seed: seed)
    case "qmc": return try QMCSampler(seed: seed)
    default:
      throw vm.error("ValueError", "OptunaSearch() argument 'sampler': unknown sampler '\(name)'; use one of \(samplerNames) or an optuna sampler object")
    }
  }

  static let optuna = make(
    "OptunaSearch", module: "ray.tune.search.optuna",
    [.init("space", default: Value.none), .init("metric", default: Value.none), .init("mode", default: Value.none),
     .init("points_to_evaluate", default: Value.none), .init("sampler", default: Value.none), .init("seed", default: Value.none),
     .init("evaluated_rewards", default: Value.none)],
    doc: "Model-based search with an Optuna sampler (default TPE; also 'random', 'gp', 'cmaes', 'qmc' or an optuna sampler object) over the param_space domains."
  ) { vm, a in
    let fn = "OptunaSearch"
    if !a["space"].isNone {
      throw vm.error("ValueError", "OptunaSearch(space=...) is not supported in hps: put the domains in Tuner(param_space=...)")
    }
    if !a["points_to_evaluate"].isNone || !a["evaluated_rewards"].isNone {
      throw vm.error("ValueError", "OptunaSearch(points_to_evaluate=..., evaluated_rewards=...) is not supported in hps yet")
    }
    let seed = try RayBridge.optionalInt(a["seed"], vm, fn, "seed")
    return try OptunaSearch(
      sampler: try sampler(a["sampler"], seed: seed, vm), metric: try RayBridge.optionalString(a["metric"], vm, fn, "metric"),
      mode: try RayBridge.mode(a["mode"], vm, fn))
  }
}
