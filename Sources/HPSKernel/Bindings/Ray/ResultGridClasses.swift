// `ResultGrid` and `Result` as script classes: len/indexing/iteration, get_best_result,
// get_dataframe (a list of row dicts), errors; each Result's config, metrics, history,
// checkpoint and error.
import Foundation
import HPSScript
import HPSSearch

enum ResultGridClasses {
  final class GridData {
    let grid: ResultGrid
    let run: RayRun
    init(_ grid: ResultGrid, _ run: RayRun) {
      self.grid = grid
      self.run = run
    }
  }

  final class ResultData {
    let result: TuneResult
    let run: RayRun
    init(_ result: TuneResult, _ run: RayRun) {
      self.result = result
      self.run = run
    }
  }

  static func make(_ grid: ResultGrid, _ run: RayRun, _ vm: VM) throws -> Value {
    try SpecClasses.instance(gridClass, GridData(grid, run), vm)
  }

  static func grid(_ v: Value, _ vm: VM) throws -> GridData {
    guard let g = NativeClass.payload(v, as: GridData.self) else { throw vm.error("TypeError", "expected a ResultGrid, got \(v.typeName)") }
    return g
  }

  static func result(_ v: Value, _ vm: VM) throws -> ResultData {
    guard let r = NativeClass.payload(v, as: ResultData.self) else { throw vm.error("TypeError", "expected a Result, got \(v.typeName)") }
    return r
  }

  static func makeResult(_ r: TuneResult, _ run: RayRun, _ vm: VM) throws -> Value { try SpecClasses.instance(resultClass, ResultData(r, run), vm) }

  static func errorValue(_ r: TuneResult, _ run: RayRun, _ vm: VM) throws -> Value {
    guard let message = r.error else { return .none }
    if let e = run.trialErrors[r.trialID] { return e }
    return vm.raisingException(try vm.callValue(.type(TuneErrorClass.cls(vm)), [.str(message)])).exceptionValue
  }

  static func rows(_ table: TuneTable, _ vm: VM) throws -> Value {
    Value(try table.rows.map { row in try vm.makeDict(zip(table.columns, row).map { ($0, try RayBridge.toScript($1, vm)) }) })
  }

  static let gridClass = NativeClass(
    name: "ResultGrid", module: "ray.tune",
    doc: "The trials of a Tuner.fit(): len(grid), grid[i] (a Result), get_best_result(metric, mode, scope), get_dataframe(), errors.",
    subclassable: false,
    methods: [
      NativeFunction("__len__", Signature([.init("self")])) { vm, a in .int(try grid(a["self"], vm).grid.count) },
      NativeFunction("__getitem__", Signature([.init("self"), .init("index")])) { vm, a in
        let g = try grid(a["self"], vm)
        guard let i = a["index"].asInt, a["index"].asBool == nil else { throw vm.error("TypeError", "ResultGrid indices must be integers, not \(a["index"].typeName)") }
        let index = i < 0 ? i + g.grid.count : i
        guard (0..<g.grid.count).contains(index) else { throw vm.error("IndexError", "ResultGrid index \(i) out of range (\(g.grid.count) results)") }
        return try makeResult(g.grid[index], g.run, vm)
      },
      NativeFunction(
        "get_best_result",
        Signature([.init("self"), .init("metric", default: Value.none), .init("mode", default: Value.none), .init("scope", default: .str("last")),
                   .init("filter_nan_and_inf", default: .bool(true))]),
        doc: "The best Result by metric/mode (default: TuneConfig's). scope: 'last', 'avg', 'last-5-avg', 'last-10-avg' or 'all' (each trial's best)."
      ) { vm, a in
        let g = try grid(a["self"], vm)
        let fn = "get_best_result"
        let metric = try RayBridge.optionalString(a["metric"], vm, fn, "metric")
        let mode = try RayBridge.mode(a["mode"], vm, fn)
        guard let scope = a["scope"].asString else { throw vm.error("TypeError", "get_best_result() argument 'scope' must be a str") }
        let best = try RayBridge.engine(vm) {
          try g.grid.getBestResult(metric: metric, mode: mode, scope: scope, filterNanAndInf: try RayBridge.bool(a["filter_nan_and_inf"], vm))
        }
        return try makeResult(best, g.run, vm)
      },
      NativeFunction(
        "get_dataframe", Signature([.init("self"), .init("filter_metric", default: Value.none), .init("filter_mode", default: Value.none)]),
        doc: "One row (a dict) per trial: its last result (or its best by filter_metric/filter_mode) with config/<name> columns. hps has no pandas: pass the rows to hps.table() to view them."
      ) { vm, a in
        let g = try grid(a["self"], vm)
        let metric = try RayBridge.optionalString(a["filter_metric"], vm, "get_dataframe", "filter_metric")
        let mode = try RayBridge.mode(a["filter_mode"], vm, "get_dataframe")
        return try rows(try RayBridge.engine(vm) { try g.grid.getDataframe(filterMetric: metric, filterMode: mode) }, vm)
      },
      NativeFunction("__repr__", Signature([.init("self")])) { vm, a in .str(RayState.of(vm).describe(try grid(a["self"], vm).grid.description, vm)) },
    ],
    properties: [
      NativeProperty("errors", doc: "The exceptions of the trials that errored.") { vm, i in
        let g = try grid(.instance(i), vm)
        return Value(try g.grid.results.filter { $0.error != nil }.map { try errorValue($0, g.run, vm) })
      },
      NativeProperty("num_errors", doc: "How many trials errored.") { vm, i in .int(try grid(.instance(i), vm).grid.numErrors) },
      NativeProperty("num_terminated", doc: "How many trials ended without error.") { vm, i in .int(try grid(.instance(i), vm).grid.numTerminated) },
      NativeProperty("experiment_path", doc: "The study name the trials are recorded under.") { vm, i in .str(try grid(.instance(i), vm).grid.study.studyName) },
    ]
  )

