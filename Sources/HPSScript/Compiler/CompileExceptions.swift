// try/except/else/finally, raise (with `from` and bare re-raise), and `with`. Exceptions travel as
// Swift errors; `VM.handling` tracks the exceptions being handled for chaining and bare `raise`.
import HPSSyntax

extension Compiler {
  func tryStatement(
    _ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ fin: [Stmt], _ r: SourceRange
  ) throws -> StmtCode {
    let vm = self.vm
    let info = self.info
    let bodyCode = try block(body)
    struct Handler {
      let type: ExprCode?
      let store: StoreCode?
      let unbind: ((Frame) throws -> Void)?
      let body: StmtCode
      let range: SourceRange
    }
    let hs: [Handler] = try handlers.map { h in
      Handler(
        type: try h.type.map { try expr($0) },
        store: h.name.map { storeName($0) },
        unbind: try h.name.map { n in
          let d = try deletion(Expr(.name(n), h.range))
          return { f in try? d(f) }
        },
        body: try block(h.body), range: h.range)
    }
    let elseCode = orElse.isEmpty ? nil : try block(orElse)
    let finCode = fin.isEmpty ? nil : try block(fin)

    let protected: StmtCode
    if hs.isEmpty {
      protected = { f in
        let flow = try bodyCode(f)
        if flow == .normal, let e = elseCode { return try e(f) }
        return flow
      }
    } else {
      protected = { f in
        let flow: Flow
        do {
          flow = try bodyCode(f)
        } catch let se as ScriptError {
          let exc = se.exception
          for h in hs {
            if let t = h.type {
              let tv: Value
              do { tv = try t(f) } catch { throw annotate(error, f, info, h.range) }
              if !(try vm.exceptionMatches(exc, tv)) { continue }
            }
            try h.store?(f, .instance(exc))
            vm.handling.append(exc)
            defer { vm.handling.removeLast() }
            let hf: Flow
            do {
              hf = try h.body(f)
            } catch let inner as ScriptError {
              vm.chain(inner.exception, context: exc)
              try h.unbind?(f)
              throw inner
            }
            try h.unbind?(f)
            return hf
          }
          throw se
        }
        if flow == .normal, let e = elseCode { return try e(f) }
        return flow
      }
    }
    guard let fc = finCode else { return protected }
    return { f in
      var pending: Error? = nil
      var flow: Flow = .normal
      do { flow = try protected(f) } catch { pending = error }
      if pending == nil && flow == .yielded { return flow }
      let ff: Flow
      if let p = pending as? ScriptError {
        vm.handling.append(p.exception)
        defer { vm.handling.removeLast() }
        do { ff = try fc(f) } catch let inner as ScriptError {
          vm.chain(inner.exception, context: p.exception)
          throw inner
        }
      } else {
        ff = try fc(f)
      }
      if ff != .normal { return ff }
      if let p = pending { throw p }
      return flow
    }
  }

  func raise(_ exc: Expr?, _ cause: Expr?, _ r: SourceRange) throws -> StmtCode {
    let vm = self.vm
    let info = self.info
    guard let exc else {
      return { f in
        guard let current = vm.handling.last else {
          throw annotate(runtimeError("No active exception to reraise"), f, info, r)
        }
        throw annotate(ScriptError(current), f, info, r)
      }
    }
    let e = try expr(exc)
    let c = try cause.map { try expr($0) }
    return { f in
      let object: ExceptionObject
      do {
        object = try vm.exceptionInstance(try e(f))
        if let c {
          let cv = try c(f)
          if case .none = cv {
            object.cause = nil
          } else {
            object.cause = try vm.exceptionInstance(cv)
          }
          object.suppressContext = true
        }
      } catch { throw annotate(error, f, info, r) }
      if let current = vm.handling.last { vm.chain(object, context: current) }
      object.needsFrameEntry = true
      throw annotate(ScriptError(object), f, info, r)
    }
  }

  func withStatement(_ items: [WithItem], _ body: [Stmt], _ r: SourceRange) throws -> StmtCode {
    var code = try block(body)
    let vm = self.vm
    let info = self.info
    for item in items.reversed() {
      let ctx = try expr(item.context)
      let store = try item.target.map { try assignTarget($0) }
      let inner = code
      let cr = item.context.range
      code = { f in
        let manager = try ctx(f)
        let exit: Value
        let entered: Value
        do {
          guard let enter = manager.pyType.lookup("__enter__"), let ex = manager.pyType.lookup("__exit__") else {
            throw typeError("'\(manager.typeName)' object does not support the context manager protocol")
          }
          exit = ex
          entered = try vm.callDescriptor(enter, on: manager, [])
        } catch { throw annotate(error, f, info, cr) }
        try store?(f, entered)
        let flow: Flow
        do {
          flow = try inner(f)
        } catch let se as ScriptError {
          let exc = se.exception
          vm.handling.append(exc)
          defer { vm.handling.removeLast() }
          let suppress: Bool
          do {
            suppress = try vm.truthy(vm.callDescriptor(exit, on: manager, [.type(exc.cls), .instance(exc), .none]))
          } catch let inner as ScriptError {
            vm.chain(inner.exception, context: exc)
            throw inner
          }
          if suppress { return .normal }
          throw se
        }
        do { _ = try vm.callDescriptor(exit, on: manager, [.none, .none, .none]) } catch {
          throw annotate(error, f, info, cr)
        }
        return flow
      }
    }
    return located(r, code)
  }
}

extension VM {
  /// Sets `__context__` unless that would create a cycle.
  func chain(_ new: ExceptionObject, context: ExceptionObject) {
    if new === context || new.context != nil { return }
    var c: ExceptionObject? = context
    while let x = c {
      if x === new { return }
      c = x.context
    }
    new.context = context
  }

  /// The exception object `raise v` raises (instantiating a class).
  func exceptionInstance(_ v: Value) throws -> ExceptionObject {
    switch v {
    case .instance(let i as ExceptionObject): return i
    case .type(let t) where t.isExceptionType:
      let obj = try call(v, [])
      if case .instance(let e as ExceptionObject) = obj { return e }
      throw typeError("calling \(t.name) should have returned an instance of BaseException, not \(obj.typeName)")
    default:
      throw typeError("exceptions must derive from BaseException")
    }
  }

  /// `except T:` with a class or tuple of classes.
  func exceptionMatches(_ e: ExceptionObject, _ t: Value) throws -> Bool {
    switch t {
    case .type(let cls):
      if !cls.isExceptionType {
        throw typeError("catching classes that do not inherit from BaseException is not allowed")
      }
      return e.cls.isSubtype(of: cls)
    case .tuple(let ts):
      for x in ts where try exceptionMatches(e, x) { return true }
      return false
    default:
      throw typeError("catching classes that do not inherit from BaseException is not allowed")
    }
  }
}
