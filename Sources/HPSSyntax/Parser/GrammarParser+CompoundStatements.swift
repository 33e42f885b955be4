// Compound statements: a header ending in `:` and an indented block (or a simple statement on the
// same line). A statement's range covers its header, which is what tracebacks show.

extension GrammarParser {
  func parseCompoundStatement() throws(SyntaxError) -> Stmt {
    switch kind {
    case .kwIf: return try parseIf()
    case .kwWhile: return try parseWhile()
    case .kwFor: return try parseFor()
    case .kwTry: return try parseTry()
    case .kwWith: return try parseWith()
    case .kwDef: return try parseFunctionDef(decorators: [])
    case .kwClass: return try parseClassDef(decorators: [])
    case .at: return try parseDecorated()
    default: throw error(.asyncNotSupported, current.range)
    }
  }

  /// The block after a header's `:` (already consumed): an indented suite or statements on the
  /// same line. `header` names the statement for "expected an indented block after …".
  func parseBlock(header: String, headerToken: Token) throws(SyntaxError) -> [Stmt] {
    try enter()
    defer { leave() }
    guard skip(.newline) else { return try parseSimpleStatements() }
    guard skip(.indent) else {
      throw error(.expectedIndentedBlock(after: header, line: source.line(ofOffset: Int(headerToken.range.start))), current.range)
    }
    var body: [Stmt] = []
    while !at(.dedent) && !at(.endOfFile) {
      if at(.indent) { throw unexpectedIndent() }
      if at(.error) { throw invalidSyntax() }
      body += try parseStatement()
    }
    _ = accept(.dedent)
    return body
  }

  private func parseCondition() throws(SyntaxError) -> Expr {
    let saved = inCondition
    inCondition = true
    defer { inCondition = saved }
    return try parseNamedExpression()
  }

  private func parseIf() throws(SyntaxError) -> Stmt {
    let keyword = advance()
    let test = try parseCondition()
    let colon = try expectHeaderColon()
    let header = keyword.kind == .kwIf ? "'if' statement" : "'elif' statement"
    let body = try parseBlock(header: header, headerToken: keyword)
    var orElse: [Stmt] = []
    if at(.kwElif) {
      orElse = [try parseIf()]
    } else if let elseToken = accept(.kwElse) {
      _ = try expectHeaderColon()
      orElse = try parseBlock(header: "'else' statement", headerToken: elseToken)
    }
    return Stmt(.if(test: test, body: body, orElse: orElse), keyword.range.union(colon.range))
  }

  private func parseLoopBody(header: String, headerToken: Token) throws(SyntaxError) -> [Stmt] {
    loopDepth += 1
    defer { loopDepth -= 1 }
    return try parseBlock(header: header, headerToken: headerToken)
  }

  private func parseLoopElse() throws(SyntaxError) -> [Stmt] {
    guard let elseToken = accept(.kwElse) else { return [] }
    _ = try expectHeaderColon()
    return try parseBlock(header: "'else' statement", headerToken: elseToken)
  }

  private func parseWhile() throws(SyntaxError) -> Stmt {
    let keyword = advance()
    let test = try parseCondition()
    let colon = try expectHeaderColon()
    let body = try parseLoopBody(header: "'while' statement", headerToken: keyword)
    let orElse = try parseLoopElse()
    return Stmt(.while(test: test, body: body, orElse: orElse), keyword.range.union(colon.range))
  }

  private func parseFor() throws(SyntaxError) -> Stmt {
    let keyword = advance()
    let target = try parseTargetList(stopAt: .kwIn)
    try validateTarget(target, context: .forLoop)
    guard skip(.kwIn) else { throw invalidSyntax() }
    let iterable = try parseStarExpressions()
    let colon = try expectHeaderColon()
    let body = try parseLoopBody(header: "'for' statement", headerToken: keyword)
    let orElse = try parseLoopElse()
    return Stmt(.for(target: target, iterable: iterable, body: body, orElse: orElse), keyword.range.union(colon.range))
  }

  private func parseTry() throws(SyntaxError) -> Stmt {
    let keyword = advance()
    let colon = try expectHeaderColon()
    let body = try parseBlock(header: "'try' statement", headerToken: keyword)
    var handlers: [ExceptHandler] = []
    var bareHandler: ExceptHandler?
    while let exceptToken = accept(.kwExcept) {
      var type: Expr?
      var name: String?
      if !at(.colon) {
        let first = try parseExpression()
        if at(.comma) {
          let mark = index
          _ = try? parseStarExpressions()
          let end = previous.range
          reset(to: mark)
          throw error(.exceptMultipleTypesNeedParentheses, first.range.union(end))
        }
        type = first
        if skip(.kwAs) {
          guard at(.name) else { throw invalidSyntax() }
          name = nameText(advance())
        }
      }
      let handlerColon = try expectHeaderColon()
      let handlerBody = try parseBlock(header: "'except' statement", headerToken: exceptToken)
      let handler = ExceptHandler(type: type, name: name, body: handlerBody, range: exceptToken.range.union(handlerColon.range))
      if let bareHandler {
        throw error(.defaultExceptMustBeLast, bareHandler.range)
      }
      if type == nil { bareHandler = handler }
      handlers.append(handler)
    }
    var orElse: [Stmt] = []
    if !handlers.isEmpty, let elseToken = accept(.kwElse) {
      _ = try expectHeaderColon()
      orElse = try parseBlock(header: "'else' statement", headerToken: elseToken)
    }
    var finally: [Stmt] = []
    if let finallyToken = accept(.kwFinally) {
      _ = try expectHeaderColon()
      finally = try parseBlock(header: "'finally' statement", headerToken: finallyToken)
    } else if handlers.isEmpty {
      throw error(.expectedExceptOrFinally, current.range)
    }
    return Stmt(.try(body: body, handlers: handlers, orElse: orElse, finally: finally), keyword.range.union(colon.range))
  }

