// Trainer.hyperparameter_search with Transformers' semantics on the native engine: one Optuna
// study; per trial a copy of the TrainingArguments gets hp_space(trial)'s values, model_init(trial)
// builds the model (seeded by that trial's seed), and every evaluation reports the objective so the
// pruner can stop the trial. Script calls go through the gate, so n_jobs > 1 trains in parallel
// while the interpreter thread runs the script callbacks one at a time.
import Foundation
import HPSScript
import HPSSearch
import HPSTraining

/// Ctrl-C during a search: ends the running trial (FAIL) and stops the study.
struct SearchInterrupted: Error, CustomStringConvertible {
  var description: String { "interrupted (KeyboardInterrupt)" }
}

/// A mistake in how the search is set up (a hp_space of the wrong dialect, an objective of the
/// wrong shape): it ends the whole search instead of failing one trial.
struct FatalSearchError: Error, CustomStringConvertible {
  let error: Error
  var description: String { "\(error)" }
}

/// An engine TrainerCallback that notices Ctrl-C between training steps.
final class InterruptWatcher: TrainerCallback {
  let search: SearchRun
  init(_ search: SearchRun) { self.search = search }
  func onStepEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws {
    try search.checkInterrupt()
  }
  func onEvaluate(args: TrainingArguments, state: TrainerState, control: inout TrainerControl, metrics: Metrics) throws {
    try search.checkInterrupt()
  }
}

/// State shared by the trials of one search (read from worker threads).
final class SearchRun: @unchecked Sendable {
  let vm: VM
  let interrupted = Guarded(false)
  var study: Study?
  init(vm: VM) { self.vm = vm }

  func noteInterrupt() {
    if vm.interrupt.isSet {
      vm.interrupt.clear()
      interrupted.set(true)
      study?.stop()
    }
  }

  func checkInterrupt() throws {
    noteInterrupt()
    if interrupted.get() { throw SearchInterrupted() }
  }
}

struct HyperparameterSearch {
  let bindings: TransformersBindings
  let vm: VM
  let trainer: TrainerBox
  let trainerValue: Value

  static let backends = ["optuna", "ray", "wandb"]
  static let createStudyKeys = ["sampler", "pruner", "storage", "study_name", "load_if_exists"]
  static let optimizeKeys = ["timeout", "n_jobs", "gc_after_trial", "catch", "callbacks", "show_progress_bar"]

  func run(_ a: BoundArguments) throws -> Value {
    // 1. Backend (Transformers' order of checks: backend, then model_init).
    var backend = "optuna"
    if !a["backend"].isNone {
      guard let name = a["backend"].asString ?? (try? vm.str(a["backend"])) else { throw vm.error("TypeError", "backend must be a str") }
      let plain = name.hasPrefix("HPSearchBackend.") ? String(name.dropFirst(16)).lowercased() : name
      guard HyperparameterSearch.backends.contains(plain) else {
        throw vm.error("ValueError", "\(name) is not a valid HPSearchBackend, please select one of ['optuna', 'ray', 'wandb']")
      }
      backend = plain
    }
    if backend != "optuna" {
      throw vm.error("RuntimeError", "The \(backend) backend of hyperparameter_search is not yet available in this build of hps; use backend=\"optuna\" (the default).")
    }
    trainer.hpSearchBackend = .str(backend)
    defer { trainer.hpSearchBackend = .none }
    if trainer.modelInit.isNone {
      throw vm.error("RuntimeError", "To use hyperparameter search, you need to pass your model through a model_init function. (hps: Trainer(model_init=lambda trial: AutoModelForSequenceClassification.from_pretrained(\"mlp-small\"), ...))")
    }

    // 2. Directions, space, objective.
    let directionValue = a["direction"]
    let directionNames: [String]
    if let s = directionValue.asString { directionNames = [s] } else if let list = directionValue.asArray {
      directionNames = try list.map { d in
        guard let s = d.asString else { throw vm.error("TypeError", "direction must be 'minimize', 'maximize' or a list of them") }
        return s
      }
    } else { throw vm.error("TypeError", "direction must be 'minimize', 'maximize' or a list of them, got \(directionValue.typeName)") }
    let directions = try directionNames.map { name -> StudyDirection in
      switch name.lowercased() {
      case "minimize", "studydirection.minimize": return .minimize
      case "maximize", "studydirection.maximize": return .maximize
      default: throw vm.error("ValueError", "direction must be 'minimize' or 'maximize', got '\(name)'")
      }
    }
    let multi = directionValue.asArray != nil
    guard case .int(let nTrials) = a["n_trials"], nTrials >= 0 else {
      if a["n_trials"].isNone { return try runSearch(a, nTrials: nil, directions: directions, multi: multi) }
      throw vm.error("ValueError", "n_trials must be an int >= 0 (or None with a timeout), got \(vm.reprOrType(a["n_trials"]))")
    }
    return try runSearch(a, nTrials: nTrials, directions: directions, multi: multi)
  }

