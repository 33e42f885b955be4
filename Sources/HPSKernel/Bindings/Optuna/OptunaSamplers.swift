// optuna.samplers: the engine's samplers with Optuna's constructor keywords and defaults.
import HPSScript
import HPSSearch

enum OptunaSamplers: OptunaDeclarations {
  static let module = "optuna.samplers"

  static let baseClass = NativeClass(
    name: "BaseSampler", module: module,
    doc: "Base class of the samplers. A sampler proposes parameter values for each trial from the study's history.",
    subclassable: false, initializer: OptunaNative.notConstructible("BaseSampler", use: "one of the optuna.samplers classes"),
    methods: [
      OptunaNative.repr("BaseSampler") { (_: VM, s: Box<any Sampler>) in "\(type(of: s.value))()" },
      OptunaNative.method("BaseSampler", "reseed_rng", doc: "Reseed the sampler's random number generator from system entropy.") { (_: VM, s: Box<any Sampler>, _: BoundArguments) in
        s.value.reseedRng()
        return .none
      },
    ])

  private static func sampler(
    _ name: String, _ parameters: [Signature.Parameter], doc: String, _ make: @escaping (VM, BoundArguments) throws -> any Sampler
  ) -> NativeClass {
    NativeClass(
      name: name, module: module, doc: doc, base: baseClass, subclassable: false,
      initializer: OptunaNative.initializer(name, parameters) { vm, b in Box<any Sampler>(try make(vm, b)) })
  }

  /// Refuses an Optuna keyword the engine does not implement when it differs from its default.
  private static func unsupported(_ b: BoundArguments, _ name: String, _ cls: String, isDefault: (Value) -> Bool) throws {
    if !isDefault(b[name]) {
      throw OptunaErrors.valueError("\(cls)(\(name)=...) is not supported by hps; leave it at its default.")
    }
  }

  static let randomClass = sampler(
    "RandomSampler", [p("seed", Value.none)], doc: "Samples every parameter independently and uniformly (log-uniformly for log=True)."
  ) { _, b in RandomSampler(seed: try OptunaValues.optionalInt(b["seed"], "RandomSampler", "seed")) }

  static let gridClass = sampler(
    "GridSampler", [p("search_space"), p("seed", Value.none)],
    doc: """
      Tries every combination of `search_space` ({name: [values...]}) in a random order; the study
      stops by itself once the grid is exhausted.
      """
  ) { vm, b in
    var space: [String: [ParamValue]] = [:]
    for (name, values) in try OptunaValues.stringKeyed(vm, b["search_space"], "GridSampler", "search_space") {
      space[name] = try OptunaValues.sequence(vm, values, "GridSampler", "search_space['\(name)']").map {
        try OptunaValues.param($0, "GridSampler search_space['\(name)']")
      }
    }
    return GridSampler(searchSpace: space, seed: try OptunaValues.optionalInt(b["seed"], "GridSampler", "seed"))
  }

  static let tpeClass = sampler(
    "TPESampler",
    [p("consider_prior", true), p("prior_weight", 1.0), p("consider_magic_clip", true), p("consider_endpoints", false),
     p("n_startup_trials", 10), p("n_ei_candidates", 24), p("gamma", Value.none), p("weights", Value.none),
     p("seed", Value.none), p("multivariate", Value.none, keywordOnly: true), p("group", false, keywordOnly: true),
     p("warn_independent_sampling", true, keywordOnly: true), p("constant_liar", true, keywordOnly: true),
     p("constraints_func", Value.none, keywordOnly: true)],
    doc: """
      Tree-structured Parzen Estimator: after n_startup_trials random trials, models good and bad
      trials with Parzen estimators and picks the candidate maximizing their ratio.
      multivariate=None uses the engine's default (Optuna 5: multivariate); constant_liar helps
      parallel runs.
      """
  ) { vm, b in
    let f = "TPESampler"
    for name in ["gamma", "weights", "constraints_func"] { try unsupported(b, name, f) { $0.isNone } }
    return try TPESampler(
      seed: try OptunaValues.optionalInt(b["seed"], f, "seed"),
      nStartupTrials: try OptunaValues.int(b["n_startup_trials"], f, "n_startup_trials"),
      nEICandidates: try OptunaValues.int(b["n_ei_candidates"], f, "n_ei_candidates"),
      multivariate: b["multivariate"].isNone ? nil : try vm.isTrue(b["multivariate"]),
      group: try vm.isTrue(b["group"]), constantLiar: try vm.isTrue(b["constant_liar"]),
      priorWeight: try vm.isTrue(b["consider_prior"]) ? try OptunaValues.double(b["prior_weight"], f, "prior_weight") : 0,
      considerMagicClip: try vm.isTrue(b["consider_magic_clip"]),
      considerEndpoints: try vm.isTrue(b["consider_endpoints"]))
  }

  static let gpClass = sampler(
    "GPSampler", [p("seed", Value.none, keywordOnly: true), p("n_startup_trials", 10, keywordOnly: true),
                  p("deterministic_objective", false, keywordOnly: true)],
    doc: "Gaussian-process Bayesian optimization (Matern 5/2 kernel, log expected improvement) for continuous spaces."
  ) { vm, b in
    try GPSampler(
      seed: try OptunaValues.optionalInt(b["seed"], "GPSampler", "seed"),
      nStartupTrials: try OptunaValues.int(b["n_startup_trials"], "GPSampler", "n_startup_trials"),
      deterministicObjective: try vm.isTrue(b["deterministic_objective"]))
  }

