// Lowers the typed AST to a tree of Swift closures. Each node becomes a closure specialised at
// compile time for its shape (a local read is one slot load; `a + b` has an inline int fast path),
// so execution does no name lookups and no dispatch on node kinds.
import HPSSyntax

final class Compiler {
  let vm: VM
  let module: ModuleObject
  let file: SourceFile
  var scope: Scope
  /// Nesting of loops in the current function (for `break`/`continue` checks).
  var loopDepth = 0
  /// True while compiling the body of a lazy (resumable) generator function.
  var lazyGenerator = false

  init(vm: VM, module: ModuleObject, file: SourceFile) {
    self.vm = vm
    self.module = module
    self.file = file
    let info = CodeInfo(name: "<module>", file: file)
    self.scope = Scope(kind: .module, parent: nil, facts: ScopeFacts(kind: .module), qualname: "", info: info)
  }

  var ns: Namespace { module.namespace }
  var info: CodeInfo { scope.info }

  func syntaxError(_ message: String, _ range: SourceRange) -> SyntaxError {
    SyntaxError(message: message, range: range, source: file)
  }

  // MARK: Entry points

  /// Compiles a module body. In interactive mode a trailing expression statement's value is
  /// returned (for the REPL's `Out[n]`).
  func compileModule(_ m: Module, interactive: Bool) throws -> FunctionCode {
    let facts = ScopeAnalyzer.module(m.body)
    scope = Scope(kind: .module, parent: nil, facts: facts, qualname: "", info: CodeInfo(name: "<module>", file: file))
    for name in facts.assigned { _ = ns.slot(name) }
    var stmts = m.body
    var tail: ExprCode? = nil
    var tailRange = SourceRange.none
    if interactive, let last = stmts.last, case .expression(let e) = last.kind {
      stmts.removeLast()
      tail = try expr(e)
      tailRange = last.range
    }
    var body = try block(stmts)
    let returnSlot = scope.newSlot()
    if let tail {
      let inner = body
      let info = self.info
      body = { f in
        let flow = try inner(f)
        if flow != .normal { return flow }
        do {
          f[returnSlot] = try tail(f)
        } catch { throw annotate(error, f, info, tailRange) }
        return .returned
      }
    }
    let code = FunctionCode(
      name: "<module>", qualname: "<module>", doc: nil, info: info, parameters: .empty, signatureText: "()")
    code.body = body
    code.returnSlot = returnSlot
    code.slotCount = scope.slotCount
    code.cellSlots = scope.cellSlots
    return code
  }

  // MARK: Name resolution

  func resolve(_ name: String) -> Binding {
    var s: Scope? = scope
    while let cur = s {
      if let b = cur.bindings[name] { return b }
      if cur.kind == .comprehension {
        s = cur.parent
        continue
      }
      if cur.kind == .classBody { return .classLocal(name, globalSlot: ns.slot(name)) }
      break
    }
    return .global(ns.slot(name))
  }

  /// Sets up bindings for a function-like scope (def, lambda, generator expression).
  func makeFunctionScope(
    facts: ScopeFacts, parameters: [String], qualname: String, name: String
  ) throws -> Scope {
    let s = Scope(kind: .function, parent: scope, facts: facts, qualname: qualname, info: CodeInfo(name: name, file: file))
    let paramSet = Set(parameters)
    for p in parameters where s.bindings[p] == nil { s.bindings[p] = .local(s.newSlot()) }
    for n in facts.locals where s.bindings[n] == nil { s.bindings[n] = .local(s.newSlot()) }
    for n in facts.cells.sorted() {
      guard case .local(let i) = s.bindings[n] else { continue }
      s.bindings[n] = .cell(i)
      if paramSet.contains(n) { s.parameterCellSlots.append(i) } else { s.cellSlots.append(i) }
    }
    for n in facts.globals { s.bindings[n] = .global(ns.slot(n)) }
    try bindFree(s, facts.free.sorted(), nonlocals: facts.nonlocals)
    return s
  }

  func bindFree(_ s: Scope, _ names: [String], nonlocals: Set<String>) throws {
    for n in names where s.bindings[n] == nil {
      if let src = scope.closureBinding(n) {
        let slot = s.newSlot()
        s.bindings[n] = .cell(slot)
        s.freeSlots.append(slot)
        s.freeSources.append(src)
      } else if nonlocals.contains(n) {
        throw syntaxError("no binding for nonlocal '\(n)' found", .none)
      } else {
        s.bindings[n] = .global(ns.slot(n))
      }
    }
  }

  /// Compiles `body` with `s` as the current scope.
  func within<T>(_ s: Scope, _ body: () throws -> T) rethrows -> T {
    let saved = scope
    let savedLoops = loopDepth
    let savedLazy = lazyGenerator
    scope = s
    loopDepth = 0
    lazyGenerator = false
    defer {
      scope = saved
      loopDepth = savedLoops
      lazyGenerator = savedLazy
    }
    return try body()
  }

  /// Reads the cells a new closure captures from the current frame.
  func closureLoader(_ s: Scope) -> (Frame) -> [Cell] {
    let sources: [Int] = s.freeSources.compactMap {
      if case .cell(let slot) = $0 { return slot }
      return nil
    }
    if sources.isEmpty { return { _ in [] } }
    return { f in
      sources.map { slot in
        if case .object(let o) = f[slot] { return unsafeDowncast(o, to: Cell.self) }
        return Cell()
      }
    }
  }
}
