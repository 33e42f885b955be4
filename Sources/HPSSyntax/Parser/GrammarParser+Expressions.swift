// Expressions from the loosest binding (lambda, conditional) down to unary operators and `**`.
// Binary operators use precedence climbing, so a long `1 + 2 + …` costs no stack per operand.

extension GrammarParser {
  /// `star_expressions`: an expression or an unparenthesized tuple, `*x` allowed among them.
  func parseStarExpressions() throws(SyntaxError) -> Expr {
    let first = try parseStarExpression()
    guard at(.comma) else { return first }
    var elements = [first]
    var end = first.range.end
    while let comma = accept(.comma) {
      end = comma.range.end
      if !startsExpression && !at(.star) { break }
      let element = try parseStarExpression()
      elements.append(element)
      end = element.range.end
    }
    return Expr(.tuple(elements), SourceRange(start: Int(first.range.start), end: Int(end)))
  }

  /// `'*' bitwise_or | expression`.
  func parseStarExpression() throws(SyntaxError) -> Expr {
    if let star = accept(.star) {
      let operand = try parseBitwiseOr()
      return Expr(.starred(operand), star.range.union(operand.range))
    }
    return try parseExpression()
  }

  /// `'*' bitwise_or | named_expression` (elements of displays).
  func parseStarNamedExpression() throws(SyntaxError) -> Expr {
    if let star = accept(.star) {
      let operand = try parseBitwiseOr()
      return Expr(.starred(operand), star.range.union(operand.range))
    }
    return try parseNamedExpression()
  }

  /// `NAME ':=' expression | expression`. `hintsAssignment` adds CPython's "Maybe you meant '=='"
  /// hints for a stray `=` (call arguments report their own message instead).
  func parseNamedExpression(hintsAssignment: Bool = true) throws(SyntaxError) -> Expr {
    if at(.name), peekKind(1) == .colonEqual {
      let name = advance()
      advance()
      let value = try parseExpression()
      return Expr(.namedExpression(target: nameText(name), value: value), name.range.union(value.range))
    }
    let expression = try parseExpression()
    if at(.colonEqual) {
      throw error(.cannotUseAssignmentExpression(describe(expression)), expression.range)
    }
    if hintsAssignment, at(.equal), bracketLevel > 0 || inCondition {
      try reportMisusedAssignment(expression)
    }
    return expression
  }

  /// `if x = 1:` and `[a = 1]`: CPython's hints for an `=` where a comparison was meant.
  func reportMisusedAssignment(_ target: Expr) throws(SyntaxError) {
    let mark = index
    advance()
    guard let value = try? parseBitwiseOr(), !at(.equal), !at(.colonEqual) else {
      reset(to: mark)
      return
    }
    if case .name = target.kind {
      throw error(.maybeEqualityInsteadOfAssign, target.range.union(value.range))
    }
    switch target.kind {
    case .list, .tuple, .generator, .constant(.true), .constant(.false), .constant(.none):
      reset(to: mark)
    default:
      throw error(.cannotAssign(describe(target), maybeEquality: true), target.range)
    }
  }

  /// `expression`: lambda, or a disjunction optionally followed by `if … else …`.
  func parseExpression() throws(SyntaxError) -> Expr {
    try enter()
    defer { leave() }
    if at(.kwLambda) { return try parseLambda() }
    let body = try parseDisjunction()
    guard accept(.kwIf) != nil else { return body }
    let test = try parseDisjunction()
    guard accept(.kwElse) != nil else {
      if at(.newline) || at(.rightParen) || at(.rightBracket) || at(.rightBrace) || at(.comma)
        || at(.colon) || at(.endOfFile) || at(.semicolon)
      {
        throw error(.expectedElseAfterIf, body.range.union(test.range))
      }
      throw invalidSyntax()
    }
    let orElse = try parseExpression()
    return Expr(.conditional(test: test, body: body, orElse: orElse), body.range.union(orElse.range))
  }

  func parseDisjunction() throws(SyntaxError) -> Expr {
    let first = try parseConjunction()
    guard at(.kwOr) else { return first }
    var operands = [first]
    while accept(.kwOr) != nil { operands.append(try parseConjunction()) }
    return Expr(.boolean(.or, operands), first.range.union(operands[operands.count - 1].range))
  }

  func parseConjunction() throws(SyntaxError) -> Expr {
    let first = try parseInversion()
    guard at(.kwAnd) else { return first }
    var operands = [first]
    while accept(.kwAnd) != nil { operands.append(try parseInversion()) }
    return Expr(.boolean(.and, operands), first.range.union(operands[operands.count - 1].range))
  }

  func parseInversion() throws(SyntaxError) -> Expr {
    guard let not = accept(.kwNot) else { return try parseComparison() }
    try enter()
    defer { leave() }
    let operand = try parseInversion()
    return Expr(.unary(.not, operand), not.range.union(operand.range))
  }

