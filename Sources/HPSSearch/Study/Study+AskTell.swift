// The manual interface: ask() starts a trial, tell() finishes it with Optuna's state rules.
import Foundation

extension Study {
  /// Starts a trial: the oldest WAITING (enqueued) trial if any, otherwise a new one. Parameters
  /// in `fixedDistributions` are suggested immediately (Optuna's `ask`).
  public func ask(fixedDistributions: [String: Distribution] = [:]) throws -> Trial {
    let frozen = try storage.popWaitingTrial(studyID: studyID) ?? storage.createTrial(studyID: studyID, template: nil)
    let trial = Trial(study: self, frozen: frozen)
    try trial.start()
    for name in fixedDistributions.keys.sorted() {
      if let dist = fixedDistributions[name] { try trial.suggest(name, dist) }
    }
    return trial
  }

  /// Finishes a trial by handle.
  @discardableResult
  public func tell(
    _ trial: Trial, values: [Double]? = nil, state: TrialState? = nil, skipIfFinished: Bool = false
  ) throws -> FrozenTrial {
    try tell(trialNumber: trial.number, values: values, state: state, skipIfFinished: skipIfFinished)
  }

  /// Finishes trial `trialNumber` (Optuna's `tell`).
  ///
  /// - `state: nil`: COMPLETE when `values` are acceptable, otherwise FAIL with a warning (nil,
  ///   NaN, wrong count).
  /// - COMPLETE requires values; PRUNED and FAIL must not have them. A PRUNED single-objective
  ///   trial takes its last finite intermediate value.
  /// - Throws: `cannotTell` for a finished trial (unless `skipIfFinished`) and
  ///   `invalidArgument` for inconsistent arguments.
  @discardableResult
  public func tell(
    trialNumber: Int, values: [Double]? = nil, state: TrialState? = nil, skipIfFinished: Bool = false
  ) throws -> FrozenTrial {
    let frozen: FrozenTrial
    do {
      frozen = try storage.trial(id: try storage.trialID(studyID: studyID, number: trialNumber))
    } catch SearchError.invalidArgument {
      throw SearchError.invalidArgument(
        function: "tell", argument: "trial", message: "Cannot tell for trial with number \(trialNumber) since it has not been created.")
    }
    if frozen.state.isFinished {
      if skipIfFinished {
        logger.info("Skipped telling trial \(trialNumber) with values \(String(describing: values)) and state \(state?.name ?? "None") since trial was already finished. Finished trial has values \(String(describing: frozen.values)) and state \(frozen.state.name).")
        return frozen
      }
      throw SearchError.cannotTell(number: trialNumber, state: frozen.state)
    }
    if frozen.state == .waiting { throw SearchError.cannotTell(number: trialNumber, state: .waiting) }
    if let state, !state.isFinished {
      throw SearchError.invalidArgument(
        function: "tell", argument: "state", message: "Cannot tell with state \(state.name); use COMPLETE, PRUNED or FAIL.")
    }
    if state == .complete && values == nil {
      throw SearchError.invalidArgument(
        function: "tell", argument: "values", message: "No values were told. Values are required when state is TrialState.COMPLETE.")
    }
    if (state == .pruned || state == .fail) && values != nil {
      throw SearchError.invalidArgument(
        function: "tell", argument: "values",
        message: "Values were told. Values cannot be specified when state is TrialState.PRUNED or TrialState.FAIL.")
    }

    var finalState = state ?? .complete
    var finalValues: [Double]? = nil
    var failReason: String?
    switch finalState {
    case .complete:
      if let reason = checkValues(values) {
        finalState = .fail
        failReason = reason
      } else {
        finalValues = values
      }
    case .pruned:
      if !isMultiObjective, let step = frozen.lastStep, let last = frozen.intermediateValues[step], last.isFinite {
        finalValues = [last]
      }
    default:
      break
    }
    if let failReason {
      logger.warning("Trial \(trialNumber) failed because of the following error: \(failReason)")
      try storage.setTrialSystemAttr(trialID: frozen.trialID, key: "fail_reason", value: .string(failReason))
    }
    try storage.setTrialState(trialID: frozen.trialID, state: finalState, values: finalValues)
    let finished = try storage.trial(id: frozen.trialID)
    sampler.afterTrial(study: self, trial: finished, state: finalState, values: finalValues)
    logFinished(finished)
    return finished
  }

  /// Why a return value cannot complete the trial (Optuna's `_check_values_are_feasible`), or nil.
  func checkValues(_ values: [Double]?) -> String? {
    guard let values else { return "The value None could not be cast to float." }
    if let bad = values.first(where: \.isNaN) {
      return "The value \(pythonRepr(bad)) is not acceptable."
    }
    if values.count != directions.count {
      return "The number of the values \(values.count) did not match the number of the objectives \(directions.count)."
    }
    return nil
  }

  private func logFinished(_ trial: FrozenTrial) {
    guard logger.isEnabled(.info) else { return }
    let params = trial.params.keys.sorted().map { "'\($0)': \(trial.params[$0]?.description ?? "")" }.joined(separator: ", ")
    switch trial.state {
    case .complete:
      let shown = trial.values.map { $0.count == 1 ? pythonRepr($0[0]) : "[\($0.map(pythonRepr).joined(separator: ", "))]" } ?? "None"
      var message = "Trial \(trial.number) finished with value\(isMultiObjective ? "s" : ""): \(shown) and parameters: {\(params)}."
      if !isMultiObjective, let best = try? bestTrial(), let v = best.value {
        message += " Best is trial \(best.number) with value: \(pythonRepr(v))."
      }
      logger.info(message)
    case .pruned:
      logger.info("Trial \(trial.number) pruned. ")
    default:
      break
    }
  }
}
