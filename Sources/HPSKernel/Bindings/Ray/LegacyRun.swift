// Ray 1.x's `tune.run(trainable, config=..., ...)` and its ExperimentAnalysis, still common in
// tutorials: the same run as `Tuner(...).fit()`, with tune.run's keyword names and its default
// `raise_on_failed_trial=True`.
import Foundation
import HPSScript
import HPSSearch

enum LegacyRun {
  static let run = NativeFunction(
    "run",
    Signature([
      .init("run_or_experiment"), .init("name", default: Value.none), .init("metric", default: Value.none),
      .init("mode", default: Value.none), .init("stop", default: Value.none), .init("time_budget_s", default: Value.none),
      .init("config", default: Value.none), .init("resources_per_trial", default: Value.none), .init("num_samples", default: .int(1)),
      .init("storage_path", default: Value.none), .init("search_alg", default: Value.none), .init("scheduler", default: Value.none),
      .init("max_concurrent_trials", default: Value.none), .init("verbose", default: .int(3)),
      .init("raise_on_failed_trial", default: .bool(true)),
    ], kwargs: "kwargs"),
    doc: "Ray 1.x's way to run an experiment: tune.run(trainable, config={...}, num_samples=..., metric=..., mode=..., scheduler=..., stop=...). Returns an ExperimentAnalysis; raises TuneError when a trial failed unless raise_on_failed_trial=False."
  ) { vm, a in
    guard vm.isCallableObject(a["run_or_experiment"]) else {
      throw vm.error("TypeError", "tune.run() argument 'run_or_experiment' must be a function taking the config dict, not \(a["run_or_experiment"].typeName)")
    }
    let tc: [String: Value] = [
      "metric": a["metric"], "mode": a["mode"], "time_budget_s": a["time_budget_s"], "num_samples": a["num_samples"],
      "search_alg": a["search_alg"], "scheduler": a["scheduler"], "max_concurrent_trials": a["max_concurrent_trials"],
    ]
    if !a["search_alg"].isNone, TuneSearchers.searcher(a["search_alg"]) == nil {
      throw vm.error("TypeError", "tune.run() argument 'search_alg' must be a search algorithm, not \(a["search_alg"].typeName)")
    }
    if !a["scheduler"].isNone, TuneSchedulers.scheduler(a["scheduler"]) == nil {
      throw vm.error("TypeError", "tune.run() argument 'scheduler' must be a scheduler, not \(a["scheduler"].typeName)")
    }
    let rc: [String: Value] = ["name": a["name"], "storage_path": a["storage_path"], "stop": a["stop"]]
    let grid = try TunerClasses.fit(["trainable": a["run_or_experiment"], "param_space": a["config"]], tuneConfig: tc, runConfig: rc, vm)
    let data = try ResultGridClasses.grid(grid, vm)
    if try vm.truthValue(a["raise_on_failed_trial"]), data.grid.numErrors > 0 {
      throw TuneErrorClass.raise("Trials did not complete: [\(data.grid.results.filter { $0.status == .error }.map(\.trialID).joined(separator: ", "))]", vm)
    }
    return try SpecClasses.instance(analysisClass, data, vm)
  }

  static func data(_ v: Value, _ vm: VM) throws -> ResultGridClasses.GridData { try ResultGridClasses.grid(v, vm) }

  static func best(_ a: BoundArguments, _ vm: VM) throws -> TuneResult {
    let g = try data(a["self"], vm)
    let metric = try RayBridge.optionalString(a["metric"], vm, "get_best_config", "metric")
    let mode = try RayBridge.mode(a["mode"], vm, "get_best_config")
    let scope = a["scope"].asString ?? "last"
    return try RayBridge.engine(vm) { try g.grid.getBestResult(metric: metric, mode: mode, scope: scope) }
  }

  static let bestParams: [Signature.Parameter] = [
    .init("self"), .init("metric", default: Value.none), .init("mode", default: Value.none), .init("scope", default: .str("last")),
  ]

  static let analysisClass = NativeClass(
    name: "ExperimentAnalysis", module: "ray.tune",
    doc: "What tune.run returns: best_config, best_result, best_trial, trials, results_df, get_best_config(metric, mode, scope), get_best_trial(...).",
    subclassable: false,
    methods: [
      NativeFunction("get_best_config", Signature(bestParams), doc: "The config of the best trial by metric/mode (default: tune.run's).") { vm, a in
        try RayBridge.toScript(try best(a, vm).config, vm)
      },
      NativeFunction("get_best_trial", Signature(bestParams), doc: "The best trial as a Result.") { vm, a in
        try ResultGridClasses.makeResult(try best(a, vm), try data(a["self"], vm).run, vm)
      },
      NativeFunction("dataframe", Signature([.init("self"), .init("metric", default: Value.none), .init("mode", default: Value.none)]),
        doc: "One row dict per trial (its best row by metric/mode when given).") { vm, a in
        let g = try data(a["self"], vm)
        let metric = try RayBridge.optionalString(a["metric"], vm, "dataframe", "metric")
        let mode = try RayBridge.mode(a["mode"], vm, "dataframe")
        return try ResultGridClasses.rows(try RayBridge.engine(vm) { try g.grid.getDataframe(filterMetric: metric, filterMode: mode) }, vm)
      },
      NativeFunction("__repr__", Signature([.init("self")])) { vm, a in
        .str(RayState.of(vm).describe(try data(a["self"], vm).grid.description, vm))
      },
    ],
    properties: [
      NativeProperty("best_config", doc: "The best trial's config (tune.run's metric and mode).") { vm, i in
        let g = try data(.instance(i), vm)
        return try RayBridge.toScript(try RayBridge.engine(vm) { try g.grid.getBestResult() }.config, vm)
      },
      NativeProperty("best_result", doc: "The best trial's last result.") { vm, i in
        let g = try data(.instance(i), vm)
        return try RayBridge.toScript(try RayBridge.engine(vm) { try g.grid.getBestResult() }.metrics, vm)
      },
      NativeProperty("best_trial", doc: "The best trial as a Result.") { vm, i in
        let g = try data(.instance(i), vm)
        return try ResultGridClasses.makeResult(try RayBridge.engine(vm) { try g.grid.getBestResult() }, g.run, vm)
      },
      NativeProperty("trials", doc: "Every trial as a Result.") { vm, i in
        let g = try data(.instance(i), vm)
        return Value(try g.grid.results.map { try ResultGridClasses.makeResult($0, g.run, vm) })
      },
      NativeProperty("results_df", doc: "One row dict per trial: its last result with config/<name> columns.") { vm, i in
        let g = try data(.instance(i), vm)
        return try ResultGridClasses.rows(try RayBridge.engine(vm) { try g.grid.getDataframe() }, vm)
      },
    ]
  )
}
