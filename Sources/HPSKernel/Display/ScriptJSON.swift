// Script values → JSON, for `_repr_json_`, bundle metadata and `display(raw=True)`.
import HPSScript
import HPSSearch

enum ScriptJSON {
  /// Nesting limit so a self-containing list is an error, not a stack overflow.
  static let maxDepth = 200

  static func value(_ v: Value, vm: VM, depth: Int = 0) throws -> HPSSearch.JSONValue {
    guard depth < maxDepth else { throw vm.error("ValueError", "value nested too deeply to convert to JSON") }
    switch v {
    case .none: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return d.isFinite ? .double(d) : .null
    case .str(let s): return .string(s)
    case .big: return .double(v.asDouble ?? .nan)
    case .list, .tuple:
      return .array(try (v.asArray ?? []).map { try value($0, vm: vm, depth: depth + 1) })
    case .dict:
      var out: [String: HPSSearch.JSONValue] = [:]
      for (k, item) in try vm.dictItems(v) {
        guard let key = k.asString else { throw vm.error("TypeError", "JSON object keys must be str, not \(k.typeName)") }
        out[key] = try value(item, vm: vm, depth: depth + 1)
      }
      return .object(out)
    default:
      throw vm.error("TypeError", "Object of type \(v.typeName) is not JSON serializable")
    }
  }
}
