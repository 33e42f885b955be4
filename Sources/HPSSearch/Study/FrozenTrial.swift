// An immutable record of one trial: what samplers, pruners, callbacks and exports see.
import Foundation

/// A trial's full state at one moment. A value type: copying it is the "deepcopy" Optuna does.
public struct FrozenTrial: Sendable, Equatable {
  /// Position in the study, 0-based, unique within the study.
  public var number: Int
  /// Storage-wide identifier (unique across studies of one storage).
  public var trialID: Int
  public var state: TrialState
  /// One value per objective; nil until the trial completes (and for FAIL).
  public var values: [Double]?
  /// External parameter values.
  public var params: [String: ParamValue]
  public var distributions: [String: Distribution]
  public var userAttrs: [String: JSONValue]
  public var systemAttrs: [String: JSONValue]
  /// Values passed to `report(value, step)`, by step.
  public var intermediateValues: [Int: Double]
  public var datetimeStart: Date?
  public var datetimeComplete: Date?

  public init(
    number: Int, trialID: Int, state: TrialState, values: [Double]? = nil,
    params: [String: ParamValue] = [:], distributions: [String: Distribution] = [:],
    userAttrs: [String: JSONValue] = [:], systemAttrs: [String: JSONValue] = [:],
    intermediateValues: [Int: Double] = [:], datetimeStart: Date? = nil, datetimeComplete: Date? = nil
  ) {
    self.number = number
    self.trialID = trialID
    self.state = state
    self.values = values
    self.params = params
    self.distributions = distributions
    self.userAttrs = userAttrs
    self.systemAttrs = systemAttrs
    self.intermediateValues = intermediateValues
    self.datetimeStart = datetimeStart
    self.datetimeComplete = datetimeComplete
  }

  /// The single objective value (nil for multi-objective or unfinished trials).
  public var value: Double? {
    guard let values, values.count == 1 else { return nil }
    return values[0]
  }

  /// Wall time between start and completion.
  public var duration: TimeInterval? {
    guard let start = datetimeStart, let end = datetimeComplete else { return nil }
    return end.timeIntervalSince(start)
  }

  /// The largest step with a reported intermediate value.
  public var lastStep: Int? { intermediateValues.keys.max() }

  /// Constraint values stored by a sampler's `constraints_func` (system attr `constraints`,
  /// Optuna's key); nil when the sampler stored none.
  public var constraints: [Double]? {
    guard case .array(let items)? = systemAttrs["constraints"] else { return nil }
    return items.map { $0.doubleValue ?? .nan }
  }

  /// Every constraint value by name, as Optuna 5's `FrozenTrial.constraints` reads them: a
  /// `constraints_func` list (names "0", "1", …) plus each `Trial.setConstraint(key, value)`
  /// (system attr `constraints:KEY`).
  public var constraintValues: [String: Double] {
    var out: [String: Double] = [:]
    if let list = constraints {
      for (i, v) in list.enumerated() { out[String(i)] = v }
    }
    for (key, value) in systemAttrs where key.hasPrefix(FrozenTrial.constraintKeyPrefix) {
      out[String(key.dropFirst(FrozenTrial.constraintKeyPrefix.count))] = value.doubleValue ?? .nan
    }
    return out
  }

  static let constraintKeyPrefix = "constraints:"

  /// Summed positive constraint values (Optuna's infeasibility score); 0 when feasible or
  /// unconstrained, infinity when a value is not a number.
  public var infeasibilityScore: Double {
    constraintValues.values.reduce(0) { $0 + ($1.isNaN ? .infinity : max($1, 0)) }
  }

  /// Feasible when every constraint value is ≤ 0 (or there are none).
  public var isFeasible: Bool { infeasibilityScore == 0 }

  /// The internal representation of a parameter (a categorical's index), or nil when the trial
  /// does not have it or its value does not fit its distribution.
  public func internalValue(_ name: String) -> Double? {
    guard let value = params[name], let dist = distributions[name] else { return nil }
    return try? dist.toInternal(value, parameter: name)
  }

  /// Equality compares NaN values as equal so a round-tripped trial equals its original.
  public static func == (a: FrozenTrial, b: FrozenTrial) -> Bool {
    func same(_ x: [Double]?, _ y: [Double]?) -> Bool {
      switch (x, y) {
      case (nil, nil): return true
      case (let x?, let y?): return x.count == y.count && zip(x, y).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
      default: return false
      }
    }
    return a.number == b.number && a.trialID == b.trialID && a.state == b.state
      && same(a.values, b.values) && a.params.count == b.params.count
      && a.params.allSatisfy { k, v in b.params[k].map { v.matches($0) } ?? false }
      && a.distributions == b.distributions && a.userAttrs == b.userAttrs
      && a.systemAttrs == b.systemAttrs
      && a.intermediateValues.count == b.intermediateValues.count
      && a.intermediateValues.allSatisfy { k, v in
        b.intermediateValues[k].map { $0 == v || ($0.isNaN && v.isNaN) } ?? false
      }
      && a.datetimeStart == b.datetimeStart && a.datetimeComplete == b.datetimeComplete
  }
}
