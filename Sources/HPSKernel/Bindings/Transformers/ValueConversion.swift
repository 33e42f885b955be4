// Conversions between script values and the engine's plain Swift values.
import HPSScript
import HPSSearch
import HPSTraining

enum Convert {
  /// A script scalar as a TrainingArguments / config value; anything else is a TypeError naming `field`.
  static func argument(_ v: Value, vm: VM, field: String) throws -> ArgumentValue {
    switch v {
    case .none: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .double(d)
    case .str(let s): return .string(s)
    default:
      throw vm.error("TypeError", "\(field) must be an int, float, str, bool or None, got \(v.typeName)")
    }
  }

  static func value(_ a: ArgumentValue) -> Value {
    switch a {
    case .none: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .double(let d): return .float(d)
    case .string(let s): return .str(s)
    }
  }

  static func argument(_ p: ParamValue) -> ArgumentValue {
    switch p {
    case .none: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .double(d)
    case .string(let s): return .string(s)
    }
  }

  /// Metrics as a dict in insertion order; "step" is an int as in Transformers' log_history.
  static func dict(_ m: Metrics, vm: VM) throws -> Value {
    try vm.makeDict(m.map { (k, v) in (k, k == "step" && v == v.rounded() ? Value.int(Int(v)) : Value.float(v)) })
  }

  /// A compute_metrics result (a mapping of names to numbers) as Metrics.
  static func metrics(_ v: Value, vm: VM, from function: String) throws -> Metrics {
    guard case .dict = v else { throw vm.error("TypeError", "\(function) must return a dict of metric names to numbers, got \(v.typeName)") }
    var m = Metrics()
    for (k, x) in try vm.dictItems(v) {
      guard let key = k.asString else { throw vm.error("TypeError", "\(function) returned a non-str key \(vm.reprOrType(k))") }
      guard let d = x.asDouble else {
        throw vm.error("TypeError", "\(function) returned a non-numeric value for '\(key)': \(vm.reprOrType(x))")
      }
      m[key] = d
    }
    return m
  }

  static func doubles(_ v: Value, vm: VM, what: String) throws -> [Double] {
    guard let items = v.asArray else { throw vm.error("TypeError", "\(what) must be a list of numbers, got \(v.typeName)") }
    return try items.map { x in
      guard let d = x.asDouble else { throw vm.error("TypeError", "\(what) must contain numbers, got \(x.typeName)") }
      return d
    }
  }

  static func ints(_ v: Value, vm: VM, what: String) throws -> [Int] {
    guard let items = v.asArray else { throw vm.error("TypeError", "\(what) must be a list of ints, got \(v.typeName)") }
    return try items.map { x in
      guard case .int(let i) = x else { throw vm.error("TypeError", "\(what) must contain ints, got \(x.typeName)") }
      return i
    }
  }
}

extension VM {
  func reprOrType(_ v: Value) -> String { (try? repr(v)) ?? "<\(v.typeName)>" }
}

extension NativeClass {
  /// A new instance of this class holding `payload` (made without running __init__).
  func instance(_ vm: VM, _ payload: AnyObject) throws -> Value { instance(wrapping: payload) }
}

/// The native payload of `self` for a method of a native class, or a TypeError.
func payload<T: AnyObject>(_ v: Value, _ type: T.Type, _ vm: VM, _ className: String) throws -> T {
  guard let p = NativeClass.payload(v, as: T.self) else {
    throw vm.error("TypeError", "expected a \(className) object, got \(v.typeName) (was __init__ called?)")
  }
  return p
}
