// `tune.Tuner`, `tune.TuneConfig` and `tune.RunConfig` (also `ray.train.RunConfig`): the script
// side keeps the arguments; `fit()` builds the engine's Tuner, runs it and wraps its ResultGrid.
import Foundation
import HPSScript
import HPSSearch

enum TunerClasses {
  /// Keyword arguments kept as script values, readable as attributes.
  final class Fields {
    var values: [String: Value]
    init(_ values: [String: Value]) { self.values = values }
  }

  static func fields(_ v: Value) -> [String: Value]? { NativeClass.payload(v, as: Fields.self)?.values }

  static func holderClass(_ name: String, module: String, doc: String, _ params: [Signature.Parameter], validate: @escaping (VM, BoundArguments) throws -> Void) -> NativeClass {
    NativeClass(
      name: name, module: module, doc: doc, subclassable: false,
      initializer: NativeFunction("__init__", Signature([.init("self")] + params)) { vm, a in
        guard case .instance(let i) = a["self"] else { throw vm.error("TypeError", "\(name).__init__ needs an instance") }
        try validate(vm, a)
        var values: [String: Value] = [:]
        for p in params { values[p.name] = a[p.name] }
        i.native = Fields(values)
        return .none
      },
      methods: [
        NativeFunction("__repr__", Signature([.init("self")])) { vm, a in
          guard let f = fields(a["self"]) else { return .str("\(name)()") }
          let shown = try params.compactMap { p -> String? in
            guard let v = f[p.name], !v.isNone else { return nil }
            return "\(p.name)=\(try vm.repr(v))"
          }
          return .str("\(name)(\(shown.joined(separator: ", ")))")
        }
      ],
      properties: params.map { p in
        NativeProperty(p.name) { _, i in (i.native as? Fields)?.values[p.name] ?? .none }
      })
  }

  static let tuneConfig = holderClass(
    "TuneConfig", module: "ray.tune",
    doc: "How to search: metric, mode ('min'/'max'), search_alg, scheduler, num_samples (-1: until time_budget_s), max_concurrent_trials, time_budget_s; seed (hps) seeds the default search.",
    [
      .init("metric", default: Value.none), .init("mode", default: Value.none), .init("search_alg", default: Value.none),
      .init("scheduler", default: Value.none), .init("num_samples", default: .int(1)), .init("max_concurrent_trials", default: Value.none),
      .init("time_budget_s", default: Value.none), .init("reuse_actors", default: .bool(false)), .init("trial_name_creator", default: Value.none),
      .init("trial_dirname_creator", default: Value.none), .init("seed", default: Value.none),
    ]
  ) { vm, a in
    let fn = "TuneConfig"
    _ = try RayBridge.optionalString(a["metric"], vm, fn, "metric")
    _ = try RayBridge.mode(a["mode"], vm, fn)
    if !a["search_alg"].isNone, TuneSearchers.searcher(a["search_alg"]) == nil {
      throw vm.error("TypeError", "TuneConfig() argument 'search_alg' must be a search algorithm (OptunaSearch(), BasicVariantGenerator(), ConcurrencyLimiter(...)), not \(a["search_alg"].typeName)")
    }
    if !a["scheduler"].isNone, TuneSchedulers.scheduler(a["scheduler"]) == nil {
      throw vm.error("TypeError", "TuneConfig() argument 'scheduler' must be a scheduler (ASHAScheduler(), PopulationBasedTraining(...), ...), not \(a["scheduler"].typeName)")
    }
    _ = try RayBridge.int(a["num_samples"], vm, fn, "num_samples")
    _ = try RayBridge.optionalInt(a["max_concurrent_trials"], vm, fn, "max_concurrent_trials")
    if let t = try RayBridge.optionalDouble(a["time_budget_s"], vm, fn, "time_budget_s"), !(t > 0) {
      throw vm.error("ValueError", "TuneConfig() argument 'time_budget_s' must be > 0 (got \(t))")
    }
    _ = try RayBridge.optionalInt(a["seed"], vm, fn, "seed")
  }

  static let runConfig = holderClass(
    "RunConfig", module: "ray.tune",
    doc: "Where and how long: name (the study name), storage_path (a directory or .db file: trials recorded in SQLite), stop (a dict {'training_iteration': 10} or a function (trial_id, result) -> bool). Other Ray fields are accepted and ignored.",
    [
      .init("name", default: Value.none), .init("storage_path", default: Value.none), .init("stop", default: Value.none),
      .init("verbose", default: Value.none), .init("callbacks", default: Value.none), .init("checkpoint_config", default: Value.none),
      .init("failure_config", default: Value.none), .init("sync_config", default: Value.none), .init("log_to_file", default: .bool(false)),
      .init("storage_filesystem", default: Value.none), .init("progress_reporter", default: Value.none),
    ]
  ) { vm, a in
    _ = try RayBridge.optionalString(a["name"], vm, "RunConfig", "name")
    _ = try RayBridge.optionalString(a["storage_path"], vm, "RunConfig", "storage_path")
    let stop = a["stop"]
    if !stop.isNone, !vm.isCallableObject(stop) {
      guard case .dict = stop else { throw vm.error("TypeError", "RunConfig() argument 'stop' must be a dict or a function (trial_id, result) -> bool, not \(stop.typeName)") }
      for (k, v) in try vm.dictItems(stop) where v.asDouble == nil || v.asBool != nil {
        throw vm.error("TypeError", "RunConfig() stop[\(try vm.repr(k))] must be a number, not \(v.typeName)")
      }
    }
  }

