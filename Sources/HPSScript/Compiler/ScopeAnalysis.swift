// The resolver pass: which names each scope assigns (its locals), which it declares global or
// nonlocal, and which it needs from enclosing functions (its free variables). A local that a
// nested function needs becomes a cell.
import HPSSyntax

/// What the analysis learned about one scope.
struct ScopeFacts {
  enum Kind { case module, function, classBody, comprehension }
  var kind: Kind
  /// Assigned names in first-assignment order (parameters first for functions).
  var assigned: [String] = []
  var assignedSet: Set<String> = []
  var referenced: Set<String> = []
  var globals: Set<String> = []
  var nonlocals: Set<String> = []
  /// Free names of nested function scopes (need cells here or further out).
  var childFree: Set<String> = []
  /// Free names of inline comprehensions (resolved in this same frame).
  var inlineFree: Set<String> = []
  var hasYield = false
  /// Comprehensions: `x := v` targets, which bind in the enclosing scope.
  var walrusTargets: Set<String> = []

  init(kind: Kind) { self.kind = kind }

  mutating func assign(_ name: String) {
    if assignedSet.insert(name).inserted { assigned.append(name) }
  }

  /// Names bound in this scope.
  var locals: [String] {
    assigned.filter { !globals.contains($0) && !nonlocals.contains($0) }
  }

  /// Locals that nested functions capture.
  var cells: Set<String> {
    Set(locals).intersection(childFree)
  }

  /// Names this scope needs from outside.
  var free: Set<String> {
    let localSet = Set(locals)
    switch kind {
    case .module: return []
    case .function, .comprehension:
      return referenced.union(childFree).union(inlineFree).union(nonlocals).subtracting(localSet).subtracting(globals)
    case .classBody:
      var f = referenced.union(inlineFree).subtracting(localSet).union(childFree).union(nonlocals)
      f.remove("__class__")
      return f.subtracting(globals)
    }
  }

  /// For a comprehension: the free names that cross a function boundary.
  var closureFree: Set<String> {
    childFree.subtracting(Set(locals))
  }
}

/// Walks one scope's body. Nested scopes are analyzed recursively for their free names only.
struct ScopeAnalyzer {
  var facts: ScopeFacts

  init(kind: ScopeFacts.Kind) { facts = ScopeFacts(kind: kind) }

  static func function(_ params: Parameters, body: [Stmt]) -> ScopeFacts {
    var a = ScopeAnalyzer(kind: .function)
    a.declare(params)
    for s in body { a.visit(s) }
    // Zero-argument super() reads the class from the implicit `__class__` cell.
    if a.facts.referenced.contains("super") { a.facts.referenced.insert("__class__") }
    return a.facts
  }

  static func lambda(_ params: Parameters, body: Expr) -> ScopeFacts {
    var a = ScopeAnalyzer(kind: .function)
    a.declare(params)
    a.visit(body)
    return a.facts
  }

  static func classBody(_ body: [Stmt]) -> ScopeFacts {
    var a = ScopeAnalyzer(kind: .classBody)
    for s in body { a.visit(s) }
    return a.facts
  }

  static func module(_ body: [Stmt]) -> ScopeFacts {
    var a = ScopeAnalyzer(kind: .module)
    for s in body { a.visit(s) }
    return a.facts
  }

  /// A comprehension or generator expression: the first iterable belongs to the enclosing scope.
  static func comprehension(_ clauses: [Comprehension], elements: [Expr], kind: ScopeFacts.Kind) -> ScopeFacts {
    var a = ScopeAnalyzer(kind: kind)
    for (i, c) in clauses.enumerated() {
      if i > 0 { a.visit(c.iterable) }
      a.target(c.target)
      for cond in c.conditions { a.visit(cond) }
    }
    for e in elements { a.visit(e) }
    return a.facts
  }

  private mutating func declare(_ p: Parameters) {
    for x in p.positionalOnly + p.regular { facts.assign(x.name) }
    if let v = p.varargs { facts.assign(v.name) }
    for x in p.keywordOnly { facts.assign(x.name) }
    if let k = p.kwargs { facts.assign(k.name) }
  }

  private mutating func outerParts(_ p: Parameters) {
    for x in p.positionalOnly + p.regular + p.keywordOnly {
      if let d = x.defaultValue { visit(d) }
    }
  }

  mutating func visit(_ stmts: [Stmt]) { for s in stmts { visit(s) } }

