// IPython's rules (TransformerManager.check_complete) for when console input is ready to run:
// open brackets, an unterminated triple-quoted string, a trailing backslash or a line ending in `:`
// need more lines; so does an indented block until the user enters an empty (or whitespace-only)
// line; a single simple statement, or a one-line compound statement, runs at once. Input that can
// never become valid is `.invalid`; input cut off mid-statement is incomplete.
//
// The text is the buffer as typed, without a newline for the line being entered: "if x:\n    pass"
// is incomplete, "if x:\n    pass\n" (an empty line entered after it) is complete.

enum InputClassifier {
  static func classify(_ text: String) -> InputCompleteness {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let endsWithEmptyLine = lines.count > 1 && (lines.last ?? "").trimmingWhitespace.isEmpty
    if text.hasSuffix("\n") { lines.removeLast() }
    let meaningful = lines.filter { !$0.trimmingWhitespace.isEmpty }
    guard !meaningful.isEmpty, meaningful.contains(where: { !$0.trimmingWhitespace.hasPrefix("#") }) else {
      return .complete
    }
    let lastLine = lines.last ?? ""
    let lastMeaningful = meaningful.last ?? ""
    if lastLine.hasSuffix("\\") { return .incomplete(indent: indentation(of: lastLine)) }

    let source = SourceFile(name: "<input>", text: text)
    let lexed = Lexer.tokenize(source)
    if let error = lexed.error {
      let cutOff =
        error.message.hasPrefix("unterminated triple-quoted") || lexed.errorIsUnclosedBracket
        || error.message == "unexpected EOF while parsing"
      return cutOff ? .incomplete(indent: indentation(of: lastLine)) : .invalid
    }
    if lastSignificantToken(lexed.tokens)?.kind == .colon {
      return .incomplete(indent: indentation(of: lastMeaningful) + "    ")
    }
    let parser = GrammarParser(source: source, lexed: lexed)
    do {
      _ = try parser.parseFile()
    } catch {
      // Stopped by the end of the input (`@decorator` alone): more lines can still fix it.
      let stoppedAtEnd = parser.at(.endOfFile) || parser.at(.dedent)
      if stoppedAtEnd && parser.pendingError == nil { return .incomplete(indent: indentation(of: lastLine)) }
      return .invalid
    }
    if endsWithEmptyLine { return .complete }
    if lexed.tokens.contains(where: { $0.kind == .indent }) {
      return .incomplete(indent: indentation(of: lastLine))
    }
    return .complete
  }

  private static func lastSignificantToken(_ tokens: [Token]) -> Token? {
    tokens.last { $0.kind != .newline && $0.kind != .indent && $0.kind != .dedent && $0.kind != .endOfFile }
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
