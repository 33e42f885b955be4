// IPython's rules for when console input is ready to run: open brackets, an unterminated
// triple-quoted string or a trailing backslash need more lines; so does a block until the user
// enters an empty line; a single simple statement runs at once.

enum InputClassifier {
  static func classify(_ text: String) -> InputCompleteness {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if text.hasSuffix("\n") { lines.removeLast() }
    guard lines.contains(where: { !$0.trimmingWhitespace.isEmpty }) else { return .complete }
    let lastLine = lines.last ?? ""
    if lastLine.hasSuffix("\\") { return .incomplete(indent: indentation(of: lastLine)) }

    let source = SourceFile(name: "<input>", text: text)
    let lexed = Lexer.tokenize(source)
    if let error = lexed.error {
      if error.message.hasPrefix("unterminated triple-quoted") || error.message.hasSuffix("was never closed")
        || error.message == "unexpected EOF while parsing"
      {
        return .incomplete(indent: indentation(of: lastLine))
      }
      return .invalid
    }
    let lastNonBlank = lines.last(where: { !$0.trimmingWhitespace.isEmpty }) ?? ""
    let endsWithBlankLine = lastLine.trimmingWhitespace.isEmpty && lines.count > 1
    if !endsWithBlankLine, let lastToken = lastSignificantToken(lexed.tokens), lastToken.kind == .colon {
      return .incomplete(indent: indentation(of: lastNonBlank) + "    ")
    }
    do {
      _ = try Parser.parseModule(source)
    } catch {
      // A block header with nothing after it yet is incomplete, not wrong.
      // (Only when the error is at the end: a header followed by an unindented line is wrong.)
      let atEnd = error.location.line > (lines.lastIndex(where: { !$0.trimmingWhitespace.isEmpty }) ?? 0) + 1
      if error.message.hasPrefix("expected an indented block"), !endsWithBlankLine, atEnd {
        return .incomplete(indent: indentation(of: lastNonBlank) + "    ")
      }
      return .invalid
    }
    let opensBlock = lexed.tokens.contains { $0.kind == .indent }
    if opensBlock && !endsWithBlankLine { return .incomplete(indent: indentation(of: lastLine)) }
    return .complete
  }

  private static func lastSignificantToken(_ tokens: [Token]) -> Token? {
    tokens.last { ![.newline, .indent, .dedent, .endOfFile].contains($0.kind) }
  }

  private static func indentation(of line: String) -> String {
    String(line.prefix { $0 == " " || $0 == "\t" })
  }
}

extension String {
  var trimmingWhitespace: Substring {
    let trimmedFront = drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{0C}" }
    var end = trimmedFront.endIndex
    while end > trimmedFront.startIndex {
      let before = trimmedFront.index(before: end)
      if " \t\r\u{0C}".contains(trimmedFront[before]) { end = before } else { break }
    }
    return trimmedFront[..<end]
  }
}
