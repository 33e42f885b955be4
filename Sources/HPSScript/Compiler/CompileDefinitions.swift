// `def`, `lambda` and `class`: compile the body in its own scope, then emit a closure that builds
// the function object (defaults evaluated once, at definition) or runs the class body.
import HPSSyntax

extension Compiler {
  func qualname(for name: String) -> String {
    var s: Scope? = scope
    while let cur = s, cur.kind == .comprehension { s = cur.parent }
    guard let owner = s else { return name }
    switch owner.kind {
    case .module: return name
    case .classBody: return owner.qualname + "." + name
    default: return owner.qualname + ".<locals>." + name
    }
  }

  func parameterNames(_ p: Parameters) -> [String] {
    var names = (p.positionalOnly + p.regular).map(\.name)
    if let v = p.varargs { names.append(v.name) }
    names += p.keywordOnly.map(\.name)
    if let k = p.kwargs { names.append(k.name) }
    return names
  }

  func signatureText(_ p: Parameters) -> String {
    var parts: [String] = []
    func one(_ x: Parameter) -> String {
      var s = x.name
      if let a = x.annotation { s += ": " + file.text(of: a.range) }
      if let d = x.defaultValue { s += (x.annotation == nil ? "=" : " = ") + file.text(of: d.range) }
      return s
    }
    for x in p.positionalOnly { parts.append(one(x)) }
    if !p.positionalOnly.isEmpty { parts.append("/") }
    for x in p.regular { parts.append(one(x)) }
    if let v = p.varargs { parts.append("*" + v.name) } else if !p.keywordOnly.isEmpty { parts.append("*") }
    for x in p.keywordOnly { parts.append(one(x)) }
    if let k = p.kwargs { parts.append("**" + k.name) }
    return "(" + parts.joined(separator: ", ") + ")"
  }

  /// Compiles a function body; returns the code and a closure that loads the captured cells.
  func functionCode(
    name: String, parameters: Parameters, facts: ScopeFacts, doc: String?, statements: [Stmt]? = nil,
    body: (Compiler) throws -> StmtCode
  ) throws -> (FunctionCode, (Frame) -> [Cell]) {
    let qn = qualname(for: name)
    let names = parameterNames(parameters)
    let fscope = try makeFunctionScope(facts: facts, parameters: names, qualname: qn, name: name)
    fscope.firstParameter = names.first
    let code = FunctionCode(
      name: name, qualname: qn, doc: doc, info: fscope.info, parameters: parameters,
      signatureText: signatureText(parameters))
    if facts.hasYield {
      code.isGenerator = true
      fscope.generatorSlot = fscope.newSlot()
    }
    let lazy = facts.hasYield && statements.map { YieldScan.eligible($0) } == true
    code.isLazyGenerator = lazy
    try within(fscope) {
      lazyGenerator = lazy
      code.body = try body(self)
      code.returnSlot = returnSlot
    }
    code.slotCount = fscope.slotCount
    code.cellSlots = fscope.cellSlots
    code.parameterCellSlots = fscope.parameterCellSlots
    code.freeSlots = fscope.freeSlots
    code.generatorSlot = fscope.generatorSlot
    code.needsPrologue = !code.cellSlots.isEmpty || !code.parameterCellSlots.isEmpty || !code.freeSlots.isEmpty
    return (code, closureLoader(fscope))
  }

  /// Evaluates defaults (in the defining scope) and builds the function object.
  func functionMaker(_ code: FunctionCode, _ parameters: Parameters, _ closure: @escaping (Frame) -> [Cell]) throws
    -> (Frame) throws -> FunctionObject
  {
    let positional = parameters.positionalOnly + parameters.regular
    let defaults = try positional.compactMap { p in try p.defaultValue.map { try expr($0) } }
    let kwDefaults: [(String, ExprCode)] = try parameters.keywordOnly.compactMap { p in
      guard let d = p.defaultValue else { return nil }
      return (p.name, try expr(d))
    }
    let module = self.module
    return { f in
      var kw: [String: Value] = [:]
      for (n, c) in kwDefaults { kw[n] = try c(f) }
      return FunctionObject(
        code: code, defaults: try defaults.map { try $0(f) }, keywordDefaults: kw, closure: closure(f), module: module)
    }
  }

  func functionDefinition(_ def: FunctionDef, _ r: SourceRange) throws -> StmtCode {
    let facts = ScopeAnalyzer.function(def.parameters, body: def.body)
    let decorators = try def.decorators.map { try expr($0) }
    let (code, closure) = try functionCode(
      name: def.name, parameters: def.parameters, facts: facts, doc: def.docstring, statements: def.body
    ) {
      try $0.block(def.body)
    }
    let make = try functionMaker(code, def.parameters, closure)
    let store = storeName(def.name)
    let vm = self.vm
    return { f in
      let decs = try decorators.map { try $0(f) }
      var v: Value = .function(try make(f))
      for d in decs.reversed() { v = try vm.call1(d, v) }
      try store(f, v)
      return .normal
    }
  }