  private func runSearch(_ a: BoundArguments, nTrials: Int?, directions: [StudyDirection], multi: Bool) throws -> Value {
    let hpSpace = a["hp_space"].isNone ? try bindings.defaultsMember(vm, "default_hp_space_optuna") : a["hp_space"]
    let computeObjective = a["compute_objective"]
    let hpName = a["hp_name"]
    if multi && computeObjective.isNone {
      throw vm.error("ValueError", "direction is a list of \(directions.count) directions, so compute_objective must return one value per direction (e.g. lambda m: (m['eval_loss'], m['eval_accuracy']))")
    }

    // 3. Backend keywords: create_study's and optimize's, as Transformers splits them.
    var create: [String: Value] = [:], optimize: [String: Value] = [:]
    for (k, v) in a.kwargs {
      if HyperparameterSearch.createStudyKeys.contains(k) { create[k] = v } else if HyperparameterSearch.optimizeKeys.contains(k) { optimize[k] = v } else if k == "directions" {
        throw vm.error("TypeError", "hyperparameter_search() got 'directions'; pass a list as direction= instead (direction=[\"minimize\", \"maximize\"])")
      } else {
        let hint = closestMatch(k, in: HyperparameterSearch.createStudyKeys + HyperparameterSearch.optimizeKeys).map { " Did you mean '\($0)'?" } ?? ""
        throw vm.error("TypeError", "hyperparameter_search() got an unexpected keyword argument '\(k)' for the optuna backend.\(hint) create_study takes \(HyperparameterSearch.createStudyKeys.joined(separator: ", ")); optimize takes \(HyperparameterSearch.optimizeKeys.joined(separator: ", ")).")
      }
    }
    let sampler = try bridged(vm) { try OptunaBridge.sampler(from: create["sampler"] ?? .none) }
    let pruner = try bridged(vm) { try OptunaBridge.pruner(from: create["pruner"] ?? .none) }
    let storage = try bridged(vm) { try OptunaBridge.storage(from: create["storage"] ?? .none) }
    let studyName = create["study_name"].flatMap { $0.isNone ? nil : $0.asString }
    let loadIfExists = try bindings.builtins.truthy(vm, create["load_if_exists"] ?? .bool(false))
    let timeout: TimeInterval? = try optimize["timeout"].flatMap { v in
      if v.isNone { return nil }
      guard let d = v.asDouble, d > 0 else { throw vm.error("ValueError", "timeout must be a positive number of seconds") }
      return d
    }
    var nJobs = 1
    if let v = optimize["n_jobs"], !v.isNone {
      guard case .int(let j) = v, j == -1 || j >= 1 else { throw vm.error("ValueError", "n_jobs must be an int >= 1 or -1, got \(vm.reprOrType(v))") }
      nJobs = j == -1 ? ProcessInfo.processInfo.activeProcessorCount : j
    }
    let showProgress = try bindings.builtins.truthy(vm, optimize["show_progress_bar"] ?? .bool(true))
    let catchTypes: [TypeObject]? = try optimize["catch"].flatMap { v in
      if v.isNone { return nil }
      let items = v.asArray ?? [v]
      return try items.map { t in
        guard case .type(let cls) = t else { throw vm.error("TypeError", "catch must be an exception class or a tuple of them") }
        return cls
      }
    }
    let userCallbacks = try (optimize["callbacks"].map { $0.isNone ? [] : try bindings.builtins.items(vm, $0) }) ?? []

    // The progress line replaces Optuna's per-trial INFO lines; warnings still show.
    let optunaLogger = OptunaBridge.logger(for: vm)
    let logger = showProgress ? SearchLogger(minimumLevel: .warning, handler: optunaLogger.handler) : optunaLogger
    let study = try bridged(vm) {
      try Study.create(studyName: studyName, storage: storage, sampler: sampler, pruner: pruner,
                       direction: multi ? nil : directions[0], directions: multi ? directions : nil,
                       loadIfExists: loadIfExists, logger: logger)
    }
    let studyValue = OptunaBridge.wrap(study, sampler: create["sampler"], pruner: create["pruner"])
    trainer.study = studyValue
    let run = SearchRun(vm: vm)
    run.study = study

    // 4. What every trial needs, read once on the interpreter thread.
    let baseArgs = try bindings.arguments(trainer.argsValue, vm).args
    let train = try DatasetBindings.unwrap(trainer.trainValue, vm, role: "train_dataset")
    let eval = try DatasetBindings.unwrap(trainer.evalValue, vm, role: "eval_dataset")
    let metricsFunction = try bindings.computeMetrics(trainer.computeMetricsValue, vm)
    let objective = ObjectiveRule(bindings: bindings, vm: vm, function: computeObjective, directions: directions,
                                  directionNames: directions.map { $0 == .maximize ? "maximize" : "minimize" })
    let progress = SearchProgress(vm: vm, total: nTrials, directions: directions, enabled: showProgress)
    let warned = Guarded(Set<String>())
    let paramOrder = Guarded([String]())
    let interpreter = bindings.interpreter
    let gate = bindings.gate
    let modelInit = trainer.modelInit
    let callbackValues = trainer.callbackValues
    let box = trainer

    let trialObjective: (HPSSearch.Trial) throws -> [Double]? = { trial in
      do {
        try run.checkInterrupt()
        // Script part on the interpreter thread: the trial's values, the args copy, the model.
        var args = baseArgs
        let (scriptTrial, model, trialName, params) = try gate.perform { () throws -> (Value, Model, String?, [String: ArgumentValue]) in
          let scriptTrial = OptunaBridge.wrap(trial)
          let space = try vm.callValue(hpSpace, [scriptTrial])
          let items: [(String, Value)]
          do { items = try HyperparameterSearch.spaceItems(space, vm: vm) } catch { throw FatalSearchError(error: error) }
          var params: [String: ArgumentValue] = [:]
          paramOrder.update { order in for (k, _) in items where !order.contains(k) { order.append(k) } }
          for (key, value) in items {
            params[key] = (try? Convert.argument(value, vm: vm, field: key)) ?? .none
            if let warning = try TrialArguments.apply(key, value, to: &args, vm: vm) {
              if warned.update({ $0.insert(key).inserted }) { vm.writeStderr("Warning: " + warning + "\n") }
            }
          }
          if nJobs > 1 { args.numThreads = 1 }
          var name: String?
          if !hpName.isNone { name = try vm.str(try vm.callValue(hpName, [scriptTrial])) }
          if args.saveStrategy != "no" {
            args.outputDir = (args.outputDir as NSString).appendingPathComponent(name ?? "run-\(trial.number)")
          }
          let model = try bindings.callModelInit(modelInit, trial: scriptTrial, data: train ?? eval,
                                                 seed: UInt64(bitPattern: Int64(args.seed)), vm)
          return (scriptTrial, model, name, params)
        }
        // Training on this thread (a worker when n_jobs > 1).
        var callbacks: [TrainerCallback] = try gate.perform {
          try bindings.engineCallbacks(callbackValues, vm, model: { .none })
        }
        callbacks.append(InterruptWatcher(run))
        let engine = try Trainer(model: model, args: args, trainDataset: train, evalDataset: eval,
                                 computeMetrics: metricsFunction, callbacks: callbacks)
        engine.state.trialName = trialName
        engine.state.trialParams = params
        var evaluations: [[Double]] = []
        engine.trialReporter = { metrics, step in
          let values = try objective.values(metrics, trialNumber: trial.number)
          evaluations.append(values)
          guard directions.count == 1 else { return }
          try trial.report(values[0], step: step)
          if try trial.shouldPrune() {
            for c in engine.callbacks { try c.onTrainEnd(args: engine.args, state: engine.state, control: &engine.control) }
            throw HPSSearch.TrialPruned("Trial was pruned at step \(step).")
          }
        }
        try engine.train(trial: ScriptTrialCarrier(scriptTrial))
        if evaluations.isEmpty {
          evaluations.append(try objective.values(try engine.evaluate(), trialNumber: trial.number))
        }
        var chosen = evaluations[evaluations.count - 1]
        if args.loadBestModelAtEnd && directions.count == 1 {
          let better: (Double, Double) -> Bool = directions[0] == .maximize ? { $0 > $1 } : { $0 < $1 }
          for e in evaluations where better(e[0], chosen[0]) { chosen = e }
        }
        try gate.perform { box.objective = chosen.count == 1 && !multi ? .float(chosen[0]) : Value(chosen.map { Value.float($0) }) }
        return chosen
      } catch is HPSSearch.TrialPruned {
        throw HPSSearch.TrialPruned()
      } catch let e as ScriptError where OptunaBridge.isTrialPruned(e) {
        throw HPSSearch.TrialPruned()
      } catch let e as ScriptError where e.exception.cls.name == "KeyboardInterrupt" {
        run.interrupted.set(true)
        study.stop()
        throw SearchInterrupted()
      } catch let e as SearchInterrupted {
        throw e
      } catch let e as FatalSearchError {
        throw e
      } catch {
        // An exception in the user's code (or a diverged run): show where, mark the trial FAIL.
        try? gate.perform {
          let text: String
          if let se = error as? ScriptError, let interpreter { text = interpreter.render(se) } else { text = "\(ScriptErrors.convert(vm, error))\n" }
          progress.interruptLine()
          vm.writeStderr("Trial \(trial.number) failed:\n\(text)")
        }
        // Wrapped so the engine's log line reads "ValueError('...')", and unwrapped by the filter.
        throw error is ScriptError ? OptunaBridge.engineError(error) : error
      }
    }

    let filter = ErrorFilter { error in
      if error is SearchInterrupted { return true }
      if error is FatalSearchError { return false }
      guard let catchTypes else { return true }  // hps continues after a failed trial unless catch= says otherwise
      let converted = ScriptErrors.convert(vm, OptunaBridge.scriptError(error))
      guard let se = converted as? ScriptError else { return false }
      return catchTypes.contains { se.exception.cls.isSubtype(of: $0) }
    }
    let studyCallbacks: [StudyCallback] = [
      { s, frozen in try gate.perform { progress.trialFinished(s, frozen) } },
    ] + userCallbacks.map { cb in
      { _, frozen in _ = try gate.perform { try vm.callValue(cb, [studyValue, OptunaBridge.wrap(frozen)]) } }
    }

    let started = Date()
    progress.start(started)
    var failure: Error?
    let optimizeBody = {
      do {
        if multi {
          try study.optimizeValues(nTrials: nTrials, timeout: timeout, nJobs: nJobs, catch: filter, callbacks: studyCallbacks, trialObjective)
        } else {
          try study.optimizeValues(nTrials: nTrials, timeout: timeout, nJobs: nJobs, catch: filter, callbacks: studyCallbacks, trialObjective)
        }
      } catch { failure = error }
    }
    if nJobs > 1 {
      let box = UncheckedSendableBox(optimizeBody)
      gate.serve(while: { box.value() }, poll: { run.noteInterrupt() })
    } else {
      optimizeBody()
    }
    progress.finish()
    if let failure { throw ScriptErrors.convert(vm, OptunaBridge.scriptError((failure as? FatalSearchError)?.error ?? failure)) }

    if run.interrupted.get() {
      let finished = study.trials.filter { $0.state == .complete || $0.state == .pruned }.count
      vm.writeStdout("\nKeyboardInterrupt: search stopped; the running trial is marked FAIL and \(finished) finished trials are kept. Returning the study (also trainer.study): study.trials_dataframe(), study.best_trial, or resume with trainer.hyperparameter_search(..., study_name=..., storage=..., load_if_exists=True).\n")
      return studyValue
    }
    return try bestRuns(study, multi: multi, paramOrder: paramOrder)
  }

