// One hyperparameter search of a Trainer, independent of the backend: everything a trial needs
// (read once on the interpreter thread), and the two steps every backend runs per trial —
// prepare (apply the trial's values to a copy of args, name it, model_init) holding the
// interpreter lock, then train on the calling thread, reporting each evaluation's objective.
import Foundation
import HPSScript
import HPSSearch
import HPSTraining

/// A trial ready to train: its arguments, model, name and parameters.
struct PreparedTrial {
  var args: TrainingArguments
  let model: Model
  let name: String?
  let params: [String: ArgumentValue]
}

final class SearchSession: @unchecked Sendable {
  let bindings: TransformersBindings
  let vm: VM
  let trainer: TrainerBox
  let directions: [StudyDirection]
  /// direction was a list (the result is a list of BestRun).
  let multi: Bool
  let nTrials: Int?
  let nJobs: Int
  /// Trials training at the same time (nJobs, or the ray backend's concurrency): above one, each
  /// trial trains on one BLAS thread.
  var concurrentTrials: Int
  let hpName: Value
  let run: SearchRun
  let objective: ObjectiveRule
  let progress: SearchProgress
  let baseArgs: TrainingArguments
  let train: Dataset?
  let eval: Dataset?
  let metricsFunction: ComputeMetrics?
  /// Parameter names in the order hp_space first produced them (BestRun.hyperparameters keeps it).
  let paramOrder = Guarded([String]())
  private let warned = Guarded(Set<String>())

  init(bindings: TransformersBindings, vm: VM, trainer: TrainerBox, computeObjective: Value, directions: [StudyDirection],
       multi: Bool, nTrials: Int?, nJobs: Int, hpName: Value, showProgress: Bool) throws {
    self.bindings = bindings
    self.vm = vm
    self.trainer = trainer
    self.directions = directions
    self.multi = multi
    self.nTrials = nTrials
    self.nJobs = nJobs
    concurrentTrials = nJobs
    self.hpName = hpName
    run = SearchRun(vm: vm)
    objective = ObjectiveRule(bindings: bindings, vm: vm, function: computeObjective, directions: directions,
                              directionNames: directions.map { $0 == .maximize ? "maximize" : "minimize" })
    progress = SearchProgress(vm: vm, total: nTrials, directions: directions, enabled: showProgress)
    baseArgs = try bindings.arguments(trainer.argsValue, vm).args
    train = try DatasetBindings.unwrap(trainer.trainValue, vm, role: "train_dataset")
    eval = try DatasetBindings.unwrap(trainer.evalValue, vm, role: "eval_dataset")
    metricsFunction = try bindings.computeMetrics(trainer, vm)
  }

  var gate: ScriptGate { bindings.gate }

  /// Inside `gate.perform` (holding the interpreter lock): the trial's values on a copy of args
  /// (cast, with the "no such field" warning once per name), the trial's folder name, and
  /// model_init(trial) seeded by the trial's own seed.
  /// `runID` names the folder `run-<runID>` (Ray's trial id, W&B's run id; default: the number).
  func prepare(items: [(String, Value)], scriptTrial: Value, number: Int, runID: String? = nil) throws -> PreparedTrial {
    var args = baseArgs
    var params: [String: ArgumentValue] = [:]
    paramOrder.update { order in for (k, _) in items where !order.contains(k) { order.append(k) } }
    for (key, value) in items {
      params[key] = (try? Convert.argument(value, vm: vm, field: key)) ?? ArgumentValue.none
      if let warning = try TrialArguments.apply(key, value, to: &args, vm: vm), warned.update({ $0.insert(key).inserted }) {
        progress.interruptLine()
        vm.writeStderr("Warning: " + warning + "\n")
      }
    }
    if concurrentTrials > 1 { args.numThreads = 1 }
    var name: String?
    if !hpName.isNone { name = try vm.str(try vm.callValue(hpName, [scriptTrial])) }
    if args.saveStrategy != "no" {
      args.outputDir = (args.outputDir as NSString).appendingPathComponent(name ?? "run-\(runID ?? String(number))")
    }
    let model = try bindings.callModelInit(trainer.modelInit, trial: scriptTrial, data: train ?? eval,
                                           seed: UInt64(bitPattern: Int64(args.seed)), vm)
    return PreparedTrial(args: args, model: model, name: name, params: params)
  }

