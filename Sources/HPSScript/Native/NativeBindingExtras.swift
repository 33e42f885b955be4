// Small additions to the binding API for native modules that define their own exception classes,
// enum-like class attributes and instances created from Swift (HPSKernel's `optuna` module).

extension ScriptError {
  /// An exception of any exception class (a native module's own, such as `optuna.TrialPruned`)
  /// carrying `message` as its single argument.
  public init(raising type: TypeObject, message: String) {
    self.init(ExceptionObject(cls: type, args: [.str(message)]))
  }

  /// The exception's message: its first argument when that is a string, else "".
  public var message: String { exception.args.first?.asString ?? "" }
}

extension NativeClass {
  /// An instance of this class around `native`, made without running `__init__` (for objects
  /// only Swift code creates: a live trial handed to an objective, an enum member).
  public func instance(wrapping native: AnyObject) -> Value {
    let object = InstanceObject(cls: type)
    object.native = native
    return .instance(object)
  }

  /// Adds or replaces a class attribute after creation (enum members that are instances of the
  /// class itself).
  public func setClassAttribute(_ name: String, _ value: Value) { type.setAttribute(name, value) }
}

extension VM {
  /// Python truth value (`bool(v)`), running `__bool__`/`__len__` of script classes.
  public func isTrue(_ v: Value) throws -> Bool { try truthy(v) }

  /// The items of any iterable, in order.
  public func items(of iterable: Value) throws -> [Value] { try iterate(iterable) }

  /// Whether `callable(v)` holds.
  public func isCallableValue(_ v: Value) -> Bool { isCallable(v) }
}

extension TypeObject {
  /// A builtin exception class by name (`ValueError`, `KeyboardInterrupt`), for native modules
  /// that raise them without a VM at hand.
  public static func builtinException(named name: String) -> TypeObject? {
    Builtin.allExceptions.first { $0.name == name }
  }
}

extension VM {
  /// A dict from key/value pairs of any hashable keys, in order.
  public func makeDict(items: [(Value, Value)]) throws -> Value {
    let d = DictObject()
    for (k, v) in items { try d.table.set(k, hash: hash(k), value: v, vm: self) }
    return .dict(d)
  }
}
