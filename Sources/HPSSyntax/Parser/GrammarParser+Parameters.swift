// Parameter lists of `def` and `lambda`: positional-only `/`, defaults, `*args`, keyword-only, `**kwargs`.

extension GrammarParser {
  /// Parses parameters up to (not including) `closing`: `)` for def, `:` for lambda.
  func parseParameters(closing: TokenKind, allowsAnnotations: Bool) throws(SyntaxError) -> Parameters {
    var result = Parameters()
    var sawDefault = false
    var sawStar = false
    var bareStar: Token?
    var names = Set<String>()

    func record(_ parameter: Parameter) throws(SyntaxError) {
      if !names.insert(parameter.name).inserted {
        throw error(.duplicateArgument(parameter.name), parameter.range)
      }
    }

    while !at(closing) {
      if result.kwargs != nil {
        throw error(.argumentsFollowVarKeyword, current.range)
      }
      if let slash = accept(.slash) {
        if !result.positionalOnly.isEmpty { throw error(.slashOnlyOnce, slash.range) }
        if result.regular.isEmpty && !sawStar { throw error(.argumentMustPrecedeSlash, slash.range) }
        if sawStar { throw error(.invalidSyntax, slash.range) }
        result.positionalOnly = result.regular
        result.regular = []
      } else if let star = accept(.star) {
        if sawStar {
          throw at(.name) || at(.comma) ? error(.starOnlyOnce, star.range) : invalidSyntax()
        }
        sawStar = true
        if at(.name) {
          result.varargs = try parseOneParameter(allowsAnnotations: allowsAnnotations, allowsDefault: false)
          if let varargs = result.varargs { try record(varargs) }
        } else {
          bareStar = star
        }
      } else if skip(.doubleStar) {
        guard at(.name) else { throw invalidSyntax() }
        let kwargs = try parseOneParameter(allowsAnnotations: allowsAnnotations, allowsDefault: false)
        try record(kwargs)
        result.kwargs = kwargs
      } else {
        if at(.leftParen) && closing == .rightParen { try rejectParenthesizedParameters() }
        guard at(.name) else { throw invalidSyntax() }
        let parameter = try parseOneParameter(allowsAnnotations: allowsAnnotations, allowsDefault: true)
        try record(parameter)
        if sawStar {
          result.keywordOnly.append(parameter)
        } else {
          if parameter.defaultValue != nil {
            sawDefault = true
          } else if sawDefault {
            throw error(.nonDefaultFollowsDefault, parameter.range)
          }
          result.regular.append(parameter)
        }
      }
      if !skip(.comma) { break }
    }
    if let bareStar, result.keywordOnly.isEmpty {
      throw error(.namedArgumentsMustFollowBareStar, bareStar.range)
    }
    if !at(closing) {
      if closing == .rightParen { throw invalidSyntax() }
      if closing == .colon && at(.leftParen) { throw invalidSyntax() }
    }
    return result
  }

  /// `def f((a, b)):` — Python 2's tuple parameters.
  private func rejectParenthesizedParameters() throws(SyntaxError) {
    let open = current
    var ahead = 1
    while peekKind(ahead) == .name {
      ahead += 1
      if peekKind(ahead) == .comma { ahead += 1 }
    }
    if ahead > 1, peekKind(ahead) == .rightParen {
      let close = tokens[min(index + ahead, tokens.count - 1)]
      throw error(.parametersParenthesized, open.range.union(close.range))
    }
    throw invalidSyntax()
  }

  private func parseOneParameter(allowsAnnotations: Bool, allowsDefault: Bool) throws(SyntaxError) -> Parameter {
    let name = advance()
    var parameter = Parameter(name: nameText(name), range: name.range)
    if allowsAnnotations, skip(.colon) {
      let annotation = try parseExpression()
      parameter.annotation = annotation
      parameter.range = name.range.union(annotation.range)
    }
    if at(.equal) {
      guard allowsDefault else { throw invalidSyntax() }
      let equal = advance()
      if at(.comma) || at(.rightParen) { throw error(.defaultValueExpected, equal.range) }
      parameter.defaultValue = try parseExpression()
    }
    return parameter
  }
}