  // MARK: - Tuner

  static let tuner = NativeClass(
    name: "Tuner", module: "ray.tune",
    doc: "Tuner(trainable, param_space={...}, tune_config=TuneConfig(...), run_config=RunConfig(...)). trainable(config) reports with tune.report({...}) each iteration or returns a dict of final metrics; fit() runs every trial and returns a ResultGrid.",
    subclassable: false,
    initializer: NativeFunction(
      "__init__",
      Signature([
        .init("self"), .init("trainable", default: Value.none), .init("param_space", default: Value.none, keywordOnly: true),
        .init("tune_config", default: Value.none, keywordOnly: true), .init("run_config", default: Value.none, keywordOnly: true),
      ])
    ) { vm, a in
      guard case .instance(let i) = a["self"] else { throw vm.error("TypeError", "Tuner.__init__ needs an instance") }
      guard vm.isCallableObject(a["trainable"]) else {
        throw vm.error("TypeError", "Tuner() argument 'trainable' must be a function taking the config dict, not \(a["trainable"].typeName)")
      }
      if !a["param_space"].isNone, case .dict = a["param_space"] {} else if !a["param_space"].isNone {
        throw vm.error("TypeError", "Tuner() argument 'param_space' must be a dict, not \(a["param_space"].typeName)")
      }
      if !a["tune_config"].isNone, NativeClass.payload(a["tune_config"], as: Fields.self) == nil || !isInstance(a["tune_config"], tuneConfig) {
        throw vm.error("TypeError", "Tuner() argument 'tune_config' must be a tune.TuneConfig, not \(a["tune_config"].typeName)")
      }
      if !a["run_config"].isNone, !isInstance(a["run_config"], runConfig) {
        throw vm.error("TypeError", "Tuner() argument 'run_config' must be a tune.RunConfig, not \(a["run_config"].typeName)")
      }
      i.native = Fields(["trainable": a["trainable"], "param_space": a["param_space"], "tune_config": a["tune_config"], "run_config": a["run_config"]])
      return .none
    },
    methods: [
      NativeFunction("fit", Signature([.init("self")]), doc: "Runs the experiment and returns a ResultGrid. Ctrl-C stops it and returns the trials so far.") { vm, a in
        guard let holder = NativeClass.payload(a["self"], as: Fields.self) else { throw vm.error("TypeError", "fit() needs a Tuner") }
        let results = try fit(holder.values, vm)
        holder.values["results"] = results
        return results
      },
      NativeFunction("get_results", Signature([.init("self")]), doc: "The ResultGrid of the last fit().") { vm, a in
        guard let f = fields(a["self"]), let r = f["results"] else { throw vm.error("RuntimeError", "get_results(): call fit() first") }
        return r
      },
    ],
    classMethods: [
      NativeFunction("restore", Signature([.init("cls"), .init("path")], kwargs: "kwargs"), doc: "Not supported in hps (trials live in the study storage).") { vm, _ in
        throw vm.error("NotImplementedError", "Tuner.restore() is not supported in hps; a RunConfig(storage_path=...) study keeps every trial for analysis")
      }
    ])

  static func isInstance(_ v: Value, _ cls: NativeClass) -> Bool {
    if case .instance(let i) = v { return i.cls.isSubtype(of: cls.type) }
    return false
  }

  static func storage(_ path: String, name: String?, _ vm: VM) throws -> any Storage {
    let lower = path.lowercased()
    let file: String
    if lower.hasSuffix(".db") || lower.hasSuffix(".sqlite") || lower.hasSuffix(".sqlite3") {
      file = path
    } else {
      try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      file = path + "/" + (name ?? "tune") + ".db"
    }
    return try RayBridge.engine(vm) { try SQLiteStorage(path: file) }
  }

  static func fit(_ f: [String: Value], _ vm: VM) throws -> Value {
    try fit(f, tuneConfig: fields(f["tune_config"] ?? .none) ?? [:], runConfig: fields(f["run_config"] ?? .none) ?? [:], vm)
  }

