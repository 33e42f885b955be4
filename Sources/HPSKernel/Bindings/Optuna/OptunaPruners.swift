// optuna.pruners: the engine's pruners with Optuna's constructor keywords and defaults.
import HPSScript
import HPSSearch

enum OptunaPruners: OptunaDeclarations {
  static let module = "optuna.pruners"

  static let baseClass = NativeClass(
    name: "BasePruner", module: module,
    doc: "Base class of the pruners. A pruner decides from reported intermediate values whether a trial should stop.",
    subclassable: false, initializer: OptunaNative.notConstructible("BasePruner", use: "one of the optuna.pruners classes"),
    methods: [OptunaNative.repr("BasePruner") { (_: VM, b: Box<any Pruner>) in "\(type(of: b.value))()" }])

  private static func pruner(
    _ name: String, _ parameters: [Signature.Parameter], doc: String, _ make: @escaping (VM, BoundArguments) throws -> any Pruner
  ) -> NativeClass {
    NativeClass(
      name: name, module: module, doc: doc, base: baseClass, subclassable: false,
      initializer: OptunaNative.initializer(name, parameters) { vm, b in Box<any Pruner>(try make(vm, b)) })
  }

  static let nopClass = pruner("NopPruner", [], doc: "Never prunes.") { _, _ in NopPruner() }

  static let medianClass = pruner(
    "MedianPruner",
    [p("n_startup_trials", 5), p("n_warmup_steps", 0), p("interval_steps", 1), p("n_min_trials", 1, keywordOnly: true)],
    doc: "Prunes a trial whose best intermediate value is worse than the median of earlier trials at the same step."
  ) { _, b in
    let f = "MedianPruner"
    return try MedianPruner(
      nStartupTrials: try OptunaValues.int(b["n_startup_trials"], f, "n_startup_trials"),
      nWarmupSteps: try OptunaValues.int(b["n_warmup_steps"], f, "n_warmup_steps"),
      intervalSteps: try OptunaValues.int(b["interval_steps"], f, "interval_steps"),
      nMinTrials: try OptunaValues.int(b["n_min_trials"], f, "n_min_trials"))
  }

  static let percentileClass = pruner(
    "PercentilePruner",
    [p("percentile"), p("n_startup_trials", 5), p("n_warmup_steps", 0), p("interval_steps", 1),
     p("n_min_trials", 1, keywordOnly: true)],
    doc: "Prunes a trial whose best intermediate value is outside the given percentile of earlier trials at the same step."
  ) { _, b in
    let f = "PercentilePruner"
    return try PercentilePruner(
      percentile: try OptunaValues.double(b["percentile"], f, "percentile"),
      nStartupTrials: try OptunaValues.int(b["n_startup_trials"], f, "n_startup_trials"),
      nWarmupSteps: try OptunaValues.int(b["n_warmup_steps"], f, "n_warmup_steps"),
      intervalSteps: try OptunaValues.int(b["interval_steps"], f, "interval_steps"),
      nMinTrials: try OptunaValues.int(b["n_min_trials"], f, "n_min_trials"))
  }

  static let successiveHalvingClass = pruner(
    "SuccessiveHalvingPruner",
    [p("min_resource", "auto"), p("reduction_factor", 4), p("min_early_stopping_rate", 0), p("bootstrap_count", 0)],
    doc: "Asynchronous successive halving: at each rung keeps the top 1/reduction_factor of trials."
  ) { _, b in
    let f = "SuccessiveHalvingPruner"
    let minResource: SuccessiveHalvingPruner.MinResource
    if b["min_resource"].asString == "auto" {
      minResource = .auto
    } else {
      minResource = .steps(try OptunaValues.int(b["min_resource"], f, "min_resource"))
    }
    return try SuccessiveHalvingPruner(
      minResource: minResource, reductionFactor: try OptunaValues.int(b["reduction_factor"], f, "reduction_factor"),
      minEarlyStoppingRate: try OptunaValues.int(b["min_early_stopping_rate"], f, "min_early_stopping_rate"),
      bootstrapCount: try OptunaValues.int(b["bootstrap_count"], f, "bootstrap_count"))
  }

  static let hyperbandClass = pruner(
    "HyperbandPruner", [p("min_resource", 1), p("max_resource", "auto"), p("reduction_factor", 3), p("bootstrap_count", 0)],
    doc: "Hyperband: several successive-halving brackets with different budgets; each trial is assigned to one bracket."
  ) { _, b in
    let f = "HyperbandPruner"
    let maxResource: HyperbandPruner.MaxResource
    if b["max_resource"].asString == "auto" {
      maxResource = .auto
    } else {
      maxResource = .steps(try OptunaValues.int(b["max_resource"], f, "max_resource"))
    }
    return try HyperbandPruner(
      minResource: try OptunaValues.int(b["min_resource"], f, "min_resource"), maxResource: maxResource,
      reductionFactor: try OptunaValues.int(b["reduction_factor"], f, "reduction_factor"),
      bootstrapCount: try OptunaValues.int(b["bootstrap_count"], f, "bootstrap_count"))
  }

  static let thresholdClass = pruner(
    "ThresholdPruner", [p("lower", Value.none), p("upper", Value.none), p("n_warmup_steps", 0), p("interval_steps", 1)],
    doc: "Prunes a trial whose intermediate value falls below `lower` or rises above `upper` (or is NaN)."
  ) { _, b in
    let f = "ThresholdPruner"
    return try ThresholdPruner(
      lower: try OptunaValues.optionalDouble(b["lower"], f, "lower"), upper: try OptunaValues.optionalDouble(b["upper"], f, "upper"),
      nWarmupSteps: try OptunaValues.int(b["n_warmup_steps"], f, "n_warmup_steps"),
      intervalSteps: try OptunaValues.int(b["interval_steps"], f, "interval_steps"))
  }

  static let patientClass = pruner(
    "PatientPruner", [p("wrapped_pruner"), p("patience"), p("min_delta", 0.0)],
    doc: "Waits `patience` steps without improvement (by more than min_delta) before asking `wrapped_pruner` (or pruning if None)."
  ) { _, b in
    let f = "PatientPruner"
    return try PatientPruner(
      wrapped: try OptunaBridge.pruner(from: b["wrapped_pruner"], argument: "wrapped_pruner"),
      patience: try OptunaValues.int(b["patience"], f, "patience"),
      minDelta: try OptunaValues.double(b["min_delta"], f, "min_delta"))
  }

  static func members() -> [(String, Value)] {
    [("BasePruner", baseClass.value), ("NopPruner", nopClass.value), ("MedianPruner", medianClass.value),
     ("PercentilePruner", percentileClass.value), ("SuccessiveHalvingPruner", successiveHalvingClass.value),
     ("HyperbandPruner", hyperbandClass.value), ("ThresholdPruner", thresholdClass.value), ("PatientPruner", patientClass.value)]
  }
}
