// The script-visible `wandb` module: W&B's sweep/agent/init/log/finish API, local and offline,
// on the engine in HPSSearch/WandB. docs/wandb-module.md describes where it differs from W&B.
import Foundation
import HPSScript
import HPSSearch

enum WandbModule {
  static let module = NativeModule(
    "wandb",
    doc: "Weights & Biases' sweep API, local and offline: wandb.sweep(config) -> id, wandb.agent(id, function, count), "
      + "wandb.init(config=...) -> Run, wandb.log({...}), wandb.config, wandb.summary, wandb.finish(). "
      + "Storage: storage='sqlite:///file.db' or WANDB_DIR; otherwise in memory."
  ) { vm in
    let state = try WandbState.of(vm)
    let errorsNamespace = NativeClass(
      name: "errors", module: "wandb", doc: "wandb's exception classes: Error, UsageError, RunStopped.", subclassable: false,
      attributes: state.errors.namespace())
    return [
      ("sweep", .object(sweepFunction)), ("agent", .object(WandbAgent.function)), ("init", .object(initFunction)),
      ("log", .object(logFunction)), ("finish", .object(finishFunction)),
      ("run", .none), ("config", state.detachedConfig), ("summary", .none),
      ("Run", WandbRunClass.shared.value), ("Config", WandbConfigClass.shared.value),
      ("errors", errorsNamespace.value),
    ]
  }

  /// `import wandb.errors` / `from wandb.errors import UsageError`: the same classes as `wandb.errors`.
  static let errorsModule = NativeModule("wandb.errors", doc: "wandb's exception classes: Error, UsageError, RunStopped.") { vm in
    try WandbState.of(vm).errors.namespace()
  }

  static let logDoc = "Logs a dict of metrics as one step (W&B's rules: step must not go backwards; with step=... and no commit "
    + "the row stays open until a later step). In a sweep with early_terminate, the call that gets the run stopped raises "
    + "wandb.errors.RunStopped."

  // MARK: - sweep

  static let sweepFunction = NativeFunction(
    "sweep",
    Signature([.init("sweep"), .init("entity", default: Value.none), .init("project", default: Value.none),
               .init("prior_runs", default: Value.none), .init("storage", default: Value.none, keywordOnly: true),
               .init("sweep_id", default: Value.none, keywordOnly: true)]),
    doc: "Validates a sweep configuration (a dict, as W&B's) and stores a new sweep; returns its id. Invalid "
      + "configurations raise wandb.errors.UsageError naming each parameter and key. hps extensions: storage= "
      + "(e.g. 'sqlite:///sweeps.db') and sweep_id= (a name of your choosing, so a script can resume the sweep)."
  ) { vm, a in
    let state = try WandbState.of(vm)
    if !a["prior_runs"].isNone { throw state.errors.usage("prior_runs is not supported by the local sweep engine") }
    let config = try WandbValues.json(a["sweep"], vm: vm)
    guard case .object = config else { throw vm.error("TypeError", "wandb.sweep() sweep must be a dict, not \(a["sweep"].typeName)") }
    let (storage, label) = try state.storage(a["storage"])
    let collected = WarningCollector()
    let id: String
    do {
      id = try WandbSweeps.sweep(config, storage: storage, sweepID: a["sweep_id"].asString, logger: collected.logger)
    } catch let e as SweepConfigError {
      throw state.errors.usage(e.description)
    } catch SearchError.duplicatedStudy {
      throw state.errors.usage("a sweep or study named '\(a["sweep_id"].asString ?? "")' already exists in \(label)")
    }
    for w in collected.messages { state.warnOnce(w) }
    state.sweepStorages[id] = (storage, label)
    state.stdout("Create sweep with ID: \(id)\nSweep stored in: \(label)\n")
    return .str(id)
  }

  // MARK: - init

