// The wandb backend of hyperparameter_search, as Transformers' run_hp_search_wandb: hp_space(None)
// is a sweep configuration whose metric becomes {"name": "objective", "goal": direction}; an agent
// runs n_trials (count) runs of the sweep; each run's config goes to a copy of TrainingArguments
// and every evaluation is logged (objective and eval/* as W&B's callback names them), so a
// hyperband early_terminate stops poor runs. The best run is tracked client-side from each run's
// last objective, as Transformers does; several directions give the Pareto front.
import Foundation
import HPSScript
import HPSSearch
import HPSTraining

final class WandbSearchBackend: HyperparameterSearchBackend {
  let name = "wandb"
  let defaultSpaceFunction = "default_hp_space_wandb"
  static let keys = ["sweep_id", "count", "project", "entity", "name", "metric", "storage", "seed"]

  func run(_ session: SearchSession, hpSpace: Value, kwargs: Kwargs) throws -> Value {
    let vm = session.vm
    var options: [String: Value] = [:]
    for (k, v) in kwargs {
      guard Self.keys.contains(k) else {
        let hint = closestMatch(k, in: Self.keys).map { " Did you mean '\($0)'?" } ?? ""
        throw vm.error("TypeError", "hyperparameter_search() got an unexpected keyword argument '\(k)' for the wandb backend.\(hint) It takes \(Self.keys.joined(separator: ", ")) (early_terminate goes in the sweep configuration hp_space returns).")
      }
      options[k] = v
    }
    func string(_ k: String) throws -> String? {
      guard let v = options[k], !v.isNone else { return nil }
      guard let s = v.asString else { throw vm.error("TypeError", "\(k) must be a str, got \(v.typeName)") }
      return s
    }
    let metricName = try string("metric") ?? "objective"
    var count = session.nTrials ?? 20
    if let v = options["count"], !v.isNone {
      guard case .int(let n) = v, n >= 1 else { throw vm.error("ValueError", "count must be an int >= 1, got \(vm.reprOrType(v))") }
      count = n
    }
    var seed: Int?
    if let v = options["seed"], !v.isNone {
      guard case .int(let s) = v else { throw vm.error("TypeError", "seed must be an int, got \(v.typeName)") }
      seed = s
    }

    let state = try WandbState.of(vm)
    var sweepID = try string("sweep_id")
    let storage = try state.storage(options["storage"] ?? .none, sweepID: sweepID).storage
    if sweepID == nil {
      var config = try WandbSpace.sweepConfig(hpSpace, vm: vm)
      guard case .object(var root) = config else { throw vm.error("TypeError", "hp_space(None) must return a dict (a W&B sweep configuration)") }
      var metric: [String: HPSSearch.JSONValue] = [:]
      if case .object(let given)? = root["metric"] { metric = given }
      metric["name"] = .string(metricName)
      metric["goal"] = .string(session.directions[0] == .maximize ? "maximize" : "minimize")
      root["metric"] = .object(metric)
      if let name = try string("name") { root["name"] = .string(name) }
      config = .object(root)
      do {
        sweepID = try WandbSweeps.sweep(config, storage: storage, logger: OptunaBridge.logger(for: vm))
      } catch {
        throw vm.error("ValueError", "the sweep configuration hp_space returned is invalid: \(error)")
      }
      state.sweepStorages[sweepID!] = (storage, "memory")
    }
    guard let sweepID else { throw vm.error("RuntimeError", "no sweep") }
    vm.writeStderr("wandb sweep id - \(sweepID)\n")
    let controller: SweepController
    do {
      controller = try SweepController(sweepID: sweepID, storage: storage, seed: seed, logger: .silent)
    } catch {
      throw vm.error("ValueError", "sweep_id '\(sweepID)': \(error)")
    }
    session.trainer.study = OptunaBridge.wrap(controller.study)

    // n_jobs > 1: that many agents on the sweep, each training on its own thread (as several
    // `wandb agent` processes would); their script calls take the interpreter lock in turn.
    var controllers = [controller]
    for i in 1..<max(1, session.nJobs) {
      controllers.append(try SweepController(sweepID: sweepID, storage: storage, seed: seed.map { $0 + i }, logger: .silent))
    }
    session.progress.total = count
    let agents = WandbAgents(session: session, sweepID: sweepID, count: count)
    let boxes = UncheckedSendableBox(controllers)
    session.execute {
      // One thread per agent (a dispatch pool may run two agents one after the other).
      let done = DispatchGroup()
      for controller in boxes.value.dropFirst() {
        done.enter()
        let box = UncheckedSendableBox(controller)
        let thread = Thread {
          agents.run(box.value)
          done.leave()
        }
        thread.stackSize = 16 << 20
        thread.start()
      }
      agents.run(boxes.value[0])
      done.wait()
    }
    let (entries, configs, runIDs, fatal) = agents.results()
    if let fatal { throw ScriptErrors.convert(vm, fatal) }
    if session.run.interrupted.isSet {
      vm.writeStdout("\nKeyboardInterrupt: search stopped; the running run is marked FAIL and \(entries.count) finished runs are kept. Returning the sweep id \(sweepID) (trainer.study has the runs).\n")
      return .str(sweepID)
    }
    func bestRun(_ e: RunFront.Entry) throws -> Value {
      var params: [String: Value] = [:]
      for (k, v) in try vm.dictItems(configs[e.number] ?? .none) { if let key = k.asString { params[key] = v } }
      return try session.bestRun(id: runIDs[e.number] ?? "\(sweepID)-\(e.number)", values: e.values, params: params, summary: .str(sweepID))
    }
    if session.multi { return Value(try RunFront.front(entries, directions: session.directions).map(bestRun)) }
    guard let best = RunFront.best(entries, direction: session.directions[0]) else {
      throw vm.error("RuntimeError", "no run of sweep \(sweepID) finished with an objective (see trainer.study or the errors above)")
    }
    return try bestRun(best)
  }

