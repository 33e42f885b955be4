// The distribution of one hyperparameter, and the two representations of its values: the
// external value the objective sees and the internal Double that samplers and storage use.
import Foundation

/// A search-space dimension. Samplers switch over it; everything else goes through its methods.
public enum Distribution: Sendable, Hashable, CustomStringConvertible {
  case float(FloatDistribution)
  case int(IntDistribution)
  case categorical(CategoricalDistribution)

  // MARK: - Convenience constructors (validate like the structs)

  public static func float(
    _ low: Double, _ high: Double, log: Bool = false, step: Double? = nil,
    logger: SearchLogger = SearchLogger.current
  ) throws -> Distribution {
    .float(try FloatDistribution(low: low, high: high, log: log, step: step, logger: logger))
  }

  public static func int(
    _ low: Int, _ high: Int, log: Bool = false, step: Int = 1, logger: SearchLogger = SearchLogger.current
  ) throws -> Distribution {
    .int(try IntDistribution(low: low, high: high, log: log, step: step, logger: logger))
  }

  public static func categorical(_ choices: [ParamValue]) throws -> Distribution {
    .categorical(try CategoricalDistribution(choices: choices))
  }

  // MARK: - Representations

  /// The internal Double for an external value: the number itself, or a choice's index.
  /// - Throws: `SearchError.valueOutOfRange` when the value has the wrong kind or is not a choice.
  public func toInternal(_ value: ParamValue, parameter: String = "") throws -> Double {
    switch self {
    case .float:
      if let d = value.doubleValue { return d }
    case .int:
      if let i = value.intValue { return Double(i) }
    case .categorical(let c):
      if let index = c.index(of: value) { return Double(index) }
    }
    throw SearchError.valueOutOfRange(parameter: parameter, value: value.description, range: description)
  }

  /// The external value for an internal Double. Ints round to the nearest integer and
  /// categorical indices are clamped into the choice list, so a sampler's float noise cannot
  /// produce an invalid value.
  public func toExternal(_ x: Double) -> ParamValue {
    switch self {
    case .float:
      return .float(x)
    case .int(let d):
      guard x.isFinite else { return .int(x > 0 ? d.high : d.low) }
      let clamped = Swift.min(Swift.max(x.rounded(), Double(Int.min / 2)), Double(Int.max / 2))
      return .int(Int(clamped))
    case .categorical(let c):
      let index = x.isFinite ? Int(Swift.min(Swift.max(x.rounded(), 0), Double(c.choices.count - 1))) : 0
      return c.choices[index]
    }
  }

  /// Whether an internal value belongs to the distribution.
  public func contains(_ x: Double) -> Bool {
    switch self {
    case .float(let d): return d.contains(x)
    case .int(let d): return d.contains(x)
    case .categorical(let d): return d.contains(x)
    }
  }

  /// Whether an external value belongs to the distribution.
  public func containsExternal(_ value: ParamValue) -> Bool {
    guard let x = try? toInternal(value) else { return false }
    return contains(x)
  }

  /// True when the distribution admits one value only; `Trial` then returns it directly.
  public var isSingle: Bool {
    switch self {
    case .float(let d): return d.isSingle
    case .int(let d): return d.isSingle
    case .categorical(let d): return d.isSingle
    }
  }

  /// The kind name Optuna uses (`FloatDistribution`, `IntDistribution`, `CategoricalDistribution`).
  public var kindName: String {
    switch self {
    case .float: return "FloatDistribution"
    case .int: return "IntDistribution"
    case .categorical: return "CategoricalDistribution"
    }
  }

  public var isLog: Bool {
    switch self {
    case .float(let d): return d.log
    case .int(let d): return d.log
    case .categorical: return false
    }
  }

  /// Optuna's repr: `FloatDistribution(high=1.0, log=False, low=0.0, step=None)`.
  public var description: String {
    func py(_ b: Bool) -> String { b ? "True" : "False" }
    switch self {
    case .float(let d):
      let step = d.step.map(pythonRepr) ?? "None"
      return "FloatDistribution(high=\(pythonRepr(d.high)), log=\(py(d.log)), low=\(pythonRepr(d.low)), step=\(step))"
    case .int(let d):
      return "IntDistribution(high=\(d.high), log=\(py(d.log)), low=\(d.low), step=\(d.step))"
    case .categorical(let d):
      return "CategoricalDistribution(choices=(\(d.choices.map(\.description).joined(separator: ", "))))"
    }
  }

  /// Checks that a parameter already suggested with `self` may be suggested again with `other`
  /// (Optuna's `check_distribution_compatibility`): same kind, same `log`, same choices.
  /// Different numeric ranges are allowed (Optuna only warns).
  public func checkCompatible(with other: Distribution, parameter: String) throws {
    switch (self, other) {
    case (.float(let a), .float(let b)) where a.log == b.log: return
    case (.int(let a), .int(let b)) where a.log == b.log: return
    case (.categorical(let a), .categorical(let b)):
      if a == b { return }
      throw SearchError.dynamicCategoricalChoices(
        parameter: parameter, existing: self.description, requested: other.description)
    default:
      throw SearchError.distributionConflict(
        parameter: parameter, existing: self.description, requested: other.description)
    }
  }
}
