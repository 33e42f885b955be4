// The ray backend of hyperparameter_search, as Transformers' run_hp_search_ray: hp_space(None)
// gives the param_space (tune domains), n_trials is num_samples, every evaluation reports
// `objective` and the eval metrics through the Tuner's reporter so ASHA / median / HyperBand / PBT
// act, and PBT's exploit restores a better trial's weights and optimizer state (an in-memory
// TrainerSnapshot) into a worse one whose TrainingArguments get the explored values.
// Trials train at once on the Tuner's threads (as many as max_concurrent_trials, else cores /
// resources_per_trial["cpu"], one BLAS thread each); every script call goes through the
// session's gate (the interpreter lock) while the interpreter thread waits for Tuner.fit().
import Foundation
import HPSScript
import HPSSearch
import HPSTraining

final class RaySearchBackend: HyperparameterSearchBackend {
  let name = "ray"
  let defaultSpaceFunction = "default_hp_space_ray"
  /// tune.run keywords hps takes and acts on.
  static let usedKeys = ["scheduler", "search_alg", "num_samples", "resources_per_trial", "time_budget_s", "stop"]
  /// The shared keywords hyperparameter_search reads into the session's n_jobs; passed on here
  /// too, so the backend knows they were given.
  static let concurrencyKeys = ["max_concurrent_trials", "n_jobs"]
  /// tune.run keywords that have no local meaning: accepted, with a note.
  static let notedKeys = ["keep_checkpoints_num", "checkpoint_score_attr", "checkpoint_freq", "checkpoint_at_end",
                          "local_dir", "storage_path", "name", "progress_reporter", "verbose", "log_to_file",
                          "reuse_actors", "raise_on_failed_trial", "fail_fast", "max_failures", "callbacks", "resume"]

