// Calling anything callable: script functions (argument binding into frame slots), native
// functions, bound methods, classes (instance creation and `__init__`), objects with `__call__`.

extension VM {
  func call(_ f: Value, _ args: [Value], _ kw: Kwargs = []) throws -> Value {
    switch f {
    case .function(let fn): return try invoke(fn, args, kw)
    case .object(let o):
      switch o {
      case let n as NativeFunction:
        return try n.body(self, args, kw)
      case let b as BoundMethod:
        return try call(b.function, [b.receiver] + args, kw)
      default: break
      }
    case .type(let t): return try instantiate(t, args, kw)
    default: break
    }
    if let m = f.pyType.lookup("__call__") { return try callDescriptor(m, on: f, args, kw) }
    throw typeError("'\(f.typeName)' object is not callable")
  }

  /// Calls a class attribute found by MRO lookup as a method of `receiver`.
  func callDescriptor(_ m: Value, on receiver: Value, _ args: [Value], _ kw: Kwargs = []) throws -> Value {
    switch m {
    case .function(let fn): return try invoke(fn, [receiver] + args, kw)
    case .object(let o):
      switch o {
      case let n as NativeFunction:
        if n.isClassMethod { return try n.body(self, [.type(receiver.pyTypeForSuper)] + args, kw) }
        return try n.body(self, n.isMethod ? [receiver] + args : args, kw)
      case let s as StaticMethodObject: return try call(s.function, args, kw)
      case let c as ClassMethodObject: return try call(c.function, [.type(receiver.pyTypeForSuper)] + args, kw)
      default: break
      }
    default: break
    }
    return try call(m, args, kw)
  }

  /// `receiver.name(args)` without materializing a bound method when possible.
  func callMethod(_ receiver: Value, _ name: String, _ args: [Value], _ kw: Kwargs = []) throws -> Value {
    if case .instance(let i) = receiver {
      if let own = i.attributes[name] { return try call(own, args, kw) }
      if let m = i.cls.lookup(name) {
        switch m {
        case .function(let fn): return try invoke(fn, [receiver] + args, kw)
        case .object(let p as PropertyObject): return try call(call(p.getter, [receiver]), args, kw)
        default: return try callDescriptor(m, on: receiver, args, kw)
        }
      }
    } else if case .object = receiver {
    } else if case .type = receiver {
    } else if case .function = receiver {
    } else if let m = receiver.pyType.lookup(name) {
      return try callDescriptor(m, on: receiver, args, kw)
    }
    return try call(getAttribute(receiver, name), args, kw)
  }

  // MARK: Script functions

  func invoke(_ fn: FunctionObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    let code = fn.code
    try enterCall()
    defer { leaveCall() }
    let frame = stack.push(code.slotCount)
    defer { stack.pop(frame, code.slotCount) }
    try bindArguments(fn, frame, args, kw)
    return try execute(fn, frame)
  }

  /// Runs a function whose arguments are already in the frame's parameter slots.
  @inline(__always) func execute(_ fn: FunctionObject, _ frame: Frame) throws -> Value {
    let code = fn.code
    if code.needsPrologue { prologue(fn, frame) }
    if code.isGenerator { return .object(GeneratorObject(vm: self, function: fn, frame: frame)) }
    if try code.body(frame) == .returned {
      let slot = frame + code.returnSlot
      let r = slot.move()
      slot.initialize(to: .none)
      return r
    }
    return .none
  }

  func prologue(_ fn: FunctionObject, _ frame: Frame) {
    let code = fn.code
    for s in code.parameterCellSlots { frame[s] = .object(Cell(frame[s])) }
    for s in code.cellSlots { frame[s] = .object(Cell()) }
    for (i, s) in code.freeSlots.enumerated() { frame[s] = .object(fn.closure[i]) }
  }

