// `wandb.config` / `run.config`: the run's hyperparameters with attribute and item access. Nested
// sections are Config objects too, so `config.model.depth` and `config["model"]["depth"]` both
// work. Keys a sweep set are locked: assigning them is ignored with a warning, as in W&B.
import HPSScript
import HPSSearch

final class WandbConfigBox {
  var keys: [String] = []
  var values: [String: Value] = [:]
  /// Sweep parameters (top-level keys) the script may not change.
  var locked: Set<String> = []
  weak var state: WandbState?
  init(state: WandbState?) { self.state = state }
}

enum WandbConfigClass {
  static func box(_ v: Value, _ vm: VM) throws -> WandbConfigBox {
    guard let b = NativeClass.payload(v, as: WandbConfigBox.self) else {
      throw vm.error("TypeError", "expected a wandb Config, got \(v.typeName)")
    }
    return b
  }

  /// A new Config holding `pairs` (dicts inside become nested Configs).
  static func make(_ vm: VM, state: WandbState?, _ pairs: [(String, Value)] = []) throws -> Value {
    let v = try vm.callValue(shared.value, [])
    guard case .instance(let instance) = v else { throw vm.error("RuntimeError", "Config construction failed") }
    let b = WandbConfigBox(state: state)
    instance.native = b
    for (k, item) in pairs { try set(b, k, item, vm) }
    return v
  }

  static func set(_ b: WandbConfigBox, _ key: String, _ value: Value, _ vm: VM) throws {
    if b.locked.contains(key) {
      if let old = b.values[key], (try? vm.repr(old)) != (try? vm.repr(value)) {
        b.state?.warnOnce("Config item '\(key)' was locked by 'sweep' (ignored update).")
      }
      return
    }
    var stored = value
    if case .dict = value {
      stored = try make(vm, state: b.state, try vm.dictItems(value).map { (try keyString($0.0, vm), $0.1) })
    }
    if b.values[key] == nil { b.keys.append(key) }
    b.values[key] = stored
  }

  static func keyString(_ v: Value, _ vm: VM) throws -> String {
    guard let s = v.asString else { throw vm.error("TypeError", "config keys must be str, not \(v.typeName)") }
    return s
  }

  static func get(_ b: WandbConfigBox, _ key: String) -> Value? { b.values[key] }

  /// A plain (nested) dict copy.
  static func asDict(_ b: WandbConfigBox, _ vm: VM) throws -> Value {
    try vm.makeDict(try b.keys.map { k in
      let v = b.values[k] ?? .none
      if let inner = NativeClass.payload(v, as: WandbConfigBox.self) { return (k, try asDict(inner, vm)) }
      return (k, v)
    })
  }

  /// `update(d)`: a dict, a Config, or keyword arguments.
  static func update(_ b: WandbConfigBox, _ source: Value, _ kwargs: Kwargs, _ vm: VM) throws {
    if !source.isNone {
      let items: [(String, Value)]
      if let other = NativeClass.payload(source, as: WandbConfigBox.self) {
        items = other.keys.map { ($0, other.values[$0] ?? .none) }
      } else if case .dict = source {
        items = try vm.dictItems(source).map { (try keyString( $0.0, vm), $0.1) }
      } else {
        throw vm.error("TypeError", "config.update() expects a dict or Config, not \(source.typeName)")
      }
      for (k, v) in items { try set(b, k, v, vm) }
    }
    for (k, v) in kwargs { try set(b, k, v, vm) }
  }