  /// Trains a prepared trial on this thread. `report` receives every evaluation's objective values
  /// and global step; throwing from it (a pruning decision) ends the trial after on_train_end.
  /// Returns the trial's objective: the last evaluation's, or the best one's with load_best_model_at_end.
  /// `resume` continues from an in-memory snapshot (PBT exploit); `onEngine` sees the engine
  /// trainer before training starts (to snapshot it on demand).
  func train(_ p: PreparedTrial, scriptTrial: Value, number: Int, resume: TrainerSnapshot? = nil,
             onEngine: ((Trainer) -> Void)? = nil, report: @escaping ([Double], Int, Metrics) throws -> Void) throws -> [Double] {
    let vm = self.vm, bindings = self.bindings, callbackValues = trainer.callbackValues
    let model = p.model
    var callbacks: [TrainerCallback] = try gate.perform {
      try bindings.engineCallbacks(callbackValues, vm, model: {
        (try? bindings.models.wrap(vm, ModelBox(model: model, name: model.config.modelType))) ?? .none
      })
    }
    callbacks.append(InterruptWatcher(run))
    let engine = try Trainer(model: p.model, args: p.args, trainDataset: train, evalDataset: eval,
                             computeMetrics: metricsFunction, callbacks: callbacks)
    bindings.installScriptOverrides(trainer, engine: engine, vm)
    engine.state.trialName = p.name
    engine.state.trialParams = p.params
    engine.resumeSnapshot = resume
    onEngine?(engine)
    var evaluations: [[Double]] = []
    let objective = self.objective
    // Weak: the engine owns this closure, and a strong capture kept every trial's model and
    // buffers alive to the end of the search (≈ 1 MB per digits trial, all of it page-faulted anew).
    engine.trialReporter = { [weak engine] metrics, step in
      let values = try objective.values(metrics, trialNumber: number)
      evaluations.append(values)
      do { try report(values, step, metrics) } catch {
        if let engine {
          for c in engine.callbacks { try c.onTrainEnd(args: engine.args, state: engine.state, control: &engine.control) }
        }
        throw error
      }
    }
    try engine.train(trial: ScriptTrialCarrier(scriptTrial))
    if evaluations.isEmpty {
      evaluations.append(try objective.values(try engine.evaluate(), trialNumber: number))
    }
    var chosen = evaluations[evaluations.count - 1]
    if p.args.loadBestModelAtEnd && directions.count == 1 {
      let better: (Double, Double) -> Bool = directions[0] == .maximize ? { $0 > $1 } : { $0 < $1 }
      for e in evaluations where better(e[0], chosen[0]) { chosen = e }
    }
    let box = trainer, multi = self.multi, result = chosen
    try gate.perform { box.objective = result.count == 1 && !multi ? .float(result[0]) : Value(result.map { Value.float($0) }) }
    return chosen
  }

  /// Runs one trial's work and sorts its errors into the search's outcomes: pruned; Ctrl-C (stop
  /// the search; `stop` tells the backend); setup mistakes (end the search); anything else
  /// prints a traceback with the trial number and fails only this trial.
  func guarded(number: Int, stop: @escaping () -> Void, _ body: () throws -> [Double]) throws -> [Double] {
    do {
      try run.checkInterrupt()
      return try body()
    } catch is HPSSearch.TrialPruned {
      throw HPSSearch.TrialPruned()
    } catch let e as ScriptError where OptunaBridge.isTrialPruned(e) {
      throw HPSSearch.TrialPruned()
    } catch let e as ScriptError where e.exception.cls.name == "KeyboardInterrupt" {
      run.interrupted.set()
      stop()
      throw SearchInterrupted()
    } catch let e as SearchInterrupted {
      stop()
      throw e
    } catch let e as FatalSearchError {
      throw e
    } catch let e as TuneTrialInterrupted {
      throw e  // Ray's scheduler stopped or restarted the trial: not a failure
    } catch let e as SweepRunStopped {
      throw e  // W&B's hyperband stopped the run
    } catch {
      let vm = self.vm, interpreter = bindings.interpreter, progress = self.progress
      try? gate.perform {
        let text: String
        if let se = error as? ScriptError, let interpreter { text = interpreter.render(se) } else { text = "\(ScriptErrors.convert(vm, error))\n" }
        progress.interruptLine()
        vm.writeStderr("Trial \(number) failed:\n\(text)")
      }
      // Wrapped so the engine's log line reads "ValueError('...')"; OptunaBridge.scriptError unwraps it.
      throw error is ScriptError ? OptunaBridge.engineError(error) : error
    }
  }

  /// Runs `work` (a backend's trial loop): inline when trials run one at a time, else on a worker
  /// thread while this (the interpreter) thread waits; the trials make their script calls through
  /// the gate.
  func execute(_ work: @escaping () -> Void) {
    progress.start(Date())
    if nJobs > 1 {
      let box = UncheckedSendableBox(work)
      let run = self.run
      gate.serve(vm, while: { box.value() }, poll: { run.noteInterrupt() })
    } else {
      work()
    }
    progress.finish()
  }

  /// BestRun(run_id, objective, hyperparameters, run_summary) from backend-neutral facts.
  func bestRun(id: String, values: [Double], params: [String: Value], summary: Value = .none) throws -> Value {
    let order = paramOrder.get()
    let keys = params.keys.sorted { (order.firstIndex(of: $0) ?? Int.max, $0) < (order.firstIndex(of: $1) ?? Int.max, $1) }
    let hp = try vm.makeDict(keys.map { ($0, params[$0] ?? .none) })
    let objective: Value = multi ? Value(values.map { Value.float($0) }) : .float(values.first ?? .nan)
    return try bindings.record(vm, "BestRun", [.str(id), objective, hp, summary])
  }
}
