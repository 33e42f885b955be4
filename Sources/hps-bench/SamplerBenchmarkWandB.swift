// The W&B dialect in `hps-bench sampler`: the same six functions run as local sweeps
// (`hps_wandb_bayes`, `hps_wandb_random`) through SweepController — config parsing, storage,
// suggestion and bookkeeping included — with the same parameter mapping bench/sampler/peers.py
// gives the `sweeps` peers (log floats → log_uniform_values, ints → int_uniform, categories → values).
import Foundation
import HPSSearch

extension SamplerBenchmark {
  static let wandbMethods = ["hps_wandb_bayes", "hps_wandb_random"]

  static func wandbConfig(_ f: SamplerFunction, method: String) -> JSONValue {
    var params: [String: JSONValue] = [:]
    for (name, d) in f.space {
      switch d {
      case .float(let fd):
        params[name] = .object(["distribution": .string(fd.log ? "log_uniform_values" : "uniform"),
                                "min": .double(fd.low), "max": .double(fd.high)])
      case .int(let id):
        params[name] = .object(["distribution": .string("int_uniform"), "min": .int(id.low), "max": .int(id.high)])
      case .categorical(let cd):
        params[name] = .object(["values": .array(cd.choices.map(\.json))])
      }
    }
    return .object(["method": .string(method == "hps_wandb_bayes" ? "bayes" : "random"),
                    "metric": .object(["name": .string("loss"), "goal": .string("minimize")]),
                    "parameters": .object(params)])
  }

  /// One seeded sweep of `trials` runs; seconds = thread CPU time of starting and finishing each
  /// run (everything but the objective).
  static func runWandb(_ method: String, _ f: SamplerFunction, seed: Int, trials: Int) throws -> Run {
    let storage = InMemoryStorage()
    let id = try WandbSweeps.sweep(wandbConfig(f, method: method), storage: storage, sweepID: "bench", logger: .silent)
    let controller = try SweepController(sweepID: id, storage: storage, seed: seed, bayesOptions: bayesOptionsFromEnvironment(),
                                         logger: .silent)
    var best: [Double] = [], seconds: [Double] = []
    var current = Double.infinity
    for _ in 0..<trials {
      var run: WandbRun?
      var elapsed = try cpuSeconds { run = try controller.startRun() }
      guard let run else { break }
      var params: [String: ParamValue] = [:]
      for (name, _) in f.space { params[name] = run[name].flatMap(ParamValue.init(json:)) }
      let value = f.evaluate(params)
      elapsed += try cpuSeconds {
        _ = try controller.execute(run) { r in try r.log(["loss": .double(value)]) }
      }
      current = min(current, value)
      best.append(current)
      seconds.append(elapsed)
    }
    return Run(best: best, seconds: seconds)
  }

  /// Tuning knobs for experiments (HPS_WANDB_STARTUP, _CANDIDATES, _STARTS, _ITERATIONS, _REFIT,
  /// _FIT_ITERATIONS, _FIT_TWICE);
  /// unset means SweepBayesOptions' defaults, which is what the recorded tables use.
  static func bayesOptionsFromEnvironment() -> SweepBayesOptions {
    var o = SweepBayesOptions()
    let env = ProcessInfo.processInfo.environment
    if let v = env["HPS_WANDB_STARTUP"].flatMap(Int.init) { o.nStartupRuns = v }
    if let v = env["HPS_WANDB_CANDIDATES"].flatMap(Int.init) { o.gp.candidateCount = v }
    if let v = env["HPS_WANDB_STARTS"].flatMap(Int.init) { o.gp.localSearchStarts = v }
    if let v = env["HPS_WANDB_ITERATIONS"].flatMap(Int.init) { o.gp.localSearchIterations = v }
    if let v = env["HPS_WANDB_REFIT"].flatMap(Double.init) { o.gp.refitGrowth = v }
    if let v = env["HPS_WANDB_FIT_ITERATIONS"].flatMap(Int.init) { o.gp.fitMaxIterations = v }
    if let v = env["HPS_WANDB_FIT_TWICE"].flatMap(Int.init) { o.gp.fitFromDefaultWhenWarm = v != 0 }
    return o
  }

  static func cpuSeconds(_ body: () throws -> Void) rethrows -> Double {
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
    try body()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) * 1e-9
  }
}

extension SamplerBenchmark {
  /// The issue's target line: hps bayes ≤ sweeps bayes on the median best@100, and the ratio of
  /// their median CPU time per suggestion.
  static func wandbVerdict(_ results: [String: [String: [Run]]], functions: [SamplerFunction], trials: Int) -> String {
    var wins = 0, compared = 0
    var ratios: [Double] = []
    for f in functions {
      guard let ours = results[f.name]?["hps_wandb_bayes"], let theirs = results[f.name]?["sweeps_bayes"],
            let a = bestAfter(ours, trials), let b = bestAfter(theirs, trials) else { continue }
      compared += 1
      if a <= b { wins += 1 }
      ratios.append(secondsPerSuggestion(theirs) / secondsPerSuggestion(ours))
    }
    guard compared > 0 else { return "" }
    let r = ratios.sorted()
    return "\nW&B bayes: hps_wandb_bayes ≤ sweeps_bayes (median best@\(trials)) on \(wins)/\(compared) functions; "
      + "sweeps/hps CPU per suggestion \(String(format: "%.0f", r.first!))–\(String(format: "%.0f", r.last!))× (median \(String(format: "%.0f", BenchSupport.median(r)))×)\n"
  }
}