  /// One wandb.log entry: the objective(s), eval metrics renamed as W&B's callback does
  /// (eval_loss → eval/loss), and the step.
  static func logEntry(_ values: [Double], step: Int, metrics: Metrics) -> [String: HPSSearch.JSONValue] {
    var entry: [String: HPSSearch.JSONValue] = ["objective": .double(values[0]), "train/global_step": .int(step)]
    if values.count > 1 { for (i, v) in values.enumerated() { entry["objective_\(i)"] = .double(v) } }
    for (k, v) in metrics where !ObjectiveRule.isSpeedMetric(k) && v.isFinite {
      let name = k.hasPrefix("eval_") ? "eval/" + k.dropFirst(5) : k.hasPrefix("test_") ? "test/" + k.dropFirst(5) : "train/" + k
      entry[name] = .double(v)
    }
    return entry
  }
}

/// hp_space(None) for the wandb backend: a sweep configuration dict with `parameters`.
enum WandbSpace {
  static func sweepConfig(_ hpSpace: Value, vm: VM) throws -> HPSSearch.JSONValue {
    let space = try SpaceDialect.callWithNone(hpSpace, backend: "wandb", vm: vm)
    guard case .dict = space else {
      throw vm.error("TypeError", "hp_space(None) must return a W&B sweep configuration dict (method, metric, parameters) for the wandb backend, got \(space.typeName)")
    }
    let items = try vm.dictItems(space)
    if items.contains(where: { TuneDomains.domain(of: $0.1) != nil }) {
      throw vm.error("ValueError", "hp_space returned a Ray Tune space (tune domains), but the backend is wandb: for wandb, hp_space returns a sweep configuration {\"method\": \"random\", \"metric\": {...}, \"parameters\": {\"learning_rate\": {\"min\": 1e-6, \"max\": 1e-4}}}; use backend=\"ray\" for tune domains")
    }
    guard items.contains(where: { $0.0.asString == "parameters" }) else {
      let keys = items.compactMap { $0.0.asString }.joined(separator: ", ")
      throw vm.error("ValueError", "hp_space returned a dict without 'parameters' (keys: \(keys)), but the wandb backend expects a sweep configuration {\"method\": ..., \"metric\": ..., \"parameters\": {name: {distribution...}}}; a dict of plain values is an Optuna-style result")
    }
    return try WandbValues.json(space, vm: vm)
  }
}

/// The agents of one wandb-backend search and what they share: how many runs were started, each
/// run's config and last objective, and a setup mistake that ends every agent.
final class WandbAgents: @unchecked Sendable {
  let session: SearchSession
  let sweepID: String
  let count: Int
  private let lock = NSLock()
  private var started = 0
  private var entries: [Int: RunFront.Entry] = [:]
  private var configs: [Int: Value] = [:]
  private var runIDs: [Int: String] = [:]
  private var fatal: Error?

