// Conversions between script values and the search engine's value types, with errors that name
// the argument the way Optuna's do.
import Foundation
import HPSScript
import HPSSearch

enum OptunaValues {
  // MARK: Script → engine

  /// A number argument (int, float or bool, as Python's float() accepts them).
  static func double(_ v: Value, _ function: String, _ argument: String) throws -> Double {
    if let d = v.asDouble { return d }
    throw OptunaErrors.typeError("\(function)() argument '\(argument)' must be a number, not '\(v.typeName)'")
  }

  static func optionalDouble(_ v: Value, _ function: String, _ argument: String) throws -> Double? {
    v.isNone ? nil : try double(v, function, argument)
  }

  /// An integer argument; a float with an integral value is refused, as Optuna's int checks do.
  static func int(_ v: Value, _ function: String, _ argument: String) throws -> Int {
    if let i = v.asInt { return i }
    throw OptunaErrors.typeError("\(function)() argument '\(argument)' must be an int, not '\(v.typeName)'")
  }

  static func optionalInt(_ v: Value, _ function: String, _ argument: String) throws -> Int? {
    v.isNone ? nil : try int(v, function, argument)
  }

  static func string(_ v: Value, _ function: String, _ argument: String) throws -> String {
    if let s = v.asString { return s }
    throw OptunaErrors.typeError("\(function)() argument '\(argument)' must be a str, not '\(v.typeName)'")
  }

  static func optionalString(_ v: Value, _ function: String, _ argument: String) throws -> String? {
    v.isNone ? nil : try string(v, function, argument)
  }

  static func bool(_ vm: VM, _ v: Value) throws -> Bool { try vm.isTrue(v) }

  /// A categorical choice or parameter value: None, bool, int, float or str (Optuna's
  /// CategoricalChoiceType).
  static func param(_ v: Value, _ context: String) throws -> ParamValue {
    switch v {
    case .none: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .str(let s): return .string(s)
    default:
      throw OptunaErrors.valueError(
        "\(context): choices must be None, bool, int, float or str, not '\(v.typeName)'")
    }
  }

  /// Items of a list, tuple or other iterable.
  static func sequence(_ vm: VM, _ v: Value, _ function: String, _ argument: String) throws -> [Value] {
    if let items = v.asArray { return items }
    do {
      return try vm.items(of: v)
    } catch {
      throw OptunaErrors.typeError("\(function)() argument '\(argument)' must be a sequence, not '\(v.typeName)'")
    }
  }

  /// A dict with string keys.
  static func stringKeyed(_ vm: VM, _ v: Value, _ function: String, _ argument: String) throws -> [(String, Value)] {
    guard case .dict = v else {
      throw OptunaErrors.typeError("\(function)() argument '\(argument)' must be a dict, not '\(v.typeName)'")
    }
    return try vm.dictItems(v).map { key, value in
      guard let k = key.asString else {
        throw OptunaErrors.typeError("\(function)() argument '\(argument)': keys must be str, not '\(key.typeName)'")
      }
      return (k, value)
    }
  }

  /// An attribute value that storage can keep: JSON-serializable values only (as Optuna's RDB
  /// storage requires).
  static func json(_ vm: VM, _ v: Value, _ context: String) throws -> HPSSearch.JSONValue {
    switch v {
    case .none: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .double(d)
    case .str(let s): return .string(s)
    case .list, .tuple: return .array(try (v.asArray ?? []).map { try json(vm, $0, context) })
    case .dict:
      var object: [String: HPSSearch.JSONValue] = [:]
      for (key, value) in try vm.dictItems(v) {
        guard let k = key.asString else {
          throw OptunaErrors.typeError("\(context): dict keys must be str to be stored, not '\(key.typeName)'")
        }
        object[k] = try json(vm, value, context)
      }
      return .object(object)
    default:
      throw OptunaErrors.typeError("\(context): Object of type \(v.typeName) is not JSON serializable")
    }
  }

  /// An objective's return value: one number, or a sequence of numbers for several objectives.
  /// nil means "cannot be cast to float" (the trial then FAILs with Optuna's warning).
  static func objectiveValues(_ vm: VM, _ v: Value) -> [Double]? {
    if let d = v.asDouble { return [d] }
    if let items = v.asArray {
      var out: [Double] = []
      for item in items {
        guard let d = item.asDouble else { return nil }
        out.append(d)
      }
      return out
    }
    return nil
  }

  // MARK: Engine → script

  /// A dict of parameters in name order (Optuna keeps suggestion order; the engine keeps a
  /// dictionary, so names are sorted for a stable display).
  static func params(_ vm: VM, _ params: [String: ParamValue]) throws -> Value {
    try vm.makeDict(params.keys.sorted().map { ($0, EngineValues.script(params[$0] ?? .none)) })
  }

  static func attrs(_ vm: VM, _ attrs: [String: HPSSearch.JSONValue]) throws -> Value {
    try vm.makeDict(try attrs.keys.sorted().map { ($0, try EngineValues.script(attrs[$0] ?? .null, vm: vm)) })
  }

  static func optionalFloat(_ d: Double?) -> Value { d.map { .float($0) } ?? .none }

  /// `2026-12-07 03:42:51.123456`: what str() of Python's datetime shows (local time).
  static func datetime(_ date: Date?) -> Value {
    guard let date else { return .none }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSSSSS"
    return .str(formatter.string(from: date))
  }
}
