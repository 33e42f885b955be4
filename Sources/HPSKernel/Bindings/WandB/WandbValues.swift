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

}
