// Atoms and the trailers that follow them: calls, attributes, subscripts and slices.

extension GrammarParser {
  /// An atom followed by any number of `.name`, `(args)` and `[index]` trailers.
  func parsePrimary() throws(SyntaxError) -> Expr {
    var expression = try parseAtom()
    var chain = 0
    defer { depth -= chain }
    while at(.dot) || at(.leftParen) || at(.leftBracket) {
      expression = try parseTrailer(of: expression)
      try enter()
      chain += 1
    }
    return expression
  }

  private func parseTrailer(of expression: Expr) throws(SyntaxError) -> Expr {
    switch kind {
    case .dot:
      advance()
      guard at(.name) else { throw invalidSyntax() }
      let name = advance()
      return Expr(.attribute(expression, name: nameText(name)), expression.range.union(name.range))
    case .leftParen:
      let (arguments, close) = try parseCallArguments()
      return Expr(.call(expression, arguments), expression.range.union(close.range))
    default:
      let (index, close) = try parseSubscript()
      return Expr(.subscript(expression, index: index), expression.range.union(close.range))
    }
  }

  /// Brackets recurse; everything else is a leaf handled by a separate function so that this frame,
  /// which stays on the stack through every nesting level, is small.
  func parseAtom() throws(SyntaxError) -> Expr {
    switch kind {
    case .leftParen: return try parseParenthesized()
    case .leftBracket: return try parseListDisplay()
    case .leftBrace: return try parseBraceDisplay()
    case .string: return try parseStrings()
    default: return try parseLeafAtom()
    }
  }

  private func parseLeafAtom() throws(SyntaxError) -> Expr {
    let token = current
    switch token.kind {
    case .name:
      advance()
      return Expr(.name(nameText(token)), token.range)
    case .number:
      advance()
      if case .number(let value) = token.value { return Expr(.constant(value), token.range) }
      return Expr(.constant(.int(0)), token.range)
    case .kwNone:
      advance()
      return Expr(.constant(.none), token.range)
    case .kwTrue:
      advance()
      return Expr(.constant(.true), token.range)
    case .kwFalse:
      advance()
      return Expr(.constant(.false), token.range)
    case .ellipsis:
      advance()
      return Expr(.constant(.ellipsis), token.range)
    case .kwAwait:
      throw error(.awaitNotSupported, token.range)
    default:
      throw invalidSyntax()
    }
  }

  /// Counts one bracket (and one nesting level) deeper; pair with `closeBracket()`. (Not a
  /// closure-taking helper: closures cost stack per nesting level in debug builds.)
  func openBracket() throws(SyntaxError) {
    try enter()
    bracketLevel += 1
  }

  func closeBracket() {
    bracketLevel -= 1
    leave()
  }

  /// `[` slices `]` after a primary; returns the index expression and the closing bracket.
  func parseSubscript() throws(SyntaxError) -> (Expr, Token) {
    try openBracket()
    defer { closeBracket() }
    advance()
    var elements: [Expr] = []
    var sawComma = false
    while !at(.rightBracket) {
      elements.append(try parseSliceItem())
      guard skip(.comma) else { break }
      sawComma = true
    }
    if elements.isEmpty { throw invalidSyntax() }
    guard let close = accept(.rightBracket) else { throw try missingCommaOrClose(after: elements.last) }
    if elements.count == 1 && !sawComma { return (elements[0], close) }
    let last = elements[elements.count - 1]
    let end = sawComma && previous.kind == .comma ? previous.range.end : last.range.end
    return (Expr(.tuple(elements), SourceRange(start: Int(elements[0].range.start), end: Int(end))), close)
  }

  /// `expression`, `*expression` or `lower:upper:step` with any part missing.
  private func parseSliceItem() throws(SyntaxError) -> Expr {
    if at(.star) { return try parseStarExpression() }
    var lower: Expr?
    if !at(.colon) {
      let expression = try parseNamedExpression()
      guard at(.colon) else { return expression }
      lower = expression
    }
    let firstColon = advance()
    var upper: Expr?
    var step: Expr?
    var end = firstColon.range.end
    if startsExpression {
      let value = try parseExpression()
      upper = value
      end = value.range.end
    }
    if let secondColon = accept(.colon) {
      end = secondColon.range.end
      if startsExpression {
        let value = try parseExpression()
        step = value
        end = value.range.end
      }
    }
    let start = lower?.range.start ?? firstColon.range.start
    return Expr(.slice(lower: lower, upper: upper, step: step), SourceRange(start: Int(start), end: Int(end)))
  }

  /// The error when a bracketed list neither continues with `,` nor closes: "Perhaps you forgot a
  /// comma?" when another expression follows, plain "invalid syntax" otherwise.
  func missingCommaOrClose(after previousElement: Expr?) throws(SyntaxError) -> SyntaxError {
    guard var first = previousElement, startsExpression, bracketLevel > 0 else { return invalidSyntax() }
    let mark = index
    let savedDepth = depth
    defer {
      reset(to: mark)
      depth = savedDepth
    }
    // `name "string"` is never taken for a missing comma; CPython looks from the string on instead.
    if startsWithNameThenString(first) {
      guard let string = try? parseDisjunction(), startsExpression else { return invalidSyntax() }
      first = string
    }
    if let next = try? parseExpression() {
      return error(.forgotComma, first.range.union(next.range))
    }
    return invalidSyntax()
  }

  /// CPython does not suggest a comma for `name "string"` (it reads as a Python 2 statement).
  private func startsWithNameThenString(_ expression: Expr) -> Bool {
    if case .name = expression.kind, at(.string) { return true }
    return false
  }
}
