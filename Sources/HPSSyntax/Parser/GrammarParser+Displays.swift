// Parenthesized expressions, tuples, list/set/dict displays, comprehensions and generators.

extension GrammarParser {
  func parseParenthesized() throws(SyntaxError) -> Expr {
    try openBracket()
    defer { closeBracket() }
    let open = advance()
    if at(.rightParen) || at(.kwYield) { return try parseEmptyTupleOrYield(open: open) }
    let first = try parseStarNamedExpression()
    return try finishParenthesized(open: open, first: first)
  }

  private func parseEmptyTupleOrYield(open: Token) throws(SyntaxError) -> Expr {
    if let close = accept(.rightParen) { return Expr(.tuple([]), open.range.union(close.range)) }
    let value = try parseYield()
    guard skip(.rightParen) else { throw invalidSyntax() }
    return value
  }

  /// After `(first`: a generator, a parenthesized expression or a tuple.
  private func finishParenthesized(open: Token, first: Expr) throws(SyntaxError) -> Expr {
    if at(.kwFor) {
      if case .starred = first.kind { throw error(.unpackingInComprehension, first.range) }
      let clauses = try parseComprehensionClauses()
      guard let close = accept(.rightParen) else { throw try missingCommaOrClose(after: nil) }
      return Expr(.generator(element: first, clauses), open.range.union(close.range))
    }
    if skip(.rightParen) {
      if case .starred = first.kind { throw error(.cannotUseStarredHere, first.range) }
      return first
    }
    guard at(.comma) else { throw try missingCommaOrClose(after: first) }
    var elements = [first]
    while skip(.comma) {
      if at(.rightParen) { break }
      elements.append(try parseStarNamedExpression())
    }
    guard let close = accept(.rightParen) else { throw try missingCommaOrClose(after: elements.last) }
    return Expr(.tuple(elements), open.range.union(close.range))
  }

  func parseListDisplay() throws(SyntaxError) -> Expr {
    try openBracket()
    defer { closeBracket() }
    let open = advance()
    if let close = accept(.rightBracket) { return Expr(.list([]), open.range.union(close.range)) }
    let first = try parseStarNamedExpression()
    return try finishListDisplay(open: open, first: first)
  }

  private func finishListDisplay(open: Token, first: Expr) throws(SyntaxError) -> Expr {
    if at(.kwFor) {
      if case .starred = first.kind { throw error(.unpackingInComprehension, first.range) }
      let clauses = try parseComprehensionClauses()
      guard let close = accept(.rightBracket) else { throw try missingCommaOrClose(after: nil) }
      return Expr(.listComprehension(element: first, clauses), open.range.union(close.range))
    }
    var elements = [first]
    while skip(.comma) {
      if at(.rightBracket) { break }
      elements.append(try parseStarNamedExpression())
    }
    guard let close = accept(.rightBracket) else { throw try missingCommaOrClose(after: elements.last) }
    return Expr(.list(elements), open.range.union(close.range))
  }

  /// `{}` (a dict), `{k: v, **m}`, `{a, *b}`, and the dict and set comprehensions.
  func parseBraceDisplay() throws(SyntaxError) -> Expr {
    try openBracket()
    defer { closeBracket() }
    let open = advance()
    if let close = accept(.rightBrace) { return Expr(.dict([]), open.range.union(close.range)) }
    if at(.doubleStar) { return try parseDictRest(open: open, first: nil) }
    let first = try parseStarNamedExpression()
    if at(.colon) {
      if case .starred = first.kind { throw invalidSyntax() }
      return try parseDictRest(open: open, first: first)
    }
    if at(.kwFor) {
      if case .starred = first.kind { throw error(.unpackingInComprehension, first.range) }
      let clauses = try parseComprehensionClauses()
      guard let close = accept(.rightBrace) else { throw try missingCommaOrClose(after: nil) }
      return Expr(.setComprehension(element: first, clauses), open.range.union(close.range))
    }
    var elements = [first]
    while skip(.comma) {
      if at(.rightBrace) { break }
      elements.append(try parseStarNamedExpression())
    }
    guard let close = accept(.rightBrace) else { throw try missingCommaOrClose(after: elements.last) }
    return Expr(.set(elements), open.range.union(close.range))
  }

