// A callable implemented in Swift: builtins, methods of builtin types, native module functions.

public final class NativeFunction: PyObject {
  public let name: String
  public let doc: String
  /// `(x, /, key=None)`: shown by help().
  public let signatureText: String
  /// Methods of builtin and native types bind their receiver as the first argument.
  var isMethod = false
  var isClassMethod = false
  let body: (VM, [Value], Kwargs) throws -> Value

  /// A function that parses its own arguments.
  public init(
    _ name: String, signature: String = "(...)", doc: String = "",
    _ body: @escaping (VM, [Value], Kwargs) throws -> Value
  ) {
    self.name = name
    self.doc = doc
    self.signatureText = signature
    self.body = body
  }

  /// A function whose arguments the VM binds against `signature`.
  public convenience init(
    _ name: String, _ signature: Signature, doc: String = "",
    _ body: @escaping (VM, BoundArguments) throws -> Value
  ) {
    self.init(name, signature: signature.text(nil), doc: doc) { vm, args, kw in
      try body(vm, try signature.bind(name, args, kw))
    }
  }

  public override var pyType: TypeObject { isMethod ? Builtin.methodDescriptorType : Builtin.builtinFunctionType }

  func asMethod() -> NativeFunction {
    isMethod = true
    return self
  }
}

/// Argument-count helpers for builtins that parse their own arguments.
func expectArgs(_ name: String, _ args: [Value], _ kw: Kwargs, min: Int, max: Int) throws {
  if !kw.isEmpty { throw typeError("\(name)() takes no keyword arguments") }
  if args.count < min || args.count > max {
    if min == max {
      if min == 0 { throw typeError("\(name)() takes no arguments (\(args.count) given)") }
      if min == 1 { throw typeError("\(name)() takes exactly one argument (\(args.count) given)") }
      throw typeError("\(name) expected \(min) arguments, got \(args.count)")
    }
    if args.count < min { throw typeError("\(name) expected at least \(min) argument\(min == 1 ? "" : "s"), got \(args.count)") }
    throw typeError("\(name) expected at most \(max) argument\(max == 1 ? "" : "s"), got \(args.count)")
  }
}

extension Array where Element == Value {
  /// The i-th argument, or a TypeError instead of a trap when the call passed too few.
  func at(_ i: Int) throws -> Value {
    guard i < count else {
      throw typeError("expected at least \(i + 1) argument\(i == 0 ? "" : "s"), got \(count)")
    }
    return self[i]
  }
}
