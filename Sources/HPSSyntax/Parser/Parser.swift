// Entry points of the front end: the signatures the compiler, the REPL and the Jupyter kernel
// build on.

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
    while parser.at(.newline) { parser.advance() }
    if parser.at(.indent) { throw parser.unexpectedIndent() }
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
