// The optuna backend of hyperparameter_search: one study (create_study's keywords), optimize
// (optimize's keywords), hp_space(trial) called with the live trial, each evaluation reported to
// the trial so the pruner acts; BestRun from the best trial, or the Pareto front.
import Foundation
import HPSScript
import HPSSearch
import HPSTraining

final class OptunaSearchBackend: HyperparameterSearchBackend {
  let name = "optuna"
  let defaultSpaceFunction = "default_hp_space_optuna"
  static let createStudyKeys = ["sampler", "pruner", "storage", "study_name", "load_if_exists"]
  static let optimizeKeys = ["timeout", "n_jobs", "gc_after_trial", "catch", "callbacks"]

  func run(_ session: SearchSession, hpSpace: Value, kwargs: Kwargs) throws -> Value {
    let vm = session.vm, bindings = session.bindings
    var create: [String: Value] = [:], optimize: [String: Value] = [:]
    for (k, v) in kwargs {
      if Self.createStudyKeys.contains(k) { create[k] = v } else if Self.optimizeKeys.contains(k) { optimize[k] = v } else if k == "directions" {
        throw vm.error("TypeError", "hyperparameter_search() got 'directions'; pass a list as direction= instead (direction=[\"minimize\", \"maximize\"])")
      } else {
        let all = Self.createStudyKeys + Self.optimizeKeys + ["show_progress_bar"]
        let hint = closestMatch(k, in: all).map { " Did you mean '\($0)'?" } ?? ""
        throw vm.error("TypeError", "hyperparameter_search() got an unexpected keyword argument '\(k)' for the optuna backend.\(hint) create_study takes \(Self.createStudyKeys.joined(separator: ", ")); optimize takes \(Self.optimizeKeys.joined(separator: ", ")); hps adds show_progress_bar.")
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
    let catchTypes: [TypeObject]? = try optimize["catch"].flatMap { v in
      if v.isNone { return nil }
      return try (v.asArray ?? [v]).map { t in
        guard case .type(let cls) = t else { throw vm.error("TypeError", "catch must be an exception class or a tuple of them") }
        return cls
      }
    }
    let userCallbacks = try (optimize["callbacks"].map { $0.isNone ? [] : try bindings.builtins.items(vm, $0) }) ?? []

    // The progress line replaces Optuna's per-trial INFO lines; warnings still show.
    let optunaLogger = OptunaBridge.logger(for: vm)
    let logger = session.progress.enabled ? SearchLogger(minimumLevel: .warning, handler: optunaLogger.handler) : optunaLogger
    let directions = session.directions, multi = session.multi
    let study = try bridged(vm) {
      try Study.create(studyName: studyName, storage: storage, sampler: sampler, pruner: pruner,
                       direction: multi ? nil : directions[0], directions: multi ? directions : nil,
                       loadIfExists: loadIfExists, logger: logger)
    }
    let studyValue = OptunaBridge.wrap(study, sampler: create["sampler"], pruner: create["pruner"])
    session.trainer.study = studyValue
    session.run.stopBackend = { study.stop() }
    let gate = session.gate

    let objective: (HPSSearch.Trial) throws -> [Double]? = { trial in
      try session.guarded(number: trial.number, stop: { study.stop() }) {
        let (scriptTrial, prepared) = try gate.perform { () throws -> (Value, PreparedTrial) in
          let scriptTrial = OptunaBridge.wrap(trial)
          let space = try vm.callValue(hpSpace, [scriptTrial])
          let items: [(String, Value)]
          do { items = try OptunaSearchBackend.spaceItems(space, vm: vm) } catch { throw FatalSearchError(error: error) }
          return (scriptTrial, try session.prepare(items: items, scriptTrial: scriptTrial, number: trial.number))
        }
        return try session.train(prepared, scriptTrial: scriptTrial, number: trial.number) { values, step, _ in
          // Transformers reports only for single-objective studies.
          guard directions.count == 1 else { return }
          try trial.report(values[0], step: step)
          if try trial.shouldPrune() { throw HPSSearch.TrialPruned("Trial was pruned at step \(step).") }
        }
      }
    }
    let filter = ErrorFilter { error in
      if error is SearchInterrupted { return true }
      if error is FatalSearchError { return false }
      guard let catchTypes else { return true }  // hps goes on after a failed trial unless catch= says otherwise
      guard let se = ScriptErrors.convert(vm, OptunaBridge.scriptError(error)) as? ScriptError else { return false }
      return catchTypes.contains { se.exception.cls.isSubtype(of: $0) }
    }
    let progress = session.progress
    let callbacks: [StudyCallback] = [{ s, frozen in try gate.perform { progress.trialFinished(s, frozen) } }]
      + userCallbacks.map { cb in { _, frozen in _ = try gate.perform { try vm.callValue(cb, [studyValue, OptunaBridge.wrap(frozen)]) } } }

    var failure: Error?
    session.execute {
      do {
        try study.optimizeValues(nTrials: session.nTrials, timeout: timeout, nJobs: session.nJobs, catch: filter,
                                 callbacks: callbacks, objective)
      } catch { failure = error }
    }
    if let failure { throw ScriptErrors.convert(vm, OptunaBridge.scriptError((failure as? FatalSearchError)?.error ?? failure)) }

    if session.run.interrupted.isSet {
      let finished = study.trials.filter { $0.state == .complete || $0.state == .pruned }.count
      vm.writeStdout("\nKeyboardInterrupt: search stopped; the running trial is marked FAIL and \(finished) finished trials are kept. Returning the study (also trainer.study): study.trials_dataframe(), study.best_trial, or resume with trainer.hyperparameter_search(..., study_name=..., storage=..., load_if_exists=True).\n")
      return studyValue
    }
    func run(_ t: FrozenTrial) throws -> Value {
      try session.bestRun(id: String(t.number), values: t.values ?? [], params: t.params.mapValues { EngineValues.script($0) })
    }
    if multi { return Value(try bridged(vm) { try study.bestTrials() }.map(run)) }
    return try run(try bridged(vm) { try study.bestTrial() })
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
        throw vm.error("ValueError", "hp_space returned \(vm.reprOrType(v)) for '\(key)', which looks like a search-space description (\(v.pyType.qualname)) rather than a value: the optuna backend calls hp_space(trial) and expects trial.suggest_* results (a Ray Tune space needs backend=\"ray\")")
      }
    }
  }
}
