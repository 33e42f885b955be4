// Entry points of the front end: the signatures the compiler, the REPL and the Jupyter kernel
// build on.
//
//   Parser.parseModule(source)     a file, cell or -c string → Module (statements + source)
//   Parser.parseExpression(source) an expression for eval() → Expr
//   Parser.completeness(of: text)  console input → .complete / .incomplete(indent:) / .invalid
//   Lexer.dumpTokens(source)       `hps --dump-tokens`;  module.dump()  `hps --dump-ast`
//
// Errors are `SyntaxError` values (class name, CPython 3.11 message, range); the parser stops at
// the first one. Besides grammar errors it reports what CPython's compiler checks early: 'return'
// or 'yield' outside a function, 'break'/'continue' outside a loop, nonlocal at module level.
// The AST depth is bounded (ParserLimits.maxNesting), so recursive walks over it are safe on a
// thread with a few hundred KiB of stack.

/// Whether a REPL/console input is ready to run (Jupyter's `is_complete_request`).
public enum InputCompleteness: Sendable, Equatable {
  case complete
  /// More lines are needed; `indent` is what the next line should start with.
  case incomplete(indent: String)
  case invalid
}

public enum Parser {
  /// Parses a whole file, cell or `-c` string.
  public static func parseModule(_ source: SourceFile) throws(SyntaxError) -> Module {
    let parser = GrammarParser(source: source, lexed: Lexer.tokenize(source))
    return Module(body: try parser.parseFile(), source: source)
  }

  /// Parses a single expression (for `eval`); surrounding whitespace and newlines are allowed.
  public static func parseExpression(_ source: SourceFile) throws(SyntaxError) -> Expr {
    let parser = GrammarParser(source: source, lexed: Lexer.tokenize(source))
    // eval() ignores leading blank lines and indentation.
    while parser.at(.newline) || parser.at(.indent) { parser.advance() }
    let value = try parser.parseStarExpressions()
    while parser.at(.newline) || parser.at(.dedent) { parser.advance() }
    guard parser.at(.endOfFile) else { throw parser.invalidSyntax() }
    if let pending = parser.pendingError { throw pending }
    return value
  }

  /// Classifies console input the way IPython does: a block ends at an empty line.
  public static func completeness(of text: String) -> InputCompleteness {
    InputClassifier.classify(text)
  }
}
