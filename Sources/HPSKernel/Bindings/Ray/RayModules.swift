// The script-visible `ray` package: `ray` (init/shutdown no-ops), `ray.tune`, `ray.train`,
// `ray.tune.schedulers`, `ray.tune.search` (+ `.optuna`, `.basic_variant`) and `ray.tune.error`.
// Submodules become attributes of their package when imported (Imports.swift), and
// `from ray import tune` imports `ray.tune` on demand.
import Foundation
import HPSScript
import HPSSearch

public enum RayModules {
  /// Makes `import ray` / `from ray import tune` work in `interpreter`.
  public static func register(on interpreter: Interpreter) {
    RayState.of(interpreter.vm).importFunction = interpreter[global: "__import__"]
    for m in [ray, tune, train, schedulers, search, optunaSearch, basicVariant, error] { interpreter.registerModule(m) }
  }

  static let ray = NativeModule("ray", doc: "Ray, reduced to what runs locally: ray.tune (hyperparameter search) and ray.train (RunConfig, Checkpoint, report).") { _ in
    [
      ("init", .object(NativeFunction("init", signature: "(address=None, **kwargs)", doc: "No-op: hps runs Tune trials in this process, there is no cluster to start.") { vm, _, _ in
        let state = RayState.of(vm)
        if !state.notedInit {
          vm.writeStderr("ray.init(): hps runs Tune in this process (trials take turns on its threads); there is no cluster to start.\n")
          state.notedInit = true
        }
        state.initialized = true
        return .none
      })),
      ("shutdown", .object(NativeFunction("shutdown", signature: "()", doc: "No-op (nothing was started).") { vm, _, _ in
        RayState.of(vm).initialized = false
        return .none
      })),
      ("is_initialized", .object(NativeFunction("is_initialized", signature: "()", doc: "True after ray.init() and before ray.shutdown().") { vm, _, _ in
        .bool(RayState.of(vm).initialized)
      })),
      ("__version__", .str("2.x (hps)")),
    ]
  }

  static let withParameters = NativeFunction(
    "with_parameters", Signature([.init("trainable")], kwargs: "kwargs"),
    doc: "A trainable that calls trainable(config, **kwargs): pass large objects (datasets) without putting them in the config."
  ) { vm, a in
    let fn = a["trainable"]
    guard vm.isCallableObject(fn) else { throw vm.error("TypeError", "with_parameters() argument 'trainable' must be callable") }
    let extra = a.kwargs
    return .object(NativeFunction("trainable_with_parameters", signature: "(config)", doc: "trainable(config, **kwargs)") { vm, args, _ in
      try vm.callValue(fn, args, extra)
    })
  }

  static let withResources = NativeFunction(
    "with_resources", Signature([.init("trainable"), .init("resources")]),
    doc: "Returns trainable unchanged: hps runs one trial at a time on this machine's threads and ignores resource requests."
  ) { _, a in a["trainable"] }

  static var trainMembers: [(String, Value)] {
    [
      ("RunConfig", TunerClasses.runConfig.value), ("Checkpoint", CheckpointClass.cls.value),
      ("report", .object(ScriptTrainable.report)), ("get_checkpoint", .object(ScriptTrainable.getCheckpoint)),
    ]
  }

  static let tune = NativeModule(
    "ray.tune",
    doc: "Ray Tune: domains (uniform, loguniform, randint, choice, grid_search, sample_from, ...), Tuner, TuneConfig, RunConfig, report, schedulers and search algorithms. See help(ray.tune.Tuner)."
  ) { vm in
    TuneDomains.functions() + trainMembers + [
      ("Tuner", TunerClasses.tuner.value), ("TuneConfig", TunerClasses.tuneConfig.value),
      ("ResultGrid", ResultGridClasses.gridClass.value), ("Result", ResultGridClasses.resultClass.value),
      ("with_parameters", .object(withParameters)), ("with_resources", .object(withResources)),
      ("TuneError", .type(TuneErrorClass.cls(vm))), ("TrialStopped", .type(ScriptTrainable.stopType(vm))), ("run", .object(LegacyRun.run)),
      ("ExperimentAnalysis", LegacyRun.analysisClass.value),
    ]
  }

  static let train = NativeModule("ray.train", doc: "Ray Train's shared pieces used by Tune: RunConfig, Checkpoint, report, get_checkpoint.") { _ in trainMembers }

  static let schedulers = NativeModule("ray.tune.schedulers", doc: "Trial schedulers: FIFOScheduler, ASHAScheduler, HyperBandScheduler, MedianStoppingRule, PopulationBasedTraining.") { _ in
    TuneSchedulers.members
  }

  static let search = NativeModule("ray.tune.search", doc: "Search algorithms: BasicVariantGenerator (default), ConcurrencyLimiter; OptunaSearch in ray.tune.search.optuna.") { _ in
    [
      ("Searcher", TuneSearchers.base.value), ("BasicVariantGenerator", TuneSearchers.basic.value),
      ("ConcurrencyLimiter", TuneSearchers.limiter.value),
    ]
  }

  static let optunaSearch = NativeModule("ray.tune.search.optuna", doc: "OptunaSearch: Optuna's samplers as a Tune search algorithm.") { _ in
    [("OptunaSearch", TuneSearchers.optuna.value)]
  }

  static let basicVariant = NativeModule("ray.tune.search.basic_variant", doc: "BasicVariantGenerator: random and grid search.") { _ in
    [("BasicVariantGenerator", TuneSearchers.basic.value)]
  }

  static let error = NativeModule("ray.tune.error", doc: "Tune's exception classes.") { vm in
    [("TuneError", .type(TuneErrorClass.cls(vm)))]
  }
}
