// The external value of a hyperparameter: what `suggest_*` returns to the objective. Categorical
// choices may be any of Optuna's storable kinds (None, bool, int, float, str).
import Foundation

/// A hyperparameter value as the user sees it.
public enum ParamValue: Sendable, Hashable, CustomStringConvertible {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)

  /// The value as a number when it is one (`int` widens; `bool` does not count).
  public var doubleValue: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .float(let d): return d
    default: return nil
    }
  }

  public var intValue: Int? {
    switch self {
    case .int(let i): return i
    case .float(let d) where d.isFinite && d.rounded() == d && abs(d) < 9.0e18: return Int(d)
    default: return nil
    }
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// Python's `repr()` of the value: `None`, `True`, `3`, `0.1`, `'adam'`.
  public var description: String {
    switch self {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .float(let d): return pythonRepr(d)
    case .string(let s): return "'\(s)'"
    }
  }

  /// Equality that treats NaN as equal to NaN (Optuna's `skip_if_exists` and categorical lookup).
  public func matches(_ other: ParamValue) -> Bool {
    if case .float(let a) = self, case .float(let b) = other, a.isNaN, b.isNaN { return true }
    return self == other
  }

  /// The JSON form used in storage and exports.
  public var json: JSONValue {
    switch self {
    case .none: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .double(d)
    case .string(let s): return .string(s)
    }
  }

  /// Reads a JSON scalar back; arrays and objects are not parameter values.
  public init?(json: JSONValue) {
    switch json {
    case .null: self = .none
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .int(i)
    case .double(let d): self = .float(d)
    case .string(let s): self = .string(s)
    case .array, .object: return nil
    }
  }
}

extension ParamValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
  ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(floatLiteral value: Double) { self = .float(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(nilLiteral: ()) { self = .none }
}