  static let cmaEsClass = sampler(
    "CmaEsSampler",
    [p("x0", Value.none), p("sigma0", Value.none), p("n_startup_trials", 1), p("independent_sampler", Value.none),
     p("warn_independent_sampling", true), p("seed", Value.none), p("consider_pruned_trials", false, keywordOnly: true),
     p("restart_strategy", Value.none, keywordOnly: true), p("popsize", Value.none, keywordOnly: true),
     p("inc_popsize", 2, keywordOnly: true)],
    doc: "CMA-ES evolution strategy over the numeric parameters (restart_strategy 'ipop' or 'bipop')."
  ) { vm, b in
    let f = "CmaEsSampler"
    try unsupported(b, "independent_sampler", f) { $0.isNone }
    try unsupported(b, "consider_pruned_trials", f) { $0.asBool != true }
    var x0: [String: Double]?
    if !b["x0"].isNone {
      x0 = [:]
      for (k, v) in try OptunaValues.stringKeyed(vm, b["x0"], f, "x0") { x0?[k] = try OptunaValues.double(v, f, "x0['\(k)']") }
    }
    return try CmaEsSampler(
      x0: x0, sigma0: try OptunaValues.optionalDouble(b["sigma0"], f, "sigma0"),
      nStartupTrials: try OptunaValues.int(b["n_startup_trials"], f, "n_startup_trials"),
      seed: try OptunaValues.optionalInt(b["seed"], f, "seed"),
      popsize: try OptunaValues.optionalInt(b["popsize"], f, "popsize"),
      restartStrategy: try OptunaValues.optionalString(b["restart_strategy"], f, "restart_strategy"),
      incPopsize: try OptunaValues.int(b["inc_popsize"], f, "inc_popsize"))
  }

  static let nsgaIIClass = sampler(
    "NSGAIISampler",
    [p("population_size", 50, keywordOnly: true), p("mutation_prob", Value.none, keywordOnly: true),
     p("crossover_prob", 0.9, keywordOnly: true), p("swapping_prob", 0.5, keywordOnly: true),
     p("seed", Value.none, keywordOnly: true), p("constraints_func", Value.none, keywordOnly: true)],
    doc: "NSGA-II genetic algorithm for multi-objective studies (non-dominated sorting, crowding distance)."
  ) { _, b in
    let f = "NSGAIISampler"
    try unsupported(b, "constraints_func", f) { $0.isNone }
    return try NSGAIISampler(
      populationSize: try OptunaValues.int(b["population_size"], f, "population_size"),
      mutationProb: try OptunaValues.optionalDouble(b["mutation_prob"], f, "mutation_prob"),
      crossoverProb: try OptunaValues.double(b["crossover_prob"], f, "crossover_prob"),
      swappingProb: try OptunaValues.double(b["swapping_prob"], f, "swapping_prob"),
      seed: try OptunaValues.optionalInt(b["seed"], f, "seed"))
  }

  static let qmcClass = sampler(
    "QMCSampler",
    [p("qmc_type", "sobol", keywordOnly: true), p("scramble", false, keywordOnly: true), p("seed", Value.none, keywordOnly: true),
     p("independent_sampler", Value.none, keywordOnly: true), p("warn_asynchronous_seeding", true, keywordOnly: true),
     p("warn_independent_sampling", true, keywordOnly: true)],
    doc: "Quasi-Monte Carlo sampling ('sobol' or 'halton' sequences), spreading trials evenly over the space."
  ) { vm, b in
    let f = "QMCSampler"
    try unsupported(b, "independent_sampler", f) { $0.isNone }
    return try QMCSampler(
      qmcType: try OptunaValues.string(b["qmc_type"], f, "qmc_type"), scramble: try vm.isTrue(b["scramble"]),
      seed: try OptunaValues.optionalInt(b["seed"], f, "seed"))
  }

  static let partialFixedClass = sampler(
    "PartialFixedSampler", [p("fixed_params"), p("base_sampler")],
    doc: "Fixes the parameters in `fixed_params` ({name: value}) and lets `base_sampler` choose the others."
  ) { vm, b in
    let f = "PartialFixedSampler"
    var fixed: [String: ParamValue] = [:]
    for (k, v) in try OptunaValues.stringKeyed(vm, b["fixed_params"], f, "fixed_params") {
      fixed[k] = try OptunaValues.param(v, "\(f) fixed_params['\(k)']")
    }
    guard let base = try OptunaBridge.sampler(from: b["base_sampler"], argument: "base_sampler") else {
      throw OptunaErrors.typeError("PartialFixedSampler() argument 'base_sampler' must be a sampler, not None")
    }
    return PartialFixedSampler(fixedParams: fixed, base: base)
  }

  static func members() -> [(String, Value)] {
    [("BaseSampler", baseClass.value), ("RandomSampler", randomClass.value), ("GridSampler", gridClass.value),
     ("TPESampler", tpeClass.value), ("GPSampler", gpClass.value), ("CmaEsSampler", cmaEsClass.value),
     ("NSGAIISampler", nsgaIIClass.value), ("QMCSampler", qmcClass.value), ("PartialFixedSampler", partialFixedClass.value)]
  }
}
