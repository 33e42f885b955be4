// Methods every class inherits from `object`, so `super().__init__()` and friends work.

enum ObjectMethods {
  /// object.__repr__ / __str__: recognised by repr()/str() to mean "use the default".
  static let defaultRepr = method("__repr__", "()") { vm, s, _, _ in .str(try vm.defaultInstanceRepr(s)) }.asMethod()
  static let defaultStr = method("__str__", "()") { vm, s, _, _ in .str(try vm.defaultInstanceRepr(s)) }.asMethod()

  static var all: [NativeFunction] {
    let initSubclass = NativeFunction("__init_subclass__", signature: "()") { _, _, _ in .none }
    initSubclass.isClassMethod = true
    return [
      method("__init__", "()") { _, s, a, kw in
        if !a.isEmpty || !kw.isEmpty, case .instance(let i) = s, !i.cls.overrides("__new__") {
          throw typeError("\(i.cls.name)() takes no arguments")
        }
        return .none
      }.asMethod(),
      initSubclass,
      NativeFunction("__new__", signature: "(cls, *args, **kwargs)") { _, a, _ in
        guard case .type(let t)? = a.first else { throw typeError("object.__new__(X): X is not a type object") }
        switch t.layout {
        case .exception: return .instance(ExceptionObject(cls: t, args: Array(a.dropFirst())))
        default: return .instance(InstanceObject(cls: t))
        }
      },
      method("__setattr__", "(name, value, /)") { vm, s, a, _ in
        guard a.count == 2, case .str(let n) = (try a.at(0)) else { throw typeError("__setattr__ expected 2 arguments") }
        try vm.setAttributeDirect(s, n, (try a.at(1)))
        return .none
      }.asMethod(),
      method("__getattribute__", "(name, /)") { vm, s, a, _ in
        guard case .str(let n)? = a.first else { throw typeError("attribute name must be string") }
        return try vm.getAttribute(s, n)
      }.asMethod(),
      method("__delattr__", "(name, /)") { vm, s, a, _ in
        guard case .str(let n)? = a.first else { throw typeError("attribute name must be string") }
        try vm.deleteAttribute(s, n)
        return .none
      }.asMethod(),
      defaultRepr, defaultStr,
    ]
  }
}

extension VM {
  /// `<__main__.C object at 0x...>` (or an exception's `Name(args)`).
  func defaultInstanceRepr(_ v: Value) throws -> String {
    guard case .instance(let i) = v else { return try repr(v) }
    if let e = i as? ExceptionObject {
      if e.args.count == 1 { return "\(i.cls.name)(\(try repr(e.args[0])))" }
      return "\(i.cls.name)(" + (try e.args.map { try repr($0) }.joined(separator: ", ")) + ")"
    }
    let prefix = i.cls.moduleName == "builtins" ? "" : i.cls.moduleName + "."
    return "<\(prefix)\(i.cls.qualname) object at 0x\(hexID(v))>"
  }

  /// A class attribute that is object's default repr/str does not count as an override.
  func isDefault(_ m: Value) -> Bool {
    if case .object(let o) = m { return o === ObjectMethods.defaultRepr || o === ObjectMethods.defaultStr }
    return false
  }
}
