// Lazy generators without threads: in a generator function, each statement that contains a
// `yield` is compiled in a resumable form that keeps its progress (statement index, loop iterator,
// branch taken, context manager) in hidden frame slots. `yield` returns `.yielded` up the closure
// tree; the next `next()` re-enters the body with `resuming` set, and every resumable statement
// jumps straight back to where it stopped. Generators that yield in places this scheme does not
// cover (inside except/finally/else blocks or in the middle of an expression) run eagerly.
import HPSSyntax

enum YieldScan {
  static func contains(_ s: Stmt) -> Bool {
    var a = ScopeAnalyzer(kind: .function)
    a.visit(s)
    return a.facts.hasYield
  }

  static func contains(_ e: Expr) -> Bool {
    var a = ScopeAnalyzer(kind: .function)
    a.visit(e)
    return a.facts.hasYield
  }

  static func contains(_ stmts: [Stmt]) -> Bool { stmts.contains { contains($0) } }

  /// The yield expression of a statement-level `yield`, `x = yield v` or `yield from`.
  static func statementYield(_ s: Stmt) -> Expr? {
    switch s.kind {
    case .expression(let e):
      if case .yield = e.kind { return e }
      if case .yieldFrom = e.kind { return e }
    case .assign(let targets, let value):
      if case .yield = value.kind, !targets.contains(where: contains) { return value }
      if case .yieldFrom = value.kind, !targets.contains(where: contains) { return value }
    default: break
    }
    return nil
  }

  /// Whether every yield sits where the resumable compilation supports it.
  static func eligible(_ stmts: [Stmt]) -> Bool {
    for s in stmts where contains(s) {
      if let y = statementYield(s) {
        switch y.kind {
        case .yield(let v): if let v, contains(v) { return false }
        case .yieldFrom(let v): if contains(v) { return false }
        default: return false
        }
        continue
      }
      switch s.kind {
      case .if(let test, let body, let orElse):
        if contains(test) || !eligible(body) || !eligible(orElse) { return false }
      case .while(let test, let body, let orElse):
        if contains(test) || !eligible(body) || contains(orElse) { return false }
      case .for(let target, let iterable, let body, let orElse):
        if contains(target) || contains(iterable) || !eligible(body) || contains(orElse) { return false }
      case .try(let body, let handlers, let orElse, let fin):
        if !eligible(body) || handlers.contains(where: { contains($0.body) }) || contains(orElse) || contains(fin) {
          return false
        }
      case .with(let items, let body):
        if items.contains(where: { contains($0.context) }) || !eligible(body) { return false }
      default:
        return false
      }
    }
    return true
  }
}

extension Compiler {
  var generatorSlotIndex: Int { scope.frameOwner.generatorSlot ?? 0 }

  func resumableBlock(_ codes: [StmtBox]) -> StmtCode {
    let gs = generatorSlotIndex
    let pcSlot = scope.newSlot()
    let all = ContiguousArray(codes)
    return { f in
      var i = 0
      if GeneratorObject.of(f, gs).resuming, case .int(let pc) = f[pcSlot] { i = pc }
      while i < all.count {
        let flow = try all[i].run(f)
        if flow == .yielded {
          f[pcSlot] = .int(i)
          return .yielded
        }
        if flow != .normal { return flow }
        i += 1
      }
      return .normal
    }
  }

