// Building a finished trial by hand (Optuna's `optuna.trial.create_trial`), for add_trial.
import Foundation

extension FrozenTrial {
  /// A trial made outside the optimize loop, checked like Optuna's `create_trial`: only one of
  /// `value`/`values`, COMPLETE needs a value, the same keys in `params` and `distributions`,
  /// every value inside its distribution. Numbers and ids are assigned by `Study.addTrial`.
  /// - Throws: `SearchError.invalidArgument` / `valueOutOfRange` naming the problem.
  public static func create(
    state: TrialState = .complete, value: Double? = nil, values: [Double]? = nil,
    params: [String: ParamValue] = [:], distributions: [String: Distribution] = [:],
    userAttrs: [String: JSONValue] = [:], systemAttrs: [String: JSONValue] = [:],
    intermediateValues: [Int: Double] = [:]
  ) throws -> FrozenTrial {
    func bad(_ argument: String, _ message: String) -> SearchError {
      .invalidArgument(function: "create_trial", argument: argument, message: message)
    }
    if value != nil && values != nil { throw bad("values", "Specify only one of `value` and `values`.") }
    let all = values ?? value.map { [$0] }
    if state == .complete && all == nil { throw bad("value", "A COMPLETE trial needs `value` or `values`.") }
    if state == .running { throw bad("state", "RUNNING trials cannot be created; use study.ask().") }
    guard Set(params.keys) == Set(distributions.keys) else {
      throw bad("distributions", "params and distributions must have the same keys.")
    }
    for (name, v) in params {
      guard let d = distributions[name], d.containsExternal(v) else {
        throw SearchError.valueOutOfRange(parameter: name, value: v.description, range: distributions[name]?.description ?? "?")
      }
    }
    let now = Date()
    return FrozenTrial(
      number: 0, trialID: 0, state: state, values: all, params: params, distributions: distributions,
      userAttrs: userAttrs, systemAttrs: systemAttrs, intermediateValues: intermediateValues,
      datetimeStart: state == .waiting ? nil : now, datetimeComplete: state.isFinished ? now : nil)
  }
}
