// Simple statements: everything that fits on one logical line, separated by `;`.

extension GrammarParser {
  /// A whole file: statements until ENDMARKER, then any error CPython's compiler would report.
  func parseFile() throws(SyntaxError) -> [Stmt] {
    var body: [Stmt] = []
    while !at(.endOfFile) {
      if skip(.newline) { continue }
      if at(.indent) { throw unexpectedIndent() }
      if at(.error) || at(.dedent) { throw invalidSyntax() }
      body += try parseStatement()
    }
    // CPython's symbol table reports its errors before the compiler's ('return' outside function…).
    if let scopeError = ScopeValidator(source: source).firstError(in: body) { throw scopeError }
    if let pendingError { throw pendingError }
    return body
  }

  /// CPython reports this as soon as the parser meets the INDENT, before looking for tokenizer
  /// errors further on.
  func unexpectedIndent() -> SyntaxError {
    let end = Int(current.range.end)
    if let lexError, Int(current.range.start) >= lexErrorOffset { return lexError }
    return SyntaxError(.unexpectedIndent, SourceRange(start: max(Int(current.range.start), end - 1), end: end), source)
  }

  /// One statement line (several when separated by `;`) or one compound statement.
  func parseStatement() throws(SyntaxError) -> [Stmt] {
    switch kind {
    case .kwIf, .kwWhile, .kwFor, .kwTry, .kwWith, .kwDef, .kwClass, .at, .kwAsync:
      return [try parseCompoundStatement()]
    case .name where looksLikeMatchStatement():
      throw error(.matchNotSupported, current.range)
    default:
      return try parseSimpleStatements()
    }
  }

  /// `match subject:` followed by an indented `case`: Python 3.10's match statement, which hps
  /// leaves out (`match` stays an ordinary name otherwise).
  private func looksLikeMatchStatement() -> Bool {
    guard case .name("match") = current.value else { return false }
    var position = index + 1
    while position < tokens.count, tokens[position].kind != .newline, tokens[position].kind != .endOfFile {
      position += 1
    }
    guard position + 2 < tokens.count, tokens[position - 1].kind == .colon, tokens[position + 1].kind == .indent,
      case .name("case") = tokens[position + 2].value
    else { return false }
    return true
  }

  func parseSimpleStatements() throws(SyntaxError) -> [Stmt] {
    var statements = [try parseSimpleStatement()]
    while skip(.semicolon) {
      if at(.newline) { break }
      statements.append(try parseSimpleStatement())
    }
    if skip(.newline) { return statements }
    if let last = statements.last, case .expression(let value) = last.kind, case .name(let name) = value.kind,
      name == "print" || name == "exec", startsExpression
    {
      if let rest = try? parseStarExpressions() {
        throw error(.missingPrintParentheses(name), value.range.union(rest.range))
      }
    }
    throw invalidSyntax()
  }

  private func parseSimpleStatement() throws(SyntaxError) -> Stmt {
    let token = current
    switch token.kind {
    case .kwPass:
      advance()
      return Stmt(.pass, token.range)
    case .kwBreak:
      advance()
      if loopDepth == 0 { recordPending(.breakOutsideLoop, token.range) }
      return Stmt(.break, token.range)
    case .kwContinue:
      advance()
      if loopDepth == 0 { recordPending(.continueOutsideLoop, token.range) }
      return Stmt(.continue, token.range)
    case .kwReturn:
      advance()
      var value: Expr?
      if startsExpression || at(.star) { value = try parseStarExpressions() }
      let range = token.range.union(value?.range ?? token.range)
      if !inFunction { recordPending(.returnOutsideFunction, range) }
      return Stmt(.return(value), range)
    case .kwRaise:
      advance()
      var exception: Expr?
      var cause: Expr?
      if startsExpression {
        exception = try parseExpression()
        if skip(.kwFrom) { cause = try parseExpression() }
      }
      return Stmt(.raise(exception: exception, cause: cause), token.range.union(cause?.range ?? exception?.range ?? token.range))
    case .kwGlobal, .kwNonlocal:
      advance()
      var names: [String] = []
      var end = token.range
      repeat {
        guard at(.name) else { throw invalidSyntax() }
        let name = advance()
        names.append(nameText(name))
        end = name.range
      } while skip(.comma)
      let range = token.range.union(end)
      if token.kind == .kwGlobal { return Stmt(.global(names), range) }
      if !inFunction { recordPending(.nonlocalAtModuleLevel, range) }
      return Stmt(.nonlocal(names), range)
    case .kwDel:
      advance()
      var targets: [Expr] = []
      repeat {
        if at(.newline) || at(.semicolon) { break }
        if let star = accept(.star) {
          let operand = try parseBitwiseOr()
          throw error(.cannotDelete("starred"), star.range.union(operand.range))
        }
        let target = try parseBitwiseOr()
        try validateTarget(target, context: .delete)
        targets.append(target)
      } while skip(.comma)
      guard let last = targets.last else { throw invalidSyntax() }
      return Stmt(.delete(targets), token.range.union(last.range))
    case .kwAssert:
      advance()
      let test = try parseExpression()
      var message: Expr?
      if skip(.comma) { message = try parseExpression() }
      return Stmt(.assert(test: test, message: message), token.range.union(message?.range ?? test.range))
    case .kwImport:
      return try parseImport()
    case .kwFrom:
      return try parseFromImport()
    default:
      return try parseExpressionStatement()
    }
  }

