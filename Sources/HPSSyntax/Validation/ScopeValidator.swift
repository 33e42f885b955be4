// The scope checks CPython's symbol table makes right after parsing: `global`/`nonlocal` declared
// after the name was used or assigned, a parameter declared global, and `nonlocal x` with no
// enclosing function that binds x. Running them here gives every front end the same errors.
//
// Expressions are walked with an explicit worklist, not recursion, so a deep (but legal) tree
// costs no stack.

struct ScopeValidator {
  let source: SourceFile

  /// What one function (or the module, or a class body) binds and declares.
  private final class Scope {
    let isFunction: Bool
    let parent: Scope?
    var bound = Set<String>()
    var parameters = Set<String>()
    /// Declared global, with where (a later conflicting nonlocal is reported there).
    var globals: [String: SourceRange] = [:]
    var nonlocals: [(name: String, range: SourceRange)] = []
    var children: [Scope] = []

    init(isFunction: Bool, parent: Scope?) {
      self.isFunction = isFunction
      self.parent = parent
    }
  }

  /// The first scope error in the module, if any.
  func firstError(in body: [Stmt]) -> SyntaxError? {
    let module = Scope(isFunction: false, parent: nil)
    var firstError: SyntaxError?
    var work: [(statements: [Stmt], scope: Scope, used: Set<String>)] = []
    // Declarations are checked in source order within each scope; nested bodies are visited after.
    visit(body, in: module, firstError: &firstError, deferred: &work)
    var next = 0
    while firstError == nil, next < work.count {
      let item = work[next]
      next += 1
      visit(item.statements, in: item.scope, firstError: &firstError, deferred: &work)
    }
    if let firstError { return firstError }
    return unresolvedNonlocal(module)
  }

  /// Per-scope progress through its statements in source order.
  private struct Progress {
    var used = Set<String>()
    var assigned = Set<String>()
  }

  private func visit(
    _ statements: [Stmt], in scope: Scope, firstError: inout SyntaxError?,
    deferred: inout [(statements: [Stmt], scope: Scope, used: Set<String>)]
  ) {
    var progress = Progress()
    visitBlock(statements, in: scope, progress: &progress, firstError: &firstError, deferred: &deferred)
  }

  /// Recurses only into the blocks of compound statements, whose depth the lexer bounds (100
  /// indentation levels).
  private func visitBlock(
    _ statements: [Stmt], in scope: Scope, progress: inout Progress, firstError: inout SyntaxError?,
    deferred: inout [(statements: [Stmt], scope: Scope, used: Set<String>)]
  ) {
    for statement in statements {
      if firstError != nil { return }
      switch statement.kind {
      case .global(let names), .nonlocal(let names):
        let isGlobal: Bool
        if case .global = statement.kind { isGlobal = true } else { isGlobal = false }
        for name in names {
          if scope.isFunction, scope.parameters.contains(name) {
            firstError = SyntaxError(.nameIsParameterAndGlobal(name, isGlobal: isGlobal), statement.range, source)
          } else if progress.assigned.contains(name) {
            firstError = SyntaxError(.nameAssignedBeforeGlobal(name, isGlobal: isGlobal), statement.range, source)
          } else if progress.used.contains(name) {
            firstError = SyntaxError(.nameUsedBeforeGlobal(name, isGlobal: isGlobal), statement.range, source)
          } else if isGlobal, let earlier = scope.nonlocals.first(where: { $0.name == name }) {
            firstError = SyntaxError(.nameIsNonlocalAndGlobal(name), earlier.range, source)
          } else if !isGlobal, let earlier = scope.globals[name] {
            firstError = SyntaxError(.nameIsNonlocalAndGlobal(name), earlier, source)
          }
          if firstError != nil { return }
          if isGlobal {
            scope.globals[name] = statement.range
          } else if scope.isFunction {
            scope.nonlocals.append((name, statement.range))
          }
        }
      case .functionDef(let function):
        let child = Scope(isFunction: true, parent: scope)
        child.parameters = Set(function.parameters.allNames)
        child.bound = child.parameters
        scope.children.append(child)
        for decorator in function.decorators { collect(decorator, progress: &progress, scope: scope) }
        for value in function.parameters.defaults { collect(value, progress: &progress, scope: scope) }
        bind(function.name, in: scope, progress: &progress)
        deferred.append((function.body, child, []))
      case .classDef(let definition):
        let child = Scope(isFunction: false, parent: scope)
        scope.children.append(child)
        for base in definition.bases { collect(base, progress: &progress, scope: scope) }
        bind(definition.name, in: scope, progress: &progress)
        deferred.append((definition.body, child, []))
      default:
        for part in statement.kind.parts {
          switch part {
          case .target(let target): bindTargets(target, in: scope, progress: &progress)
          case .name(let name): bind(name, in: scope, progress: &progress)
          case .importedName(let name): scope.bound.insert(name)
          case .expression(let expression): collect(expression, progress: &progress, scope: scope)
          case .block(let block):
            visitBlock(block, in: scope, progress: &progress, firstError: &firstError, deferred: &deferred)
          }
        }
      }
    }
  }

  private func bind(_ name: String, in scope: Scope, progress: inout Progress) {
    scope.bound.insert(name)
    progress.assigned.insert(name)
  }

  /// Binds the names of an assignment target; the parts of `a.b` and `a[i]` targets are uses.
  private func bindTargets(_ target: Expr, in scope: Scope, progress: inout Progress) {
    var work = [target]
    while let next = work.popLast() {
      switch next.kind {
      case .name(let name): bind(name, in: scope, progress: &progress)
      case .tuple(let elements), .list(let elements): work += elements
      case .starred(let inner): work.append(inner)
      default: collect(next, progress: &progress, scope: scope)
      }
    }
  }

  /// Names read in `expression` (not inside nested lambdas or comprehensions, which are scopes of
  /// their own) and names bound by `:=`.
  private func collect(_ expression: Expr, progress: inout Progress, scope: Scope) {
    var work = [expression]
    while let next = work.popLast() {
      switch next.kind {
      case .name(let name): progress.used.insert(name)
      case .namedExpression(let target, let value):
        bind(target, in: scope, progress: &progress)
        work.append(value)
      case .lambda(let parameters, _):
        work += parameters.defaults
      case .listComprehension(_, let clauses), .setComprehension(_, let clauses), .generator(_, let clauses),
        .dictComprehension(_, _, let clauses):
        if let first = clauses.first { work.append(first.iterable) }
      default:
        work += next.kind.children
      }
    }
  }

  /// `no binding for nonlocal 'x' found`: each nonlocal name must be bound by an enclosing function.
  private func unresolvedNonlocal(_ module: Scope) -> SyntaxError? {
    var work = [module]
    while let scope = work.popLast() {
      for declaration in scope.nonlocals {
        var enclosing = scope.parent
        var found = false
        while let candidate = enclosing, !found {
          if candidate.isFunction, candidate.globals[declaration.name] == nil,
            candidate.bound.contains(declaration.name) || candidate.nonlocals.contains(where: { $0.name == declaration.name })
          {
            found = true
          }
          enclosing = candidate.parent
        }
        if !found { return SyntaxError(.nonlocalWithoutBinding(declaration.name), declaration.range, source) }
      }
      work += scope.children.reversed()
    }
    return nil
  }
}