  func bindArguments(_ fn: FunctionObject, _ frame: Frame, _ args: [Value], _ kw: Kwargs) throws {
    let code = fn.code
    let nPos = code.positionalNames.count
    if code.isSimple && kw.isEmpty && args.count == nPos {
      for i in 0..<nPos { frame[i] = args[i] }
      return
    }
    let fname = fn.qualname
    let direct = min(args.count, nPos)
    for i in 0..<direct { frame[i] = args[i] }
    if args.count > nPos {
      if let vs = code.varargsSlot {
        frame[vs] = .tuple(Array(args[nPos...]))
      } else {
        let required = nPos - fn.defaults.count
        let msg = takesMessage(fname, required: required, capacity: nPos, given: args.count)
        throw typeError(msg)
      }
    } else if let vs = code.varargsSlot {
      frame[vs] = .tuple([])
    }
    var extra: DictObject? = nil
    if let ks = code.kwargsSlot {
      let d = DictObject()
      extra = d
      frame[ks] = .dict(d)
    }
    for (name, v) in kw {
      var slot: Int? = nil
      if let i = code.positionalNames.firstIndex(of: name), i >= code.positionalOnlyCount {
        slot = i
      } else if let j = code.keywordOnlyNames.firstIndex(of: name) {
        slot = code.keywordOnlyStart + j
      }
      if let s = slot {
        if !frame[s].isUnbound { throw typeError("\(fname)() got multiple values for argument '\(name)'") }
        frame[s] = v
      } else if let d = extra {
        try d.table.set(.str(name), hash: hash(.str(name)), value: v, vm: self)
      } else {
        throw typeError("\(fname)() got an unexpected keyword argument '\(name)'")
      }
    }
    let firstDefault = nPos - fn.defaults.count
    var missing: [String] = []
    for i in direct..<nPos where frame[i].isUnbound {
      if i >= firstDefault { frame[i] = fn.defaults[i - firstDefault] } else { missing.append(code.positionalNames[i]) }
    }
    if !missing.isEmpty { throw typeError(missingMessage(fname, missing, "positional")) }
    for (j, name) in code.keywordOnlyNames.enumerated() where frame[code.keywordOnlyStart + j].isUnbound {
      if let d = fn.keywordDefaults[name] { frame[code.keywordOnlyStart + j] = d } else { missing.append(name) }
    }
    if !missing.isEmpty { throw typeError(missingMessage(fname, missing, "keyword-only")) }
  }

  // MARK: Classes

  func instantiate(_ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    if t === Builtin.typeType && args.count == 1 && kw.isEmpty { return .type(args[0].pyType) }
    if let ctor = t.constructor, !t.isUserDefined { return try ctor(self, t, args, kw) }
    let obj: Value
    if t.overrides("__new__"), let newMethod = t.lookup("__new__") {
      obj = try callDescriptor(newMethod, on: .type(t), [.type(t)] + args, kw)
      if !obj.pyType.isSubtype(of: t) { return obj }
    } else {
      switch t.layout {
      case .exception: obj = .instance(ExceptionObject(cls: t, args: args))
      case .native:
        let inst = InstanceObject(cls: t)
        obj = .instance(inst)
      case .object: obj = .instance(InstanceObject(cls: t))
      case .builtin:
        if let ctor = t.constructor { return try ctor(self, t, args, kw) }
        throw typeError("cannot create '\(t.name)' instances")
      }
    }
    if let initMethod = t.lookup("__init__") {
      let r = try callDescriptor(initMethod, on: obj, args, kw)
      if case .none = r {} else { throw typeError("__init__() should return None, not '\(r.typeName)'") }
    } else if !args.isEmpty || !kw.isEmpty, t.layout == .object {
      throw typeError("\(t.name)() takes no arguments")
    }
    return obj
  }

  /// Whether `callable(v)` holds.
  func isCallable(_ v: Value) -> Bool {
    switch v {
    case .function, .type: return true
    case .object(let o): return o is NativeFunction || o is BoundMethod || v.pyType.lookup("__call__") != nil
    case .instance(let i): return i.cls.lookup("__call__") != nil
    default: return false
    }
  }
}