  private func parseWith() throws(SyntaxError) -> Stmt {
    let keyword = advance()
    var items: [WithItem]
    if at(.leftParen), let parenthesized = try? parseParenthesizedWithItems() {
      items = parenthesized
    } else {
      items = try parseWithItems(closing: .colon)
    }
    let colon = try expectHeaderColon()
    let body = try parseBlock(header: "'with' statement", headerToken: keyword)
    return Stmt(.with(items: items, body: body), keyword.range.union(colon.range))
  }

  /// `with (a as b, c as d):` — tried first; on failure the caller reparses `(…)` as an expression.
  private func parseParenthesizedWithItems() throws(SyntaxError) -> [WithItem] {
    let mark = index
    try openBracket()
    defer { closeBracket() }
    advance()
    let items = try parseWithItems(closing: .rightParen)
    guard skip(.rightParen), at(.colon) else {
      reset(to: mark)
      throw invalidSyntax()
    }
    return items
  }

  private func parseWithItems(closing: TokenKind) throws(SyntaxError) -> [WithItem] {
    var items: [WithItem] = []
    repeat {
      if closing == .rightParen && at(closing) && !items.isEmpty { break }
      let context = try parseExpression()
      var target: Expr?
      if skip(.kwAs) {
        let parsed = try parseStarTargetForWith()
        try validateTarget(parsed, context: .withItem)
        target = parsed
      }
      items.append(WithItem(context: context, target: target))
    } while skip(.comma)
    return items
  }

  private func parseStarTargetForWith() throws(SyntaxError) -> Expr {
    try parseBitwiseOr()
  }

  private func parseDecorated() throws(SyntaxError) -> Stmt {
    var decorators: [Expr] = []
    while skip(.at) {
      decorators.append(try parseNamedExpression())
      guard skip(.newline) else { throw invalidSyntax() }
    }
    if at(.kwDef) { return try parseFunctionDef(decorators: decorators) }
    if at(.kwClass) { return try parseClassDef(decorators: decorators) }
    if at(.kwAsync) { throw error(.asyncNotSupported, current.range) }
    throw invalidSyntax()
  }

  private func parseFunctionDef(decorators: [Expr]) throws(SyntaxError) -> Stmt {
    let keyword = advance()
    guard at(.name) else { throw invalidSyntax() }
    let name = nameText(advance())
    guard skip(.leftParen) else { throw error(.expected("'('"), current.range) }
    try openBracket()
    let parameters = try parseParameters(closing: .rightParen, allowsAnnotations: true)
    guard skip(.rightParen) else { throw invalidSyntax() }
    closeBracket()
    var returns: Expr?
    if skip(.arrow) { returns = try parseExpression() }
    let colon = try expect(.colon)
    let (savedFunction, savedLoops) = (inFunction, loopDepth)
    inFunction = true
    loopDepth = 0
    defer { (inFunction, loopDepth) = (savedFunction, savedLoops) }
    let body = try parseBlock(header: "function definition", headerToken: keyword)
    let definition = FunctionDef(
      name: name, parameters: parameters, body: body, decorators: decorators, returns: returns,
      docstring: docstring(of: body))
    return Stmt(.functionDef(definition), keyword.range.union(colon.range))
  }

  private func parseClassDef(decorators: [Expr]) throws(SyntaxError) -> Stmt {
    let keyword = advance()
    guard at(.name) else { throw invalidSyntax() }
    let name = nameText(advance())
    var bases: [Expr] = []
    var keywords: [Argument] = []
    if at(.leftParen) {
      let (arguments, _) = try parseCallArguments()
      for argument in arguments {
        switch argument.kind {
        case .positional(let value):
          if case .generator(_, let clauses) = value.kind, let first = clauses.first {
            throw error(.invalidSyntax, SourceRange(start: Int(first.range.start), end: Int(first.range.start) + 3))
          }
          bases.append(value)
        case .star(let value): bases.append(Expr(.starred(value), argument.range))
        case .keyword, .doubleStar: keywords.append(argument)
        }
      }
    }
    let colon = try expect(.colon)
    let (savedFunction, savedLoops) = (inFunction, loopDepth)
    inFunction = false
    loopDepth = 0
    defer { (inFunction, loopDepth) = (savedFunction, savedLoops) }
    let body = try parseBlock(header: "class definition", headerToken: keyword)
    let definition = ClassDef(
      name: name, bases: bases, keywords: keywords, body: body, decorators: decorators,
      docstring: docstring(of: body))
    return Stmt(.classDef(definition), keyword.range.union(colon.range))
  }

  /// The string a body opens with, if any (it stays in the body, as in CPython's AST).
  private func docstring(of body: [Stmt]) -> String? {
    if let first = body.first, case .expression(let value) = first.kind, case .constant(.string(let text)) = value.kind {
      return text
    }
    return nil
  }
}