  mutating func visit(_ s: Stmt) {
    switch s.kind {
    case .expression(let e): visit(e)
    case .assign(let targets, let value):
      for t in targets { target(t) }
      visit(value)
    case .augmentedAssign(let t, _, let value):
      target(t)
      if case .name(let n) = t.kind { facts.referenced.insert(n) }
      visit(value)
    case .annotatedAssign(let t, _, let value):
      if let v = value {
        target(t)
        visit(v)
      }
    case .delete(let targets): for t in targets { target(t) }
    case .pass, .break, .continue: break
    case .return(let e): if let e { visit(e) }
    case .raise(let e, let c):
      if let e { visit(e) }
      if let c { visit(c) }
    case .global(let names): for n in names { facts.globals.insert(n) }
    case .nonlocal(let names): for n in names { facts.nonlocals.insert(n) }
    case .assert(let t, let m):
      visit(t)
      if let m { visit(m) }
    case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
      visit(test)
      visit(body)
      visit(orElse)
    case .for(let t, let iterable, let body, let orElse):
      target(t)
      visit(iterable)
      visit(body)
      visit(orElse)
    case .try(let body, let handlers, let orElse, let fin):
      visit(body)
      for h in handlers {
        if let t = h.type { visit(t) }
        if let n = h.name { facts.assign(n) }
        visit(h.body)
      }
      visit(orElse)
      visit(fin)
    case .with(let items, let body):
      for i in items {
        visit(i.context)
        if let t = i.target { target(t) }
      }
      visit(body)
    case .functionDef(let f):
      for d in f.decorators { visit(d) }
      outerParts(f.parameters)
      facts.assign(f.name)
      let inner = ScopeAnalyzer.function(f.parameters, body: f.body)
      facts.childFree.formUnion(inner.free)
    case .classDef(let c):
      for d in c.decorators { visit(d) }
      for b in c.bases { visit(b) }
      for k in c.keywords {
        if case .keyword(_, let e) = k.kind { visit(e) }
      }
      facts.assign(c.name)
      let inner = ScopeAnalyzer.classBody(c.body)
      facts.childFree.formUnion(inner.free)
    case .import(let names):
      for n in names { facts.assign(n.alias ?? String(n.name.split(separator: ".").first ?? "")) }
    case .importFrom(_, let names, _, _):
      for n in names { facts.assign(n.alias ?? n.name) }
    }
  }

  mutating func target(_ e: Expr) {
    switch e.kind {
    case .name(let n): facts.assign(n)
    case .tuple(let xs), .list(let xs): for x in xs { target(x) }
    case .starred(let x): target(x)
    default: visit(e)
    }
  }

  mutating func visit(_ e: Expr) {
    switch e.kind {
    case .name(let n): facts.referenced.insert(n)
    case .constant: break
    case .formattedString(let parts): visitParts(parts)
    case .tuple(let xs), .list(let xs), .set(let xs): for x in xs { visit(x) }
    case .dict(let items):
      for i in items {
        switch i {
        case .pair(let k, let v):
          visit(k)
          visit(v)
        case .unpack(let x): visit(x)
        }
      }
    case .starred(let x): visit(x)
    case .unary(_, let x): visit(x)
    case .binary(_, let a, let b):
      visit(a)
      visit(b)
    case .boolean(_, let xs): for x in xs { visit(x) }
    case .compare(let first, let links):
      visit(first)
      for l in links { visit(l.right) }
    case .conditional(let t, let b, let o):
      visit(t)
      visit(b)
      visit(o)
    case .namedExpression(let t, let v):
      if facts.kind == .comprehension {
        facts.walrusTargets.insert(t)
        facts.referenced.insert(t)
      } else {
        facts.assign(t)
      }
      visit(v)
    case .lambda(let p, let body):
      outerParts(p)
      facts.childFree.formUnion(ScopeAnalyzer.lambda(p, body: body).free)
    case .call(let f, let args):
      visit(f)
      for a in args {
        switch a.kind {
        case .positional(let x), .keyword(_, let x), .star(let x), .doubleStar(let x): visit(x)
        }
      }
    case .attribute(let x, _): visit(x)
    case .subscript(let x, let i):
      visit(x)
      visit(i)
    case .slice(let a, let b, let c):
      if let a { visit(a) }
      if let b { visit(b) }
      if let c { visit(c) }
    case .listComprehension(let el, let cs), .setComprehension(let el, let cs):
      inline(cs, [el])
    case .dictComprehension(let k, let v, let cs):
      inline(cs, [k, v])
    case .generator(let el, let cs):
      if let first = cs.first { visit(first.iterable) }
      let inner = ScopeAnalyzer.comprehension(cs, elements: [el], kind: .function)
      facts.childFree.formUnion(inner.free)
    case .yield(let x):
      facts.hasYield = true
      if let x { visit(x) }
    case .yieldFrom(let x):
      facts.hasYield = true
      visit(x)
    }
  }

  private mutating func inline(_ cs: [Comprehension], _ elements: [Expr]) {
    if let first = cs.first { visit(first.iterable) }
    let inner = ScopeAnalyzer.comprehension(cs, elements: elements, kind: .comprehension)
    // Walrus targets inside a comprehension bind in the enclosing scope.
    facts.inlineFree.formUnion(inner.free)
    facts.childFree.formUnion(inner.closureFree)
    if inner.hasYield { facts.hasYield = true }
    for t in inner.walrusTargets {
      if facts.kind == .comprehension {
        facts.walrusTargets.insert(t)
        facts.referenced.insert(t)
      } else {
        facts.assign(t)
      }
    }
  }

  private mutating func visitParts(_ parts: [FStringPart]) {
    for p in parts {
      if case .replacement(let v, _, let spec, _) = p {
        visit(v)
        if let spec { visitParts(spec) }
      }
    }
  }
}