  func lambda(_ params: Parameters, _ body: Expr, _ r: SourceRange) throws -> ExprCode {
    let facts = ScopeAnalyzer.lambda(params, body: body)
    let (code, closure) = try functionCode(name: "<lambda>", parameters: params, facts: facts, doc: nil) { c in
      let e = try c.expr(body)
      let slot = c.returnSlot
      return { f in
        f[slot] = try e(f)
        return .returned
      }
    }
    let make = try functionMaker(code, params, closure)
    return { f in .function(try make(f)) }
  }

  func classDefinition(_ def: ClassDef, _ r: SourceRange) throws -> StmtCode {
    let vm = self.vm
    let facts = ScopeAnalyzer.classBody(def.body)
    let decorators = try def.decorators.map { try expr($0) }
    let bases = try def.bases.map { try expr($0) }
    let qn = qualname(for: def.name)
    let cscope = Scope(kind: .classBody, parent: scope, facts: facts, qualname: qn, info: CodeInfo(name: def.name, file: file))
    _ = cscope.newSlot()  // slot 0: the class namespace
    for n in facts.locals { cscope.bindings[n] = .classLocal(n, globalSlot: ns.slot(n)) }
    var classCell: Int? = nil
    if facts.childFree.contains("__class__") {
      let s = cscope.newSlot()
      cscope.bindings["__class__"] = .cell(s)
      cscope.cellSlots.append(s)
      classCell = s
    }
    for n in facts.globals { cscope.bindings[n] = .global(ns.slot(n)) }
    try bindFree(cscope, facts.free.sorted(), nonlocals: facts.nonlocals)
    let body = try within(cscope) { try block(def.body) }
    let slotCount = cscope.slotCount
    let cellSlots = cscope.cellSlots
    let freeSlots = cscope.freeSlots
    let closure = closureLoader(cscope)
    let store = storeName(def.name)
    let moduleName = module.name
    let doc = def.docstring
    let name = def.name
    return { f in
      let decs = try decorators.map { try $0(f) }
      let baseValues = try bases.map { try $0(f) }
      let base = try Compiler.classBase(baseValues, name)
      let namespace = DictObject()
      try namespace.table.set(.str("__module__"), hash: vm.hash(.str("__module__")), value: .str(moduleName), vm: vm)
      try namespace.table.set(.str("__qualname__"), hash: vm.hash(.str("__qualname__")), value: .str(qn), vm: vm)
      let cells = closure(f)
      let frame = vm.stack.push(slotCount)
      defer { vm.stack.pop(frame, slotCount) }
      frame[0] = .dict(namespace)
      for s in cellSlots { frame[s] = .object(Cell()) }
      for (i, s) in freeSlots.enumerated() { frame[s] = .object(cells[i]) }
      try vm.enterCall()
      defer { vm.leaveCall() }
      _ = try body(frame)
      let cls = try vm.makeClass(name: name, qualname: qn, base: base, namespace: namespace, module: moduleName, doc: doc)
      if let cc = classCell, case .object(let o) = frame[cc] { unsafeDowncast(o, to: Cell.self).value = .type(cls) }
      var v: Value = .type(cls)
      for d in decs.reversed() { v = try vm.call1(d, v) }
      try store(f, v)
      return .normal
    }
  }

  static func classBase(_ bases: [Value], _ name: String) throws -> TypeObject {
    let types = try bases.map { b -> TypeObject in
      guard case .type(let t) = b else { throw typeError("bases must be types") }
      return t
    }
    let nonObject = types.filter { $0 !== Builtin.objectType }
    if nonObject.count > 1 {
      throw typeError("class \(name): multiple inheritance is not supported in hps (single inheritance only)")
    }
    return nonObject.first ?? Builtin.objectType
  }
}

extension VM {
  /// Creates a script class from its executed body.
  func makeClass(name: String, qualname: String, base: TypeObject, namespace: DictObject, module: String, doc: String?) throws
    -> TypeObject
  {
    let layout: InstanceLayout
    switch base.layout {
    case .builtin:
      throw typeError("subclassing the builtin type '\(base.name)' is not supported in hps")
    default: layout = base.layout
    }
    var dict: [String: Value] = [:]
    for e in namespace.table.live {
      guard case .str(let k) = e.key else { continue }
      dict[k] = e.value
    }
    if dict["__eq__"] != nil && dict["__hash__"] == nil { dict["__hash__"] = Value.none }
    if case .function(let f)? = dict["__init_subclass__"] { dict["__init_subclass__"] = .object(ClassMethodObject(.function(f))) }
    if case .function(let f)? = dict["__class_getitem__"] { dict["__class_getitem__"] = .object(ClassMethodObject(.function(f))) }
    if case .function(let f)? = dict["__new__"] { dict["__new__"] = .object(StaticMethodObject(.function(f))) }
    let cls = TypeObject(name: name, base: base, dict: dict, layout: layout, userDefined: true, module: module, doc: doc)
    cls.qualname = qualname
    TypeObject.epoch &+= 1
    if let hook = base.lookup("__init_subclass__"), case .object(let c as ClassMethodObject) = hook {
      _ = try call(c.function, [.type(cls)])
    }
    return cls
  }
}