  func parseComparison() throws(SyntaxError) -> Expr {
    let first = try parseBitwiseOr()
    var links: [ComparisonLink] = []
    while let op = comparisonOperator() {
      links.append(ComparisonLink(op, try parseBitwiseOr()))
    }
    if links.isEmpty { return first }
    return Expr(.compare(first, links), first.range.union(links[links.count - 1].right.range))
  }

  /// Consumes and returns a comparison operator, including the two-word `not in` and `is not`.
  private func comparisonOperator() -> ComparisonOperator? {
    let op: ComparisonOperator
    switch kind {
    case .equalEqual: op = .equal
    case .notEqual: op = .notEqual
    case .less: op = .less
    case .lessEqual: op = .lessOrEqual
    case .greater: op = .greater
    case .greaterEqual: op = .greaterOrEqual
    case .kwIn: op = .in
    case .kwNot:
      guard peekKind(1) == .kwIn else { return nil }
      advance()
      op = .notIn
    case .kwIs:
      if peekKind(1) == .kwNot {
        advance()
        op = .isNot
      } else {
        op = .is
      }
    default: return nil
    }
    advance()
    return op
  }

  /// `bitwise_or` and every binary operator above it (`|`, `^`, `&`, shifts, `+ -`, `* @ / // %`).
  func parseBitwiseOr() throws(SyntaxError) -> Expr {
    try parseBinary(minimumPrecedence: 1)
  }

  private func parseBinary(minimumPrecedence: Int) throws(SyntaxError) -> Expr {
    var left = try parseFactor()
    var chain = 0
    defer { depth -= chain }
    while let (op, precedence) = binaryOperator(kind), precedence >= minimumPrecedence {
      advance()
      try enter()
      chain += 1
      let right = try parseBinary(minimumPrecedence: precedence + 1)
      left = Expr(.binary(op, left, right), left.range.union(right.range))
    }
    return left
  }

  private func binaryOperator(_ kind: TokenKind) -> (BinaryOperator, Int)? {
    switch kind {
    case .pipe: return (.bitOr, 1)
    case .caret: return (.bitXor, 2)
    case .ampersand: return (.bitAnd, 3)
    case .leftShift: return (.leftShift, 4)
    case .rightShift: return (.rightShift, 4)
    case .plus: return (.add, 5)
    case .minus: return (.subtract, 5)
    case .star: return (.multiply, 6)
    case .slash: return (.trueDivide, 6)
    case .doubleSlash: return (.floorDivide, 6)
    case .percent: return (.modulo, 6)
    case .at: return (.matrixMultiply, 6)
    default: return nil
    }
  }

  /// Unary `+ - ~`, which bind looser than `**` on their right: `-2**2 == -(2**2)`.
  func parseFactor() throws(SyntaxError) -> Expr {
    let op: UnaryOperator
    switch kind {
    case .minus: op = .negate
    case .plus: op = .plus
    case .tilde: op = .invert
    default: return try parsePower()
    }
    let token = advance()
    try enter()
    defer { leave() }
    let operand = try parseFactor()
    return Expr(.unary(op, operand), token.range.union(operand.range))
  }

  /// `primary ['**' factor]`, right-associative through `factor`.
  func parsePower() throws(SyntaxError) -> Expr {
    if at(.kwAwait) { throw error(.awaitNotSupported, current.range) }
    let base = try parsePrimary()
    guard accept(.doubleStar) != nil else { return base }
    try enter()
    defer { leave() }
    let exponent = try parseFactor()
    return Expr(.binary(.power, base, exponent), base.range.union(exponent.range))
  }

  /// `lambda params: body`.
  func parseLambda() throws(SyntaxError) -> Expr {
    let keyword = advance()
    let parameters = try parseParameters(closing: .colon, allowsAnnotations: false)
    _ = try expect(.colon)
    let wasInFunction = inFunction
    inFunction = true
    defer { inFunction = wasInFunction }
    let body = try parseExpression()
    return Expr(.lambda(parameters, body: body), keyword.range.union(body.range))
  }

  /// `yield`, `yield value(s)`, `yield from iterable`.
  func parseYield() throws(SyntaxError) -> Expr {
    let value = try parseYieldForms()
    if !inFunction { recordPending(.yieldOutsideFunction, value.range) }
    return value
  }

  private func parseYieldForms() throws(SyntaxError) -> Expr {
    let keyword = advance()
    if accept(.kwFrom) != nil {
      let iterable = try parseExpression()
      return Expr(.yieldFrom(iterable), keyword.range.union(iterable.range))
    }
    if startsExpression || at(.star) {
      let value = try parseStarExpressions()
      return Expr(.yield(value), keyword.range.union(value.range))
    }
    return Expr(.yield(nil), keyword.range)
  }

  func nameText(_ token: Token) -> String {
    if case .name(let text) = token.value { return text }
    return token.kind.rawValue
  }
}