  func run(_ session: SearchSession, hpSpace: Value, kwargs: Kwargs) throws -> Value {
    let vm = session.vm, bindings = session.bindings
    var options: [String: Value] = [:]
    for (k, v) in kwargs {
      if Self.usedKeys.contains(k) || Self.concurrencyKeys.contains(k) {
        options[k] = v
      } else if Self.notedKeys.contains(k) {
        vm.writeStderr("Note: hyperparameter_search(backend=\"ray\") accepts \(k)= but ignores it: trials run in this process and keep in-memory checkpoints (docs/scripting.md).\n")
      } else if k == "metric" || k == "mode" {
        throw vm.error("TypeError", "hyperparameter_search(backend=\"ray\") got \(k)=: the metric is always \"objective\" (compute_objective's value) and the mode comes from direction=")
      } else if k == "config" || k == "param_space" {
        throw vm.error("TypeError", "hyperparameter_search(backend=\"ray\") got \(k)=: give the search space as hp_space=lambda _: {...tune domains...}")
      } else {
        let all = Self.usedKeys + Self.notedKeys + ["max_concurrent_trials", "show_progress_bar"]
        let hint = closestMatch(k, in: all).map { " Did you mean '\($0)'?" } ?? ""
        throw vm.error("TypeError", "hyperparameter_search() got an unexpected keyword argument '\(k)' for the ray backend.\(hint) It takes \(all.joined(separator: ", ")).")
      }
    }
    let space = try RaySpace.paramSpace(hpSpace, vm: vm)
    let scheduler: (any TuneScheduler)? = try options["scheduler"].flatMap { v in
      if v.isNone { return nil }
      guard let s = TuneSchedulers.scheduler(v) else { throw vm.error("TypeError", "scheduler must be a ray.tune.schedulers scheduler (ASHAScheduler(...), PopulationBasedTraining(...), ...), got \(v.typeName)") }
      return s
    }
    let searchAlg: (any TuneSearchAlgorithm)? = try options["search_alg"].flatMap { v in
      if v.isNone { return nil }
      guard let s = TuneSearchers.searcher(v) else { throw vm.error("TypeError", "search_alg must be a ray.tune.search searcher (OptunaSearch(...), BasicVariantGenerator(...)), got \(v.typeName)") }
      return s
    }
    if let scheduler, scheduler is AsyncHyperBandScheduler || scheduler is MedianStoppingRule || scheduler is HyperBandScheduler || scheduler is PopulationBasedTraining,
       session.baseArgs.evalStrategy == "no" {
      let cls = options["scheduler"].map { $0.pyType.qualname } ?? "\(type(of: scheduler))"
      throw vm.error("RuntimeError", "You are using \(cls) as a scheduler but you haven't enabled evaluation during training. This means your trials will not report intermediate results to Ray Tune, and can thus not be stopped early or used to exploit other trials parameters. If this is what you want, do not use \(cls). If you would like to use \(cls), make sure you pass `do_eval=True` and `eval_strategy='steps'` in the Trainer `args`.")
    }
    var numSamples = session.nTrials ?? 20
    if let v = options["num_samples"], !v.isNone {
      guard case .int(let n) = v, n >= 1 else { throw vm.error("ValueError", "num_samples must be an int >= 1, got \(vm.reprOrType(v))") }
      numSamples = n
    }
    // Ray runs as many trials at once as the CPUs allow: cores / resources_per_trial["cpu"], where
    // Transformers' default is {"cpu": 1}. An explicit max_concurrent_trials (or n_jobs) is taken
    // as the number to run at once, even beyond the cores.
    let explicit = Self.concurrencyKeys.contains { options[$0].map { !$0.isNone } ?? false }
    var cpuPerTrial = 1.0
    if let r = options["resources_per_trial"], !r.isNone {
      guard case .dict = r else { throw vm.error("TypeError", "resources_per_trial must be a dict such as {\"cpu\": 1}, got \(r.typeName)") }
      let resources = try vm.dictItems(r)
      cpuPerTrial = resources.first { $0.0.asString == "cpu" }?.1.asDouble ?? 1
      if let gpu = resources.first(where: { $0.0.asString == "gpu" })?.1.asDouble, gpu > 0 {
        vm.writeStderr("Note: resources_per_trial asks for \(gpu) GPU per trial; hps trains on the CPU cores.\n")
      }
      guard cpuPerTrial > 0 else { throw vm.error("ValueError", "resources_per_trial[\"cpu\"] must be > 0, got \(cpuPerTrial)") }
    }
    let concurrency = explicit ? session.nJobs : max(1, Int(Double(ProcessInfo.processInfo.activeProcessorCount) / cpuPerTrial))
    var timeBudget: Double?
    if let v = options["time_budget_s"], !v.isNone {
      guard let d = v.asDouble, d > 0 else { throw vm.error("ValueError", "time_budget_s must be a positive number of seconds, got \(vm.reprOrType(v))") }
      timeBudget = d
    }
    var stop: [String: Double] = [:]
    if let v = options["stop"], !v.isNone {
      guard case .dict = v else { throw vm.error("TypeError", "stop must be a dict of metric thresholds such as {\"training_iteration\": 10}") }
      for (k, t) in try vm.dictItems(v) {
        guard let key = k.asString, let d = t.asDouble else { throw vm.error("TypeError", "stop must map metric names to numbers") }
        stop[key] = d
      }
    }

    let mode: TuneMode = session.directions[0] == .maximize ? .max : .min
    let schedulerHasMetric = scheduler?.metric != nil
    if let scheduler, scheduler.metric == "objective", let m = scheduler.mode, m != mode {
      vm.writeStderr("Warning: the scheduler's mode='\(m.rawValue)' disagrees with direction='\(session.directions[0] == .maximize ? "maximize" : "minimize")'; the scheduler stops trials by its mode, the best run is chosen by direction (as in Transformers).\n")
    }
    var tuneConfig = TuneConfig(metric: schedulerHasMetric ? nil : "objective", mode: schedulerHasMetric ? nil : mode,
                                searchAlg: searchAlg, scheduler: scheduler, numSamples: numSamples,
                                maxConcurrentTrials: nil, timeBudgetS: timeBudget)
    tuneConfig.maxConcurrentTrials = concurrency
    // The progress line replaces Tune's per-trial INFO lines; warnings still show.
    let tuneLogger = OptunaBridge.logger(for: vm)
    var runConfig = TuneRunConfig(stop: stop, cpus: concurrency,
                                  logger: session.progress.enabled ? SearchLogger(minimumLevel: .warning, handler: tuneLogger.handler) : tuneLogger)
    runConfig.execution = concurrency > 1 ? .parallel : .turns
    let run = session.run
    runConfig.shouldStop = { run.noteInterrupt(); return run.interrupted.isSet }

    session.progress.total = numSamples
    let trials = RayTrialLog()
    session.concurrentTrials = concurrency
    let tuner = Tuner(trainable: makeTrainable(session, trials: trials), paramSpace: space,
                      tuneConfig: tuneConfig, runConfig: runConfig)
    let outcome = Guarded<Result<ResultGrid, Error>?>(nil)
    let fit = UncheckedSendableBox(tuner)
    let rayState = RayState.of(vm)
    rayState.gate = session.gate
    session.progress.start(Date())
    session.gate.serve(vm, while: { outcome.set(Result { try fit.value.fit() }) }, poll: { run.noteInterrupt() })
    rayState.gate = nil
    session.progress.finish()
    let grid: ResultGrid
    switch outcome.get() {
    case .success(let g)?: grid = g
    case .failure(let e)?: throw RayBridge.scriptError((e as? FatalSearchError)?.error ?? e, vm)
    case nil: throw vm.error("RuntimeError", "the Ray Tune run ended without results") }

    let summary = try ResultGridClasses.make(grid, RayRun(vm: vm), vm)
    session.trainer.study = OptunaBridge.wrap(grid.study)
    if run.interrupted.isSet {
      let finished = grid.results.filter { $0.status == .terminated }.count
      vm.writeStdout("\nKeyboardInterrupt: search stopped; the running trial is marked ERROR and \(finished) finished trials are kept. Returning the ResultGrid (trainer.study has the trials).\n")
      return summary
    }
    let finished = grid.results.compactMap { r -> RunFront.Entry? in
      guard r.status == .terminated, let values = trials.objective(r.number) else { return nil }
      return RunFront.Entry(number: r.number, values: values, complete: !r.stoppedEarly)
    }
    func bestRun(_ e: RunFront.Entry) throws -> Value {
      guard let r = grid.results.first(where: { $0.number == e.number }) else { return .none }
      let config = try bindings.gate.perform { try RayBridge.toScript(r.config, vm) }
      var params: [String: Value] = [:]
      for (k, v) in try vm.dictItems(config) { if let key = k.asString { params[key] = v } }
      return try session.bestRun(id: r.trialID, values: e.values, params: params, summary: summary)
    }
    if session.multi { return Value(try RunFront.front(finished, directions: session.directions).map(bestRun)) }
    guard let best = RunFront.best(finished, direction: session.directions[0]) else {
      throw vm.error("RuntimeError", "no trial of the Ray Tune search finished with an objective (\(grid.results.count) trials; see trainer.study or the errors above)")
    }
    return try bestRun(best)
  }

