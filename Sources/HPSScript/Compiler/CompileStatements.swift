// Statements: blocks, assignment, control flow, loops (with range/list fast paths), return.
import HPSSyntax

extension Compiler {
  func block(_ stmts: [Stmt]) throws -> StmtCode {
    if lazyGenerator && YieldScan.contains(stmts) { return resumableBlock(try stmts.map { StmtBox(try stmt($0)) }) }
    switch stmts.count {
    case 0: return { _ in .normal }
    case 1: return try stmt(stmts[0])
    case 2:
      let a = try stmt(stmts[0])
      let b = try stmt(stmts[1])
      return { f in
        let r = try a(f)
        if r != .normal { return r }
        return try b(f)
      }
    case 3:
      let a = try stmt(stmts[0])
      let b = try stmt(stmts[1])
      let c = try stmt(stmts[2])
      return { f in
        var r = try a(f)
        if r != .normal { return r }
        r = try b(f)
        if r != .normal { return r }
        return try c(f)
      }
    default:
      let all = ContiguousArray(try stmts.map { StmtBox(try stmt($0)) })
      return { f in
        for c in all {
          let r = try c.run(f)
          if r != .normal { return r }
        }
        return .normal
      }
    }
  }

  /// Wraps a statement so errors not located by an inner node point at the statement.
  func located(_ range: SourceRange, _ code: @escaping StmtCode) -> StmtCode {
    let info = self.info
    return { f in
      do { return try code(f) } catch { throw annotate(error, f, info, range) }
    }
  }

  func stmt(_ s: Stmt) throws -> StmtCode {
    let r = s.range
    if lazyGenerator && YieldScan.contains(s) {
      if case .try = s.kind {} else { return try resumableStatement(s) }
    }
    switch s.kind {
    case .expression(let e):
      let c = try expr(e)
      let info = self.info
      return { f in
        do { _ = try c(f) } catch { throw annotate(error, f, info, r) }
        return .normal
      }
    case .assign(let targets, let value):
      return try assignment(targets, value, r)
    case .augmentedAssign(let target, let op, let value):
      return located(r, try augmented(target, op, value, r))
    case .annotatedAssign(let target, let annotation, let value):
      // Class bodies record `name: annotation` in `__annotations__` (dataclasses read it).
      var record: StmtCode? = nil
      if scope.kind == .classBody, case .name(let n) = target.kind {
        let ann = try expr(annotation)
        let load = loadName("__annotations__", r)
        let store = storeName("__annotations__")
        let vm = self.vm
        record = { f in
          var d: DictObject
          if case .dict(let existing)? = try? load(f) {
            d = existing
          } else {
            d = DictObject()
            try store(f, .dict(d))
          }
          let a = try ann(f)
          try d.table.set(.str(n), hash: vm.hash(.str(n)), value: a, vm: vm)
          return .normal
        }
      }
      let assign: StmtCode? = try value.map { try assignment([target], $0, r) }
      return located(r) { f in
        if let record { _ = try record(f) }
        if let assign { return try assign(f) }
        return .normal
      }
    case .delete(let targets):
      let codes = try targets.map { try deletion($0) }
      return located(r) { f in
        for c in codes { try c(f) }
        return .normal
      }
    case .pass: return { _ in .normal }
    case .break:
      if loopDepth == 0 { throw syntaxError("'break' outside loop", r) }
      return { _ in .breakLoop }
    case .continue:
      if loopDepth == 0 { throw syntaxError("'continue' not properly in loop", r) }
      return { _ in .continueLoop }
    case .return(let e):
      if scope.frameOwner.kind != .function { throw syntaxError("'return' outside function", r) }
      let slot = returnSlot
      guard let e else {
        return { f in
          f[slot] = .none
          return .returned
        }
      }
      let c = try expr(e)
      let info = self.info
      return { f in
        do { f[slot] = try c(f) } catch { throw annotate(error, f, info, r) }
        return .returned
      }
    case .raise(let exc, let cause): return try raise(exc, cause, r)
    case .global, .nonlocal: return { _ in .normal }
    case .assert(let test, let message): return try assertion(test, message, r)
    case .if(let test, let body, let orElse):
      let cond = try condition(test)
      let then = try block(body)
      // Conditions and bodies locate their own errors.
      if orElse.isEmpty {
        return { f in try cond(f) ? try then(f) : .normal }
      }
      let other = try block(orElse)
      return { f in try cond(f) ? try then(f) : try other(f) }
    case .while(let test, let body, let orElse):
      return try whileLoop(test, body, orElse, r)
    case .for(let target, let iterable, let body, let orElse):
      return try forLoop(target, iterable, body, orElse, r)
    case .try(let body, let handlers, let orElse, let fin):
      return try tryStatement(body, handlers, orElse, fin, r)
    case .with(let items, let body):
      return try withStatement(items, body, r)
    case .functionDef(let def):
      return located(r, try functionDefinition(def, r))
    case .classDef(let def):
      return located(r, try classDefinition(def, r))
    case .import(let names):
      return located(r, try importStatement(names))
    case .importFrom(let module, let names, let level, let star):
      return located(r, try importFrom(module, names, level: level, star: star))
    }
  }

