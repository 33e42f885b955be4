// Study.optimize for script objectives: the engine's optimize loop with the objective, the
// `catch` filter, callbacks and Ctrl-C handling bound to the interpreter.
//
// With n_jobs > 1 the engine's workers run on their own threads and call the objective holding
// the interpreter lock (ScriptGate), as Optuna's threads hold CPython's GIL: script runs one
// worker at a time, while sampling, storage, pruning and a `trainer.train()` inside the
// objective (which lets go of the lock while it trains, as PyTorch releases the GIL) overlap.
import Foundation
import HPSScript
import HPSSearch

enum OptunaOptimize {
  static func run(_ vm: VM, _ handle: OptunaStudyHandle, _ b: BoundArguments) throws {
    let f = "optimize"
    let study = handle.study
    let function = b["func"]
    guard vm.isCallableValue(function) else {
      throw OptunaErrors.typeError("optimize() argument 'func' must be callable, not '\(function.typeName)'")
    }
    let nTrials = try OptunaValues.optionalInt(b["n_trials"], f, "n_trials")
    let timeout = try OptunaValues.optionalDouble(b["timeout"], f, "timeout")
    let nJobs = try OptunaValues.int(b["n_jobs"], f, "n_jobs")
    guard nJobs >= 1 || nJobs == -1 else {
      throw OptunaErrors.valueError("optimize() argument 'n_jobs': must be >= 1 or -1 (got \(nJobs))")
    }
    let caught = try catchClasses(vm, b["catch"])
    let jobs = nJobs == -1 ? ProcessInfo.processInfo.activeProcessorCount : nJobs
    let gate: ScriptGate? = jobs > 1 ? ScriptGate.of(vm) : nil
    var callbacks: [StudyCallback] = []
    let studyValue = OptunaBridge.wrap(study, sampler: handle.sampler, pruner: handle.pruner)
    if !b["callbacks"].isNone {
      for callback in try OptunaValues.sequence(vm, b["callbacks"], f, "callbacks") {
        guard vm.isCallableValue(callback) else {
          throw OptunaErrors.typeError("optimize() argument 'callbacks' must hold callables, not '\(callback.typeName)'")
        }
        callbacks.append { _, frozen in
          let call = { _ = try vm.callValue(callback, [studyValue, OptunaBridge.wrap(frozen)]) }
          if let gate { try gate.perform(call) } else { try call() }
        }
      }
    }
    // Ctrl-C during native work between script calls: finish the trial, then stop.
    callbacks.append { study, _ in if vm.interrupt.isSet { study.stop() } }
    let filter = ErrorFilter { error in
      guard let failure = error as? ObjectiveFailure else { return false }
      return caught.contains { failure.error.exception.cls.isSubtype(of: $0) }
    }
    let gcAfterTrial = try vm.isTrue(b["gc_after_trial"])
    let objective = OptunaBridge.objective(function, vm: vm, gate: gate)
    let optimize = {
      try study.optimizeValues(
        nTrials: nTrials, timeout: timeout, nJobs: jobs, catch: filter, callbacks: callbacks,
        gcAfterTrial: gcAfterTrial, showProgressBar: false, objective)
    }
    do {
      if let gate {
        let logging = OptunaLogging.settings(for: vm)
        logging.gate.withLock { $0 = gate }
        defer { logging.gate.withLock { $0 = nil } }
        let failure = Guarded<Error?>(nil)
        let work = UncheckedSendableBox(optimize)
        gate.serve(vm, while: { do { try work.value() } catch { failure.set(error) } }, poll: {})
        if let error = failure.get() { throw error }
      } else {
        try optimize()
      }
    } catch {
      throw OptunaErrors.scriptError(error)
    }
    if vm.interrupt.isSet {
      vm.interrupt.clear()
      throw OptunaErrors.builtin("KeyboardInterrupt", "")
    }
  }

  /// `catch=`: an exception class or a tuple/list of them.
  private static func catchClasses(_ vm: VM, _ v: Value) throws -> [TypeObject] {
    if case .type(let t) = v { return [t] }
    return try OptunaValues.sequence(vm, v, "optimize", "catch").map { item in
      guard case .type(let t) = item else {
        throw OptunaErrors.typeError("optimize() argument 'catch' must hold exception classes, not '\(item.typeName)'")
      }
      return t
    }
  }
}
