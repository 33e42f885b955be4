// The recursive-descent parser: its cursor over the token array, its error constructor (which lets a lexer error that
// comes at or before the failure win, as CPython's tokenizer errors do), and the nesting guard.

/// How deep the parser may nest before it reports an error instead of risking the stack.
enum ParserLimits {
  /// Nested expressions, statements and left-deep chains (`a.b.c…`, `1+1+…`) together. CPython
  /// gives up near here too ("too many nested parentheses" at 200 brackets, RecursionError for
  /// long chains); the bound also keeps every later recursive AST walk, and the release of the
  /// tree, well inside a small thread's stack.
  static let maxNesting = 1000
  /// Stack that must remain free below the current frame before the parser recurses further.
  static let stackReserve = 96 * 1024
}

final class GrammarParser {
  let source: SourceFile
  let tokens: [Token]
  // Hot state: a parse runs on one thread, so the dynamic exclusivity checks Swift would add to
  // every access of a class's stored `var` only cost time (they were a quarter of parse time).
  @exclusivity(unchecked) private(set) var index = 0
  let lexError: SyntaxError?
  /// Offset of the `.error` token the lexer stopped at (Int.max when lexing succeeded).
  let lexErrorOffset: Int
  private let lexErrorIsUnclosedBracket: Bool
  private let lexErrorIsDeferred: Bool
  @exclusivity(unchecked) var depth = 0
  /// The furthest token the parser has reached, even in attempts it backed out of.
  @exclusivity(unchecked) private(set) var furthest = 0
  /// Where this thread's stack ends (looked up once per parse: on Linux that reads /proc).
  let stack: StackGuard
  /// How many brackets enclose the current position (for "Perhaps you forgot a comma?").
  @exclusivity(unchecked) var bracketLevel = 0
  /// Set while parsing an f-string replacement field, whose errors are prefixed with "f-string: ".
  var inFString = false
  /// Set while parsing an `if`/`elif`/`while` condition (for the "Maybe you meant '=='" hint).
  var inCondition = false
  /// Whether `return`/`yield` are allowed here (inside a def or lambda, not a class body).
  var inFunction = false
  /// Loops enclosing the current statement within the current function.
  var loopDepth = 0
  /// The first error CPython reports after parsing ('return' outside function, …).
  var pendingError: SyntaxError?

  init(source: SourceFile, lexed: LexResult, stack: StackGuard? = nil) {
    self.stack = stack ?? StackGuard()
    self.source = source
    self.tokens = lexed.tokens
    self.lexError = lexed.error
    self.lexErrorIsUnclosedBracket = lexed.errorIsUnclosedBracket
    self.lexErrorIsDeferred = lexed.errorIsDeferred
    if lexed.error != nil, let last = lexed.tokens.last {
      lexErrorOffset = Int(last.range.start)
    } else {
      lexErrorOffset = Int.max
    }
  }

  @inline(__always) var current: Token { tokens[index] }
  @inline(__always) var kind: TokenKind { tokens[index].kind }

  func peekKind(_ ahead: Int) -> TokenKind {
    let position = min(index + ahead, tokens.count - 1)
    if position > furthest { furthest = position }
    return tokens[position].kind
  }

  /// The token before the current one (the current one at the very start).
  var previous: Token { tokens[max(0, index - 1)] }

  @discardableResult
  func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    if index > furthest { furthest = index }
    return token
  }

  @inline(__always) func at(_ kind: TokenKind) -> Bool { tokens[index].kind == kind }

  /// Consumes the current token if it is a `kind`; unlike `accept`, copies nothing.
  @inline(__always) func skip(_ kind: TokenKind) -> Bool {
    guard tokens[index].kind == kind else { return false }
    if index < tokens.count - 1 { index += 1 }
    if index > furthest { furthest = index }
    return true
  }

  func accept(_ kind: TokenKind) -> Token? {
    if tokens[index].kind == kind { return advance() }
    return nil
  }

  /// Rewinds to an earlier position (for the few places that try a parse and back out).
  func reset(to mark: Int) { index = mark }

  func expect(_ kind: TokenKind) throws(SyntaxError) -> Token {
    if let token = accept(kind) { return token }
    if kind == .colon { throw error(.expected("':'"), current.range) }
    throw invalidSyntax()
  }

  /// The `:` ending a block header. CPython says "expected ':'" only when the line ends there
  /// (`if x` ⏎); anything else after the header is plain "invalid syntax".
  func expectHeaderColon() throws(SyntaxError) -> Token {
    if let token = accept(.colon) { return token }
    if at(.newline) { throw error(.expected("':'"), current.range) }
    throw invalidSyntax()
  }

  /// The error to report. As in CPython, a tokenizer error anywhere in the file beats the parser's
  /// own, except that indentation and line-continuation errors count only once the parser reached
  /// them, and an unclosed bracket only when the parser failed on a later line than the bracket.
  func error(_ kind: SyntaxErrorKind, _ range: SourceRange) -> SyntaxError {
    if let lexError {
      let reached = Int(current.range.start) >= lexErrorOffset || Int(range.start) >= lexErrorOffset
      if reached { return lexError }
      if lexErrorIsUnclosedBracket {
        let errorLine = max(source.line(ofOffset: Int(range.start)), source.line(ofOffset: Int(tokens[furthest].range.start)))
        if errorLine > lexError.location.line { return lexError }
      } else if !lexErrorIsDeferred {
        return lexError
      }
    }
    if inFString, !kind.isFStringSpecific {
      return SyntaxError(className: kind.className, message: "f-string: " + kind.message, range: range, source: source)
    }
    return SyntaxError(kind, range, source)
  }

  /// "invalid syntax" at the furthest token the parser looked at, which is where CPython's
  /// PEG parser reports it (`a not b` fails at `b`, after trying `not in`).
  func invalidSyntax() -> SyntaxError {
    error(.invalidSyntax, tokens[max(index, furthest)].range)
  }

  /// Call before recursing; pair with `leave()`.
  func enter() throws(SyntaxError) {
    depth += 1
    if depth > ParserLimits.maxNesting || stack.isLow {
      throw error(.tooDeeplyNested, current.range)
    }
  }

  @inline(__always) func leave() { depth -= 1 }

  /// Whether the current token can begin an expression.
  var startsExpression: Bool {
    switch kind {
    case .name, .number, .string, .leftParen, .leftBracket, .leftBrace, .minus, .plus, .tilde, .kwNot,
      .kwLambda, .kwNone, .kwTrue, .kwFalse, .ellipsis, .kwAwait:
      return true
    default:
      return false
    }
  }
}
