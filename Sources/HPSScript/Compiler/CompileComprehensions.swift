// List/set/dict comprehensions run inline in the enclosing frame with private slots for their
// targets; generator expressions become lazy iterators with a frame of their own.
import HPSSyntax

extension Compiler {
  /// Compiles the clause nest of an inline comprehension around `action`.
  private func comprehension(
    _ clauses: [Comprehension], elements: [Expr], name: String,
    makeAction: (Compiler) throws -> (Frame) throws -> Void
  ) throws -> (ExprCode, CodeInfo) {
    let vm = self.vm
    guard let first = clauses.first else { throw syntaxError("comprehension without 'for'", .none) }
    let firstIterable = try expr(first.iterable)
    let facts = ScopeAnalyzer.comprehension(clauses, elements: elements, kind: .comprehension)
    let compInfo = CodeInfo(name: name, file: file)
    let cs = Scope(kind: .comprehension, parent: scope, facts: facts, qualname: scope.qualname, info: compInfo)
    var freshCells: [Int] = []
    for n in facts.locals {
      let s = cs.newSlot()
      if facts.cells.contains(n) {
        cs.bindings[n] = .cell(s)
        freshCells.append(s)
      } else {
        cs.bindings[n] = .local(s)
      }
    }
    let iterSlot = cs.newSlot()
    let saved = scope
    scope = cs
    defer { scope = saved }
    var action = try makeAction(self)
    for (k, clause) in clauses.enumerated().reversed() {
      let store = try assignTarget(clause.target)
      let conds = try clause.conditions.map { CondBox(try condition($0)) }
      let inner = action
      let iterable: ExprCode = k == 0 ? { f in f[iterSlot] } : try expr(clause.iterable)
      let iterRange = clause.iterable.range
      action = { f in
        let seq = try iterable(f)
        do {
          try vm.forEach(seq) { x in
            try store(f, x)
            for c in conds where !(try c.run(f)) { return }
            try inner(f)
          }
        } catch { throw annotate(error, f, compInfo, iterRange) }
      }
    }
    let body = action
    let code: ExprCode = { f in
      f[iterSlot] = try firstIterable(f)
      for s in freshCells { f[s] = .object(Cell()) }
      do {
        try body(f)
      } catch let e as ScriptError {
        // The comprehension is its own frame in CPython's tracebacks (`in <listcomp>`).
        if let last = e.exception.traceback.last, last.frameID == UnsafeMutableRawPointer(f), last.code === compInfo {
          let n = e.exception.traceback.count - 1
          e.exception.traceback[n] = TracebackEntry(code: compInfo, range: last.range, frameID: UnsafeMutableRawPointer(f + iterSlot))
        }
        f[iterSlot] = .none
        throw e
      }
      f[iterSlot] = .none
      return .none
    }
    return (code, compInfo)
  }

  func listComprehension(_ element: Expr, _ clauses: [Comprehension]) throws -> ExprCode {
    var accSlot = 0
    let (run, _) = try comprehension(clauses, elements: [element], name: "<listcomp>") { c in
      let el = try c.expr(element)
      let slot = c.scope.newSlot()
      accSlot = slot
      return { f in
        if case .list(let l) = f[slot] { l.items.append(try el(f)) }
      }
    }
    let slot = accSlot
    return { f in
      let l = ListObject()
      f[slot] = .list(l)
      _ = try run(f)
      f[slot] = .none
      return .list(l)
    }
  }

  func setComprehension(_ element: Expr, _ clauses: [Comprehension]) throws -> ExprCode {
    var accSlot = 0
    let vm = self.vm
    let (run, _) = try comprehension(clauses, elements: [element], name: "<setcomp>") { c in
      let el = try c.expr(element)
      let slot = c.scope.newSlot()
      accSlot = slot
      return { f in
        if case .object(let o) = f[slot] {
          let s = unsafeDowncast(o, to: SetObject.self)
          let x = try el(f)
          try s.table.set(x, hash: vm.hash(x), value: .none, vm: vm)
        }
      }
    }
    let slot = accSlot
    return { f in
      let s = SetObject()
      f[slot] = .object(s)
      _ = try run(f)
      f[slot] = .none
      return .object(s)
    }
  }