  /// BestRun for the best trial, or a list of them (the Pareto front) for several directions.
  private func bestRuns(_ study: Study, multi: Bool, paramOrder: Guarded<[String]>) throws -> Value {
    let order = paramOrder.get()
    func params(_ t: FrozenTrial) throws -> Value {
      let keys = t.params.keys.sorted { (order.firstIndex(of: $0) ?? Int.max, $0) < (order.firstIndex(of: $1) ?? Int.max, $1) }
      return try vm.makeDict(keys.map { ($0, Convert.value(t.params[$0] ?? .none)) })
    }
    if multi {
      let front = try bridged(vm) { try study.bestTrials() }
      return Value(try front.map { t in
        try bindings.record(vm, "BestRun", [.str(String(t.number)), Value((t.values ?? []).map { Value.float($0) }), try params(t), .none])
      })
    }
    let best = try bridged(vm) { try study.bestTrial() }
    return try bindings.record(vm, "BestRun", [.str(String(best.number)), .float(best.values?.first ?? .nan), try params(best), .none])
  }

  /// hp_space's result for the optuna backend: a dict of names to values. A Ray or W&B space is the
  /// wrong dialect and gets a message saying so.
  static func spaceItems(_ space: Value, vm: VM) throws -> [(String, Value)] {
    guard case .dict = space else {
      throw vm.error("TypeError", "hp_space(trial) must return a dict of hyperparameter names to values for the optuna backend, got \(space.typeName)")
    }
    let items = try vm.dictItems(space)
    let keys = items.compactMap { $0.0.asString }
    if keys.contains("parameters") && (keys.contains("method") || keys.contains("metric")) {
      throw vm.error("ValueError", "hp_space returned a W&B sweep configuration, but the backend is optuna: for optuna, hp_space(trial) calls trial.suggest_float/suggest_int/suggest_categorical and returns a dict of the drawn values")
    }
    return try items.map { (k, v) in
      guard let key = k.asString else { throw vm.error("TypeError", "hp_space keys must be str, got \(k.typeName)") }
      switch v {
      case .none, .bool, .int, .float, .str: return (key, v)
      default:
        let module = v.pyType.qualname
        throw vm.error("ValueError", "hp_space returned \(vm.reprOrType(v)) for '\(key)', which looks like a search-space description (\(module)) rather than a value: the optuna backend calls hp_space(trial) and expects trial.suggest_* results (a Ray Tune space needs backend=\"ray\")")
      }
    }
  }
}

struct UncheckedSendableBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