  init(session: SearchSession, sweepID: String, count: Int) {
    self.session = session
    self.sweepID = sweepID
    self.count = count
  }

  private func locked<T>(_ body: () -> T) -> T { lock.lock(); defer { lock.unlock() }; return body() }

  func results() -> ([RunFront.Entry], [Int: Value], [Int: String], Error?) {
    locked { (entries.values.sorted { $0.number < $1.number }, configs, runIDs, fatal) }
  }

  /// Claims the next of `count` runs unless the search is ending.
  private func claim() -> Bool {
    locked {
      guard started < count, fatal == nil, !session.run.interrupted.isSet else { return false }
      started += 1
      return true
    }
  }

  /// One agent: starts runs of the sweep until the count, the sweep's end, Ctrl-C or a fatal error.
  func run(_ controller: SweepController) {
    let session = self.session, vm = session.vm, gate = session.gate, sweepID = self.sweepID
    while claim() {
      let run: WandbRun
      do {
        guard let next = try controller.startRun() else { return }
        run = next
      } catch {
        locked { if fatal == nil { fatal = error } }
        return
      }
      var values: [Double]?
      var stopped = false
      // W&B's run id names the run (BestRun.run_id, the run-<id> folder), as in Transformers.
      let runID = WandbModule.randomRunID()
      try? run.trial.setSystemAttr("wandb_run_id", .string(runID))
      // The run is wandb.run for this trial's script calls: published with one agent, shown
      // around each call this agent's thread queues with several.
      var live: WandbAgentRun?
      var context: ScriptCallContext?
      if session.nJobs == 1 {
        live = (try? gate.perform { try WandbLiveRun.start(run, sweepID: sweepID, runID: runID, vm: vm) }) ?? nil
      } else if let bound = (try? gate.perform { try WandbLiveRun.context(run, sweepID: sweepID, runID: runID, vm: vm) }) ?? nil {
        (live, context) = (bound.0, bound.1)
      }
      let frozen = ScriptCallContext.bind(context) { () -> FrozenTrial? in
        defer { try? gate.perform { WandbLiveRun.finish(live, vm: vm) } }
        return try? controller.execute(run) { run in
          do {
            values = try session.guarded(number: run.number, stop: {}) {
              let (scriptTrial, prepared) = try gate.perform { () throws -> (Value, PreparedTrial) in
                let scriptTrial = try EngineValues.script(run.config, vm: vm)
                let items = try vm.dictItems(scriptTrial).compactMap { (k, v) in k.asString.map { ($0, v) } }
                return (scriptTrial, try session.prepare(items: items, scriptTrial: scriptTrial, number: run.number,
                                                         runID: runID))
              }
              self.locked { self.configs[run.number] = scriptTrial; self.runIDs[run.number] = runID }
              var logged = 0
              let result = try session.train(prepared, scriptTrial: scriptTrial, number: run.number) { values, step, metrics in
                logged += 1
                // Before the log that may stop the run: a stopped run keeps its last objective.
                self.locked { self.entries[run.number] = RunFront.Entry(number: run.number, values: values, complete: false) }
                try run.log(WandbSearchBackend.logEntry(values, step: step, metrics: metrics))
              }
              if logged == 0 { try run.log(WandbSearchBackend.logEntry(result, step: 0, metrics: [:])) }
              return result
            }
          } catch let e as SweepRunStopped {
            stopped = true
            throw e
          } catch let e as FatalSearchError {
            self.locked { if self.fatal == nil { self.fatal = e.error } }
            throw e
          }
          for (i, v) in (values ?? []).enumerated() { run.summary[i == 0 ? "objective" : "objective_\(i)"] = .double(v) }
        }
      }
      let last: [Double]? = locked {
        if let values, frozen?.state == .complete {
          entries[run.number] = RunFront.Entry(number: run.number, values: values, complete: true)
        } else if !stopped {
          entries[run.number] = nil  // failed: not a candidate
        }
        return entries[run.number]?.values
      }
      if let last { try? gate.perform { session.progress.trialDone(number: run.number, values: last) } }
    }
  }
}