  func dictComprehension(_ key: Expr, _ value: Expr, _ clauses: [Comprehension]) throws -> ExprCode {
    var accSlot = 0
    let vm = self.vm
    let (run, _) = try comprehension(clauses, elements: [key, value], name: "<dictcomp>") { c in
      let k = try c.expr(key)
      let v = try c.expr(value)
      let slot = c.scope.newSlot()
      accSlot = slot
      return { f in
        if case .dict(let d) = f[slot] {
          let kv = try k(f)
          try d.table.set(kv, hash: vm.hash(kv), value: try v(f), vm: vm)
        }
      }
    }
    let slot = accSlot
    return { f in
      let d = DictObject()
      f[slot] = .dict(d)
      _ = try run(f)
      f[slot] = .none
      return .dict(d)
    }
  }

  /// `(element for ... in ... if ...)`: a lazy iterator owning a heap frame.
  func generatorExpression(_ element: Expr, _ clauses: [Comprehension], _ r: SourceRange) throws -> ExprCode {
    guard let first = clauses.first else { throw syntaxError("generator expression without 'for'", r) }
    let firstIterable = try expr(first.iterable)
    let facts = ScopeAnalyzer.comprehension(clauses, elements: [element], kind: .function)
    let gscope = try makeFunctionScope(facts: facts, parameters: [], qualname: qualname(for: "<genexpr>"), name: "<genexpr>")
    var levels: [GeneratorExpressionIterator.Level] = []
    var elementCode: ExprCode = { _ in .none }
    try within(gscope) {
      for (k, clause) in clauses.enumerated() {
        let iterable: ExprCode? = k == 0 ? nil : try expr(clause.iterable)
        levels.append(
          .init(
            iterable: iterable, store: try assignTarget(clause.target),
            conditions: try clause.conditions.map { try condition($0) }))
      }
      elementCode = try expr(element)
    }
    let slotCount = gscope.slotCount
    let cellSlots = gscope.cellSlots
    let freeSlots = gscope.freeSlots
    let closure = closureLoader(gscope)
    let vm = self.vm
    let el = elementCode
    let lv = levels
    let info = gscope.info
    let info0 = self.info
    let firstRange = first.iterable.range
    return { f in
      let seq = try firstIterable(f)
      let it: PyIterator
      do { it = try vm.iterator(seq) } catch { throw annotate(error, f, info0, firstRange) }
      let g = GeneratorExpressionIterator(
        slotCount: slotCount, levels: lv, element: el, first: it, info: info)
      for s in cellSlots { g.frame[s] = .object(Cell()) }
      for (i, c) in closure(f).enumerated() { g.frame[freeSlots[i]] = .object(c) }
      return .object(g)
    }
  }
}

/// The running state of a generator expression: one iterator per `for` clause.
final class GeneratorExpressionIterator: PyIterator {
  struct Level {
    let iterable: ExprCode?
    let store: StoreCode
    let conditions: [(Frame) throws -> Bool]
  }
  let frame: Frame
  let slotCount: Int
  let levels: [Level]
  let element: ExprCode
  var iterators: [PyIterator?]
  var depth = 0
  var done = false
  let info: CodeInfo

  init(slotCount: Int, levels: [Level], element: @escaping ExprCode, first: PyIterator, info: CodeInfo) {
    self.slotCount = max(slotCount, 1)
    self.frame = .allocate(capacity: self.slotCount)
    frame.initialize(repeating: .unbound, count: self.slotCount)
    self.levels = levels
    self.element = element
    self.iterators = [PyIterator?](repeating: nil, count: levels.count)
    self.iterators[0] = first
    self.info = info
  }

  deinit {
    frame.deinitialize(count: slotCount)
    frame.deallocate()
  }

  override func next(_ vm: VM) throws -> Value? {
    if done { return nil }
    do {
      while true {
        guard let it = iterators[depth] else { return nil }
        guard let x = try it.next(vm) else {
          if depth == 0 {
            done = true
            return nil
          }
          iterators[depth] = nil
          depth -= 1
          continue
        }
        let level = levels[depth]
        try level.store(frame, x)
        var ok = true
        for c in level.conditions where !(try c(frame)) {
          ok = false
          break
        }
        if !ok { continue }
        if depth == levels.count - 1 { return try element(frame) }
        depth += 1
        if let make = levels[depth].iterable { iterators[depth] = try vm.iterator(try make(frame)) }
      }
    } catch {
      done = true
      throw annotate(error, frame, info, .none)
    }
  }

  override var pyType: TypeObject { Builtin.generatorType }
  override var typeName: String { "generator" }
}
