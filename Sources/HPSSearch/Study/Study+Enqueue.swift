// Adding trials by hand: enqueue_trial (fixed parameters for a future trial) and add_trial
// (a finished trial from elsewhere).
import Foundation

extension Study {
  /// Queues a WAITING trial whose listed parameters are fixed; `ask()` takes it first.
  /// With `skipIfExists`, nothing is queued when a trial with the same fixed parameters already
  /// exists (numbers compared with `isclose`, NaN equal to NaN).
  public func enqueueTrial(
    _ params: [String: ParamValue], userAttrs: [String: JSONValue] = [:], skipIfExists: Bool = false
  ) throws {
    if skipIfExists {
      for trial in try getTrials() {
        let existing: [String: ParamValue]
        if trial.state == .waiting || trial.state == .running, case .object(let fixed)? = trial.systemAttrs["fixed_params"] {
          existing = fixed.compactMapValues { ParamValue(json: $0) }
        } else {
          existing = trial.params
        }
        if Study.sameParams(existing, params) {
          logger.info("Trial with params \(params) already exists. Skipping enqueue.")
          return
        }
      }
    }
    var template = FrozenTrial(number: 0, trialID: 0, state: .waiting)
    template.userAttrs = userAttrs
    template.systemAttrs["fixed_params"] = .object(params.mapValues(\.json))
    _ = try storage.createTrial(studyID: studyID, template: template)
  }

  static func sameParams(_ a: [String: ParamValue], _ b: [String: ParamValue]) -> Bool {
    guard a.count == b.count else { return false }
    for (key, x) in a {
      guard let y = b[key] else { return false }
      if let p = x.doubleValue, let q = y.doubleValue, !(x.intValue != nil && y.intValue != nil && p != q) {
        if p.isNaN && q.isNaN { continue }
        // math.isclose defaults: rel_tol 1e-9, abs_tol 0.
        if abs(p - q) <= 1e-9 * max(abs(p), abs(q)) { continue }
        return false
      }
      if !x.matches(y) { return false }
    }
    return true
  }

  /// Adds a finished (or WAITING) trial built elsewhere, after checking it like Optuna's
  /// `create_trial`: COMPLETE needs one value per objective, values must not be NaN, and every
  /// parameter must lie in its distribution.
  public func addTrial(_ trial: FrozenTrial) throws {
    try Study.validate(trial, directions: directions)
    var template = trial
    if template.datetimeStart == nil, template.state != .waiting { template.datetimeStart = Date() }
    if template.datetimeComplete == nil, template.state.isFinished { template.datetimeComplete = template.datetimeStart }
    _ = try storage.createTrial(studyID: studyID, template: template)
  }

  public func addTrials(_ trials: [FrozenTrial]) throws {
    for trial in trials { try addTrial(trial) }
  }

  static func validate(_ trial: FrozenTrial, directions: [StudyDirection]) throws {
    func bad(_ argument: String, _ message: String) -> SearchError {
      .invalidArgument(function: "add_trial", argument: argument, message: message)
    }
    if trial.state == .running { throw bad("state", "RUNNING trials cannot be added.") }
    if trial.state == .complete {
      guard let values = trial.values, values.count == directions.count else {
        throw bad("values", "a COMPLETE trial needs \(directions.count) value(s).")
      }
      if values.contains(where: \.isNaN) { throw bad("values", "values must not be NaN.") }
    } else if trial.state != .pruned, trial.values != nil {
      throw bad("values", "only COMPLETE (or PRUNED) trials may have values.")
    }
    for (name, value) in trial.params {
      guard let dist = trial.distributions[name] else {
        throw bad("params", "parameter '\(name)' has no distribution.")
      }
      guard dist.containsExternal(value) else {
        throw SearchError.valueOutOfRange(parameter: name, value: value.description, range: dist.description)
      }
    }
    if trial.params.count != trial.distributions.count {
      throw bad("distributions", "params and distributions must have the same keys.")
    }
  }
}