  /// Runs a Tuner from the arguments of Tuner/TuneConfig/RunConfig (also used by `tune.run`).
  static func fit(_ f: [String: Value], tuneConfig tc: [String: Value], runConfig rc: [String: Value], _ vm: VM) throws -> Value {
    let run = RayRun(vm: vm)
    let state = RayState.of(vm)
    let previous = state.currentRun
    state.currentRun = run
    defer { state.currentRun = previous }
    func v(_ d: [String: Value], _ k: String) -> Value { d[k] ?? .none }
    var tuneConfig = TuneConfig(
      metric: try RayBridge.optionalString(v(tc, "metric"), vm, "TuneConfig", "metric"), mode: try RayBridge.mode(v(tc, "mode"), vm, "TuneConfig"),
      searchAlg: TuneSearchers.searcher(v(tc, "search_alg")), scheduler: TuneSchedulers.scheduler(v(tc, "scheduler")),
      numSamples: try tc["num_samples"].map { try RayBridge.int($0, vm, "TuneConfig", "num_samples") } ?? 1,
      maxConcurrentTrials: try RayBridge.optionalInt(v(tc, "max_concurrent_trials"), vm, "TuneConfig", "max_concurrent_trials"),
      timeBudgetS: try RayBridge.optionalDouble(v(tc, "time_budget_s"), vm, "TuneConfig", "time_budget_s"),
      seed: try RayBridge.optionalInt(v(tc, "seed"), vm, "TuneConfig", "seed"))
    if tuneConfig.maxConcurrentTrials == 0 { tuneConfig.maxConcurrentTrials = nil }
    let name = try RayBridge.optionalString(v(rc, "name"), vm, "RunConfig", "name")
    var runConfig = TuneRunConfig(name: name)
    if let path = try RayBridge.optionalString(v(rc, "storage_path"), vm, "RunConfig", "storage_path") {
      let store = try storage(path, name: name, vm)
      runConfig.storage = store
      // Running the same experiment again: Ray adds to the experiment directory; hps keeps each
      // run as its own study, numbered.
      if let name, let existing = try? store.allStudyNames(), existing.contains(name) {
        var n = 2
        while existing.contains("\(name)-\(n)") { n += 1 }
        runConfig.name = "\(name)-\(n)"
        vm.writeStderr("RunConfig: a study named '\(name)' already exists in \(path); recording this run as '\(name)-\(n)'.\n")
      }
    }
    let stop = v(rc, "stop")
    if vm.isCallableObject(stop) {
      let captured = UncheckedSendable((vm, stop))
      runConfig.stopper = { trialID, result in
        let (vm, stop) = captured.value
        do {
          return try vm.truthValue(try vm.callValue(stop, [.str(trialID), try RayBridge.toScript(result, vm)]))
        } catch {
          RayRun.recordControllerError(error, vm)
          run.interrupted = true  // a broken stopper ends the run; fit() raises its error
          return true
        }
      }
    } else if case .dict = stop {
      for (k, value) in try vm.dictItems(stop) { runConfig.stop[try vm.str(k)] = value.asDouble ?? 0 }
    }
    runConfig.trialStackSize = 512 << 20  // script recursion up to the recursion limit, as on the interpreter thread
    // A script trainable runs script code between its reports, and the interpreter runs one piece
    // of script at a time: trials take turns (reproducible too). Parallel execution would only
    // queue them behind each other (docs/ray-module.md).
    runConfig.execution = .turns
    runConfig.shouldStop = { run.shouldStop() }
    let paramSpace = try RayBridge.toTune(f["param_space"].flatMap { $0.isNone ? nil : $0 } ?? (try vm.makeDict([])), vm)
    let tuner = Tuner(
      trainable: ScriptTrainable.make(f["trainable"] ?? .none, run: run), paramSpace: paramSpace, tuneConfig: tuneConfig,
      runConfig: runConfig)
    run.metric = tuneConfig.metric ?? tuneConfig.scheduler?.metric ?? tuneConfig.searchAlg.flatMap { ($0 as? OptunaSearch)?.metric }
    run.mode = tuneConfig.mode ?? tuneConfig.scheduler?.mode ?? tuneConfig.searchAlg.flatMap { ($0 as? OptunaSearch)?.mode }
    if v(rc, "verbose").asInt != 0 {
      var total: Int? = tuneConfig.numSamples == -1 ? nil : tuneConfig.numSamples
      if tuneConfig.searchAlg == nil || tuneConfig.searchAlg is BasicVariantGenerator {
        total = try? BasicVariantGenerator(maxConcurrent: 0).totalVariants(paramSpace: paramSpace, numSamples: tuneConfig.numSamples)
      }
      run.progress = ProgressDisplay(
        router: DisplayRouter.router(for: vm), total: total, description: "Tune trials", write: { [unowned vm] in vm.writeStdout($0) },
        flush: { [unowned vm] in vm.flushStdout() })
    }
    defer { run.progress?.close() }
    let grid: ResultGrid
    do {
      grid = try tuner.fit()
    } catch {
      if let e = run.controllerError { throw e }
      throw RayBridge.scriptError(error, vm)
    }
    if let e = run.controllerError { throw e }
    if run.interrupted {
      vm.writeStderr(
        "KeyboardInterrupt: Tuner.fit() was interrupted; returning the \(grid.results.filter { $0.status == .terminated && !$0.stoppedEarly }.count) finished of \(grid.count) trials.\n")
    } else if grid.numErrors > 0 {
      vm.writeStderr("\(grid.numErrors) of \(grid.count) trials errored: \(grid.results.filter { $0.status == .error }.map(\.trialID).joined(separator: ", ")) (see ResultGrid.errors).\n")
    }
    return try ResultGridClasses.make(grid, run, vm)
  }
}
