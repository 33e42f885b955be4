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
    if at(.name), peekKind(1) == .colonEqual { return try parseWalrus() }
    let expression = try parseExpression()
    if at(.colonEqual) || (hintsAssignment && at(.equal) && (bracketLevel > 0 || inCondition)) {
      try reportMisusedAssignment(expression)
    }
    return expression
  }

  private func parseWalrus() throws(SyntaxError) -> Expr {
    let name = advance()
    advance()
    let value = try parseExpression()
    return Expr(.namedExpression(target: nameText(name), value: value), name.range.union(value.range))
  }

  /// `a.b := 1`, `if x = 1:` and `[a = 1]`: CPython's hints for a misused `:=` or `=`.
  func reportMisusedAssignment(_ target: Expr) throws(SyntaxError) {
    if at(.colonEqual) {
      throw error(.cannotUseAssignmentExpression(describe(target)), target.range)
    }
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
    let body = try parseOperators(minimumPrecedence: Precedence.or)
    if at(.kwIf) { return try parseConditional(body: body) }
    return body
  }

  private func parseConditional(body: Expr) throws(SyntaxError) -> Expr {
    advance()
    let test = try parseDisjunction()
    guard skip(.kwElse) else {
      if at(.colon) { throw invalidSyntax() }
      throw error(.expectedElseAfterIf, body.range.union(test.range))
    }
    let orElse = try parseExpression()
    return Expr(.conditional(test: test, body: body, orElse: orElse), body.range.union(orElse.range))
  }

  /// `disjunction`: `or`, `and`, `not`, comparisons and every binary operator.
  func parseDisjunction() throws(SyntaxError) -> Expr {
    try parseOperators(minimumPrecedence: Precedence.or)
  }

  /// `bitwise_or`: the binary operators only (targets, `*` operands, dict unpacking).
  func parseBitwiseOr() throws(SyntaxError) -> Expr {
    try parseOperators(minimumPrecedence: Precedence.bitOr)
  }

  /// Binding strength of the operators handled by `parseOperators`, loosest first.
  enum Precedence {
    static let or = 1
    static let and = 2
    static let not = 3
    static let comparison = 4
    static let bitOr = 5
  }

  /// Precedence climbing over Python's operator table in a single function: one stack frame per
  /// nesting level instead of one per grammar rule, and none per operand of a long chain.
  func parseOperators(minimumPrecedence: Int) throws(SyntaxError) -> Expr {
    var left: Expr
    if minimumPrecedence <= Precedence.not, let not = accept(.kwNot) {
      try enter()
      let operand = try parseOperators(minimumPrecedence: Precedence.not)
      leave()
      left = Expr(.unary(.not, operand), not.range.union(operand.range))
    } else {
      left = try parseFactor()
    }
    var chain = 0
    defer { depth -= chain }
    while true {
      switch kind {
      case .kwOr where minimumPrecedence <= Precedence.or:
        left = try parseBooleanChain(.or, first: left, operandPrecedence: Precedence.and)
      case .kwAnd where minimumPrecedence <= Precedence.and:
        left = try parseBooleanChain(.and, first: left, operandPrecedence: Precedence.not)
      case .equalEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .kwIn, .kwIs, .kwNot:
        guard minimumPrecedence <= Precedence.comparison, kind != .kwNot || peekKind(1) == .kwIn else {
          return left
        }
        var links: [ComparisonLink] = []
        while let op = comparisonOperator() {
          links.append(ComparisonLink(op, try parseOperators(minimumPrecedence: Precedence.bitOr)))
        }
        left = Expr(.compare(left, links), left.range.union(links[links.count - 1].right.range))
      default:
        guard let (op, precedence) = binaryOperator(kind), precedence >= minimumPrecedence else { return left }
        advance()
        try enter()
        chain += 1
        let right = try parseOperators(minimumPrecedence: precedence + 1)
        left = Expr(.binary(op, left, right), left.range.union(right.range))
      }
    }
  }

  private func parseBooleanChain(_ op: BooleanOperator, first: Expr, operandPrecedence: Int) throws(SyntaxError) -> Expr {
    let token: TokenKind = op == .or ? .kwOr : .kwAnd
    var operands = [first]
    while skip(token) { operands.append(try parseOperators(minimumPrecedence: operandPrecedence)) }
    return Expr(.boolean(op, operands), first.range.union(operands[operands.count - 1].range))
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

  private func binaryOperator(_ kind: TokenKind) -> (BinaryOperator, Int)? {
    switch kind {
    case .pipe: return (.bitOr, 5)
    case .caret: return (.bitXor, 6)
    case .ampersand: return (.bitAnd, 7)
    case .leftShift: return (.leftShift, 8)
    case .rightShift: return (.rightShift, 8)
    case .plus: return (.add, 9)
    case .minus: return (.subtract, 9)
    case .star: return (.multiply, 10)
    case .slash: return (.trueDivide, 10)
    case .doubleSlash: return (.floorDivide, 10)
    case .percent: return (.modulo, 10)
    case .at: return (.matrixMultiply, 10)
    default: return nil
    }
  }

  /// Unary `+ - ~`, which bind looser than `**` on their right (`-2**2 == -(2**2)`), and
  /// `primary ** factor`, right-associative through the recursion.
  func parseFactor() throws(SyntaxError) -> Expr {
    let op: UnaryOperator
    switch kind {
    case .minus: op = .negate
    case .plus: op = .plus
    case .tilde: op = .invert
    case .kwAwait: throw error(.awaitNotSupported, current.range)
    default:
      let base = try parsePrimary()
      guard skip(.doubleStar) else { return base }
      try enter()
      defer { leave() }
      let exponent = try parseFactor()
      return Expr(.binary(.power, base, exponent), base.range.union(exponent.range))
    }
    let token = advance()
    try enter()
    defer { leave() }
    let operand = try parseFactor()
    return Expr(.unary(op, operand), token.range.union(operand.range))
  }

  /// `lambda params: body`.
  func parseLambda() throws(SyntaxError) -> Expr {
    let keyword = advance()
    let parameters = try parseParameters(closing: .colon, allowsAnnotations: false)
    guard skip(.colon) else { throw invalidSyntax() }
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
    if skip(.kwFrom) {
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
