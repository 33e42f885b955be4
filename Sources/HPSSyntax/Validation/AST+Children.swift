// Structural access to the AST for passes that walk it without recursion.

extension ExprKind {
  /// The direct sub-expressions, in source order (f-string fields and format specs included).
  var children: [Expr] {
    switch self {
    case .name, .constant: return []
    case .formattedString(let parts): return FStringPart.expressions(in: parts)
    case .tuple(let elements), .list(let elements), .set(let elements): return elements
    case .dict(let items):
      return items.flatMap { item -> [Expr] in
        switch item {
        case .pair(let key, let value): return [key, value]
        case .unpack(let mapping): return [mapping]
        }
      }
    case .starred(let value), .unary(_, let value), .attribute(let value, _), .yieldFrom(let value): return [value]
    case .binary(_, let left, let right): return [left, right]
    case .boolean(_, let operands): return operands
    case .compare(let first, let links): return [first] + links.map(\.right)
    case .conditional(let test, let body, let orElse): return [body, test, orElse]
    case .namedExpression(_, let value): return [value]
    case .lambda(let parameters, let body): return parameters.defaults + [body]
    case .call(let function, let arguments):
      return [function] + arguments.map { argument -> Expr in
        switch argument.kind {
        case .positional(let value), .keyword(_, let value), .star(let value), .doubleStar(let value): return value
        }
      }
    case .subscript(let value, let index): return [value, index]
    case .slice(let lower, let upper, let step): return [lower, upper, step].compactMap { $0 }
    case .listComprehension(let element, let clauses), .setComprehension(let element, let clauses),
      .generator(let element, let clauses):
      return [element] + Comprehension.expressions(in: clauses)
    case .dictComprehension(let key, let value, let clauses): return [key, value] + Comprehension.expressions(in: clauses)
    case .yield(let value): return value.map { [$0] } ?? []
    }
  }
}

extension FStringPart {
  static func expressions(in parts: [FStringPart]) -> [Expr] {
    var result: [Expr] = []
    var work = parts
    while !work.isEmpty {
      let part = work.removeFirst()
      if case .replacement(let value, _, let spec, _) = part {
        result.append(value)
        if let spec { work = spec + work }
      }
    }
    return result
  }
}

extension Comprehension {
  static func expressions(in clauses: [Comprehension]) -> [Expr] {
    clauses.flatMap { [$0.target, $0.iterable] + $0.conditions }
  }
}

extension Parameters {
  /// Every parameter name, in order.
  var allNames: [String] {
    (positionalOnly + regular).map(\.name) + [varargs?.name].compactMap { $0 } + keywordOnly.map(\.name)
      + [kwargs?.name].compactMap { $0 }
  }

  /// Default values (evaluated in the enclosing scope).
  var defaults: [Expr] {
    (positionalOnly + regular + keywordOnly).compactMap(\.defaultValue)
  }
}

/// One piece of a statement, as a scope pass sees it.
enum StatementPart {
  case target(Expr)
  case name(String)
  /// Bound by `import` (CPython does not count it as an assignment before `global`).
  case importedName(String)
  case expression(Expr)
  case block([Stmt])
}

extension StmtKind {
  /// The statement's targets, bound names, expressions and nested blocks in source order
  /// (function and class definitions, global and nonlocal are handled by the caller).
  var parts: [StatementPart] {
    switch self {
    case .expression(let value): return [.expression(value)]
    case .assign(let targets, let value): return [.expression(value)] + targets.map { .target($0) }
    case .augmentedAssign(let target, _, let value): return [.expression(target), .expression(value), .target(target)]
    case .annotatedAssign(let target, let annotation, let value):
      return [.expression(annotation)] + (value.map { [.expression($0)] } ?? []) + [.target(target)]
    case .delete(let targets): return targets.map { .target($0) }
    case .pass, .break, .continue, .global, .nonlocal, .functionDef, .classDef: return []
    case .return(let value): return value.map { [.expression($0)] } ?? []
    case .raise(let exception, let cause): return [exception, cause].compactMap { $0 }.map { .expression($0) }
    case .assert(let test, let message): return [test, message].compactMap { $0 }.map { .expression($0) }
    case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
      return [.expression(test), .block(body), .block(orElse)]
    case .for(let target, let iterable, let body, let orElse):
      return [.expression(iterable), .target(target), .block(body), .block(orElse)]
    case .try(let body, let handlers, let orElse, let finally):
      var parts: [StatementPart] = [.block(body)]
      for handler in handlers {
        if let type = handler.type { parts.append(.expression(type)) }
        if let name = handler.name { parts.append(.name(name)) }
        parts.append(.block(handler.body))
      }
      return parts + [.block(orElse), .block(finally)]
    case .with(let items, let body):
      var parts: [StatementPart] = []
      for item in items {
        parts.append(.expression(item.context))
        if let target = item.target { parts.append(.target(target)) }
      }
      return parts + [.block(body)]
    case .import(let names):
      return names.map { .importedName($0.alias ?? String($0.name.split(separator: ".").first ?? Substring($0.name))) }
    case .importFrom(_, let names, _, _): return names.map { .importedName($0.alias ?? $0.name) }
    }
  }
}
