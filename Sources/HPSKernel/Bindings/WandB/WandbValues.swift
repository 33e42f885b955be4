// Conversions between script values and the engine's JSON values.
import HPSScript
import HPSSearch

enum WandbValues {
  /// A script value as JSON (dicts with str keys, lists, numbers, strings, bools, None; a Config as
  /// its dict). Non-finite floats become null, as JSON has no spelling for them.
  static func json(_ v: Value, vm: VM) throws -> HPSSearch.JSONValue {
    if let box = NativeClass.payload(v, as: WandbConfigBox.self) {
      var out: [String: HPSSearch.JSONValue] = [:]
      for k in box.keys { out[k] = try json(box.values[k] ?? .none, vm: vm) }
      return .object(out)
    }
    return try ScriptJSON.value(v, vm: vm)
  }

  /// A JSON value as plain script values (dict, list, int, float, str, bool, None).
  static func value(_ j: HPSSearch.JSONValue, vm: VM) throws -> Value {
    switch j {
    case .null: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .double(let d): return .float(d)
    case .string(let s): return .str(s)
    case .array(let items): return .list(ListObject(try items.map { try value($0, vm: vm) }))
    case .object(let o): return try vm.makeDict(try o.keys.sorted().map { ($0, try value(o[$0]!, vm: vm)) })
    }
  }
}