  /// The per-trial function: prepare through the gate, resume from a PBT snapshot if
  /// Tune handed one over, train reporting each evaluation, and return the final objective.
  private func makeTrainable(_ session: SearchSession, trials: RayTrialLog) -> TuneTrainable {
    let box = UncheckedSendableBox(session)
    return { config, reporter in
      let trial = RayTrial(session: box.value, trials: trials, config: config, reporter: reporter)
      do {
        return try trial.run()
      } catch let e as TuneTrialInterrupted {
        // ASHA/HyperBand stopping a trial (also at max_t) still finishes it for the progress line.
        if e.reason == .stop { trial.showProgress(trials.objective(trial.number)) }
        throw e
      }
    }
  }
}

/// One run of a trial's trainable (a PBT exploit starts another with the new config and snapshot).
private struct RayTrial {
  let session: SearchSession
  let trials: RayTrialLog
  let config: TuneValue
  let reporter: TuneReporter
  let number: Int
  /// The better trial's state after a PBT exploit.
  let snapshot: TrainerSnapshot?
  /// The engine trainer once training started, for the reporter's checkpoint saver.
  let engine = Guarded<Trainer?>(nil)

  init(session: SearchSession, trials: RayTrialLog, config: TuneValue, reporter: TuneReporter) {
    self.session = session
    self.trials = trials
    self.config = config
    self.reporter = reporter
    number = Int(reporter.trialID.split(separator: "_").last ?? "") ?? 0
    snapshot = reporter.checkpoint?.state as? TrainerSnapshot
    let engine = self.engine, number = self.number
    reporter.checkpointSaver = {
      guard let s = engine.get()?.snapshot() else { throw TuneError.runtime(message: "trial \(number) has not trained yet; nothing to checkpoint") }
      return TuneCheckpoint(s)
    }
  }

  func run() throws -> TuneDict {
    // A finished (or restarting) trial is never asked for its state again (the runner only asks
    // running workers): its model, optimizer state and buffers can go now, not at the search's end.
    defer { engine.set(nil) }
    let values = try session.guarded(number: number, stop: {}) { try train() }
    trials.record(number, values)
    var final = result(values)
    if let step = engine.get()?.state.globalStep { final["step"] = .int(step) }
    showProgress(values)
    return final
  }