  static let shared = NativeClass(
    name: "Config", module: "wandb",
    doc: "A run's configuration (hyperparameters): config.lr, config['lr'], config.model.depth, config.get('lr', 0.1), "
      + "config.update({...}), config.as_dict(). In a sweep run it holds the sampled values; those keys are locked.",
    subclassable: false,
    initializer: NativeFunction("__init__", Signature([.init("self")]), doc: "Configs are made by wandb.init(); wandb.config is the active run's.") { _, _ in .none },
    methods: [
      NativeFunction("__getattr__", Signature([.init("self"), .init("name")])) { vm, a in
        let b = try box(a["self"], vm)
        let name = try keyString( a["name"], vm)
        guard let v = get(b, name) else { throw vm.error("AttributeError", "config has no key '\(name)'") }
        return v
      },
      NativeFunction("__setattr__", Signature([.init("self"), .init("name"), .init("value")])) { vm, a in
        try set(try box(a["self"], vm), try keyString( a["name"], vm), a["value"], vm)
        return .none
      },
      NativeFunction("__getitem__", Signature([.init("self"), .init("key")])) { vm, a in
        let b = try box(a["self"], vm)
        guard let k = a["key"].asString, let v = get(b, k) else { throw vm.error("KeyError", try vm.repr(a["key"])) }
        return v
      },
      NativeFunction("__setitem__", Signature([.init("self"), .init("key"), .init("value")])) { vm, a in
        try set(try box(a["self"], vm), try keyString( a["key"], vm), a["value"], vm)
        return .none
      },
      NativeFunction("__contains__", Signature([.init("self"), .init("key")])) { vm, a in
        let b = try box(a["self"], vm)
        return .bool(a["key"].asString.map { b.values[$0] != nil } ?? false)
      },
      NativeFunction("__iter__", Signature([.init("self")])) { vm, a in
        try vm.invokeMethod(.list(ListObject(try box(a["self"], vm).keys.map { .str($0) })), "__iter__", [])
      },
      NativeFunction("__len__", Signature([.init("self")])) { vm, a in .int(try box(a["self"], vm).keys.count) },
      NativeFunction("__repr__", Signature([.init("self")])) { vm, a in .str(try vm.repr(try asDict(try box(a["self"], vm), vm))) },
      NativeFunction("__eq__", Signature([.init("self"), .init("other")])) { vm, a in
        let mine = try WandbValues.json(a["self"], vm: vm)
        guard let other = try? WandbValues.json(a["other"], vm: vm) else { return .bool(false) }
        return .bool(mine == other)
      },
      NativeFunction("keys", Signature([.init("self")]), doc: "The keys, in insertion order.") { vm, a in
        .list(ListObject(try box(a["self"], vm).keys.map { .str($0) }))
      },
      NativeFunction("values", Signature([.init("self")]), doc: "The values, in key order.") { vm, a in
        let b = try box(a["self"], vm)
        return .list(ListObject(b.keys.map { b.values[$0] ?? .none }))
      },
      NativeFunction("items", Signature([.init("self")]), doc: "(key, value) pairs, in key order.") { vm, a in
        let b = try box(a["self"], vm)
        return .list(ListObject(b.keys.map { .tuple([.str($0), b.values[$0] ?? .none]) }))
      },
      NativeFunction("get", Signature([.init("self"), .init("key"), .init("default", default: Value.none)]),
                     doc: "The value of key, or default when absent.") { vm, a in
        let b = try box(a["self"], vm)
        return a["key"].asString.flatMap { get(b, $0) } ?? a["default"]
      },
      NativeFunction("update", Signature([.init("self"), .init("d", default: Value.none), .init("allow_val_change", default: Value.none)], kwargs: "kwargs"),
                     doc: "Sets every key of d (a dict or Config) and of the keyword arguments. Sweep keys stay as the sweep chose them.") { vm, a in
        try update(try box(a["self"], vm), a["d"], a.kwargs, vm)
        return .none
      },
      NativeFunction("setdefaults", Signature([.init("self"), .init("d")]), doc: "Sets the keys of d that are not set yet.") { vm, a in
        let b = try box(a["self"], vm)
        for (k, v) in try vm.dictItems(a["d"]) {
          let name = try keyString( k, vm)
          if b.values[name] == nil { try set(b, name, v, vm) }
        }
        return .none
      },
      NativeFunction("as_dict", Signature([.init("self")]), doc: "A plain nested dict copy of the config.") { vm, a in
        try asDict(try box(a["self"], vm), vm)
      },
    ])
}