  /// The slot a `return` stores into (allocated lazily per frame owner).
  var returnSlot: Int {
    let owner = scope.frameOwner
    if let s = owner.bindings["<return>"], case .local(let i) = s { return i }
    let i = owner.newSlot()
    owner.bindings["<return>"] = .local(i)
    return i
  }

  // MARK: Loops

  func whileLoop(_ test: Expr, _ body: [Stmt], _ orElse: [Stmt], _ r: SourceRange) throws -> StmtCode {
    let cond = try condition(test)
    loopDepth += 1
    let bodyCode = try block(body)
    loopDepth -= 1
    let elseCode = orElse.isEmpty ? nil : try block(orElse)
    let vm = self.vm
    let info = self.info
    let testRange = test.range
    return { f in
      while true {
        let go: Bool
        do { go = try cond(f) } catch { throw annotate(error, f, info, testRange) }
        if !go { break }
        let flow = try bodyCode(f)
        if flow == .breakLoop { return .normal }
        if flow == .returned { return flow }
        if vm.interrupt.isSet { try vm.checkInterrupt() }
      }
      if let e = elseCode { return try e(f) }
      return .normal
    }
  }

  func forLoop(_ target: Expr, _ iterable: Expr, _ body: [Stmt], _ orElse: [Stmt], _ r: SourceRange) throws -> StmtCode {
    let iter = try expr(iterable)
    let store = try assignTarget(target)
    loopDepth += 1
    let bodyCode = try block(body)
    loopDepth -= 1
    let elseCode = orElse.isEmpty ? nil : try block(orElse)
    let vm = self.vm
    let info = self.info
    let iterRange = iterable.range
    var localSlot: Int? = nil
    if case .name(let n) = target.kind, case .local(let s) = resolve(n) { localSlot = s }
    let targetRange = target.range
    return { f in
      let seq: Value
      do { seq = try iter(f) } catch { throw annotate(error, f, info, iterRange) }
      // Fast paths: ranges and lists iterate without iterator objects.
      if case .object(let o) = seq, let rg = o as? RangeObject {
        var i = rg.start
        let n = rg.count
        var k = 0
        while k < n {
          if let s = localSlot { f[s] = .int(i) } else {
            do { try store(f, .int(i)) } catch { throw annotate(error, f, info, targetRange) }
          }
          let flow = try bodyCode(f)
          if flow == .breakLoop { return .normal }
          if flow == .returned { return flow }
          if vm.interrupt.isSet { try vm.checkInterrupt() }
          i &+= rg.step
          k += 1
        }
      } else if case .list(let l) = seq {
        var k = 0
        while k < l.items.count {
          let x = l.items[k]
          if let s = localSlot { f[s] = x } else {
            do { try store(f, x) } catch { throw annotate(error, f, info, targetRange) }
          }
          let flow = try bodyCode(f)
          if flow == .breakLoop { return .normal }
          if flow == .returned { return flow }
          if vm.interrupt.isSet { try vm.checkInterrupt() }
          k += 1
        }
      } else {
        let it: PyIterator
        do { it = try vm.iterator(seq) } catch { throw annotate(error, f, info, iterRange) }
        while true {
          let next: Value?
          do { next = try it.next(vm) } catch { throw annotate(error, f, info, iterRange) }
          guard let x = next else { break }
          if let s = localSlot { f[s] = x } else {
            do { try store(f, x) } catch { throw annotate(error, f, info, targetRange) }
          }
          let flow = try bodyCode(f)
          if flow == .breakLoop { return .normal }
          if flow == .returned { return flow }
          if vm.interrupt.isSet { try vm.checkInterrupt() }
        }
      }
      if let e = elseCode { return try e(f) }
      return .normal
    }
  }

  // MARK: assert

  func assertion(_ test: Expr, _ message: Expr?, _ r: SourceRange) throws -> StmtCode {
    let cond = try condition(test)
    let msg = try message.map { try expr($0) }
    return located(r) { f in
      if try cond(f) { return .normal }
      let args: [Value] = try msg.map { [try $0(f)] } ?? []
      throw ScriptError(ExceptionObject(cls: Builtin.assertionError, args: args))
    }
  }
}
