// Attribute lookup: instance dictionary, class MRO with descriptors (functions bind to methods,
// properties run their getter, staticmethod/classmethod unwrap), modules, and `__getattr__`.

extension VM {
  func getAttribute(_ v: Value, _ name: String) throws -> Value {
    if let r = try lookupAttribute(v, name) { return r }
    throw noAttribute(v, name)
  }

  func noAttribute(_ v: Value, _ name: String) -> ScriptError {
    switch v {
    case .object(let m as ModuleObject):
      return attributeError("module '\(m.name)' has no attribute '\(name)'")
    case .type(let t):
      return attributeError("type object '\(t.name)' has no attribute '\(name)'")
    default:
      return attributeError("'\(v.typeName)' object has no attribute '\(name)'")
    }
  }

  /// The attribute, or nil when absent (AttributeError raised by a getter propagates).
  func lookupAttribute(_ v: Value, _ name: String) throws -> Value? {
    switch v {
    case .instance(let i):
      let cls = i.cls
      let classAttr = cls.lookup(name)
      if let ca = classAttr, case .object(let p as PropertyObject) = ca {
        if case .none = p.getter { throw attributeError("property '\(name)' of '\(cls.name)' object has no getter") }
        return try call(p.getter, [v])
      }
      if let own = i.attributes[name] { return own }
      if let ex = i as? ExceptionObject, let special = exceptionAttribute(ex, name) { return special }
      if let ca = classAttr { return bind(ca, to: v, cls: cls) }
      if name == "__class__" { return .type(cls) }
      if name == "__dict__" { return .dict(try dictFromPairs(i.attributes.pairs)) }
      if let ga = cls.lookup("__getattr__") {
        do {
          return try callDescriptor(ga, on: v, [.str(name)])
        } catch let e as ScriptError where e.exception.cls.isSubtype(of: Builtin.attributeError) {
          return nil
        }
      }
      return nil
    case .type(let t):
      return try classAttribute(t, name)
    case .object(let m as ModuleObject):
      if let r = m.namespace.get(name) { return r }
      if name == "__dict__" { return .dict(try namespaceDict(m.namespace)) }
      // PEP 562: a module's own __getattr__ answers for missing names (dunders stay absent, so
      // the interpreter's own probes such as __all__ never reach it).
      if !name.hasPrefix("__"), let ga = m.namespace.get("__getattr__") { return try call(ga, [.str(name)]) }
      return nil
    case .function(let f):
      switch name {
      case "__name__": return .str(f.name)
      case "__qualname__": return .str(f.qualname)
      case "__doc__": return f.doc.map { .str($0) } ?? Value.none
      case "__module__": return .str(f.module.name)
      case "__defaults__": return f.defaults.isEmpty ? Value.none : .tuple(f.defaults)
      case "__dict__": return .dict(try dictFromPairs(f.attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
      default:
        if let a = f.attributes[name] { return a }
      }
    case .object(let s as SuperObject):
      let mro = s.receiver.pyTypeForSuper.linearization
      var seen = false
      for t in mro {
        if seen, let a = t.dict[name] {
          if case .type(let cls) = s.receiver { return bind(a, to: s.receiver, cls: cls) }
          return bind(a, to: s.receiver, cls: s.receiver.pyType)
        }
        if t === s.startAfter { seen = true }
      }
      return nil
    case .object(let b as BoundMethod):
      if name == "__self__" { return b.receiver }
      if name == "__func__" { return b.function }
      return try lookupAttribute(b.function, name)
    case .object(let p as PropertyObject):
      switch name {
      case "fget": return p.getter
      case "fset": return p.setter
      case "__doc__": return p.doc.map { .str($0) } ?? Value.none
      default: break
      }
    case .object(let n as NativeFunction):
      switch name {
      case "__name__", "__qualname__": return .str(n.name)
      case "__doc__": return .str(n.doc)
      default: break
      }
    case .object(let s as SliceObject):
      switch name {
      case "start": return s.start
      case "stop": return s.stop
      case "step": return s.step
      default: break
      }
    case .object(let r as RangeObject):
      switch name {
      case "start": return .int(r.start)
      case "stop": return .int(r.stop)
      case "step": return .int(r.step)
      default: break
      }
    case .object(let r as BigRangeObject):
      switch name {
      case "start": return .integer(r.start)
      case "stop": return .integer(r.stop)
      case "step": return .integer(r.step)
      default: break
      }
    case .int, .bool, .big:
      switch name {
      case "real", "numerator": return v.asBool.map { .int($0 ? 1 : 0) } ?? v
      case "imag": return .int(0)
      case "denominator": return .int(1)
      default: break
      }
    case .float:
      switch name {
      case "real": return v
      case "imag": return .float(0)
      default: break
      }
    default: break
    }
    let t = v.pyType
    if let a = t.lookup(name) { return bind(a, to: v, cls: t) }
    if name == "__class__" { return .type(t) }
    if name == "__doc__" { return t.doc.map { .str($0) } ?? Value.none }
    return nil
  }

  private func exceptionAttribute(_ e: ExceptionObject, _ name: String) -> Value? {
    switch name {
    case "args": return .tuple(e.args)
    case "__cause__": return e.cause.map { .instance($0) } ?? Value.none
    case "__context__": return e.context.map { .instance($0) } ?? Value.none
    case "__suppress_context__": return .bool(e.suppressContext)
    case "__traceback__": return Value.none
    case "value" where e.cls.isSubtype(of: Builtin.stopIteration): return e.args.first ?? Value.none
    case "code" where e.cls.isSubtype(of: Builtin.systemExit): return e.args.first ?? Value.none
    default: return nil
    }
  }

  func classAttribute(_ t: TypeObject, _ name: String) throws -> Value? {
    if let a = t.lookup(name) {
      switch a {
      case .object(let s as StaticMethodObject): return s.function
      case .object(let c as ClassMethodObject): return .object(BoundMethod(receiver: .type(t), function: c.function))
      case .object(let n as NativeFunction) where n.isClassMethod:
        return .object(BoundMethod(receiver: .type(t), function: a))
      default: return a
      }
    }
    switch name {
    case "__name__": return .str(t.name)
    case "__qualname__": return .str(t.qualname)
    case "__doc__": return t.doc.map { .str($0) } ?? Value.none
    case "__module__": return .str(t.moduleName)
    case "__base__": return t.base.map { .type($0) } ?? Value.none
    case "__bases__": return .tuple(t.base.map { [.type($0)] } ?? [])
    case "__mro__": return .tuple(t.linearization.map { .type($0) })
    case "__dict__":
      let d = DictObject()
      for (k, v) in t.dict.sorted(by: { $0.key < $1.key }) { try d.table.set(.str(k), hash: hash(.str(k)), value: v, vm: self) }
      return .dict(d)
    case "__class__": return .type(Builtin.typeType)
    default: return nil
    }
  }

  /// Turns a class attribute into what `obj.name` yields.
  func bind(_ a: Value, to receiver: Value, cls: TypeObject) -> Value {
    switch a {
    case .function: return .object(BoundMethod(receiver: receiver, function: a))
    case .object(let o):
      switch o {
      case let n as NativeFunction:
        if n.isClassMethod { return .object(BoundMethod(receiver: .type(cls), function: a)) }
        return n.isMethod ? .object(BoundMethod(receiver: receiver, function: a)) : a
      case let s as StaticMethodObject: return s.function
      case let c as ClassMethodObject: return .object(BoundMethod(receiver: .type(cls), function: c.function))
      default: return a
      }
    default: return a
    }
  }

  func setAttribute(_ v: Value, _ name: String, _ value: Value) throws {
    switch v {
    case .instance(let i):
      if let ca = i.cls.lookup(name), case .object(let p as PropertyObject) = ca {
        if case .none = p.setter { throw attributeError("property '\(name)' of '\(i.cls.name)' object has no setter") }
        _ = try call(p.setter, [v, value])
        return
      }
      if i.cls.hasCustomSetattr, let sa = i.cls.lookup("__setattr__") {
        _ = try callDescriptor(sa, on: v, [.str(name), value])
        return
      }
      i.attributes[name] = value
    case .type(let t):
      if !t.isUserDefined {
        throw typeError("cannot set '\(name)' attribute of immutable type '\(t.name)'")
      }
      t.setAttribute(name, value)
    case .object(let m as ModuleObject):
      m.namespace.set(name, value)
    case .function(let f):
      switch name {
      case "__name__": if case .str(let s) = value { f.name = s }
      case "__qualname__": if case .str(let s) = value { f.qualname = s }
      case "__doc__": if case .str(let s) = value { f.doc = s } else { f.doc = nil }
      default: f.attributes[name] = value
      }
    default:
      if v.pyType.lookup(name) != nil {
        throw attributeError("'\(v.typeName)' object attribute '\(name)' is read-only")
      }
      throw attributeError("'\(v.typeName)' object has no attribute '\(name)'")
    }
  }

  /// `object.__setattr__(self, name, value)`: stores without running a script `__setattr__`.
  func setAttributeDirect(_ v: Value, _ name: String, _ value: Value) throws {
    if case .instance(let i) = v { i.attributes[name] = value } else { try setAttribute(v, name, value) }
  }

  func deleteAttribute(_ v: Value, _ name: String) throws {
    switch v {
    case .instance(let i):
      if let ca = i.cls.lookup(name), case .object(let p as PropertyObject) = ca {
        if case .none = p.deleter { throw attributeError("property '\(name)' of '\(i.cls.name)' object has no deleter") }
        _ = try call(p.deleter, [v])
        return
      }
      if i.attributes.removeValue(forKey: name) == nil { throw noAttribute(v, name) }
    case .type(let t):
      if !t.isUserDefined || !t.removeAttribute(name) { throw noAttribute(v, name) }
    case .object(let m as ModuleObject):
      guard m.namespace.get(name) != nil else { throw noAttribute(v, name) }
      m.namespace.set(name, .unbound)
    case .function(let f):
      if f.attributes.removeValue(forKey: name) == nil { throw noAttribute(v, name) }
    default:
      throw noAttribute(v, name)
    }
  }

  func dictFromPairs(_ attrs: [(String, Value)]) throws -> DictObject {
    let d = DictObject()
    for (k, v) in attrs { try d.table.set(.str(k), hash: hash(.str(k)), value: v, vm: self) }
    return d
  }

  func namespaceDict(_ ns: Namespace) throws -> DictObject {
    let d = DictObject()
    for name in ns.boundNames {
      if let v = ns.get(name) { try d.table.set(.str(name), hash: hash(.str(name)), value: v, vm: self) }
    }
    return d
  }

  /// Names for `dir()` and tab completion.
  public func attributeNames(_ v: Value) -> [String] {
    var names = Set<String>()
    switch v {
    case .instance(let i): names.formUnion(i.attributes.keys)
      _ = i
    case .object(let m as ModuleObject): names.formUnion(m.namespace.boundNames)
    case .function(let f): names.formUnion(f.attributes.keys)
    default: break
    }
    let t: TypeObject
    if case .type(let cls) = v { t = cls } else { t = v.pyType }
    if case .object(let m) = v, m is ModuleObject {
    } else {
      for c in t.linearization { names.formUnion(c.dict.keys) }
    }
    return names.sorted()
  }
}

extension Value {
  /// For `super()` on a class receiver (classmethods), the MRO to search is the class's own.
  var pyTypeForSuper: TypeObject {
    if case .type(let t) = self { return t }
    return pyType
  }
}
