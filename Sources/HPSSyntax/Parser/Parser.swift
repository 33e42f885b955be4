// Entry points of the front end. (Placeholder until the parser lands; the signatures are the
// contract the compiler, the REPL and the Jupyter kernel build on.)

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
    throw SyntaxError(message: "parser not yet implemented", range: .none, source: source)
  }

  /// Parses a single expression (for `eval`).
  public static func parseExpression(_ source: SourceFile) throws(SyntaxError) -> Expr {
    throw SyntaxError(message: "parser not yet implemented", range: .none, source: source)
  }

  /// Classifies console input the way IPython does: a block ends at an empty line.
  public static func completeness(of text: String) -> InputCompleteness { .invalid }
}