  /// An expression statement, or an assignment of any kind.
  private func parseExpressionStatement() throws(SyntaxError) -> Stmt {
    let first = try parseValueOrYield()
    if at(.equal) {
      var chain = [first]
      var bareYield: Expr? = isBareYield(first) ? first : nil
      while skip(.equal) {
        let next = try parseValueOrYield()
        if bareYield == nil, isBareYield(next), at(.equal) { bareYield = next }
        chain.append(next)
      }
      if let bareYield { throw error(.assignmentToYield, bareYield.range) }
      let value = chain.removeLast()
      try rejectBareStar(value)
      for target in chain {
        try validateTarget(target, context: chain.count == 1 ? .soleAssignment : .assignment)
      }
      return Stmt(.assign(targets: chain, value: value), first.range.union(value.range))
    }
    if let op = kind.augmentedOperator {
      try validateSingleTarget(first, augmented: true)
      advance()
      let value = try parseValueOrYield()
      try rejectBareStar(value)
      return Stmt(.augmentedAssign(target: first, op: op, value: value), first.range.union(value.range))
    }
    if let colon = accept(.colon) {
      // CPython names a bad target only when an annotation follows the colon.
      if !startsExpression { try validateSingleTarget(first, augmented: false, orFailAt: colon) }
      try validateSingleTarget(first, augmented: false)
      let annotation = try parseExpression()
      var value: Expr?
      if skip(.equal) {
        let assigned = try parseValueOrYield()
        try rejectBareStar(assigned)
        value = assigned
      }
      return Stmt(
        .annotatedAssign(target: first, annotation: annotation, value: value),
        first.range.union(value?.range ?? annotation.range))
    }
    try rejectBareStar(first)
    return Stmt(.expression(first), first.range)
  }

  /// A `yield` written without parentheses (its range then starts at the `yield` keyword).
  private func isBareYield(_ value: Expr) -> Bool {
    switch value.kind {
    case .yield, .yieldFrom:
      let start = Int(value.range.start)
      return source.utf8.count >= start + 5 && Array(source.utf8[start..<(start + 5)]) == Array("yield".utf8)
        && (start == 0 || source.utf8[start - 1] != UInt8(ascii: "("))
    default: return false
    }
  }

  private func parseValueOrYield() throws(SyntaxError) -> Expr {
    if at(.kwYield) { return try parseYield() }
    return try parseStarExpressions()
  }

  private func rejectBareStar(_ value: Expr) throws(SyntaxError) {
    if case .starred = value.kind { throw error(.cannotUseStarredHere, value.range) }
  }

  /// `import a.b.c as d, e`.
  private func parseImport() throws(SyntaxError) -> Stmt {
    let keyword = advance()
    var names: [ImportName] = []
    repeat {
      let (path, pathRange) = try parseDottedName()
      var alias: String?
      var range = pathRange
      if skip(.kwAs) {
        guard at(.name) else { throw invalidSyntax() }
        let aliasToken = advance()
        alias = nameText(aliasToken)
        range = range.union(aliasToken.range)
      }
      names.append(ImportName(name: path, alias: alias, range: range))
    } while skip(.comma)
    return Stmt(.import(names), keyword.range.union(names[names.count - 1].range))
  }

  /// `from .m import a as b, c`, `from m import (a, b,)`, `from m import *`.
  private func parseFromImport() throws(SyntaxError) -> Stmt {
    let keyword = advance()
    var level = 0
    while true {
      if skip(.dot) {
        level += 1
      } else if skip(.ellipsis) {
        level += 3
      } else {
        break
      }
    }
    var module: String?
    if at(.name) {
      module = try parseDottedName().0
    } else if level == 0 {
      throw invalidSyntax()
    }
    guard skip(.kwImport) else { throw invalidSyntax() }
    if let star = accept(.star) {
      return Stmt(.importFrom(module: module, names: [], level: level, star: true), keyword.range.union(star.range))
    }
    let parenthesized = skip(.leftParen)
    var names: [ImportName] = []
    var end = current.range
    while true {
      guard at(.name) else { throw invalidSyntax() }
      let name = advance()
      var alias: String?
      var range = name.range
      if skip(.kwAs) {
        guard at(.name) else { throw invalidSyntax() }
        let aliasToken = advance()
        alias = nameText(aliasToken)
        range = range.union(aliasToken.range)
      }
      names.append(ImportName(name: nameText(name), alias: alias, range: range))
      end = range
      guard skip(.comma) else { break }
      if parenthesized && at(.rightParen) { break }
      if !parenthesized && (at(.newline) || at(.semicolon)) {
        throw error(.trailingCommaNotAllowedWithoutParentheses, current.range)
      }
    }
    if parenthesized {
      guard let close = accept(.rightParen) else { throw invalidSyntax() }
      end = close.range
    }
    return Stmt(.importFrom(module: module, names: names, level: level, star: false), keyword.range.union(end))
  }

  private func parseDottedName() throws(SyntaxError) -> (String, SourceRange) {
    guard at(.name) else { throw invalidSyntax() }
    let first = advance()
    var text = nameText(first)
    var range = first.range
    while at(.dot), peekKind(1) == .name {
      advance()
      let part = advance()
      text += "." + nameText(part)
      range = range.union(part.range)
    }
    return (text, range)
  }

  /// Keeps the first error CPython's compiler would raise; reported only if parsing succeeds.
  func recordPending(_ kind: SyntaxErrorKind, _ range: SourceRange) {
    if pendingError == nil { pendingError = SyntaxError(kind, range, source) }
  }
}
