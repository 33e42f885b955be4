// Trainer.hyperparameter_search with Transformers' semantics on the native engine: one Optuna
// study; per trial a copy of the TrainingArguments gets hp_space(trial)'s values, model_init(trial)
// builds the model (seeded by that trial's seed), and every evaluation reports the objective so the
// pruner can stop the trial. Script calls go through the gate (the interpreter lock), so n_jobs > 1
// trains in parallel while the script callbacks run one at a time.
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
///
/// It runs every step on every worker, so the common case reads two relaxed atomics instead of
/// taking a lock that all workers share (with n_jobs=2 both workers wrote that lock's cache line
/// every step).
final class InterruptWatcher: TrainerCallback {
  private let search: SearchRun
  private let ctrlC: InterruptFlag, stopped: InterruptFlag
  init(_ search: SearchRun) {
    self.search = search
    ctrlC = search.vm.interrupt
    stopped = search.interrupted
  }
  private func check() throws {
    if ctrlC.isSet || stopped.isSet { try search.checkInterrupt() }
  }
  func onStepEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws { try check() }
  func onEvaluate(args: TrainingArguments, state: TrainerState, control: inout TrainerControl, metrics: Metrics) throws {
    try check()
  }
}

/// State shared by the trials of one search (read from worker threads).
final class SearchRun: @unchecked Sendable {
  let vm: VM
  /// Set once the user interrupted the search; read by every worker between steps.
  let interrupted = InterruptFlag()
  /// Asks the backend to start no more trials (optuna: Study.stop).
  var stopBackend: (() -> Void)?
  init(vm: VM) { self.vm = vm }

  func noteInterrupt() {
    if vm.interrupt.isSet {
      vm.interrupt.clear()
      interrupted.set()
      stopBackend?()
    }
  }

  func checkInterrupt() throws {
    noteInterrupt()
    if interrupted.isSet { throw SearchInterrupted() }
  }
}

struct HyperparameterSearch {
  let bindings: TransformersBindings
  let vm: VM
  let trainer: TrainerBox
  let trainerValue: Value

  /// Transformers' checks in its order (backend, then model_init), the directions, the space and
  /// the objective; then the backend runs the trials.
  func run(_ a: BoundArguments) throws -> Value {
    var backendName = "optuna"
    if !a["backend"].isNone {
      guard let name = a["backend"].asString ?? (try? vm.str(a["backend"])) else { throw vm.error("TypeError", "backend must be a str") }
      let plain = name.hasPrefix("HPSearchBackend.") ? String(name.dropFirst(16)).lowercased() : name
      guard HyperparameterSearchBackends.names.contains(plain) else {
        throw vm.error("ValueError", "\(name) is not a valid HPSearchBackend, please select one of ['optuna', 'ray', 'wandb']")
      }
      backendName = plain
    }
    guard let backend = HyperparameterSearchBackends.backend(backendName) else {
      throw vm.error("RuntimeError", "The \(backendName) backend of hyperparameter_search is not yet available in this build of hps; use backend=\"optuna\" (the default).")
    }
    trainer.hpSearchBackend = .str(backendName)
    defer { trainer.hpSearchBackend = .none }
    if trainer.modelInit.isNone {
      throw vm.error("RuntimeError", "To use hyperparameter search, you need to pass your model through a model_init function. (hps: Trainer(model_init=lambda trial: AutoModelForSequenceClassification.from_pretrained(\"mlp-small\"), ...))")
    }

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
    var nTrials: Int?
    switch a["n_trials"] {
    case .none: nTrials = nil
    case .int(let n) where n >= 0: nTrials = n
    default: throw vm.error("ValueError", "n_trials must be an int >= 0 (or None with a timeout), got \(vm.reprOrType(a["n_trials"]))")
    }
    let computeObjective = a["compute_objective"]
    if multi && computeObjective.isNone {
      throw vm.error("ValueError", "direction is a list of \(directions.count) directions, so compute_objective must return one value per direction (e.g. lambda m: (m['eval_loss'], m['eval_accuracy']))")
    }
    let hpSpace = a["hp_space"].isNone ? try bindings.defaultsMember(vm, backend.defaultSpaceFunction) : a["hp_space"]

    // Keywords every backend shares: n_jobs (parallel trials) and hps's show_progress_bar.
    var kwargs: Kwargs = []
    var nJobs = 1
    var showProgress = true
    for (k, v) in a.kwargs {
      switch k {
      case "n_jobs", "max_concurrent_trials":
        if !v.isNone {
          guard case .int(let j) = v, j == -1 || j >= 1 else { throw vm.error("ValueError", "\(k) must be an int >= 1 or -1, got \(vm.reprOrType(v))") }
          nJobs = j == -1 ? ProcessInfo.processInfo.activeProcessorCount : j
        }
        // optuna's optimize takes n_jobs; ray needs to know whether the concurrency was given.
        if (backendName == "optuna" && k == "n_jobs") || backendName == "ray" { kwargs.append((k, v)) }
      case "show_progress_bar": showProgress = try bindings.builtins.truthy(vm, v)
      default: kwargs.append((k, v))
      }
    }
    let session = try SearchSession(bindings: bindings, vm: vm, trainer: trainer, computeObjective: computeObjective,
                                    directions: directions, multi: multi, nTrials: nTrials, nJobs: nJobs,
                                    hpName: a["hp_name"], showProgress: showProgress)
    return try backend.run(session, hpSpace: hpSpace, kwargs: kwargs)
  }
}

struct UncheckedSendableBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
