// `hps --dump-tokens`: one token per line with its position, kind and value.

extension Lexer {
  /// The tokens of `source` (for tools such as a REPL's highlighter or completer), ending in
  /// ENDMARKER, or in an ERRORTOKEN where lexing stopped with `error`.
  public static func tokens(of source: SourceFile) -> (tokens: [Token], error: SyntaxError?) {
    let result = tokenize(source)
    return (result.tokens, result.error)
  }

  /// Every token of `source`, one per line as `line:column-line:column KIND 'text' value`; a lexing
  /// error ends the listing with its message.
  public static func dumpTokens(_ text: String) -> String {
    dumpTokens(SourceFile(name: "<string>", text: text))
  }

  public static func dumpTokens(_ source: SourceFile) -> String {
    let result = tokenize(source)
    var out = ""
    for token in result.tokens {
      let start = source.location(ofOffset: Int(token.range.start))
      let end = source.location(ofOffset: Int(token.range.end))
      var line = "\(start)-\(end) \(token.kind.rawValue)"
      switch token.value {
      case .none:
        if token.kind != .newline && token.kind != .indent && token.kind != .dedent
          && token.kind != .endOfFile && token.kind != .error
        {
          break
        }
      case .name(let name): line += " " + name
      case .number(let value): line += " " + value.dump()
      case .string(let literal):
        line += " " + quote(source.text(of: token.range))
        if let decoded = literal.decoded { line += " = " + decoded.dump() }
      }
      out += line + "\n"
    }
    if let error = result.error { out += error.description + "\n" }
    return out
  }
}
