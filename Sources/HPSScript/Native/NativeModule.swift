// The binding API the engine is published through: native modules, native classes (callable,
// inspectable, subclassable by scripts) and conversions between `Value` and Swift types.

/// A module implemented in Swift, instantiated on first import.
public final class NativeModule {
  public let name: String
  public let doc: String
  let members: (VM) throws -> [(String, Value)]

  /// `members` lists the module's names and values (functions, classes, constants) in one place.
  public init(_ name: String, doc: String = "", members: @escaping (VM) throws -> [(String, Value)]) {
    self.name = name
    self.doc = doc
    self.members = members
  }

  func instantiate(_ vm: VM) throws -> ModuleObject {
    let m = ModuleObject(name: name)
    m.namespace.set("__doc__", .str(doc))
    for (k, v) in try members(vm) { m.namespace.set(k, v) }
    return m
  }
}

/// A property of a native class.
public struct NativeProperty {
  public let name: String
  public let doc: String
  public let get: (VM, InstanceObject) throws -> Value
  public let set: ((VM, InstanceObject, Value) throws -> Void)?
  public init(
    _ name: String, doc: String = "", get: @escaping (VM, InstanceObject) throws -> Value,
    set: ((VM, InstanceObject, Value) throws -> Void)? = nil
  ) {
    self.name = name
    self.doc = doc
    self.get = get
    self.set = set
  }
}

/// A class implemented in Swift. Its instances are `InstanceObject`s whose `native` field holds the
/// Swift object; script classes may subclass it and override its methods.
public final class NativeClass {
  public let type: TypeObject

  /// - Parameters:
  ///   - initializer: runs as `__init__`; typically stores a Swift object in `instance.native`.
  ///   - methods: each receives the instance as the first positional argument.
  public init(
    name: String, module: String, doc: String = "", base: NativeClass? = nil, subclassable: Bool = true,
    initializer: NativeFunction? = nil, methods: [NativeFunction] = [], classMethods: [NativeFunction] = [],
    properties: [NativeProperty] = [], attributes: [(String, Value)] = []
  ) {
    var dict: [String: Value] = [:]
    if let i = initializer {
      let f = NativeFunction("__init__", signature: i.signatureText, doc: i.doc) { vm, args, kw in try i.body(vm, args, kw) }
      dict["__init__"] = .object(f.asMethod())
    }
    for m in methods { dict[m.name] = .object(m.asMethod()) }
    for m in classMethods {
      m.isClassMethod = true
      dict[m.name] = .object(m)
    }
    for p in properties {
      let getter = NativeFunction(p.name, signature: "(self)", doc: p.doc) { vm, args, _ in
        guard let first = args.first, case .instance(let i) = first else { throw typeError("descriptor '\(p.name)' needs an instance") }
        return try p.get(vm, i)
      }
      var setter: Value = .none
      if let set = p.set {
        setter = .object(NativeFunction(p.name, signature: "(self, value)") { vm, args, _ in
          guard args.count == 2, case .instance(let i) = args[0] else { throw typeError("descriptor '\(p.name)' needs an instance") }
          try set(vm, i, args[1])
          return .none
        })
      }
      dict[p.name] = .object(PropertyObject(getter: .object(getter), setter: setter, doc: p.doc))
    }
    for (k, v) in attributes { dict[k] = v }
    type = TypeObject(
      name: name, base: base?.type ?? Builtin.objectType, dict: dict, layout: .native, module: module, doc: doc)
    type.isSubclassable = subclassable
    self.subclassable = subclassable
    type.native = self
  }

  public let subclassable: Bool
  public var value: Value { .type(type) }

  /// The Swift object of an instance of this class (or of a script subclass).
  public static func payload<T: AnyObject>(_ v: Value, as: T.Type) -> T? {
    guard case .instance(let i) = v else { return nil }
    return i.native as? T
  }
}

extension Value {
  public init(_ i: Int) { self = .int(i) }
  public init(_ d: Double) { self = .float(d) }
  public init(_ s: String) { self = .str(s) }
  public init(_ b: Bool) { self = .bool(b) }
  public init(_ items: [Value]) { self = .list(ListObject(items)) }
  public static func tuple(of items: [Value]) -> Value { .tuple(items) }
  public init(_ f: NativeFunction) { self = .object(f) }

  public var asInt: Int? {
    switch self {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    default: return nil
    }
  }
  public var asDouble: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .float(let d): return d
    case .bool(let b): return b ? 1 : 0
    case .big(let b): return Double(b.value)
    default: return nil
    }
  }
  public var asString: String? {
    if case .str(let s) = self { return s }
    return nil
  }
  public var asBool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }
  public var isNone: Bool {
    if case .none = self { return true }
    return false
  }
  /// Items of a list or tuple.
  public var asArray: [Value]? {
    switch self {
    case .list(let l): return l.items
    case .tuple(let t): return t
    default: return nil
    }
  }
}

extension VM {
  /// A dict from Swift pairs (string keys).
  public func makeDict(_ pairs: [(String, Value)]) throws -> Value {
    let d = DictObject()
    for (k, v) in pairs { try d.table.set(.str(k), hash: hash(.str(k)), value: v, vm: self) }
    return .dict(d)
  }

  /// A dict's items as Swift pairs (any mapping with keys()).
  public func dictItems(_ v: Value) throws -> [(Value, Value)] { try mappingItems(v) }

  /// Calls any callable value from Swift.
  public func callValue(_ f: Value, _ args: [Value], _ kwargs: Kwargs = []) throws -> Value {
    try call(f, args, kwargs)
  }

  /// Calls `receiver.name(...)`, running a script override when the receiver's class has one.
  public func invokeMethod(_ receiver: Value, _ name: String, _ args: [Value], _ kwargs: Kwargs = []) throws -> Value {
    try callMethod(receiver, name, args, kwargs)
  }

  /// Raises a builtin exception class by name with a message (`ValueError`, `TypeError`, ...).
  public func error(_ className: String, _ message: String) -> ScriptError {
    let t: TypeObject
    if let v = builtins[className], case .type(let cls) = v, cls.isExceptionType { t = cls } else { t = Builtin.runtimeError }
    return ScriptError(t, message)
  }

  /// Makes a native module importable.
  public func registerModule(_ m: NativeModule) {
    nativeModules[m.name] = m
    modules[m.name] = nil
  }
}

// Module state that native code changes after import (`wandb.run` while a run is active) and
// exception classes defined by native modules.
extension VM {
  /// Sets `name` on module `module` if it has been imported (no effect otherwise).
  public func setModuleAttribute(_ module: String, _ name: String, _ value: Value) {
    guard case .object(let m as ModuleObject)? = modules[module] else { return }
    m.namespace.set(name, value)
  }

  /// A script-style subclass of `base` with no methods of its own (exception classes of native
  /// modules, e.g. `wandb.errors.UsageError`).
  public func makeSubclass(name: String, base: TypeObject, module: String, doc: String) throws -> TypeObject {
    try makeClass(name: name, qualname: name, base: base, namespace: DictObject(), module: module, doc: doc)
  }
}
