// Helpers for declaring the optuna module's native classes compactly: methods and properties
// that fetch their Swift payload, bind Optuna's keywords and map engine errors.
import HPSScript
import HPSSearch

/// Holds a Swift value type (a pruner, a frozen trial, a distribution) as a class payload.
class Box<T> {
  var value: T
  init(_ value: T) { self.value = value }
}

enum OptunaNative {
  /// The payload of a method's receiver, or the TypeError CPython gives for a wrong receiver.
  static func receiver<T: AnyObject>(_ v: Value, _ className: String, _ method: String, as: T.Type) throws -> T {
    if let payload = NativeClass.payload(v, as: T.self) { return payload }
    throw OptunaErrors.typeError(
      "descriptor '\(method)' requires a '\(className)' object that optuna created, but received '\(v.typeName)'")
  }

  /// A method whose receiver payload has type `T`; `parameters` exclude `self`.
  static func method<T: AnyObject>(
    _ className: String, _ name: String, _ parameters: [Signature.Parameter] = [], varargs: String? = nil,
    kwargs: String? = nil, doc: String, _ body: @escaping (VM, T, BoundArguments) throws -> Value
  ) -> NativeFunction {
    let signature = Signature([Signature.Parameter("self")] + parameters, varargs: varargs, kwargs: kwargs)
    return NativeFunction(name, signature, doc: doc) { vm, bound in
      let target = try receiver(bound[0], className, name, as: T.self)
      return try OptunaErrors.bridged { try body(vm, target, bound) }
    }
  }

  /// A read-only property whose receiver payload has type `T`.
  static func property<T: AnyObject>(
    _ className: String, _ name: String, doc: String, _ get: @escaping (VM, T) throws -> Value
  ) -> NativeProperty {
    NativeProperty(name, doc: doc) { vm, instance in
      guard let target = instance.native as? T else {
        throw OptunaErrors.typeError("'\(className)' object was not created by optuna; '\(name)' is unavailable")
      }
      return try OptunaErrors.bridged { try get(vm, target) }
    }
  }

  /// A module-level function with Optuna's keywords.
  static func function(
    _ name: String, _ parameters: [Signature.Parameter], varargs: String? = nil, kwargs: String? = nil, doc: String,
    _ body: @escaping (VM, BoundArguments) throws -> Value
  ) -> NativeFunction {
    NativeFunction(name, Signature(parameters, varargs: varargs, kwargs: kwargs), doc: doc) { vm, bound in
      try OptunaErrors.bridged { try body(vm, bound) }
    }
  }

  /// An `__init__` that binds `parameters` and stores what `make` returns as the payload.
  static func initializer(
    _ className: String, _ parameters: [Signature.Parameter], varargs: String? = nil, kwargs: String? = nil,
    doc: String = "", _ make: @escaping (VM, BoundArguments) throws -> AnyObject
  ) -> NativeFunction {
    let signature = Signature([Signature.Parameter("self")] + parameters, varargs: varargs, kwargs: kwargs)
    return NativeFunction("__init__", signature, doc: doc) { vm, bound in
      guard case .instance(let instance) = bound[0] else { throw OptunaErrors.typeError("\(className).__init__ needs an instance") }
      instance.native = try OptunaErrors.bridged { try make(vm, bound) }
      return .none
    }
  }

  /// An `__init__` for classes only optuna creates (Trial, Study, FrozenTrial from a study).
  static func notConstructible(_ className: String, use: String) -> NativeFunction {
    NativeFunction("__init__", signature: "(self, *args, **kwargs)") { _, _, _ in
      throw OptunaErrors.typeError("\(className) objects are not created directly; use \(use)")
    }
  }

  /// `__repr__` from a Swift description of the payload.
  static func repr<T: AnyObject>(_ className: String, _ text: @escaping (VM, T) throws -> String) -> NativeFunction {
    method(className, "__repr__", doc: "Return repr(self).") { (vm: VM, target: T, _: BoundArguments) in .str(try text(vm, target)) }
  }
}

/// Gives a declaration enum the short `p(...)` parameter constructor used in its signatures.
protocol OptunaDeclarations {}

extension OptunaDeclarations {
  static func p(_ name: String, _ defaultValue: Value? = nil, keywordOnly: Bool = false) -> Signature.Parameter {
    Signature.Parameter(name, default: defaultValue, keywordOnly: keywordOnly)
  }
}