  static let resultClass = NativeClass(
    name: "Result", module: "ray.tune",
    doc: "One trial's outcome: config, metrics (the last result), metrics_dataframe (every result), checkpoint, error; hps adds trial_id and status.",
    subclassable: false,
    methods: [
      NativeFunction("__repr__", Signature([.init("self")])) { vm, a in
        let r = try result(a["self"], vm).result
        let shown = TuneDict(r.metrics.filter { !["time_this_iter_s", "done", "trial_id", "time_total_s"].contains($0.key) }.map { ($0.key, $0.value) })
        return .str(RayState.of(vm).describe("Result(metrics=\(shown), config=\(r.config), status='\(r.status.rawValue)'\(r.error == nil ? "" : ", error=True"), checkpoint=\(r.checkpoint == nil ? "None" : "Checkpoint(...)"))", vm))
      }
    ],
    properties: [
      NativeProperty("config", doc: "The trial's resolved config (after PBT, its latest one).") { vm, i in try RayBridge.toScript(try result(.instance(i), vm).result.config, vm) },
      NativeProperty("metrics", doc: "The trial's last reported result.") { vm, i in try RayBridge.toScript(try result(.instance(i), vm).result.metrics, vm) },
      NativeProperty("metrics_dataframe", doc: "Every reported result, as a list of row dicts.") { vm, i in
        try rows(try result(.instance(i), vm).result.metricsDataframe, vm)
      },
      NativeProperty("checkpoint", doc: "The last checkpoint the trial reported, or None.") { vm, i in
        guard let data = try result(.instance(i), vm).result.checkpoint?.state as? CheckpointClass.Data else { return .none }
        return try CheckpointClass.make(data, vm)
      },
      NativeProperty("error", doc: "The exception the trainable raised, or None.") { vm, i in
        let r = try result(.instance(i), vm)
        return try errorValue(r.result, r.run, vm)
      },
      NativeProperty("trial_id", doc: "The trial's id.") { vm, i in .str(try result(.instance(i), vm).result.trialID) },
      NativeProperty("status", doc: "TERMINATED or ERROR.") { vm, i in .str(try result(.instance(i), vm).result.status.rawValue) },
      NativeProperty("path", doc: "None: hps keeps trials in the study, not in trial directories.") { _, _ in .none },
    ]
  )
}

extension ScriptError {
  /// The raised exception object as a script value.
  var exceptionValue: Value { .instance(exception) }
}