  /// The rest of a dict display (or comprehension) once it is known to be one.
  private func parseDictRest(open: Token, first: Expr?) throws(SyntaxError) -> Expr {
    var items: [DictItem] = []
    var lastValue: Expr?
    if let key = first {
      advance()
      try rejectMissingDictValue()
      let value = try parseExpression()
      if at(.kwFor) {
        let clauses = try parseComprehensionClauses()
        guard let close = accept(.rightBrace) else { throw try missingCommaOrClose(after: nil) }
        return Expr(.dictComprehension(key: key, value: value, clauses), open.range.union(close.range))
      }
      items.append(.pair(key: key, value: value))
      lastValue = value
    } else {
      try items.append(parseDictUnpack())
    }
    while skip(.comma) {
      if at(.rightBrace) { break }
      if at(.doubleStar) {
        try items.append(parseDictUnpack())
        continue
      }
      if at(.star) { throw invalidSyntax() }
      let key = try parseExpression()
      guard skip(.colon) else {
        // CPython points at the key's last character.
        let last = max(Int(key.range.start), Int(key.range.end) - 1)
        throw error(.colonExpectedAfterDictKey, SourceRange(start: last, end: Int(key.range.end)))
      }
      try rejectMissingDictValue()
      let value = try parseExpression()
      items.append(.pair(key: key, value: value))
      lastValue = value
    }
    guard let close = accept(.rightBrace) else { throw try missingCommaOrClose(after: lastValue) }
    return Expr(.dict(items), open.range.union(close.range))
  }

  /// `{'a': , ...}`: the colon (just consumed) has no value after it.
  private func rejectMissingDictValue() throws(SyntaxError) {
    if at(.comma) || at(.rightBrace) { throw error(.dictValueExpected, previous.range) }
  }

  private func parseDictUnpack() throws(SyntaxError) -> DictItem {
    advance()
    return .unpack(try parseBitwiseOr())
  }

  /// One or more `for targets in iterable (if condition)*` clauses.
  func parseComprehensionClauses() throws(SyntaxError) -> [Comprehension] {
    var clauses: [Comprehension] = []
    while let forToken = accept(.kwFor) {
      let target = try parseTargetList(stopAt: .kwIn)
      guard skip(.kwIn) else { throw try missingCommaOrClose(after: target) }
      try validateTarget(target, context: .forLoop)
      let iterable = try parseDisjunction()
      var conditions: [Expr] = []
      var end = iterable.range.end
      while skip(.kwIf) {
        let condition = try parseDisjunction()
        conditions.append(condition)
        end = condition.range.end
      }
      clauses.append(
        Comprehension(
          target: target, iterable: iterable, conditions: conditions,
          range: SourceRange(start: Int(forToken.range.start), end: Int(end))))
    }
    if at(.kwAsync) { throw error(.asyncNotSupported, current.range) }
    return clauses
  }

  /// `star_targets` as in `for a, (b, *c) in …`: bitwise-or level expressions, so `in` is left for
  /// the caller.
  func parseTargetList(stopAt terminator: TokenKind) throws(SyntaxError) -> Expr {
    let first = try parseStarTarget()
    guard at(.comma) else { return first }
    var elements = [first]
    var end = first.range.end
    while let comma = accept(.comma) {
      end = comma.range.end
      if at(terminator) { break }
      let element = try parseStarTarget()
      elements.append(element)
      end = element.range.end
    }
    return Expr(.tuple(elements), SourceRange(start: Int(first.range.start), end: Int(end)))
  }

  private func parseStarTarget() throws(SyntaxError) -> Expr {
    if let star = accept(.star) {
      let operand = try parseBitwiseOr()
      return Expr(.starred(operand), star.range.union(operand.range))
    }
    return try parseBitwiseOr()
  }
}