  /// A statement containing a yield, inside a lazy generator.
  func resumableStatement(_ s: Stmt) throws -> StmtCode {
    let vm = self.vm
    let gs = generatorSlotIndex
    let r = s.range
    if let y = YieldScan.statementYield(s) {
      var stores: [StoreCode] = []
      if case .assign(let targets, _) = s.kind { stores = try targets.map { try assignTarget($0) } }
      switch y.kind {
      case .yield(let value):
        let v = try value.map { try expr($0) }
        return located(r) { f in
          let g = GeneratorObject.of(f, gs)
          if g.resuming {
            g.resuming = false
            let sent = g.sent
            g.sent = .none
            for st in stores { try st(f, sent) }
            return .normal
          }
          g.yielded = try v?(f) ?? Value.none
          return .yielded
        }
      case .yieldFrom(let value):
        let v = try expr(value)
        let sub = scope.newSlot()
        return located(r) { f in
          let g = GeneratorObject.of(f, gs)
          if g.resuming {
            g.resuming = false
          } else {
            f[sub] = .object(try vm.iterator(try v(f)))
          }
          guard case .object(let o) = f[sub], let it = o as? PyIterator else { return .normal }
          if let x = try it.next(vm) {
            g.yielded = x
            return .yielded
          }
          let result = (it as? GeneratorObject)?.returnValue ?? Value.none
          f[sub] = .none
          for st in stores { try st(f, result) }
          return .normal
        }
      default: break
      }
    }
    switch s.kind {
    case .if(let test, let body, let orElse):
      let cond = try condition(test)
      let then = try block(body)
      let other = try block(orElse)
      let branchSlot = scope.newSlot()
      return located(r) { f in
        let branch: Bool
        if GeneratorObject.of(f, gs).resuming, case .bool(let b) = f[branchSlot] {
          branch = b
        } else {
          branch = try cond(f)
          f[branchSlot] = .bool(branch)
        }
        return try branch ? then(f) : other(f)
      }
    case .while(let test, let body, let orElse):
      let cond = try condition(test)
      loopDepth += 1
      let bodyCode = try block(body)
      loopDepth -= 1
      let elseCode = try block(orElse)
      return located(r) { f in
        var resume = GeneratorObject.of(f, gs).resuming
        while true {
          if !resume {
            if !(try cond(f)) { break }
          }
          resume = false
          let flow = try bodyCode(f)
          if flow == .yielded || flow == .returned { return flow }
          if flow == .breakLoop { return .normal }
          if vm.interrupt.isSet { try vm.checkInterrupt() }
        }
        return try elseCode(f)
      }
    case .for(let target, let iterable, let body, let orElse):
      let iter = try expr(iterable)
      let store = try assignTarget(target)
      loopDepth += 1
      let bodyCode = try block(body)
      loopDepth -= 1
      let elseCode = try block(orElse)
      let itSlot = scope.newSlot()
      return located(r) { f in
        var resume = GeneratorObject.of(f, gs).resuming
        if !resume { f[itSlot] = .object(try vm.iterator(try iter(f))) }
        guard case .object(let o) = f[itSlot], let it = o as? PyIterator else { return .normal }
        while true {
          if !resume {
            guard let x = try it.next(vm) else { break }
            try store(f, x)
          }
          resume = false
          let flow = try bodyCode(f)
          if flow == .yielded { return flow }
          if flow == .breakLoop || flow == .returned {
            f[itSlot] = .none
            return flow == .returned ? flow : .normal
          }
          if vm.interrupt.isSet { try vm.checkInterrupt() }
        }
        f[itSlot] = .none
        return try elseCode(f)
      }
    case .try(let body, let handlers, let orElse, let fin):
      return try tryStatement(body, handlers, orElse, fin, r)
    case .with(let items, let body):
      return try resumableWith(items, body, r)
    default:
      throw syntaxError("'yield' is not supported here in hps", r)
    }
  }

  func resumableWith(_ items: [WithItem], _ body: [Stmt], _ r: SourceRange) throws -> StmtCode {
    var code = try block(body)
    let vm = self.vm
    let gs = generatorSlotIndex
    for item in items.reversed() {
      let ctx = try expr(item.context)
      let store = try item.target.map { try assignTarget($0) }
      let inner = code
      let managerSlot = scope.newSlot()
      let exitSlot = scope.newSlot()
      code = { f in
        if !GeneratorObject.of(f, gs).resuming {
          let manager = try ctx(f)
          guard let enter = manager.pyType.lookup("__enter__"), let ex = manager.pyType.lookup("__exit__") else {
            throw typeError("'\(manager.typeName)' object does not support the context manager protocol")
          }
          f[managerSlot] = manager
          f[exitSlot] = ex
          try store?(f, try vm.callDescriptor(enter, on: manager, []))
        }
        let manager = f[managerSlot]
        let exit = f[exitSlot]
        let flow: Flow
        do {
          flow = try inner(f)
        } catch let se as ScriptError {
          f[managerSlot] = .none
          let exc = se.exception
          vm.handling.append(exc)
          defer { vm.handling.removeLast() }
          if try vm.truthy(vm.callDescriptor(exit, on: manager, [.type(exc.cls), .instance(exc), .none])) { return .normal }
          throw se
        }
        if flow == .yielded { return flow }
        f[managerSlot] = .none
        _ = try vm.callDescriptor(exit, on: manager, [.none, .none, .none])
        return flow
      }
    }
    return located(r, code)
  }
}
