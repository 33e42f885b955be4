// Call arguments, with CPython's checks on their order.

extension GrammarParser {
  /// `(` arguments `)` after a primary; returns the arguments and the closing parenthesis.
  func parseCallArguments() throws(SyntaxError) -> ([Argument], Token) {
    try inBrackets { () throws(SyntaxError) -> ([Argument], Token) in
      let open = advance()
      var arguments: [Argument] = []
      var sawKeyword = false
      var sawDoubleStar = false
      var keywordNames = Set<String>()
      var lastExpression: Expr?
      var orderError: SyntaxErrorKind?
      while !at(.rightParen) {
        let start = current
        let argument: Argument
        if accept(.star) != nil {
          let value = try parseExpression()
          argument = Argument(.star(value), start.range.union(value.range))
          if sawDoubleStar { throw error(.unpackingFollowsKeywordUnpacking, start.range.union(value.range)) }
          lastExpression = value
        } else if accept(.doubleStar) != nil {
          let value = try parseExpression()
          argument = Argument(.doubleStar(value), start.range.union(value.range))
          sawDoubleStar = true
          lastExpression = value
        } else if at(.name), peekKind(1) == .equal {
          advance()
          advance()
          let value = try parseExpression()
          let name = nameText(start)
          argument = Argument(.keyword(name, value), start.range.union(value.range))
          if !keywordNames.insert(name).inserted { throw error(.keywordRepeated(name), argument.range) }
          sawKeyword = true
          lastExpression = value
        } else {
          var value = try parseNamedExpression(hintsAssignment: false)
          if at(.equal) {
            throw error(.keywordCannotContainAssignment, value.range.union(current.range))
          }
          if at(.kwFor) {
            let clauses = try parseComprehensionClauses()
            let generatorRange = value.range.union(clauses[clauses.count - 1].range)
            if !arguments.isEmpty || !at(.rightParen) {
              throw error(.generatorMustBeParenthesized, generatorRange)
            }
            value = Expr(.generator(element: value, clauses), open.range.union(current.range))
          }
          // CPython reports these once the whole argument list is read, at the token after it.
          if orderError == nil, sawDoubleStar { orderError = .positionalFollowsKeywordUnpacking }
          if orderError == nil, sawKeyword { orderError = .positionalFollowsKeyword }
          argument = Argument(.positional(value), value.range)
          lastExpression = value
        }
        arguments.append(argument)
        guard accept(.comma) != nil else { break }
        if case .positional(let value) = argument.kind, case .generator = value.kind {
          throw error(.generatorMustBeParenthesized, value.range)
        }
      }
      if let orderError { throw error(orderError, current.range) }
      guard let close = accept(.rightParen) else { throw try missingCommaOrClose(after: lastExpression) }
      return (arguments, close)
    }
  }
}
