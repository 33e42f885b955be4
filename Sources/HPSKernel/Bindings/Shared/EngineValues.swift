// The engine's plain value types as script values, shared by every binding (optuna, transformers,
// wandb): a parameter value and a JSON value (dicts come out with sorted keys, as the engine stores
// them).
import HPSScript
import HPSSearch

enum EngineValues {
  static func script(_ p: ParamValue) -> Value {
    switch p {
    case .none: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .string(let s): return .str(s)
    }
  }

  static func script(_ j: HPSSearch.JSONValue, vm: VM) throws -> Value {
    switch j {
    case .null: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .double(let d): return .float(d)
    case .string(let s): return .str(s)
    case .array(let items): return Value(try items.map { try script($0, vm: vm) })
    case .object(let fields):
      return try vm.makeDict(try fields.keys.sorted().map { ($0, try script(fields[$0] ?? .null, vm: vm)) })
    }
  }
}
