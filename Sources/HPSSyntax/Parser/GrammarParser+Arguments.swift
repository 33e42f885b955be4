// Call arguments, with CPython's checks on their order.

/// What the argument-order checks remember while a call's arguments are read.
struct ArgumentListState {
  var sawKeyword = false
  var sawDoubleStar = false
  var keywordNames = Set<String>()
  var lastExpression: Expr?
  /// CPython reports a positional argument after keywords once the whole list is read.
  var orderError: SyntaxErrorKind?
}

extension GrammarParser {
  /// `(` arguments `)` after a primary; returns the arguments and the closing parenthesis.
  func parseCallArguments() throws(SyntaxError) -> ([Argument], Token) {
    try openBracket()
    defer { closeBracket() }
    let open = advance()
    var arguments: [Argument] = []
    var state = ArgumentListState()
    while !at(.rightParen) {
      let argument = try parseArgument(&state, open: open, isOnly: arguments.isEmpty)
      arguments.append(argument)
      guard skip(.comma) else { break }
    }
    if let orderError = state.orderError { throw error(orderError, current.range) }
    guard let close = accept(.rightParen) else { throw try missingCommaOrClose(after: state.lastExpression) }
    return (arguments, close)
  }

  private func parseArgument(_ state: inout ArgumentListState, open: Token, isOnly: Bool) throws(SyntaxError) -> Argument {
    let start = current
    if skip(.star) {
      let value = try parseExpression()
      let range = start.range.union(value.range)
      if state.sawDoubleStar { throw error(.unpackingFollowsKeywordUnpacking, range) }
      state.lastExpression = value
      return Argument(.star(value), range)
    }
    if skip(.doubleStar) {
      let value = try parseExpression()
      state.sawDoubleStar = true
      state.lastExpression = value
      return Argument(.doubleStar(value), start.range.union(value.range))
    }
    if at(.name), peekKind(1) == .equal {
      advance()
      advance()
      let value = try parseExpression()
      let name = nameText(start)
      let argument = Argument(.keyword(name, value), start.range.union(value.range))
      if !state.keywordNames.insert(name).inserted { throw error(.keywordRepeated(name), argument.range) }
      state.sawKeyword = true
      state.lastExpression = value
      return argument
    }
    var value = try parseNamedExpression(hintsAssignment: false)
    if at(.equal) { throw error(.keywordCannotContainAssignment, value.range.union(current.range)) }
    if at(.kwFor) { value = try parseGeneratorArgument(element: value, open: open, isOnly: isOnly) }
    if state.orderError == nil, state.sawDoubleStar { state.orderError = .positionalFollowsKeywordUnpacking }
    if state.orderError == nil, state.sawKeyword { state.orderError = .positionalFollowsKeyword }
    state.lastExpression = value
    return Argument(.positional(value), value.range)
  }

  /// `f(x for x in xs)`: allowed unparenthesized only as the sole argument; its range then runs
  /// from the call's `(` to its `)`, as in CPython.
  private func parseGeneratorArgument(element: Expr, open: Token, isOnly: Bool) throws(SyntaxError) -> Expr {
    let clauses = try parseComprehensionClauses()
    let generatorRange = element.range.union(clauses[clauses.count - 1].range)
    if at(.comma) || (!isOnly && at(.rightParen)) { throw error(.generatorMustBeParenthesized, generatorRange) }
    if !at(.rightParen) { throw invalidSyntax() }
    return Expr(.generator(element: element, clauses), open.range.union(current.range))
  }
}
