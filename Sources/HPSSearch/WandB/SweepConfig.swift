// A parsed, validated W&B sweep configuration (wandb/sweeps' SweepConfig with defaults filled).
// Parsing and validation live in SweepConfig+Parse.swift; sampling in SweepParameter+Sample.swift.

/// `method:` of a sweep.
public enum SweepMethod: String, Sendable, Equatable { case grid, random, bayes }

/// `metric:` of a sweep. `goal` defaults to minimize, `impute` to worst (W&B's defaults).
public struct SweepMetric: Sendable, Equatable {
  public enum Goal: String, Sendable, Equatable { case minimize, maximize }
  /// What a failed, crashed or killed run counts as in bayes.
  public enum Impute: String, Sendable, Equatable { case latest, best, worst }
  public var name: String
  public var goal: Goal = .minimize
  /// The sweep finishes once a run's best value reaches this (≤ when minimizing, ≥ when maximizing).
  public var target: Double?
  public var impute: Impute = .worst
  public init(name: String, goal: Goal = .minimize, target: Double? = nil, impute: Impute = .worst) {
    self.name = name; self.goal = goal; self.target = target; self.impute = impute
  }

  /// True when `a` is better than `b` for this goal.
  public func isBetter(_ a: Double, than b: Double) -> Bool { goal == .minimize ? a < b : a > b }
}

/// `early_terminate: {type: hyperband, ...}`: bands from `maxIter` and `s`, or from `minIter` and
/// `eta`. When both are given `maxIter` wins, as in W&B's hyperband_stopping.py.
public struct SweepHyperband: Sendable, Equatable {
  public var minIter: Int?
  public var maxIter: Int?
  public var s: Double?
  public var eta: Double = 3
  public var strict: Bool = true
  public init(minIter: Int? = nil, maxIter: Int? = nil, s: Double? = nil, eta: Double = 3, strict: Bool = true) {
    self.minIter = minIter; self.maxIter = maxIter; self.s = s; self.eta = eta; self.strict = strict
  }
}

/// One searchable or constant parameter, named by its path (`outer.inner` for nested ones).
public struct SweepParameter: Sendable, Equatable {
  /// Path from the top of `parameters:` (one element per nesting level).
  public var path: [String]
  public var distribution: SweepDistribution
  /// `value` (constant) or `values` (categorical), as JSON so any YAML value round-trips.
  public var value: JSONValue?
  public var values: [JSONValue] = []
  public var probabilities: [Double] = []
  public var min: Double = 0, max: Double = 0
  /// int_uniform bounds (W&B requires JSON integers there).
  public var intMin: Int = 0, intMax: Int = 0
  public var mu: Double = 0, sigma: Double = 1
  public var a: Double = 1, b: Double = 1
  public var q: Double = 1
  /// W&B returns ints from q-distributions when `q` is an integer literal.
  public var qIsInteger: Bool = true

  public var name: String { path.joined(separator: ".") }
  public var isSearchable: Bool { distribution != .constant }
}

/// A whole sweep configuration.
public struct SweepConfig: Sendable, Equatable {
  public var method: SweepMethod
  public var metric: SweepMetric?
  /// Leaves of the parameter tree in W&B's order: names sorted at each nesting level.
  public var parameters: [SweepParameter]
  public var runCap: Int?
  public var earlyTerminate: SweepHyperband?
  /// Non-fatal findings (the exponent trap, ignored metadata keys), one line each.
  public var warnings: [String] = []
  /// The configuration as given (stored with the sweep).
  public var source: JSONValue

  public var searchableParameters: [SweepParameter] { parameters.filter(\.isSearchable) }
}

/// Every problem found in a sweep configuration, one message per line (W&B joins its
/// violations the same way).
public struct SweepConfigError: Error, Sendable, Equatable, CustomStringConvertible {
  public var violations: [String]
  public init(_ violations: [String]) { self.violations = violations }
  public var description: String { "invalid sweep configuration:\n" + violations.joined(separator: "\n") }
}
