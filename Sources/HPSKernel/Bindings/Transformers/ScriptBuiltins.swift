// The few builtins native bindings call back into (truth tests, iteration, getattr, import),
// looked up once per interpreter when the modules are registered.
import HPSScript

final class ScriptBuiltins {
  let boolFunction: Value
  let listFunction: Value
  let getattrFunction: Value
  let importFunction: Value
  let rangeFunction: Value
  let iterFunction: Value

  init(_ interpreter: Interpreter) {
    boolFunction = interpreter[global: "bool"] ?? .none
    listFunction = interpreter[global: "list"] ?? .none
    getattrFunction = interpreter[global: "getattr"] ?? .none
    importFunction = interpreter[global: "__import__"] ?? .none
    rangeFunction = interpreter[global: "range"] ?? .none
    iterFunction = interpreter[global: "iter"] ?? .none
  }

  func truthy(_ vm: VM, _ v: Value) throws -> Bool {
    switch v {
    case .bool(let b): return b
    case .none: return false
    case .int(let i): return i != 0
    default: return try vm.callValue(boolFunction, [v]).asBool ?? false
    }
  }

  /// The items of any iterable (list and tuple without a call).
  func items(_ vm: VM, _ v: Value) throws -> [Value] {
    if let a = v.asArray { return a }
    return try vm.callValue(listFunction, [v]).asArray ?? []
  }

  func attribute(_ vm: VM, _ v: Value, _ name: String) throws -> Value {
    try vm.callValue(getattrFunction, [v, .str(name)])
  }

  /// `getattr(v, name, None)`.
  func optionalAttribute(_ vm: VM, _ v: Value, _ name: String) throws -> Value {
    try vm.callValue(getattrFunction, [v, .str(name), .none])
  }

  private var getitem: Value?

  /// `container[key]` with the language's own subscript rules (operator.getitem).
  func item(_ vm: VM, _ container: Value, _ key: Value) throws -> Value {
    if getitem == nil { getitem = try attribute(vm, try importModule(vm, "operator"), "getitem") }
    return try vm.callValue(getitem ?? .none, [container, key])
  }

  func importModule(_ vm: VM, _ name: String) throws -> Value {
    try vm.callValue(importFunction, [.str(name)])
  }
}
