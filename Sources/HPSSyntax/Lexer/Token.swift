// The tokens the lexer hands the parser. Offsets, not lines, keep them small; the payload holds the
// already-decoded value of names, numbers and strings so the parser never re-reads the text.

/// One token: its kind, the UTF-8 range it covers and its decoded value.
public struct Token: Sendable {
  public var kind: TokenKind
  public var range: SourceRange
  public var value: TokenValue

  public init(_ kind: TokenKind, _ range: SourceRange, _ value: TokenValue = .none) {
    self.kind = kind
    self.range = range
    self.value = value
  }
}

/// The decoded payload of a token.
public enum TokenValue: Sendable {
  case none
  case name(String)
  case number(Constant)
  /// Boxed: a string token's payload is large and rare, names and numbers stay inline.
  indirect case string(StringToken)
}

/// A string literal as lexed: its prefix flags, where its body sits, and, unless it is an
/// f-string (which the parser splits into parts), its decoded value.
public struct StringToken: Sendable {
  public var isBytes: Bool
  public var isRaw: Bool
  public var isFormatted: Bool
  public var isTriple: Bool
  /// The text between the quotes.
  public var body: SourceRange
  /// `.string` or `.bytes`; nil for f-strings.
  public var decoded: Constant?
  /// A bad escape or a non-ASCII byte in a bytes literal; the parser reports it where CPython does.
  var failure: SyntaxErrorKind?
}
