// The optuna binding's API for other bindings (transformers' hyperparameter_search, ...): wrap
// engine objects as the script values Optuna users know, unwrap script samplers, pruners and
// storages into engine ones, and translate TrialPruned and engine errors in both directions.
//
// Threading: everything here runs on the interpreter's thread. `objective(_:vm:)` calls script
// code, so the engine must call it on that thread (Study.optimize with nJobs: 1 does).
import HPSScript
import HPSSearch

enum OptunaBridge {
  // MARK: Engine → script values

  /// A live trial as the script `optuna.trial.Trial` an objective receives.
  static func wrap(_ trial: HPSSearch.Trial) -> Value { OptunaTrialAPI.trialClass.instance(wrapping: trial) }

  /// A study as the script `optuna.study.Study`. `sampler`/`pruner` are the script objects the
  /// study was made with, when there are any (shown by `study.sampler`, `study.pruner`).
  static func wrap(_ study: Study, sampler: Value? = nil, pruner: Value? = nil) -> Value {
    OptunaStudyAPI.studyClass.instance(wrapping: OptunaStudyHandle(study, sampler: sampler, pruner: pruner))
  }

  /// A finished (or any) trial record as the script `optuna.trial.FrozenTrial`.
  static func wrap(_ frozen: FrozenTrial) -> Value { OptunaFrozenTrialAPI.value(frozen) }

  static func wrap(_ state: TrialState) -> Value { OptunaEnums.value(state) }

  // MARK: Script values → engine

  /// The engine trial behind a script `Trial` (nil for any other value).
  static func trial(from value: Value) -> HPSSearch.Trial? { NativeClass.payload(value, as: HPSSearch.Trial.self) }

  /// The engine study behind a script `Study` (nil for any other value).
  static func study(from value: Value) -> Study? { NativeClass.payload(value, as: OptunaStudyHandle.self)?.study }

  /// A script sampler object (`optuna.samplers.TPESampler(...)`, ...) as the engine sampler;
  /// nil for None. - Throws: TypeError naming `argument` for anything else.
  static func sampler(from value: Value, argument: String = "sampler") throws -> (any Sampler)? {
    if value.isNone { return nil }
    if let box = NativeClass.payload(value, as: Box<any Sampler>.self) { return box.value }
    throw OptunaErrors.typeError("\(argument) must be an optuna.samplers sampler (e.g. TPESampler()), not '\(value.typeName)'")
  }

  /// A script pruner object as the engine pruner; nil for None. - Throws: TypeError otherwise.
  static func pruner(from value: Value, argument: String = "pruner") throws -> (any Pruner)? {
    if value.isNone { return nil }
    if let box = NativeClass.payload(value, as: Box<any Pruner>.self) { return box.value }
    throw OptunaErrors.typeError("\(argument) must be an optuna.pruners pruner (e.g. MedianPruner()), not '\(value.typeName)'")
  }

  /// None (in memory), a URL string ("sqlite:///study.db") or a storage object.
  static func storage(from value: Value, argument: String = "storage") throws -> (any Storage)? {
    if value.isNone { return nil }
    if let url = value.asString { return try OptunaErrors.bridged { try openStorage(url: url) } }
    if let box = NativeClass.payload(value, as: Box<any Storage>.self) { return box.value }
    throw OptunaErrors.typeError("\(argument) must be None, a URL such as 'sqlite:///study.db', or a storage object, not '\(value.typeName)'")
  }

  // MARK: TrialPruned and errors

  /// The script class `optuna.TrialPruned` (also `optuna.exceptions.TrialPruned`).
  static var trialPrunedClass: TypeObject { OptunaErrors.trialPruned }

  /// A script `optuna.TrialPruned` exception to throw from native code into scripts.
  static func trialPruned(_ message: String = "") -> ScriptError { ScriptError(raising: OptunaErrors.trialPruned, message: message) }

  /// Whether an error is a pruning signal, from either side (`HPSSearch.TrialPruned` or a
  /// script `optuna.TrialPruned`, subclasses included).
  static func isTrialPruned(_ error: Error) -> Bool { OptunaErrors.isTrialPruned(error) }

  /// For errors leaving native code toward scripts: engine errors become the Python exceptions
  /// Optuna raises (ValueError, RuntimeError, DuplicatedStudyError, TrialPruned, ...); script
  /// exceptions pass unchanged.
  static func scriptError(_ error: Error) -> Error { OptunaErrors.scriptError(error) }

  /// For script exceptions entering the engine (from an objective): a script TrialPruned becomes
  /// `HPSSearch.TrialPruned`; other script exceptions are wrapped so that `scriptError` restores
  /// them unchanged, traceback included.
  static func engineError(_ error: Error) -> Error { OptunaErrors.engineError(error) }

  // MARK: Running script objectives

  /// An engine objective that calls the script callable `function(trial)` and reads its result
  /// as one value or a sequence of values (nil when it cannot be cast, so the trial FAILs as in
  /// Optuna). Script exceptions are translated with `engineError`. Pending Ctrl-C
  /// (`vm.interrupt`) ends the trial with KeyboardInterrupt before the call.
  ///
  /// With a `gate`, the objective may be called from engine worker threads
  /// (`optimize(nJobs: n)` inside `gate.serve`): each call holds the interpreter lock, which a
  /// `trainer.train()` inside lets go of while it trains.
  static func objective(
    _ function: Value, vm: VM, gate: ScriptGate? = nil
  ) -> (HPSSearch.Trial) throws -> [Double]? {
    let call: (HPSSearch.Trial) throws -> [Double]? = { trial in
      if vm.interrupt.isSet {
        vm.interrupt.clear()
        throw ObjectiveFailure(error: OptunaErrors.builtin("KeyboardInterrupt", ""))
      }
      let result: Value
      do {
        result = try vm.callValue(function, [wrap(trial)])
      } catch {
        throw engineError(error)
      }
      return OptunaValues.objectiveValues(vm, result)
    }
    guard let gate else { return call }
    return { trial in try gate.perform { try call(trial) } }
  }

  /// A logger that writes Optuna-style messages to the interpreter's stderr, honouring
  /// `optuna.logging.set_verbosity`. Pass it to `Study.create(logger:)`.
  static func logger(for vm: VM) -> SearchLogger { OptunaLogging.logger(for: vm) }
}
