// The one error the front end produces. The parser stops at the first error, as CPython does.

/// A lexing or parsing error with the exact place it points at.
public struct SyntaxError: Error, Sendable, CustomStringConvertible {
  /// The Python exception class it surfaces as: `SyntaxError`, `IndentationError` or `TabError`.
  public var className: String
  /// The message after `SyntaxError: `, worded for a beginner
  /// (`expected ':' after 'if' condition`).
  public var message: String
  /// What the caret(s) underline.
  public var range: SourceRange
  public var source: SourceFile

  public init(className: String = "SyntaxError", message: String, range: SourceRange, source: SourceFile) {
    self.className = className
    self.message = message
    self.range = range
    self.source = source
  }

  public var location: SourceLocation { source.location(ofOffset: Int(range.start)) }

  /// `file:line:column: SyntaxError: message`, the one-line form used in logs and tests.
  public var description: String {
    "\(source.name):\(location): \(className): \(message)"
  }
}