  static let initFunction = NativeFunction(
    "init",
    Signature([.init("project", default: Value.none), .init("entity", default: Value.none), .init("config", default: Value.none),
               .init("name", default: Value.none), .init("notes", default: Value.none), .init("tags", default: Value.none),
               .init("group", default: Value.none), .init("job_type", default: Value.none), .init("mode", default: Value.none),
               .init("reinit", default: Value.none), .init("dir", default: Value.none), .init("id", default: Value.none),
               .init("resume", default: Value.none), .init("settings", default: Value.none),
               .init("storage", default: Value.none, keywordOnly: true)]),
    doc: "Starts a run and returns it. Inside wandb.agent's function it is the sweep's run: config holds the sampled values "
      + "(they override the same keys of config=...). Elsewhere it is a plain offline run stored as a trial of the study "
      + "named after the project. Use it as `with wandb.init(...) as run:` to finish it at the end of the block."
  ) { vm, a in
    let state = try WandbState.of(vm)
    let project = a["project"].asString ?? "uncategorized"
    if let pending = state.agentRun {
      if let existing = pending.box {
        if existing.finished {
          throw state.errors.usage("sweep run \(existing.id) is finished; wandb.agent starts the next run when the function returns")
        }
        try WandbConfigClass.update(try WandbConfigClass.box(existing.config, vm), a["config"], [], vm)
        return existing.value
      }
      let config = try WandbConfigClass.make(vm, state: state)
      let cbox = try WandbConfigClass.box(config, vm)
      if !a["config"].isNone { try WandbConfigClass.update(cbox, a["config"], [], vm) }
      guard case .object(let sampled) = pending.engine.config else { throw vm.error("RuntimeError", "sweep run without config") }
      for k in sampled.keys.sorted() {
        cbox.locked.remove(k)
        try WandbConfigClass.set(cbox, k, try EngineValues.script(sampled[k]!, vm: vm), vm)
        cbox.locked.insert(k)
      }
      let label = state.sweepStorages[pending.sweepID]?.label ?? "the sweep's storage"
      let box = WandbRunBox(
        state: state, id: pending.runID, name: a["name"].asString ?? "sweep-\(pending.sweepID)-\(pending.engine.number + 1)",
        project: project, sweepID: pending.sweepID, storageLabel: label, config: config, summary: try vm.makeDict([]),
        engine: pending.engine, offline: nil)
      _ = try WandbRunClass.make(box, vm)
      pending.box = box
      state.publish(box)
      return box.value
    }
    if let active = state.currentRun { try active.finish() }  // W&B's notebook default: finish the previous run
    if !a["dir"].isNone && a["dir"].asString == nil { throw vm.error("TypeError", "wandb.init() dir must be a str, not \(a["dir"].typeName)") }
    let (storage, label) = try state.storage(a["storage"], dir: a["dir"].asString)
    let study = try Study.create(studyName: project, storage: storage, sampler: RandomSampler(), loadIfExists: true, logger: .silent)
    let trial = try study.ask()
    let id = a["id"].asString ?? randomRunID()
    try trial.setSystemAttr("wandb_run_id", .string(id))
    let config = try WandbConfigClass.make(vm, state: state)
    if !a["config"].isNone { try WandbConfigClass.update(try WandbConfigClass.box(config, vm), a["config"], [], vm) }
    let box = WandbRunBox(
      state: state, id: id, name: a["name"].asString ?? "run-\(trial.number + 1)", project: project, sweepID: nil,
      storageLabel: label, config: config, summary: try vm.makeDict([]), engine: nil, offline: (study, trial))
    _ = try WandbRunClass.make(box, vm)
    state.publish(box)
    state.stdout("wandb: Tracking run \(box.name) (\(id)) offline; data is saved in \(label), study '\(project)', trial \(trial.number)\n")
    return box.value
  }

  static func randomRunID() -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    return String((0..<8).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
  }

  // MARK: - log / finish

  static let logFunction = NativeFunction(
    "log", Signature([.init("data"), .init("step", default: Value.none), .init("commit", default: Value.none)]), doc: logDoc
  ) { vm, a in
    let state = try WandbState.of(vm)
    guard let run = state.currentRun else { throw state.errors.usage("You must call wandb.init() before wandb.log()") }
    try run.log(a["data"], step: a["step"], commit: a["commit"])
    return .none
  }

  static let finishFunction = NativeFunction(
    "finish", Signature([.init("exit_code", default: Value.none), .init("quiet", default: Value.none)]),
    doc: "Finishes the active run (no effect when there is none)."
  ) { vm, a in
    let state = try WandbState.of(vm)
    try state.currentRun?.finish(exitCode: a["exit_code"].asInt ?? 0)
    return .none
  }
}

/// Collects the engine's warnings so the interpreter thread prints them (once each).
final class WarningCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [String] = []
  var messages: [String] { lock.lock(); defer { lock.unlock() }; return stored }
  var logger: SearchLogger {
    SearchLogger(minimumLevel: .warning) { [self] record in
      lock.lock(); stored.append(record.message); lock.unlock()
    }
  }
}