  private func train() throws -> [Double] {
    let session = self.session, vm = session.vm, config = self.config, number = self.number, runID = reporter.trialID
    let (scriptTrial, prepared) = try session.gate.perform { () throws -> (Value, PreparedTrial) in
      let scriptTrial = try RayBridge.toScript(config, vm)
      let items = try vm.dictItems(scriptTrial).compactMap { (k, v) -> (String, Value)? in
        guard let key = k.asString, key != "wandb" else { return nil }  // Transformers drops "wandb"
        return (key, v)
      }
      return (scriptTrial, try session.prepare(items: items, scriptTrial: scriptTrial, number: number, runID: runID))
    }
    let engine = self.engine
    return try session.train(prepared, scriptTrial: scriptTrial, number: number, resume: snapshot,
                             onEngine: { engine.set($0) }) { values, step, metrics in
      var report = result(values)
      for key in metrics.keys.sorted() where !ObjectiveRule.isSpeedMetric(key) { report[key] = .float(metrics[key]!) }
      report["step"] = .int(step)
      trials.record(number, values)
      try reporter.report(report)
    }
  }

  /// `objective` (`objective_<i>` for several directions) and, after an exploit, `restored_step`.
  private func result(_ values: [Double]) -> TuneDict {
    var d = TuneDict()
    d["objective"] = .float(values[0])
    if values.count > 1 { for (i, v) in values.enumerated() { d["objective_\(i)"] = .float(v) } }
    if let snapshot { d["restored_step"] = .int(snapshot.globalStep) }
    return d
  }

  func showProgress(_ values: [Double]?) {
    guard let values else { return }
    let session = self.session, number = self.number
    try? session.gate.perform { session.progress.trialDone(number: number, values: values) }
  }
}

/// Each trial's latest objective values (a stopped trial keeps its last reported one).
final class RayTrialLog: @unchecked Sendable {
  private let values = Guarded([Int: [Double]]())
  func record(_ number: Int, _ v: [Double]) { values.update { $0[number] = v } }
  func objective(_ number: Int) -> [Double]? { values.get()[number] }
}

/// hp_space(None) for the ray backend: a dict of tune domains (and constants) — anything else
/// is the wrong dialect and gets a message naming the right one.
enum RaySpace {
  static func paramSpace(_ hpSpace: Value, vm: VM) throws -> TuneValue {
    let space = try SpaceDialect.callWithNone(hpSpace, backend: "ray", vm: vm)
    guard case .dict = space else {
      throw vm.error("TypeError", "hp_space(None) must return a dict of hyperparameter names to tune domains for the ray backend (e.g. {\"learning_rate\": tune.loguniform(1e-6, 1e-4)}), got \(space.typeName)")
    }
    if SpaceDialect.isSweepConfig(space, vm: vm) {
      throw vm.error("ValueError", "hp_space returned a W&B sweep configuration (method/metric/parameters), but the backend is ray: for ray, hp_space returns {name: tune.uniform(...) / tune.choice([...]) / ...}; use backend=\"wandb\" for a sweep configuration")
    }
    return try RayBridge.toTune(space, vm)
  }
}

/// The checks every backend that calls hp_space(None) shares.
enum SpaceDialect {
  /// Calls hp_space(None); an Optuna-style function (it calls trial.suggest_*) fails there, and
  /// gets a message that says which dialect the backend expects.
  static func callWithNone(_ hpSpace: Value, backend: String, vm: VM) throws -> Value {
    do {
      return try vm.callValue(hpSpace, [.none])
    } catch let e as ScriptError where e.exception.cls.name == "AttributeError"
      && e.exception.args.contains(where: { ($0.asString ?? "").contains("suggest_") }) {
      let expected = backend == "ray"
        ? "a dict of tune domains, e.g. lambda _: {\"learning_rate\": tune.loguniform(1e-6, 1e-4)}"
        : "a sweep configuration, e.g. lambda _: {\"method\": \"random\", \"metric\": {\"name\": \"objective\", \"goal\": \"minimize\"}, \"parameters\": {\"learning_rate\": {\"distribution\": \"log_uniform_values\", \"min\": 1e-6, \"max\": 1e-4}}}"
      throw vm.error("ValueError", "hp_space looks like an Optuna space (it calls trial.suggest_*), but backend=\"\(backend)\" calls hp_space(None) once and expects \(expected).")
    }
  }

  static func isSweepConfig(_ space: Value, vm: VM) -> Bool {
    let keys = ((try? vm.dictItems(space)) ?? []).compactMap { $0.0.asString }
    return keys.contains("parameters") && (keys.contains("method") || keys.contains("metric"))
  }
}
